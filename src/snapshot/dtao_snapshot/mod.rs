//! The app's own format (SPEC §5): `dtao-snapshot/1`, and `dtao-snapshot/2`, which adds per
//! subnet the pool's curve as the chain stores it (`{"kind":"balancer","w_tao":"…"}` or
//! `{"kind":"superellipse","alpha_scale":"…","tao_scale":"…","center_alpha":"…","center_tao":"…"}`,
//! integers as decimal strings in the chain's own Q32 units), the swap `fee_rate` (parts of
//! 65,535), `validator_alpha_stake` (the alpha-only stake of permitted validators, the yield
//! base) and `eligible_alpha` (alpha outstanding less the chain's own and burned alpha), and at
//! the top, when read from the chain, `spec_version`, `block_hash`, the lock rates
//! `maturity_rate` and `unlock_rate` (blocks) and `owner_cut` (parts of 65,535); optional,
//! per subnet `alpha_reservoir` (`Swap::BalancerAlphaReservoir`) and at the top the root
//! baskets (`baskets.rs`). Both are read; /2 is written. Unknown fields are ignored; a missing or malformed required field is an error
//! naming the subnet and the field.

mod baskets;
mod emission;
pub mod write;

use crate::model::pool::fee::FeeRate;
use crate::model::pool::superellipse::Superellipse;
use crate::model::pool::weights::TaoWeight;
use crate::model::pool::Mechanism;
use crate::snapshot::fields::{
    amount, decimal, kind, opt_amount, opt_decimal, opt_text, opt_whole, required, text, whole,
    Place,
};
use crate::snapshot::rows::{netuid, position, row_object, subnet_list, Netuids};
use crate::snapshot::{Runtime, Snapshot, SnapshotError, Subnet, Validator};
use serde_json::Value;

/// The version this app writes.
pub const SCHEMA: &str = "dtao-snapshot/2";
/// The first version, still read.
pub const SCHEMA_V1: &str = "dtao-snapshot/1";

/// Whether `schema` names a version this app reads.
pub fn is_schema(schema: &str) -> bool {
    schema == SCHEMA || schema == SCHEMA_V1
}

pub fn parse(json: &str) -> Result<Snapshot, SnapshotError> {
    let value: Value =
        serde_json::from_str(json).map_err(|e| SnapshotError::NotJson(e.to_string()))?;
    from_value(&value)
}

pub fn from_value(value: &Value) -> Result<Snapshot, SnapshotError> {
    let top = Place::TOP;
    let Some(obj) = value.as_object() else {
        return Err(SnapshotError::UnknownFormat(format!(
            "expected a JSON object, found {}",
            kind(value)
        )));
    };
    match obj.get("schema").and_then(Value::as_str) {
        Some(schema) if is_schema(schema) => {}
        Some(other) => {
            let shown: String = other.chars().take(40).collect();
            return Err(SnapshotError::UnknownFormat(format!(
                "schema “{shown}” is not {SCHEMA}"
            )));
        }
        None => {
            return Err(SnapshotError::UnknownFormat(format!(
                "no “schema”: {SCHEMA} expected"
            )))
        }
    }
    let items = subnet_list(obj, "subnets", "subnets")?;
    let mut seen = Netuids::default();
    let mut subnets = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let subnet = subnet(item, index)?;
        seen.first_time(subnet.netuid)?;
        subnets.push(subnet);
    }
    Ok(Snapshot {
        network: opt_text(obj, "network", top)?.unwrap_or_default(),
        block: Some(whole(obj, "block", top)?),
        taken_at: Some(text(obj, "taken_at", top)?),
        source: opt_text(obj, "source", top)?.unwrap_or_default(),
        block_emission_tao: opt_decimal(obj, "block_emission_tao", top)?,
        tao_weight: opt_decimal(obj, "tao_weight", top)?,
        root_tao_staked: opt_decimal(obj, "root_tao_staked", top)?,
        runtime: {
            let mut runtime = Runtime {
                spec_version: opt_whole(obj, "spec_version", top)?
                    .map(|v| {
                        u32::try_from(v)
                            .map_err(|_| top.error("spec_version", "must be below 2^32."))
                    })
                    .transpose()?,
                maturity_rate: opt_whole(obj, "maturity_rate", top)?,
                unlock_rate: opt_whole(obj, "unlock_rate", top)?,
                owner_cut: opt_whole(obj, "owner_cut", top)?
                    .map(|v| {
                        u16::try_from(v)
                            .ok()
                            .filter(|v| *v < u16::MAX)
                            .ok_or_else(|| {
                                top.error("owner_cut", "must be below 65,535 (parts of 65,535).")
                            })
                    })
                    .transpose()?,
                block_hash: opt_text(obj, "block_hash", top)?
                    .map(|h| {
                        crate::snapshot::chain::keys::unhex(&h)
                            .and_then(|b| <[u8; 32]>::try_from(b).ok())
                            .ok_or_else(|| top.error("block_hash", "must be 0x and 64 hex digits."))
                    })
                    .transpose()?,
                ..Runtime::default()
            };
            emission::gate(obj, top, &mut runtime)?;
            runtime
        },
        subnets,
        root_baskets: baskets::read(obj)?,
    })
}

