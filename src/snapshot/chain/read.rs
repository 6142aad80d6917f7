//! One read of the chain, in three rounds of batched calls, all at one block:
//! 1. the head block's hash and the chain's name;
//! 2. at that block: its header, the runtime version, every subnet's dynamic info (one runtime
//!    call, `SubnetInfoRuntimeApi_get_all_dynamic_info`) and the chain-wide values (one
//!    `state_queryStorageAt`);
//! 3. every dynamic pool's fee rate and curve (one `state_queryStorageAt` for all of them), and
//!    the chosen subnets' neurons (one `get_selective_metagraph` call each, three fields);
//! 4. when they have permitted validators, those validators' takes (one `state_queryStorageAt`).
//!
//! The rounds are pure functions from answers to the next calls, so the browser and the native
//! writer share them and tests drive them without a network.

use super::error::LiveError;
use super::keys::{hex, unhex};
use super::rpc::Call;
use super::storage::{self, Global, PoolItem, PoolStorage, GLOBALS, POOL_ITEMS};
use super::validators::{self, Neuron};
use crate::model::num::units::rao_to_decimal;
use crate::model::pool::fee::FeeRate;
use crate::model::pool::weights::TaoWeight;
use crate::model::pool::Mechanism;
use crate::snapshot::dynamic_info::{decode_all, DecodeError, DynamicInfo, SPEC_VERSION};
use crate::snapshot::{Runtime, Snapshot, Subnet};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::future::Future;

/// The public finney endpoint the app offers first.
pub const FINNEY: &str = "wss://entrypoint-finney.opentensor.ai:443";

/// The endpoint, checked: a `ws://` or `wss://` URL without spaces.
pub fn endpoint(text: &str) -> Result<String, LiveError> {
    let url = text.trim();
    let ok = (url.starts_with("ws://") || url.starts_with("wss://"))
        && url.len() > "wss://".len()
        && url.len() <= 2048
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok {
        Ok(url.to_string())
    } else {
        Err(LiveError::Endpoint(text.to_string()))
    }
}

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

fn reply(method: &str, why: &str) -> LiveError {
    LiveError::Reply {
        method: method.to_string(),
        why: why.to_string(),
    }
}

pub fn read_head(results: &[Value]) -> Result<Head, LiveError> {
    let hash = results
        .first()
        .and_then(Value::as_str)
        .filter(|h| unhex(h).is_some_and(|b| b.len() == 32))
        .ok_or_else(|| reply("chain_getBlockHash", "no 32-byte block hash"))?;
    let chain = results
        .get(1)
        .and_then(Value::as_str)
        .ok_or_else(|| reply("system_chain", "no chain name"))?;
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

/// The values of a `state_queryStorageAt` answer by key (hex), `None` where nothing is stored.
fn storage_changes(result: Option<&Value>) -> Result<HashMap<String, Option<Vec<u8>>>, LiveError> {
    let bad = |why| reply("state_queryStorageAt", why);
    let sets = result.and_then(Value::as_array).ok_or(bad("not a list"))?;
    let mut out = HashMap::new();
    for set in sets {
        let changes = set
            .get("changes")
            .and_then(Value::as_array)
            .ok_or(bad("no changes"))?;
        for change in changes {
            let pair = change
                .as_array()
                .filter(|p| p.len() == 2)
                .ok_or(bad("a change is not a pair"))?;
            let key = pair[0].as_str().ok_or(bad("a key is not text"))?;
            let value = match &pair[1] {
                Value::Null => None,
                Value::String(s) => Some(unhex(s).ok_or(bad("a value is not hex"))?),
                _ => return Err(bad("a value is not hex")),
            };
            out.insert(key.to_ascii_lowercase(), value);
        }
    }
    Ok(out)
}

pub fn read_state(head: Head, results: &[Value]) -> Result<State, LiveError> {
    let block = results
        .first()
        .and_then(|h| h.get("number"))
        .and_then(Value::as_str)
        .and_then(|n| u64::from_str_radix(n.strip_prefix("0x")?, 16).ok())
        .ok_or_else(|| reply("chain_getHeader", "no block number"))?;
    let spec_version = results
        .get(1)
        .and_then(|v| v.get("specVersion"))
        .and_then(Value::as_u64)
        .and_then(|s| u32::try_from(s).ok())
        .ok_or_else(|| reply("state_getRuntimeVersion", "no spec version"))?;
    let runtime = |why: String| LiveError::Runtime {
        spec: spec_version,
        why,
    };
    let bytes = results
        .get(2)
        .and_then(Value::as_str)
        .and_then(unhex)
        .ok_or_else(|| reply("state_call", "no hex bytes"))?;
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
    let stored = storage_changes(results.get(3))?;
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
fn dynamic(state: &State) -> impl Iterator<Item = u16> + '_ {
    state.subnets.iter().map(|s| s.netuid).filter(|n| *n != 0)
}

/// The subnets of `wanted` whose validators can be read: dynamic ones the chain lists.
fn with_validators<'a>(state: &'a State, wanted: &'a [u16]) -> impl Iterator<Item = u16> + 'a {
    dynamic(state).filter(move |n| wanted.contains(n))
}

/// Round 3: every dynamic pool's swap storage in one call, and the neurons of the subnets in
/// `validators_of`.
pub fn pool_calls(state: &State, validators_of: &[u16]) -> Vec<Call> {
    let keys: Vec<String> = dynamic(state)
        .flat_map(|n| POOL_ITEMS.iter().map(move |item| hex(&item.key(n))))
        .collect();
    let mut calls = vec![Call::new(
        "state_queryStorageAt",
        json!([keys, state.head.hash]),
    )];
    for netuid in with_validators(state, validators_of) {
        calls.push(Call::new(
            "state_call",
            json!([
                "SubnetInfoRuntimeApi_get_selective_metagraph",
                hex(&validators::metagraph_args(netuid)),
                state.head.hash
            ]),
        ));
    }
    calls
}

/// What round 3 read: the pools' storage and the chosen subnets' neurons.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pools {
    pub storage: HashMap<u16, PoolStorage>,
    pub neurons: Vec<(u16, Vec<Neuron>)>,
}

