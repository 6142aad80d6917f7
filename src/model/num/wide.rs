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
    if num.bits() <= 128 && den.bits() <= 127 {
        if let Some(d) = narrow_ratio(num.low_u128(), den.low_u128()) {
            return d;
        }
    }
    wide_ratio(num, den)
}

/// Decimal's largest mantissa (96 bits).
const MAX_MANTISSA: u128 = u128::MAX >> 32;

/// `decimal_from_ratio` on 128 bits: the integer part, then the decimals by long division a few
/// digits at a time, which keeps every product within u128 (the 256-bit divisions it replaces
/// were a tenth of a screener keystroke, issue 30). `None` when a step would not fit, and
/// the wide path decides; `Some(None)` when the quotient does not fit a Decimal.
fn narrow_ratio(num: u128, den: u128) -> Option<Option<Decimal>> {
    let whole = num / den;
    if whole > MAX_MANTISSA {
        return Some(None);
    }
    // The most decimal digits a remainder (below den) can take at once without overflow.
    let room = u128::MAX / den;
    let step = (1..=9u32).rev().find(|&k| 10u128.pow(k) <= room)?;
    let digits = if whole == 0 { 0 } else { whole.ilog10() + 1 };
    let mut scale = 29u32.saturating_sub(digits).min(28);
    let (mut q, mut r, mut left) = (whole, num % den, scale);
    while left > 0 {
        let k = left.min(step);
        let p = 10u128.pow(k);
        let t = r * p;
        q = q.checked_mul(p)?.checked_add(t / den)?;
        r = t % den;
        left -= k;
    }
    // floor(num 10^(s-1) / den) = floor(floor(num 10^s / den) / 10): one digit less.
    while q > MAX_MANTISSA {
        if scale == 0 {
            return Some(None);
        }
        q /= 10;
        scale -= 1;
    }
    Some(Decimal::try_from_i128_with_scale(i128::try_from(q).ok()?, scale).ok())
}

fn wide_ratio(num: U256, den: U256) -> Option<Decimal> {
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

    #[test]
    fn the_narrow_ratio_equals_the_wide_one_at_the_edges() {
        let edges = [
            1u128,
            3,
            7,
            10,
            999_999_999,
            1_000_000_007,
            u64::MAX as u128,
            1 << 96,
            (1 << 96) + 1,
            u128::MAX >> 31,
            u128::MAX >> 1,
            u128::MAX,
        ];
        for &n in &edges {
            for &d in &edges {
                let (wn, wd) = (U256::from(n), U256::from(d));
                if let Some(narrow) = narrow_ratio(n, d) {
                    assert_eq!(narrow, wide_ratio(wn, wd), "{n} / {d}");
                }
                assert_eq!(decimal_from_ratio(wn, wd), wide_ratio(wn, wd), "{n} / {d}");
            }
        }
        // Every denominator below 2^96 takes the narrow path.
        assert!(narrow_ratio(u128::MAX >> 40, (1 << 96) - 1).is_some());
    }

    proptest::proptest! {
        #[test]
        fn the_narrow_ratio_equals_the_wide_one(n: u128, d in 1u128.., small in 1u128..(1 << 70), bits in 0u32..128) {
            let n = n >> (bits % 128);
            for d in [d, small, d >> (bits % 127)] {
                let d = d.max(1);
                proptest::prop_assert_eq!(
                    decimal_from_ratio(U256::from(n), U256::from(d)),
                    wide_ratio(U256::from(n), U256::from(d))
                );
            }
        }

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
