//! Slippage against trade size: the curve behind the chart and the largest trade within a
//! given slippage. Splitting a trade against the same pool does not lower its slippage (each
//! piece moves the price for the next); it helps only if the price recovers in between.

use crate::model::num::dec::DecimalOps;
use crate::model::num::wide::pow10;
use crate::model::pool::fill::MAX_INPUT_TO_RESERVE;
use crate::model::pool::quote::figures;
use crate::model::pool::rejection::Rejection;
use crate::model::pool::side::Side;
use crate::model::pool::swap::swap;
use crate::model::pool::Mechanism;
use crate::model::pool::Pool;
use primitive_types::U256;
use rust_decimal::Decimal;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CurvePoint {
    /// Gross trade size, input token, rao.
    pub amount_rao: u64,
    /// Slippage vs spot, fee included, percent.
    pub slippage_pct: Decimal,
}

/// Sizes 1, 1.25, 1.6, 2, 2.5, 3.2, 4, 5, 6.3, 8 times a power of ten (the R10 series): evenly
/// spaced on a log axis and exact in rao.
const R10: [u64; 10] = [100, 125, 160, 200, 250, 320, 400, 500, 630, 800];

/// Smallest size on the curve: 0.001 tokens, or a ten-millionth of the reserve if larger.
const CURVE_MIN_RAO: u64 = 1_000_000;

/// Slippage at every R10 size from the smallest meaningful trade up to ten times the input
/// reserve. Sizes the chain would refuse are left out.
pub fn slippage_curve(pool: &Pool, side: Side) -> Vec<CurvePoint> {
    let reserve = input_reserve(pool, side);
    let low = CURVE_MIN_RAO.max(reserve / 10_000_000);
    let high = reserve.saturating_mul(10);
    let mut points = Vec::new();
    let mut decade: u64 = 1;
    while decade <= high / 100 {
        for step in R10 {
            let Some(size) = decade.checked_mul(step) else {
                return points;
            };
            if size < low || size > high {
                continue;
            }
            if let Some(slippage_pct) = slippage_at(pool, side, size) {
                points.push(CurvePoint {
                    amount_rao: size,
                    slippage_pct,
                });
            }
        }
        let Some(next) = decade.checked_mul(10) else {
            break;
        };
        decade = next;
    }
    points
}

/// The largest gross trade whose slippage (fee included) stays at or below `target_pct`.
/// `Ok(None)` when even the smallest trade exceeds it (the fee alone is about 0.0504 %).
pub fn max_trade_for_slippage(
    pool: &Pool,
    side: Side,
    target_pct: Decimal,
) -> Result<Option<u64>, Rejection> {
    let Some(mut high) = largest_trade(pool, side) else {
        return Ok(None);
    };
    let mut low = CURVE_MIN_RAO.min(high);
    let within = |size: u64| within_slippage(pool, side, size, target_pct);
    if !within(low) {
        return Ok(None);
    }
    if within(high) {
        return Ok(Some(high));
    }
    // Equal Balancer weights have the answer in closed form up to the chain's rounding: start
    // from a narrow bracket around it (about 20 steps instead of 57), if it holds.
    if let Some(guess) = even_weights_guess(pool, side, target_pct) {
        let spread = guess / 1_000_000 + 1_000;
        let (a, b) = (
            guess.saturating_sub(spread).max(low),
            guess.saturating_add(spread).min(high),
        );
        if a < b && within(a) && !within(b) {
            (low, high) = (a, b);
        }
    }
    // Invariant: within(low) and !within(high).
    while high - low > 1 {
        let mid = low + (high - low) / 2;
        if within(mid) {
            low = mid;
        } else {
            high = mid;
        }
    }
    Ok(Some(low))
}

/// For an x y = k pool with fee rate f, slippage t (fee included) is reached at net input
/// `R ((1 - f) / (1 - t) - 1)`, R the input reserve, on either side; the gross is net / (1 - f).
fn even_weights_guess(pool: &Pool, side: Side, target_pct: Decimal) -> Option<u64> {
    use rust_decimal::prelude::ToPrimitive;
    if pool.superellipse().is_some() || !pool.w_tao.is_half() {
        return None;
    }
    let t = target_pct.try_div(Decimal::ONE_HUNDRED)?;
    let kept = Decimal::ONE.try_sub(pool.fee().percent().try_div(Decimal::ONE_HUNDRED)?)?;
    let net = Decimal::from(input_reserve(pool, side)).try_mul(
        kept.try_div(Decimal::ONE.try_sub(t)?)?
            .try_sub(Decimal::ONE)?,
    )?;
    net.try_div(kept)?.to_u64()
}

/// The largest gross trade the pool's swap takes at all (its input may be at most
/// `MAX_INPUT_TO_RESERVE` times the reserve); `None` for a stable pool, which does not swap.
pub fn largest_trade(pool: &Pool, side: Side) -> Option<u64> {
    match pool.mechanism {
        Mechanism::Stable => None,
        Mechanism::Dynamic => Some(
            pool.fee()
                .max_gross_for_net(input_reserve(pool, side).saturating_mul(MAX_INPUT_TO_RESERVE)),
        ),
    }
}

/// Slippage vs spot, fee included, of a plain trade of `size` (None when the pool refuses it,
/// or only partly fills it: past a superellipse pool's end a size is not traded at all).
pub fn slippage_at(pool: &Pool, side: Side, size: u64) -> Option<Decimal> {
    let done = swap(pool, side, size, None)
        .ok()
        .filter(|s| !s.is_partial())?;
    figures(done).ok().map(|q| q.slippage_pct)
}

