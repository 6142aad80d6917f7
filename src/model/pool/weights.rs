//! The pool's TAO weight. The chain stores it as a `Perquintill` (parts per 10^18) and keeps
//! both weights at or above 0.01 (pallets/swap/src/pallet/balancer.rs, `check_constraints`).

use crate::model::num::dec::DecimalOps;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::fmt;

/// 1.0 as Perquintill parts (`balancer::ACCURACY`).
pub const WEIGHT_ONE: u64 = 1_000_000_000_000_000_000;
/// The smallest weight either side may have (`balancer::MIN_WEIGHT`).
pub const MIN_WEIGHT: u64 = WEIGHT_ONE / 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaoWeight(u64);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeightError {
    OutOfRange,
    TooPrecise,
}

impl fmt::Display for WeightError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WeightError::OutOfRange => {
                write!(f, "The TAO weight must be between 0.01 and 0.99 (the chain keeps both weights at 0.01 or more).")
            }
            WeightError::TooPrecise => {
                write!(f, "The TAO weight has at most 18 decimal places on chain.")
            }
        }
    }
}

impl TaoWeight {
    /// Equal weights, the default for every pool and the old x*y=k behaviour.
    pub const HALF: TaoWeight = TaoWeight(WEIGHT_ONE / 2);

    /// A weight written into the app's data (the bundled snapshot's `static`), checked while
    /// compiling: a weight out of range there fails the build. Elsewhere use `from_parts`.
    pub const fn constant(parts: u64) -> Self {
        assert!(
            parts >= MIN_WEIGHT && parts <= WEIGHT_ONE - MIN_WEIGHT,
            "TAO weight out of range"
        );
        TaoWeight(parts)
    }

    pub fn from_parts(parts: u64) -> Result<Self, WeightError> {
        if !(MIN_WEIGHT..=WEIGHT_ONE - MIN_WEIGHT).contains(&parts) {
            return Err(WeightError::OutOfRange);
        }
        Ok(TaoWeight(parts))
    }

    pub fn from_decimal(w: Decimal) -> Result<Self, WeightError> {
        if w < Decimal::new(1, 2) || w > Decimal::new(99, 2) {
            return Err(WeightError::OutOfRange);
        }
        let parts = w
            .try_mul(Decimal::from(WEIGHT_ONE))
            .ok_or(WeightError::OutOfRange)?;
        if parts.fract() != Decimal::ZERO {
            return Err(WeightError::TooPrecise);
        }
        let parts = parts.to_u64().ok_or(WeightError::OutOfRange)?;
        Self::from_parts(parts)
    }

    /// TAO (quote) weight in parts per 10^18.
    pub fn tao_parts(self) -> u64 {
        self.0
    }

    /// Alpha (base) weight in parts per 10^18: `1 - w_tao`.
    pub fn alpha_parts(self) -> u64 {
        WEIGHT_ONE - self.0
    }

    pub fn is_half(self) -> bool {
        self == Self::HALF
    }

    pub fn tao(self) -> Decimal {
        Decimal::from_i128_with_scale(i128::from(self.0), 18).normalize()
    }

    pub fn alpha(self) -> Decimal {
        Decimal::from_i128_with_scale(i128::from(self.alpha_parts()), 18).normalize()
    }
}

impl Default for TaoWeight {
    fn default() -> Self {
        Self::HALF
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn parses_and_limits() {
        let w = TaoWeight::from_decimal(Decimal::from_str("0.4").unwrap()).unwrap();
        assert_eq!(w.tao_parts(), 400_000_000_000_000_000);
        assert_eq!(w.alpha_parts(), 600_000_000_000_000_000);
        assert_eq!(w.alpha().to_string(), "0.6");
        assert!(TaoWeight::from_decimal(Decimal::from_str("0.5").unwrap())
            .unwrap()
            .is_half());
        assert_eq!(
            TaoWeight::from_decimal(Decimal::from_str("0.995").unwrap()),
            Err(WeightError::OutOfRange)
        );
        assert_eq!(
            TaoWeight::from_decimal(Decimal::from_str("0.0099").unwrap()),
            Err(WeightError::OutOfRange)
        );
        assert_eq!(
            TaoWeight::from_decimal(Decimal::from_str("0.1234567890123456789").unwrap()),
            Err(WeightError::TooPrecise)
        );
        assert!(TaoWeight::from_decimal(Decimal::from_str("0.01").unwrap()).is_ok());
        assert!(TaoWeight::from_decimal(Decimal::from_str("0.99").unwrap()).is_ok());
    }
}
