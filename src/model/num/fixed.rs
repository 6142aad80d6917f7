//! The chain's U64F64 fixed point (`substrate_fixed::types::U64F64`: 64 integer and 64
//! fractional bits, every step truncating), where the swap pallet uses it: fee rates, limit
//! prices and spot prices. Values are carried as their raw bits in a `u128`.

use crate::model::num::units::RAO_PER_TAO;
use primitive_types::U256;

/// One in U64F64 bits.
pub const ONE_BITS: u128 = 1 << 64;

/// `a / b` in U64F64 for whole numbers: `floor(a 2^64 / b)` (fixed-point division truncates);
/// `safe_div` gives 0 for a zero divisor.
pub fn ratio_bits(a: u64, b: u64) -> u128 {
    if b == 0 {
        return 0;
    }
    (u128::from(a) << 64) / u128::from(b)
}

/// `amount * rate` truncated to a whole number, as `U64F64::from_num(amount)
/// .saturating_mul(rate).saturating_to_num::<u64>()`.
pub fn mul_floor(amount: u64, rate_bits: u128) -> u64 {
    let product = (U256::from(amount) * U256::from(rate_bits)) >> 64;
    u64::try_from(product).unwrap_or(u64::MAX)
}

/// A limit price in rao per alpha as the pallet reads it: `U64F64::from_num(limit) / 1e9`.
pub fn price_bits_from_rao(limit_rao: u64) -> u128 {
    ratio_bits(limit_rao, RAO_PER_TAO)
}

/// A U64F64 price floored to rao per alpha, as the chain reports it.
pub fn rao_from_price_bits(bits: u128) -> u64 {
    let rao = (U256::from(bits) * U256::from(RAO_PER_TAO)) >> 64;
    u64::try_from(rao).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_prices_round_trip_through_bits() {
        assert_eq!(price_bits_from_rao(1_000_000_000), ONE_BITS);
        assert_eq!(rao_from_price_bits(ONE_BITS), RAO_PER_TAO);
        // 1,000 rao (the default unstake limit) is 1e-6 TAO: floor(1000 2^64 / 1e9).
        assert_eq!(price_bits_from_rao(1_000), 18_446_744_073_709);
        assert_eq!(ratio_bits(1, 0), 0);
    }

    #[test]
    fn multiplication_truncates_like_the_chain() {
        // 33/65535 in U64F64 is a hair below the rational, so a multiple of 21,845 loses a rao.
        let rate = ratio_bits(33, 65_535);
        assert_eq!(mul_floor(21_845, rate), 10);
        assert_eq!(mul_floor(5_000_000_000, rate), 2_517_738);
    }
}
