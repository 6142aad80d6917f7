//! One read of the chain, in rounds of batched calls, all at one block:
//! 1. the head block, the genesis block, the chain's name and the runtime's version; then the
//!    runtime's schema, kept from an earlier read or made from its metadata (`runtime.rs`);
//! 2. at the head: its header and runtime version, every subnet (`get_all_dynamic_info`), the
//!    block emission and the chain-wide values, the lock rates (`state.rs`);
//! 3. every dynamic pool's fee rate, curve and alpha reservoir, the alpha no one can stake, the
//!    TAO emission's terms (`emission.rs`), the chosen subnets' neurons; 4. their permitted
//!    validators' takes (`pools.rs`);
//! 5. where the runtime has them, the root baskets and the first page of their pricing, then
//!    a round for each further page (`baskets.rs`).
//!
//! Then `finish` makes the app's snapshot of what succeeded and names what failed (`parts.rs`).
//! The rounds are pure functions from answers to the next calls, so the browser and the native
//! writer share them and tests drive them without a network.

pub use super::pools::{pool_calls, read_pools, take_calls, Pools};
pub use super::runtime::{head_calls, read_head, Head, MemoryStore, SchemaStore};
pub use super::state::{read_state, state_calls, tao_weight, State};

use super::error::LiveError;
use super::keys::unhex;
use super::metadata::Schema;
use super::parts::{Failure, LiveRead, Part};
use super::pools::read_takes;
use super::rpc::{Answers, Call};
use super::validators;
use crate::model::num::units::rao_to_decimal;
use crate::model::pool::fee::FeeRate;
use crate::model::pool::weights::TaoWeight;
use crate::model::pool::Mechanism;
use crate::snapshot::{Runtime, Snapshot};
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

/// The network's name in data, from the chain's (`system_chain`): finney calls itself
/// "Bittensor".
pub fn network(chain: &str) -> String {
    match chain {
        "Bittensor" => "finney".to_string(),
        other => other.to_lowercase(),
    }
}

/// What a read needs besides the node: where it reads, when, whose validators.
pub struct ReadOptions<'a> {
    pub endpoint: &'a str,
    pub fetched_at: &'a str,
    pub validators_of: &'a [u16],
}

/// The whole read: `ask` sends one batch and returns each call's answer in order; schemas are
/// kept in `store`; `progress` hears of anything slow (a runtime met for the first time).
pub async fn read<F, Fut>(
    options: &ReadOptions<'_>,
    store: &dyn SchemaStore,
    progress: &dyn Fn(&str),
    mut ask: F,
) -> Result<LiveRead, LiveError>
where
    F: FnMut(Vec<Call>) -> Fut,
    Fut: Future<Output = Result<Answers, LiveError>>,
{
    let head = read_head(ask(head_calls()).await?)?;
    let mut schema = super::runtime::schema(
        store,
        &head.genesis,
        head.spec_version,
        &head.hash,
        progress,
        &mut ask,
    )
    .await?;
    let mut tries = 0;
    let state = loop {
        let answers = ask(state_calls(&head, &schema)).await?;
        match read_state(head.clone(), &schema, answers)? {
            Ok(state) => break state,
            // The node upgraded its runtime between rounds 1 and 2: read with the head's.
            Err(actual) if tries == 0 => {
                tries += 1;
                schema = super::runtime::schema(
                    store,
                    &head.genesis,
                    actual,
                    &head.hash,
                    progress,
                    &mut ask,
                )
                .await?;
            }
            Err(actual) => {
                return Err(LiveError::Runtime {
                    spec: actual,
                    why: "the runtime changed while it was being read".into(),
                })
            }
        }
    };
    let mut pools = match ask(pool_calls(&schema, &state, options.validators_of)).await {
        Ok(answers) => read_pools(&schema, &state, options.validators_of, answers),
        // The whole round failed: each of its parts did (the emission terms where the runtime
        // has them).
        Err(e) => Pools {
            failed: [
                Part::Curves,
                Part::EligibleAlpha,
                Part::EmissionTerms,
                Part::Validators,
            ]
            .into_iter()
            .filter(|p| *p != Part::EmissionTerms || super::emission::in_runtime(&schema))
            .map(|p| Failure::new(p, &e))
            .collect(),
            ..Pools::default()
        },
    };
    let mut takes = HashMap::new();
    if let Some(calls) = take_calls(&schema, &state, &pools) {
        match ask(calls)
            .await
            .and_then(|a| read_takes(&schema, &pools, a))
        {
            Ok(read) => takes = read,
            Err(e) => {
                pools.neurons = None;
                pools.failed.push(Failure::new(Part::Validators, &e));
            }
        }
    }
    if super::baskets::in_runtime(&schema) {
        match super::baskets::read(&schema, &state.head.hash, &mut ask).await {
            Ok(baskets) => pools.baskets = Some(baskets),
            Err(e) => pools.failed.push(Failure::new(Part::Baskets, &e)),
        }
    }
    finish(&schema, &state, pools, &takes, options)
}

