//! Rounds 3 and 4 of a read (see `read.rs`), each part its own call so that one can fail
//! alone: every dynamic pool's fee rate and curve (`Swap::FeeRate`, `SwapBalancer`, and
//! `SwapSuperellipse` only where the runtime has it: the superellipse is a proposal, SPEC §1b)
//! with its alpha reservoir (`BalancerAlphaReservoir`, where the runtime has it);
//! the alpha no one can stake (`SubnetProtocolAlpha`, `AlphaBurned`, where the runtime has
//! them); the TAO emission's terms where the runtime has them (`emission.rs`); the chosen
//! subnets' neurons; then their permitted validators' takes.

use super::emission::{self, Terms};
use super::error::LiveError;
use super::keys::hex;
use super::metadata::{storage_key, Arg, Schema};
use super::parts::{Failure, Part};
use super::rpc::{Answers, Call};
use super::state::{
    call_bytes, changes, dynamic, item, state_call, stored_number, stored_value, State,
};
use super::validators::{self, Neuron};
use super::wanted::{self, Wanted, METAGRAPH};
use crate::model::pool::superellipse::Superellipse;
use serde_json::{json, Value as Json};
use std::collections::HashMap;

/// The curve items this runtime has (a missing one reads as its chain default: a runtime
/// before the Balancer pool is x*y=k, which is Balancer at 1/2), with the pool's alpha
/// reservoir.
fn curve_items(schema: &Schema) -> Vec<Wanted> {
    [
        wanted::FEE_RATE,
        wanted::BALANCER,
        wanted::SUPERELLIPSE,
        wanted::ALPHA_RESERVOIR,
    ]
    .into_iter()
    .filter(|w| schema.item(w.name).is_some())
    .collect()
}

fn eligible_items(schema: &Schema) -> Vec<Wanted> {
    [wanted::PROTOCOL_ALPHA, wanted::ALPHA_BURNED]
        .into_iter()
        .filter(|w| schema.item(w.name).is_some())
        .collect()
}

/// The keys of `items` at every dynamic subnet, subnet by subnet.
fn per_subnet_keys(schema: &Schema, state: &State, items: &[Wanted]) -> Vec<String> {
    dynamic(state)
        .flat_map(|n| {
            items.iter().filter_map(move |w| {
                let it = item(schema, w).ok()?;
                storage_key(schema, it, &[Arg::Uint(u128::from(n))])
                    .ok()
                    .map(|k| hex(&k))
            })
        })
        .collect()
}

/// Round 3's calls: the curves' storage, the eligible alpha's storage and the TAO emission's
/// terms where the runtime has them, then one metagraph call per subnet of `validators_of`
/// that the chain lists.
pub fn pool_calls(schema: &Schema, state: &State, validators_of: &[u16]) -> Vec<Call> {
    let at = state.head.hash.as_str();
    let mut calls = vec![Call::new(
        "state_queryStorageAt",
        json!([per_subnet_keys(schema, state, &curve_items(schema)), at]),
    )];
    if !eligible_items(schema).is_empty() {
        calls.push(Call::new(
            "state_queryStorageAt",
            json!([per_subnet_keys(schema, state, &eligible_items(schema)), at]),
        ));
    }
    if emission::in_runtime(schema) {
        let mut keys = emission::gate_keys(schema);
        keys.extend(per_subnet_keys(
            schema,
            state,
            &emission::subnet_items(schema),
        ));
        calls.push(Call::new("state_queryStorageAt", json!([keys, at])));
    }
    for netuid in with_validators(state, validators_of) {
        // Arguments that cannot be written fail the part when read.
        let args = validators::metagraph_args(schema, netuid).unwrap_or_default();
        calls.push(state_call(METAGRAPH, &args, at));
    }
    calls
}

fn with_validators<'a>(state: &'a State, wanted: &'a [u16]) -> impl Iterator<Item = u16> + 'a {
    dynamic(state).filter(move |n| wanted.contains(n))
}

