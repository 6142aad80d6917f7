//! The screener's order: a column and a direction, in the URL as `sort=net` (ascending) or
//! `sort=-net` (descending), the JSON:API convention. A header's first click sorts its column
//! best first; the next one reverses it.

use crate::calc::field::Field;
use crate::calc::param::Described;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Netuid,
    Depth,
    TaoShare,
    Entry,
    Exit,
    Apy,
    Net,
    Breakeven,
    MaxStake,
    MaxExit,
    CostYield,
}

impl Column {
    /// The table's columns in order: the decisive ones (net, break-even) next to the sticky
    /// subnet column, so a phone and a 600 px embed show them without scrolling.
    pub const ALL: [Column; 11] = [
        Column::Netuid,
        Column::Net,
        Column::Breakeven,
        Column::Entry,
        Column::Exit,
        Column::Apy,
        Column::Depth,
        Column::TaoShare,
        Column::MaxStake,
        Column::MaxExit,
        Column::CostYield,
    ];

    pub fn param(self) -> &'static str {
        match self {
            Column::Netuid => "netuid",
            Column::Depth => "depth",
            Column::TaoShare => "tao_share",
            Column::Entry => "entry",
            Column::Exit => "exit",
            Column::Apy => "apy",
            Column::Net => "net",
            Column::Breakeven => "breakeven",
            Column::MaxStake => "max_stake",
            Column::MaxExit => "max_exit",
            Column::CostYield => "cost_yield",
        }
    }

    /// Whether the column's best values are its largest (the first click sorts descending).
    pub fn larger_is_better(self) -> bool {
        matches!(
            self,
            Column::Depth
                | Column::TaoShare
                | Column::Apy
                | Column::Net
                | Column::MaxStake
                | Column::MaxExit
                | Column::CostYield
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SortKey {
    pub column: Column,
    pub descending: bool,
}

impl SortKey {
    pub const DEFAULT: SortKey = SortKey {
        column: Column::Net,
        descending: true,
    };

    pub fn param(self) -> String {
        let sign = if self.descending { "-" } else { "" };
        format!("{sign}{}", self.column.param())
    }

    /// The order a click on `column`'s header asks for.
    pub fn clicked(self, column: Column) -> SortKey {
        if self.column == column {
            SortKey {
                column,
                descending: !self.descending,
            }
        } else {
            SortKey {
                column,
                descending: column.larger_is_better(),
            }
        }
    }
}

pub const SORT: Described = Described {
    key: "sort",
    label: "Sort by",
    default: "-net",
    unit: "a column, - for descending",
    about: "On the screener, the table's order: netuid, depth, entry, exit, apy, net, breakeven, max_stake, max_exit or cost_yield; -net is the largest net result first. (Elsewhere it orders the subnet list.)",
};

/// The order the link asks for; an unknown one keeps the default and says so.
pub fn read_sort(raw: Option<&str>) -> Field<SortKey> {
    let Some(raw) = raw else {
        return Field::new(SORT.default, Ok(SortKey::DEFAULT));
    };
    let text = raw.trim();
    let (descending, name) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let value = Column::ALL
        .into_iter()
        .find(|c| c.param() == name)
        .map(|column| SortKey { column, descending })
        .ok_or_else(|| {
            let names: Vec<&str> = Column::ALL.iter().map(|c| c.param()).collect();
            format!(
                "Unknown sort “{}”: use {}, with - in front for descending.",
                crate::model::words::shorten(text),
                names.join(", ")
            )
        });
    Field::new(raw, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_reads_and_round_trips() {
        assert_eq!(read_sort(None).value, Ok(SortKey::DEFAULT));
        for column in Column::ALL {
            for descending in [false, true] {
                let key = SortKey { column, descending };
                assert_eq!(read_sort(Some(&key.param())).value, Ok(key));
            }
        }
        assert!(read_sort(Some("price"))
            .error()
            .unwrap()
            .starts_with("Unknown sort “price”"));
        // A new column sorts best first; the same column again reverses.
        let entry = SortKey::DEFAULT.clicked(Column::Entry);
        assert!(!entry.descending);
        assert!(entry.clicked(Column::Entry).descending);
    }
}