pub fn read_pools(
    state: &State,
    validators_of: &[u16],
    results: &[Value],
) -> Result<Pools, LiveError> {
    let runtime = |why: String| LiveError::Runtime {
        spec: state.spec_version,
        why,
    };
    let mut neurons = Vec::new();
    for (i, netuid) in with_validators(state, validators_of).enumerate() {
        let bytes = results
            .get(1 + i)
            .and_then(Value::as_str)
            .and_then(unhex)
            .ok_or_else(|| reply("state_call", "no hex bytes"))?;
        neurons.push((
            netuid,
            validators::decode_metagraph(&bytes, netuid).map_err(runtime)?,
        ));
    }
    Ok(Pools {
        storage: read_pool_storage(state, results)?,
        neurons,
    })
}

/// Round 4: the takes of the permitted validators read in round 3, when there are any.
pub fn take_calls(state: &State, pools: &Pools) -> Option<Vec<Call>> {
    let keys: Vec<String> = pools
        .neurons
        .iter()
        .flat_map(|(_, list)| list.iter().filter(|n| n.permit))
        .map(|n| hex(&validators::delegates_key(&n.hotkey)))
        .collect();
    (!keys.is_empty()).then(|| {
        vec![Call::new(
            "state_queryStorageAt",
            json!([keys, state.head.hash]),
        )]
    })
}

fn read_pool_storage(
    state: &State,
    results: &[Value],
) -> Result<HashMap<u16, PoolStorage>, LiveError> {
    let stored = storage_changes(results.first())?;
    let runtime = |why: String| LiveError::Runtime {
        spec: state.spec_version,
        why,
    };
    let mut pools = HashMap::new();
    for netuid in dynamic(state) {
        let mut pool = PoolStorage::default();
        for item in POOL_ITEMS {
            let Some(Some(bytes)) = stored.get(&hex(&item.key(netuid))) else {
                continue;
            };
            let within = |w: String| runtime(format!("subnet {netuid}'s {w}"));
            match item {
                PoolItem::FeeRate => {
                    pool.fee_rate = Some(storage::exact::<u16>(bytes, item.name()).map_err(within)?)
                }
                PoolItem::Balancer => {
                    pool.balancer_quote =
                        Some(storage::exact::<u64>(bytes, item.name()).map_err(within)?)
                }
                PoolItem::Superellipse => {
                    pool.superellipse = Some(storage::superellipse(bytes).map_err(within)?)
                }
            }
        }
        pools.insert(netuid, pool);
    }
    Ok(pools)
}

/// `TaoWeight`, a fraction of `u64::MAX`, to 18 places (as the chain's I96F32 ratio reads it).
pub fn tao_weight(stored: u64) -> Decimal {
    (Decimal::from(stored) / Decimal::from(u64::MAX))
        .round_dp(18)
        .normalize()
}

