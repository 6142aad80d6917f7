//! The take table's "Realised, 30 days" column (issue 33): each row's hotkey (the `hotkeys`
//! list) and its cell from the yields read from an archive node this session. The model above
//! does not need a hotkey, so a blank or bad one never stops the comparison.

use super::form::TakeForm;
use crate::calc::format::Style;
use crate::calc::returns::history::validators::{cell, RealisedByValidator};

/// What the column looks up: the subnet, each row's hotkey (by row index, as the form has
/// it) and the yields read this session.
pub struct RealisedLookup<'a> {
    pub netuid: Option<u16>,
    pub hotkeys: Vec<Result<Option<String>, String>>,
    pub found: &'a RealisedByValidator,
}

impl<'a> RealisedLookup<'a> {
    pub fn new(form: &TakeForm, found: &'a RealisedByValidator) -> Self {
        RealisedLookup {
            netuid: form.source.netuid.ok().flatten(),
            hotkeys: form.rows.iter().map(|r| r.hotkey.value.clone()).collect(),
            found,
        }
    }

    /// Row `index`'s cell: its text and, for a figure, the APY in percent.
    pub fn cell(&self, index: usize, style: Style) -> (String, Option<String>) {
        match (self.hotkeys.get(index), self.netuid) {
            (Some(Err(_)), _) => ("not a hotkey".to_string(), None),
            (None | Some(Ok(None)), _) => ("no hotkey".to_string(), None),
            // A pool typed by hand is no subnet the chain could answer for.
            (Some(Ok(Some(_))), None) => ("no subnet".to_string(), None),
            (Some(Ok(Some(hotkey))), Some(netuid)) => {
                cell(self.found.get(&(netuid, hotkey.clone())), style)
            }
        }
    }
}

/// The hotkeys to read, each once, in row order.
pub fn hotkeys_to_read(form: &TakeForm) -> Vec<String> {
    let mut list: Vec<String> = Vec::new();
    for hotkey in form.rows.iter().filter_map(|r| r.hotkey.ok().flatten()) {
        if !list.contains(&hotkey) {
            list.push(hotkey);
        }
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::staking::realised::Realised;
    use crate::snapshot::bundled::bundled;
    use rust_decimal::Decimal;

    const KEY: &str = "5E7B1NX8onz25xVEexjJQTgB5YwTKpcLdtw9eRJDuT8EvNHU";

    fn form(query: &[(&str, &str)]) -> TakeForm {
        TakeForm::read(crate::calc::query::getter(query), &bundled())
    }

    #[test]
    fn hotkeys_blank_good_or_named_in_the_rows_error() {
        let hotkeys = format!("{KEY},, 5Ebad,{KEY}");
        let f = form(&[
            ("netuid", "64"),
            ("takes", "18,9,0,1"),
            ("hotkeys", &hotkeys),
        ]);
        assert_eq!(f.rows[0].hotkey.ok(), Some(Some(KEY.to_string())));
        assert_eq!(f.rows[1].hotkey.ok(), Some(None));
        let why =
            "Row 3: “5Ebad” is not a hotkey: an SS58 address of 48 characters starting with 5.";
        assert_eq!(f.rows_error.as_deref(), Some(why));
        // The comparison does not need hotkeys.
        assert!(f.delegates().is_ok());
        assert_eq!(hotkeys_to_read(&f), [KEY]);
        assert_eq!(f.list_texts()[6], [KEY, "", "5Ebad", KEY]);
    }

    #[test]
    fn a_cell_per_row_from_the_lookups() {
        let f = form(&[
            ("netuid", "64"),
            ("takes", "18,9,0"),
            ("hotkeys", &format!("{KEY},,x")),
        ]);
        let mut found = RealisedByValidator::new();
        let style = Style::default();
        let look = RealisedLookup::new(&f, &found);
        assert_eq!(look.cell(0, style), ("not read".to_string(), None));
        assert_eq!(look.cell(1, style).0, "no hotkey");
        assert_eq!(look.cell(2, style).0, "not a hotkey");
        assert_eq!(look.cell(3, style).0, "no hotkey");
        let r = Realised {
            from_block: 1,
            to_block: 2,
            days: 30,
            growth: Decimal::new(101, 2),
            apy_pct: Decimal::new(12_8723, 4),
        };
        found.insert((64, KEY.to_string()), Ok(r));
        let look = RealisedLookup::new(&f, &found);
        assert_eq!(look.cell(0, style).1.as_deref(), Some("12.8723"));
        // The same hotkey on another subnet is another figure.
        let other = form(&[("netuid", "1"), ("hotkeys", KEY)]);
        assert_eq!(
            RealisedLookup::new(&other, &found).cell(0, style).0,
            "not read"
        );
    }
}
