//! ln(1+u) and e^z - 1 on `rust_decimal` (28 significant digits).
//!
//! The chain raises reserve ratios to the power of the weight ratio with a 1024-bit
//! `SafeInt::pow_ratio_scaled` (pallets/swap/src/pallet/balancer.rs). We need the same figure
//! to well under one rao, also for trades a billion times smaller than the pool, where
//! `1 - (y / (y + dy))^k` cancels almost completely. Working in the ln1p/expm1 forms keeps the
//! relative precision of tiny values, so the error stays near 1e-27 of the result.

use crate::model::num::dec::DecimalOps;
use crate::model::num::fixed_series;
use rust_decimal::Decimal;

/// The arithmetic left the range this module computes in. Callers validate their inputs, so
/// this only surfaces for absurd values; it is an error, never a panic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfRange;

/// A checked `Decimal` operation's `None` (overflow, division by zero) as `OutOfRange`; every
/// model error converts from it, so `checked(a.try_mul(b))?` reads the same everywhere.
pub fn checked(d: Option<Decimal>) -> Result<Decimal, OutOfRange> {
    d.ok_or(OutOfRange)
}

/// ln 2 to 28 decimal places: 0.6931471805599453094172321215 as 96-bit mantissa words.
const LN2: Decimal = Decimal::from_parts(2_860_148_159, 2_180_329_217, 375_755_839, false, 28);
const HALF: Decimal = Decimal::from_parts(5, 0, 0, false, 1);

fn add(a: Decimal, b: Decimal) -> Result<Decimal, OutOfRange> {
    a.try_add(b).ok_or(OutOfRange)
}
fn sub(a: Decimal, b: Decimal) -> Result<Decimal, OutOfRange> {
    a.try_sub(b).ok_or(OutOfRange)
}
fn mul(a: Decimal, b: Decimal) -> Result<Decimal, OutOfRange> {
    a.try_mul(b).ok_or(OutOfRange)
}
fn div(a: Decimal, b: Decimal) -> Result<Decimal, OutOfRange> {
    a.try_div(b).ok_or(OutOfRange)
}

/// `ln(1 + u)` for `u >= 0`, its series in binary fixed point (`fixed_series`).
pub fn ln1p(u: Decimal) -> Result<Decimal, OutOfRange> {
    if u.is_zero() {
        return Ok(Decimal::ZERO);
    }
    let (below_ln2, halvings) = fixed_series::ln1p_parts(u).ok_or(OutOfRange)?;
    if halvings == 0 {
        return Ok(below_ln2);
    }
    add(below_ln2, mul(Decimal::from(halvings), LN2)?)
}

/// `e^z - 1`. Beyond z = 60 the result leaves Decimal's range; below z = -70 it equals -1
/// to 28 decimal places.
pub fn expm1(z: Decimal) -> Result<Decimal, OutOfRange> {
    if z.abs() <= HALF {
        return expm1_reduced(z);
    }
    sub(exp(z)?, Decimal::ONE)
}

/// e^z - 1 for |z| <= 1/2, in binary fixed point (`fixed_series`).
fn expm1_reduced(z: Decimal) -> Result<Decimal, OutOfRange> {
    fixed_series::expm1_reduced(z).ok_or(OutOfRange)
}

/// `e^z`, to 28 significant digits also when it is tiny (unlike `expm1(z) + 1`). Beyond z = 60
/// it leaves Decimal's range; far below zero it is 0.
pub fn exp(z: Decimal) -> Result<Decimal, OutOfRange> {
    if z.abs() <= HALF {
        return add(expm1_reduced(z)?, Decimal::ONE);
    }
    if z > Decimal::from(60) {
        return Err(OutOfRange);
    }
    if z < Decimal::from(-200) {
        return Ok(Decimal::ZERO);
    }
    // z = n ln 2 + r with |r| <= ln 2 / 2, so e^z = 2^n e^r; 2^n is split in parts that
    // Decimal's 96-bit mantissa holds.
    let n = div(z, LN2)?.round();
    let r = sub(z, mul(n, LN2)?)?;
    let mut e = add(expm1_reduced(r)?, Decimal::ONE)?;
    let mut n = i32::try_from(n.mantissa()).map_err(|_| OutOfRange)?;
    let step = Decimal::from(1u64 << 62);
    while n != 0 {
        let k = n.unsigned_abs().min(62);
        let two_pow = if k == 62 {
            step
        } else {
            Decimal::from(1u64 << k)
        };
        if n > 0 {
            e = mul(e, two_pow)?;
            n -= k as i32;
        } else {
            e = div(e, two_pow)?;
            n += k as i32;
            if e.is_zero() {
                return Ok(Decimal::ZERO);
            }
        }
    }
    Ok(e)
}

/// Natural logarithm of `x > 0`.
pub fn ln(x: Decimal) -> Result<Decimal, OutOfRange> {
    if x <= Decimal::ZERO {
        return Err(OutOfRange);
    }
    if x >= Decimal::ONE {
        ln1p(sub(x, Decimal::ONE)?)
    } else {
        // ln x = -ln(1/x), with 1/x > 1.
        Ok(-ln1p(sub(div(Decimal::ONE, x)?, Decimal::ONE)?)?)
    }
}

/// `x^e` for `x > 0`.
pub fn pow(x: Decimal, e: Decimal) -> Result<Decimal, OutOfRange> {
    add(expm1(mul(ln(x)?, e)?)?, Decimal::ONE)
}

