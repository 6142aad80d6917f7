//! Every figure the returns page shows, pinned on a small position to a value worked out here
//! another way (issue 29): the entry and the exits by hand with the rao written out (SPEC §1),
//! the yield from SPEC §2's split, compounding as one epoch repeated (or as the product of each
//! epoch's share) against the model's closed forms, the price path as the pool moved along its
//! invariant, and the break-even by a scan of every day against the model's search.
//!
//! The case: a custom pool of 1,000 TAO / 10,000 alpha (spot 0.1), 1 alpha emitted a block,
//! no root stake (so all of the 41 % validator share goes to alpha stakers), 1,000,000 alpha
//! staked on validators, epochs of 360 blocks (20 a day, 7,300 a year), take 10 %, vtrust 1.
//! A stake of 10 TAO. Tolerances, where the model's series are not the chain's integers, are
//! stated and far below what a one-epoch, one-day or one-percent slip moves.

#[path = "common/figures.rs"]
mod shared;
use dtao_calc::calc::figure::FigureSpec;
use dtao_calc::calc::format::Style;
use dtao_calc::calc::query::getter;
use dtao_calc::calc::returns::figures::{signed_tokens, FIGURES, SUMMARY};
use dtao_calc::calc::returns::form::ReturnsForm;
use dtao_calc::calc::returns::other_exit::other_exit;
use dtao_calc::model::staking::returns::{project, Projection, ReturnsInputs};
use dtao_calc::snapshot::bundled::bundled;
use rust_decimal::Decimal;
use shared::{d, fee, stake, tokens, unstake};

const TAO: u128 = 1_000_000_000;
/// The pool: 1,000 TAO / 10,000 alpha, in rao.
const Y: u128 = 1_000 * TAO;
const X: u128 = 10_000 * TAO;
/// The stake, rao.
const STAKE: u128 = 10 * TAO;

fn value(table: &[FigureSpec<Projection>], testid: &str, p: &Projection) -> Decimal {
    let spec = table.iter().find(|s| s.testid == testid).unwrap();
    (spec.pick)(p, Style::READABLE)
        .unwrap_or_else(|| panic!("{testid} has no value"))
        .value
        .parse()
        .unwrap()
}

/// 1 alpha a block × 360 blocks × the validators' share (1 - 11,796/65,535) / 2, no root stake.
fn v() -> Decimal {
    Decimal::from(360) * Decimal::from(65_535 - 11_796) / Decimal::from(2 * 65_535)
}

/// What the stake shares each epoch: V (1 - take) vtrust, take 10 %.
fn earned() -> Decimal {
    v() * d("0.9")
}

fn query<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut q = vec![
        ("calc", "returns"),
        ("netuid", ""),
        ("tao_in", "1000"),
        ("alpha_in", "10000"),
        ("amount", "10"),
        ("days", "30"),
        ("take", "10"),
        ("vtrust", "1"),
        ("emission", "1"),
        ("epoch_blocks", "360"),
        ("issuance", "2000000"),
        ("alpha_stake", "1000000"),
        ("root_tao", "0"),
        ("tao_weight", "0.18"),
    ];
    for (k, val) in extra {
        q.retain(|(key, _)| key != k);
        q.push((k, val));
    }
    q
}

fn inputs(extra: &[(&str, &str)]) -> ReturnsInputs {
    let q = query(extra);
    let snapshot = bundled();
    let form = ReturnsForm::read(getter(&q), &snapshot);
    form.inputs(&snapshot).expect("inputs")
}

fn page(extra: &[(&str, &str)]) -> Projection {
    project(&inputs(extra)).expect("a projection")
}

/// The alpha the 10 TAO buy: fee 5,035,477 rao, then x·net / (y + net).
fn alpha_in() -> u128 {
    let a = stake(Y, X, STAKE);
    assert_eq!(fee(STAKE), 5_035_477);
    assert_eq!(
        a, 98_960_538_161,
        "10000e9 × 9,994,964,523 / 1,009,994,964,523"
    );
    a
}

/// `a0 (1 + r)^n`, one epoch at a time, each epoch's reward floored to the rao as a payout
/// is; the model compounds in closed form without flooring, so the two may part by a rao an
/// epoch at most: the bound is `n` rao.
fn constant_growth(a0: u128, rate: Decimal, epochs: u64) -> Decimal {
    let mut alpha = Decimal::from(a0 as u64);
    for _ in 0..epochs {
        alpha *= Decimal::ONE + rate;
    }
    alpha
}

