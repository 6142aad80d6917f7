//! The take table's rows when the URL has none: the data's validators for the subnet (largest
//! stake first, their take, observed APY and hotkey), else three rows at 18, 9 and 0 % take.

use crate::model::staking::delegation::MAX_DELEGATES;
use crate::snapshot::Subnet;
use rust_decimal::Decimal;

/// The rows when the data has no validators for the subnet: 18 %, 9 % and 0 % take.
pub const DEFAULT_TAKES: [&str; 3] = ["18", "9", "0"];
const MAX_NAME: usize = 40;

/// The rows' list texts (one entry per list parameter, `None` for a list left to its
/// defaults), and whether they came from the data.
pub fn rows_without_parameters(subnet: Option<&Subnet>) -> (Vec<Option<Vec<String>>>, bool) {
    match subnet.filter(|s| !s.validators.is_empty()) {
        Some(s) => {
            let mut validators: Vec<_> = s.validators.iter().collect();
            crate::model::order::sort_by_key(&mut validators, |v| std::cmp::Reverse(v.alpha_stake));
            validators.truncate(MAX_DELEGATES);
            let names = validators.iter().map(|v| clean_name(&v.name)).collect();
            let takes = validators
                .iter()
                .map(|v| plain_pct(v.take.unwrap_or(Decimal::new(18, 2))))
                .collect();
            let vtrusts = validators.iter().map(|_| "1".to_string()).collect();
            let apys = validators
                .iter()
                .map(|v| v.apy.map(plain_pct).unwrap_or_default())
                .collect();
            let hotkeys = validators
                .iter()
                .map(|v| v.hotkey.trim().to_string())
                .collect();
            (
                vec![
                    Some(names),
                    Some(takes),
                    Some(vtrusts),
                    Some(apys),
                    None,
                    None,
                    Some(hotkeys),
                ],
                true,
            )
        }
        None => (
            vec![
                None,
                Some(DEFAULT_TAKES.iter().map(|t| t.to_string()).collect()),
                None,
                None,
                None,
                None,
                None,
            ],
            false,
        ),
    }
}

/// A fraction as the percentage text of a field (9 decimals at most, as the fields take).
fn plain_pct(d: Decimal) -> String {
    (d * Decimal::ONE_HUNDRED)
        .round_dp(9)
        .normalize()
        .to_string()
}

/// Names go in a comma-separated list: commas become spaces, and long names are cut.
pub fn clean_name(name: &str) -> String {
    name.replace(',', " ")
        .trim()
        .chars()
        .take(MAX_NAME)
        .collect()
}
