//! The screener's panel of the chosen subnet's validators (issue 33): each one's take in the
//! data and its realised 30-day yield where read this session (`returns::history::validators`),
//! beside the take the screener's rows assume, so a visitor sees what the chain paid.

use crate::calc::format::{self, Style};
use crate::calc::returns::history::validators::{cell, RealisedByValidator};
use crate::model::words::shorten_to;
use crate::snapshot::Subnet;

/// Validators the panel lists and reads: the take table's limit, largest stake first.
pub const MOST: usize = 8;

/// One validator's line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RealisedRow {
    pub name: String,
    pub hotkey: String,
    /// "9 %", or "not in the data".
    pub take: String,
    /// The realised yield's text and, for a figure, its full-precision value.
    pub realised: (String, Option<String>),
}

/// The lines of `subnet`'s largest validators.
pub fn rows(subnet: &Subnet, found: &RealisedByValidator, style: Style) -> Vec<RealisedRow> {
    subnet
        .largest_validators(MOST)
        .into_iter()
        .map(|v| RealisedRow {
            name: if v.name.trim().is_empty() {
                shorten_to(&v.hotkey, 12)
            } else {
                v.name.clone()
            },
            hotkey: v.hotkey.clone(),
            take: v.take.map_or("not in the data".to_string(), |t| {
                format::pct(t * rust_decimal::Decimal::ONE_HUNDRED, style)
            }),
            realised: cell(found.get(&(subnet.netuid, v.hotkey.clone())), style),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pool::Mechanism;
    use crate::model::staking::realised::Realised;
    use crate::snapshot::Validator;
    use rust_decimal::Decimal;

    fn validator(hotkey: &str, name: &str, stake: i64, take: Option<Decimal>) -> Validator {
        Validator {
            hotkey: hotkey.into(),
            name: name.into(),
            take,
            alpha_stake: Some(Decimal::from(stake)),
            ..Validator::default()
        }
    }

    #[test]
    fn largest_first_with_what_was_read_for_this_subnet_only() {
        let mut s = Subnet::with_pool(3, Mechanism::Dynamic, 1, 1);
        s.validators = vec![
            validator("5Small", "small", 1, None),
            validator("5Big", "", 9, Some(Decimal::new(9, 2))),
        ];
        let mut found = RealisedByValidator::new();
        let r = Realised {
            from_block: 1,
            to_block: 2,
            days: 30,
            growth: Decimal::ONE,
            apy_pct: Decimal::new(5, 0),
        };
        found.insert((3, "5Big".into()), Ok(r));
        // The same hotkey on another subnet is another figure.
        found.insert((4, "5Small".into()), Ok(r));
        let rows = rows(&s, &found, Style::default());
        assert_eq!(rows[0].hotkey, "5Big");
        assert_eq!(rows[0].name, "5Big");
        assert_eq!(
            rows[0].take,
            format::pct(Decimal::new(9, 0), Style::default())
        );
        assert_eq!(rows[0].realised.1.as_deref(), Some("5"));
        assert_eq!(rows[1].take, "not in the data");
        assert_eq!(rows[1].realised, ("not read".to_string(), None));
    }
}
