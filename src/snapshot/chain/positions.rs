//! A wallet's positions read live (issue 32): for a list of coldkeys, at the head block,
//! 1. the head, the genesis, the chain's name and the runtime's version; then its schema, kept
//!    or made from its metadata (`runtime.rs`, as every read);
//! 2. one round at the head: its header and runtime version, and
//!    - every coldkey's stakes, `StakeInfoRuntimeApi_get_stake_info_for_coldkeys(coldkeys)`
//!      (RaoFoundation/subtensor `pallets/subtensor/src/rpc_info/stake_info.rs` at 0bb2cb3:
//!      each coldkey asked, in order, with a `StakeInfo` per (subnet, hotkey) of its
//!      `StakingHotkeys` holding alpha); it must read, else the read fails;
//!    - where the runtime has it (spec 461, not 393), the alpha each coldkey's conviction lock
//!      holds on each subnet now, `get_stake_availability_for_coldkeys(coldkeys, None)` (same
//!      file, every subnet): its `locked` is `get_current_locked`, the lock rolled forward to
//!      the block, the same mass `get_coldkey_lock(coldkey, netuid)` answers
//!      (`staking/lock/lock_availability.rs` at 3482955, lines 21-29 and 42-49), one call for
//!      every coldkey and subnet instead of one per pair. `StakeInfo.locked` is always 0 (line
//!      24) and is not read. Without the call the locked part stays unknown (`None`);
//!    - each coldkey's free TAO, `System::Account(coldkey).data.free` (`state_queryStorageAt`);
//!    - where the runtime has it (spec 461, not 393), each coldkey's root basket positions,
//!      `BetaBasketRuntimeApi_get_root_basket_portfolio(coldkey)` (`runtime/src/lib.rs` at
//!      005a8dc, `impl BetaBasketRuntimeApi`; `BasketPosition` in `rpc_info/basket_info.rs`).
//!
//! The locks, the free balances and the basket positions each fail alone (`parts.rs`): what
//! did not fail is kept and the part is named. Values are read by name (`position_values.rs`).

use super::error::LiveError;
use super::keys::hex;
use super::metadata::{encode, storage_key, Arg, Schema, Value};
use super::parts::{Failure, Part};
use super::position_values as values;
use super::rpc::{Answers, Call};
use super::runtime::{head_calls, read_head, spec_version, Head, SchemaStore};
use super::state::{call_bytes, changes, item, state_call, stored_value};
use super::validators::ss58;
use super::wanted::{ACCOUNT, BASKET_PORTFOLIO, STAKE_AVAILABILITY, STAKE_INFO};
use crate::snapshot::positions::{BasketPosition, Holder, Positions, Stake};
use serde_json::{json, Value as Json};
use std::future::Future;

/// What a positions read gives: the positions of the parts that read, and the parts that
/// failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PositionsRead {
    pub positions: Positions,
    pub failed: Vec<Failure>,
}

/// What a positions read needs besides the node.
pub struct PositionsOptions<'a> {
    pub endpoint: &'a str,
    pub fetched_at: &'a str,
    /// The coldkeys' account bytes, in the order they are shown.
    pub coldkeys: &'a [[u8; 32]],
}

/// The account bytes of each SS58 address, or the sentence of the first bad one
/// (`positions::address`).
pub fn accounts(coldkeys: &[String]) -> Result<Vec<[u8; 32]>, String> {
    coldkeys
        .iter()
        .enumerate()
        .map(|(i, c)| {
            crate::snapshot::positions::address::parse(c)
                .map_err(|why| format!("Address {}: {why}", i + 1))
        })
        .collect()
}

fn runtime(schema: &Schema) -> impl Fn(String) -> LiveError {
    LiveError::of_runtime(schema.spec_version)
}

/// The arguments of the runtime call `name`, written as the runtime types them.
pub fn call_args(schema: &Schema, name: &str, args: &[Arg]) -> Result<Vec<u8>, LiveError> {
    let within = runtime(schema);
    let call = schema
        .call(name)
        .ok_or_else(|| within(format!("it has no runtime call {name}")))?;
    if call.inputs.len() != args.len() {
        return Err(within(format!("{name} takes other arguments")));
    }
    let mut out = Vec::new();
    for (ty, arg) in call.inputs.iter().zip(args) {
        out.extend(
            encode::encode(&schema.types, *ty, arg)
                .map_err(|e| within(format!("{name}'s arguments: {e}")))?,
        );
    }
    Ok(out)
}

