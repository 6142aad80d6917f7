//! Every figure of the "Delegation take" calculator, pinned to a value computed another way than
//! the code computes it (SPEC §2, §3): rates from the SPEC formula with the integers written
//! out, compounding epoch by epoch (the code uses ln1p/expm1), APYs by repeated squaring in f64,
//! pool legs with the chain's integer formulas, and identities (paid + earned = gross, the raise
//! at once = the 18 % row, ranks sorted by earnings).
//!
//! The page's figures are drawn by Leptos components in `ui/take/summary.rs` and
//! `ui/take/sections.rs`, which are private; every value they read comes from `compare::run`,
//! `compare::switching` and the form, tested here. Each test names the testids it pins.

#[path = "common/figures.rs"]
mod shared;
use dtao_calc::calc::chain_figures::ChainFigures;
use dtao_calc::calc::format::Style;
use dtao_calc::calc::pool_source::FIX_FIELDS;
use dtao_calc::calc::query::getter;
use dtao_calc::calc::returns::history::validators::RealisedByValidator;
use dtao_calc::calc::take::compare::{run, switching, Compared};
use dtao_calc::calc::take::form::TakeForm;
use dtao_calc::calc::take::realised::RealisedLookup;
use dtao_calc::calc::take::rows::{apply, to_params, RowChange};
use dtao_calc::calc::take::table::{amount_text, comparison_rows};
use dtao_calc::model::pool::fee::FeeRate;
use dtao_calc::model::pool::weights::TaoWeight;
use dtao_calc::model::pool::Mechanism;
use dtao_calc::model::staking::delegation::{
    days_until_raise, max_take, take_rate_limit_days, DelegateResult, TAKE_RATE_LIMIT_BLOCKS,
};
use dtao_calc::model::staking::realised::Realised;
use dtao_calc::snapshot::bundled::bundled;
use dtao_calc::snapshot::{Snapshot, Subnet, Validator};
use rust_decimal::Decimal;
use shared::{d, with_overrides};

fn ratio(num: u128, den: u128) -> Decimal {
    Decimal::from_i128_with_scale(num as i128, 0) / Decimal::from_i128_with_scale(den as i128, 0)
}

/// `|a - b| <= rel * |b|` (or both under 1e-24).
fn close(a: Decimal, b: Decimal, rel: &str) -> bool {
    let diff = (a - b).abs();
    diff <= b.abs() * d(rel) || diff < d("1e-24")
}

fn assert_close(what: &str, a: Decimal, b: Decimal, rel: &str) {
    assert!(
        close(a, b, rel),
        "{what}: got {a}, expected {b} (rel {rel})"
    );
}

fn f(x: Decimal) -> f64 {
    x.to_string().parse().unwrap()
}

/// Compounding epoch by epoch: `(1 + r1)^n1 (1 + r2)^n2 ... - 1`, one multiplication an epoch.
fn compound(legs: &[(Decimal, u64)]) -> Decimal {
    let mut balance = Decimal::ONE;
    for &(rate, epochs) in legs {
        for _ in 0..epochs {
            balance += balance * rate;
        }
    }
    balance - Decimal::ONE
}

/// Payouts completed within `days`, counted block by block: epoch k ends at block k * epoch.
fn payouts(days: u64, epoch_blocks: u64) -> u64 {
    let horizon = days * 7_200;
    let mut k = 0;
    while (k + 1) * epoch_blocks <= horizon {
        k += 1;
    }
    k
}

/// A pool typed by hand: 1,000 TAO / 20,000 alpha at equal weights, spot 0.05 TAO per alpha.
/// The chain figures of SPEC §2's worked example: emission 1, R 6M TAO, w 0.18, A 3M alpha,
/// A_v 1,198,000 + your 2,000 = 1,200,000.
const BASE: [(&str, &str); 11] = [
    ("netuid", ""),
    ("tao_in", "1000"),
    ("alpha_in", "20000"),
    ("amount", "100"),
    ("days", "365"),
    ("emission", "1"),
    ("epoch_blocks", "360"),
    ("issuance", "3000000"),
    ("alpha_stake", "1198000"),
    ("root_tao", "6000000"),
    ("tao_weight", "0.18"),
];

fn query<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    with_overrides(&BASE, extra)
}

fn form_on(snapshot: &Snapshot, q: &[(&str, &str)]) -> TakeForm {
    TakeForm::read(getter(q), snapshot)
}

fn compared(extra: &[(&str, &str)]) -> Compared {
    let snapshot = bundled();
    run(&form_on(&snapshot, &query(extra)), &snapshot).unwrap()
}

/// The three rows of the main scenario: 18 % (the maximum), 9 % changed 29 days ago, 0 %
/// unchanged for 30 days; $400 a TAO.
const ROWS: [(&str, &str); 6] = [
    ("names", "Max,Nine,Zero"),
    ("takes", "18,9,0"),
    ("vtrusts", "1,1,1"),
    ("childkeys", "0,0,0"),
    ("take_days", "0,29,30"),
    ("tao_usd", "400"),
];

// rp = R w / (R w + A) = 1,080,000 / 4,080,000 = 9/34, so 1 - rp = 25/34.
// validator share = (65,535 - 11,796) / (2 x 65,535) = 53,739 / 131,070.
// V = 360 x 1 x 53,739/131,070 x 25/34 = 483,651,000 / 4,456,380 alpha an epoch.
const V_NUM: u128 = 360 * 53_739 * 25;
const V_DEN: u128 = 131_070 * 34;
const A_V: u128 = 1_200_000;