/// What a dynamic pool's storage says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PoolStorage {
    pub fee_rate: Option<u16>,
    /// The Balancer TAO weight in Perquintill parts.
    pub balancer_quote: Option<u64>,
    pub superellipse: Option<Superellipse>,
    /// `BalancerAlphaReservoir` (RaoFoundation/subtensor `pallets/swap/src/pallet/mod.rs` at
    /// 0249a4a, lines 129-132: `StorageMap<_, Twox64Concat, NetUid, AlphaBalance, ValueQuery>`,
    /// so nothing stored is 0), where the runtime has it.
    pub alpha_reservoir: Option<u64>,
}

/// What round 3 read; `None` where a part failed (and is named in `failed`) or the runtime
/// lacks it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pools {
    pub storage: Option<HashMap<u16, PoolStorage>>,
    /// Per subnet, alpha bought by the chain plus alpha burned.
    pub unstakeable: Option<HashMap<u16, u64>>,
    pub terms: Option<Terms>,
    pub neurons: Option<Vec<(u16, Vec<Neuron>)>>,
    /// The root baskets, read in a round of their own after the takes (`baskets.rs`).
    pub baskets: Option<Vec<crate::snapshot::basket::RootBasket>>,
    pub failed: Vec<Failure>,
}

/// A runtime's answer that does not read as its metadata says (also `baskets.rs`).
pub(super) fn runtime(schema: &Schema) -> impl Fn(String) -> LiveError {
    LiveError::of_runtime(schema.spec_version)
}

fn read_curves(
    schema: &Schema,
    state: &State,
    answer: Result<Json, LiveError>,
) -> Result<HashMap<u16, PoolStorage>, LiveError> {
    let stored = changes(&answer?)?;
    let runtime = runtime(schema);
    let mut pools = HashMap::new();
    for netuid in dynamic(state) {
        let key = [Arg::Uint(u128::from(netuid))];
        let within = |w: String| runtime(format!("subnet {netuid}'s {w}"));
        let has = |w: &Wanted| schema.item(w.name).is_some();
        let mut pool = PoolStorage::default();
        if has(&wanted::FEE_RATE) {
            pool.fee_rate =
                stored_number(schema, &stored, &wanted::FEE_RATE, &key).map_err(within)?;
        }
        if has(&wanted::BALANCER) {
            pool.balancer_quote =
                stored_number(schema, &stored, &wanted::BALANCER, &key).map_err(within)?;
        }
        if has(&wanted::ALPHA_RESERVOIR) {
            pool.alpha_reservoir =
                stored_number(schema, &stored, &wanted::ALPHA_RESERVOIR, &key).map_err(within)?;
        }
        if has(&wanted::SUPERELLIPSE) {
            if let Some(curve) =
                stored_value(schema, &stored, &wanted::SUPERELLIPSE, &key).map_err(within)?
            {
                if let Some(curve) = curve.inner() {
                    let c = super::metadata::Named::new("SwapSuperellipse", curve);
                    pool.superellipse = Some(Superellipse {
                        alpha_scale: c.number("alpha_scale").map_err(within)?,
                        tao_scale: c.number("tao_scale").map_err(within)?,
                        center_alpha: c.field("center_alpha").map_err(within)?.int().ok_or_else(
                            || within("SwapSuperellipse's center_alpha is not a number".into()),
                        )?,
                        center_tao: c.field("center_tao").map_err(within)?.int().ok_or_else(
                            || within("SwapSuperellipse's center_tao is not a number".into()),
                        )?,
                    });
                }
            }
        }
        pools.insert(netuid, pool);
    }
    Ok(pools)
}

fn read_unstakeable(
    schema: &Schema,
    state: &State,
    answer: Result<Json, LiveError>,
) -> Result<HashMap<u16, u64>, LiveError> {
    let stored = changes(&answer?)?;
    let runtime = runtime(schema);
    let mut out = HashMap::new();
    for netuid in dynamic(state) {
        let key = [Arg::Uint(u128::from(netuid))];
        let mut total = 0u64;
        for w in eligible_items(schema) {
            let n: u64 = stored_number(schema, &stored, &w, &key)
                .map_err(|e| runtime(format!("subnet {netuid}'s {e}")))?
                .unwrap_or(0);
            total = total.saturating_add(n);
        }
        out.insert(netuid, total);
    }
    Ok(out)
}

