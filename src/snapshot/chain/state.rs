//! Round 2 of a read (see `read.rs`), at the head block: its number and runtime version, every
//! subnet (`get_all_dynamic_info`), the block emission (`get_block_emission`, or the halving
//! rule on `TotalIssuance` where the runtime lacks the call; never the stale `BlockEmission`),
//! the chain-wide values and the lock rates. The subnets must read; the other two parts may
//! fail alone.

use super::error::LiveError;
use super::keys::{hex, unhex};
use super::metadata::{storage_key, Arg, Schema, StorageSchema, Value};
use super::parts::{Failure, Part};
use super::rpc::{Answers, Call};
use super::runtime::{spec_version, Head};
use super::subnets::read_subnets;
use super::wanted::{self, BLOCK_EMISSION, DYNAMIC_INFO};
use crate::model::staking::block_emission::block_emission_rao;
use crate::snapshot::Subnet;
use rust_decimal::Decimal;
use serde_json::{json, Value as Json};
use std::collections::HashMap;

/// A runtime call at `at` with SCALE arguments `args`.
pub fn state_call(name: &str, args: &[u8], at: &str) -> Call {
    Call::new("state_call", json!([name, hex(args), at]))
}

/// The item `want` of the schema, or a sentence saying the runtime lacks it.
pub fn item<'a>(schema: &'a Schema, want: &wanted::Wanted) -> Result<&'a StorageSchema, String> {
    schema.item(want.name).ok_or_else(|| {
        format!(
            "it has no storage item {}::{}",
            want.pallets.join(" or "),
            want.name
        )
    })
}

/// The chain-wide values' storage items: those always read, and `TotalIssuance` where the
/// block emission has to be worked out from it.
fn chain_value_items(schema: &Schema) -> Vec<wanted::Wanted> {
    let mut items = vec![wanted::TAO_WEIGHT, wanted::OWNER_CUT];
    if schema.call(BLOCK_EMISSION).is_none() {
        items.push(wanted::TOTAL_ISSUANCE);
    }
    items
}

fn plain_keys(schema: &Schema, items: &[wanted::Wanted]) -> Result<Vec<String>, String> {
    items
        .iter()
        .map(|w| Ok(hex(&storage_key(schema, item(schema, w)?, &[])?)))
        .collect()
}

fn root_tao_key(schema: &Schema) -> Result<String, String> {
    Ok(hex(&storage_key(
        schema,
        item(schema, &wanted::SUBNET_TAO)?,
        &[Arg::Uint(0)],
    )?))
}

/// Round 2's calls, in this order: header, runtime version, dynamic info, the chain values'
/// storage, the block emission call (where the runtime has it), the lock rates' storage (where
/// it has them).
pub fn state_calls(head: &Head, schema: &Schema) -> Vec<Call> {
    let at = head.hash.as_str();
    let mut calls = vec![
        Call::new("chain_getHeader", json!([at])),
        Call::new("state_getRuntimeVersion", json!([at])),
        state_call(DYNAMIC_INFO, &[], at),
    ];
    // A runtime without the items fails the part when read; the call still goes out empty.
    let mut keys = plain_keys(schema, &chain_value_items(schema)).unwrap_or_default();
    keys.extend(root_tao_key(schema));
    calls.push(Call::new("state_queryStorageAt", json!([keys, at])));
    if schema.call(BLOCK_EMISSION).is_some() {
        calls.push(state_call(BLOCK_EMISSION, &[], at));
    }
    if has_lock_rates(schema) {
        let keys =
            plain_keys(schema, &[wanted::MATURITY_RATE, wanted::UNLOCK_RATE]).unwrap_or_default();
        calls.push(Call::new("state_queryStorageAt", json!([keys, at])));
    }
    calls
}

fn has_lock_rates(schema: &Schema) -> bool {
    schema.item(wanted::MATURITY_RATE.name).is_some()
        && schema.item(wanted::UNLOCK_RATE.name).is_some()
}

/// The chain-wide values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ChainValues {
    pub block_emission_rao: u64,
    pub tao_weight: Decimal,
    pub root_tao_rao: u64,
    pub owner_cut: u16,
}

/// What round 2 read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub head: Head,
    pub block: u64,
    pub spec_version: u32,
    pub subnets: Vec<Subnet>,
    pub chain_values: Option<ChainValues>,
    /// `(MaturityRate, UnlockRate)` where the runtime has them.
    pub lock_rates: Option<(u64, u64)>,
    pub failed: Vec<Failure>,
}

