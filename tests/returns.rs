//! The staking-return model: SPEC §2's worked figures with their exact inputs, monotonicity,
//! costs of getting in and out, and no panic for any input.

use dtao_calc::model::num::units::{rao_to_decimal, RAO_PER_TAO};
use dtao_calc::model::pool::weights::TaoWeight;
use dtao_calc::model::pool::{Mechanism, Pool};
use dtao_calc::model::staking::emission::{default_take, validator_pool_per_epoch, SubnetYield};
use dtao_calc::model::staking::returns::{
    project, ExitFrom, ReturnsInputs, Start, YieldSpec, MAX_DAYS,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// SPEC §2: alpha_out_emission 1, R 6M TAO, w 0.18, A 3M alpha, 361-block epochs.
fn spec_pool_per_epoch() -> Decimal {
    validator_pool_per_epoch(&SubnetYield {
        alpha_per_block: Decimal::ONE,
        alpha_issuance: d("3000000"),
        root_tao: d("6000000"),
        tao_weight: d("0.18"),
        epoch_blocks: 361,
    })
    .unwrap()
}

fn spec_inputs(others_compound: bool) -> ReturnsInputs {
    ReturnsInputs {
        // A pool deep enough that exiting 1,718 alpha barely moves it: 1M TAO / 10M alpha.
        pool: Pool::dynamic(
            1_000_000 * RAO_PER_TAO,
            10_000_000 * RAO_PER_TAO,
            TaoWeight::HALF,
        )
        .unwrap(),
        // 1,000 alpha already staked (so already part of A_v = 1.2M).
        start: Start::Alpha(1_000 * RAO_PER_TAO),
        days: 365,
        yield_spec: YieldSpec::Derived {
            pool_per_epoch: spec_pool_per_epoch(),
            other_stake: d("1200000"),
            take: default_take(),
            childkey_take: Decimal::ZERO,
            vtrust: Decimal::ONE,
            others_compound,
        },
        epoch_blocks: 361,
        price_change: Decimal::ZERO,
        exit_from: ExitFrom::Entry,
    }
}

#[test]
fn spec_worked_figures() {
    let constant = project(&spec_inputs(false)).unwrap();
    assert_eq!((constant.headline.alpha_per_day).round_dp(3), d("1.483"));
    assert_eq!(constant.headline.apy_pct.round_dp(1), d("71.8"));
    // 7,279 payouts in 365 days: about 1,718 alpha after a year at a constant rate.
    assert_eq!(constant.headline.horizon.epochs, 7_279);
    assert_eq!(
        rao_to_decimal(constant.headline.horizon.alpha_rao).round(),
        d("1718")
    );
    // When everyone compounds, A_v grows by V each epoch: about 1,515.
    let growing = project(&spec_inputs(true)).unwrap();
    assert_eq!(
        rao_to_decimal(growing.headline.horizon.alpha_rao).round(),
        d("1515")
    );
    // Today's rate is the same either way; only the future differs.
    assert_eq!(
        growing.headline.rate_per_epoch,
        constant.headline.rate_per_epoch
    );
}

#[test]
fn observed_apy_replaces_the_derived_yield() {
    let mut inputs = spec_inputs(true);
    inputs.yield_spec = YieldSpec::Observed { apy: d("0.25") };
    let p = project(&inputs).unwrap();
    assert!(
        (p.headline.apy_pct - d("25")).abs() < d("0.0000001"),
        "{}",
        p.headline.apy_pct
    );
    let end = rao_to_decimal(p.headline.horizon.alpha_rao);
    assert!(end > d("1249.9") && end < d("1250.1"), "{end}");
}

#[test]
fn thin_pools_can_eat_the_yield() {
    let deep = Pool::dynamic(
        200_000 * RAO_PER_TAO,
        2_000_000 * RAO_PER_TAO,
        TaoWeight::HALF,
    )
    .unwrap();
    let thin = Pool::dynamic(500 * RAO_PER_TAO, 5_000 * RAO_PER_TAO, TaoWeight::HALF).unwrap();
    let inputs = |pool| ReturnsInputs {
        pool,
        start: Start::Tao(100 * RAO_PER_TAO),
        days: 30,
        yield_spec: YieldSpec::Observed { apy: d("0.05") },
        epoch_blocks: 360,
        price_change: Decimal::ZERO,
        exit_from: ExitFrom::Before,
    };
    let deep = project(&inputs(deep)).unwrap();
    let thin = project(&inputs(thin)).unwrap();
    // Entry: 100 TAO into a 500 TAO pool costs about a sixth in slippage.
    assert!(
        thin.headline.entry_slippage_tao > d("15"),
        "{}",
        thin.headline.entry_slippage_tao
    );
    assert!(deep.headline.entry_slippage_tao < d("0.1"));
    let deep_leg = deep.headline.horizon.exit.clone().unwrap();
    let thin_leg = thin.headline.horizon.exit.clone().unwrap();
    assert!(deep_leg.net_tao > Decimal::ZERO);
    assert!(thin_leg.net_tao < d("-20"));
    // Break-even: days on the deep pool, not within 5 years at 5 % on the thin one.
    let days = deep.headline.breakeven_day.unwrap();
    assert!((1..60).contains(&days), "{days}");
    assert_eq!(thin.headline.breakeven_day, None);
    // The day found breaks even and the day before does not: the exit on each day, as its own
    // horizon (no price change, so the path does not depend on the horizon).
    let exit_on = |day: u32| {
        let mut at = inputs(
            Pool::dynamic(
                200_000 * RAO_PER_TAO,
                2_000_000 * RAO_PER_TAO,
                TaoWeight::HALF,
            )
            .unwrap(),
        );
        at.days = day;
        project(&at).unwrap().headline.horizon.exit.unwrap().tao_rao
    };
    assert!(
        exit_on(days) >= deep.headline.basis_rao,
        "day {days} breaks even"
    );
    assert!(
        exit_on(days - 1) < deep.headline.basis_rao,
        "day {} does not",
        days - 1
    );
}

#[test]
fn root_stakes_one_to_one() {
    let root = Pool::new(
        5_000_000 * RAO_PER_TAO,
        1_000_000 * RAO_PER_TAO,
        TaoWeight::HALF,
        Mechanism::Stable,
    )
    .unwrap();
    let p = project(&ReturnsInputs {
        pool: root,
        start: Start::Tao(50 * RAO_PER_TAO),
        days: 365,
        yield_spec: YieldSpec::Observed { apy: d("0.05") },
        epoch_blocks: 7_200,
        price_change: d("0.5"),
        exit_from: ExitFrom::Entry,
    })
    .unwrap();
    assert_eq!(p.headline.alpha_start_rao, 50 * RAO_PER_TAO);
    assert_eq!(p.headline.entry.as_ref().unwrap().swap.fee_rao, 0);
    assert_eq!(
        p.headline.horizon.price,
        Decimal::ONE,
        "root's price does not move"
    );
    let exit = p.headline.horizon.exit.clone().unwrap();
    assert_eq!(exit.fee_tao, Decimal::ZERO);
    assert_eq!(exit.tao_rao, p.headline.horizon.alpha_rao);
    // Nothing is lost getting in or out of root: it breaks even at once.
    assert_eq!(p.headline.breakeven_day, Some(0));
}

/// Subnet 64 of the bundled snapshot: 221,156.58516926 TAO / 2,542,377.6015667 alpha.
fn chutes() -> Pool {
    Pool::dynamic(221_156_585_169_260, 2_542_377_601_566_700, TaoWeight::HALF).unwrap()
}

fn no_yield(exit_from: ExitFrom, days: u32, price_change: Decimal) -> ReturnsInputs {
    ReturnsInputs {
        pool: chutes(),
        start: Start::Tao(10_000 * RAO_PER_TAO),
        days,
        yield_spec: YieldSpec::Observed { apy: Decimal::ZERO },
        epoch_blocks: 360,
        price_change,
        exit_from,
    }
}

#[test]
fn an_exit_at_once_loses_only_the_fees_when_priced_from_the_entry() {
    // 10,000 TAO into subnet 64 and straight out, nothing earned, no price change.
    let entry = project(&no_yield(ExitFrom::Entry, 1, Decimal::ZERO)).unwrap();
    let leg = entry.headline.horizon.exit.clone().unwrap();
    // Two fees of 33/65,535 (about 0.1 %) and rounding: the chain's immediate unstake.
    assert!(
        leg.net_pct < d("-0.09") && leg.net_pct > d("-0.11"),
        "{}",
        leg.net_pct
    );
    // From the pool as before the stake, the entry's price impact is lost as well: about -8.4 %.
    let before = project(&no_yield(ExitFrom::Before, 1, Decimal::ZERO)).unwrap();
    let leg = before.headline.horizon.exit.clone().unwrap();
    assert!(
        leg.net_pct < d("-8.3") && leg.net_pct > d("-8.5"),
        "{}",
        leg.net_pct
    );
}

#[test]
fn the_price_scenario_is_held_after_the_holding_period() {
    // +20 % over 30 days: at one year the price is still 1.2 times, not 1.2^(365/30) = 9.2.
    let p = project(&no_yield(ExitFrom::Before, 30, d("0.2"))).unwrap();
    let start = chutes().spot_price();
    let at_30 = &p.table[2];
    let at_365 = &p.table[4];
    assert_eq!((at_30.day, at_365.day), (30, 365));
    assert_eq!(at_30.price, at_365.price);
    let ratio = at_365.price / start;
    assert!((ratio - d("1.2")).abs() < d("0.000001"), "{ratio}");
}

#[test]
fn childkey_take_comes_off_the_returns_first() {
    let with = |childkey: Decimal| {
        let mut inputs = spec_inputs(false);
        if let YieldSpec::Derived {
            ref mut childkey_take,
            ..
        } = inputs.yield_spec
        {
            *childkey_take = childkey;
        }
        project(&inputs).unwrap().headline.rate_per_epoch
    };
    let ratio = with(default_take()) / with(Decimal::ZERO);
    assert_eq!(
        ratio.round_dp(20),
        (Decimal::ONE - default_take()).round_dp(20)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn more_take_less_alpha(take_a in 0u32..1800, take_b in 0u32..1800, others in any::<bool>()) {
        let (low, high) = (take_a.min(take_b), take_a.max(take_b));
        let at = |take: u32| {
            let mut inputs = spec_inputs(others);
            if let YieldSpec::Derived { pool_per_epoch, other_stake, vtrust, others_compound, .. } = inputs.yield_spec {
                inputs.yield_spec = YieldSpec::Derived { pool_per_epoch, other_stake, take: Decimal::new(take as i64, 4), childkey_take: Decimal::ZERO, vtrust, others_compound };
            }
            project(&inputs).unwrap()
        };
        let (a, b) = (at(low), at(high));
        prop_assert!(a.headline.horizon.alpha_rao >= b.headline.horizon.alpha_rao);
        prop_assert!(a.headline.apy_pct >= b.headline.apy_pct);
    }

    #[test]
    fn longer_hold_more_alpha(d1 in 1u32..MAX_DAYS, d2 in 1u32..MAX_DAYS, others in any::<bool>()) {
        let (short, long) = (d1.min(d2), d1.max(d2));
        let at = |days| {
            let mut inputs = spec_inputs(others);
            inputs.days = days;
            project(&inputs).unwrap().headline.horizon.alpha_rao
        };
        prop_assert!(at(short) <= at(long));
    }

    #[test]
    fn never_panics(
        tao in 1u64..u64::MAX, alpha in 1u64..u64::MAX, w in 1u64..99, start in any::<u64>(), from_alpha in any::<bool>(),
        days in 0u32..4000, apy in proptest::option::of(0i64..10_000_000), pool_per_epoch in 0i64..i64::MAX,
        other in 0i64..i64::MAX, take in 0i64..10_000, vtrust in 0i64..10_000, others in any::<bool>(),
        epoch in 0u32..100_000, change in -10_000i64..1_000_000,
    ) {
        let Ok(weight) = TaoWeight::from_parts(w * 10_000_000_000_000_000) else { return Ok(()); };
        let pool = Pool::dynamic(tao, alpha, weight).unwrap();
        let yield_spec = match apy {
            Some(a) => YieldSpec::Observed { apy: Decimal::new(a, 4) },
            None => YieldSpec::Derived {
                pool_per_epoch: Decimal::new(pool_per_epoch, 6),
                other_stake: Decimal::new(other, 3),
                take: Decimal::new(take, 4),
                childkey_take: Decimal::new(take, 5),
                vtrust: Decimal::new(vtrust, 4),
                others_compound: others,
            },
        };
        let inputs = ReturnsInputs {
            pool,
            start: if from_alpha { Start::Alpha(start) } else { Start::Tao(start) },
            days,
            yield_spec,
            epoch_blocks: epoch,
            price_change: Decimal::new(change, 4),
            exit_from: if others { ExitFrom::Entry } else { ExitFrom::Before },
        };
        if let Err(e) = project(&inputs) {
            prop_assert!(!e.to_string().is_empty());
        }
    }
}