/// r at the maximum take: V x (53,739/65,535) / 1,200,000.
fn r_max() -> Decimal {
    ratio(V_NUM * 53_739, V_DEN * 65_535 * A_V)
}
/// r at 9 %: V x 91/100 / 1,200,000.
fn r_nine() -> Decimal {
    ratio(V_NUM * 91, V_DEN * 100 * A_V)
}
/// r at 0 %: V / 1,200,000.
fn r_zero() -> Decimal {
    ratio(V_NUM, V_DEN * A_V)
}

const STAKE: &str = "2000"; // 100 TAO / 0.05 TAO per alpha
const EPOCHS_365: u64 = 7_300; // 365 x 7,200 / 360

/// Dollars as the page writes them: the amount's TAO at the query's 400 USD per TAO.
fn usd(a: &dtao_calc::model::staking::delegation::Amount) -> Decimal {
    Style::READABLE.with_usd(Some(d("400"))).usd(a.tao).unwrap()
}

fn by_name<'a>(c: &'a Compared, name: &str) -> &'a DelegateResult {
    let i = c.delegates.iter().position(|d| d.name == name).unwrap();
    c.comparison.rows.iter().find(|r| r.index == i).unwrap()
}

#[test]
// Pins take-table (its caption: the stake in alpha and the payouts), and the form reading
// amount / spot price at a weighted pool (SPEC §1: p = w_alpha y / (w_tao x)).
fn caption_stake_and_payouts() {
    let c = compared(&ROWS);
    assert_eq!(c.stake_alpha, d(STAKE));
    assert_eq!(c.price, d("0.05"));
    assert_eq!(c.comparison.epochs, payouts(365, 360));
    assert_eq!(c.comparison.epochs, EPOCHS_365);
    // A weight of 0.25: p = 0.75 x 1,000 / (0.25 x 20,000) = 0.15, so 100 TAO is 666.67 alpha.
    let w = compared(&[ROWS[0], ROWS[1], ("w_tao", "0.25")]);
    assert_eq!(w.price, d("0.15"));
    assert_close(
        "stake at w 0.25",
        w.stake_alpha,
        d("100") / d("0.15"),
        "1e-26",
    );
    // 361-block epochs (before spec 423): 2,628,000 / 361 = 7,279.78, so 7,279 completed payouts.
    for (days, epoch) in [
        (365, "361"),
        (1, "361"),
        (1, "7200"),
        (1, "7201"),
        (30, "100"),
    ] {
        let c = compared(&[("days", &days.to_string()), ("epoch_blocks", epoch)]);
        assert_eq!(
            c.comparison.epochs,
            payouts(days, epoch.parse().unwrap()),
            "{days} days of {epoch}"
        );
        assert_eq!(c.epoch_blocks, epoch.parse::<u32>().unwrap());
    }
    assert_eq!(
        compared(&[("days", "365"), ("epoch_blocks", "361")])
            .comparison
            .epochs,
        7_279
    );
}

#[test]
// Pins take-net-apy-N, take-best-apy: the SPEC formula with the integers written out, the APY
// by repeated squaring in f64 (the code uses ln1p/expm1), and SPEC §2's worked 71.8 %.
fn net_apy_per_row() {
    let c = compared(&ROWS);
    for (name, rate) in [("Max", r_max()), ("Nine", r_nine()), ("Zero", r_zero())] {
        let row = by_name(&c, name);
        assert_close(&format!("{name} rate"), row.rate_per_epoch, rate, "1e-24");
        // 7,300 epochs a year of 365 days (the code's year).
        let apy = ((1.0 + f(rate)).powi(EPOCHS_365 as i32) - 1.0) * 100.0;
        let got = f(row.net_apy_pct);
        assert!((got - apy).abs() < apy * 1e-9, "{name}: {got} vs {apy}");
    }
    // With 360-block epochs a 365-day horizon is exactly one year of payouts: APY = earned / S.
    for row in &c.comparison.rows {
        assert_close(
            "apy = earned/stake over a year",
            row.net_apy_pct,
            row.earned.alpha / d(STAKE) * d("100"),
            "1e-15",
        );
    }
    // take-best-apy: the first-ranked row, which has the highest net APY.
    let best = c.comparison.rows.iter().min_by_key(|r| r.rank).unwrap();
    assert_eq!(c.delegates[best.index].name, "Zero");
    assert!(c
        .comparison
        .rows
        .iter()
        .all(|r| r.net_apy_pct <= best.net_apy_pct));
    // SPEC §2: 1,000 alpha, A_v 1.2M, take 11,796/65,535, 361-block epochs: APY 71.8 %.
    let spec = compared(&[
        ("amount", "50"),
        ("alpha_stake", "1199000"),
        ("epoch_blocks", "361"),
        ("takes", "18"),
    ]);
    assert_eq!(spec.stake_alpha, d("1000"));
    assert_eq!(spec.comparison.rows[0].net_apy_pct.round_dp(1), d("71.8"));
    // The year is 7,200 x 365 / 361 = 7,279.778 epochs (not floored to whole ones).
    let r = f(spec.comparison.rows[0].rate_per_epoch);
    let apy = ((1.0 + r).ln() * (2_628_000.0 / 361.0)).exp_m1() * 100.0;
    assert!((f(spec.comparison.rows[0].net_apy_pct) - apy).abs() < 1e-9);
}