/// The values of a `state_queryStorageAt` answer by key (lowercase hex), `None` where nothing
/// is stored.
pub fn changes(result: &Json) -> Result<HashMap<String, Option<Vec<u8>>>, LiveError> {
    let bad = |why| LiveError::reply("state_queryStorageAt", why);
    let sets = result.as_array().ok_or(bad("not a list"))?;
    let mut out = HashMap::new();
    for set in sets {
        let changes = set
            .get("changes")
            .and_then(Json::as_array)
            .ok_or(bad("no changes"))?;
        for change in changes {
            let pair = change
                .as_array()
                .filter(|p| p.len() == 2)
                .ok_or(bad("a change is not a pair"))?;
            let key = pair[0].as_str().ok_or(bad("a key is not text"))?;
            let value = match &pair[1] {
                Json::Null => None,
                Json::String(s) => Some(unhex(s).ok_or(bad("a value is not hex"))?),
                _ => return Err(bad("a value is not hex")),
            };
            out.insert(key.to_ascii_lowercase(), value);
        }
    }
    Ok(out)
}

/// A storage item's value at `keys` in a `changes` map: what is stored, else its default.
pub fn stored_value(
    schema: &Schema,
    stored: &HashMap<String, Option<Vec<u8>>>,
    want: &wanted::Wanted,
    keys: &[Arg],
) -> Result<Option<Value>, String> {
    let item = item(schema, want)?;
    let key = hex(&storage_key(schema, item, keys)?);
    let bytes = stored.get(&key).and_then(|v| v.as_deref());
    schema.stored(item, bytes)
}

/// A storage value that must be a number fitting `T`.
pub fn stored_number<T: TryFrom<u128>>(
    schema: &Schema,
    stored: &HashMap<String, Option<Vec<u8>>>,
    want: &wanted::Wanted,
    keys: &[Arg],
) -> Result<Option<T>, String> {
    let Some(value) = stored_value(schema, stored, want, keys)? else {
        return Ok(None);
    };
    super::metadata::lens::number(&value, || want.name.to_string()).map(Some)
}

/// `TaoWeight`, a fraction of `u64::MAX`, to 18 places (as the chain's I96F32 ratio reads it).
pub fn tao_weight(stored: u64) -> Decimal {
    (Decimal::from(stored) / Decimal::from(u64::MAX))
        .round_dp(18)
        .normalize()
}

/// The hex bytes of a `state_call` answer.
pub fn call_bytes(answer: &Json) -> Result<Vec<u8>, LiveError> {
    answer
        .as_str()
        .and_then(unhex)
        .ok_or_else(|| LiveError::reply("state_call", "no hex bytes"))
}

fn read_chain_values(
    schema: &Schema,
    storage: Result<Json, LiveError>,
    emission_call: Option<Result<Json, LiveError>>,
) -> Result<ChainValues, LiveError> {
    let spec = schema.spec_version;
    let runtime = |why: String| LiveError::Runtime { spec, why };
    let stored = changes(&storage?)?;
    let need = |w: &wanted::Wanted, keys: &[Arg]| -> Result<u128, LiveError> {
        stored_number::<u128>(schema, &stored, w, keys)
            .map_err(runtime)?
            .ok_or_else(|| runtime(format!("{} is not stored", w.name)))
    };
    let fits = |n: u128, name: &str| -> Result<u64, LiveError> {
        u64::try_from(n).map_err(|_| runtime(format!("{name} is {n}, too large for its number")))
    };
    let tao_weight = tao_weight(fits(need(&wanted::TAO_WEIGHT, &[])?, "TaoWeight")?);
    if tao_weight > Decimal::ONE {
        return Err(LiveError::Absurd("TaoWeight is more than 1.".into()));
    }
    let owner_cut = u16::try_from(need(&wanted::OWNER_CUT, &[])?)
        .ok()
        .filter(|c| *c < u16::MAX)
        .ok_or_else(|| runtime("SubnetOwnerCut is not parts of 65,535".into()))?;
    let root_tao_rao = fits(need(&wanted::SUBNET_TAO, &[Arg::Uint(0)])?, "SubnetTAO")?;
    let block_emission_rao = match emission_call {
        Some(answer) => {
            let call = schema
                .call(BLOCK_EMISSION)
                .ok_or_else(|| runtime("it lacks get_block_emission".into()))?;
            let value = schema.answer(call, &call_bytes(&answer?)?).map_err(|e| {
                runtime(format!(
                    "get_block_emission does not read as its type ({e})"
                ))
            })?;
            super::metadata::lens::number(&value, || "get_block_emission".into())
                .map_err(runtime)?
        }
        // Older runtimes: the chain's own rule on the TAO issued so far.
        None => block_emission_rao(fits(need(&wanted::TOTAL_ISSUANCE, &[])?, "TotalIssuance")?),
    };
    Ok(ChainValues {
        block_emission_rao,
        tao_weight,
        root_tao_rao,
        owner_cut,
    })
}

