//! A subnet's pool: reserves, curve, fee rate and spot price, as the chain keeps them.
//! The curve is the one the chain stores for the pool (pallets/swap `current_price`):
//! a superellipse where `SwapSuperellipse` holds one (superellipse.rs, SPEC §1b), else the
//! Balancer weighted pool of balancer.rs (since June 2026).

pub mod curve;
pub mod ellipse_swap;
pub mod fee;
pub mod fill;
pub mod limit;
pub mod min_received;
pub mod move_stake;
pub mod price_path;
pub mod quote;
pub mod rejection;
pub mod round_trip;
pub mod side;
pub mod superellipse;
pub mod swap;
pub mod trade;
pub mod weights;

use crate::model::num::dec::DecimalOps;
use crate::model::num::fixed::{rao_from_price_bits, ONE_BITS};
use crate::model::num::precise::{expm1, ln1p, OutOfRange};
use crate::model::num::units::{rao_to_decimal, RAO_PER_TAO};
use crate::model::num::wide::{decimal_from_ratio, mul_decimal_floor, mul_div_floor};
use crate::model::pool::fee::FeeRate;
use crate::model::pool::superellipse::{CurveError, Superellipse};
use crate::model::pool::weights::TaoWeight;
use primitive_types::U256;
use rust_decimal::Decimal;
use std::fmt;

/// How a subnet prices its alpha.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mechanism {
    /// Balancer pool with fee (every subnet but root).
    Dynamic,
    /// Root (subnet 0): 1 alpha = 1 TAO, no fee, no slippage.
    Stable,
}

/// Which curve prices a dynamic pool's trades.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Curve {
    /// Balancer weighted pool with the pool's `w_tao` (`SwapBalancer`).
    Balancer,
    /// The four stored integers of `SwapSuperellipse`.
    Superellipse(Superellipse),
}

impl Curve {
    pub fn name(&self) -> &'static str {
        match self {
            Curve::Balancer => "balancer",
            Curve::Superellipse(_) => "superellipse",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pool {
    /// TAO in pool (`SubnetTAO`), rao.
    pub tao_rao: u64,
    /// Alpha in pool (`SubnetAlphaIn`), rao.
    pub alpha_rao: u64,
    /// The Balancer TAO weight (for a superellipse pool, the weight it was calibrated from).
    pub w_tao: TaoWeight,
    pub mechanism: Mechanism,
    pub curve: Curve,
    /// `FeeRate` of the subnet (a stable pool charges none whatever it says).
    pub fee_rate: FeeRate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PoolError {
    NoTao,
    NoAlpha,
    /// The superellipse does not fit the reserves.
    Curve(CurveError),
}

impl fmt::Display for PoolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PoolError::NoTao => write!(
                f,
                "The pool needs some TAO: a pool with zero TAO has no price."
            ),
            PoolError::NoAlpha => write!(
                f,
                "The pool needs some alpha: a pool with zero alpha has no price."
            ),
            PoolError::Curve(e) => write!(f, "This superellipse does not fit the reserves. {e}"),
        }
    }
}

impl Pool {
    pub fn dynamic(tao_rao: u64, alpha_rao: u64, w_tao: TaoWeight) -> Result<Self, PoolError> {
        Self::new(tao_rao, alpha_rao, w_tao, Mechanism::Dynamic)
    }

    pub fn new(
        tao_rao: u64,
        alpha_rao: u64,
        w_tao: TaoWeight,
        mechanism: Mechanism,
    ) -> Result<Self, PoolError> {
        if mechanism == Mechanism::Dynamic {
            if tao_rao == 0 {
                return Err(PoolError::NoTao);
            }
            if alpha_rao == 0 {
                return Err(PoolError::NoAlpha);
            }
        }
        Ok(Pool {
            tao_rao,
            alpha_rao,
            w_tao,
            mechanism,
            curve: Curve::Balancer,
            fee_rate: FeeRate::default(),
        })
    }

    /// The same pool priced by `curve`; a superellipse must hold these reserves inside its domain.
    pub fn with_curve(self, curve: Curve) -> Result<Self, PoolError> {
        if let Curve::Superellipse(c) = curve {
            c.price_bits(self.alpha_rao, self.tao_rao)
                .map_err(PoolError::Curve)?;
        }
        Ok(Pool { curve, ..self })
    }

    pub fn with_fee_rate(self, fee_rate: FeeRate) -> Self {
        Pool { fee_rate, ..self }
    }

    /// The fee this pool charges: none on a stable pool.
    pub fn fee(&self) -> FeeRate {
        match self.mechanism {
            Mechanism::Stable => FeeRate::ZERO,
            Mechanism::Dynamic => self.fee_rate,
        }
    }

    /// The superellipse pricing this pool, if it is a dynamic pool with one.
    pub fn superellipse(&self) -> Option<Superellipse> {
        match (self.mechanism, self.curve) {
            (Mechanism::Dynamic, Curve::Superellipse(c)) => Some(c),
            _ => None,
        }
    }

    /// A superellipse pool's price as the chain holds it (U64F64 bits); 0 off the curve,
    /// as `current_price` reads it.
    fn ellipse_price_bits(&self, c: &Superellipse) -> u128 {
        c.price_bits(self.alpha_rao, self.tao_rao).unwrap_or(0)
    }

