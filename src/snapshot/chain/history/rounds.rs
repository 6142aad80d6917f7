//! The rounds of a history read below the head: each block's hash and time, the date
//! searches (every search's probes in the same rounds), and each block's runtime and state,
//! one batch for all blocks per round, blocks kept in the cache skipped.

use super::block;
use super::search::{self, when, Search, MAX_ROUNDS};
use super::{asked, HistoryCache};
use crate::snapshot::chain::error::LiveError;
use crate::snapshot::chain::rpc::{Answers, Call};
use crate::snapshot::chain::runtime::{spec_version, SchemaStore};
use crate::snapshot::history::BlockState;
use serde_json::{json, Value as Json};
use std::future::Future;

fn hash_of(answer: Result<Json, LiveError>, number: u64) -> Result<String, LiveError> {
    match answer? {
        Json::Null => Err(LiveError::History(format!(
            "Block {number} is not on the chain (yet)."
        ))),
        Json::String(h)
            if crate::snapshot::chain::keys::unhex(&h).is_some_and(|b| b.len() == 32) =>
        {
            Ok(h)
        }
        _ => Err(LiveError::reply(
            "chain_getBlockHash",
            "no 32-byte block hash",
        )),
    }
}

/// The hash and time of every block in `numbers` not kept yet: one batch of hashes, one of
/// times.
pub(super) async fn learn_blocks<F, Fut>(
    numbers: &[u64],
    cache: &mut HistoryCache,
    cancelled: &dyn Fn() -> bool,
    ask: &mut F,
) -> Result<(), LiveError>
where
    F: FnMut(Vec<Call>) -> Fut,
    Fut: Future<Output = Result<Answers, LiveError>>,
{
    let mut new: Vec<u64> = numbers
        .iter()
        .copied()
        .filter(|n| !cache.blocks.contains_key(n))
        .collect();
    new.sort_unstable();
    new.dedup();
    if new.is_empty() {
        return Ok(());
    }
    let calls = new
        .iter()
        .map(|n| Call::new("chain_getBlockHash", json!([n])))
        .collect();
    let hashes: Vec<String> = asked(ask, cancelled, calls)
        .await?
        .into_iter()
        .zip(&new)
        .map(|(a, n)| hash_of(a, *n))
        .collect::<Result<_, _>>()?;
    let calls = hashes.iter().map(|h| block::timestamp_call(h)).collect();
    let times = asked(ask, cancelled, calls).await?;
    for ((n, h), t) in new.iter().zip(hashes).zip(times) {
        let t = block::read_timestamp(t).map_err(|e| block::pruned(e, *n))?;
        cache.blocks.insert(*n, (h, t));
    }
    Ok(())
}

