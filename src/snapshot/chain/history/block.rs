//! One past block's calls and answers, each asked at the block's hash (pure; the rounds are in
//! `mod.rs`). RaoFoundation/subtensor (`pallets/subtensor/src/lib.rs`, the storage
//! declarations): `TotalHotkeyAlpha` (hot Blake2_128Concat, netuid Identity) -> `AlphaBalance`,
//! the alpha a hotkey owns on a subnet, its stakers' and its own; `TotalHotkeyShares` (same
//! keys) -> `U64F64`, the shares they hold, and since spec 461 `TotalHotkeySharesV2` -> a
//! `SafeFloat` {mantissa u128, exponent i64} (`primitives/share-pool/src/safe_float.rs`,
//! value = mantissa × 10^exponent). The chain reads the old map where it has an entry and else
//! the new one (`HotkeyAlphaSharePoolDataOperations::get_denominator`,
//! `pallets/subtensor/src/staking/stake_utils.rs`), moving an entry over when it next writes
//! it, and so does this reader. All are `ValueQuery`s: an absent entry (the hotkey held nothing
//! there then) reads as `None` here, not as the default 0. `SubnetTAO`/`SubnetAlphaIn` (netuid
//! Identity) are the pool's reserves: neither stored means no subnet then. `Timestamp::Now`
//! is `pallet_timestamp`'s `T::Moment`, a u64 of milliseconds, in every runtime.

use super::super::basket_values;
use super::super::error::LiveError;
use super::super::keys::{hex, twox128};
use super::super::metadata::{fraction_bits, storage_key, Arg, Named, Schema, Value};
use super::super::rpc::Call;
use super::super::state::{call_bytes, changes, item, state_call, stored_number};
use super::super::wanted::{self, Wanted, BETA_PRICING};
use crate::snapshot::history::{PastPool, Shares};
use rust_decimal::Decimal;
use scale_info::TypeDef;
use serde_json::{json, Value as Json};
use std::collections::HashMap;

/// `Timestamp::Now`'s key: a plain value, twox128 of the pallet and of the item.
pub fn timestamp_key() -> String {
    let mut key = twox128(b"Timestamp").to_vec();
    key.extend(twox128(b"Now"));
    hex(&key)
}

/// The block's time, asked at `at`.
pub fn timestamp_call(at: &str) -> Call {
    Call::new("state_queryStorageAt", json!([[timestamp_key()], at]))
}

/// A `Timestamp::Now` answer, in milliseconds (absent: 0, as at genesis).
pub fn read_timestamp(answer: Result<Json, LiveError>) -> Result<u64, LiveError> {
    let stored = changes(&answer?)?;
    match stored.get(&timestamp_key()).cloned().flatten() {
        None => Ok(0),
        Some(bytes) => <[u8; 8]>::try_from(bytes.as_slice())
            .map(u64::from_le_bytes)
            .map_err(|_| LiveError::reply("state_queryStorageAt", "Timestamp::Now is not a u64")),
    }
}

/// The number of a `chain_getHeader` answer.
pub fn header_number(answer: &Json) -> Result<u64, LiveError> {
    answer
        .get("number")
        .and_then(Json::as_str)
        .and_then(|n| u64::from_str_radix(n.strip_prefix("0x")?, 16).ok())
        .ok_or_else(|| LiveError::reply("chain_getHeader", "no block number"))
}

/// A node's refusal of state at an old block, as the sentence naming `archive=`; any other
/// error as it is. Substrate says "State already discarded for …" (a pruned block) or
/// "UnknownBlock: …"/"Unknown block" (a block it never kept).
pub fn pruned(error: LiveError, block: u64) -> LiveError {
    match &error {
        LiveError::Rpc { message, .. } => {
            let m = message.to_ascii_lowercase();
            if m.contains("state already discarded")
                || m.contains("unknownblock")
                || m.contains("unknown block")
            {
                LiveError::Pruned {
                    block,
                    message: message.clone(),
                }
            } else {
                error
            }
        }
        _ => error,
    }
}

/// What one block asks of a runtime: its items, and the runtime call where it has it.
pub fn items(schema: &Schema) -> Vec<Wanted> {
    [
        wanted::HOTKEY_ALPHA,
        wanted::HOTKEY_SHARES,
        wanted::HOTKEY_SHARES_V2,
        wanted::SUBNET_TAO,
        wanted::SUBNET_ALPHA_IN,
        wanted::FEE_RATE,
        wanted::BALANCER,
    ]
    .into_iter()
    .filter(|w| schema.item(w.name).is_some())
    .collect()
}

fn keys_of(w: &Wanted, netuid: u16, hotkey: &[u8; 32]) -> Vec<Arg> {
    let netuid = Arg::Uint(u128::from(netuid));
    match w.name {
        "TotalHotkeyAlpha" | "TotalHotkeyShares" | "TotalHotkeySharesV2" => {
            vec![Arg::Account(*hotkey), netuid]
        }
        _ => vec![netuid],
    }
}

