//! Price protection ("safe staking": `add_stake_limit` / `remove_stake_limit`).
//! A stake needs spot < limit and an unstake spot > limit (otherwise `PriceLimitExceeded`);
//! the largest input that keeps the post-trade price within the limit follows
//! balancer.rs `calculate_quote_delta_in` / `calculate_base_delta_in`.

use crate::model::num::dec::DecimalOps;
use crate::model::num::precise::{expm1, ln1p};
use crate::model::num::units::RAO_PER_TAO;
use crate::model::num::wide::{decimal_from_ratio, mul_decimal_floor, pow10};
use crate::model::pool::rejection::Rejection;
use crate::model::pool::side::Side;
use crate::model::pool::{Mechanism, Pool};
use primitive_types::U256;
use rust_decimal::Decimal;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToleranceError {
    Negative,
    UnstakeAtHundred,
    TooPrecise,
    OutOfRange,
}

impl fmt::Display for ToleranceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ToleranceError::Negative => write!(f, "The tolerance cannot be negative."),
            ToleranceError::UnstakeAtHundred => write!(
                f,
                "To unstake, the tolerance must be below 100 % (a limit price of zero or less means no limit)."
            ),
            ToleranceError::TooPrecise => write!(f, "Use at most 9 decimal places."),
            ToleranceError::OutOfRange => write!(f, "The tolerance gives a limit price beyond what the chain can hold."),
        }
    }
}

/// The limit price a wallet derives from a tolerance, in rao per alpha, rounded down to whole
/// rao as wallets do: `spot * (1 + tol)` to stake, `spot * (1 - tol)` to unstake (SPEC §1).
pub fn limit_from_tolerance(
    pool: &Pool,
    side: Side,
    tolerance_pct: Decimal,
) -> Result<u64, ToleranceError> {
    if tolerance_pct.is_sign_negative() && !tolerance_pct.is_zero() {
        return Err(ToleranceError::Negative);
    }
    let tol = tolerance_pct.normalize();
    if tol.scale() > 9 {
        return Err(ToleranceError::TooPrecise);
    }
    let tol_mantissa =
        U256::from(u128::try_from(tol.mantissa()).map_err(|_| ToleranceError::OutOfRange)?);
    let hundred = U256::from(100u8) * pow10(tol.scale());
    let factor = match side {
        Side::Stake => hundred + tol_mantissa,
        Side::Unstake => {
            if tol_mantissa >= hundred {
                return Err(ToleranceError::UnstakeAtHundred);
            }
            hundred - tol_mantissa
        }
    };
    let (num, den) = pool.price_ratio();
    let limit = num
        .checked_mul(U256::from(RAO_PER_TAO))
        .and_then(|n| n.checked_mul(factor))
        .ok_or(ToleranceError::OutOfRange)?
        / (den * hundred);
    u64::try_from(limit).map_err(|_| ToleranceError::OutOfRange)
}

/// Whether the chain accepts the limit at all: stake needs spot < limit, unstake spot > limit.
pub fn price_within_limit(pool: &Pool, side: Side, limit_price_rao: u64) -> bool {
    if let Some(curve) = pool.superellipse() {
        // The chain compares its U64F64 price with the limit's U64F64 bits.
        let spot = curve.price_bits(pool.alpha_rao, pool.tao_rao).unwrap_or(0);
        let limit = crate::model::num::fixed::price_bits_from_rao(limit_price_rao);
        return match side {
            Side::Stake => spot < limit,
            Side::Unstake => spot > limit,
        };
    }
    let (num, den) = pool.price_ratio();
    // spot * 1e9 compared with the limit in rao, exactly.
    let spot = num * U256::from(RAO_PER_TAO);
    let limit = U256::from(limit_price_rao) * den;
    match side {
        Side::Stake => spot < limit,
        Side::Unstake => spot > limit,
    }
}