fn subnet(item: &Value, index: usize) -> Result<Subnet, SnapshotError> {
    let position = position(index);
    let obj = row_object(item, Place::subnet(&position))?;
    let netuid = netuid(obj, Place::subnet(&position))?;
    let label = netuid.to_string();
    let at = Place::subnet(&label);
    let mechanism = match text(obj, "mechanism", at)?.as_str() {
        "dynamic" => Mechanism::Dynamic,
        "stable" => Mechanism::Stable,
        other => {
            let shown = crate::model::words::shorten(other);
            return Err(at.error(
                "mechanism",
                format!("“{shown}” is neither dynamic nor stable."),
            ));
        }
    };
    let tao_in_rao = amount(obj, "tao_in", at)?;
    let alpha_in_rao = amount(obj, "alpha_in", at)?;
    if mechanism == Mechanism::Dynamic {
        if tao_in_rao == 0 {
            return Err(at.error(
                "tao_in",
                "must be more than 0: a pool without TAO has no price.",
            ));
        }
        if alpha_in_rao == 0 {
            return Err(at.error(
                "alpha_in",
                "must be more than 0: a pool without alpha has no price.",
            ));
        }
    }
    let mut w_tao = opt_decimal(obj, "w_tao", at)?
        .map(|w| TaoWeight::from_decimal(w).map_err(|e| at.error("w_tao", e.to_string())))
        .transpose()?;
    let superellipse = match obj.get("curve") {
        None | Some(Value::Null) => None,
        Some(curve) => {
            let (weight, ellipse) = read_curve(curve, at)?;
            w_tao = weight.or(w_tao);
            ellipse
        }
    };
    let fee_rate = opt_whole(obj, "fee_rate", at)?
        .map(|r| FeeRate::new(r).map_err(|e| at.error("fee_rate", e.to_string())))
        .transpose()?;
    let validators = match obj.get("validators") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list
            .iter()
            .enumerate()
            .map(|(i, v)| validator(v, i, &label))
            .collect::<Result<_, _>>()?,
        Some(other) => {
            return Err(at.error(
                "validators",
                format!("expected a list, found {}.", kind(other)),
            ))
        }
    };
    let (miner_burned, emission_enabled) = emission::subnet_terms(obj, at)?;
    let subnet = Subnet {
        netuid,
        name: opt_text(obj, "name", at)?.unwrap_or_default(),
        symbol: opt_text(obj, "symbol", at)?.unwrap_or_default(),
        mechanism,
        tao_in_rao,
        alpha_in_rao,
        alpha_out_rao: opt_amount(obj, "alpha_out", at)?,
        alpha_reservoir_rao: opt_amount(obj, "alpha_reservoir", at)?,
        w_tao,
        moving_price: opt_decimal(obj, "moving_price", at)?,
        alpha_out_emission: opt_decimal(obj, "alpha_out_emission", at)?,
        alpha_in_emission: opt_decimal(obj, "alpha_in_emission", at)?,
        tao_in_emission: opt_decimal(obj, "tao_in_emission", at)?,
        total_stake_alpha: opt_decimal(obj, "total_stake_alpha", at)?,
        tempo: opt_whole(obj, "tempo", at)?,
        validator_count: opt_whole(obj, "validator_count", at)?,
        miner_count: opt_whole(obj, "miner_count", at)?,
        registered_at_block: opt_whole(obj, "registered_at_block", at)?,
        superellipse,
        fee_rate,
        validator_alpha_stake: opt_decimal(obj, "validator_alpha_stake", at)?,
        eligible_alpha_rao: opt_amount(obj, "eligible_alpha", at)?,
        miner_burned,
        emission_enabled,
        validators,
    };
    // A stored curve must hold the reserves inside its domain.
    subnet
        .pool()
        .map_err(|e| at.error("curve", e.to_string()))?;
    Ok(subnet)
}