#[test]
fn the_entry_and_the_rate_by_hand() {
    let p = page(&[("compound_others", "0")]);
    let a0 = alpha_in();
    assert_eq!(value(&FIGURES, "returns-alpha-in", &p), tokens(a0));
    // The entry fee in TAO and the slippage at spot (fee not included): net in - alpha × 0.1.
    assert_eq!(value(&FIGURES, "returns-entry-fee", &p), tokens(5_035_477));
    let net_in = STAKE - 5_035_477;
    let slip = tokens(net_in) - tokens(a0) * d("0.1");
    assert_eq!(value(&FIGURES, "returns-entry-slippage", &p), slip);
    // The rate shares the epoch's pool with the user's own new alpha: c / (A_v + a0).
    let rate = earned() / (d("1000000") + tokens(a0));
    assert!(
        (p.headline.rate_per_epoch - rate).abs() < d("1e-26"),
        "{}",
        p.headline.rate_per_epoch
    );
    // Without the user's dilution it would be c / A_v: more than a part in 10⁵ above.
    let undiluted = earned() / d("1000000");
    assert!((undiluted - rate) / rate > d("0.00009"));
    // 20 epochs a day: alpha a day = a0 × r × 20.
    let per_day = tokens(a0) * rate * d("20");
    assert!((value(&FIGURES, "returns-alpha-per-day", &p) - per_day).abs() < d("1e-20"));
    // APR = r × 7,300 (365 days × 7,200 blocks / 360); APY = (1 + r)^7,300 - 1 by repetition.
    let apr = rate * d("7300") * d("100");
    assert!(
        (p.headline.apr_pct - apr).abs() < d("1e-20"),
        "{}",
        p.headline.apr_pct
    );
    let apy = (constant_growth(1, rate, 7_300) - Decimal::ONE) * d("100");
    let shown = value(&SUMMARY, "returns-apy", &p);
    assert!((shown - apy).abs() < d("1e-18"), "{shown} vs {apy}");
    // One block an epoch more (361) is 7,279.8 epochs a year: the APY moves in its third digit.
    let apy_361 = (constant_growth(1, rate, 7_280) - Decimal::ONE) * d("100");
    assert!((shown - apy_361).abs() > d("0.1"));
}

#[test]
fn constant_compounding_is_one_epoch_repeated() {
    // Nobody else restakes: the same rate every epoch. 30 days = 600 payouts.
    let p = page(&[("compound_others", "0")]);
    let a0 = alpha_in();
    let rate = p.headline.rate_per_epoch;
    assert_eq!(p.headline.horizon.epochs, 600);
    let end = constant_growth(a0, rate, 600);
    let got = Decimal::from(p.headline.horizon.alpha_rao);
    assert!((got - end).abs() <= Decimal::ONE, "{got} vs {end}");
    assert_eq!(
        value(&FIGURES, "returns-alpha-end", &p),
        tokens(p.headline.horizon.alpha_rao as u128)
    );
    // The period's yield is the alpha's growth: end / start - 1.
    let period = (end / Decimal::from(a0 as u64) - Decimal::ONE) * d("100");
    assert!((value(&SUMMARY, "returns-period-yield", &p) - period).abs() < d("1e-8"));
    // The table's horizons: 1, 7, 30, 90 and 365 days are 20, 140, 600, 1,800, 7,300 payouts.
    for (o, days) in p.table.iter().zip([1u64, 7, 30, 90, 365]) {
        assert_eq!(o.epochs, days * 20);
        let end = constant_growth(a0, rate, days * 20);
        assert!(
            (Decimal::from(o.alpha_rao) - end).abs() <= Decimal::ONE,
            "day {days}"
        );
    }
}

