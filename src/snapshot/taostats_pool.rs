//! Taostats `GET /api/dtao/pool/latest/v1`: `{pagination, data: [{netuid, name, symbol,
//! total_tao, alpha_in_pool, alpha_staked, price, block_number, timestamp, ...}]}`. Amounts are
//! strings in rao; TAO in pool is `total_tao` (SPEC §5). `name` is the token glyph.

use super::fields::{opt_text, opt_whole, optional, rao_value, required, Place};
use super::rows::{netuid, position, priced, root_tao_staked, row_object, subnet_list, Netuids};
use super::{Snapshot, SnapshotError, Subnet};
use crate::model::pool::Mechanism;
use serde_json::Value;

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
    let obj = value.as_object().ok_or(SnapshotError::NoSubnets)?;
    let rows = subnet_list(obj, "data", "pools")?;
    let mut seen = Netuids::default();
    let mut subnets = Vec::with_capacity(rows.len());
    let mut block = None::<u64>;
    let mut taken_at = None::<String>;
    for (index, row) in rows.iter().enumerate() {
        let position = position(index);
        let row = row_object(row, Place::subnet(&position))?;
        let netuid = netuid(row, Place::subnet(&position))?;
        let label = netuid.to_string();
        let at = Place::subnet(&label);
        let mechanism = if netuid == 0 {
            Mechanism::Stable
        } else {
            Mechanism::Dynamic
        };
        let tao_in_rao = rao_value(required(row, "total_tao", at)?, "total_tao", at)?;
        let alpha_in_rao = rao_value(required(row, "alpha_in_pool", at)?, "alpha_in_pool", at)?;
        priced(
            mechanism,
            ("total_tao", tao_in_rao),
            ("alpha_in_pool", alpha_in_rao),
            at,
        )?;
        let alpha_out_rao = optional(row, "alpha_staked", at, rao_value)?;
        seen.first_time(netuid)?;
        if let Some(b) = opt_whole(row, "block_number", at)? {
            block = Some(block.map_or(b, |old| old.max(b)));
        }
        if let Some(t) = opt_text(row, "timestamp", at)? {
            if taken_at.as_ref().is_none_or(|old| *old < t) {
                taken_at = Some(t);
            }
        }
        subnets.push(Subnet {
            name: opt_text(row, "name", at)?.unwrap_or_default(),
            symbol: opt_text(row, "symbol", at)?.unwrap_or_default(),
            alpha_out_rao,
            ..Subnet::with_pool(netuid, mechanism, tao_in_rao, alpha_in_rao)
        });
    }
    crate::model::order::sort_by_key(&mut subnets, |s| s.netuid);
    Ok(Snapshot {
        network: "finney".to_string(),
        block,
        taken_at,
        source: LABEL.to_string(),
        block_emission_tao: None,
        tao_weight: None,
        root_tao_staked: root_tao_staked(&subnets),
        runtime: Default::default(),
        subnets,
        root_baskets: None,
    })
}
