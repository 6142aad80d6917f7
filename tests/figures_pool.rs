//! Every figure the pool page shows, pinned on a small pool to a value computed by hand here,
//! from SPEC §1 with the integers written out (issue 29): exact where the chain is exact (whole
//! rao on a pool of even weights), otherwise to a stated tolerance small enough that a wrong base,
//! a wrong side or a one-percent slip fails.
//!
//! The pool is the Bittensor docs' example, 10 TAO / 100 alpha (spot 0.1 TAO per alpha), unless
//! said otherwise; the page reads it as a custom pool (`netuid=`, `tao_in`, `alpha_in`), so what is
//! pinned is what the page's own figure tables (`ui::pool::figures`) put in `data-value`.

#[path = "common/figures.rs"]
mod shared;
use dtao_calc::calc::figure::{FigureSpec, Shown};
use dtao_calc::calc::format::Style;
use dtao_calc::calc::pool::figures::{AT_SPOT, FEE, OTHER_DEFINITIONS, QUOTED_TAIL, SUMMARY};
use dtao_calc::calc::pool::form::PoolForm;
use dtao_calc::calc::pool::outcome::{PoolOutcome, Priced, Tier};
use dtao_calc::calc::query::getter;
use dtao_calc::model::pool::min_received::{min_received, moved};
use dtao_calc::model::pool::move_stake::move_stake;
use dtao_calc::model::pool::round_trip::round_trip;
use dtao_calc::model::pool::side::Side;
use dtao_calc::model::pool::weights::TaoWeight;
use dtao_calc::model::pool::Pool;
use dtao_calc::snapshot::bundled::bundled;
use rust_decimal::Decimal;
use shared::{d, fee, tokens};

const TAO: u128 = 1_000_000_000;

/// The figure `testid` of a table, as the page shows it.
fn figure<T>(table: &[FigureSpec<T>], testid: &str, result: &T) -> Shown {
    figure_in(table, testid, result, Style::READABLE)
}

/// The same, written in `style` (dollars, exact).
fn figure_in<T>(table: &[FigureSpec<T>], testid: &str, result: &T, style: Style) -> Shown {
    let spec = table.iter().find(|s| s.testid == testid).unwrap();
    (spec.pick)(result, style).unwrap_or_else(|| panic!("{testid} has no value"))
}

fn value<T>(table: &[FigureSpec<T>], testid: &str, result: &T) -> Decimal {
    figure(table, testid, result).value.parse().unwrap()
}

/// A stake of `net` into (y TAO, x alpha) of even weights: `floor(x * net / (y + net))`.
fn alpha_out(y: u128, x: u128, net: u128) -> u128 {
    x * net / (y + net)
}

/// The page's quote for `query` on the 10 / 100 pool.
fn page(query: &[(&str, &str)]) -> (PoolForm, Priced) {
    let snapshot = bundled();
    let mut all = vec![("netuid", ""), ("tao_in", "10"), ("alpha_in", "100")];
    all.extend_from_slice(query);
    let form = PoolForm::read(getter(&all), &snapshot);
    let quote = PoolOutcome::of(&form).quote().cloned().expect("a quote");
    let priced = Priced::of(&form, &quote);
    (form, priced)
}