/// A runtime older than dTAO has no stake accounting per subnet: the sentence saying so.
pub fn check_runtime(schema: &Schema, number: u64) -> Result<(), LiveError> {
    for w in [
        wanted::HOTKEY_ALPHA,
        wanted::SUBNET_TAO,
        wanted::SUBNET_ALPHA_IN,
    ] {
        if schema.item(w.name).is_none() {
            return Err(LiveError::History(format!(
                "Block {number} runs runtime spec {}, which has no {}: it is from before dTAO, \
                 so it has no subnet pools or alpha stake to read.",
                schema.spec_version, w.name
            )));
        }
    }
    if schema.item(wanted::HOTKEY_SHARES.name).is_none()
        && schema.item(wanted::HOTKEY_SHARES_V2.name).is_none()
    {
        return Err(LiveError::Runtime {
            spec: schema.spec_version,
            why: "it has neither TotalHotkeyShares nor TotalHotkeySharesV2".into(),
        });
    }
    Ok(())
}

/// The block's calls at `at`: its stored values, then the pricing where the runtime has it.
pub fn calls(schema: &Schema, at: &str, netuid: u16, hotkey: &[u8; 32]) -> Vec<Call> {
    let keys: Vec<String> = items(schema)
        .iter()
        .filter_map(|w| {
            let it = item(schema, w).ok()?;
            storage_key(schema, it, &keys_of(w, netuid, hotkey))
                .ok()
                .map(|k| hex(&k))
        })
        .collect();
    let mut calls = vec![Call::new("state_queryStorageAt", json!([keys, at]))];
    if let Some(args) = pricing_args(schema, hotkey) {
        calls.push(state_call(BETA_PRICING, &args, at));
    }
    calls
}

fn pricing_args(schema: &Schema, hotkey: &[u8; 32]) -> Option<Vec<u8>> {
    let call = schema.call(BETA_PRICING)?;
    let [ty] = call.inputs[..] else { return None };
    super::super::metadata::encode::encode(&schema.types, ty, &Arg::Account(*hotkey)).ok()
}

/// What a block's calls read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Read {
    pub hotkey_alpha_rao: Option<u64>,
    pub shares: Option<Shares>,
    pub pool: Option<PastPool>,
    pub root_stake_price: Option<Decimal>,
}

/// The block's answers, in the calls' order.
pub fn read(
    schema: &Schema,
    netuid: u16,
    hotkey: &[u8; 32],
    mut answers: impl Iterator<Item = Result<Json, LiveError>>,
) -> Result<Read, LiveError> {
    let within = LiveError::of_runtime(schema.spec_version);
    let stored = changes(&answers.next().unwrap_or_else(no_answer)?)?;
    let present = |w: &Wanted| -> bool { raw(schema, &stored, w, netuid, hotkey).is_some() };
    let number = |w: &Wanted| -> Result<Option<u128>, LiveError> {
        if !present(w) {
            return Ok(None);
        }
        stored_number::<u128>(schema, &stored, w, &keys_of(w, netuid, hotkey)).map_err(&within)
    };
    let fits = |n: Option<u128>, name: &str| -> Result<Option<u64>, LiveError> {
        n.map(|n| u64::try_from(n).map_err(|_| within(format!("{name} is {n}, too large"))))
            .transpose()
    };
    let mut out = Read {
        hotkey_alpha_rao: fits(number(&wanted::HOTKEY_ALPHA)?, "TotalHotkeyAlpha")?,
        ..Read::default()
    };
    if present(&wanted::HOTKEY_SHARES) {
        let it = item(schema, &wanted::HOTKEY_SHARES).map_err(&within)?;
        if fraction_bits(&schema.types, it.value) != Some(64) {
            return Err(within("TotalHotkeyShares is no longer a U64F64".into()));
        }
        let bits = number(&wanted::HOTKEY_SHARES)?.unwrap_or(0);
        out.shares = Some(Shares::Fixed { bits });
    } else if present(&wanted::HOTKEY_SHARES_V2) {
        let value = stored_value(schema, &stored, &wanted::HOTKEY_SHARES_V2, netuid, hotkey)
            .map_err(&within)?;
        out.shares = Some(safe_float(&value).map_err(&within)?);
    }
    if present(&wanted::SUBNET_TAO) || present(&wanted::SUBNET_ALPHA_IN) {
        let w_tao = match schema.item(wanted::BALANCER.name) {
            Some(_) => fits(number(&wanted::BALANCER)?, "SwapBalancer")?,
            None => None,
        };
        let fee = number(&wanted::FEE_RATE)?
            .map(|f| u16::try_from(f).map_err(|_| within(format!("FeeRate is {f}, too large"))))
            .transpose()?;
        out.pool = Some(PastPool {
            netuid,
            tao_in_rao: fits(number(&wanted::SUBNET_TAO)?, "SubnetTAO")?.unwrap_or(0),
            alpha_in_rao: fits(number(&wanted::SUBNET_ALPHA_IN)?, "SubnetAlphaIn")?.unwrap_or(0),
            fee_parts: fee,
            w_tao_parts: w_tao,
        });
    }
    if pricing_args(schema, hotkey).is_some() {
        out.root_stake_price = stake_price(schema, answers.next().unwrap_or_else(no_answer))?;
    }
    Ok(out)
}