    /// Spot price in TAO per alpha as an exact fraction: `p = (w_alpha * y) / (w_tao * x)`
    /// (`Balancer::calculate_price`). Stable pools are 1:1.
    /// A superellipse pool's price is the chain's own U64F64 figure, `bits / 2^64`.
    pub fn price_ratio(&self) -> (U256, U256) {
        if let Some(c) = self.superellipse() {
            return (
                U256::from(self.ellipse_price_bits(&c)),
                U256::from(ONE_BITS),
            );
        }
        match self.mechanism {
            Mechanism::Stable => (U256::one(), U256::one()),
            Mechanism::Dynamic => (
                U256::from(self.w_tao.alpha_parts()) * U256::from(self.tao_rao),
                U256::from(self.w_tao.tao_parts()) * U256::from(self.alpha_rao),
            ),
        }
    }

    /// Spot price in TAO per alpha, to 28 significant digits (truncated).
    pub fn spot_price(&self) -> Decimal {
        let (num, den) = self.price_ratio();
        // Reserves are non-zero u64 and weights at least 0.01, so the ratio stays below 10^23.
        decimal_from_ratio(num, den).unwrap_or(Decimal::MAX)
    }

    /// What `tao_rao` is worth in alpha at the spot price, with no swap: how the delegation
    /// calculator sizes a stake it compares across validators.
    pub fn alpha_at_spot(&self, tao_rao: u64) -> Result<Decimal, OutOfRange> {
        rao_to_decimal(tao_rao)
            .try_div(self.spot_price())
            .ok_or(OutOfRange)
    }

    /// The price as the chain reports it, in rao per alpha: `Balancer::calculate_price` works in
    /// U64F64 fixed point (64 fractional bits, each step truncating) and callers floor it to rao.
    /// That is why a 10 TAO / 100 alpha pool reports 99,999,999 rao, not 100,000,000.
    pub fn chain_spot_price_rao(&self) -> u64 {
        if self.mechanism == Mechanism::Stable {
            return RAO_PER_TAO;
        }
        if self.alpha_rao == 0 || self.tao_rao == 0 {
            return 0;
        }
        if let Some(c) = self.superellipse() {
            return rao_from_price_bits(self.ellipse_price_bits(&c));
        }
        let w_ratio =
            (u128::from(self.w_tao.alpha_parts()) << 64) / u128::from(self.w_tao.tao_parts());
        let y_over_x = (u128::from(self.tao_rao) << 64) / u128::from(self.alpha_rao);
        let price_bits = (U256::from(w_ratio) * U256::from(y_over_x)) >> 64;
        let price_bits = price_bits.min(U256::from(u128::MAX));
        let rao = (price_bits * U256::from(RAO_PER_TAO)) >> 64;
        u64::try_from(rao).unwrap_or(u64::MAX)
    }
}

/// Balancer's out-given-in with the fee already taken:
/// `out = floor(r_out * (1 - (r_in / (r_in + net))^(w_in / w_out)))`
/// (balancer.rs `exp_quote_base` for a stake, `exp_base_quote` for an unstake).
/// Equal weights reduce it to `floor(r_out * net / (r_in + net))`, computed exactly.
pub(crate) fn balancer_out(
    r_in: u64,
    r_out: u64,
    net: u64,
    w_in: u64,
    w_out: u64,
) -> Result<u64, OutOfRange> {
    if net == 0 || r_in == 0 {
        return Ok(0);
    }
    if w_in == w_out {
        let denominator = u128::from(r_in) + u128::from(net);
        return mul_div_floor(u128::from(r_out), u128::from(net), denominator).ok_or(OutOfRange);
    }
    let u = decimal_from_ratio(U256::from(net), U256::from(r_in)).ok_or(OutOfRange)?;
    let k = decimal_from_ratio(U256::from(w_in), U256::from(w_out)).ok_or(OutOfRange)?;
    let t = k.try_mul(ln1p(u)?).ok_or(OutOfRange)?;
    let kept = expm1(-t)?; // (r_in / (r_in + net))^k - 1, in (-1, 0]
    mul_decimal_floor(r_out, -kept).ok_or(OutOfRange)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_price_is_truncated_fixed_point() {
        let pool = Pool::dynamic(10_000_000_000, 100_000_000_000, TaoWeight::HALF).unwrap();
        assert_eq!(pool.chain_spot_price_rao(), 99_999_999);
        assert_eq!(pool.spot_price().normalize().to_string(), "0.1");
    }

    #[test]
    fn zero_reserves_are_refused() {
        assert_eq!(Pool::dynamic(0, 1, TaoWeight::HALF), Err(PoolError::NoTao));
        assert_eq!(
            Pool::dynamic(1, 0, TaoWeight::HALF),
            Err(PoolError::NoAlpha)
        );
    }

    #[test]
    fn equal_weights_are_exact() {
        // 10 TAO / 100 alpha, 4.997482262 TAO in: 100 * 4.997482262 / 14.997482262 alpha.
        let out = balancer_out(10_000_000_000, 100_000_000_000, 4_997_482_262, 1, 1).unwrap();
        assert_eq!(out, 33_322_141_508);
    }
}