#[test]
fn a_stake_every_figure_by_hand() {
    // Stake 5 TAO into 10 TAO / 100 alpha.
    let (_, p) = page(&[("amount", "5")]);
    let q = &p.quote;
    let (y, x, amount) = (10 * TAO, 100 * TAO, 5 * TAO);
    let f = fee(amount); // floor(5e9 * 33 / 65535) = 2,517,738
    assert_eq!(f, 2_517_738);
    let net = amount - f; // 4,997,482,262
    let out = alpha_out(y, x, net); // 33,322,141,508: the vectors' docs example
    assert_eq!(out, 33_322_141_508);
    assert_eq!(value(&SUMMARY, "pool-pay", &p), tokens(amount));
    assert_eq!(value(&SUMMARY, "pool-received", &p), tokens(out));
    assert_eq!(value(&FEE, "pool-fee", q), tokens(f));
    // At the spot price 0.1: 5 TAO buy 50 alpha (the gross amount, fee included).
    let ideal = d("50");
    assert_eq!(value(&AT_SPOT, "pool-ideal", q), ideal);
    // Slippage, fee included: (50 - 33.322141508) / 50 = 33.355716984 %.
    let received = tokens(out);
    let slip = (ideal - received) / ideal * d("100");
    assert_eq!(value(&SUMMARY, "pool-slippage", &p), slip.normalize());
    assert_eq!(slip.round_dp(9), d("33.355716984"));
    // Its worth in TAO: the share of the 5 TAO paid, 1.6677858492 TAO.
    assert_eq!(p.cost_tao, (d("5") * slip / d("100")).normalize());
    assert_eq!(p.cost_tao.round_dp(10), d("1.6677858492"));
    // The fee left out (the SDK): 4.997482262 TAO would buy 49.97482262 alpha.
    let ideal_net = tokens(net) / d("0.1");
    let ex_fee = (ideal_net - received) / ideal_net * d("100");
    assert!((value(&OTHER_DEFINITIONS, "pool-slippage-ex-fee", q) - ex_fee).abs() < d("1e-20"));
    // The docs' shortfall over what was received: 16.677858492 / 33.322141508, about 50 %.
    let docs = (ideal - received) / received * d("100");
    assert!((value(&OTHER_DEFINITIONS, "pool-slippage-docs", q) - docs).abs() < d("1e-20"));
    assert_eq!(docs.round(), d("50"));
    // Prices: paid 5 TAO for 33.322141508 alpha; after, 14.997482262 / 66.677858492.
    let effective = d("5") / received;
    assert!((value(&QUOTED_TAIL, "pool-effective-price", q) - effective).abs() < d("1e-20"));
    let after = tokens(y + net) / tokens(x - out);
    assert!((value(&QUOTED_TAIL, "pool-price-after", q) - after).abs() < d("1e-20"));
    // The spot price's move: after / 0.1 - 1, in %.
    let moved = (after / d("0.1") - Decimal::ONE) * d("100");
    assert!((value(&SUMMARY, "pool-price-impact", &p) - moved).abs() < d("1e-18"));
    // Cost above 5 %: red, and it says so.
    assert_eq!(p.tier, Tier::Danger);
    assert!(
        p.verdict(Style::READABLE)
            .starts_with("Expensive: this stake costs 33.36 % (1.66779 TAO)"),
        "{}",
        p.verdict(Style::READABLE)
    );
}

#[test]
fn an_unstake_by_hand_with_its_fee_sold_after() {
    // Unstake 10 alpha from 10 TAO / 100 alpha.
    let (_, p) = page(&[("amount", "10"), ("side", "unstake")]);
    let q = &p.quote;
    let (y, x, amount) = (10 * TAO, 100 * TAO, 10 * TAO);
    let f = fee(amount); // 5,035,477 alpha rao
    let net = amount - f;
    // TAO out for the net alpha: floor(y * net / (x + net)).
    let out = y * net / (x + net);
    assert_eq!(value(&SUMMARY, "pool-received", &p), tokens(out));
    assert_eq!(value(&FEE, "pool-fee", q), tokens(f));
    // At spot 10 alpha fetch 1 TAO; the cost is in TAO directly.
    assert_eq!(value(&AT_SPOT, "pool-ideal", q), Decimal::ONE);
    assert_eq!(p.cost_tao, Decimal::ONE - tokens(out));
    // The pool moves twice: the user's sale, then the fee's alpha sold fee-free (SPEC §1).
    let (y1, x1) = (y - out, x + net);
    let fee_tao = y1 * f / (x1 + f);
    let after = tokens(y1 - fee_tao) / tokens(x1 + f);
    assert!((value(&QUOTED_TAIL, "pool-price-after", q) - after).abs() < d("1e-20"));
    // An unstake ends in TAO: nothing to sell back.
    assert!(p.sell_back.is_none());
}

