//! The swap fee: `FeeRate` parts of 65,535 (33 by default, about 0.0504 %) of the input, taken
//! before the swap and paid to the block author (pallets/swap `impls.rs` `calculate_fee_amount`,
//! `swap_step.rs` `recalculate_fee`). The rate is a U64F64 ratio, so the chain's fee is
//! `floor(amount * bits(rate / 65535))`, which is one rao under `amount * rate / 65535` when that
//! is a whole number.

use crate::model::num::fixed::{mul_floor, ratio_bits};
use std::fmt;

/// `FeeRate`'s default: 33 of 65,535.
pub const DEFAULT_FEE_RATE: u16 = 33;
/// The fee rate is a fraction of `u16::MAX`.
pub const FEE_DENOMINATOR: u64 = u16::MAX as u64;
/// The highest rate the chain lets a subnet set (`MaxFeeRate`, 10,000 of 65,535: 15.26 %).
pub const MAX_FEE_RATE: u16 = 10_000;

/// A subnet's swap fee rate, in parts of 65,535.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FeeRate(u16);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeeRateError;

impl fmt::Display for FeeRateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "The fee rate is a whole number of parts of 65,535, from 0 to {MAX_FEE_RATE} (the chain's maximum)."
        )
    }
}

impl FeeRate {
    /// No fee: root and stable subnets, and the fee-free resale of an unstake's alpha fee.
    pub const ZERO: FeeRate = FeeRate(0);

    /// A rate written into the app's data (the bundled snapshot's `static`), checked while
    /// compiling: a rate above the chain's maximum there fails the build. Elsewhere use `new`.
    pub const fn constant(parts: u16) -> Self {
        assert!(parts <= MAX_FEE_RATE, "fee rate above the chain's maximum");
        FeeRate(parts)
    }

    pub fn new(parts: u64) -> Result<Self, FeeRateError> {
        match u16::try_from(parts) {
            Ok(p) if p <= MAX_FEE_RATE => Ok(FeeRate(p)),
            _ => Err(FeeRateError),
        }
    }

    pub fn parts(self) -> u16 {
        self.0
    }

    /// Fee on a requested (gross) amount.
    pub fn on_gross(self, gross: u64) -> u64 {
        mul_floor(gross, ratio_bits(u64::from(self.0), FEE_DENOMINATOR))
    }

    /// Fee when the trade was cut to `net` (a price limit or the curve's end): recomputed as
    /// `net * rate / (65535 - rate)`, so that net + fee is what a gross order of that size pays.
    pub fn on_net(self, net: u64) -> u64 {
        let rate = u64::from(self.0);
        mul_floor(net, ratio_bits(rate, FEE_DENOMINATOR - rate))
    }

    /// What reaches the pool from a gross amount.
    pub fn net_of_gross(self, gross: u64) -> u64 {
        gross - self.on_gross(gross)
    }

    /// The largest gross amount whose net is at most `max_net` (the fill-or-kill boundary).
    pub fn max_gross_for_net(self, max_net: u64) -> u64 {
        let rate = u128::from(self.0);
        let estimate = u128::from(max_net) * u128::from(FEE_DENOMINATOR)
            / (u128::from(FEE_DENOMINATOR) - rate);
        let mut gross = u64::try_from(estimate).unwrap_or(u64::MAX);
        // The estimate is within a rao or two of the boundary; settle it exactly.
        while gross < u64::MAX && self.net_of_gross(gross + 1) <= max_net {
            gross += 1;
        }
        while gross > 0 && self.net_of_gross(gross) > max_net {
            gross -= 1;
        }
        gross
    }

    /// The rate as a percentage, for labels (33 parts: 0.0504 %).
    pub fn percent(self) -> rust_decimal::Decimal {
        rust_decimal::Decimal::from(u64::from(self.0) * 100)
            / rust_decimal::Decimal::from(FEE_DENOMINATOR)
    }
}

impl Default for FeeRate {
    fn default() -> Self {
        FeeRate(DEFAULT_FEE_RATE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fee_matches_chain_examples() {
        let fee = FeeRate::default();
        assert_eq!(fee.on_gross(5_000_000_000), 2_517_738);
        assert_eq!(fee.on_net(124_841_645_635), 62_895_397);
        assert_eq!(fee.on_gross(2_001_007), 1_007);
        // The U64F64 rate sits just below 33/65535: 21,845 rao pays 10, not 11.
        assert_eq!(fee.on_gross(21_845), 10);
        assert_eq!(FeeRate::ZERO.on_gross(u64::MAX), 0);
    }

    #[test]
    fn max_gross_is_the_exact_boundary() {
        for rate in [0u64, 33, 1_000, 10_000] {
            let fee = FeeRate::new(rate).unwrap();
            for max_net in [0u64, 1, 2_000_000, 124_841_645_635, 999_999_999_999] {
                let g = fee.max_gross_for_net(max_net);
                assert!(fee.net_of_gross(g) <= max_net);
                assert!(fee.net_of_gross(g + 1) > max_net);
            }
        }
    }

    #[test]
    fn rates_above_the_chain_maximum_are_refused() {
        assert!(FeeRate::new(10_000).is_ok());
        assert_eq!(FeeRate::new(10_001), Err(FeeRateError));
        assert_eq!(FeeRate::new(70_000), Err(FeeRateError));
    }
}