#[test]
fn diluting_compounding_is_the_product_of_each_epochs_share() {
    // Everyone restakes: epoch k shares c over A_v + a0 + k V. The alpha after n epochs is
    // a0 Π (1 + c / (A_v + a0 + k V)), k < n: summed here a factor at a time, against the
    // model's Gamma-function closed form.
    let p = page(&[]);
    let a0 = alpha_in();
    let start = d("1000000") + tokens(a0);
    let mut factor = Decimal::ONE;
    for k in 0..600u32 {
        factor *= Decimal::ONE + earned() / (start + Decimal::from(k) * v());
    }
    let end = Decimal::from(a0 as u64) * factor;
    let got = Decimal::from(p.headline.horizon.alpha_rao);
    assert!((got - end).abs() <= Decimal::ONE, "{got} vs {end}");
    // The constant rate would be over a percent more alpha after 600 payouts.
    let constant = constant_growth(a0, earned() / start, 600);
    assert!((constant - end) / end > d("0.001"), "{constant} vs {end}");
    // Today's rate is the same in both: the first epoch's.
    assert!((p.headline.rate_per_epoch - earned() / start).abs() < d("1e-26"));
}

#[test]
fn the_exit_meets_the_pool_before_the_stake_by_hand() {
    // The default exit sells into the pool at today's price (10,000 alpha / 1,000 TAO).
    let p = page(&[("compound_others", "0")]);
    let alpha = p.headline.horizon.alpha_rao as u128;
    let back = unstake(Y, X, alpha);
    assert_eq!(value(&SUMMARY, "returns-exit-tao", &p), tokens(back));
    let net = tokens(back) - tokens(STAKE);
    assert_eq!(value(&SUMMARY, "returns-net-tao", &p), net);
    // Worth at the end spot (0.1, unchanged) and the exit's fee at spot; slippage the rest.
    let worth = tokens(alpha) * d("0.1");
    assert_eq!(value(&FIGURES, "returns-value-spot", &p), worth);
    let fee_tao = tokens(fee(alpha)) * d("0.1");
    assert_eq!(value(&FIGURES, "returns-exit-fee", &p), fee_tao);
    assert_eq!(
        value(&FIGURES, "returns-exit-slippage", &p),
        worth - tokens(back) - fee_tao
    );
    // The net in percent is over the 10 TAO staked.
    let leg = p.headline.horizon.exit.as_ref().unwrap();
    assert!((leg.net_pct - net / d("10") * d("100")).abs() < d("1e-24"));
    // The table's 30-day row is the same exit.
    let row = p.table.iter().find(|o| o.day == 30).unwrap();
    assert_eq!(row.exit.as_ref().unwrap().tao_rao as u128, back);
}

#[test]
fn the_exit_from_the_entry_meets_the_pool_the_stake_left() {
    let p = page(&[("compound_others", "0"), ("exit_from", "entry")]);
    let a0 = alpha_in();
    // After the stake: y + net in, x - a0 out (the fee leaves the pool for the block author).
    let (y1, x1) = (Y + STAKE - 5_035_477, X - a0);
    let alpha = p.headline.horizon.alpha_rao as u128;
    let back = unstake(y1, x1, alpha);
    assert_eq!(value(&SUMMARY, "returns-exit-tao", &p), tokens(back));
    // Its spot is the pool's after the stake.
    let spot = tokens(y1) / tokens(x1);
    assert!((p.headline.horizon.price - spot).abs() < d("1e-24"));
    // The default (before) exit is worth less: it sells into the lower price.
    let before = page(&[("compound_others", "0")]);
    assert!(before.headline.horizon.exit.as_ref().unwrap().tao_rao < back as u64);
}

/// `floor(sqrt(n))`.
fn isqrt(n: u128) -> u128 {
    let mut x = (n as f64).sqrt() as u128;
    while x * x > n {
        x -= 1;
    }
    while (x + 1) * (x + 1) <= n {
        x += 1;
    }
    x
}