/// A subnet with its pool's storage applied, refused when the values are absurd.
fn subnet(info: &DynamicInfo, pool: Option<&PoolStorage>) -> Result<Subnet, LiveError> {
    let mut subnet = info
        .to_subnet()
        .map_err(|e| LiveError::Absurd(e.to_string()))?;
    let netuid = subnet.netuid;
    let absurd = |why: String| LiveError::Absurd(format!("subnet {netuid}: {why}"));
    if let (Mechanism::Dynamic, Some(pool)) = (subnet.mechanism, pool) {
        if let Some(rate) = pool.fee_rate {
            subnet.fee_rate =
                Some(FeeRate::new(u64::from(rate)).map_err(|e| absurd(e.to_string()))?);
        }
        if let Some(parts) = pool.balancer_quote {
            subnet.w_tao = Some(TaoWeight::from_parts(parts).map_err(|e| absurd(e.to_string()))?);
        }
        subnet.superellipse = pool.superellipse;
        subnet.pool().map_err(|e| absurd(e.to_string()))?;
    }
    Ok(subnet)
}

/// The snapshot of what the rounds read; `takes` is round 4's answer (empty when not asked).
pub fn finish(
    state: &State,
    pools: &Pools,
    takes: &[Value],
    endpoint: &str,
    fetched_at: &str,
) -> Result<Snapshot, LiveError> {
    let stored_takes = match takes.first() {
        Some(answer) => storage_changes(Some(answer))?,
        None => HashMap::new(),
    };
    let mut take_parts = HashMap::new();
    for (key, value) in &stored_takes {
        if let Some(bytes) = value {
            let parts =
                storage::exact::<u16>(bytes, "Delegates").map_err(|why| LiveError::Runtime {
                    spec: state.spec_version,
                    why,
                })?;
            take_parts.insert(key.clone(), parts);
        }
    }
    let mut subnets = state
        .subnets
        .iter()
        .map(|info| subnet(info, pools.storage.get(&info.netuid)))
        .collect::<Result<Vec<_>, _>>()?;
    for (netuid, neurons) in &pools.neurons {
        if let Some(s) = subnets.iter_mut().find(|s| s.netuid == *netuid) {
            let (list, total) = validators::validators(neurons, |hotkey| {
                take_parts
                    .get(&hex(&validators::delegates_key(hotkey)))
                    .copied()
            });
            s.validators = list;
            // No permitted stake is no yield base: the calculators fall back as without data.
            s.validator_alpha_stake = (!total.is_zero()).then_some(total);
        }
    }
    let global = |g: Global| state.globals.get(g.name()).copied();
    let tao_weight = global(Global::TaoWeight).map(tao_weight);
    if let Some(w) = tao_weight {
        if w > Decimal::ONE {
            return Err(LiveError::Absurd("TaoWeight is more than 1.".into()));
        }
    }
    let network = match state.head.chain.as_str() {
        "Bittensor" => "finney".to_string(),
        other => other.to_lowercase(),
    };
    Ok(Snapshot {
        network,
        block: Some(state.block),
        taken_at: Some(fetched_at.to_string()),
        source: format!(
            "Read from the chain at {endpoint} (runtime spec {})",
            state.spec_version
        ),
        block_emission_tao: global(Global::BlockEmission).map(rao_to_decimal),
        tao_weight,
        root_tao_staked: state.root_tao_rao.map(rao_to_decimal),
        runtime: Runtime {
            spec_version: Some(state.spec_version),
            maturity_rate: global(Global::MaturityRate),
            unlock_rate: global(Global::UnlockRate),
        },
        subnets,
    })
}

/// The whole read, with the validators of the subnets in `validators_of`: `ask` sends one
/// batch and returns its results in order.
pub async fn read<F, Fut>(
    endpoint: &str,
    fetched_at: &str,
    validators_of: &[u16],
    mut ask: F,
) -> Result<Snapshot, LiveError>
where
    F: FnMut(Vec<Call>) -> Fut,
    Fut: Future<Output = Result<Vec<Value>, LiveError>>,
{
    let head = read_head(&ask(head_calls()).await?)?;
    let calls = state_calls(&head);
    let state = read_state(head, &ask(calls).await?)?;
    let results = ask(pool_calls(&state, validators_of)).await?;
    let pools = read_pools(&state, validators_of, &results)?;
    let takes = match take_calls(&state, &pools) {
        Some(calls) => ask(calls).await?,
        None => Vec::new(),
    };
    finish(&state, &pools, &takes, endpoint, fetched_at)
}
