//! A validator's past on one subnet, read from an archive node (issue 33; the types are
//! `snapshot::history`). Every call is asked at a block's hash, so the state is that block's:
//! 1. the head: `head_calls` (the head's hash, the genesis, the chain, the runtime), then its
//!    header and `Timestamp::Now` (kept: a head read before costs only the first round);
//! 2. the blocks asked for: a number as it is; a date or "N days ago" by a search
//!    (`search.rs`) whose rounds each ask `chain_getBlockHash(n)` of every probe of every date
//!    in one batch and then their `Timestamp::Now` in another;
//! 3. each block's hash (`chain_getBlockHash`), runtime (`state_getRuntimeVersion` at it: an
//!    old block may be an older runtime, whose schema `runtime::schema` fetches once at that
//!    block) and time, one batch for all blocks;
//! 4. each block's stake accounting, pool and root price (`block.rs`), one batch for all.
//!
//! Blocks are kept in a [`HistoryCache`] by hash (and their numbers' hashes and times), so a
//! block read before costs no request. `cancelled` is checked before every round; `progress`
//! hears what each round does.

pub mod block;
pub mod rounds;
pub mod search;
pub mod targets;

pub use rounds::read_states;
pub use targets::{date_seconds, parse_targets, write_targets, Target};

use super::error::LiveError;
use super::metadata::Schema;
use super::rpc::{Answers, Call};
use super::runtime::{head_calls, read_head, Head, SchemaStore};
use super::validators::ss58;
use crate::snapshot::history::{BlockState, History};
use serde_json::json;
use std::collections::{BTreeMap, HashMap};
use std::future::Future;

/// What a history read needs besides the node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryOptions {
    /// The archive node's address (for sentences; the transport holds the connection).
    pub archive: String,
    pub netuid: u16,
    pub hotkey: [u8; 32],
    pub targets: Vec<Target>,
}

/// Blocks read before, so asking again costs nothing: states by block hash, and each block
/// number's hash and time. Kept by the caller for as long as the chain is the same one.
#[derive(Clone, Debug, Default)]
pub struct HistoryCache {
    /// `(hash, netuid, hotkey)` -> state.
    states: HashMap<(String, u16, [u8; 32]), BlockState>,
    /// Number -> (hash, `Timestamp::Now` ms).
    blocks: BTreeMap<u64, (String, u64)>,
    schemas: HashMap<u32, Schema>,
}

impl HistoryCache {
    pub fn block(&self, number: u64) -> Option<&(String, u64)> {
        self.blocks.get(&number)
    }
    pub fn states(&self) -> usize {
        self.states.len()
    }
}

/// Each call's answer, checking `cancelled` first.
pub(super) async fn asked<F, Fut>(
    ask: &mut F,
    cancelled: &dyn Fn() -> bool,
    calls: Vec<Call>,
) -> Result<Answers, LiveError>
where
    F: FnMut(Vec<Call>) -> Fut,
    Fut: Future<Output = Result<Answers, LiveError>>,
{
    if cancelled() {
        return Err(LiveError::Cancelled);
    }
    let answers = ask(calls).await?;
    if cancelled() {
        return Err(LiveError::Cancelled);
    }
    Ok(answers)
}

/// The head: its hash and chain, and its number and time (kept when read before).
async fn read_head_block<F, Fut>(
    cache: &mut HistoryCache,
    cancelled: &dyn Fn() -> bool,
    ask: &mut F,
) -> Result<(Head, u64, u64), LiveError>
where
    F: FnMut(Vec<Call>) -> Fut,
    Fut: Future<Output = Result<Answers, LiveError>>,
{
    let head = read_head(asked(ask, cancelled, head_calls()).await?)?;
    if let Some((n, (_, t))) = cache.blocks.iter().find(|(_, (h, _))| *h == head.hash) {
        return Ok((head.clone(), *n, *t));
    }
    let calls = vec![
        Call::new("chain_getHeader", json!([head.hash])),
        block::timestamp_call(&head.hash),
    ];
    let mut answers = asked(ask, cancelled, calls).await?.into_iter();
    let mut next = || {
        answers
            .next()
            .unwrap_or_else(|| Err(LiveError::reply("a batch", "no answer")))
    };
    let number = block::header_number(&next()?)?;
    let time = block::read_timestamp(next())?;
    cache.blocks.insert(number, (head.hash.clone(), time));
    Ok((head, number, time))
}

/// The whole read: the head, the blocks of `options.targets` (found as `Target` says) and the
/// head itself, each block's state at its own hash, oldest first. `ask` sends one batch and
/// returns each call's answer in order.
pub async fn read_history<F, Fut>(
    options: &HistoryOptions,
    store: &dyn SchemaStore,
    cache: &mut HistoryCache,
    progress: &dyn Fn(&str),
    cancelled: &dyn Fn() -> bool,
    mut ask: F,
) -> Result<History, LiveError>
where
    F: FnMut(Vec<Call>) -> Fut,
    Fut: Future<Output = Result<Answers, LiveError>>,
{
    progress("Reading the archive node's newest block…");
    let (head, head_number, head_ms) = read_head_block(cache, cancelled, &mut ask).await?;
    let mut numbers = vec![head_number];
    let mut times = Vec::new();
    for t in &options.targets {
        match *t {
            Target::Block(n) if n > head_number => {
                return Err(LiveError::History(format!(
                    "Block {n} is not made yet: the newest block is {head_number}."
                )))
            }
            Target::Block(n) => numbers.push(n.max(1)),
            Target::Date { unix_seconds } => {
                let ms = u64::try_from(unix_seconds)
                    .ok()
                    .and_then(|s| s.checked_mul(1000))
                    .ok_or_else(|| {
                        LiveError::History(
                            "That date is before the chain began (before 1970).".into(),
                        )
                    })?;
                times.push(ms);
            }
            Target::DaysAgo(days) => {
                times.push(head_ms.saturating_sub(u64::from(days) * 86_400_000))
            }
        }
    }
    let found = rounds::find_times(
        &times,
        (head_number, head_ms),
        cache,
        progress,
        cancelled,
        &mut ask,
    )
    .await?;
    numbers.extend(found);
    let points = rounds::read_states(
        &numbers,
        options.netuid,
        &options.hotkey,
        &head.genesis,
        store,
        cache,
        progress,
        cancelled,
        &mut ask,
    )
    .await?;
    Ok(History {
        netuid: options.netuid,
        hotkey: ss58(&options.hotkey),
        points,
    })
}
