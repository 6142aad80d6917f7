use super::*;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn inputs(takes: &[&str], days: u32) -> DelegationInputs {
    DelegationInputs {
        stake_alpha: d("1000"),
        price: d("0.05"),
        days,
        pool_per_epoch: d("108.8"),
        stake_total: d("1200000"),
        epoch_blocks: 360,
        delegates: takes
            .iter()
            .enumerate()
            .map(|(i, t)| Delegate {
                name: format!("V{i}"),
                take: d(t),
                childkey_take: Decimal::ZERO,
                days_since_take_change: 0,
                vtrust: Decimal::ONE,
                observed_apy: None,
            })
            .collect(),
    }
}

#[test]
fn zero_take_earns_one_over_point_eight_two_of_eighteen_percent() {
    // Per epoch the kept share is exactly (1 - take): 1 / (1 - 0.18) more with no take.
    let one = compare(&inputs(&["0.18", "0"], 1)).unwrap();
    assert_eq!(one.epochs, 20);
    let ratio = one.rows[1].rate_per_epoch / one.rows[0].rate_per_epoch;
    assert_eq!(ratio.round_dp(20), (Decimal::ONE / d("0.82")).round_dp(20));
    // Over a single epoch the earnings keep that exact ratio…
    let mut single = inputs(&["0.18", "0"], 1);
    single.epoch_blocks = BLOCKS_PER_DAY;
    let single = compare(&single).unwrap();
    assert_eq!(single.epochs, 1);
    let ratio = single.rows[1].earned.alpha / single.rows[0].earned.alpha;
    assert!((ratio - Decimal::ONE / d("0.82")).abs() < d("1e-20"));
    // …and compounding widens the gap over longer horizons.
    let year = compare(&inputs(&["0.18", "0"], 365)).unwrap();
    assert!(year.rows[1].earned.alpha / year.rows[0].earned.alpha > Decimal::ONE / d("0.82"));
}

#[test]
fn ranks_and_gaps() {
    let c = compare(&inputs(&["0.18", "0.09", "0"], 90)).unwrap();
    let ranks: Vec<usize> = c.rows.iter().map(|r| r.rank).collect();
    assert_eq!(ranks, vec![3, 2, 1]);
    assert_eq!(c.rows[2].gap.alpha, Decimal::ZERO);
    assert_eq!(
        c.rows[0].gap.alpha,
        c.rows[2].earned.alpha - c.rows[0].earned.alpha
    );
    // Take paid is what the validator kept: delegator + take = the gross dividends.
    let r = &c.rows[0];
    assert_eq!(r.take_paid.alpha, r.earned.alpha * d("0.18") / d("0.82"));
    assert_eq!(c.rows[2].take_paid.alpha, Decimal::ZERO);
}

#[test]
fn the_maximum_take_is_the_owner_cut_fraction() {
    assert_eq!(max_take(), d("11796") / d("65535"));
    assert!(max_take() < d("0.18"));
    // What a person types as 18 % is the chain's maximum.
    assert_eq!(take_from_typed(d("0.18")), max_take());
    assert_eq!(take_from_typed(d("0.09")), d("0.09"));
}

#[test]
fn childkey_take_comes_off_first() {
    let mut i = inputs(&["0", "0"], 1);
    i.delegates[1].take = max_take();
    i.delegates[1].childkey_take = max_take();
    let c = compare(&i).unwrap();
    // 18 % + 18 % leaves a delegator 0.82 x 0.82 = 67.2 % of the dividends.
    let kept = c.rows[1].rate_per_epoch / c.rows[0].rate_per_epoch;
    assert_eq!(
        kept.round_dp(20),
        ((Decimal::ONE - max_take()) * (Decimal::ONE - max_take())).round_dp(20)
    );
    assert_eq!(kept.round_dp(3), d("0.672"));
}

#[test]
fn a_raise_waits_for_thirty_days_since_the_last_change() {
    assert_eq!(days_until_raise(0), 30);
    assert_eq!(days_until_raise(12), 18);
    assert_eq!(days_until_raise(30), 0);
    assert_eq!(days_until_raise(400), 0);
    // Unchanged for 30 days or more: the raise can come at once, so it costs from day one.
    let mut i = inputs(&["0.09"], 30);
    i.delegates[0].days_since_take_change = 30;
    let c = compare(&i).unwrap();
    let (raised, lost) = c.rows[0].raised.unwrap();
    assert!(raised.alpha < c.rows[0].earned.alpha);
    assert!(lost.alpha > Decimal::ZERO);
    // Changed 20 days ago: 10 days at the old take first.
    i.delegates[0].days_since_take_change = 20;
    let later = compare(&i).unwrap().rows[0].raised.unwrap().0;
    assert!(later.alpha > raised.alpha);
}

#[test]
fn take_raised_after_the_rate_limit() {
    assert_eq!(take_rate_limit_days(), 30);
    // Just changed: within 30 days nothing changes.
    let month = compare(&inputs(&["0.09"], 30)).unwrap();
    let (raised, lost) = month.rows[0].raised.unwrap();
    assert_eq!(raised.alpha, month.rows[0].earned.alpha);
    assert_eq!(lost.alpha, Decimal::ZERO);
    // Over a year, 0 % then 18 % earns between the two all along.
    let year = compare(&inputs(&["0", "0.18"], 365)).unwrap();
    let (raised, lost) = year.rows[0].raised.unwrap();
    assert!(raised.alpha < year.rows[0].earned.alpha);
    assert!(raised.alpha > year.rows[1].earned.alpha);
    assert_eq!(lost.alpha, year.rows[0].earned.alpha - raised.alpha);
    // Already at 18 %: no raise possible.
    assert!(year.rows[1].raised.is_none());
}

#[test]
fn observed_apy_wins() {
    let mut i = inputs(&["0.18"], 365);
    i.delegates[0].observed_apy = Some(d("0.2"));
    let c = compare(&i).unwrap();
    assert!((c.rows[0].net_apy_pct - d("20")).abs() < d("0.0000001"));
    assert_eq!(compare(&inputs(&[], 10)), Err(DelegationError::NoDelegates));
}