#[test]
// Pins take-earned-N, take-best-earned: stake x ((1 + r)^n - 1), compounded epoch by epoch,
// with TAO at the spot price and dollars at the typed TAO price.
fn earned_per_row() {
    let c = compared(&ROWS);
    for (name, rate) in [("Max", r_max()), ("Nine", r_nine()), ("Zero", r_zero())] {
        let row = by_name(&c, name);
        let expected = d(STAKE) * compound(&[(rate, EPOCHS_365)]);
        assert_close(
            &format!("{name} earned"),
            row.earned.alpha,
            expected,
            "1e-18",
        );
        assert_close("earned tao", row.earned.tao, expected * d("0.05"), "1e-18");
        assert_close("earned usd", usd(&row.earned), expected * d("20"), "1e-18");
    }
    // take-best-earned: the best row earns the most.
    let best = c.comparison.rows.iter().min_by_key(|r| r.rank).unwrap();
    let most = c.comparison.rows.iter().map(|r| r.earned.alpha).max();
    assert_eq!(Some(best.earned.alpha), most);
    // One day less is 20 payouts less, and 30 days is 600 payouts.
    let month = compared(&[ROWS[0], ROWS[1], ("days", "30")]);
    let zero = by_name(&month, "Zero");
    assert_close(
        "30 days",
        zero.earned.alpha,
        d(STAKE) * compound(&[(r_zero(), 600)]),
        "1e-18",
    );
    // The table writes them: "… τ · $X" to the cent; no TAO price, no dollars.
    let max = by_name(&c, "Max");
    let text = amount_text(&max.earned, Style::READABLE.with_usd(Some(d("400"))));
    let cents = usd(&max.earned).round_dp(2);
    assert!(
        text.replace(',', "")
            .contains(&cents.normalize().to_string()),
        "{text} lacks ${cents}"
    );
    assert!(!amount_text(&max.earned, Style::READABLE).contains('$'));
}

#[test]
// Pins take-paid-N: what the validator keeps, summed epoch by epoch as take x gross (the gross
// being what the delegator is paid / (1 - take)); and paid + earned = gross.
fn take_paid_per_row() {
    let c = compared(&ROWS);
    for (name, take, rate) in [
        ("Max", max_take(), r_max()),
        ("Nine", d("0.09"), r_nine()),
        ("Zero", Decimal::ZERO, r_zero()),
    ] {
        let row = by_name(&c, name);
        let (mut balance, mut paid, mut gross_total) = (d(STAKE), Decimal::ZERO, Decimal::ZERO);
        for _ in 0..EPOCHS_365 {
            let to_you = balance * rate;
            let gross = to_you / (Decimal::ONE - take);
            paid += gross * take;
            gross_total += gross;
            balance += to_you;
        }
        assert_close(&format!("{name} paid"), row.take_paid.alpha, paid, "1e-15");
        assert_close(
            "paid + earned = gross",
            row.take_paid.alpha + row.earned.alpha,
            gross_total,
            "1e-15",
        );
        assert_close("paid tao", row.take_paid.tao, paid * d("0.05"), "1e-15");
    }
    assert_eq!(by_name(&c, "Zero").take_paid.alpha, Decimal::ZERO);
}

#[test]
// Pins take-gap-N, take-worst-gap, take-row-N (data-rank) and the table's order: ranks sort
// the rows by earnings, ties keep the typed order, the gap is to the first-ranked row.
fn ranks_and_gaps() {
    let c = compared(&ROWS);
    let earned = |name| by_name(&c, name).earned.alpha;
    let ranks: Vec<(String, usize)> = c
        .comparison
        .rows
        .iter()
        .map(|r| (c.delegates[r.index].name.clone(), r.rank))
        .collect();
    assert_eq!(
        ranks,
        [("Max".into(), 3), ("Nine".into(), 2), ("Zero".into(), 1)]
    );
    for name in ["Max", "Nine", "Zero"] {
        assert_eq!(
            by_name(&c, name).gap.alpha,
            earned("Zero") - earned(name),
            "{name}"
        );
    }
    // take-worst-gap: the last-ranked row, the most expensive; its gap is best minus worst.
    let worst = c.comparison.rows.iter().max_by_key(|r| r.rank).unwrap();
    assert_eq!(c.delegates[worst.index].name, "Max");
    let expected =
        d(STAKE) * (compound(&[(r_zero(), EPOCHS_365)]) - compound(&[(r_max(), EPOCHS_365)]));
    assert_close("worst gap", worst.gap.alpha, expected, "1e-15");
    assert_close(
        "worst gap usd",
        usd(&worst.gap),
        expected * d("20"),
        "1e-15",
    );
    // Sorted by rank, earnings never rise.
    let mut rows: Vec<_> = c.comparison.rows.iter().collect();
    rows.sort_by_key(|r| r.rank);
    assert!(rows
        .windows(2)
        .all(|w| w[0].earned.alpha >= w[1].earned.alpha));
    // Ties: equal rows keep the order typed; a better row typed last still ranks first.
    let tie = compared(&[("names", "A,B,C"), ("takes", "9,9,1")]);
    let ranks: Vec<usize> = tie.comparison.rows.iter().map(|r| r.rank).collect();
    assert_eq!(ranks, [2, 3, 1]);
    // A vtrust of 0.5 halves the rate exactly (and ranks the row last).
    let half = compared(&[("takes", "0,0"), ("vtrusts", "1,0.5")]);
    assert_close(
        "vtrust",
        half.comparison.rows[1].rate_per_epoch,
        r_zero() / d("2"),
        "1e-24",
    );
    assert_eq!(half.comparison.rows[1].rank, 2);
}