#[test]
fn sold_straight_back_is_both_legs_by_hand() {
    let (_, p) = page(&[("amount", "5")]);
    // The 33,322,141,508 alpha sold into the pool the stake left (14.997482262 / 66.677858492).
    let (y, x) = (10 * TAO + 4_997_482_262, 100 * TAO - 33_322_141_508);
    let a = 33_322_141_508u128;
    let f = fee(a);
    let back = y * (a - f) / (x + (a - f));
    let shown = value(&SUMMARY, "pool-sell-back-tao", &p);
    assert_eq!(shown, tokens(back));
    // The round trip's loss is over what went in (5 TAO), not over what came back.
    let trip = round_trip(&p.quote.swap.pool_before, Side::Stake, 5 * TAO as u64).unwrap();
    assert_eq!(u128::from(trip.back_rao), back);
    let lost = d("5") - tokens(back);
    assert_eq!(trip.lost, lost);
    assert_eq!(trip.lost_pct, lost / d("5") * d("100"));
}

#[test]
fn a_cost_tier_changes_exactly_at_its_threshold() {
    // A stake into 1,000 TAO / 10,000 alpha (spot 0.1): slippage, fee included, is
    // 1 - y (1 - f) / (y + a (1 - f)) for even weights; solve for a at each threshold s:
    // a = y (1 / (1 - s) - 1 / (1 - f)), f = 33/65535. Just under it is the lower tier.
    let f = 33.0 / 65_535.0;
    for (s, below, above) in [
        (0.01, Tier::Plain, Tier::Notice),
        (0.03, Tier::Notice, Tier::Warning),
        (0.05, Tier::Warning, Tier::Danger),
    ] {
        let a = 1_000.0 * (1.0 / (1.0 - s) - 1.0 / (1.0 - f));
        for (amount, tier) in [(a * 0.995, below), (a * 1.005, above)] {
            let text = format!("{amount:.6}");
            let snapshot = bundled();
            let q = [
                ("netuid", ""),
                ("tao_in", "1000"),
                ("alpha_in", "10000"),
                ("amount", text.as_str()),
            ];
            let form = PoolForm::read(getter(&q), &snapshot);
            let quote = PoolOutcome::of(&form).quote().cloned().unwrap();
            assert_eq!(
                Priced::of(&form, &quote).tier,
                tier,
                "{amount} TAO around {s}"
            );
        }
    }
}

#[test]
fn the_least_at_a_tolerance_is_the_closed_form_of_an_even_pool() {
    // 1,000 TAO / 10,000 alpha, stake 10 TAO at 5 % tolerance (at 2 % the chain refuses it: 10 TAO move
    // the price 2.01 %). Even weights keep x y = k; the
    // limit L bounds the price after: y1 = sqrt(L k); others may move the pool up to y1 - net,
    // and the least the stake gets is then k / (y1 - net) - k / y1.
    let snapshot = bundled();
    let q = [
        ("netuid", ""),
        ("tao_in", "1000"),
        ("alpha_in", "10000"),
        ("amount", "10"),
        ("tol", "5"),
    ];
    let form = PoolForm::read(getter(&q), &snapshot);
    let quote = PoolOutcome::of(&form).quote().cloned().unwrap();
    let priced = Priced::of(&form, &quote);
    let least = value(&SUMMARY, "pool-min-received", &priced);
    let (_, request) = form.trade().unwrap();
    let limit = request.protection.unwrap().limit_price_rao as f64 / 1e9;
    // limit_from_tolerance: 0.1 * 1.05 = 0.105 TAO per alpha.
    assert!((limit - 0.105).abs() < 1e-9, "{limit}");
    let k = 1_000.0 * 10_000.0;
    let net = 10.0 * (1.0 - 33.0 / 65_535.0);
    let y1 = (limit * k).sqrt();
    let expected = k / (y1 - net) - k / y1;
    let got: f64 = least.to_string().parse().unwrap();
    assert!((got - expected).abs() < 1e-6, "{got} vs {expected}");
    // Less than the quote now: others may take the 3 % the stake's own move leaves of the 5 %.
    assert!(got < quote.received.to_string().parse::<f64>().unwrap());
    // The worst case is the chain's own bound: it fills there, one rao more of others' trade and
    // the chain refuses the order.
    let pool = quote.swap.pool_before;
    let worst = min_received(
        &pool,
        Side::Stake,
        request.amount_rao,
        request.protection.unwrap().limit_price_rao,
    )
    .unwrap()
    .unwrap();
    let protection = request.protection;
    let at = moved(&pool, Side::Stake, worst.moved_rao).unwrap();
    assert_eq!(
        dtao_calc::model::pool::swap::swap(&at, Side::Stake, request.amount_rao, protection)
            .unwrap()
            .out_rao,
        worst.out_rao
    );
    let past = moved(&pool, Side::Stake, worst.moved_rao + 1).unwrap();
    assert!(
        dtao_calc::model::pool::swap::swap(&past, Side::Stake, request.amount_rao, protection)
            .is_err()
    );
}

