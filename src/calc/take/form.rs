//! The delegation-take calculator's inputs, read from the URL parameters of the table below
//! (after the pool's, before the chain figures): your stake, the validator rows as
//! comma-separated lists, and the switching choice.

use super::hotkey::{hotkey_errors, read_hotkey};
use super::prefill::{clean_name, rows_without_parameters};
use crate::calc::chain_figures::ChainFigures;
use crate::calc::field::Field;
use crate::calc::param::{Default, Described, Doc, Param};
use crate::calc::pool_source::{read_netuid, PoolSource, FIX_FIELDS};
use crate::calc::shared_params::{self, parse_apy, parse_vtrust, TAO_USD};
use crate::calc::typed::parse_whole;
use crate::model::staking::delegation::{Delegate, MAX_DELEGATES};
use crate::snapshot::Snapshot;
use rust_decimal::Decimal;

pub const AMOUNT: Param<u64> = shared_params::AMOUNT;
pub const DAYS: Param<u32> = Param {
    label: "Horizon",
    ..shared_params::DAYS
};

/// The rows' list parameters, comma-separated, one entry per validator.
pub const NAMES: Described = Described {
    key: "names",
    label: "Validator",
    default: "Validator 1, 2, …",
    unit: "",
    about: "The validators' names (commas become spaces; at most 40 characters).",
};
pub const TAKES: Param<Decimal> = Param {
    key: "takes",
    label: "Take",
    default: Default::Text("18"),
    about:
        "Each validator's take, 0 to 18 %; without rows: the data's validators, else 18, 9 and 0.",
    ..shared_params::TAKE
};
pub const VTRUSTS: Param<Decimal> = Param {
    key: "vtrusts",
    label: "vtrust",
    default: Default::Text("1"),
    unit: "",
    about: "Each validator's trust, 0 to 1.",
    parse: parse_vtrust,
};
pub const APYS: Param<Decimal> = Param {
    key: "apys",
    label: "Observed APY",
    default: Default::Blank,
    unit: "%",
    about: "A yield seen for each validator; empty: derived from the chain figures.",
    parse: parse_apy,
};
pub const CHILDKEYS: Param<Decimal> = Param {
    key: "childkeys",
    label: "Childkey take",
    default: Default::Text("0"),
    about:
        "Each validator's childkey take, 0 unless it works through another owner's child hotkey.",
    ..shared_params::TAKE
};
pub const TAKE_DAYS: Param<u32> = Param {
    key: "take_days",
    label: "Days since its take changed",
    default: Default::Text("30"),
    unit: "days",
    about: "30 or more: it may raise its take at once.",
    parse: |t| parse_whole(t, 0, 100_000).map(|d| d as u32),
};
pub const HOTKEYS: Described = Described {
    key: "hotkeys",
    label: "Hotkey",
    default: "empty",
    unit: "",
    about: "Each validator's hotkey (SS58 address), to read what it paid from an archive node; without rows: the data's validators.",
};
/// The list parameters, in the order a row's fields are written.
pub const LIST_KEYS: [&str; 7] = [
    NAMES.key,
    TAKES.key,
    VTRUSTS.key,
    APYS.key,
    CHILDKEYS.key,
    TAKE_DAYS.key,
    HOTKEYS.key,
];
/// A new row's texts, one per `LIST_KEYS` entry.
pub const NEW_ROW: [&str; 7] = [
    "",
    TAKES.default.text(),
    VTRUSTS.default.text(),
    APYS.default.text(),
    CHILDKEYS.default.text(),
    TAKE_DAYS.default.text(),
    "",
];
pub const FROM_ROW: Described = Described {
    key: "from_row",
    label: "You are with",
    default: "the worst row",
    unit: "",
    about: "The row (1, 2, …) you are with now, for the switching costs.",
};
pub const SWITCH_NETUID: Described = Described {
    key: "switch_netuid",
    label: "Or move to subnet",
    default: "empty",
    unit: "",
    about: "Another subnet to compare moving to.",
};