#[test]
// Pins take-net-apy-N with a childkey take (SPEC §3: 18 % + 18 % leaves 0.82 x 0.82) and
// take-paid-N for it (the delegate take applies to what the child leaves).
fn childkey_take_comes_off_first() {
    let c = compared(&[("takes", "18,18"), ("childkeys", "0,18")]);
    // (53,739/65,535)^2 of V / 1,200,000.
    let expected = ratio(V_NUM * 53_739 * 53_739, V_DEN * 65_535 * 65_535 * A_V);
    assert_close(
        "childkey rate",
        c.comparison.rows[1].rate_per_epoch,
        expected,
        "1e-24",
    );
    // SPEC §3: 0.82 x 0.82 = 67.2 % of what a 0 % validator with no child hotkey pays.
    let kept = c.comparison.rows[1].rate_per_epoch / r_zero();
    assert_eq!(kept.round_dp(3), d("0.672"));
    let row = &c.comparison.rows[1];
    assert_close(
        "childkey paid",
        row.take_paid.alpha,
        row.earned.alpha * max_take() / (Decimal::ONE - max_take()),
        "1e-20",
    );
}

#[test]
// Pins take-net-apy-N for an observed APY: the typed yield comes back as the net APY, its
// per-epoch rate being 1.2^(1/7,300) - 1.
fn observed_apy_replaces_the_derived_yield() {
    let c = compared(&[("takes", "18,18"), ("apys", "20,")]);
    let row = &c.comparison.rows[0];
    assert_close("observed apy", row.net_apy_pct, d("20"), "1e-12");
    let rate = 1.2f64.powf(1.0 / 7_300.0) - 1.0;
    assert!((f(row.rate_per_epoch) - rate).abs() < rate * 1e-9);
    // The empty entry derives the yield.
    assert_close(
        "derived",
        c.comparison.rows[1].rate_per_epoch,
        r_max(),
        "1e-24",
    );
}

#[test]
// Pins take-raised-N: the rate limit is 216,000 blocks = 30 days since the LAST change
// (SPEC §3). Raised at once when unchanged for 30 days (then it earns what the 18 % row
// earns), a day later when changed 29 days ago, not within 30 days of a change.
fn raised_to_the_maximum_after_the_rate_limit() {
    assert_eq!(TAKE_RATE_LIMIT_BLOCKS, 216_000);
    assert_eq!(take_rate_limit_days(), 216_000 / 7_200);
    assert_eq!(days_until_raise(29), 1);
    assert_eq!(days_until_raise(30), 0);
    let c = compared(&ROWS);
    // "already 18 %".
    assert!(by_name(&c, "Max").raised.is_none());
    // Unchanged for 30 days: the raise comes at once, so it earns what the 18 % row earns
    // (the raised rate is r0 x (1 - max) / (1 - 0) = r_max).
    let zero = by_name(&c, "Zero");
    let (raised, lost) = zero.raised.unwrap();
    let max_earned = d(STAKE) * compound(&[(r_max(), EPOCHS_365)]);
    assert_close("raised at once", raised.alpha, max_earned, "1e-15");
    assert_close(
        "raised at once = the 18 % row",
        raised.alpha,
        by_name(&c, "Max").earned.alpha,
        "1e-20",
    );
    assert_eq!(lost.alpha, zero.earned.alpha - raised.alpha);
    assert_close("lost usd", usd(&lost), lost.alpha * d("20"), "1e-20");
    // Changed 29 days ago: one more day (20 payouts) at 9 %, then the maximum.
    let nine = by_name(&c, "Nine");
    let (raised, lost) = nine.raised.unwrap();
    let expected = d(STAKE) * compound(&[(r_nine(), 20), (r_max(), EPOCHS_365 - 20)]);
    assert_close("raised after a day", raised.alpha, expected, "1e-15");
    assert_close(
        "lost after a day",
        lost.alpha,
        nine.earned.alpha - expected,
        "1e-12",
    );
    // The day before the limit and the day it is reached differ: 29 vs 30 days since the change.
    let at_limit = compared(&[("takes", "9,9"), ("take_days", "29,30")]);
    let (day_before, on_the_day) = (
        at_limit.comparison.rows[0].raised.unwrap().0.alpha,
        at_limit.comparison.rows[1].raised.unwrap().0.alpha,
    );
    assert_close(
        "30 days: at once",
        on_the_day,
        d(STAKE) * compound(&[(r_max(), EPOCHS_365)]),
        "1e-15",
    );
    assert!(day_before > on_the_day);
    // Just changed (0 days): nothing changes within 30 days; on day 31, 20 payouts at 18 %.
    let month = compared(&[("takes", "9"), ("take_days", "0"), ("days", "30")]);
    let (raised, lost) = month.comparison.rows[0].raised.unwrap();
    assert_eq!(raised.alpha, month.comparison.rows[0].earned.alpha);
    assert_eq!(lost.alpha, Decimal::ZERO);
    let later = compared(&[("takes", "9"), ("take_days", "0"), ("days", "31")]);
    let (raised, _) = later.comparison.rows[0].raised.unwrap();
    assert_close(
        "day 31",
        raised.alpha,
        d(STAKE) * compound(&[(r_nine(), 600), (r_max(), 20)]),
        "1e-15",
    );
    // 361-block epochs: the wait is counted in whole payouts too (1 day = 19 of them).
    let slow = compared(&[
        ("takes", "9"),
        ("take_days", "29"),
        ("days", "2"),
        ("epoch_blocks", "361"),
    ]);
    let row = &slow.comparison.rows[0];
    let r9 = row.rate_per_epoch;
    let rm = r9 * (Decimal::ONE - max_take()) / d("0.91");
    assert_eq!(slow.comparison.epochs, payouts(2, 361));
    assert_close(
        "361-block wait",
        row.raised.unwrap().0.alpha,
        d(STAKE)
            * compound(&[
                (r9, payouts(1, 361)),
                (rm, payouts(2, 361) - payouts(1, 361)),
            ]),
        "1e-15",
    );
}