/// `slippage_at(size) <= target_pct` without the quote's Decimals: the same fractions compared
/// as integers, which makes the search about ten times cheaper (the screener runs it twice for
/// every subnet). Falls back to the quote when the products would not fit 256 bits.
fn within_slippage(pool: &Pool, side: Side, size: u64, target_pct: Decimal) -> bool {
    let Some(done) = swap(pool, side, size, None)
        .ok()
        .filter(|s| !s.is_partial())
    else {
        return false;
    };
    let (taken, out) = (done.taken_rao(), done.out_rao);
    if taken == 0 || out == 0 {
        return false;
    }
    // As in `quote::figures`: ideal = taken * at_spot, received = out * scale.
    let (p_num, p_den) = done.pool_before.price_ratio();
    let (at_spot, scale) = match side {
        Side::Stake => (p_den, p_num),
        Side::Unstake => (p_num, p_den),
    };
    let target = target_pct.normalize();
    let compared = (|| {
        let ideal = U256::from(taken).checked_mul(at_spot)?;
        let received = U256::from(out).checked_mul(scale)?;
        if received >= ideal {
            return Some(!target.is_sign_negative());
        }
        let mantissa = U256::from(u128::try_from(target.mantissa()).ok()?);
        let lost = (ideal - received)
            .checked_mul(U256::from(100u8))?
            .checked_mul(pow10(target.scale()))?;
        Some(lost <= ideal.checked_mul(mantissa)?)
    })();
    compared.unwrap_or_else(|| slippage_at(pool, side, size).is_some_and(|s| s <= target_pct))
}

fn input_reserve(pool: &Pool, side: Side) -> u64 {
    match side {
        Side::Stake => pool.tao_rao,
        Side::Unstake => pool.alpha_rao,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pool::weights::TaoWeight;

    fn pool() -> Pool {
        Pool::dynamic(50_000_000_000_000, 2_500_000_000_000_000, TaoWeight::HALF).unwrap()
    }

    #[test]
    fn curve_rises_with_size() {
        let curve = slippage_curve(&pool(), Side::Stake);
        assert!(curve.len() > 40);
        for pair in curve.windows(2) {
            assert!(pair[0].amount_rao < pair[1].amount_rao);
            assert!(pair[0].slippage_pct <= pair[1].slippage_pct);
        }
    }

    #[test]
    fn a_superellipse_curve_stops_at_the_pool_capacity() {
        use crate::model::pool::ellipse_swap::capacity;
        use crate::model::pool::superellipse::Superellipse;
        use crate::model::pool::Curve;
        let (tao, alpha) = (50_000_000_000_000, 2_500_000_000_000_000);
        let curve = Superellipse::from_weights(alpha, tao, TaoWeight::HALF.tao_parts()).unwrap();
        let ellipse = pool().with_curve(Curve::Superellipse(curve)).unwrap();
        let most = capacity(&ellipse, Side::Stake).unwrap().unwrap();
        let points = slippage_curve(&ellipse, Side::Stake);
        assert!(points.iter().all(|p| p.amount_rao <= most));
        assert!(points.last().unwrap().amount_rao * 2 > most);
        // Small trades price like Balancer's at calibration; large ones slip more.
        let small = slippage_at(&ellipse, Side::Stake, 1_000_000_000).unwrap();
        let balancer = slippage_at(&pool(), Side::Stake, 1_000_000_000).unwrap();
        assert!((small - balancer).abs() < Decimal::new(1, 4));
        let big = 20_000_000_000_000;
        assert!(
            slippage_at(&ellipse, Side::Stake, big).unwrap()
                > slippage_at(&pool(), Side::Stake, big).unwrap()
        );
    }

    #[test]
    fn the_integer_test_agrees_with_the_quote() {
        let weighted = Pool::dynamic(
            50_000_000_000_000,
            2_500_000_000_000_000,
            TaoWeight::from_parts(400_000_000_000_000_000).unwrap(),
        )
        .unwrap();
        for pool in [pool(), weighted] {
            for side in [Side::Stake, Side::Unstake] {
                for size in [1_000_000, 3_000_000_000, 470_000_000_000, 9_000_000_000_000] {
                    let slip = slippage_at(&pool, side, size).unwrap();
                    let near = Decimal::new(1, 20);
                    for target in [slip + near, slip - near, Decimal::ONE, Decimal::ZERO] {
                        assert_eq!(
                            within_slippage(&pool, side, size, target),
                            slip <= target,
                            "{side:?} {size} {target}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn max_for_one_percent_is_the_boundary() {
        let one = Decimal::ONE;
        let max = max_trade_for_slippage(&pool(), Side::Stake, one)
            .unwrap()
            .unwrap();
        assert!(slippage_at(&pool(), Side::Stake, max).unwrap() <= one);
        assert!(slippage_at(&pool(), Side::Stake, max + 1).unwrap() > one);
        // x*y=k: slippage with fee s ~ fee + size / (y + size): about 0.95 % of 50k TAO.
        assert!(max > 470_000_000_000 && max < 480_000_000_000, "{max}");
        // Below the fee, nothing fits.
        let tiny = Decimal::new(1, 2);
        assert_eq!(max_trade_for_slippage(&pool(), Side::Stake, tiny), Ok(None));
    }
}