#[test]
fn dollars_are_tao_times_the_price() {
    let (form, p) = page(&[("amount", "5"), ("tao_usd", "400")]);
    // The page writes dollars from the TAO, at the price the visitor gave.
    let dollars = Style::READABLE.with_usd(form.tao_usd.ok().flatten());
    assert_eq!(dollars.tao_usd, Some(d("400")));
    // 5 TAO at 400 USD: 2,000 USD paid; 33.322141508 alpha at 0.1 TAO: 1,332.89 USD.
    let pay = figure_in(&SUMMARY, "pool-pay", &p, dollars).text;
    assert!(pay.ends_with("≈ 2,000 USD"), "{pay}");
    assert!(figure_in(&SUMMARY, "pool-received", &p, dollars)
        .text
        .ends_with("≈ 1,332.89 USD"));
    // The cost: 1.6677858492 TAO = 667.11 USD.
    assert!(figure_in(&SUMMARY, "pool-slippage", &p, dollars)
        .text
        .contains("≈ 667.11 USD"));
    // Without a price, no dollars.
    assert!(!figure(&SUMMARY, "pool-pay", &p).text.contains("USD"));
}

#[test]
fn a_move_pays_one_fee_on_the_unstake_leg_by_hand() {
    // 10 alpha from 10 TAO / 100 alpha to 1,000 TAO / 10,000 alpha (spot 0.1 both).
    let from = Pool::dynamic((10 * TAO) as u64, (100 * TAO) as u64, TaoWeight::HALF).unwrap();
    let to = Pool::dynamic((1_000 * TAO) as u64, (10_000 * TAO) as u64, TaoWeight::HALF).unwrap();
    let m = move_stake(&from, &to, 10 * TAO as u64).unwrap();
    // Unstake leg: fee on the alpha, the net sold: floor(y * net / (x + net)).
    let f = fee(10 * TAO);
    let net = 10 * TAO - f;
    let tao = 10 * TAO * net / (100 * TAO + net);
    // Stake leg, no fee: floor(x' * tao / (y' + tao)).
    let alpha = alpha_out(1_000 * TAO, 10_000 * TAO, tao);
    assert_eq!(u128::from(m.unstake.swap.out_rao), tao);
    let stake = m.stake.expect("restaked");
    assert_eq!(u128::from(stake.swap.out_rao), alpha);
    assert_eq!(stake.fee, Decimal::ZERO);
    // The one fee, in TAO at the first subnet's spot: the alpha fee times 0.1.
    assert_eq!(m.fee_tao, tokens(f) * d("0.1"));
    // The loss: 1 TAO of alpha out, the alpha in at 0.1 on the second subnet.
    assert_eq!(m.value_before_tao, Decimal::ONE);
    assert_eq!(m.value_after_tao, tokens(alpha) * d("0.1"));
    assert_eq!(m.lost_tao, Decimal::ONE - tokens(alpha) * d("0.1"));
    // Its share is of the worth before (1 TAO), not after.
    assert_eq!(m.lost_pct, m.lost_tao * d("100"));
}