#[test]
fn a_price_path_moves_the_pool_along_its_invariant() {
    // +20 % over 30 days: on day 30 the pool is y sqrt(1.2) / x / sqrt(1.2), the product kept.
    let p = page(&[("compound_others", "0"), ("price_change", "20")]);
    let (y30, x30) = (isqrt(Y * Y * 12 / 10), isqrt(X * X * 10 / 12));
    let alpha = p.headline.horizon.alpha_rao as u128;
    let back = unstake(y30, x30, alpha);
    let got = p.headline.horizon.exit.as_ref().unwrap().tao_rao as u128;
    // The path's ratio is e^(ln 1.2), 1.2 to 27 digits: the pool may differ by a rao.
    assert!(got.abs_diff(back) <= 1, "{got} vs {back}");
    assert!((p.headline.horizon.price - d("0.12")).abs() < d("1e-11"));
    // Day 7 of 30: the price is 0.1 × 1.2^(7/30), geometric; the pool moved to it.
    let row = p.table.iter().find(|o| o.day == 7).unwrap();
    let ratio = 1.2f64.powf(7.0 / 30.0);
    assert!((row.price.to_string().parse::<f64>().unwrap() - 0.1 * ratio).abs() < 1e-12);
    let (y7, x7) = (Y as f64 * ratio.sqrt(), X as f64 / ratio.sqrt());
    let a7 = row.alpha_rao as f64;
    let net7 = a7 - fee(row.alpha_rao as u128) as f64;
    let back7 = y7 * net7 / (x7 + net7);
    let got7 = row.exit.as_ref().unwrap().tao_rao as f64;
    assert!((got7 - back7).abs() < 2.0, "{got7} vs {back7}");
    // After the period the price is held: day 90 and 365 sell at 0.12.
    for o in p.table.iter().filter(|o| o.day > 30) {
        assert!((o.price - d("0.12")).abs() < d("1e-11"), "day {}", o.day);
    }
}

#[test]
fn the_break_even_is_the_first_day_a_scan_finds() {
    // A scan of every day, each exit by hand, against the model's search: the first day the
    // exit returns the 10 TAO, and the day before it does not.
    for extra in [
        vec![("compound_others", "0")],
        vec![
            ("compound_others", "0"),
            ("price_change", "-3"),
            ("days", "60"),
        ],
        // Selling into the pool the stake left costs only the fees: a yield twenty times
        // smaller keeps the break-even past day 1.
        vec![
            ("compound_others", "0"),
            ("exit_from", "entry"),
            ("alpha_stake", "20000000"),
            ("issuance", "40000000"),
        ],
    ] {
        let p = page(&extra);
        let rate = p.headline.rate_per_epoch;
        let a0 = p.headline.alpha_start_rao;
        let shown = value(&SUMMARY, "returns-breakeven-days", &p);
        let day: u32 = shown.to_string().parse().unwrap();
        assert!(
            day > 1,
            "{extra:?}: the case must break even on a later day"
        );
        let entry = extra
            .iter()
            .any(|(k, v)| *k == "exit_from" && *v == "entry");
        let falls = extra.iter().any(|(k, _)| *k == "price_change");
        let exit_on = |day: u32| -> u128 {
            let alpha = (constant_growth(a0 as u128, rate, u64::from(day) * 20))
                .floor()
                .to_string()
                .parse::<u128>()
                .unwrap();
            let (y, x) = if entry {
                (Y + STAKE - 5_035_477, X - a0 as u128)
            } else {
                (Y, X)
            };
            let (y, x) = if falls {
                let ratio = 0.97f64.powf(f64::from(day.min(60)) / 60.0);
                (
                    (y as f64 * ratio.sqrt()) as u128,
                    (x as f64 / ratio.sqrt()) as u128,
                )
            } else {
                (y, x)
            };
            unstake(y, x, alpha)
        };
        assert!(
            exit_on(day) >= STAKE,
            "{extra:?}: day {day} returns {}",
            exit_on(day)
        );
        assert!(
            exit_on(day - 1) < STAKE,
            "{extra:?}: day {} already returns it",
            day - 1
        );
    }
}

#[test]
fn dollars_and_the_other_exit() {
    let p = page(&[("compound_others", "0"), ("tao_usd", "400")]);
    let leg = p.headline.horizon.exit.as_ref().unwrap();
    // The page writes the net in dollars from its TAO: net x 400, to the cent.
    let net = SUMMARY
        .iter()
        .find(|s| s.testid == "returns-net-tao")
        .unwrap();
    let dollars = Style::READABLE.with_usd(Some(d("400")));
    let usd = (leg.net_tao * d("400")).round_dp(2);
    let text = (net.pick)(&p, dollars).unwrap().text;
    let expected = format!(" ≈ {} USD", signed_tokens(usd, Style::READABLE));
    assert!(
        text.ends_with(&expected),
        "{text} should end with {expected}"
    );
    assert!(!(net.pick)(&p, Style::READABLE)
        .unwrap()
        .text
        .contains("USD"));
    // The other exit is named when it differs by more than a tenth of the stake (1 TAO): here
    // the stake's own price move is about 2 %, 0.2 TAO, so it is not.
    assert!(other_exit(&inputs(&[("compound_others", "0")]), &p).is_none());
    // A stake of 300 TAO moves the 1,000 TAO pool by two thirds: the exits part by far more.
    let big = inputs(&[("compound_others", "0"), ("amount", "300")]);
    let shown = project(&big).unwrap();
    let other = other_exit(&big, &shown).expect("the exits differ");
    let entry = project(&ReturnsInputs {
        exit_from: dtao_calc::model::staking::returns::ExitFrom::Entry,
        ..big
    })
    .unwrap();
    assert_eq!(other.net_tao, entry.headline.horizon.exit.unwrap().net_tao);
    assert!(other.net_tao - shown.headline.horizon.exit.as_ref().unwrap().net_tao > d("30"));
}