fn read_lock_rates(
    schema: &Schema,
    storage: Result<Json, LiveError>,
) -> Result<(u64, u64), LiveError> {
    let spec = schema.spec_version;
    let runtime = |why: String| LiveError::Runtime { spec, why };
    let stored = changes(&storage?)?;
    let rate = |w: &wanted::Wanted| -> Result<u64, LiveError> {
        let n = stored_number::<u64>(schema, &stored, w, &[])
            .map_err(runtime)?
            .ok_or_else(|| runtime(format!("{} is not stored", w.name)))?;
        if n == 0 {
            return Err(LiveError::Absurd(format!("{} is 0 blocks.", w.name)));
        }
        Ok(n)
    };
    Ok((rate(&wanted::MATURITY_RATE)?, rate(&wanted::UNLOCK_RATE)?))
}

/// Round 2's answers. The header, the version and the subnets must read; a runtime version
/// other than the schema's is `Err(Ok(spec))` (read again with that runtime's schema).
pub fn read_state(
    head: Head,
    schema: &Schema,
    answers: Answers,
) -> Result<Result<State, u32>, LiveError> {
    let mut answers = answers.into_iter();
    let mut next = || {
        answers
            .next()
            .unwrap_or_else(|| Err(LiveError::reply("a batch", "no answer")))
    };
    let header = next()?;
    let version = next()?;
    let info = next();
    let chain_storage = next();
    let block = header
        .get("number")
        .and_then(Json::as_str)
        .and_then(|n| u64::from_str_radix(n.strip_prefix("0x")?, 16).ok())
        .ok_or_else(|| LiveError::reply("chain_getHeader", "no block number"))?;
    let spec_version = spec_version(&version)?;
    if spec_version != schema.spec_version {
        return Ok(Err(spec_version));
    }
    let runtime = |why: String| LiveError::Runtime {
        spec: spec_version,
        why,
    };
    let call = schema.call(DYNAMIC_INFO).ok_or_else(|| {
        runtime("it has no runtime call SubnetInfoRuntimeApi_get_all_dynamic_info".into())
    })?;
    let value = schema.answer(call, &call_bytes(&info?)?).map_err(|e| {
        runtime(format!(
            "its subnet list does not read as its own type ({e})"
        ))
    })?;
    let subnets = read_subnets(schema, call.output, &value).map_err(|why| {
        if why.starts_with("subnet ") {
            LiveError::Absurd(format!("{}{}.", why[..1].to_uppercase(), &why[1..]))
        } else {
            runtime(why)
        }
    })?;
    if subnets.is_empty() {
        return Err(LiveError::Absurd("the chain lists no subnets.".into()));
    }
    let emission_call = schema.call(BLOCK_EMISSION).map(|_| next());
    let mut failed = Vec::new();
    let chain_values = match read_chain_values(schema, chain_storage, emission_call) {
        Ok(values) => Some(values),
        Err(e) => {
            failed.push(Failure::new(Part::ChainValues, &e));
            None
        }
    };
    let lock_rates = if has_lock_rates(schema) {
        match read_lock_rates(schema, next()) {
            Ok(rates) => Some(rates),
            Err(e) => {
                failed.push(Failure::new(Part::LockRates, &e));
                None
            }
        }
    } else {
        None
    };
    Ok(Ok(State {
        head,
        block,
        spec_version,
        subnets,
        chain_values,
        lock_rates,
        failed,
    }))
}

/// The dynamic subnets, whose pools have a fee rate and a curve.
pub fn dynamic(state: &State) -> impl Iterator<Item = u16> + '_ {
    state
        .subnets
        .iter()
        .filter(|s| s.mechanism == crate::model::pool::Mechanism::Dynamic)
        .map(|s| s.netuid)
}