#[test]
fn the_spot_price_is_tao_over_alpha() {
    let (form, _) = page(&[("amount", "5")]);
    let pool = form.source.pool.clone().unwrap();
    assert_eq!(pool.spot_price(), d("0.1"));
    // The chain's price is U64F64: floor(2^64 / 10) / 2^64, just under 0.1; times 1e9, floored
    // to rao: 99,999,999.
    let fixed = (1u128 << 64) / 10;
    assert_eq!(fixed, 1_844_674_407_370_955_161);
    assert_eq!((fixed * 1_000_000_000) >> 64, 99_999_999);
    assert_eq!(pool.chain_spot_price_rao(), 99_999_999);
}

#[test]
fn the_most_within_a_limit_is_the_last_amount_the_chain_fills() {
    // 1,000 TAO / 10,000 alpha, limit 0.105 (5 %): x y = k puts the largest net at
    // y (sqrt(L / p) - 1) = 1,000 (sqrt(1.05) - 1) = 24.695076596 TAO; its gross adds the fee.
    let q = [
        ("netuid", ""),
        ("tao_in", "1000"),
        ("alpha_in", "10000"),
        ("amount", "10"),
        ("tol", "5"),
    ];
    let snapshot = bundled();
    let form = PoolForm::read(getter(&q), &snapshot);
    let (pool, request) = form.trade().unwrap();
    let limit = request.protection.unwrap().limit_price_rao;
    let max = dtao_calc::model::pool::limit::max_gross_within_limit(&pool, Side::Stake, limit)
        .unwrap()
        .unwrap();
    let closed = 1_000.0 * (1.05f64.sqrt() - 1.0) / (1.0 - 33.0 / 65_535.0);
    assert!(
        (max as f64 / 1e9 - closed).abs() < 1e-6,
        "{max} vs {closed}"
    );
    // The edge: fill or kill takes `max` and refuses one rao more.
    let protection = request.protection;
    assert!(dtao_calc::model::pool::swap::swap(&pool, Side::Stake, max, protection).is_ok());
    assert!(dtao_calc::model::pool::swap::swap(&pool, Side::Stake, max + 1, protection).is_err());
}

#[test]
fn a_partial_fill_refunds_what_passes_the_limit() {
    // 50 TAO at a 5 % limit with partial fills: the chain takes the most within the limit and
    // hands the rest back.
    let q = [
        ("netuid", ""),
        ("tao_in", "1000"),
        ("alpha_in", "10000"),
        ("amount", "50"),
        ("tol", "5"),
        ("partial", "1"),
    ];
    let snapshot = bundled();
    let form = PoolForm::read(getter(&q), &snapshot);
    let (pool, request) = form.trade().unwrap();
    let quote = PoolOutcome::of(&form).quote().cloned().unwrap();
    let limit = request.protection.unwrap().limit_price_rao;
    let net = dtao_calc::model::pool::limit::max_net_within_limit(&pool, Side::Stake, limit)
        .unwrap()
        .unwrap();
    // The net is y (sqrt(1.05) - 1) to the rao's rounding of the square root.
    assert!((net as f64 / 1e9 - 1_000.0 * (1.05f64.sqrt() - 1.0)).abs() < 1e-6);
    assert_eq!(quote.swap.amount_in_rao, net);
    let taken = quote.swap.taken_rao();
    assert_eq!(quote.unfilled, tokens(u128::from(50 * TAO as u64 - taken)));
    // The fee is on what was taken: its net is the net within the limit.
    assert_eq!(u128::from(quote.swap.fee_rao), fee(u128::from(taken)));
    assert_eq!(taken - quote.swap.fee_rao, net);
}

