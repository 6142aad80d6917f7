//! This app's own positions format, `dtao-positions/1` (docs/data-formats.md):
//!
//! ```text
//! { "schema": "dtao-positions/1", "network": "finney", "block": 123, "taken_at": "2026-12-07T10:00:00Z",
//!   "source": "…", "coldkeys": [ { "coldkey": "5…", "free_tao": "1.5",
//!     "stakes": [ { "netuid": 64, "hotkey": "5…", "hotkey_name": "…", "alpha": "123.456789", "locked_alpha": "0.5" } ],
//!     "root_baskets": [ { "hotkey": "5…", "shares": "123456", "value_tao": "…", "spot_value_tao": "…" } ] } ] }
//! ```
//!
//! `block`, `taken_at`, `source`, `free_tao`, `hotkey_name`, `locked_alpha` and `root_baskets`
//! may be left out. Amounts are TAO or alpha as decimal strings (numbers are read too), exact
//! to the rao (9 decimals), as in `dtao-snapshot`; a root (netuid 0) stake's `alpha` is TAO;
//! `shares` is the basket's raw share units, a whole number (text, as it may pass 2^53).
//! Addresses are SS58 with Bittensor's prefix and checksum (`address::parse`). At most 16
//! coldkeys and 2,000 stakes in all; the locked part no more than the stake; a (hotkey,
//! subnet) pair once per coldkey, a basket's hotkey once. Every refusal names its place
//! (`coldkeys[2].stakes[3].locked_alpha`). Unknown fields are ignored.

use super::{address, BasketPosition, Holder, Positions, Stake, MAX_STAKES};
use crate::model::num::units::format_rao;
use crate::model::words::group_thousands;
use crate::snapshot::fields::{
    amount, kind, opt_amount, opt_text, opt_whole, required, text, whole, Place,
};
use crate::snapshot::rows::{netuid, row_object};
use crate::snapshot::SnapshotError;
use serde_json::{Map, Value};
use std::collections::BTreeSet;

pub const SCHEMA: &str = "dtao-positions/1";

/// Whether `value` says it is `dtao-positions/1`.
pub fn detect(value: &Value) -> bool {
    value.get("schema").and_then(Value::as_str) == Some(SCHEMA)
}

pub fn parse(text: &str) -> Result<Positions, SnapshotError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| SnapshotError::NotJson(e.to_string()))?;
    from_value(&value)
}

pub fn from_value(value: &Value) -> Result<Positions, SnapshotError> {
    let top = Place::TOP;
    let obj = super::object(value)?;
    if !detect(value) {
        return Err(SnapshotError::UnknownFormat(format!(
            "“schema” should be the text {SCHEMA}"
        )));
    }
    let list = list(obj, "coldkeys", top)?;
    if list.is_empty() {
        return Err(top.error("coldkeys", "is empty: list at least one coldkey."));
    }
    if list.len() > address::MAX_ADDRESSES {
        return Err(top.error(
            "coldkeys",
            format!(
                "{} coldkeys: at most {} are read at once.",
                list.len(),
                address::MAX_ADDRESSES
            ),
        ));
    }
    let mut seen = BTreeSet::new();
    let mut stakes_read = 0;
    let mut holders = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let prefix = format!("coldkeys[{}].", i + 1);
        let at = top.within(&prefix);
        let holder = holder(item, at, &mut stakes_read)?;
        if !seen.insert(holder.coldkey.clone()) {
            return Err(at.error("coldkey", "appears more than once in this file."));
        }
        holders.push(holder);
    }
    Ok(Positions {
        network: text(obj, "network", top)?,
        block: opt_whole(obj, "block", top)?,
        taken_at: opt_text(obj, "taken_at", top)?,
        source: opt_text(obj, "source", top)?.unwrap_or_default(),
        holders,
    })
}

/// The list under `key` (required).
fn list<'v>(
    obj: &'v Map<String, Value>,
    key: &str,
    at: Place,
) -> Result<&'v [Value], SnapshotError> {
    match required(obj, key, at)? {
        Value::Array(items) => Ok(items),
        other => Err(at.error(key, format!("expected a list, found {}.", kind(other)))),
    }
}

/// An SS58 address under `key`, checked.
fn ss58(obj: &Map<String, Value>, key: &str, at: Place) -> Result<String, SnapshotError> {
    let typed = text(obj, key, at)?;
    address::parse(&typed).map_err(|why| at.error(key, why))?;
    Ok(typed.trim().to_string())
}

fn holder(item: &Value, at: Place, stakes_read: &mut usize) -> Result<Holder, SnapshotError> {
    let obj = row_object(item, at)?;
    let coldkey = ss58(obj, "coldkey", at)?;
    let free_rao = opt_amount(obj, "free_tao", at)?;
    let items = list(obj, "stakes", at)?;
    *stakes_read += items.len();
    if *stakes_read > MAX_STAKES {
        return Err(at.error(
            "stakes",
            format!(
                "brings the file's stakes to {}; at most {} are read at once.",
                group_thousands(&stakes_read.to_string()),
                group_thousands(&MAX_STAKES.to_string())
            ),
        ));
    }
    let mut pairs = BTreeSet::new();
    let mut stakes = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let prefix = format!("{}stakes[{}].", at.prefix, i + 1);
        let at = at.within(&prefix);
        let stake = stake(item, at)?;
        if !pairs.insert((stake.hotkey.clone(), stake.netuid)) {
            return Err(at.error(
                "hotkey",
                format!(
                    "this hotkey is listed twice on subnet {}: a coldkey has one stake per hotkey and subnet.",
                    stake.netuid
                ),
            ));
        }
        stakes.push(stake);
    }
    let baskets = match obj.get("root_baskets") {
        None | Some(Value::Null) => Vec::new(),
        Some(_) => {
            let items = list(obj, "root_baskets", at)?;
            let mut hotkeys = BTreeSet::new();
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let prefix = format!("{}root_baskets[{}].", at.prefix, i + 1);
                let at = at.within(&prefix);
                let basket = basket(item, at)?;
                if !hotkeys.insert(basket.hotkey.clone()) {
                    return Err(at.error(
                        "hotkey",
                        "appears more than once: a coldkey has one position per basket.",
                    ));
                }
                out.push(basket);
            }
            out
        }
    };
    Ok(Holder {
        coldkey,
        free_rao,
        stakes,
        baskets,
    })
}

