//! Exact integer helpers on 256 bits, the width the chain itself uses for intermediate
//! products (`sp_core::U256`, which is `primitive_types::U256`).

use primitive_types::U256;
use rust_decimal::Decimal;

/// `floor(a * b / d)`, or `None` when `d` is zero or the result does not fit in u64.
pub fn mul_div_floor(a: u128, b: u128, d: u128) -> Option<u64> {
    if d == 0 {
        return None;
    }
    let product = U256::from(a).checked_mul(U256::from(b))?;
    u64::try_from(product / U256::from(d)).ok()
}

/// The exact quotient `num / den` as a Decimal, truncated towards zero at the finest scale
/// (at most 28 decimal places) whose mantissa still fits Decimal's 96 bits.
pub fn decimal_from_ratio(num: U256, den: U256) -> Option<Decimal> {
    if den.is_zero() {
        return None;
    }
    // Decimal's mantissa is 96 bits.
    let max_mantissa = U256::from(u128::MAX >> 32);
    let whole = num / den;
    if whole > max_mantissa {
        return None;
    }
    // Start at the finest scale the integer part leaves room for, so at most two tries.
    let whole = whole.low_u128();
    let digits = if whole == 0 { 0 } else { whole.ilog10() + 1 };
    let mut scale = 29u32.saturating_sub(digits).min(28);
    loop {
        let scaled = num
            .checked_mul(U256::from(10u128.pow(scale)))
            .map(|n| n / den);
        if let Some(q) = scaled {
            if q <= max_mantissa {
                let mantissa = i128::try_from(q.low_u128()).ok()?;
                return Decimal::try_from_i128_with_scale(mantissa, scale).ok();
            }
        }
        if scale == 0 {
            return None;
        }
        scale -= 1;
    }
}

/// `floor(n * f)` for a non-negative Decimal `f`, computed exactly from f's mantissa and scale.
pub fn mul_decimal_floor(n: u64, f: Decimal) -> Option<u64> {
    if f.is_sign_negative() && !f.is_zero() {
        return None;
    }
    let mantissa = u128::try_from(f.mantissa()).ok()?;
    let den = pow10(f.scale());
    let product = U256::from(n).checked_mul(U256::from(mantissa))?;
    u64::try_from(product / den).ok()
}

/// `10^exp` for a Decimal's scale (at most 28; anything to 38 fits): one u128 power, where
/// `U256::exp10` multiplies 256-bit numbers `exp` times (a tenth of a projection's time).
pub fn pow10(exp: u32) -> U256 {
    U256::from(10u128.pow(exp))
}

/// `floor(sqrt(n))` on 256 bits. Newton's method from a guess good to about 32 bits (the
/// square root of n's leading 64 bits, in floating point) needs two or three 256-bit
/// divisions instead of the seven or so from a power of two. The guess only decides where
/// the exact integer iteration starts: after one step from any positive guess the iterate is at
/// least floor(sqrt(n)), and it then falls to it exactly.
pub fn isqrt(n: U256) -> U256 {
    if n < U256::from(2u8) {
        return n;
    }
    let shift = n.bits().saturating_sub(64) & !1;
    let lead = (n >> shift).low_u64() as f64;
    let mut x = U256::from(lead.sqrt() as u64 + 1) << (shift / 2);
    x = (x + n / x) >> 1;
    loop {
        let next = (x + n / x) >> 1;
        if next >= x {
            return x;
        }
        x = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn ratio_is_truncated_at_full_precision() {
        let d = decimal_from_ratio(U256::from(1), U256::from(3)).unwrap();
        assert_eq!(d.to_string(), "0.3333333333333333333333333333");
        let d = decimal_from_ratio(U256::from(10u64), U256::from(100u64)).unwrap();
        assert_eq!(d.normalize().to_string(), "0.1");
        assert!(decimal_from_ratio(U256::from(1), U256::zero()).is_none());
        let big = U256::from(u128::MAX) * U256::from(u128::MAX);
        assert!(decimal_from_ratio(big, U256::from(1)).is_none());
    }

    proptest::proptest! {
        #[test]
        fn isqrt_is_the_floor_of_the_root(hi in proptest::prelude::any::<u128>(), lo in proptest::prelude::any::<u128>(), bits in 0usize..=256) {
            let n = ((U256::from(hi) << 128) | U256::from(lo)) >> (256 - bits);
            proptest::prop_assert_eq!(isqrt(n), n.integer_sqrt());
        }
    }

    #[test]
    fn isqrt_at_the_edges() {
        for n in [0u64, 1, 2, 3, 4, 15, 16, 17, u64::MAX] {
            assert_eq!(isqrt(U256::from(n)), U256::from(n).integer_sqrt());
        }
        assert_eq!(isqrt(U256::MAX), U256::MAX.integer_sqrt());
        let square = U256::from(u128::MAX) * U256::from(u128::MAX);
        assert_eq!(isqrt(square), U256::from(u128::MAX));
        assert_eq!(isqrt(square - 1), U256::from(u128::MAX - 1));
        assert_eq!(pow10(28), U256::exp10(28));
    }

    #[test]
    fn mul_decimal_floor_is_exact() {
        let f = Decimal::from_str("0.5").unwrap();
        assert_eq!(mul_decimal_floor(7, f), Some(3));
        assert_eq!(mul_decimal_floor(u64::MAX, Decimal::ONE), Some(u64::MAX));
        assert_eq!(mul_decimal_floor(u64::MAX, Decimal::TWO), None);
        assert_eq!(mul_div_floor(10, 10, 3), Some(33));
        assert_eq!(mul_div_floor(10, 10, 0), None);
    }
}