#[test]
fn the_largest_trade_within_a_slippage_is_the_edge_of_it() {
    // 1,000 TAO / 10,000 alpha at 2 %: x y = k reaches a slippage t (fee included) at net
    // y ((1 - f) / (1 - t) - 1), gross net / (1 - f) (the curve's closed form).
    let snapshot = bundled();
    let q = [
        ("netuid", ""),
        ("tao_in", "1000"),
        ("alpha_in", "10000"),
        ("max_slip", "2"),
    ];
    let form = PoolForm::read(getter(&q), &snapshot);
    let pool = form.source.pool.clone().unwrap();
    let max = dtao_calc::model::pool::curve::max_trade_for_slippage(&pool, Side::Stake, d("2"))
        .unwrap()
        .unwrap();
    let f = 33.0 / 65_535.0;
    let closed = 1_000.0 * ((1.0 - f) / 0.98 - 1.0) / (1.0 - f);
    assert!(
        (max as f64 / 1e9 - closed).abs() < 1e-6,
        "{max} vs {closed}"
    );
    // The edge: the slippage at max is within 2 %, one rao more is past it.
    let at = dtao_calc::model::pool::curve::slippage_at(&pool, Side::Stake, max).unwrap();
    let past = dtao_calc::model::pool::curve::slippage_at(&pool, Side::Stake, max + 1).unwrap();
    assert!(at <= d("2") && past > d("2"), "{at} {past}");
}

#[test]
fn an_unstakes_round_trip_is_lost_in_alpha_over_the_alpha_put_in() {
    // Unstake 10 alpha from 10 TAO / 100 alpha, then stake the TAO straight back.
    let pool = Pool::dynamic((10 * TAO) as u64, (100 * TAO) as u64, TaoWeight::HALF).unwrap();
    let trip = round_trip(&pool, Side::Unstake, 10 * TAO as u64).unwrap();
    let (y, x, a) = (10 * TAO, 100 * TAO, 10 * TAO);
    let f = fee(a);
    let tao = y * (a - f) / (x + (a - f));
    // The pool after the unstake: the user's sale; the fee's alpha sold fee-free after it.
    let (y1, x1) = (y - tao, x + (a - f));
    let fee_tao = y1 * f / (x1 + f);
    let (y2, x2) = (y1 - fee_tao, x1 + f);
    let back = alpha_out(y2, x2, tao - fee(tao));
    assert_eq!(u128::from(trip.back_rao), back);
    assert_eq!(trip.lost, tokens(a - back));
    assert_eq!(trip.lost_pct, tokens(a - back) / d("10") * d("100"));
}

#[test]
fn a_stake_takes_the_worse_tier_of_its_cost_and_its_round_trip() {
    // A fee rate of 1,000 / 65,535 (1.53 %) on 0.01 TAO into 10 / 100: the cost is the fee and
    // a little impact (a notice, under 3 %), but selling straight back pays the fee twice
    // (over 3 %, a warning): the verdict takes the worse. (With the chain's 33 / 65,535 fee the
    // round trip never costs more than the trade itself.)
    let (_, p) = page(&[("amount", "0.01"), ("fee_rate", "1000")]);
    assert!(p.quote.slippage_pct < d("3"), "{}", p.quote.slippage_pct);
    assert_eq!(Tier::of(p.quote.slippage_pct), Tier::Notice);
    let trip = match &p.sell_back {
        Some(Ok(t)) => t.lost_pct,
        other => panic!("{other:?}"),
    };
    // Two fees of 1,000 / 65,535 on the way: 1 - (1 - f)^2 = 3.03 %, less a rounding.
    let f = d("1000") / d("65535");
    let two_fees = (Decimal::ONE - (Decimal::ONE - f) * (Decimal::ONE - f)) * d("100");
    assert!((trip - two_fees).abs() < d("0.01"), "{trip} vs {two_fees}");
    assert_eq!(p.tier, Tier::Warning);
}

#[test]
fn an_unstakes_dollars_are_its_alpha_at_the_spot_price() {
    // 10 alpha at 0.1 TAO is 1 TAO: 400 USD paid at 400 USD per TAO.
    let (form, p) = page(&[("side", "unstake"), ("amount", "10"), ("tao_usd", "400")]);
    let dollars = Style::READABLE.with_usd(form.tao_usd.ok().flatten());
    let pay = figure_in(&SUMMARY, "pool-pay", &p, dollars).text;
    assert!(pay.ends_with("≈ 400 USD"), "{pay}");
}