/// The take calculator's parameters (after the pool's, before the chain figures), for the docs.
pub fn docs() -> Vec<Doc> {
    vec![
        AMOUNT.doc(),
        DAYS.doc(),
        TAO_USD.doc(),
        NAMES.doc(),
        TAKES.doc(),
        VTRUSTS.doc(),
        APYS.doc(),
        CHILDKEYS.doc(),
        TAKE_DAYS.doc(),
        HOTKEYS.doc(),
        FROM_ROW.doc(),
        SWITCH_NETUID.doc(),
    ]
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub name: Field<String>,
    /// Fraction (the parameter is a percentage).
    pub take: Field<Decimal>,
    pub vtrust: Field<Decimal>,
    /// Fraction (the parameter is a percentage).
    pub apy: Field<Option<Decimal>>,
    /// Fraction (the parameter is a percentage): the child hotkey's take, 0 when none.
    pub childkey: Field<Decimal>,
    /// Days since the validator last changed its take.
    pub take_days: Field<u32>,
    /// SS58, for its realised yield; `None` when blank (the comparison does not need it).
    pub hotkey: Field<Option<String>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TakeForm {
    pub source: PoolSource,
    pub chain: ChainFigures,
    pub amount: Field<u64>,
    pub days: Field<u32>,
    pub tao_usd: Field<Option<Decimal>>,
    pub rows: Vec<Row>,
    /// A problem with the rows as a whole (too many), and every hotkey that does not read.
    pub rows_error: Option<String>,
    /// Whether the rows came from the validators in the data.
    pub prefilled: bool,
    /// Whether the rows are the 18 / 9 / 0 % examples: no rows in the URL, none in the data.
    pub examples: bool,
    /// The row you are with now (0-based), for the switching costs.
    pub from_row: Field<Option<usize>>,
    pub switch_to: Field<Option<u16>>,
    pub root: bool,
}

/// A comma-separated list parameter.
fn list(raw: Option<String>) -> Option<Vec<String>> {
    raw.map(|r| r.split(',').map(|s| s.trim().to_string()).collect())
}

impl TakeForm {
    pub fn read(get: impl Fn(&str) -> Option<String>, snapshot: &Snapshot) -> Self {
        let source = PoolSource::read(&get, snapshot);
        let subnet = source.subnet(snapshot);
        let root = source.is_stable();
        let lists: Vec<Option<Vec<String>>> = LIST_KEYS.iter().map(|k| list(get(k))).collect();
        let given = lists.iter().flatten().map(Vec::len).max();
        // Without row parameters: the data's validators (largest stake first), else 18/9/0 %.
        let (texts, prefilled) = match given {
            Some(_) => (lists, false),
            None => rows_without_parameters(subnet),
        };
        let count = texts.iter().flatten().map(Vec::len).max().unwrap_or(0);
        let too_many = (count > MAX_DELEGATES).then(|| {
            format!("At most {MAX_DELEGATES} validators side by side; the rest are left out.")
        });
        let entry = |list: usize, i: usize| -> Option<String> {
            texts[list].as_ref().and_then(|l| l.get(i)).cloned()
        };
        let rows = (0..count.min(MAX_DELEGATES))
            .map(|i| {
                let name = entry(0, i).filter(|n| !n.trim().is_empty());
                let default_name = format!("Validator {}", i + 1);
                Row {
                    name: Field::new(
                        name.clone().unwrap_or_default(),
                        Ok(name.map(|n| clean_name(&n)).unwrap_or(default_name)),
                    ),
                    take: TAKES.read_raw(entry(1, i).as_deref()),
                    vtrust: VTRUSTS.read_raw(entry(2, i).as_deref()),
                    apy: APYS.read_optional_raw(entry(3, i).as_deref()),
                    childkey: CHILDKEYS.read_raw(entry(4, i).as_deref()),
                    take_days: TAKE_DAYS.read_raw(entry(5, i).as_deref()),
                    hotkey: read_hotkey(entry(6, i).as_deref()),
                }
            })
            .collect::<Vec<_>>();
        let sentences: Vec<String> = too_many
            .into_iter()
            .chain(hotkey_errors(rows.iter().map(|r| &r.hotkey)))
            .collect();
        let rows_error = (!sentences.is_empty()).then(|| sentences.join(" "));
        let from_row = Field::optional(get(FROM_ROW.key).as_deref(), |t| {
            parse_whole(t, 1, rows.len().max(1) as u64).map(|r| r as usize - 1)
        });
        let switch_to = match get(SWITCH_NETUID.key) {
            Some(raw) if !raw.trim().is_empty() => {
                let value = read_netuid(Some(&raw), snapshot).value;
                Field::new(raw, value)
            }
            other => Field::new(other.unwrap_or_default(), Ok(None)),
        };
        TakeForm {
            chain: ChainFigures::read(&get, snapshot, subnet),
            amount: AMOUNT.read(&get),
            days: DAYS.read(&get),
            tao_usd: TAO_USD.read_optional(&get),
            rows,
            rows_error,
            prefilled,
            examples: given.is_none() && !prefilled,
            from_row,
            switch_to,
            root,
            source,
        }
    }

    /// The validators, once every row reads well.
    pub fn delegates(&self) -> Result<Vec<Delegate>, String> {
        self.rows
            .iter()
            .map(|r| {
                Ok(Delegate {
                    name: r.name.ok().ok_or(FIX_FIELDS)?,
                    take: r.take.ok().ok_or(FIX_FIELDS)?,
                    childkey_take: r.childkey.ok().ok_or(FIX_FIELDS)?,
                    days_since_take_change: r.take_days.ok().ok_or(FIX_FIELDS)?,
                    vtrust: r.vtrust.ok().ok_or(FIX_FIELDS)?,
                    observed_apy: r.apy.value.clone().map_err(|_| FIX_FIELDS)?,
                })
            })
            .collect::<Result<_, &str>>()
            .map_err(str::to_string)
    }

    /// Every row's texts, one list per `LIST_KEYS` entry, to change and write back.
    pub fn list_texts(&self) -> [Vec<String>; 7] {
        [
            self.rows.iter().map(|r| r.name.text.clone()).collect(),
            self.rows.iter().map(|r| r.take.text.clone()).collect(),
            self.rows.iter().map(|r| r.vtrust.text.clone()).collect(),
            self.rows.iter().map(|r| r.apy.text.clone()).collect(),
            self.rows.iter().map(|r| r.childkey.text.clone()).collect(),
            self.rows.iter().map(|r| r.take_days.text.clone()).collect(),
            self.rows.iter().map(|r| r.hotkey.text.clone()).collect(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::staking::delegation::max_take;
    use crate::snapshot::bundled::bundled;
    use std::collections::HashMap;

    fn read_with(query: &[(&str, &str)], snapshot: &Snapshot) -> TakeForm {
        let map: HashMap<String, String> = query
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        TakeForm::read(|k| map.get(k).cloned(), snapshot)
    }

    #[test]
    fn three_default_rows_without_validators_in_the_data() {
        let form = read_with(&[("netuid", "64")], &bundled());
        let takes: Vec<_> = form.rows.iter().map(|r| r.take.ok().unwrap()).collect();
        assert_eq!(takes, vec![max_take(), Decimal::new(9, 2), Decimal::ZERO]);
        // "18" is the chain's maximum, 11,796/65,535, just under 0.18.
        assert!(max_take() < Decimal::new(18, 2));
        assert_eq!(form.rows[0].name.ok().unwrap(), "Validator 1");
        assert!(!form.prefilled);
        assert_eq!(form.delegates().unwrap().len(), 3);
    }

    #[test]
    fn rows_from_the_url_with_their_own_messages() {
        let form = read_with(
            &[
                ("takes", "18,20,x"),
                ("names", "Alpha,Beta"),
                ("apys", ",12"),
            ],
            &bundled(),
        );
        assert_eq!(form.rows.len(), 3);
        assert_eq!(form.rows[1].take.error().unwrap(), "Too large: at most 18.");
        assert!(form.rows[2].take.error().unwrap().contains("not a number"));
        assert_eq!(form.rows[2].name.ok().unwrap(), "Validator 3");
        assert_eq!(form.rows[1].apy.ok().unwrap(), Some(Decimal::new(12, 2)));
        assert_eq!(form.delegates().unwrap_err(), FIX_FIELDS);
        let many = read_with(&[("takes", "1,2,3,4,5,6,7,8,9")], &bundled());
        assert_eq!(many.rows.len(), 8);
        assert!(many.rows_error.is_some());
    }
}