/// The first block at or after each time, every search's probes in the same rounds.
pub(super) async fn find_times<F, Fut>(
    targets_ms: &[u64],
    head: (u64, u64),
    cache: &mut HistoryCache,
    progress: &dyn Fn(&str),
    cancelled: &dyn Fn() -> bool,
    ask: &mut F,
) -> Result<Vec<u64>, LiveError>
where
    F: FnMut(Vec<Call>) -> Fut,
    Fut: Future<Output = Result<Answers, LiveError>>,
{
    let mut searches: Vec<Search> = targets_ms
        .iter()
        .map(|t| Search::new(*t, head).map_err(LiveError::History))
        .collect::<Result<_, _>>()?;
    for round in 1..=MAX_ROUNDS + 1 {
        for s in &mut searches {
            for (n, (_, t)) in &cache.blocks {
                s.learn(*n, *t);
            }
        }
        let mut probes: Vec<u64> = Vec::new();
        for s in &mut searches {
            if s.found().is_none() && s.rounds >= MAX_ROUNDS {
                return Err(LiveError::History(format!(
                    "The block for {} was not found in {MAX_ROUNDS} rounds of search: the \
                     node's block times are not in order.",
                    when(s.target_ms)
                )));
            }
            probes.extend(s.probes());
        }
        if probes.is_empty() {
            break;
        }
        progress(&format!(
            "Finding the block of {} (round {round})…",
            plural(searches.len(), "date")
        ));
        learn_blocks(&probes, cache, cancelled, ask).await?;
    }
    searches
        .iter()
        .map(|s| {
            let n = s.found().unwrap_or(0);
            let first = cache.blocks.get(&n).map_or(0, |(_, t)| *t);
            // Before block 1 by more than a block: the chain did not exist then.
            if n <= 1 && s.target_ms.saturating_add(search::BLOCK_MS) < first {
                return Err(LiveError::History(format!(
                    "{} is before the chain began (its first block is from {}).",
                    when(s.target_ms),
                    when(first)
                )));
            }
            Ok(n.max(1))
        })
        .collect()
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// The states of the blocks `numbers` (known hashes and times in `cache`, else read), each at
/// its own hash, oldest first.
#[allow(clippy::too_many_arguments)]
pub async fn read_states<F, Fut>(
    numbers: &[u64],
    netuid: u16,
    hotkey: &[u8; 32],
    genesis: &str,
    store: &dyn SchemaStore,
    cache: &mut HistoryCache,
    progress: &dyn Fn(&str),
    cancelled: &dyn Fn() -> bool,
    ask: &mut F,
) -> Result<Vec<BlockState>, LiveError>
where
    F: FnMut(Vec<Call>) -> Fut,
    Fut: Future<Output = Result<Answers, LiveError>>,
{
    let mut numbers = numbers.to_vec();
    numbers.sort_unstable();
    numbers.dedup();
    learn_blocks(&numbers, cache, cancelled, ask).await?;
    let id = |n: &u64, cache: &HistoryCache| (cache.blocks[n].0.clone(), netuid, *hotkey);
    let new: Vec<(u64, String)> = numbers
        .iter()
        .filter(|n| !cache.states.contains_key(&id(n, cache)))
        .map(|n| (*n, cache.blocks[n].0.clone()))
        .collect();
    if !new.is_empty() {
        progress(&format!(
            "Reading the runtimes of {}…",
            plural(new.len(), "block")
        ));
        let calls = new
            .iter()
            .map(|(_, h)| Call::new("state_getRuntimeVersion", json!([h])))
            .collect();
        let versions = asked(ask, cancelled, calls).await?;
        let mut specs = Vec::new();
        for ((n, h), v) in new.iter().zip(versions) {
            let spec = v
                .and_then(|v| spec_version(&v))
                .map_err(|e| block::pruned(e, *n))?;
            if let std::collections::hash_map::Entry::Vacant(slot) = cache.schemas.entry(spec) {
                if cancelled() {
                    return Err(LiveError::Cancelled);
                }
                let schema =
                    crate::snapshot::chain::runtime::schema(store, genesis, spec, h, progress, ask)
                        .await
                        .map_err(|e| block::pruned(e, *n))?;
                slot.insert(schema);
            }
            block::check_runtime(&cache.schemas[&spec], *n)?;
            specs.push(spec);
        }
        progress(&format!(
            "Reading the state of {}…",
            plural(new.len(), "block")
        ));
        let mut calls = Vec::new();
        for ((_, h), spec) in new.iter().zip(&specs) {
            calls.extend(block::calls(&cache.schemas[spec], h, netuid, hotkey));
        }
        let mut answers = asked(ask, cancelled, calls).await?.into_iter();
        for ((n, h), spec) in new.iter().zip(&specs) {
            let schema = &cache.schemas[spec];
            let count = block::calls(schema, h, netuid, hotkey).len();
            let mine: Vec<_> = answers.by_ref().take(count).collect();
            let read = block::read(schema, netuid, hotkey, mine.into_iter())
                .map_err(|e| block::pruned(e, *n))?;
            let state = BlockState {
                number: *n,
                hash: hash_bytes(h)?,
                timestamp_ms: cache.blocks[n].1,
                spec_version: *spec,
                hotkey_alpha_rao: read.hotkey_alpha_rao,
                shares: read.shares,
                pool: read.pool,
                root_stake_price: read.root_stake_price,
            };
            cache.states.insert((h.clone(), netuid, *hotkey), state);
        }
    }
    Ok(numbers
        .iter()
        .map(|n| cache.states[&id(n, cache)].clone())
        .collect())
}

fn hash_bytes(h: &str) -> Result<[u8; 32], LiveError> {
    crate::snapshot::chain::keys::unhex(h)
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .ok_or_else(|| LiveError::reply("chain_getBlockHash", "no 32-byte block hash"))
}
