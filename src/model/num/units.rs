//! Units the chain counts in. Every amount on chain is an integer number of rao:
//! 1 TAO = 1 alpha = 10^9 rao (`subtensor_runtime_common::{TaoCurrency, AlphaCurrency}` are u64 rao).

use crate::model::num::dec::DecimalOps;
use rust_decimal::Decimal;

/// Decimal places of one TAO or alpha.
pub const DECIMALS: u32 = 9;
/// rao in one TAO (or one alpha).
pub const RAO_PER_TAO: u64 = 1_000_000_000;
/// TAO's (and each subnet's alpha's) maximum supply, 21,000,000 tokens, in rao. User-typed
/// amounts above it cannot exist on chain, so the inputs refuse them.
pub const MAX_SUPPLY_RAO: u64 = 21_000_000 * RAO_PER_TAO;

/// An amount in rao as a decimal number of tokens, exactly.
pub fn rao_to_decimal(rao: u64) -> Decimal {
    Decimal::from_i128_with_scale(i128::from(rao), DECIMALS)
}

/// A decimal number of tokens as rao, when it is a whole number of rao in the u64 range.
pub fn decimal_to_rao(value: Decimal) -> Option<u64> {
    if value.is_sign_negative() && !value.is_zero() {
        return None;
    }
    let scaled = value.try_mul(Decimal::from(RAO_PER_TAO))?;
    if scaled.fract() != Decimal::ZERO {
        return None;
    }
    let mantissa = scaled.normalize();
    u64::try_from(mantissa.mantissa()).ok()
}

/// An amount in rao as a plain decimal without trailing zeros, e.g. `0.002001007`.
pub fn format_rao(rao: u64) -> String {
    rao_to_decimal(rao).normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn round_trips_whole_rao() {
        let d = Decimal::from_str("221156.58516926").unwrap();
        assert_eq!(decimal_to_rao(d), Some(221_156_585_169_260));
        assert_eq!(rao_to_decimal(221_156_585_169_260), d);
        assert_eq!(
            decimal_to_rao(Decimal::from_str("0.0000000001").unwrap()),
            None
        );
        assert_eq!(decimal_to_rao(Decimal::from_str("-1").unwrap()), None);
        assert_eq!(decimal_to_rao(Decimal::ZERO), Some(0));
    }
}
