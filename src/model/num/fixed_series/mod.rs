//! The series behind `precise::expm1` in binary fixed point: 124 fractional bits in an `i128`.
//!
//! In `Decimal` every term of the series costs a multiplication whose 56-digit product is
//! divided back to 28 digits, and a division; that was most of a return projection's time
//! (issue 18). Here a term is a 128 x 128-bit product shifted right and a division by a small
//! integer. The result is rounded once to 28 decimal places, the finest `Decimal` holds, so
//! it is as exact as the `Decimal` series was (the error before that rounding is under 1e-36),
//! including the relative precision of tiny arguments.

mod tables;

use primitive_types::U256;
use rust_decimal::Decimal;
use tables::{EXPM1_STEPS, LN_STEPS, TENTHS};

/// Fractional bits.
const BITS: u32 = 124;
const ONE: i128 = 1 << BITS;
/// Places of the result: the most `Decimal` keeps.
const PLACES: u32 = 28;

/// `z` in fixed point, within 2^-123; `None` from 8 in magnitude.
fn from_decimal(z: Decimal) -> Option<i128> {
    let q = scaled_down(z.mantissa().unsigned_abs(), z.scale(), 0)?;
    Some(if z.is_sign_negative() { -q } else { q })
}

/// `m / (10^scale 2^halvings)` in fixed point, within 2^-123, for `m` below 2^96 (a `Decimal`'s
/// mantissa). Multiplying by the reciprocal of the power of ten keeps a 256-bit division out of
/// every conversion (it was a quarter of a projection's time).
fn scaled_down(m: u128, scale: u32, halvings: u32) -> Option<i128> {
    let &(reciprocal, bits) = TENTHS.get(scale as usize)?;
    let (hi, lo) = wide_mul(m, reciprocal);
    // m 2^bits / 10^scale is (hi, lo); 2^124 / 2^(bits + halvings) brings it to fixed point.
    // A Decimal's m / 10^scale is below 2^96, so n stays between 3 and 127.
    let n = bits + halvings - BITS;
    let (lo, carry) = lo.overflowing_add(1u128.checked_shl(n - 1)?);
    let hi = hi + u128::from(carry);
    if n >= 128 || hi >> n != 0 {
        return None;
    }
    i128::try_from((hi << (128 - n)) | (lo >> n)).ok()
}

/// `x` rounded to 28 decimal places, |x| < 8.
fn to_decimal(x: i128) -> Decimal {
    let (hi, lo) = wide_mul(x.unsigned_abs(), 10u128.pow(PLACES));
    // + 2^123, then >> 124: to the nearest.
    let (lo, carry) = lo.overflowing_add(1 << (BITS - 1));
    let hi = hi + u128::from(carry);
    let m = (hi << (128 - BITS)) | (lo >> BITS);
    let m = m as i128; // < 8e28 < 2^127
    Decimal::from_i128_with_scale(if x < 0 { -m } else { m }, PLACES)
}

/// The 256-bit product of two `u128`, as (high, low) halves.
fn wide_mul(a: u128, b: u128) -> (u128, u128) {
    const LOW: u128 = u64::MAX as u128;
    let (a1, a0) = (a >> 64, a & LOW);
    let (b1, b0) = (b >> 64, b & LOW);
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    let p11 = a1 * b1;
    let mid = (p00 >> 64) + (p01 & LOW) + (p10 & LOW);
    let lo = (p00 & LOW) | (mid << 64);
    let hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (hi, lo)
}

/// `a b` in fixed point, truncated toward zero; |a b| < 8.
fn mul(a: i128, b: i128) -> i128 {
    let (hi, lo) = wide_mul(a.unsigned_abs(), b.unsigned_abs());
    let m = ((hi << (128 - BITS)) | (lo >> BITS)) as i128;
    if (a < 0) != (b < 0) {
        -m
    } else {
        m
    }
}

/// `2^124 / k` for k = 0..=40, rounded (0 for k = 0 and 1, which the series do not divide
/// by): a term divided by its k as a multiplication, several times cheaper than an `i128`
/// division, and off by at most 2^-124.
const INVERSES: [i128; 41] = {
    let mut table = [0i128; 41];
    let mut k = 2;
    while k < 41 {
        table[k] = (ONE + (k as i128) / 2) / (k as i128);
        k += 1;
    }
    table
};

/// `x / k` for 2 <= k <= 40, by the reciprocal; a plain division beyond.
fn div_small(x: i128, k: usize) -> i128 {
    match INVERSES.get(k) {
        Some(&inverse) => mul(x, inverse),
        None => x / k as i128,
    }
}

/// Taylor series of e^r - 1 for |r| <= 1/128: about thirteen terms to reach 2^-124.
fn expm1_series(r: i128) -> i128 {
    let mut term = r;
    let mut sum = r;
    let mut k = 1;
    while term != 0 {
        k += 1;
        term = div_small(mul(term, r), k);
        sum += term;
    }
    sum
}