#[test]
// Pins take-chart (each row's curve of earnings by day, and its description: the best row's
// earnings): 25 points, day = horizon x i / 24 in whole days, each the compounded earnings.
fn earnings_curve() {
    let c = compared(&ROWS);
    for row in &c.comparison.rows {
        let rate = row.rate_per_epoch;
        assert_eq!(row.curve.len(), 25);
        for (i, (day, alpha)) in row.curve.iter().enumerate() {
            let expected_day = (365 * i as u32) / 24;
            assert_eq!(*day, expected_day);
            let expected = d(STAKE) * compound(&[(rate, payouts(u64::from(*day), 360))]);
            assert_close(&format!("curve {i}"), *alpha, expected, "1e-15");
        }
        assert_eq!(row.curve[24], (365, row.earned.alpha));
        assert_eq!(row.curve[0], (0, Decimal::ZERO));
    }
}

#[test]
// Pins take-switch-same: no cost, and the TAO a day more is the value at spot times the
// difference of the daily growths (20 payouts a day at 360 blocks); it pays back at once.
fn switching_within_the_subnet() {
    let snapshot = bundled();
    let q = query(&[ROWS[0], ROWS[1], ("from_row", "1")]);
    let form = form_on(&snapshot, &q);
    let c = run(&form, &snapshot).unwrap();
    let s = switching(&form, &c, &snapshot).unwrap().unwrap();
    assert_eq!((s.from, s.best), (0, 2));
    assert_eq!(s.same.cost_tao, Decimal::ZERO);
    assert_eq!(s.same.payback_days, Some(Decimal::ZERO));
    // 100 TAO at spot, (1 + r0)^20 - (1 + r_max)^20 a day.
    let expected = d("100") * (compound(&[(r_zero(), 20)]) - compound(&[(r_max(), 20)]));
    assert_close("daily gain", s.same.daily_gain_tao, expected, "1e-15");
    // Without from_row: from the worst row (the last ranked), here the same.
    let q = query(&[ROWS[0], ROWS[1]]);
    let default = form_on(&snapshot, &q);
    let s = switching(&default, &run(&default, &snapshot).unwrap(), &snapshot)
        .unwrap()
        .unwrap();
    assert_eq!(s.from, 0);
    // From 9 % (row 2): the gain is against 9 %.
    let q = query(&[ROWS[0], ROWS[1], ("from_row", "2")]);
    let nine = form_on(&snapshot, &q);
    let s = switching(&nine, &run(&nine, &snapshot).unwrap(), &snapshot)
        .unwrap()
        .unwrap();
    let expected = d("100") * (compound(&[(r_zero(), 20)]) - compound(&[(r_nine(), 20)]));
    assert_close("from 9 %", s.same.daily_gain_tao, expected, "1e-15");
    // 361-block epochs: 7,200 / 361 = 19.94 payouts a day, a fractional power.
    let q = query(&[ROWS[0], ROWS[1], ("from_row", "1"), ("epoch_blocks", "361")]);
    let slow = form_on(&snapshot, &q);
    let sc = run(&slow, &snapshot).unwrap();
    let s = switching(&slow, &sc, &snapshot).unwrap().unwrap();
    let per_day = 7_200.0 / 361.0;
    let (rb, rf) = (
        f(sc.comparison.rows[2].rate_per_epoch),
        f(sc.comparison.rows[0].rate_per_epoch),
    );
    let expected = 100.0 * ((1.0 + rb).powf(per_day) - (1.0 + rf).powf(per_day));
    assert!((f(s.same.daily_gain_tao) - expected).abs() < expected * 1e-9);
}

/// Bundled data plus subnet 250: 4,000 TAO / 100,000 alpha (spot 0.04), 900,000 alpha
/// outstanding, 1 alpha a block, tempo 100, 500,000 alpha on validators; root 6M TAO, w 0.18.
fn with_target() -> Snapshot {
    let mut s = bundled();
    s.root_tao_staked = Some(d("6000000"));
    s.tao_weight = Some(d("0.18"));
    let mut t = Subnet::with_pool(
        250,
        Mechanism::Dynamic,
        4_000_000_000_000,
        100_000_000_000_000,
    );
    t.alpha_out_rao = Some(900_000_000_000_000);
    t.alpha_out_emission = Some(Decimal::ONE);
    t.tempo = Some(100);
    t.validator_alpha_stake = Some(d("500000"));
    t.w_tao = Some(TaoWeight::HALF);
    t.fee_rate = Some(FeeRate::default());
    s.subnets.push(t);
    s
}

