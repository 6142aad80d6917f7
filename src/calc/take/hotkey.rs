//! A take-table row's validator hotkey (the `hotkeys` list, issue 33): read and checked here,
//! apart from the column that uses it (`realised.rs`), so the form can read it without
//! importing the column.

use crate::calc::field::Field;
use crate::model::words::shorten;
use crate::snapshot::basket::ss58_account;

/// A row's hotkey: blank is none, else an SS58 address.
pub fn read_hotkey(raw: Option<&str>) -> Field<Option<String>> {
    let text = raw.unwrap_or_default().trim();
    let value = if text.is_empty() {
        Ok(None)
    } else if ss58_account(text).is_some() {
        Ok(Some(text.to_string()))
    } else {
        Err(format!(
            "“{}” is not a hotkey: an SS58 address of 48 characters starting with 5.",
            shorten(text)
        ))
    };
    Field::new(raw.unwrap_or_default(), value)
}

/// A sentence for each hotkey that does not read, naming its row: the field's own message
/// sits under "More inputs", which a compact page keeps closed.
pub fn hotkey_errors<'a>(hotkeys: impl Iterator<Item = &'a Field<Option<String>>>) -> Vec<String> {
    hotkeys
        .enumerate()
        .filter_map(|(i, h)| Some(format!("Row {}: {}", i + 1, h.error()?)))
        .collect()
}
