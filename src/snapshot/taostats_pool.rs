//! Taostats `GET /api/dtao/pool/latest/v1`: `{pagination, data: [{netuid, name, symbol,
//! total_tao, alpha_in_pool, alpha_staked, price, block_number, timestamp, ...}]}`. Amounts are
//! strings in rao; TAO in pool is `total_tao` (SPEC §5). `name` is the token glyph.

use super::fields::{kind, opt_text, opt_whole, rao_value, required, whole, Place};
use super::{Snapshot, SnapshotError, Subnet};
use crate::model::pool::Mechanism;
use serde_json::Value;
use std::collections::BTreeSet;

pub const LABEL: &str = "Taostats dtao/pool/latest/v1";

/// Whether `value` looks like this format: a `data` list of pools.
pub fn detect(value: &Value) -> bool {
    first_row(value)
        .is_some_and(|row| row.get("total_tao").is_some() && row.get("alpha_in_pool").is_some())
}

fn first_row(value: &Value) -> Option<&serde_json::Map<String, Value>> {
    value.get("data")?.as_array()?.first()?.as_object()
}

pub fn from_value(value: &Value) -> Result<Snapshot, SnapshotError> {
    let top = Place {
        netuid: None,
        prefix: "",
    };
    let obj = value.as_object().ok_or(SnapshotError::NoSubnets)?;
    let Value::Array(rows) = required(obj, "data", top)? else {
        return Err(top.error("data", "expected a list of pools."));
    };
    if rows.is_empty() {
        return Err(SnapshotError::NoSubnets);
    }
    let mut seen = BTreeSet::new();
    let mut subnets = Vec::with_capacity(rows.len());
    let mut block = None::<u64>;
    let mut taken_at = None::<String>;
    for (index, row) in rows.iter().enumerate() {
        let position = format!("#{}", index + 1);
        let at = Place {
            netuid: Some(&position),
            prefix: "",
        };
        let Some(row) = row.as_object() else {
            return Err(at.error("", format!("expected an object, found {}.", kind(row))));
        };
        let netuid = u16::try_from(whole(row, "netuid", at)?)
            .map_err(|_| at.error("netuid", "must be 0 to 65535."))?;
        let label = netuid.to_string();
        let at = Place {
            netuid: Some(&label),
            prefix: "",
        };
        let mechanism = if netuid == 0 {
            Mechanism::Stable
        } else {
            Mechanism::Dynamic
        };
        let tao_in_rao = rao_value(required(row, "total_tao", at)?, "total_tao", at)?;
        let alpha_in_rao = rao_value(required(row, "alpha_in_pool", at)?, "alpha_in_pool", at)?;
        if mechanism == Mechanism::Dynamic && (tao_in_rao == 0 || alpha_in_rao == 0) {
            let field = if tao_in_rao == 0 {
                "total_tao"
            } else {
                "alpha_in_pool"
            };
            return Err(at.error(
                field,
                "must be more than 0: a pool needs both tokens to have a price.",
            ));
        }
        let alpha_out_rao = row
            .get("alpha_staked")
            .filter(|v| !v.is_null())
            .map(|v| rao_value(v, "alpha_staked", at))
            .transpose()?;
        if !seen.insert(netuid) {
            return Err(SnapshotError::DuplicateNetuid(netuid));
        }
        if let Some(b) = opt_whole(row, "block_number", at)? {
            block = Some(block.map_or(b, |old| old.max(b)));
        }
        if let Some(t) = opt_text(row, "timestamp", at)? {
            if taken_at.as_ref().is_none_or(|old| *old < t) {
                taken_at = Some(t);
            }
        }
        subnets.push(Subnet {
            netuid,
            name: opt_text(row, "name", at)?.unwrap_or_default(),
            symbol: opt_text(row, "symbol", at)?.unwrap_or_default(),
            mechanism,
            tao_in_rao,
            alpha_in_rao,
            alpha_out_rao,
            w_tao: None,
            moving_price: None,
            alpha_out_emission: None,
            alpha_in_emission: None,
            tao_in_emission: None,
            total_stake_alpha: None,
            tempo: None,
            validator_count: None,
            miner_count: None,
            registered_at_block: None,
            validators: Vec::new(),
        });
    }
    subnets.sort_by_key(|s| s.netuid);
    Ok(Snapshot {
        network: "finney".to_string(),
        block,
        taken_at,
        source: LABEL.to_string(),
        block_emission_tao: None,
        tao_weight: None,
        root_tao_staked: subnets
            .iter()
            .find(|s| s.netuid == 0)
            .map(|s| crate::model::units::rao_to_decimal(s.tao_in_rao)),
        subnets,
    })
}
