//! Rounds 3 and 4 of a read (see `read.rs`): every dynamic pool's fee rate and curve, the
//! chosen subnets' neurons, then their permitted validators' takes.

use super::error::LiveError;
use super::keys::{hex, unhex};
use super::rpc::Call;
use super::state::{dynamic, State};
use super::storage::{self, PoolItem, PoolStorage, POOL_ITEMS};
use super::validators::{self, Neuron};
use serde_json::{json, Value};
use std::collections::HashMap;

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
            .ok_or_else(|| LiveError::reply("state_call", "no hex bytes"))?;
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
    let stored = storage::changes(results.first())?;
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
