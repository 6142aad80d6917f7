//! Exact fractions of 256-bit integers turned into the Decimals the page shows.

use crate::model::num::precise::OutOfRange;
use crate::model::num::units::RAO_PER_TAO;
use crate::model::num::wide::decimal_from_ratio;
use primitive_types::U256;
use rust_decimal::Decimal;

/// `num / den` as a Decimal.
pub fn ratio(num: U256, den: U256) -> Result<Decimal, OutOfRange> {
    decimal_from_ratio(num, den).ok_or(OutOfRange)
}

/// `(a - b) / den` in percent, with its sign.
pub fn difference_pct(a: U256, b: U256, den: U256) -> Result<Decimal, OutOfRange> {
    let hundred = U256::from(100u8);
    if a >= b {
        ratio((a - b) * hundred, den)
    } else {
        ratio((b - a) * hundred, den).map(|d| -d)
    }
}

/// A rational number of rao as a Decimal number of tokens.
pub fn rao_ratio(num: U256, den: U256) -> Result<Decimal, OutOfRange> {
    ratio(num, den * U256::from(RAO_PER_TAO))
}
