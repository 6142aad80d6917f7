//! The history parameters read from the URL, checked against each other, the data and today.

use crate::calc::field::Field;
use crate::calc::returns::history::date::{Day, DTAO_LAUNCH};
use crate::calc::returns::history::params::{
    ARCHIVE, FROM_BLOCK, FROM_DATE, HOTKEY, TO_DATE, WINDOW_DAYS,
};
use crate::model::words::shorten;
use crate::snapshot::basket::ss58_account;
use crate::snapshot::Snapshot;

/// Where a backtest starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum From {
    Date(Day),
    Block(u64),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryForm {
    /// SS58.
    pub hotkey: Field<String>,
    pub window_days: Field<Option<u32>>,
    pub from_date: Field<Option<Day>>,
    pub from_block: Field<Option<u64>>,
    pub to_date: Field<Option<Day>>,
    pub archive: Field<String>,
}

fn hotkey(
    get: &impl Fn(&str) -> Option<String>,
    snapshot: &Snapshot,
    netuid: u16,
) -> Field<String> {
    let given = get(HOTKEY.key).filter(|t| !t.trim().is_empty());
    let Some(text) = given else {
        let first = snapshot
            .subnet(netuid)
            .and_then(|s| s.largest_validators(1).into_iter().next());
        return match first {
            Some(v) => Field::new(v.hotkey.clone(), Ok(v.hotkey.clone())),
            None => Field::new(
                "",
                Err(format!(
                    "The data lists no validator of subnet {netuid}: give one as hotkey=<SS58 address>."
                )),
            ),
        };
    };
    let value = match ss58_account(text.trim()) {
        Some(_) => Ok(text.trim().to_string()),
        None => Err(format!(
            "“{}” is not a hotkey: an SS58 address of 48 characters starting with 5.",
            shorten(text.trim())
        )),
    };
    Field::new(text, value)
}

/// A date that is not before dTAO's launch nor after today (`now_ms`, ms since the epoch).
fn in_range(field: Field<Option<Day>>, now_ms: u64) -> Field<Option<Day>> {
    let today = Day::of_ms(now_ms);
    let check = match field.value {
        Ok(Some(day)) if day < DTAO_LAUNCH => Err(format!(
            "{day} is before dTAO began on {DTAO_LAUNCH}: no subnet had a pool to stake into."
        )),
        Ok(Some(day)) if day > today => {
            Err(format!("{day} is in the future: today is {today} (UTC)."))
        }
        other => other,
    };
    Field::new(field.text, check)
}

impl HistoryForm {
    /// The parameters of subnet `netuid`, checked against `snapshot` (the default validator)
    /// and `now_ms` (ms since the epoch: no date after today).
    pub fn read(
        get: impl Fn(&str) -> Option<String>,
        snapshot: &Snapshot,
        netuid: u16,
        now_ms: u64,
    ) -> Self {
        let from_date = in_range(FROM_DATE.read_optional(&get), now_ms);
        let mut from_block = FROM_BLOCK.read_optional(&get);
        if matches!(
            (&from_date.value, &from_block.value),
            (Ok(Some(_)), Ok(Some(_)))
        ) {
            from_block.value =
                Err("Give the backtest's start as from_date or from_block, not both.".to_string());
        }
        let mut to_date = in_range(TO_DATE.read_optional(&get), now_ms);
        match (&from_date.value, &from_block.value, &to_date.value) {
            (Ok(Some(from)), _, Ok(Some(to))) if to <= from => {
                to_date.value = Err(format!("The end, {to}, must be after the start, {from}."));
            }
            (Ok(None), Ok(None), Ok(Some(_))) => {
                to_date.value =
                    Err("to_date ends a backtest: give its start too (from_date).".to_string());
            }
            _ => {}
        }
        HistoryForm {
            hotkey: hotkey(&get, snapshot, netuid),
            window_days: WINDOW_DAYS.read_optional(&get),
            from_date,
            from_block,
            to_date,
            archive: ARCHIVE.read(&get),
        }
    }

    /// The backtest's start, `None` when none is asked, or the sentence of the field at fault.
    pub fn from(&self) -> Result<Option<From>, String> {
        let date = self.from_date.value.clone()?;
        let block = self.from_block.value.clone()?;
        Ok(date.map(From::Date).or(block.map(From::Block)))
    }

    /// Every field's sentence, in the order of the inputs.
    pub fn errors(&self) -> Vec<String> {
        [
            self.hotkey.error(),
            self.window_days.error(),
            self.from_date.error(),
            self.from_block.error(),
            self.to_date.error(),
            self.archive.error(),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}