#[test]
// Pins take-switch-other: the move of SPEC §1 written with the chain's integer formulas (one fee,
// on the unstake leg), the new subnet's yield from its own figures and tempo, and the payback.
fn switching_to_another_subnet() {
    let snapshot = with_target();
    let q = query(&[
        ROWS[0],
        ROWS[1],
        ("from_row", "1"),
        ("switch_netuid", "250"),
    ]);
    let form = form_on(&snapshot, &q);
    let c = run(&form, &snapshot).unwrap();
    let s = switching(&form, &c, &snapshot).unwrap().unwrap();
    let (netuid, other) = s.other.unwrap().unwrap();
    assert_eq!(netuid, 250);
    // Unstake 2,000 alpha from 1,000 TAO / 20,000 alpha: fee = floor(a x 33 / 65,535),
    // tao = floor(y net / (x + net)).
    let (y1, x1, a): (u128, u128, u128) =
        (1_000_000_000_000, 20_000_000_000_000, 2_000_000_000_000);
    let fee = a * 33 / 65_535;
    let net = a - fee;
    let tao = y1 * net / (x1 + net);
    // Stake it, fee-free, into 4,000 TAO / 100,000 alpha: alpha = floor(x tao / (y + tao)).
    let (y2, x2): (u128, u128) = (4_000_000_000_000, 100_000_000_000_000);
    let alpha = x2 * tao / (y2 + tao);
    let received = ratio(alpha, 1_000_000_000);
    let value_after = received * d("0.04");
    let cost = d("100") - value_after;
    // Within 2 rao of the leg (SPEC §6), valued at 0.04.
    assert!(
        (other.option.cost_tao - cost).abs() <= d("0.00000000008"),
        "{} vs {cost}",
        other.option.cost_tao
    );
    // The new yield: rp = 1,080,000 / (1,080,000 + 1,000,000) = 27/52, V2 = 100 x 53,739 /
    // 131,070 x 25/52, shared over 500,000 + the alpha received, the best row's take 0.
    let v2 = ratio(100 * 53_739 * 25, 131_070 * 52);
    let r2 = v2 / (d("500000") + received);
    // 7,200 x 365 / 100 = 26,280 payouts a year; 72 a day.
    let apy = d("100") * compound(&[(r2, 26_280)]);
    assert_close("new apy", other.new_apy_pct, apy, "1e-9");
    let gain = value_after * compound(&[(r2, 72)]) - d("100") * compound(&[(r_max(), 20)]);
    assert_close("daily gain", other.option.daily_gain_tao, gain, "1e-9");
    assert_close(
        "payback",
        other.option.payback_days.unwrap(),
        cost / gain,
        "1e-8",
    );
    // No other subnet chosen: nothing to show.
    let q = query(&[ROWS[0], ROWS[1]]);
    let form = form_on(&snapshot, &q);
    let s = switching(&form, &run(&form, &snapshot).unwrap(), &snapshot)
        .unwrap()
        .unwrap();
    assert!(s.other.is_none());
}

#[test]
// Pins take-net-apy-N and take-table on root (netuid 0): one payout a day, the root dividends
// of SPEC §2 summed by hand over two dynamic subnets, shared over root stake + yours.
fn root_pays_once_a_day() {
    let mut s = bundled();
    s.root_tao_staked = Some(d("1000000"));
    s.tao_weight = Some(d("0.18"));
    let root = s.subnet(0).unwrap().clone();
    let mut a = Subnet::with_pool(1, Mechanism::Dynamic, 1_000_000_000_000, 10_000_000_000_000);
    a.alpha_out_rao = Some(170_000_000_000_000); // issuance 180,000
    a.alpha_out_emission = Some(Decimal::ONE);
    a.moving_price = Some(d("1"));
    let mut b = Subnet::with_pool(2, Mechanism::Dynamic, 500_000_000_000, 50_000_000_000_000);
    b.alpha_out_rao = Some(130_000_000_000_000); // issuance 180,000
    b.alpha_out_emission = Some(d("0.5"));
    b.moving_price = Some(d("1"));
    s.subnets = vec![root, a, b];
    let q = [
        ("netuid", "0"),
        ("amount", "1000"),
        ("days", "10"),
        ("takes", "0"),
    ];
    let c = run(&form_on(&s, &q), &s).unwrap();
    assert_eq!(c.comparison.epochs, 10);
    assert_eq!(c.epoch_blocks, 7_200);
    assert_eq!(c.stake_alpha, d("1000"));
    // rp = 180,000 / (180,000 + 180,000) = 1/2 on both; prices 0.1 and 0.01.
    // per block: (1 x 0.1 + 0.5 x 0.01) x 53,739/131,070 x 1/2 = 0.105 x 53,739 / 262,140.
    let per_block = ratio(105 * 53_739, 1_000 * 262_140);
    let rate = per_block * d("7200") / d("1001000");
    assert_close(
        "root rate",
        c.comparison.rows[0].rate_per_epoch,
        rate,
        "1e-20",
    );
    assert_close(
        "root earned",
        c.comparison.rows[0].earned.alpha,
        d("1000") * compound(&[(rate, 10)]),
        "1e-18",
    );
}

