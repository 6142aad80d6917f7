//! btcli's `stake list --json-output` (one coldkey's stakes), as opentensor/btcli writes it at
//! commit 1e9bc8b6 (release 9.21.2), `bittensor_cli/src/commands/stake/list.py`:
//!
//! ```text
//! { "stake_info": { "<hotkey SS58>": [ { "netuid": 64, "subnet_name": "…", "value": 12.3,
//!       "stake_value": 456.7, "rate": 0.027, "registered": true,
//!       "emission": { "alpha": 0.1, "tao": 0.0 }, "claimable": 0.0 } ] },
//!   "coldkey_address": "5…", "network": "finney", "free_balance": 1.5,
//!   "total_tao_value": 13.8, "total_swapped_tao_value": 12.3 }
//! ```
//!
//! - The dict is built at lines 606-613 and filled at 619 and 649-651; it is printed with
//!   `json.dumps` at 653. Each hotkey's list comes from `create_table` (lines 261-275).
//! - Units: every amount is `Balance.tao`, a Python float of TAO or alpha (`rao / 10^9`,
//!   `bittensor_cli/src/bittensor/balances.py` line 58). `stake_value` is the stake in alpha
//!   (`substake_.stake.tao`, line 266; TAO on root), `value` its spot value in TAO
//!   (`pool.alpha_to_tao`, lines 190-195 and 265), `free_balance` TAO (line 649).
//! - No hotkey names (the identity is only in the table's title, line 165), no locked part
//!   (`StakeInfo.locked` is read, `chain_data.py` line 248, but not written), no block.
//! - A stake of 0.00009 alpha or less (90,000 rao) is left out (line 211), and a coldkey
//!   without stake writes nothing at all (lines 504-506).
//!
//! A float carries about 15.9 digits. Below 2^23 = 8,388,608 tokens floats are closer than a
//! rao, so every rao is its own float and Python's shortest `repr` of `rao / 10^9` is the exact
//! decimal: the amount reads exactly. Above, floats are 1.9 rao apart (3.7 from 2^24 up to the
//! 21 million supply), and the float's shortest form is read to the nearest rao: within 2 rao
//! of the chain's (4 above 2^24). Float noise past 9 decimals is rounded, not refused.

use super::{address, Holder, Positions, Stake, MAX_STAKES};
use crate::model::num::units::decimal_to_rao;
use crate::model::words::{group_thousands, shorten};
use crate::snapshot::fields::{decimal_value, kind, opt_text, optional, required, text, Place};
use crate::snapshot::rows::{netuid, row_object};
use crate::snapshot::SnapshotError;
use rust_decimal::RoundingStrategy;
use serde_json::Value;
use std::collections::BTreeSet;

pub const LABEL: &str = "btcli stake list --json-output";

/// Whether `value` is btcli's stake list: its `stake_info` object and `coldkey_address`.
pub fn detect(value: &Value) -> bool {
    value.get("stake_info").is_some_and(Value::is_object) && value.get("coldkey_address").is_some()
}

/// A float amount in TAO or alpha, to the nearest rao.
fn float_amount(v: &Value, key: &str, at: Place) -> Result<u64, SnapshotError> {
    let d = decimal_value(v, key, at)?;
    if d.is_sign_negative() && !d.is_zero() {
        return Err(at.error(key, "must not be negative."));
    }
    decimal_to_rao(d.round_dp_with_strategy(9, RoundingStrategy::MidpointNearestEven))
        .ok_or_else(|| at.error(key, "is too large."))
}

pub fn from_value(value: &Value) -> Result<Positions, SnapshotError> {
    let top = Place::TOP;
    let obj = super::object(value)?;
    let coldkey = text(obj, "coldkey_address", top)?;
    address::parse(&coldkey).map_err(|why| top.error("coldkey_address", why))?;
    let Value::Object(by_hotkey) = required(obj, "stake_info", top)? else {
        return Err(top.error("stake_info", "expected an object keyed by hotkey."));
    };
    let count: usize = by_hotkey
        .values()
        .map(|rows| rows.as_array().map_or(0, Vec::len))
        .sum();
    if count > MAX_STAKES {
        return Err(top.error(
            "stake_info",
            format!(
                "{} stakes: at most {} are read at once.",
                group_thousands(&count.to_string()),
                group_thousands(&MAX_STAKES.to_string())
            ),
        ));
    }
    let mut stakes = Vec::with_capacity(count);
    for (hotkey, rows) in by_hotkey {
        let prefix = format!("stake_info.{}", shorten(hotkey));
        let at = top.within(&prefix);
        address::parse(hotkey).map_err(|why| at.error("", why))?;
        let Value::Array(rows) = rows else {
            return Err(at.error("", format!("expected a list, found {}.", kind(rows))));
        };
        let mut netuids = BTreeSet::new();
        for (i, row) in rows.iter().enumerate() {
            let prefix = format!("{prefix}[{}].", i + 1);
            let at = top.within(&prefix);
            let row = row_object(row, at)?;
            let netuid = netuid(row, at)?;
            if !netuids.insert(netuid) {
                return Err(at.error(
                    "netuid",
                    "appears twice for this hotkey: btcli lists one stake per subnet.",
                ));
            }
            stakes.push(Stake {
                netuid,
                hotkey: hotkey.trim().to_string(),
                hotkey_name: None,
                alpha_rao: float_amount(required(row, "stake_value", at)?, "stake_value", at)?,
                locked_rao: None,
            });
        }
    }
    Ok(Positions {
        network: opt_text(obj, "network", top)?.unwrap_or_default(),
        block: None,
        taken_at: None,
        source: LABEL.to_string(),
        holders: vec![Holder {
            coldkey: coldkey.trim().to_string(),
            free_rao: optional(obj, "free_balance", top, float_amount)?,
            stakes,
            baskets: Vec::new(),
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

    #[test]
    fn floats_read_to_the_nearest_rao() {
        // What `json.dumps` writes for 1,234,567.123456789 alpha (exact below 2^23 tokens) and
        // for 12,345,678.123456789 (above, the float nearest, `rao / pow(10, 9)`, whose shortest
        // form has 8 decimals).
        let doc = json!({"coldkey_address": ALICE, "free_balance": 0.30000000000000004,
            "stake_info": {BOB: [{"netuid": 3, "stake_value": 1234567.123456789, "value": 1.0},
                {"netuid": 4, "stake_value": 12345678.12345679}]}});
        let p = from_value(&doc).unwrap();
        assert_eq!(p.holders[0].free_rao, Some(300_000_000));
        assert_eq!(p.holders[0].stakes[0].alpha_rao, 1_234_567_123_456_789);
        assert_eq!(p.holders[0].stakes[1].alpha_rao, 12_345_678_123_456_790);
        assert_eq!(p.holders[0].stakes[0].locked_rao, None);
    }

    #[test]
    fn a_bad_hotkey_or_amount_is_named() {
        let doc = json!({"coldkey_address": ALICE, "stake_info": {"5Grwva": []}});
        let e = from_value(&doc).unwrap_err().to_string();
        assert!(e.contains("stake_info.5Grwva"), "{e}");
        let doc = json!({"coldkey_address": ALICE,
            "stake_info": {BOB: [{"netuid": 3, "stake_value": -1.5}]}});
        let e = from_value(&doc).unwrap_err().to_string();
        assert!(
            e.contains("[1].stake_value") && e.contains("negative"),
            "{e}"
        );
    }
}