fn stake(item: &Value, at: Place) -> Result<Stake, SnapshotError> {
    let obj = row_object(item, at)?;
    let netuid = netuid(obj, at)?;
    let hotkey = ss58(obj, "hotkey", at)?;
    let alpha_rao = amount(obj, "alpha", at)?;
    let locked_rao = opt_amount(obj, "locked_alpha", at)?;
    if locked_rao.is_some_and(|locked| locked > alpha_rao) {
        return Err(at.error(
            "locked_alpha",
            "is more than the stake (alpha): the locked part is part of it.",
        ));
    }
    Ok(Stake {
        netuid,
        hotkey,
        hotkey_name: opt_text(obj, "hotkey_name", at)?,
        alpha_rao,
        locked_rao,
    })
}

fn basket(item: &Value, at: Place) -> Result<BasketPosition, SnapshotError> {
    let obj = row_object(item, at)?;
    Ok(BasketPosition {
        hotkey: ss58(obj, "hotkey", at)?,
        shares: whole(obj, "shares", at)?,
        value_rao: amount(obj, "value_tao", at)?,
        spot_value_rao: amount(obj, "spot_value_tao", at)?,
    })
}

/// The positions as `dtao-positions/1`: amounts as exact decimal strings, fields the
/// positions lack left out, so that `parse(&to_json(p)) == Ok(p)`.
pub fn to_json(positions: &Positions) -> String {
    let mut top = Map::new();
    top.insert("schema".into(), SCHEMA.into());
    top.insert("network".into(), positions.network.clone().into());
    if let Some(block) = positions.block {
        top.insert("block".into(), block.into());
    }
    if let Some(taken_at) = &positions.taken_at {
        top.insert("taken_at".into(), taken_at.clone().into());
    }
    top.insert("source".into(), positions.source.clone().into());
    let holders = positions.holders.iter().map(holder_json).collect();
    top.insert("coldkeys".into(), Value::Array(holders));
    serde_json::to_string_pretty(&Value::Object(top)).unwrap_or_default()
}

fn holder_json(h: &Holder) -> Value {
    let mut m = Map::new();
    m.insert("coldkey".into(), h.coldkey.clone().into());
    if let Some(free) = h.free_rao {
        m.insert("free_tao".into(), format_rao(free).into());
    }
    let stakes = h
        .stakes
        .iter()
        .map(|s| {
            let mut sm = Map::new();
            sm.insert("netuid".into(), s.netuid.into());
            sm.insert("hotkey".into(), s.hotkey.clone().into());
            if let Some(name) = &s.hotkey_name {
                sm.insert("hotkey_name".into(), name.clone().into());
            }
            sm.insert("alpha".into(), format_rao(s.alpha_rao).into());
            if let Some(locked) = s.locked_rao {
                sm.insert("locked_alpha".into(), format_rao(locked).into());
            }
            Value::Object(sm)
        })
        .collect();
    m.insert("stakes".into(), Value::Array(stakes));
    if !h.baskets.is_empty() {
        let baskets = h
            .baskets
            .iter()
            .map(|b| {
                let mut bm = Map::new();
                bm.insert("hotkey".into(), b.hotkey.clone().into());
                bm.insert("shares".into(), b.shares.to_string().into());
                bm.insert("value_tao".into(), format_rao(b.value_rao).into());
                bm.insert("spot_value_tao".into(), format_rao(b.spot_value_rao).into());
                Value::Object(bm)
            })
            .collect();
        m.insert("root_baskets".into(), Value::Array(baskets));
    }
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

    fn doc(stakes: &str) -> String {
        format!(
            r#"{{"schema":"dtao-positions/1","network":"finney","coldkeys":[{{"coldkey":"{ALICE}","stakes":{stakes}}}]}}"#
        )
    }

    #[test]
    fn reads_a_stake_and_writes_it_back() {
        let p = parse(&doc(&format!(
            r#"[{{"netuid":64,"hotkey":"{BOB}","alpha":"1.000000001","locked_alpha":0.5}}]"#
        )))
        .unwrap();
        let s = &p.holders[0].stakes[0];
        assert_eq!(
            (s.netuid, s.alpha_rao, s.locked_rao),
            (64, 1_000_000_001, Some(500_000_000))
        );
        assert_eq!(parse(&to_json(&p)).unwrap(), p);
    }

    #[test]
    fn refusals_name_their_place() {
        let e = parse(&doc(&format!(
            r#"[{{"netuid":64,"hotkey":"{BOB}","alpha":"1","locked_alpha":"2"}}]"#
        )))
        .unwrap_err()
        .to_string();
        assert!(e.contains("coldkeys[1].stakes[1].locked_alpha"), "{e}");
        let e = parse(&doc(r#"[{"netuid":64,"hotkey":"5Grwva","alpha":"1"}]"#))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("coldkeys[1].stakes[1].hotkey") && e.contains("bytes"),
            "{e}"
        );
    }
}
