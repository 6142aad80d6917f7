//! btcli `subnets list --json-output`: `{subnets: {"<netuid>": {subnet_name, price, market_cap,
//! emission, tao_flow_ema, liquidity: {tao_in, alpha_in}, alpha_out, supply, tempo:
//! {blocks_since_last_step, sn_tempo}}}}`, amounts in TAO as JSON numbers (SPEC §5).

use super::fields::{
    amount_lenient_value, opt_decimal, opt_text, opt_whole, optional, required, Place,
};
use super::rows::{priced, root_tao_staked, row_object, Netuids};
use super::{Snapshot, SnapshotError, Subnet};
use crate::model::pool::Mechanism;
use serde_json::Value;

pub const LABEL: &str = "btcli subnets list --json-output";

pub fn detect(value: &Value) -> bool {
    value
        .get("subnets")
        .and_then(Value::as_object)
        .and_then(|m| m.values().next())
        .is_some_and(|first| first.get("liquidity").is_some())
}

pub fn from_value(value: &Value) -> Result<Snapshot, SnapshotError> {
    let top = Place::TOP;
    let obj = value.as_object().ok_or(SnapshotError::NoSubnets)?;
    let Value::Object(map) = required(obj, "subnets", top)? else {
        return Err(top.error("subnets", "expected an object keyed by netuid."));
    };
    if map.is_empty() {
        return Err(SnapshotError::NoSubnets);
    }
    let mut seen = Netuids::default();
    let mut subnets = Vec::with_capacity(map.len());
    for (key, entry) in map {
        let shown: String = key.chars().take(12).collect();
        let at = Place::subnet(&shown);
        let netuid: u16 = key
            .trim()
            .parse()
            .map_err(|_| at.error("netuid", "the key must be a subnet number, 0 to 65535."))?;
        seen.first_time(netuid)?;
        let row = row_object(entry, at)?;
        let mechanism = if netuid == 0 {
            Mechanism::Stable
        } else {
            Mechanism::Dynamic
        };
        let liquidity_at = at.within("liquidity.");
        let Value::Object(liquidity) = required(row, "liquidity", at)? else {
            return Err(at.error("liquidity", "expected an object with tao_in and alpha_in."));
        };
        let tao_in_rao = amount_lenient_value(
            required(liquidity, "tao_in", liquidity_at)?,
            "tao_in",
            liquidity_at,
        )?;
        let alpha_in_rao = amount_lenient_value(
            required(liquidity, "alpha_in", liquidity_at)?,
            "alpha_in",
            liquidity_at,
        )?;
        priced(
            mechanism,
            ("tao_in", tao_in_rao),
            ("alpha_in", alpha_in_rao),
            liquidity_at,
        )?;
        let alpha_out_rao = optional(row, "alpha_out", at, amount_lenient_value)?;
        let tempo = match row.get("tempo") {
            Some(Value::Object(t)) => opt_whole(t, "sn_tempo", at.within("tempo."))?,
            _ => None,
        };
        subnets.push(Subnet {
            name: opt_text(row, "subnet_name", at)?.unwrap_or_default(),
            symbol: opt_text(row, "symbol", at)?.unwrap_or_default(),
            alpha_out_rao,
            tao_in_emission: opt_decimal(row, "emission", at)?,
            tempo,
            ..Subnet::with_pool(netuid, mechanism, tao_in_rao, alpha_in_rao)
        });
    }
    // The keys are text, so "10" came before "2".
    crate::model::order::sort_by_key(&mut subnets, |s| s.netuid);
    Ok(Snapshot {
        network: opt_text(obj, "network", top)?.unwrap_or_default(),
        block: opt_whole(obj, "block", top)?.or(opt_whole(obj, "block_number", top)?),
        taken_at: None,
        source: LABEL.to_string(),
        block_emission_tao: None,
        tao_weight: None,
        root_tao_staked: root_tao_staked(&subnets),
        runtime: Default::default(),
        subnets,
        root_baskets: None,
    })
}
