//! Writing a snapshot in the app's own format, `dtao-snapshot/2` ("Download", and what the app
//! remembers): amounts as exact decimal strings, each pool's curve as the chain stores it.

use super::SCHEMA;
use crate::model::num::units::format_rao;
use crate::model::pool::Mechanism;
use crate::snapshot::{Snapshot, Subnet};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// The snapshot as dtao-snapshot/2 JSON: amounts as decimal strings, exact.
pub fn to_json(snapshot: &Snapshot) -> String {
    let mut top = Map::new();
    top.insert("schema".into(), SCHEMA.into());
    top.insert("network".into(), snapshot.network.clone().into());
    if let Some(block) = snapshot.block {
        top.insert("block".into(), block.into());
    }
    if let Some(taken_at) = &snapshot.taken_at {
        top.insert("taken_at".into(), taken_at.clone().into());
    }
    top.insert("source".into(), snapshot.source.clone().into());
    put_decimal(&mut top, "block_emission_tao", snapshot.block_emission_tao);
    put_decimal(&mut top, "tao_weight", snapshot.tao_weight);
    put_decimal(&mut top, "root_tao_staked", snapshot.root_tao_staked);
    let runtime = snapshot.runtime;
    put_whole(
        &mut top,
        "spec_version",
        runtime.spec_version.map(u64::from),
    );
    put_whole(&mut top, "maturity_rate", runtime.maturity_rate);
    put_whole(&mut top, "unlock_rate", runtime.unlock_rate);
    put_whole(&mut top, "owner_cut", runtime.owner_cut.map(u64::from));
    super::emission::put_gate(&mut top, &runtime);
    if let Some(hash) = runtime.block_hash {
        top.insert(
            "block_hash".into(),
            crate::snapshot::chain::keys::hex(&hash).into(),
        );
    }
    let subnets: Vec<Value> = snapshot.subnets.iter().map(subnet_json).collect();
    top.insert("subnets".into(), Value::Array(subnets));
    super::baskets::put(&mut top, snapshot.root_baskets.as_deref());
    serde_json::to_string_pretty(&Value::Object(top)).unwrap_or_default()
}

fn put_decimal(map: &mut Map<String, Value>, key: &str, value: Option<Decimal>) {
    if let Some(d) = value {
        map.insert(key.into(), d.normalize().to_string().into());
    }
}

fn put_whole(map: &mut Map<String, Value>, key: &str, value: Option<u64>) {
    if let Some(n) = value {
        map.insert(key.into(), n.into());
    }
}

/// A dynamic pool's `curve`, when the snapshot knows it.
fn curve_json(s: &Subnet) -> Option<Value> {
    if s.mechanism != Mechanism::Dynamic {
        return None;
    }
    let mut c = Map::new();
    match (s.superellipse, s.w_tao) {
        (Some(e), _) => {
            c.insert("kind".into(), "superellipse".into());
            c.insert("alpha_scale".into(), e.alpha_scale.to_string().into());
            c.insert("tao_scale".into(), e.tao_scale.to_string().into());
            c.insert("center_alpha".into(), e.center_alpha.to_string().into());
            c.insert("center_tao".into(), e.center_tao.to_string().into());
        }
        (None, Some(w)) => {
            c.insert("kind".into(), "balancer".into());
            c.insert("w_tao".into(), w.tao().normalize().to_string().into());
        }
        (None, None) => return None,
    }
    Some(Value::Object(c))
}

fn subnet_json(s: &Subnet) -> Value {
    let mut m = Map::new();
    m.insert("netuid".into(), s.netuid.into());
    m.insert("name".into(), s.name.clone().into());
    m.insert("symbol".into(), s.symbol.clone().into());
    let mechanism = match s.mechanism {
        Mechanism::Dynamic => "dynamic",
        Mechanism::Stable => "stable",
    };
    m.insert("mechanism".into(), mechanism.into());
    m.insert("tao_in".into(), format_rao(s.tao_in_rao).into());
    m.insert("alpha_in".into(), format_rao(s.alpha_in_rao).into());
    if let Some(out) = s.alpha_out_rao {
        m.insert("alpha_out".into(), format_rao(out).into());
    }
    if let Some(reservoir) = s.alpha_reservoir_rao {
        m.insert("alpha_reservoir".into(), format_rao(reservoir).into());
    }
    put_decimal(&mut m, "w_tao", s.w_tao.map(|w| w.tao()));
    if let Some(curve) = curve_json(s) {
        m.insert("curve".into(), curve);
    }
    if let Some(rate) = s.fee_rate {
        m.insert("fee_rate".into(), rate.parts().into());
    }
    put_decimal(&mut m, "validator_alpha_stake", s.validator_alpha_stake);
    if let Some(eligible) = s.eligible_alpha_rao {
        m.insert("eligible_alpha".into(), format_rao(eligible).into());
    }
    super::emission::put_subnet_terms(&mut m, s.miner_burned, s.emission_enabled);
    put_decimal(&mut m, "moving_price", s.moving_price);
    put_decimal(&mut m, "alpha_out_emission", s.alpha_out_emission);
    put_decimal(&mut m, "alpha_in_emission", s.alpha_in_emission);
    put_decimal(&mut m, "tao_in_emission", s.tao_in_emission);
    put_decimal(&mut m, "total_stake_alpha", s.total_stake_alpha);
    put_whole(&mut m, "tempo", s.tempo);
    put_whole(&mut m, "validator_count", s.validator_count);
    put_whole(&mut m, "miner_count", s.miner_count);
    put_whole(&mut m, "registered_at_block", s.registered_at_block);
    if !s.validators.is_empty() {
        let validators = s
            .validators
            .iter()
            .map(|v| {
                let mut vm = Map::new();
                vm.insert("hotkey".into(), v.hotkey.clone().into());
                vm.insert("name".into(), v.name.clone().into());
                put_decimal(&mut vm, "take", v.take);
                put_decimal(&mut vm, "alpha_stake", v.alpha_stake);
                put_decimal(&mut vm, "apy", v.apy);
                put_decimal(&mut vm, "apy_1h", v.apy_1h);
                put_decimal(&mut vm, "apy_1d", v.apy_1d);
                put_decimal(&mut vm, "apy_7d", v.apy_7d);
                put_decimal(&mut vm, "apy_30d", v.apy_30d);
                Value::Object(vm)
            })
            .collect();
        m.insert("validators".into(), Value::Array(validators));
    }
    Value::Object(m)
}
