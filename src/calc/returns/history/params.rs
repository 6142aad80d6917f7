//! The returns calculator's history parameters (issue 33): the validator, the realised-yield
//! window, the backtest's dates or block, and the archive node. Declared once here; the
//! returns form lists them in its docs (`form::docs`), and `history::form` reads them.

use crate::calc::param::{Default, Described, Doc, Param};
use crate::calc::returns::history::date::{parse_day, Day};
use crate::calc::typed::{parse_whole, InputError};
use crate::snapshot::chain::read::endpoint;

/// The public finney archive node, which keeps every block.
pub const ARCHIVE_DEFAULT: &str = "wss://archive.chain.opentensor.ai:443";
/// The longest realised-yield window, days.
pub const MAX_WINDOW_DAYS: u32 = 365;

pub const HOTKEY: Described = Described {
    key: "hotkey",
    label: "Validator (hotkey)",
    default: "the subnet's largest permitted validator in the data",
    unit: "SS58",
    about: "The validator whose realised yield and backtest are shown.",
};
pub const WINDOW_DAYS: Param<u32> = Param {
    key: "window_days",
    label: "Realised-yield window (optional)",
    default: Default::Blank,
    unit: "days",
    about: "1 to 365 days: the realised yield over this many days to the latest block, beside the 1, 7 and 30-day ones.",
    parse: |t| parse_whole(t, 1, u64::from(MAX_WINDOW_DAYS)).map(|d| d as u32),
};
pub const FROM_DATE: Param<Day> = Param {
    key: "from_date",
    label: "Backtest from date (optional)",
    default: Default::Blank,
    unit: "YYYY-MM-DD",
    about: "Stake the amount on this day (the first block at or after 00:00 UTC) and hold it; not before 2025-02-13 (dTAO) nor in the future.",
    parse: parse_day,
};
pub const FROM_BLOCK: Param<u64> = Param {
    key: "from_block",
    label: "Backtest from block (optional)",
    default: Default::Blank,
    unit: "block",
    about: "Stake the amount at this block instead of a date; not with from_date.",
    parse: |t| parse_whole(t, 1, u64::from(u32::MAX)),
};
pub const TO_DATE: Param<Day> = Param {
    key: "to_date",
    label: "Backtest until date (optional)",
    default: Default::Blank,
    unit: "YYYY-MM-DD",
    about: "Sell on this day instead of today; after from_date.",
    parse: parse_day,
};
pub const ARCHIVE: Param<String> = Param {
    key: "archive",
    label: "Archive node",
    default: Default::Text(ARCHIVE_DEFAULT),
    unit: "ws:// or wss:// URL",
    about: "The node the chain's past is read from (it must keep old blocks); today's state still comes from rpc.",
    parse: |t| endpoint(t).map_err(|e| InputError::Invalid(e.to_string())),
};

/// The history parameters' rows of the returns calculator's table.
pub fn docs() -> Vec<Doc> {
    vec![
        HOTKEY.doc(),
        WINDOW_DAYS.doc(),
        FROM_DATE.doc(),
        FROM_BLOCK.doc(),
        TO_DATE.doc(),
        ARCHIVE.doc(),
    ]
}
