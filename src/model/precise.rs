//! ln(1+u) and e^z - 1 on `rust_decimal` (28 significant digits).
//!
//! The chain raises reserve ratios to the power of the weight ratio with a 1024-bit
//! `SafeInt::pow_ratio_scaled` (pallets/swap/src/pallet/balancer.rs). We need the same figure
//! to well under one rao, also for trades a billion times smaller than the pool, where
//! `1 - (y / (y + dy))^k` cancels almost completely. Working in the ln1p/expm1 forms keeps the
//! relative precision of tiny values, so the error stays near 1e-27 of the result.

use rust_decimal::Decimal;

/// The arithmetic left the range this module computes in. Callers validate their inputs, so
/// this only surfaces for absurd values; it is an error, never a panic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfRange;

/// ln 2 to 28 decimal places: 0.6931471805599453094172321215 as 96-bit mantissa words.
const LN2: Decimal = Decimal::from_parts(2_860_148_159, 2_180_329_217, 375_755_839, false, 28);
const HALF: Decimal = Decimal::from_parts(5, 0, 0, false, 1);

fn add(a: Decimal, b: Decimal) -> Result<Decimal, OutOfRange> {
    a.checked_add(b).ok_or(OutOfRange)
}
fn sub(a: Decimal, b: Decimal) -> Result<Decimal, OutOfRange> {
    a.checked_sub(b).ok_or(OutOfRange)
}
fn mul(a: Decimal, b: Decimal) -> Result<Decimal, OutOfRange> {
    a.checked_mul(b).ok_or(OutOfRange)
}
fn div(a: Decimal, b: Decimal) -> Result<Decimal, OutOfRange> {
    a.checked_div(b).ok_or(OutOfRange)
}

/// `ln(1 + u)` for `u >= 0`.
pub fn ln1p(u: Decimal) -> Result<Decimal, OutOfRange> {
    if u.is_sign_negative() && !u.is_zero() {
        return Err(OutOfRange);
    }
    if u.is_zero() {
        return Ok(Decimal::ZERO);
    }
    // Bring 1 + u into [1, 2) by halving: ln(1 + u) = k ln 2 + ln(m). Only needed for u >= 1,
    // where the subtraction m - 1 cannot cancel against a small u.
    let mut halvings = 0u32;
    let mut w = u;
    if u >= Decimal::ONE {
        let mut m = add(u, Decimal::ONE)?;
        while m >= Decimal::TWO {
            m = div(m, Decimal::TWO)?;
            halvings += 1;
        }
        w = sub(m, Decimal::ONE)?;
    }
    // ln(1 + w) = 2 atanh(s) with s = w / (2 + w) <= 1/3: s + s^3/3 + s^5/5 + ...
    let s = div(w, add(Decimal::TWO, w)?)?;
    let s2 = mul(s, s)?;
    let mut term = s;
    let mut sum = s;
    let mut n = Decimal::ONE;
    loop {
        term = mul(term, s2)?;
        n = add(n, Decimal::TWO)?;
        let next = div(term, n)?;
        if next.is_zero() {
            break;
        }
        sum = add(sum, next)?;
    }
    add(mul(sum, Decimal::TWO)?, mul(Decimal::from(halvings), LN2)?)
}

/// Taylor series of e^z - 1, for |z| <= 1/2.
fn expm1_series(z: Decimal) -> Result<Decimal, OutOfRange> {
    let mut term = z;
    let mut sum = z;
    let mut k = Decimal::ONE;
    loop {
        k = add(k, Decimal::ONE)?;
        term = div(mul(term, z)?, k)?;
        if term.is_zero() {
            break;
        }
        sum = add(sum, term)?;
    }
    Ok(sum)
}

/// `e^z - 1`. Beyond z = 60 the result leaves Decimal's range; below z = -70 it equals -1
/// to 28 decimal places.
pub fn expm1(z: Decimal) -> Result<Decimal, OutOfRange> {
    if z.abs() <= HALF {
        return expm1_series(z);
    }
    if z > Decimal::from(60) {
        return Err(OutOfRange);
    }
    if z < Decimal::from(-70) {
        return Ok(Decimal::NEGATIVE_ONE);
    }
    // z = n ln 2 + r with |r| <= ln 2 / 2, so e^z = 2^n e^r.
    let n = div(z, LN2)?.round();
    let r = sub(z, mul(n, LN2)?)?;
    let e_r = add(expm1_series(r)?, Decimal::ONE)?;
    let n = i32::try_from(n.mantissa()).map_err(|_| OutOfRange)?;
    // Decimal's mantissa holds 2^95 at most; 2^-96 is already below its 28 decimal places.
    let Some(two_pow) = 1u128
        .checked_shl(n.unsigned_abs())
        .and_then(|p| Decimal::try_from_i128_with_scale(p as i128, 0).ok())
    else {
        return if n < 0 {
            Ok(Decimal::NEGATIVE_ONE)
        } else {
            Err(OutOfRange)
        };
    };
    let e_z = if n >= 0 {
        mul(e_r, two_pow)?
    } else {
        div(e_r, two_pow)?
    };
    sub(e_z, Decimal::ONE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn close(a: Decimal, b: Decimal, rel: &str) -> bool {
        let diff = (a - b).abs();
        diff <= b.abs() * d(rel)
    }

    #[test]
    fn ln1p_matches_known_values() {
        // ln 2, ln 1001, ln(1 + 1e-20), ln 1.5
        assert!(close(ln1p(Decimal::ONE).unwrap(), LN2, "1e-26"));
        assert!(close(
            ln1p(d("1000")).unwrap(),
            d("6.9087547793152205852207837630"),
            "1e-26"
        ));
        assert!(close(
            ln1p(d("0.00000000000000000001")).unwrap(),
            d("0.00000000000000000001"),
            "1e-8"
        ));
        assert!(close(
            ln1p(d("0.5")).unwrap(),
            d("0.4054651081081643819780131155"),
            "1e-26"
        ));
        assert_eq!(ln1p(Decimal::ZERO).unwrap(), Decimal::ZERO);
        assert!(ln1p(d("-0.5")).is_err());
    }

    #[test]
    fn expm1_matches_known_values() {
        assert!(close(
            expm1(Decimal::ONE).unwrap(),
            d("1.7182818284590452353602874714"),
            "1e-26"
        ));
        assert!(close(
            expm1(d("-3")).unwrap(),
            d("-0.9502129316321360570206575843"),
            "1e-26"
        ));
        assert!(close(
            expm1(d("0.000000000001")).unwrap(),
            d("0.0000000000010000000000005"),
            "1e-20"
        ));
        assert!(close(
            expm1(d("40")).unwrap(),
            d("235385266837019984.40789991074"),
            "1e-25"
        ));
        assert_eq!(expm1(d("-100")).unwrap(), Decimal::NEGATIVE_ONE);
        // Between -70 and -66 the power of two leaves Decimal's range: still -1, no panic.
        for z in ["-66.5", "-68", "-69.9"] {
            assert!(
                close(expm1(d(z)).unwrap(), Decimal::NEGATIVE_ONE, "1e-27"),
                "{z}"
            );
        }
        assert!(expm1(d("100")).is_err());
    }

    #[test]
    fn inverse_of_each_other() {
        for s in ["0.001", "0.3", "2.5", "17", "123.456"] {
            let u = d(s);
            let back = expm1(ln1p(u).unwrap()).unwrap();
            assert!(close(back, u, "1e-24"), "{s}: {back}");
        }
    }
}