#[test]
// Pins root-dividends-warning: root dividends are paid only while the dynamic subnets' moving
// prices sum ABOVE 1 (SPEC §2); a sum of exactly 1 warns, root's own price does not count.
fn root_dividends_warning_edge() {
    let mut s = bundled();
    let root = {
        let mut r = s.subnet(0).unwrap().clone();
        r.moving_price = Some(d("5"));
        r
    };
    let dynamic = |netuid, price: &str| {
        let mut x = Subnet::with_pool(
            netuid,
            Mechanism::Dynamic,
            1_000_000_000_000,
            1_000_000_000_000,
        );
        x.moving_price = Some(d(price));
        x
    };
    s.subnets = vec![root.clone(), dynamic(1, "0.25"), dynamic(2, "0.75")];
    let warning = ChainFigures::root_dividends_warning(&s).unwrap();
    assert!(
        warning.contains("sum to 1,") || warning.contains("sum to 1 "),
        "{warning}"
    );
    s.subnets = vec![root, dynamic(1, "0.25"), dynamic(2, "0.750000001")];
    assert_eq!(ChainFigures::root_dividends_warning(&s), None);
}

#[test]
// Pins take-prefilled and take-no-validators (the rows without row parameters) and the rows
// they make: the data's validators, largest alpha stake first, at most 8, takes and observed
// APYs as percentages; else three examples at 18, 9 and 0 %.
fn rows_from_the_data_or_examples() {
    let snapshot = bundled();
    let examples = TakeForm::read(getter(&[("netuid", "64")]), &snapshot);
    assert!(examples.examples && !examples.prefilled);
    let takes: Vec<_> = examples.rows.iter().map(|r| r.take.ok().unwrap()).collect();
    assert_eq!(takes, [max_take(), d("0.09"), Decimal::ZERO]);

    let mut s = bundled();
    let mut sub = s.subnet(64).unwrap().clone();
    sub.validators = (1..=9u32)
        .map(|i| Validator {
            name: format!("V{i}, Inc"),
            // Stakes 10, 20, ... 90 but listed in a shuffled order.
            alpha_stake: Some(Decimal::from((i * 7 % 9 + 1) * 10)),
            take: (i != 3).then(|| Decimal::new(i64::from(i), 2)),
            apy: (i == 5).then(|| d("0.1234")),
            ..Validator::default()
        })
        .collect();
    s.subnets.retain(|x| x.netuid != 64);
    s.subnets.push(sub.clone());
    let form = TakeForm::read(getter(&[("netuid", "64")]), &s);
    assert!(form.prefilled && !form.examples);
    assert_eq!(form.rows.len(), 8);
    // Largest stake first: stake (i x 7 mod 9 + 1) x 10 is 90 for i = 8, 80 for i = 4, ...
    let mut expected: Vec<&Validator> = sub.validators.iter().collect();
    expected.sort_by_key(|v| std::cmp::Reverse(v.alpha_stake));
    for (row, v) in form.rows.iter().zip(&expected) {
        assert_eq!(row.name.ok().unwrap(), v.name.replace(',', " "));
        let take = v.take.unwrap_or(d("0.18")).min(max_take());
        assert_eq!(row.take.ok().unwrap(), take, "{}", v.name);
        assert_eq!(row.apy.ok().unwrap(), v.apy);
        assert_eq!(row.vtrust.ok().unwrap(), Decimal::ONE);
    }
    // The smallest (10 alpha) is left out.
    assert!(form
        .rows
        .iter()
        .all(|r| r.name.ok().unwrap() != expected[8].name.replace(',', " ")));
    // The observed 12.34 % comes back as that row's net APY.
    let c = run(&form, &s).unwrap();
    let five = form
        .rows
        .iter()
        .position(|r| r.name.ok().unwrap() == "V5  Inc")
        .unwrap();
    let row = c.comparison.rows.iter().find(|r| r.index == five).unwrap();
    assert_close("prefilled apy", row.net_apy_pct, d("12.34"), "1e-12");
}

#[test]
// Pins take-error: a field that does not read leaves no figures, only the sentence.
fn take_error() {
    let snapshot = bundled();
    let bad = form_on(&snapshot, &query(&[("takes", "18,19")]));
    assert_eq!(run(&bad, &snapshot).unwrap_err(), FIX_FIELDS);
    let days = form_on(&snapshot, &query(&[("days", "0")]));
    assert_eq!(run(&days, &snapshot).unwrap_err(), FIX_FIELDS);
}

/// A valid SS58 hotkey of the account with every byte `b`.
fn hotkey_of(b: u8) -> String {
    dtao_calc::snapshot::chain::validators::ss58(&[b; 32])
}

#[test]
// Pins the `hotkeys` list (row-N-hotkey): filled from the data's validators beside their names,
// largest stake first, and kept in line with the other six lists when rows move, go and come.
fn hotkeys_follow_their_rows() {
    let mut s = bundled();
    let mut sub = s.subnet(64).unwrap().clone();
    sub.validators = (1..=3u8)
        .map(|i| Validator {
            name: format!("V{i}"),
            hotkey: hotkey_of(i),
            // Stakes 30, 10, 20: V1 first, then V3, then V2.
            alpha_stake: Some(Decimal::from([30, 10, 20][usize::from(i) - 1])),
            ..Validator::default()
        })
        .collect();
    s.subnets.retain(|x| x.netuid != 64);
    s.subnets.push(sub);
    let form = TakeForm::read(getter(&[("netuid", "64")]), &s);
    let pairs: Vec<_> = form
        .rows
        .iter()
        .map(|r| (r.name.ok().unwrap(), r.hotkey.ok().unwrap().unwrap()))
        .collect();
    let want = [(1u8, "V1"), (3, "V3"), (2, "V2")].map(|(b, n)| (n.to_string(), hotkey_of(b)));
    assert_eq!(pairs, want);
    assert_eq!(form.rows_error, None);

    // Move the first row down, remove the last, add one: every list changes together.
    let mut lists = form.list_texts();
    for change in [RowChange::Down(0), RowChange::Remove(2), RowChange::Add] {
        apply(&mut lists, &change);
    }
    assert!(lists.iter().all(|l| l.len() == 3));
    let params: Vec<(&str, String)> = to_params(lists)
        .into_iter()
        .map(|(k, v)| (k, v.unwrap()))
        .collect();
    assert_eq!(params.len(), 7);
    let mut q: Vec<(&str, &str)> = vec![("netuid", "64")];
    q.extend(params.iter().map(|(k, v)| (*k, v.as_str())));
    let again = TakeForm::read(getter(&q), &s);
    let names: Vec<_> = again.rows.iter().map(|r| r.name.ok().unwrap()).collect();
    assert_eq!(names, ["V3", "V1", "Validator 3"]);
    let keys: Vec<_> = again.rows.iter().map(|r| r.hotkey.ok().unwrap()).collect();
    assert_eq!(keys, [Some(hotkey_of(3)), Some(hotkey_of(1)), None]);
}

