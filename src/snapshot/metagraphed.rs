//! The public registry dump the bundled snapshot was made from
//! (`metagraphed-finney-subnets-*.json`): `{captured_at, chain_state: {block}, network,
//! schema_version, subnets: [{netuid, name, symbol, subnet_type, tempo, registered_at_block,
//! economics: {tao_in_pool_tao, alpha_in_pool, alpha_out_pool, alpha_price_tao, ...}}]}`.
//! Amounts are TAO/alpha as JSON numbers. `alpha_price_tao` there is the chain's moving price.

use super::fields::{
    amount_lenient_value, kind, opt_decimal, opt_text, opt_whole, required, whole, Place,
};
use super::{Snapshot, SnapshotError, Subnet};
use crate::model::pool::Mechanism;
use serde_json::{Map, Value};
use std::collections::BTreeSet;

pub const LABEL: &str = "metagraphed subnet registry dump";

pub fn detect(value: &Value) -> bool {
    value.get("schema_version").is_some()
        && value
            .get("subnets")
            .and_then(Value::as_array)
            .and_then(|s| s.first())
            .is_some_and(|first| first.get("economics").is_some())
}

pub fn from_value(value: &Value) -> Result<Snapshot, SnapshotError> {
    let top = Place {
        netuid: None,
        prefix: "",
    };
    let obj = value.as_object().ok_or(SnapshotError::NoSubnets)?;
    let Value::Array(items) = required(obj, "subnets", top)? else {
        return Err(top.error("subnets", "expected a list of subnets."));
    };
    if items.is_empty() {
        return Err(SnapshotError::NoSubnets);
    }
    let block = match obj.get("chain_state") {
        Some(Value::Object(state)) => opt_whole(
            state,
            "block",
            Place {
                netuid: None,
                prefix: "chain_state.",
            },
        )?,
        _ => None,
    };
    let mut seen = BTreeSet::new();
    let mut subnets = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let position = format!("#{}", index + 1);
        let at = Place {
            netuid: Some(&position),
            prefix: "",
        };
        let Some(row) = item.as_object() else {
            return Err(at.error("", format!("expected an object, found {}.", kind(item))));
        };
        let netuid = u16::try_from(whole(row, "netuid", at)?)
            .map_err(|_| at.error("netuid", "must be 0 to 65535."))?;
        if !seen.insert(netuid) {
            return Err(SnapshotError::DuplicateNetuid(netuid));
        }
        subnets.push(subnet(row, netuid)?);
    }
    Ok(Snapshot {
        network: opt_text(obj, "network", top)?.unwrap_or_default(),
        block,
        taken_at: opt_text(obj, "captured_at", top)?,
        source: LABEL.to_string(),
        block_emission_tao: None,
        tao_weight: None,
        root_tao_staked: subnets
            .iter()
            .find(|s| s.mechanism == Mechanism::Stable)
            .map(|s| crate::model::units::rao_to_decimal(s.tao_in_rao)),
        subnets,
    })
}

fn subnet(row: &Map<String, Value>, netuid: u16) -> Result<Subnet, SnapshotError> {
    let label = netuid.to_string();
    let at = Place {
        netuid: Some(&label),
        prefix: "",
    };
    let eco_at = Place {
        netuid: Some(&label),
        prefix: "economics.",
    };
    let Value::Object(eco) = required(row, "economics", at)? else {
        return Err(at.error("economics", "expected an object."));
    };
    let mechanism = match opt_text(row, "subnet_type", at)?.as_deref() {
        Some("root") => Mechanism::Stable,
        _ if netuid == 0 => Mechanism::Stable,
        _ => Mechanism::Dynamic,
    };
    let amount = |key: &str| amount_lenient_value(required(eco, key, eco_at)?, key, eco_at);
    let tao_in_rao = amount("tao_in_pool_tao")?;
    let alpha_in_rao = amount("alpha_in_pool")?;
    if mechanism == Mechanism::Dynamic && (tao_in_rao == 0 || alpha_in_rao == 0) {
        let field = if tao_in_rao == 0 {
            "tao_in_pool_tao"
        } else {
            "alpha_in_pool"
        };
        return Err(eco_at.error(
            field,
            "must be more than 0: a pool needs both tokens to have a price.",
        ));
    }
    let opt_amount = |key: &str| {
        eco.get(key)
            .filter(|v| !v.is_null())
            .map(|v| amount_lenient_value(v, key, eco_at))
            .transpose()
    };
    Ok(Subnet {
        netuid,
        name: opt_text(row, "name", at)?.unwrap_or_default(),
        symbol: opt_text(row, "symbol", at)?.unwrap_or_default(),
        mechanism,
        tao_in_rao,
        alpha_in_rao,
        alpha_out_rao: opt_amount("alpha_out_pool")?,
        w_tao: None,
        moving_price: opt_decimal(eco, "alpha_price_tao", eco_at)?,
        alpha_out_emission: opt_decimal(eco, "alpha_out_emission", eco_at)?,
        alpha_in_emission: opt_decimal(eco, "alpha_in_emission", eco_at)?,
        tao_in_emission: opt_decimal(eco, "tao_in_emission_tao", eco_at)?,
        total_stake_alpha: opt_decimal(eco, "total_stake_alpha", eco_at)?,
        tempo: opt_whole(row, "tempo", at)?,
        validator_count: opt_whole(eco, "validator_count", eco_at)?,
        miner_count: opt_whole(eco, "miner_count", eco_at)?,
        registered_at_block: opt_whole(row, "registered_at_block", at)?,
        validators: Vec::new(),
    })
}
