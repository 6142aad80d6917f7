//! Editing the take table's rows. The rows live in seven comma-separated list parameters (the
//! form's `LIST_KEYS`); every edit changes all seven together so a row's fields stay in line.
//! Pure, so it is tested natively.

use super::form::{LIST_KEYS, NEW_ROW};
use super::prefill::clean_name;

/// The rows' texts, one list per `LIST_KEYS` entry.
pub type Lists = [Vec<String>; 7];

/// The hotkeys' index in `LIST_KEYS`.
const HOTKEY: usize = 6;

/// One change a person makes to the rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowChange {
    /// Row `row`'s field `list` (an index of `LIST_KEYS`) becomes `text`.
    Type {
        row: usize,
        list: usize,
        text: String,
    },
    Up(usize),
    Down(usize),
    Remove(usize),
    Add,
}

/// Apply `change` to `lists`. Out-of-range rows change nothing.
pub fn apply(lists: &mut Lists, change: &RowChange) {
    match change {
        RowChange::Type { row, list, text } => {
            if let Some(slot) = lists.get_mut(*list).and_then(|l| l.get_mut(*row)) {
                // Names and hotkeys go in a comma-separated list: a comma typed would split
                // the row in two. No hotkey has one, so its sentence still names the mistake.
                *slot = match *list {
                    0 => clean_name(text),
                    HOTKEY => text.replace(',', " "),
                    _ => text.clone(),
                };
            }
        }
        RowChange::Up(i) => {
            for list in lists.iter_mut().filter(|l| *i > 0 && *i < l.len()) {
                list.swap(i - 1, *i);
            }
        }
        RowChange::Down(i) => {
            for list in lists.iter_mut().filter(|l| i + 1 < l.len()) {
                list.swap(*i, i + 1);
            }
        }
        RowChange::Remove(i) => {
            for list in lists.iter_mut().filter(|l| *i < l.len()) {
                list.remove(*i);
            }
        }
        RowChange::Add => {
            for (list, text) in lists.iter_mut().zip(NEW_ROW) {
                list.push(text.to_string());
            }
        }
    }
}

/// The parameter changes that write `lists` back.
pub fn to_params(lists: Lists) -> Vec<(&'static str, Option<String>)> {
    LIST_KEYS
        .iter()
        .zip(lists)
        .map(|(k, l)| (*k, Some(l.join(","))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists(takes: &[&str]) -> Lists {
        let n = takes.len();
        let names = (1..=n).map(|i| format!("V{i}")).collect();
        let col = |t: &str| vec![t.to_string(); n];
        [
            names,
            takes.iter().map(|t| t.to_string()).collect(),
            col("1"),
            col(""),
            col("0"),
            col("30"),
            col(""),
        ]
    }

    #[test]
    fn rows_move_as_a_whole() {
        let mut l = lists(&["18", "9", "0"]);
        apply(&mut l, &RowChange::Down(0));
        assert_eq!(l[0], ["V2", "V1", "V3"]);
        assert_eq!(l[1], ["9", "18", "0"]);
        apply(&mut l, &RowChange::Up(2));
        assert_eq!(l[1], ["9", "0", "18"]);
        apply(&mut l, &RowChange::Up(0));
        apply(&mut l, &RowChange::Down(2));
        assert_eq!(l[1], ["9", "0", "18"]);
        apply(&mut l, &RowChange::Remove(1));
        assert_eq!(l[0], ["V2", "V1"]);
        assert!(l.iter().all(|list| list.len() == 2));
        apply(&mut l, &RowChange::Remove(5));
        assert!(l.iter().all(|list| list.len() == 2));
    }

    #[test]
    fn a_new_row_takes_the_tables_defaults_and_names_are_cleaned() {
        let mut l = lists(&["18"]);
        apply(&mut l, &RowChange::Add);
        let new: Vec<&str> = l.iter().map(|list| list[1].as_str()).collect();
        assert_eq!(new, ["", "18", "1", "", "0", "30", ""]);
        apply(
            &mut l,
            &RowChange::Type {
                row: 1,
                list: 0,
                text: "Tao, Inc".into(),
            },
        );
        assert_eq!(l[0][1], "Tao  Inc");
        let params = to_params(l);
        assert_eq!(params[0], ("names", Some("V1,Tao  Inc".to_string())));
        assert_eq!(params[5], ("take_days", Some("30,30".to_string())));
        assert_eq!(params[6], ("hotkeys", Some(",".to_string())));
    }

    #[test]
    fn hotkeys_move_with_their_rows_and_a_typed_comma_splits_nothing() {
        let mut l = lists(&["18", "9", "0"]);
        for (row, key) in ["5A", "", "5C"].iter().enumerate() {
            let text = key.to_string();
            apply(&mut l, &RowChange::Type { row, list: 6, text });
        }
        apply(&mut l, &RowChange::Down(0));
        assert_eq!(l[6], ["", "5A", "5C"]);
        assert_eq!(l[1], ["9", "18", "0"]);
        apply(&mut l, &RowChange::Remove(2));
        apply(&mut l, &RowChange::Add);
        assert_eq!(l[6], ["", "5A", ""]);
        assert!(l.iter().all(|list| list.len() == 3));
        let text = "5A,5B".to_string();
        apply(
            &mut l,
            &RowChange::Type {
                row: 0,
                list: 6,
                text,
            },
        );
        assert_eq!(l[6][0], "5A 5B");
        let params = to_params(l);
        assert_eq!(params[6], ("hotkeys", Some("5A 5B,5A,".to_string())));
    }
}