/// A `SafeFloat` {mantissa u128, exponent i64} as the runtime stores it, read by name.
pub fn safe_float(value: &Value) -> Result<Shares, String> {
    let f = Named::new("SafeFloat", value);
    let exponent = f.field("exponent")?;
    Ok(Shares::Safe {
        mantissa: f.number("mantissa")?,
        exponent: exponent
            .int()
            .and_then(|e| i64::try_from(e).ok())
            .ok_or("SafeFloat's exponent is not an i64")?,
    })
}

fn no_answer() -> Result<Json, LiveError> {
    Err(LiveError::reply("a batch", "no answer"))
}

/// The stored bytes of `w` for this hotkey and subnet, when there are any.
fn raw<'a>(
    schema: &Schema,
    stored: &'a HashMap<String, Option<Vec<u8>>>,
    w: &Wanted,
    netuid: u16,
    hotkey: &[u8; 32],
) -> Option<&'a [u8]> {
    let it = item(schema, w).ok()?;
    let key = hex(&storage_key(schema, it, &keys_of(w, netuid, hotkey)).ok()?);
    stored.get(&key)?.as_deref()
}

fn stored_value(
    schema: &Schema,
    stored: &HashMap<String, Option<Vec<u8>>>,
    w: &Wanted,
    netuid: u16,
    hotkey: &[u8; 32],
) -> Result<Value, String> {
    let it = item(schema, w)?;
    schema
        .stored(it, raw(schema, stored, w, netuid, hotkey))?
        .ok_or_else(|| format!("{} is not stored", w.name))
}

/// `get_beta_pricing(hotkey)`'s `stake_price`: `None` where the validator has no fund
/// (the call answers `None`).
fn stake_price(
    schema: &Schema,
    answer: Result<Json, LiveError>,
) -> Result<Option<Decimal>, LiveError> {
    let within = LiveError::of_runtime(schema.spec_version);
    let call = schema
        .call(BETA_PRICING)
        .ok_or_else(|| within(format!("it has no runtime call {BETA_PRICING}")))?;
    let value = schema
        .answer(call, &call_bytes(&answer?)?)
        .map_err(|e| within(format!("{BETA_PRICING} does not read as its type ({e})")))?;
    // Through `Option` to the struct and its own type.
    let (mut id, mut v) = (call.output, &value);
    loop {
        match schema.types.resolve(id).map(|t| &t.type_def) {
            Some(TypeDef::Variant(var)) if var.variants.iter().any(|x| x.name == "Some") => {
                if v.is_none() {
                    return Ok(None);
                }
                let some = var.variants.iter().find(|x| x.name == "Some");
                id = some
                    .and_then(|s| s.fields.first())
                    .map(|f| f.ty.id)
                    .ok_or_else(|| within("BetaPricing's option is empty".into()))?;
                v = v
                    .inner()
                    .ok_or_else(|| within("BetaPricing's option is empty".into()))?;
            }
            _ => break,
        }
    }
    let (_, pricing) = basket_values::pricing(&schema.types, id, v).map_err(within)?;
    Ok(Some(pricing.stake_price))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pruning_nodes_refusal_is_named_and_times_read_as_milliseconds() {
        let rpc = |message: &str| LiveError::Rpc {
            method: "state_getRuntimeVersion".into(),
            code: 4003,
            message: message.into(),
        };
        for said in [
            "State already discarded for 0xab",
            "UnknownBlock: State already discarded",
            "Unknown block",
        ] {
            assert!(matches!(
                pruned(rpc(said), 7),
                LiveError::Pruned { block: 7, .. }
            ));
        }
        assert_eq!(pruned(rpc("busy"), 7), rpc("busy"));
        assert_eq!(pruned(LiveError::Timeout(10), 7), LiveError::Timeout(10));
        // twox128("Timestamp") ++ twox128("Now"), the key every Substrate tool knows.
        assert_eq!(
            timestamp_key(),
            "0xf0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb"
        );
        let at = |value: Json| json!([{"block": "0x00", "changes": [[timestamp_key(), value]]}]);
        assert_eq!(
            read_timestamp(Ok(at(json!("0x0010a5d4e8000000")))),
            Ok(1_000_000_000_000)
        );
        assert_eq!(read_timestamp(Ok(at(Json::Null))), Ok(0));
        assert!(read_timestamp(Ok(at(json!("0x00")))).is_err());
    }
}
