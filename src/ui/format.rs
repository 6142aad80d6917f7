//! How figures are written on the page. `data-value` always carries the full-precision plain
//! decimal; the text a person reads is rounded and grouped here: amounts to about six
//! significant digits, percentages to four. With "exact figures" on (`exact=1`), and in a
//! figure's title and copy, amounts show every rao.

use crate::model::words::group_thousands;
use leptos::prelude::{ArcRwSignal, Get, GetUntracked, Set};
use rust_decimal::{Decimal, RoundingStrategy};
use std::cell::Cell;

thread_local! {
    /// The page's choice (`exact=1`); a signal, so every text written through here redraws
    /// when it changes.
    static PAGE_EXACT: ArcRwSignal<bool> = ArcRwSignal::new(false);
    /// Set while `exactly` runs: the exact text of a figure, whatever the page shows.
    static FORCED: Cell<Option<bool>> = const { Cell::new(None) };
}

/// Show every figure exactly (`exact=1`) or rounded for reading.
pub fn set_exact(on: bool) {
    PAGE_EXACT.with(|s| {
        if s.get_untracked() != on {
            s.set(on);
        }
    });
}

fn exact() -> bool {
    FORCED.get().unwrap_or_else(|| PAGE_EXACT.with(|s| s.get()))
}

/// Run `text` with every amount and percentage written exactly: a figure's exact value.
pub fn exactly<T>(text: impl FnOnce() -> T) -> T {
    let before = FORCED.replace(Some(true));
    let out = text();
    FORCED.set(before);
    out
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
pub fn tokens(d: Decimal) -> String {
    if exact() {
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
pub fn pct(d: Decimal) -> String {
    if exact() {
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
    fn exact_formats() {
        exactly(|| {
            assert_eq!(tokens(d("1234567.1234567891")), "1,234,567.123456789");
            assert_eq!(tokens(d("33.322141508")), "33.322141508");
            assert_eq!(pct(d("33.3557169840000")), "33.356 %");
            assert_eq!(pct(d("0.0503547722")), "0.05035 %");
            assert_eq!(pct(d("0.00000012345")), "0.0000001235 %");
        });
        set_exact(true);
        assert_eq!(tokens(d("11438.342693881")), "11,438.342693881");
        set_exact(false);
        assert_eq!(tokens(d("11438.342693881")), "11,438.34");
    }

    #[test]
    fn readable_formats() {
        assert_eq!(tokens(d("11438.342693881")), "11,438.34");
        assert_eq!(tokens(d("2122.485901193")), "2,122.49");
        assert_eq!(tokens(d("0.503547722")), "0.5035");
        assert_eq!(tokens(d("175.143045639")), "175.143");
        assert_eq!(tokens(d("-175.143045639")), "-175.143");
        assert_eq!(tokens(d("1.5")), "1.5");
        assert_eq!(tokens(d("100")), "100");
        assert_eq!(tokens(d("0.000000001")), "0.000000001");
        assert_eq!(tokens(d("5445703.0493")), "5,445,703.05");
        assert_eq!(tokens(d("9.999999")), "10");
        assert_eq!(tokens(Decimal::ZERO), "0");
        assert_eq!(pct(d("33.3557169840000")), "33.36 %");
        assert_eq!(pct(d("0.0955134")), "0.09551 %");
        assert_eq!(pct(d("1234.56")), "1,235 %");
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