/// A subnet's `curve`: the Balancer weight it names, and the superellipse when it is one.
fn read_curve(
    value: &Value,
    at: Place,
) -> Result<(Option<TaoWeight>, Option<Superellipse>), SnapshotError> {
    let curve_at = at.within("curve.");
    let obj = row_object(value, curve_at)?;
    match text(obj, "kind", curve_at)?.as_str() {
        "balancer" => {
            let w = decimal(obj, "w_tao", curve_at)?;
            let w =
                TaoWeight::from_decimal(w).map_err(|e| curve_at.error("w_tao", e.to_string()))?;
            Ok((Some(w), None))
        }
        "superellipse" => {
            let int = |key: &str| -> Result<i128, SnapshotError> {
                let raw = match required(obj, key, curve_at)? {
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
                    other => {
                        return Err(curve_at.error(
                            key,
                            format!("expected a whole number, found {}.", kind(other)),
                        ))
                    }
                };
                raw.trim().parse::<i128>().map_err(|_| {
                    let shown = crate::model::words::shorten(&raw);
                    curve_at.error(
                        key,
                        format!("“{shown}” is not a whole number within 128 bits."),
                    )
                })
            };
            let scale = |key: &str| -> Result<u128, SnapshotError> {
                u128::try_from(int(key)?)
                    .ok()
                    .filter(|v| *v > 0)
                    .ok_or_else(|| curve_at.error(key, "must be more than 0."))
            };
            let curve = Superellipse {
                alpha_scale: scale("alpha_scale")?,
                tao_scale: scale("tao_scale")?,
                center_alpha: int("center_alpha")?,
                center_tao: int("center_tao")?,
            };
            Ok((None, Some(curve)))
        }
        other => {
            let shown = crate::model::words::shorten(other);
            Err(curve_at.error(
                "kind",
                format!("“{shown}” is neither balancer nor superellipse."),
            ))
        }
    }
}

fn validator(item: &Value, index: usize, netuid: &str) -> Result<Validator, SnapshotError> {
    let prefix = format!("validators[{}].", index + 1);
    let at = Place::subnet(netuid).within(&prefix);
    let obj = row_object(item, at)?;
    let take = opt_decimal(obj, "take", at)?;
    if let Some(take) = take {
        if take.is_sign_negative() || take > rust_decimal::Decimal::ONE {
            return Err(at.error("take", "must be a fraction from 0 to 1."));
        }
    }
    Ok(Validator {
        hotkey: text(obj, "hotkey", at)?,
        name: opt_text(obj, "name", at)?.unwrap_or_default(),
        take,
        alpha_stake: opt_decimal(obj, "alpha_stake", at)?,
        apy: opt_decimal(obj, "apy", at)?,
        apy_1h: opt_decimal(obj, "apy_1h", at)?,
        apy_1d: opt_decimal(obj, "apy_1d", at)?,
        apy_7d: opt_decimal(obj, "apy_7d", at)?,
        apy_30d: opt_decimal(obj, "apy_30d", at)?,
    })
}

#[cfg(test)]
mod tests;