/// `e^z - 1` for |z| <= 1/2: z = k/64 + r with |r| <= 1/128, and
/// e^z - 1 = T + (1 + T)(e^r - 1) with T = e^(k/64) - 1 from the table.
/// `None` outside that range.
pub(crate) fn expm1_reduced(z: Decimal) -> Option<Decimal> {
    if z.is_zero() {
        return Some(Decimal::ZERO);
    }
    let z = from_decimal(z)?;
    // k = round(64 z); 1/64 is 2^118 here.
    let k = (z + (1 << 117)) >> 118;
    if k.abs() > 32 {
        return None;
    }
    let r = z - (k << 118);
    let t = EXPM1_STEPS[(k + 32) as usize];
    Some(to_decimal(t + mul(ONE + t, expm1_series(r))))
}

/// `ln(1 + u)` for `u >= 0`: 1 + u = 2^h m with m in [1, 2), m = 1 + j/64 + the rest, and
/// ln(1 + u) = h ln 2 + ln(1 + j/64) + ln(1 + w) with w < 1/64 from the Mercator series.
/// Returns the part below ln 2 rounded to 28 places, and h. `None` for a negative `u` or one
/// whose `1 + u` leaves `Decimal`.
pub(crate) fn ln1p_parts(u: Decimal) -> Option<(Decimal, u32)> {
    if u.is_sign_negative() && !u.is_zero() {
        return None;
    }
    // m - 1 in fixed point. Below 1 it is u itself (exact to 2^-124, however small u is).
    let (m_minus_one, halvings) = if u < Decimal::ONE {
        (from_decimal(u)?, 0)
    } else {
        let x = u.checked_add(Decimal::ONE)?;
        let whole = u128::try_from(x.trunc().mantissa()).ok()?;
        let h = 127 - whole.leading_zeros();
        // x / 2^h, in [1, 2].
        let m = scaled_down(x.mantissa().unsigned_abs(), x.scale(), h)?;
        (m - ONE, h)
    };
    // j = floor(64 (m - 1)); w = (m - 1 - j/64) / (1 + j/64), exact but for the last bit.
    let j = (m_minus_one >> 118).clamp(0, 63);
    let w = ((m_minus_one - (j << 118)) << 6) / (64 + j);
    Some((to_decimal(LN_STEPS[j as usize] + ln1p_series(w)), halvings))
}

/// ln(1 + w) = w - w^2/2 + w^3/3 - ..., for 0 <= w < 1/64: about twenty terms to reach 2^-124.
fn ln1p_series(w: i128) -> i128 {
    let mut power = w;
    let mut sum = w;
    let mut k = 1;
    loop {
        k += 1;
        power = -mul(power, w);
        let term = div_small(power, k);
        if term == 0 {
            return sum;
        }
        sum += term;
    }
}

/// A value below 8 in magnitude in this fixed point (`None` beyond), for coefficients a caller
/// keeps to call `series_in_inverse` with.
pub(crate) fn fixed(x: Decimal) -> Option<i128> {
    from_decimal(x)
}

/// `sum_k c_k / z^(k + 1)` for `z >= 1`, rounded to 28 places: the tail of an asymptotic series
/// (the Stirling difference of `growth::GammaStep`).
pub(crate) fn series_in_inverse(coefficients: &[i128], z: Decimal) -> Option<Decimal> {
    if z < Decimal::ONE {
        return None;
    }
    // 2^124 10^scale / mantissa, rounded.
    let m = U256::from(z.mantissa().unsigned_abs());
    let inverse = ((U256::from(10u128.pow(z.scale())) << BITS) + (m >> 1)) / m;
    let inverse = i128::try_from(u128::try_from(inverse).ok()?).ok()?;
    let mut power = inverse;
    let mut sum = 0i128;
    for &c in coefficients {
        sum = sum.checked_add(mul(c, power))?;
        power = mul(power, inverse);
    }
    Some(to_decimal(sum))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::num::tables as decimal_tables;

    #[test]
    fn the_table_agrees_with_the_decimal_one() {
        for (fixed, decimal) in EXPM1_STEPS.iter().zip(decimal_tables::EXPM1_STEPS) {
            assert_eq!(to_decimal(*fixed), decimal);
        }
        for (fixed, decimal) in LN_STEPS.iter().zip(decimal_tables::LN_STEPS) {
            assert_eq!(to_decimal(*fixed), decimal);
        }
        for (s, &(reciprocal, k)) in TENTHS.iter().enumerate() {
            let exact = (U256::one() << k) / U256::from(10u128.pow(s as u32));
            assert_eq!(U256::from(reciprocal), exact, "10^{s}");
            assert!(reciprocal >> 127 == 1, "10^{s}: k is the least");
        }
    }

    #[test]
    fn conversions_round_trip() {
        for s in [
            "0",
            "0.5",
            "-0.5",
            "0.0000000000000000000000000001",
            "-0.0078125",
            "7.25",
        ] {
            let d: Decimal = s.parse().unwrap();
            assert_eq!(to_decimal(from_decimal(d).unwrap()), d, "{s}");
        }
        assert!(from_decimal(Decimal::from(8)).is_none());
    }
}
