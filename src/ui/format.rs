//! How figures are written on the page. `data-value` always carries the full-precision plain
//! decimal; the text a person reads is rounded and grouped here.

use crate::model::words::group_thousands;
use rust_decimal::{Decimal, RoundingStrategy};

/// Full precision, no separators, no trailing zeros: the `data-value` form.
pub fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}

/// An amount of TAO or alpha: up to 9 decimals (one rao), thousands grouped.
pub fn tokens(d: Decimal) -> String {
    let rounded = d.round_dp_with_strategy(9, RoundingStrategy::MidpointAwayFromZero);
    group_thousands(&rounded.normalize().to_string())
}

/// A price in TAO per alpha: nine decimals (rao per alpha) or, for tiny prices, six
/// significant digits.
pub fn price(d: Decimal) -> String {
    significant(d, 9, 6)
}

/// A percentage: three decimals, or four significant digits when it is small.
pub fn pct(d: Decimal) -> String {
    format!("{} %", significant(d, 3, 4))
}

/// A percentage change: as `pct`, with a plus sign when it is a gain.
pub fn signed_pct(d: Decimal) -> String {
    if d > Decimal::ZERO {
        format!("+{}", pct(d))
    } else {
        pct(d)
    }
}

/// Round to `dp` decimals, but keep at least `sig` significant digits for small values.
fn significant(d: Decimal, dp: u32, sig: u32) -> String {
    let abs = d.abs();
    let mut places = dp;
    if !abs.is_zero() {
        let mut threshold = Decimal::ONE;
        let mut leading_zeros = 0u32;
        while abs < threshold && leading_zeros < 27 {
            threshold /= Decimal::TEN;
            leading_zeros += 1;
        }
        // abs lies in [threshold, 10 threshold): its first significant digit is at `leading_zeros`.
        places = places.max((leading_zeros + sig).saturating_sub(1)).min(28);
    }
    let rounded = d.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    group_thousands(&rounded.normalize().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn formats() {
        assert_eq!(tokens(d("1234567.1234567891")), "1,234,567.123456789");
        assert_eq!(tokens(d("33.322141508")), "33.322141508");
        assert_eq!(pct(d("33.3557169840000")), "33.356 %");
        assert_eq!(pct(d("0.0503547722")), "0.05035 %");
        assert_eq!(pct(d("0.00000012345")), "0.0000001235 %");
        assert_eq!(pct(Decimal::ZERO), "0 %");
        assert_eq!(price(d("0.0999999999999")), "0.1");
        assert_eq!(price(d("0.000000012345678")), "0.0000000123457");
        assert_eq!(plain(d("50.000")), "50");
        assert_eq!(signed_pct(d("1.5")), "+1.5 %");
        assert_eq!(signed_pct(d("-1.5")), "-1.5 %");
        assert_eq!(signed_pct(Decimal::ZERO), "0 %");
    }
}
