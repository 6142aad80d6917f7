//! Rounds 1 and 2 of a read (see `read.rs`): the head block and the chain's name, then at that
//! block its number, the runtime's spec version, every subnet's dynamic info and the chain-wide
//! values.

use super::error::LiveError;
use super::keys::{hex, unhex};
use super::rpc::Call;
use super::storage::{self, GLOBALS};
use crate::snapshot::dynamic_info::{decode_all, DecodeError, DynamicInfo, SPEC_VERSION};
use serde_json::{json, Value};
use std::collections::HashMap;

/// Round 1: the head block and the chain's name.
pub fn head_calls() -> Vec<Call> {
    vec![
        Call::new("chain_getBlockHash", json!([])),
        Call::new("system_chain", json!([])),
    ]
}

/// The block every later call reads at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    pub hash: String,
    pub chain: String,
}

pub fn read_head(results: &[Value]) -> Result<Head, LiveError> {
    let hash = results
        .first()
        .and_then(Value::as_str)
        .filter(|h| unhex(h).is_some_and(|b| b.len() == 32))
        .ok_or_else(|| LiveError::reply("chain_getBlockHash", "no 32-byte block hash"))?;
    let chain = results
        .get(1)
        .and_then(Value::as_str)
        .ok_or_else(|| LiveError::reply("system_chain", "no chain name"))?;
    Ok(Head {
        hash: hash.to_string(),
        chain: crate::model::words::shorten(chain),
    })
}

/// Round 2, at the head block.
pub fn state_calls(head: &Head) -> Vec<Call> {
    let mut keys: Vec<String> = GLOBALS.iter().map(|g| hex(&g.key())).collect();
    keys.push(hex(&storage::root_tao_key()));
    vec![
        Call::new("chain_getHeader", json!([head.hash])),
        Call::new("state_getRuntimeVersion", json!([head.hash])),
        Call::new(
            "state_call",
            json!(["SubnetInfoRuntimeApi_get_all_dynamic_info", "0x", head.hash]),
        ),
        Call::new("state_queryStorageAt", json!([keys, head.hash])),
    ]
}

/// What round 2 read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub head: Head,
    pub block: u64,
    pub spec_version: u32,
    pub subnets: Vec<DynamicInfo>,
    pub globals: HashMap<&'static str, u64>,
    pub root_tao_rao: Option<u64>,
}
pub fn read_state(head: Head, results: &[Value]) -> Result<State, LiveError> {
    let block = results
        .first()
        .and_then(|h| h.get("number"))
        .and_then(Value::as_str)
        .and_then(|n| u64::from_str_radix(n.strip_prefix("0x")?, 16).ok())
        .ok_or_else(|| LiveError::reply("chain_getHeader", "no block number"))?;
    let spec_version = results
        .get(1)
        .and_then(|v| v.get("specVersion"))
        .and_then(Value::as_u64)
        .and_then(|s| u32::try_from(s).ok())
        .ok_or_else(|| LiveError::reply("state_getRuntimeVersion", "no spec version"))?;
    let runtime = |why: String| LiveError::Runtime {
        spec: spec_version,
        why,
    };
    let bytes = results
        .get(2)
        .and_then(Value::as_str)
        .and_then(unhex)
        .ok_or_else(|| LiveError::reply("state_call", "no hex bytes"))?;
    let subnets = decode_all(&bytes).map_err(|e| match e {
        DecodeError::Shape(why) => runtime(format!(
            "its subnet list does not decode as spec {SPEC_VERSION}'s type ({why})"
        )),
        DecodeError::Trailing(n) => runtime(format!(
            "its subnet list has {n} bytes more than spec {SPEC_VERSION}'s type"
        )),
        absurd @ DecodeError::Absurd { .. } => LiveError::Absurd(absurd.to_string()),
    })?;
    if subnets.is_empty() {
        return Err(LiveError::Absurd("the chain lists no subnets.".into()));
    }
    let stored = storage::changes(results.get(3))?;
    let mut globals = HashMap::new();
    for global in GLOBALS {
        if let Some(Some(bytes)) = stored.get(&hex(&global.key())) {
            let value = storage::exact::<u64>(bytes, global.name()).map_err(runtime)?;
            globals.insert(global.name(), value);
        }
    }
    let root_tao_rao = match stored.get(&hex(&storage::root_tao_key())) {
        Some(Some(bytes)) => Some(storage::exact::<u64>(bytes, "SubnetTAO").map_err(runtime)?),
        _ => None,
    };
    Ok(State {
        head,
        block,
        spec_version,
        subnets,
        globals,
        root_tao_rao,
    })
}

/// The dynamic subnets, whose pools have a fee rate and a curve.
pub(super) fn dynamic(state: &State) -> impl Iterator<Item = u16> + '_ {
    state.subnets.iter().map(|s| s.netuid).filter(|n| *n != 0)
}
