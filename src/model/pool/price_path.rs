//! A pool moved along its own curve to a new price, as others' trades would move it: how the
//! returns calculator prices an exit under the user's price scenario. Balancer keeps
//! `x^w_alpha y^w_tao` (balancer.rs); a superellipse is moved by the very trade that gets there
//! (superellipse.rs `quote_delta_to_price` / `base_delta_to_price`), its stored integers unchanged.

use crate::model::num::precise::{pow, OutOfRange};
use crate::model::num::wide::{isqrt, mul_decimal_floor, pow10};
use crate::model::pool::superellipse::Superellipse;
use crate::model::pool::{Mechanism, Pool};
use primitive_types::U256;
use rust_decimal::Decimal;

impl Pool {
    /// This pool moved along its invariant `x^w_alpha * y^w_tao` to `ratio` times its price, as
    /// trades by others would move it: `y' = y ratio^w_alpha`, `x' = x ratio^(-w_tao)`.
    /// Equal weights take exact integer square roots. A stable pool does not move.
    pub fn at_price_ratio(&self, ratio: Decimal) -> Result<Pool, OutOfRange> {
        if ratio <= Decimal::ZERO {
            return Err(OutOfRange);
        }
        if self.mechanism == Mechanism::Stable || ratio == Decimal::ONE {
            return Ok(*self);
        }
        if let Some(c) = self.superellipse() {
            return self.ellipse_at_price_ratio(&c, ratio);
        }
        let (tao, alpha) = if self.w_tao.is_half() {
            let r = ratio.normalize();
            let m = U256::from(u128::try_from(r.mantissa()).map_err(|_| OutOfRange)?);
            let scale = pow10(r.scale());
            let y = U256::from(self.tao_rao);
            let x = U256::from(self.alpha_rao);
            let tao = isqrt(y * y * m / scale);
            let alpha = isqrt(x * x * scale / m);
            (
                u64::try_from(tao).map_err(|_| OutOfRange)?,
                u64::try_from(alpha).map_err(|_| OutOfRange)?,
            )
        } else {
            let up = pow(ratio, self.w_tao.alpha())?;
            let down = pow(ratio, -self.w_tao.tao())?;
            (
                mul_decimal_floor(self.tao_rao, up).ok_or(OutOfRange)?,
                mul_decimal_floor(self.alpha_rao, down).ok_or(OutOfRange)?,
            )
        };
        if tao == 0 || alpha == 0 {
            return Err(OutOfRange);
        }
        Ok(Pool {
            tao_rao: tao,
            alpha_rao: alpha,
            ..*self
        })
    }
}

impl Pool {
    /// A superellipse pool moved along its curve to `ratio` times its price, by the trade that
    /// gets there (`quote_delta_to_price` / `base_delta_to_price`), as others' trades would.
    fn ellipse_at_price_ratio(&self, c: &Superellipse, ratio: Decimal) -> Result<Pool, OutOfRange> {
        let (alpha, tao) = (self.alpha_rao, self.tao_rao);
        let now = c.price_bits(alpha, tao).map_err(|_| OutOfRange)?;
        let r = ratio.normalize();
        let mantissa = U256::from(u128::try_from(r.mantissa()).map_err(|_| OutOfRange)?);
        let target = U256::from(now) * mantissa / pow10(r.scale());
        let target = u128::try_from(target).map_err(|_| OutOfRange)?;
        let moved = if ratio > Decimal::ONE {
            let input = c.buy_to_price(alpha, tao, target).map_err(|_| OutOfRange)?;
            let out = c.buy_output(alpha, tao, input).map_err(|_| OutOfRange)?;
            (alpha - out, tao + input)
        } else {
            let input = c
                .sell_to_price(alpha, tao, target)
                .map_err(|_| OutOfRange)?;
            let out = c.sell_output(alpha, tao, input).map_err(|_| OutOfRange)?;
            (alpha + input, tao - out)
        };
        if moved.0 == 0 || moved.1 == 0 {
            return Err(OutOfRange);
        }
        Ok(Pool {
            alpha_rao: moved.0,
            tao_rao: moved.1,
            ..*self
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pool::weights::TaoWeight;
    use crate::model::pool::Curve;

    #[test]
    fn moving_along_the_invariant_keeps_it() {
        use std::str::FromStr;
        let pool =
            Pool::dynamic(50_000_000_000_000, 2_500_000_000_000_000, TaoWeight::HALF).unwrap();
        let up = pool
            .at_price_ratio(Decimal::from_str("1.21").unwrap())
            .unwrap();
        // 1.1 x the TAO, 1/1.1 x the alpha: price x 1.21, x*y unchanged.
        assert_eq!(up.tao_rao, 55_000_000_000_000);
        assert_eq!(up.alpha_rao, 2_272_727_272_727_272);
        let w = TaoWeight::from_decimal(Decimal::from_str("0.4").unwrap()).unwrap();
        let weighted = Pool::dynamic(1_000_000_000_000, 10_000_000_000_000, w).unwrap();
        let moved = weighted
            .at_price_ratio(Decimal::from_str("0.5").unwrap())
            .unwrap();
        let ratio = moved.spot_price() / weighted.spot_price();
        assert!(
            (ratio - Decimal::from_str("0.5").unwrap()).abs()
                < Decimal::from_str("0.000000001").unwrap()
        );
        assert!(pool.at_price_ratio(Decimal::ZERO).is_err());
    }

    #[test]
    fn a_superellipse_pool_moves_along_its_own_curve() {
        use std::str::FromStr;
        let (tao, alpha) = (50_000_000_000_000, 2_500_000_000_000_000);
        let curve = Superellipse::from_weights(alpha, tao, TaoWeight::HALF.tao_parts()).unwrap();
        let pool = Pool::dynamic(tao, alpha, TaoWeight::HALF)
            .unwrap()
            .with_curve(Curve::Superellipse(curve))
            .unwrap();
        for r in ["1.21", "0.5", "3"] {
            let ratio = Decimal::from_str(r).unwrap();
            let moved = pool.at_price_ratio(ratio).unwrap();
            let got = moved.spot_price() / pool.spot_price();
            assert!((got - ratio).abs() < Decimal::new(1, 9), "{r}: {got}");
            // The moved reserves stay on the same curve: its stored integers do not change.
            assert_eq!(moved.superellipse(), pool.superellipse());
        }
        // Not Balancer's path: the same price ratio needs other reserves.
        let balancer = Pool::dynamic(tao, alpha, TaoWeight::HALF).unwrap();
        let up = Decimal::from_str("1.21").unwrap();
        assert_ne!(
            pool.at_price_ratio(up).unwrap().tao_rao,
            balancer.at_price_ratio(up).unwrap().tao_rao
        );
    }
}
