//! The chain's U64F64 fixed point (`substrate_fixed::types::U64F64`: 64 integer and 64
//! fractional bits, every step truncating), where the swap pallet uses it: fee rates, limit
//! prices and spot prices. Values are carried as their raw bits in a `u128`.

use crate::model::num::units::RAO_PER_TAO;

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
    // (amount * (hi * 2^64 + lo)) >> 64 = amount * hi + (amount * lo) >> 64 exactly: two
    // 128-bit products where a 256-bit one took a tenth of the screener's time (issue 30).
    let amount = u128::from(amount);
    let high = amount * (rate_bits >> 64);
    let low = (amount * (rate_bits & u128::from(u64::MAX))) >> 64;
    high.checked_add(low)
        .and_then(|p| u64::try_from(p).ok())
        .unwrap_or(u64::MAX)
}

/// A limit price in rao per alpha as the pallet reads it: `U64F64::from_num(limit) / 1e9`.
pub fn price_bits_from_rao(limit_rao: u64) -> u128 {
    ratio_bits(limit_rao, RAO_PER_TAO)
}

/// A U64F64 price floored to rao per alpha, as the chain reports it.
pub fn rao_from_price_bits(bits: u128) -> u64 {
    mul_floor(RAO_PER_TAO, bits)
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

    /// The 256-bit product the chain's U64F64 multiplication takes, saturated to u64.
    fn wide(amount: u64, bits: u128) -> u64 {
        use primitive_types::U256;
        u64::try_from((U256::from(amount) * U256::from(bits)) >> 64).unwrap_or(u64::MAX)
    }

    #[test]
    fn the_split_product_equals_the_wide_one_at_the_edges() {
        for amount in [
            0,
            1,
            2,
            65_535,
            RAO_PER_TAO,
            u64::MAX / 3,
            u64::MAX - 1,
            u64::MAX,
        ] {
            for bits in [
                0,
                1,
                u128::from(u64::MAX),
                1 << 64,
                (1 << 64) + 1,
                ONE_BITS * 3 - 1,
                u128::MAX >> 1,
                u128::MAX,
            ] {
                assert_eq!(
                    mul_floor(amount, bits),
                    wide(amount, bits),
                    "{amount} x {bits}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_split_product_equals_the_wide_one(amount: u64, bits: u128, small in 0u128..(1 << 70)) {
            proptest::prop_assert_eq!(mul_floor(amount, bits), wide(amount, bits));
            proptest::prop_assert_eq!(mul_floor(amount, small), wide(amount, small));
        }
    }
}