/// Round 3's answers, part by part.
pub fn read_pools(
    schema: &Schema,
    state: &State,
    validators_of: &[u16],
    answers: Answers,
) -> Pools {
    let mut answers = answers.into_iter();
    let mut next = || {
        answers
            .next()
            .unwrap_or_else(|| Err(LiveError::reply("a batch", "no answer")))
    };
    let mut pools = Pools::default();
    match read_curves(schema, state, next()) {
        Ok(s) => pools.storage = Some(s),
        Err(e) => pools.failed.push(Failure::new(Part::Curves, &e)),
    }
    if !eligible_items(schema).is_empty() {
        match read_unstakeable(schema, state, next()) {
            Ok(u) => pools.unstakeable = Some(u),
            Err(e) => pools.failed.push(Failure::new(Part::EligibleAlpha, &e)),
        }
    }
    if emission::in_runtime(schema) {
        match emission::read_terms(schema, state, next()) {
            Ok(t) => pools.terms = Some(t),
            Err(e) => pools.failed.push(Failure::new(Part::EmissionTerms, &e)),
        }
    }
    let mut neurons = Vec::new();
    for netuid in with_validators(state, validators_of) {
        let read = next().and_then(|answer| {
            let bytes = call_bytes(&answer)?;
            validators::read_metagraph(schema, &bytes, netuid).map_err(runtime(schema))
        });
        match read {
            Ok(list) => neurons.push((netuid, list)),
            Err(e) => {
                // Arguments this runtime cannot take say so before any answer does.
                let e = match validators::metagraph_args(schema, netuid) {
                    Err(why) => runtime(schema)(why),
                    Ok(_) => e,
                };
                pools.failed.push(Failure::new(Part::Validators, &e));
                return pools;
            }
        }
    }
    pools.neurons = Some(neurons);
    pools
}

/// Round 4: the takes of the permitted validators read in round 3, when there are any.
pub fn take_calls(schema: &Schema, state: &State, pools: &Pools) -> Option<Vec<Call>> {
    let delegates = schema.item(wanted::DELEGATES.name)?;
    let keys: Vec<String> = pools
        .neurons
        .iter()
        .flatten()
        .flat_map(|(_, list)| list.iter().filter(|n| n.permit))
        .filter_map(|n| storage_key(schema, delegates, &[Arg::Account(n.hotkey)]).ok())
        .map(|k| hex(&k))
        .collect();
    (!keys.is_empty()).then(|| {
        vec![Call::new(
            "state_queryStorageAt",
            json!([keys, state.head.hash]),
        )]
    })
}

/// Round 4's answer: each permitted hotkey's take in parts of 65,535, the default where none
/// is stored.
pub fn read_takes(
    schema: &Schema,
    pools: &Pools,
    answers: Answers,
) -> Result<HashMap<[u8; 32], u16>, LiveError> {
    let runtime = runtime(schema);
    let answer = answers
        .into_iter()
        .next()
        .unwrap_or_else(|| Err(LiveError::reply("a batch", "no answer")))?;
    let stored = changes(&answer)?;
    let mut takes = HashMap::new();
    for n in pools
        .neurons
        .iter()
        .flatten()
        .flat_map(|(_, l)| l)
        .filter(|n| n.permit)
    {
        let value = stored_value(
            schema,
            &stored,
            &wanted::DELEGATES,
            &[Arg::Account(n.hotkey)],
        )
        .map_err(&runtime)?
        .ok_or_else(|| runtime("Delegates has no default".into()))?;
        takes.insert(n.hotkey, validators::take_parts(&value).map_err(&runtime)?);
    }
    Ok(takes)
}
