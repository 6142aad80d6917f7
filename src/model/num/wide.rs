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
    let den = U256::exp10(f.scale() as usize);
    let product = U256::from(n).checked_mul(U256::from(mantissa))?;
    u64::try_from(product / den).ok()
}

/// `floor(sqrt(n))` on 256 bits.
pub fn isqrt(n: U256) -> U256 {
    n.integer_sqrt()
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