/// The snapshot of what the rounds read, and the parts that failed. A part whose values are
/// absurd (a weight no pool can have) fails like one the node refused.
pub fn finish(
    schema: &Schema,
    state: &State,
    mut pools: Pools,
    takes: &HashMap<[u8; 32], u16>,
    options: &ReadOptions<'_>,
) -> Result<LiveRead, LiveError> {
    let mut failed = state.failed.clone();
    failed.append(&mut pools.failed);
    let mut subnets = state.subnets.clone();
    if let Some(storage) = &pools.storage {
        let mut curved = subnets.clone();
        let applied: Result<(), LiveError> = curved.iter_mut().try_for_each(|subnet| {
            let netuid = subnet.netuid;
            let absurd = |why: String| LiveError::Absurd(format!("subnet {netuid}: {why}"));
            let Some(pool) = storage.get(&netuid) else {
                return Ok(());
            };
            if let Some(rate) = pool.fee_rate {
                subnet.fee_rate =
                    Some(FeeRate::new(u64::from(rate)).map_err(|e| absurd(e.to_string()))?);
            }
            if let Some(parts) = pool.balancer_quote {
                subnet.w_tao =
                    Some(TaoWeight::from_parts(parts).map_err(|e| absurd(e.to_string()))?);
            }
            subnet.superellipse = pool.superellipse;
            subnet.alpha_reservoir_rao = pool.alpha_reservoir;
            subnet.pool().map_err(|e| absurd(e.to_string()))?;
            Ok(())
        });
        match applied {
            Ok(()) => subnets = curved,
            Err(e) => failed.push(Failure::new(Part::Curves, &e)),
        }
    }
    if let Some(unstakeable) = &pools.unstakeable {
        for s in subnets
            .iter_mut()
            .filter(|s| s.mechanism == Mechanism::Dynamic)
        {
            let taken = unstakeable.get(&s.netuid).copied().unwrap_or(0);
            s.eligible_alpha_rao = s.alpha_out_rao.map(|out| out.saturating_sub(taken));
        }
    }
    for (netuid, neurons) in pools.neurons.iter().flatten() {
        if let Some(s) = subnets.iter_mut().find(|s| s.netuid == *netuid) {
            let (list, total) = validators::validators(neurons, |h| takes.get(h).copied());
            s.validators = list;
            // No permitted stake is no yield base: the calculators fall back as without data.
            s.validator_alpha_stake = (!total.is_zero()).then_some(total);
        }
    }
    let network = network(&state.head.chain);
    let values = state.chain_values;
    let mut snapshot = Snapshot {
        network,
        block: Some(state.block),
        taken_at: Some(options.fetched_at.to_string()),
        source: format!(
            "Read from the chain at {} (runtime spec {})",
            options.endpoint, state.spec_version
        ),
        block_emission_tao: values.map(|v| rao_to_decimal(v.block_emission_rao)),
        tao_weight: values.map(|v| v.tao_weight),
        root_tao_staked: values.map(|v| rao_to_decimal(v.root_tao_rao)),
        runtime: Runtime {
            spec_version: Some(state.spec_version),
            maturity_rate: state.lock_rates.map(|r| r.0),
            unlock_rate: state.lock_rates.map(|r| r.1),
            owner_cut: values.map(|v| v.owner_cut),
            block_hash: unhex(&state.head.hash).and_then(|h| <[u8; 32]>::try_from(h).ok()),
            // The emission gate's terms, below.
            ..Runtime::default()
        },
        subnets,
        root_baskets: pools.baskets.take(),
    };
    if let Some(terms) = &pools.terms {
        super::emission::apply(terms, &mut snapshot);
    }
    let _ = schema;
    Ok(LiveRead { snapshot, failed })
}
