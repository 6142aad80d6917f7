//! Properties of the pool model over random pools and trades: it never panics, never pays more
//! than the spot price would, pays more for more, never gains on a round trip, and never lets
//! x*y fall when the weights are equal.

use dtao_calc::model::pool::fill::PriceProtection;
use dtao_calc::model::pool::quote::figures;
use dtao_calc::model::pool::round_trip::round_trip;
use dtao_calc::model::pool::side::Side;
use dtao_calc::model::pool::swap::swap;
use dtao_calc::model::pool::weights::{TaoWeight, MIN_WEIGHT, WEIGHT_ONE};
use dtao_calc::model::pool::Pool;
use primitive_types::U256;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Reserves from a dust pool to beyond any real one (10^3 .. 10^19 rao).
fn reserve() -> impl Strategy<Value = u64> {
    (3u32..19, 1u64..10)
        .prop_map(|(exp, m)| m.saturating_mul(10u64.pow(exp)))
        .prop_flat_map(|r| (r / 2)..=r)
}

fn weight() -> impl Strategy<Value = TaoWeight> {
    prop_oneof![
        Just(TaoWeight::HALF),
        (MIN_WEIGHT..=WEIGHT_ONE - MIN_WEIGHT).prop_map(|p| TaoWeight::from_parts(p).unwrap()),
    ]
}

fn side() -> impl Strategy<Value = Side> {
    prop_oneof![Just(Side::Stake), Just(Side::Unstake)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn never_panics(
        y in any::<u64>(), x in any::<u64>(), w in weight(), side in side(),
        amount in any::<u64>(), limit in proptest::option::of(any::<u64>()), partial in any::<bool>(),
    ) {
        if let Ok(pool) = Pool::dynamic(y, x, w) {
            let protection = limit.map(|l| PriceProtection { limit_price_rao: l, allow_partial: partial });
            if let Ok(done) = swap(&pool, side, amount, protection) {
                let _ = figures(done);
            } else if let Err(rejection) = swap(&pool, side, amount, protection) {
                prop_assert!(!rejection.to_string().is_empty());
            }
            let _ = round_trip(&pool, side, amount);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn received_never_above_ideal(y in reserve(), x in reserve(), w in weight(), side in side(), amount in 1u64..u64::MAX / 2) {
        let pool = Pool::dynamic(y, x, w).unwrap();
        if let Ok(done) = swap(&pool, side, amount, None) {
            if let Ok(q) = figures(done) {
                prop_assert!(q.received <= q.ideal, "received {} > ideal {}", q.received, q.ideal);
                prop_assert!(q.slippage_pct >= Decimal::ZERO);
                prop_assert!(q.slippage_ex_fee_pct <= q.slippage_pct);
            }
        }
    }

    #[test]
    fn received_grows_with_amount(y in reserve(), x in reserve(), w in weight(), side in side(), a in 1u64..(1u64 << 60), extra in 1u64..(1u64 << 40)) {
        let pool = Pool::dynamic(y, x, w).unwrap();
        let small = swap(&pool, side, a, None);
        let large = swap(&pool, side, a + extra, None);
        if let (Ok(small), Ok(large)) = (small, large) {
            prop_assert!(small.out_rao <= large.out_rao, "{} > {}", small.out_rao, large.out_rao);
        }
    }

    #[test]
    fn round_trip_never_gains(y in reserve(), x in reserve(), w in weight(), side in side(), amount in 1u64..(1u64 << 60)) {
        let pool = Pool::dynamic(y, x, w).unwrap();
        if let Ok(trip) = round_trip(&pool, side, amount) {
            prop_assert!(trip.back_rao <= amount, "gained: {} > {}", trip.back_rao, amount);
        }
    }

    #[test]
    fn product_never_falls_with_equal_weights(y in reserve(), x in reserve(), side in side(), amount in 1u64..(1u64 << 60)) {
        let pool = Pool::dynamic(y, x, TaoWeight::HALF).unwrap();
        if let Ok(done) = swap(&pool, side, amount, None) {
            let before = U256::from(y) * U256::from(x);
            let after = U256::from(done.pool_after.tao_rao) * U256::from(done.pool_after.alpha_rao);
            prop_assert!(after >= before);
        }
    }

    #[test]
    fn partial_fill_stays_within_the_limit(y in reserve(), x in reserve(), w in weight(), side in side(), amount in 1u64..(1u64 << 60), tol_bp in 1u64..5000) {
        let pool = Pool::dynamic(y, x, w).unwrap();
        let tol = Decimal::new(tol_bp as i64, 2);
        let limit = dtao_calc::model::pool::limit::limit_from_tolerance(&pool, side, tol);
        if let Ok(limit) = limit {
            let protection = PriceProtection { limit_price_rao: limit, allow_partial: true };
            if let Ok(done) = swap(&pool, side, amount, Some(protection)) {
                // The price after the limited swap has not passed the limit (rao per alpha,
                // exactly). An unstake's fee alpha is sold afterwards and may move it further.
                let mut limited = done.pool_before;
                match side {
                    Side::Stake => {
                        limited.tao_rao += done.amount_in_rao;
                        limited.alpha_rao -= done.out_rao;
                    }
                    Side::Unstake => {
                        limited.tao_rao -= done.out_rao;
                        limited.alpha_rao += done.amount_in_rao;
                    }
                }
                let (num, den) = limited.price_ratio();
                let after = num * U256::from(1_000_000_000u64);
                let lim = U256::from(limit) * den;
                match side {
                    Side::Stake => prop_assert!(after <= lim + den),
                    Side::Unstake => prop_assert!(after + den >= lim),
                }
            }
        }
    }
}
