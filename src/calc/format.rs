//! How figures are written. `data-value` always carries the full-precision plain decimal; the
//! text a person reads is rounded and grouped here: amounts to about six significant digits,
//! percentages to four. In the exact style (`exact=1`, and a figure's title and copy), amounts
//! show every rao. The style is passed in: the page reads it from the URL with the rest.

use crate::model::num::dec::DecimalOps;
use crate::model::words::group_thousands;
use rust_decimal::{Decimal, RoundingStrategy};

/// How the page writes its figures: rounded for reading or exact to the rao, and in dollars
/// too when the visitor gave a TAO price. The model computes in TAO and alpha only; dollars are
/// a way of writing TAO.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    pub exact: bool,
    /// USD per TAO (`tao_usd`), when given.
    pub tao_usd: Option<Decimal>,
}

impl Style {
    pub const READABLE: Style = Style {
        exact: false,
        tao_usd: None,
    };
    pub const EXACT: Style = Style {
        exact: true,
        tao_usd: None,
    };

    /// The same, with every rao shown: a figure's exact value.
    pub fn exactly(self) -> Style {
        Style {
            exact: true,
            ..self
        }
    }

    pub fn with_usd(self, tao_usd: Option<Decimal>) -> Style {
        Style { tao_usd, ..self }
    }

    /// `tao` in dollars, when a TAO price was given (and the product is in range).
    pub fn usd(&self, tao: Decimal) -> Option<Decimal> {
        self.tao_usd.and_then(|p| tao.try_mul(p))
    }
}

/// Full precision, no separators, no trailing zeros: the `data-value` form.
/// `n` with its noun: "1 subnet", "3 subnets".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!(
            "{} {many}",
            crate::model::words::group_thousands(&n.to_string())
        )
    }
}

pub fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}

/// An amount of TAO or alpha, thousands grouped: about six significant digits (at least two
/// decimals from 1 up, four significant digits under 1), or exactly to the rao.
pub fn tokens(d: Decimal, style: Style) -> String {
    if style.exact {
        let rounded = d.round_dp_with_strategy(9, RoundingStrategy::MidpointAwayFromZero);
        return group_thousands(&rounded.normalize().to_string());
    }
    let whole_digits = whole_digits(d);
    if whole_digits == 0 {
        significant(d, 0, 4)
    } else {
        round_to(d, 6u32.saturating_sub(whole_digits).max(2))
    }
}

/// How many digits `d` has before its decimal point (0 under 1).
fn whole_digits(d: Decimal) -> u32 {
    let whole = d.abs().trunc();
    if whole.is_zero() {
        0
    } else {
        whole.normalize().to_string().len() as u32
    }
}

fn round_to(d: Decimal, dp: u32) -> String {
    let rounded = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    group_thousands(&rounded.normalize().to_string())
}

/// A price in TAO per alpha: nine decimals (rao per alpha) or, for tiny prices, six
/// significant digits.
pub fn price(d: Decimal) -> String {
    significant(d, 9, 6)
}

/// A percentage: four significant digits; exactly, three decimals (or four significant digits
/// when it is small).
pub fn pct(d: Decimal, style: Style) -> String {
    if style.exact {
        return format!("{} %", significant(d, 3, 4));
    }
    let whole_digits = whole_digits(d);
    if whole_digits == 0 {
        format!("{} %", significant(d, 0, 4))
    } else {
        format!("{} %", round_to(d, 4u32.saturating_sub(whole_digits)))
    }
}

/// A percentage change: as `pct`, with a plus sign when it is a gain.
pub fn signed_pct(d: Decimal, style: Style) -> String {
    if d > Decimal::ZERO {
        format!("+{}", pct(d, style))
    } else {
        pct(d, style)
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
    fn exact_formats() {
        let e = Style::EXACT;
        assert_eq!(tokens(d("1234567.1234567891"), e), "1,234,567.123456789");
        assert_eq!(tokens(d("33.322141508"), e), "33.322141508");
        assert_eq!(pct(d("33.3557169840000"), e), "33.356 %");
        assert_eq!(pct(d("0.0503547722"), e), "0.05035 %");
        assert_eq!(pct(d("0.00000012345"), e), "0.0000001235 %");
        assert_eq!(tokens(d("11438.342693881"), e), "11,438.342693881");
        assert_eq!(tokens(d("11438.342693881"), Style::READABLE), "11,438.34");
    }

    #[test]
    fn readable_formats() {
        const R: Style = Style::READABLE;
        assert_eq!(tokens(d("11438.342693881"), R), "11,438.34");
        assert_eq!(tokens(d("2122.485901193"), R), "2,122.49");
        assert_eq!(tokens(d("0.503547722"), R), "0.5035");
        assert_eq!(tokens(d("175.143045639"), R), "175.143");
        assert_eq!(tokens(d("-175.143045639"), R), "-175.143");
        assert_eq!(tokens(d("1.5"), R), "1.5");
        assert_eq!(tokens(d("100"), R), "100");
        assert_eq!(tokens(d("0.000000001"), R), "0.000000001");
        assert_eq!(tokens(d("5445703.0493"), R), "5,445,703.05");
        assert_eq!(tokens(d("9.999999"), R), "10");
        assert_eq!(tokens(Decimal::ZERO, R), "0");
        assert_eq!(pct(d("33.3557169840000"), R), "33.36 %");
        assert_eq!(pct(d("0.0955134"), R), "0.09551 %");
        assert_eq!(pct(d("1234.56"), R), "1,235 %");
        assert_eq!(pct(d("0.00000012345"), R), "0.0000001235 %");
        assert_eq!(pct(Decimal::ZERO, R), "0 %");
        assert_eq!(price(d("0.0999999999999")), "0.1");
        assert_eq!(price(d("0.000000012345678")), "0.0000000123457");
        assert_eq!(plain(d("50.000")), "50");
        assert_eq!(signed_pct(d("1.5"), R), "+1.5 %");
        assert_eq!(signed_pct(d("-1.5"), R), "-1.5 %");
        assert_eq!(signed_pct(Decimal::ZERO, R), "0 %");
    }
}