#[test]
// Pins take-rows-error for a hotkey that does not read: one sentence naming its row (after the
// "too many" one), the field's message, and the comparison still running without it.
fn a_bad_hotkey_is_named_by_its_row() {
    let snapshot = bundled();
    let good = hotkey_of(7);
    // The last character changed: the checksum no longer matches.
    let typo = format!(
        "{}{}",
        &good[..good.len() - 1],
        if good.ends_with('a') { 'b' } else { 'a' }
    );
    let hotkeys = format!("{good},,{typo}");
    let form = form_on(
        &snapshot,
        &query(&[("takes", "18,9,0"), ("hotkeys", &hotkeys)]),
    );
    let shown = format!("{}…", &typo[..24]);
    let want = format!(
        "Row 3: “{shown}” is not a hotkey: an SS58 address of 48 characters starting with 5."
    );
    assert_eq!(form.rows_error.as_deref(), Some(want.as_str()));
    assert_eq!(form.rows[2].hotkey.text, typo);
    assert!(form.rows[2]
        .hotkey
        .error()
        .unwrap()
        .contains("is not a hotkey"));
    assert_eq!(form.rows[1].hotkey.ok(), Some(None));
    assert!(run(&form, &snapshot).is_ok());

    let many = form_on(
        &snapshot,
        &query(&[("takes", "1,2,3,4,5,6,7,8,9"), ("hotkeys", "x")]),
    );
    let error = many.rows_error.unwrap();
    assert!(
        error.starts_with("At most 8 validators side by side"),
        "{error}"
    );
    assert!(
        error.ends_with(
            "Row 1: “x” is not a hotkey: an SS58 address of 48 characters starting with 5."
        ),
        "{error}"
    );
}

#[test]
// Pins take-realised-apy-N: a figure read (its text and exact data-value), a reason the chain
// gave, "not read" before anyone asks, and "no hotkey" for a row without one; the row numbers
// follow the input order, not the rank.
fn the_realised_column() {
    let snapshot = bundled();
    let keys = [hotkey_of(1), hotkey_of(2), hotkey_of(3)];
    let hotkeys = format!("{},{},{},", keys[0], keys[1], keys[2]);
    let rows = [("takes", "18,9,0,5"), ("hotkeys", hotkeys.as_str())];
    let form = form_on(
        &snapshot,
        &query(&[&rows[..], &[("netuid", "64")]].concat()),
    );
    let compared = run(&form, &snapshot);
    let mut found = RealisedByValidator::new();
    // (1.01^(365/30) - 1) x 100 = 12.8723… (growth 1.01 over 30 days).
    let realised = Realised {
        from_block: 7_784_000,
        to_block: 8_000_000,
        days: 30,
        growth: d("1.01"),
        apy_pct: d("12.872339"),
    };
    found.insert((64, keys[0].clone()), Ok(realised));
    let why = "The hotkey was not registered then.".to_string();
    found.insert((64, keys[1].clone()), Err(why));
    let markup = comparison_rows(
        &compared,
        &RealisedLookup::new(&form, &found),
        Style::READABLE,
    );
    let cell = |n: usize| {
        let start = markup
            .find(&format!("data-testid=\"take-realised-apy-{n}\""))
            .unwrap();
        let end = start + markup[start..].find("</td>").unwrap();
        markup[start..end].to_string()
    };
    assert_eq!(
        cell(1),
        "data-testid=\"take-realised-apy-1\" data-value=\"12.872339\">12.87 %"
    );
    assert_eq!(
        cell(2),
        "data-testid=\"take-realised-apy-2\">The hotkey was not registered then."
    );
    assert_eq!(cell(3), "data-testid=\"take-realised-apy-3\">not read");
    assert_eq!(cell(4), "data-testid=\"take-realised-apy-4\">no hotkey");
    // The 0 % row ranks first: its cell is on the first line of the body, still numbered 3.
    let first_row = &markup[..markup.find("</tr>").unwrap()];
    assert!(first_row.contains("take-realised-apy-3"), "{first_row}");
    assert_eq!(markup.matches("take-realised-apy-").count(), 4);
    // A pool typed by hand is no subnet: nothing to look up.
    let typed = form_on(&snapshot, &query(&rows));
    let markup = comparison_rows(
        &run(&typed, &snapshot),
        &RealisedLookup::new(&typed, &found),
        Style::READABLE,
    );
    assert!(
        markup.contains("data-testid=\"take-realised-apy-1\">no subnet</td>"),
        "{markup}"
    );
}