/// The largest net input (after the fee) that keeps the price within the limit:
/// stake `dy = y * ((limit / p)^w_alpha - 1)`, unstake `dx = x * ((p / limit)^w_tao - 1)`.
/// `None` means the limit does not bind (a stable pool, or a bound beyond any real amount).
pub fn max_net_within_limit(
    pool: &Pool,
    side: Side,
    limit_price_rao: u64,
) -> Result<Option<u64>, Rejection> {
    if !price_within_limit(pool, side, limit_price_rao) {
        return Err(Rejection::PriceLimitExceeded {
            side,
            spot_price: pool.spot_price(),
            limit_price_rao,
        });
    }
    if pool.mechanism == Mechanism::Stable {
        return Ok(None);
    }
    if let Some(curve) = pool.superellipse() {
        let gross = crate::model::pool::ellipse_swap::max_gross_within_limit(
            pool,
            &curve,
            side,
            limit_price_rao,
        )?;
        return Ok(Some(pool.fee().net_of_gross(gross)));
    }
    let wt = U256::from(pool.w_tao.tao_parts());
    let wa = U256::from(pool.w_tao.alpha_parts());
    let x = U256::from(pool.alpha_rao);
    let y = U256::from(pool.tao_rao);
    let l = U256::from(limit_price_rao);
    let rao = U256::from(RAO_PER_TAO);
    // limit / p = l * wt * x / (1e9 * wa * y); v is that ratio (or its inverse) minus one, exact.
    let at_limit = l * wt * x;
    let at_spot = rao * wa * y;
    let (v_num, v_den, exponent, reserve) = match side {
        Side::Stake => (
            at_limit - at_spot,
            at_spot,
            pool.w_tao.alpha(),
            pool.tao_rao,
        ),
        Side::Unstake => (
            at_spot - at_limit,
            at_limit,
            pool.w_tao.tao(),
            pool.alpha_rao,
        ),
    };
    let Some(v) = decimal_from_ratio(v_num, v_den) else {
        // A zero limit when unstaking, or a ratio beyond 10^28: no bound within reach.
        return Ok(None);
    };
    let growth = ln1p(v)?.try_mul(exponent).ok_or(Rejection::OutOfRange)?;
    match expm1(growth) {
        Ok(f) => Ok(mul_decimal_floor(reserve, f)),
        Err(_) => Ok(None),
    }
}

/// The largest gross amount (fee included) a fill-or-kill order may ask for within the limit;
/// `None` when the limit does not bind.
pub fn max_gross_within_limit(
    pool: &Pool,
    side: Side,
    limit_price_rao: u64,
) -> Result<Option<u64>, Rejection> {
    if let Some(curve) = pool.superellipse() {
        if !price_within_limit(pool, side, limit_price_rao) {
            return Err(Rejection::PriceLimitExceeded {
                side,
                spot_price: pool.spot_price(),
                limit_price_rao,
            });
        }
        return crate::model::pool::ellipse_swap::max_gross_within_limit(
            pool,
            &curve,
            side,
            limit_price_rao,
        )
        .map(Some);
    }
    Ok(max_net_within_limit(pool, side, limit_price_rao)?.map(|net| gross_for_max_net(pool, net)))
}

/// The gross amount whose net is the largest at or below `max_net` (no fee on a stable pool).
pub fn gross_for_max_net(pool: &Pool, max_net: u64) -> u64 {
    pool.fee().max_gross_for_net(max_net)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pool::weights::TaoWeight;
    use std::str::FromStr;

    fn pool() -> Pool {
        Pool::dynamic(50_000_000_000_000, 2_500_000_000_000_000, TaoWeight::HALF).unwrap()
    }

    #[test]
    fn tolerance_gives_wallet_limits() {
        let half = Decimal::from_str("0.5").unwrap();
        assert_eq!(
            limit_from_tolerance(&pool(), Side::Stake, half),
            Ok(20_100_000)
        );
        assert_eq!(
            limit_from_tolerance(&pool(), Side::Unstake, half),
            Ok(19_900_000)
        );
        assert_eq!(
            limit_from_tolerance(&pool(), Side::Unstake, Decimal::ONE_HUNDRED),
            Err(ToleranceError::UnstakeAtHundred)
        );
        assert_eq!(
            limit_from_tolerance(&pool(), Side::Stake, Decimal::NEGATIVE_ONE),
            Err(ToleranceError::Negative)
        );
    }

    #[test]
    fn zero_tolerance_is_refused_by_the_chain() {
        let limit = limit_from_tolerance(&pool(), Side::Stake, Decimal::ZERO).unwrap();
        assert!(matches!(
            max_net_within_limit(&pool(), Side::Stake, limit),
            Err(Rejection::PriceLimitExceeded { .. })
        ));
    }

    #[test]
    fn stable_pool_has_no_bound() {
        let root = Pool::new(1, 1, TaoWeight::HALF, Mechanism::Stable).unwrap();
        assert_eq!(
            max_net_within_limit(&root, Side::Stake, 2_000_000_000),
            Ok(None)
        );
    }
}
