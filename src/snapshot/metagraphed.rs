//! The public registry dump the bundled snapshot was made from
//! (`metagraphed-finney-subnets-*.json`): `{captured_at, chain_state: {block}, network,
//! schema_version, subnets: [{netuid, name, symbol, subnet_type, tempo, registered_at_block,
//! economics: {tao_in_pool_tao, alpha_in_pool, alpha_out_pool, alpha_price_tao, ...}}]}`.
//! Amounts are TAO/alpha as JSON numbers. `alpha_price_tao` there is the chain's moving price.

use super::fields::{
    amount_lenient_value, opt_decimal, opt_text, opt_whole, optional, required, Place,
};
use super::rows::{netuid, position, priced, root_tao_staked, row_object, subnet_list, Netuids};
use super::{Snapshot, SnapshotError, Subnet};
use crate::model::pool::Mechanism;
use serde_json::{Map, Value};

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
    let top = Place::TOP;
    let obj = value.as_object().ok_or(SnapshotError::NoSubnets)?;
    let items = subnet_list(obj, "subnets", "subnets")?;
    let block = match obj.get("chain_state") {
        Some(Value::Object(state)) => opt_whole(state, "block", top.within("chain_state."))?,
        _ => None,
    };
    let mut seen = Netuids::default();
    let mut subnets = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let position = position(index);
        let row = row_object(item, Place::subnet(&position))?;
        let netuid = netuid(row, Place::subnet(&position))?;
        seen.first_time(netuid)?;
        subnets.push(subnet(row, netuid)?);
    }
    Ok(Snapshot {
        network: opt_text(obj, "network", top)?.unwrap_or_default(),
        block,
        taken_at: opt_text(obj, "captured_at", top)?,
        source: LABEL.to_string(),
        block_emission_tao: None,
        tao_weight: None,
        root_tao_staked: root_tao_staked(&subnets),
        runtime: Default::default(),
        subnets,
        root_baskets: None,
    })
}

fn subnet(row: &Map<String, Value>, netuid: u16) -> Result<Subnet, SnapshotError> {
    let label = netuid.to_string();
    let at = Place::subnet(&label);
    let eco_at = at.within("economics.");
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
    priced(
        mechanism,
        ("tao_in_pool_tao", tao_in_rao),
        ("alpha_in_pool", alpha_in_rao),
        eco_at,
    )?;
    let opt_amount = |key: &str| optional(eco, key, eco_at, amount_lenient_value);
    Ok(Subnet {
        netuid,
        name: opt_text(row, "name", at)?.unwrap_or_default(),
        symbol: opt_text(row, "symbol", at)?.unwrap_or_default(),
        mechanism,
        tao_in_rao,
        alpha_in_rao,
        alpha_out_rao: opt_amount("alpha_out_pool")?,
        alpha_reservoir_rao: None,
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
        superellipse: None,
        fee_rate: None,
        validator_alpha_stake: None,
        eligible_alpha_rao: None,
        miner_burned: None,
        emission_enabled: None,
        validators: Vec::new(),
    })
}