/// ln(2 pi) / 2 to 28 decimal places: 0.9189385332046727417803297365.
const HALF_LN_TWO_PI: Decimal =
    Decimal::from_parts(2_898_252_373, 174_266_235, 498_157_577, false, 28);

/// Stirling's series for ln Gamma(z), z >= 30: the Bernoulli terms B2k / (2k (2k-1) z^(2k-1)).
const STIRLING: [(i64, i64); 8] = [
    (1, 12),
    (-1, 360),
    (1, 1260),
    (-1, 1680),
    (1, 1188),
    (-691, 360_360),
    (1, 156),
    (-3617, 122_400),
];

/// ln Gamma(z) for z > 0. Small arguments are shifted up with Gamma(z + 1) = z Gamma(z) until
/// Stirling's series is accurate to below 1e-24.
pub fn ln_gamma(z: Decimal) -> Result<Decimal, OutOfRange> {
    if z <= Decimal::ZERO {
        return Err(OutOfRange);
    }
    let thirty = Decimal::from(30);
    let mut z = z;
    let mut shift = Decimal::ZERO;
    while z < thirty {
        shift = sub(shift, ln(z)?)?;
        z = add(z, Decimal::ONE)?;
    }
    let ln_z = ln(z)?;
    let mut sum = add(sub(mul(sub(z, HALF)?, ln_z)?, z)?, HALF_LN_TWO_PI)?;
    let inverse = div(Decimal::ONE, z)?;
    let inverse2 = mul(inverse, inverse)?;
    let mut power = inverse; // 1 / z^(2k-1); tiny terms round to zero, never overflow
    for (num, den) in STIRLING {
        let term = mul(div(Decimal::from(num), Decimal::from(den))?, power)?;
        sum = add(sum, term)?;
        power = mul(power, inverse2)?;
    }
    add(sum, shift)
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
    fn exp_keeps_tiny_values() {
        // e^-60 = 8.7565107626965203384887328007e-27: expm1 + 1 would keep one digit of it.
        let tiny = exp(d("-60")).unwrap();
        assert!(
            close(tiny, d("0.0000000000000000000000000088"), "0.01"),
            "{tiny}"
        );
        assert!(close(
            exp(d("-5")).unwrap(),
            d("0.0067379469990854670966360484"),
            "1e-24"
        ));
        assert!(close(
            exp(d("3")).unwrap(),
            d("20.085536923187667740928529655"),
            "1e-26"
        ));
        assert_eq!(exp(d("-500")).unwrap(), Decimal::ZERO);
        assert!(exp(d("61")).is_err());
    }

    #[test]
    fn ln_pow_and_gamma() {
        assert!(close(ln(d("0.5")).unwrap(), -LN2, "1e-26"));
        assert!(close(
            ln(d("10")).unwrap(),
            d("2.3025850929940456840179914547"),
            "1e-26"
        ));
        assert!(ln(Decimal::ZERO).is_err());
        assert!(close(
            pow(d("2"), d("0.5")).unwrap(),
            d("1.4142135623730950488016887242"),
            "1e-26"
        ));
        assert!(close(pow(d("0.25"), d("-1.5")).unwrap(), d("8"), "1e-26"));
        // Gamma(1) = Gamma(2) = 1, Gamma(5) = 24, Gamma(1/2) = sqrt(pi).
        assert!(ln_gamma(Decimal::ONE).unwrap().abs() < d("1e-24"));
        assert!(ln_gamma(Decimal::TWO).unwrap().abs() < d("1e-24"));
        assert!(close(
            ln_gamma(d("5")).unwrap(),
            d("3.1780538303479456196469416013"),
            "1e-24"
        ));
        assert!(close(
            ln_gamma(d("0.5")).unwrap(),
            d("0.5723649429247000870717136756"),
            "1e-24"
        ));
        // A large argument, as the stake-growth product uses: ln Gamma(11000).
        assert!(close(
            ln_gamma(d("11000")).unwrap(),
            d("91358.42219041865554988941"),
            "1e-24"
        ));
        assert!(HALF_LN_TWO_PI == d("0.9189385332046727417803297365"));
    }

    #[test]
    fn inverse_of_each_other() {
        for s in ["0.001", "0.3", "2.5", "17", "123.456"] {
            let u = d(s);
            let back = expm1(ln1p(u).unwrap()).unwrap();
            assert!(close(back, u, "1e-24"), "{s}: {back}");
        }
    }

    proptest::proptest! {
        /// e^(a + b) = e^a e^b and ln(1 + x) + ln(1 + y) = ln((1 + x)(1 + y)), to 1e-26: the
        /// fixed-point series checked by identities that hold whatever computes them.
        #[test]
        fn exp_and_ln_keep_their_identities(a in -500_000i64..500_000, b in -500_000i64..500_000, x in 0i64..5_000_000_000, y in 0i64..5_000_000_000) {
            let (a, b) = (Decimal::new(a, 6), Decimal::new(b, 6));
            let product = (Decimal::ONE + expm1(a).unwrap()) * (Decimal::ONE + expm1(b).unwrap());
            let sum = Decimal::ONE + expm1(a + b).unwrap();
            proptest::prop_assert!(close(product, sum, "1e-26"), "{a} {b}: {product} vs {sum}");
            let (x, y) = (Decimal::new(x, 9), Decimal::new(y, 9));
            let both = ln1p(x).unwrap() + ln1p(y).unwrap();
            let joint = ln1p(x + y + x * y).unwrap();
            proptest::prop_assert!((both - joint).abs() <= d("1e-26") * joint.max(Decimal::ONE), "{x} {y}: {both} vs {joint}");
        }
    }
}