fn list(coldkeys: &[[u8; 32]]) -> Arg {
    Arg::List(coldkeys.iter().map(|c| Arg::Account(*c)).collect())
}

/// The storage keys of the coldkeys' `System::Account`.
pub fn account_keys(schema: &Schema, coldkeys: &[[u8; 32]]) -> Result<Vec<String>, String> {
    let account = item(schema, &ACCOUNT)?;
    coldkeys
        .iter()
        .map(|c| Ok(hex(&storage_key(schema, account, &[Arg::Account(*c)])?)))
        .collect()
}

/// The round's calls at block `at`, in this order: header, runtime version, the stakes, the
/// locks (where the runtime has the call), the free balances, each coldkey's basket positions
/// (where the runtime has the call). Arguments this runtime cannot take go out empty and fail
/// their part when read, with the reason.
pub fn calls(schema: &Schema, at: &str, coldkeys: &[[u8; 32]]) -> Vec<Call> {
    let ask = |name: &str, args: &[Arg]| {
        state_call(name, &call_args(schema, name, args).unwrap_or_default(), at)
    };
    let mut calls = vec![
        Call::new("chain_getHeader", json!([at])),
        Call::new("state_getRuntimeVersion", json!([at])),
        ask(STAKE_INFO, &[list(coldkeys)]),
    ];
    if schema.call(STAKE_AVAILABILITY).is_some() {
        calls.push(ask(STAKE_AVAILABILITY, &[list(coldkeys), Arg::None]));
    }
    let keys = account_keys(schema, coldkeys).unwrap_or_default();
    calls.push(Call::new("state_queryStorageAt", json!([keys, at])));
    if schema.call(BASKET_PORTFOLIO).is_some() {
        for c in coldkeys {
            calls.push(ask(BASKET_PORTFOLIO, &[Arg::Account(*c)]));
        }
    }
    calls
}

/// A call's answer decoded by its output type, its arguments checked as `calls` wrote them.
fn decoded(
    schema: &Schema,
    name: &str,
    args: &[Arg],
    answer: Result<Json, LiveError>,
) -> Result<Value, LiveError> {
    call_args(schema, name, args)?;
    let call = schema
        .call(name)
        .ok_or_else(|| runtime(schema)(format!("it has no runtime call {name}")))?;
    schema
        .answer(call, &call_bytes(&answer?)?)
        .map_err(|e| runtime(schema)(format!("{name} does not read as its type ({e})")))
}

/// What the round read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Round {
    pub block: u64,
    pub holders: Vec<Holder>,
    pub failed: Vec<Failure>,
}

/// The round's answers. The header, the version and the stakes must read; a runtime version
/// other than the schema's is `Ok(Err(spec))` (read again with that runtime's schema).
pub fn read_round(
    schema: &Schema,
    coldkeys: &[[u8; 32]],
    answers: Answers,
) -> Result<Result<Round, u32>, LiveError> {
    let mut answers = answers.into_iter();
    let mut next = || {
        answers
            .next()
            .unwrap_or_else(|| Err(LiveError::reply("a batch", "no answer")))
    };
    let header = next()?;
    let spec = spec_version(&next()?)?;
    if spec != schema.spec_version {
        return Ok(Err(spec));
    }
    let block = header
        .get("number")
        .and_then(Json::as_str)
        .and_then(|n| u64::from_str_radix(n.strip_prefix("0x")?, 16).ok())
        .ok_or_else(|| LiveError::reply("chain_getHeader", "no block number"))?;
    let within = runtime(schema);
    let stakes = decoded(schema, STAKE_INFO, &[list(coldkeys)], next())?;
    let mut read = values::stakes_by_coldkey(&stakes).map_err(&within)?;
    let mut holders: Vec<Holder> = coldkeys
        .iter()
        .map(|c| Holder {
            coldkey: ss58(c),
            // A coldkey the chain did not list has no stake.
            stakes: read
                .iter_mut()
                .find(|(k, _)| k == c)
                .map(|(_, s)| std::mem::take(s))
                .unwrap_or_default(),
            ..Holder::default()
        })
        .collect();
    let mut failed = Vec::new();
    if schema.call(STAKE_AVAILABILITY).is_some() {
        let args = [list(coldkeys), Arg::None];
        match decoded(schema, STAKE_AVAILABILITY, &args, next())
            .and_then(|v| values::locks(&v).map_err(&within))
        {
            Ok(locks) => {
                for (h, c) in holders.iter_mut().zip(coldkeys) {
                    let of = |netuid: u16| locks.get(&(*c, netuid)).copied().unwrap_or(0);
                    values::apply_locks(&mut h.stakes, of);
                }
            }
            Err(e) => failed.push(Failure::new(Part::Locks, &e)),
        }
    }
    match read_free(schema, coldkeys, next()) {
        Ok(free) => {
            for (h, f) in holders.iter_mut().zip(free) {
                h.free_rao = Some(f);
            }
        }
        Err(e) => failed.push(Failure::new(Part::FreeBalances, &e)),
    }
    if schema.call(BASKET_PORTFOLIO).is_some() {
        let mut all: Result<Vec<Vec<BasketPosition>>, LiveError> = Ok(Vec::new());
        for c in coldkeys {
            let one = decoded(schema, BASKET_PORTFOLIO, &[Arg::Account(*c)], next())
                .and_then(|v| values::portfolio(&v).map_err(&within));
            // Every answer is taken, so none is left for the next part.
            all = all.and_then(|mut a| {
                a.push(one?);
                Ok(a)
            });
        }
        match all {
            Ok(all) => {
                for (h, b) in holders.iter_mut().zip(all) {
                    h.baskets = b;
                }
            }
            Err(e) => failed.push(Failure::new(Part::BasketPositions, &e)),
        }
    }
    Ok(Ok(Round {
        block,
        holders,
        failed,
    }))
}