#[test]
fn starting_from_alpha_measures_against_selling_it_now() {
    // 100 alpha held: no entry swap; the yardstick is what selling them now returns.
    let p = page(&[
        ("compound_others", "0"),
        ("from", "alpha"),
        ("amount", "100"),
    ]);
    let now = unstake(Y, X, 100 * TAO);
    assert_eq!(p.headline.basis_rao as u128, now);
    assert!(p.headline.entry.is_none());
    // The rate: the 100 alpha are already in A_v, so c / A_v.
    assert!((p.headline.rate_per_epoch - earned() / d("1000000")).abs() < d("1e-26"));
    let back = unstake(Y, X, p.headline.horizon.alpha_rao as u128);
    assert_eq!(
        value(&SUMMARY, "returns-net-tao", &p),
        tokens(back) - tokens(now)
    );
}

#[test]
fn an_observed_apy_compounds_back_to_itself() {
    // 30 % a year: the per-epoch rate r with (1 + r)^7,300 = 1.3, by repetition.
    let p = page(&[("compound_others", "0"), ("apy", "30")]);
    let r = p.headline.rate_per_epoch;
    let year = constant_growth(1, r, 7_300);
    assert!((year - d("1.3")).abs() < d("1e-20"), "{year}");
    assert!((value(&SUMMARY, "returns-apy", &p) - d("30")).abs() < d("1e-18"));
    // 30 days of it: 1.3^(600/7300) of the alpha.
    let a0 = alpha_in();
    let end = constant_growth(a0, r, 600);
    assert!((Decimal::from(p.headline.horizon.alpha_rao) - end).abs() <= Decimal::ONE);
}

#[test]
fn the_validators_trust_scales_the_rate() {
    // vtrust 0.5: the stake's share of the epoch is c x 0.5 over the same A_v + a0.
    let half = page(&[("compound_others", "0"), ("vtrust", "0.5")]);
    let rate = earned() * d("0.5") / (d("1000000") + tokens(alpha_in()));
    assert!(
        (half.headline.rate_per_epoch - rate).abs() < d("1e-26"),
        "{} vs {rate}",
        half.headline.rate_per_epoch
    );
}

#[test]
fn the_price_scenario_holds_after_the_period_and_values_each_day_at_its_price() {
    // +10 % over 30 days, then held: the table's 90- and 365-day rows are priced as day 30.
    let p = page(&[("compound_others", "0"), ("price_change", "10")]);
    let row = |day: u32| p.table.iter().find(|o| o.day == day).unwrap();
    let today = d("0.1");
    // The pool the entry left, moved along its invariant to 1.1 x its price: the path prices
    // from the pool before the stake when the exit sells into it (SPEC §2), so day 30 is
    // today's price x 1.1 to the rao's precision.
    let at_30 = row(30).price;
    assert!((at_30 / today - d("1.1")).abs() < d("1e-8"), "{at_30}");
    assert_eq!(row(90).price, at_30);
    assert_eq!(row(365).price, at_30);
    // Each day's alpha valued at that day's price, not today's.
    for o in &p.table {
        let expected = tokens(o.alpha_rao.into()) * o.price;
        assert!(
            (o.value_at_spot - expected).abs() < d("0.000000002"),
            "day {}: {} vs {expected}",
            o.day,
            o.value_at_spot
        );
    }
    let horizon = &p.headline.horizon;
    assert!(horizon.value_at_spot > tokens(horizon.alpha_rao.into()) * today * d("1.09"));
}
