//! One read of the chain, in four rounds of batched calls, all at one block:
//! 1. the head block's hash and the chain's name;
//! 2. at that block: its header, the runtime version, every subnet's dynamic info (one runtime
//!    call, `SubnetInfoRuntimeApi_get_all_dynamic_info`) and the chain-wide values (one
//!    `state_queryStorageAt`) (`state.rs`);
//! 3. every dynamic pool's fee rate and curve (one `state_queryStorageAt` for all of them), and
//!    the chosen subnets' neurons (one `get_selective_metagraph` call each, three fields);
//! 4. when they have permitted validators, those validators' takes (one `state_queryStorageAt`)
//!    (`pools.rs`).
//!
//! Then `finish` makes the app's snapshot of it. The rounds are pure functions from answers to
//! the next calls, so the browser and the native writer share them and tests drive them
//! without a network.

pub use super::pools::{pool_calls, read_pools, take_calls, Pools};
pub use super::state::{head_calls, read_head, read_state, state_calls, Head, State};

use super::error::LiveError;
use super::keys::hex;
use super::rpc::Call;
use super::storage::{self, Global, PoolStorage};
use super::validators;
use crate::model::num::units::rao_to_decimal;
use crate::model::pool::fee::FeeRate;
use crate::model::pool::weights::TaoWeight;
use crate::model::pool::Mechanism;
use crate::snapshot::dynamic_info::DynamicInfo;
use crate::snapshot::{Runtime, Snapshot, Subnet};
use rust_decimal::Decimal;
use serde_json::Value;
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
        Some(answer) => storage::changes(Some(answer))?,
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