fn read_free(
    schema: &Schema,
    coldkeys: &[[u8; 32]],
    answer: Result<Json, LiveError>,
) -> Result<Vec<u64>, LiveError> {
    let within = runtime(schema);
    account_keys(schema, coldkeys).map_err(&within)?;
    let stored = changes(&answer?)?;
    coldkeys
        .iter()
        .map(|c| {
            let value = stored_value(schema, &stored, &ACCOUNT, &[Arg::Account(*c)])
                .map_err(&within)?
                .ok_or_else(|| within("System::Account has no default".into()))?;
            values::free(&value).map_err(&within)
        })
        .collect()
}

/// The positions of a round read at `head` on `spec`.
pub fn finish(
    head: &Head,
    spec: u32,
    round: Round,
    options: &PositionsOptions<'_>,
) -> PositionsRead {
    PositionsRead {
        positions: Positions {
            network: super::read::network(&head.chain),
            block: Some(round.block),
            taken_at: Some(options.fetched_at.to_string()),
            source: format!(
                "Read from the chain at {} (runtime spec {spec})",
                options.endpoint
            ),
            holders: round.holders,
        },
        failed: round.failed,
    }
}

/// The whole read: `ask` sends one batch and returns each call's answer in order; schemas are
/// kept in `store`; `progress` hears of a runtime met for the first time.
pub async fn read<F, Fut>(
    options: &PositionsOptions<'_>,
    store: &dyn SchemaStore,
    progress: &dyn Fn(&str),
    mut ask: F,
) -> Result<PositionsRead, LiveError>
where
    F: FnMut(Vec<Call>) -> Fut,
    Fut: Future<Output = Result<Answers, LiveError>>,
{
    let head = read_head(ask(head_calls()).await?)?;
    let mut spec = head.spec_version;
    let mut tries = 0;
    loop {
        let schema =
            super::runtime::schema(store, &head.genesis, spec, &head.hash, progress, &mut ask)
                .await?;
        let answers = ask(calls(&schema, &head.hash, options.coldkeys)).await?;
        match read_round(&schema, options.coldkeys, answers)? {
            Ok(round) => return Ok(finish(&head, spec, round, options)),
            // The node upgraded its runtime between the rounds: read with the head's.
            Err(actual) if tries == 0 => {
                tries += 1;
                spec = actual;
            }
            Err(actual) => {
                return Err(LiveError::Runtime {
                    spec: actual,
                    why: "the runtime changed while it was being read".into(),
                })
            }
        }
    }
}

/// Each stake of the read with its coldkey, for a sentence ("3 positions of 2 coldkeys").
pub fn count(read: &PositionsRead) -> (usize, usize) {
    let stakes: Vec<(&str, &Stake)> = read.positions.stakes().collect();
    (stakes.len(), read.positions.holders.len())
}
