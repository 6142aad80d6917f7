//! Realised yields of a subnet's validators side by side (issue 33): the take table's column
//! and the screener's panel. One window per validator, 30 days (what dashboards usually show),
//! read from the archive node and kept for the session by subnet and hotkey, so a read on one
//! page shows on the others.

use super::figures::realised_over;
use crate::calc::format::{self, Style};
use crate::model::staking::realised::Realised;
use crate::snapshot::history::History;
use crate::snapshot::Subnet;
use std::collections::BTreeMap;

/// The window of the side-by-side figures, days.
pub const SIDE_BY_SIDE_DAYS: u32 = 30;

/// Realised yields read this session: `(netuid, hotkey)` -> the 30-day figure or why none.
pub type RealisedByValidator = BTreeMap<(u16, String), Result<Realised, String>>;

/// The picker's choices for subnet `subnet`: every validator the data lists, largest first,
/// as `(hotkey, "name · 5Abc…xyz · 1,234 α")`.
pub fn choices(subnet: &Subnet, style: Style) -> Vec<(String, String)> {
    subnet
        .largest_validators(usize::MAX)
        .into_iter()
        .map(|v| {
            let short = match v
                .hotkey
                .get(..5)
                .zip(v.hotkey.get(v.hotkey.len().saturating_sub(3)..))
            {
                Some((head, tail)) if v.hotkey.len() > 8 => format!("{head}…{tail}"),
                _ => v.hotkey.clone(),
            };
            let mut label = if v.name.trim().is_empty() {
                short
            } else {
                format!("{} · {short}", v.name.trim())
            };
            if let Some(stake) = v.alpha_stake {
                label.push_str(&format!(
                    " · {} α",
                    format::tokens(stake.round_dp(0), style)
                ));
            }
            (v.hotkey.clone(), label)
        })
        .collect()
}

/// Keep `history`'s 30-day realised yield (or why it has none) for its subnet and hotkey.
pub fn record(found: &mut RealisedByValidator, history: &History) {
    found.insert(
        (history.netuid, history.hotkey.clone()),
        realised_over(history, SIDE_BY_SIDE_DAYS),
    );
}

/// A cell's text and, for a figure, its full-precision value: the APY in percent, the reason
/// there is none, or "not read" when nobody asked yet.
pub fn cell(found: Option<&Result<Realised, String>>, style: Style) -> (String, Option<String>) {
    match found {
        None => ("not read".to_string(), None),
        Some(Ok(r)) => (
            format::pct(r.apy_pct, style),
            Some(format::plain(r.apy_pct)),
        ),
        Some(Err(why)) => (why.clone(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pool::Mechanism;
    use crate::snapshot::Validator;
    use rust_decimal::Decimal;

    fn validator(hotkey: &str, stake: i64) -> Validator {
        Validator {
            hotkey: hotkey.into(),
            name: hotkey.into(),
            alpha_stake: Some(Decimal::from(stake)),
            ..Validator::default()
        }
    }

    #[test]
    fn largest_stake_first_and_cut() {
        let mut s = Subnet::with_pool(7, Mechanism::Dynamic, 1, 1);
        s.validators = vec![validator("a", 5), validator("b", 50), validator("c", 20)];
        let names: Vec<_> = s
            .largest_validators(2)
            .iter()
            .map(|v| v.hotkey.as_str())
            .collect();
        assert_eq!(names, ["b", "c"]);
    }

    #[test]
    fn choices_name_the_validator_its_short_hotkey_and_stake() {
        let mut s = Subnet::with_pool(7, Mechanism::Dynamic, 1, 1);
        let mut named = validator("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", 1200);
        named.name = "Alpha Val".into();
        s.validators = vec![validator("5Short", 3), named];
        let c = choices(&s, Style::READABLE);
        assert_eq!(c[0].0, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
        assert_eq!(
            c[0].1,
            format!(
                "Alpha Val · 5Grwv…tQY · {} α",
                format::tokens(Decimal::from(1200), Style::READABLE)
            )
        );
        assert_eq!(c[1].1, "5Short · 5Short · 3 α");
    }

    #[test]
    fn a_cell_says_not_read_a_reason_or_the_figure() {
        let style = Style::default();
        assert_eq!(cell(None, style), ("not read".to_string(), None));
        let why = Err("The hotkey was not registered then.".to_string());
        assert_eq!(
            cell(Some(&why), style).0,
            "The hotkey was not registered then."
        );
        let r = Realised {
            from_block: 1,
            to_block: 2,
            days: 30,
            growth: Decimal::new(101, 2),
            apy_pct: Decimal::new(12_8723, 4),
        };
        assert_eq!(cell(Some(&Ok(r)), style).1.as_deref(), Some("12.8723"));
    }
}
