//! Helpers of `tests/live_emission_terms.rs`: the TAO emission's terms in spec 461 and 393, keys
//! made as FRAME makes them (twox128 of the pallet and the item, the netuid's bytes as they are
//! for `Identity`), answers of round 3 and whole reads from a pretend node.

#![allow(dead_code)]

use super::chain_node::{hex, Chain, Node, Runtime};
use super::runtimes::{self, SPEC_461};
use dtao_calc::model::pool::Mechanism;
use dtao_calc::snapshot::chain::metadata::{fraction_bits, Schema};
use dtao_calc::snapshot::chain::parts::LiveRead;
use dtao_calc::snapshot::chain::read::{self, read_pools, Head, MemoryStore, State};
use dtao_calc::snapshot::chain::rpc::{Answers, Call};
use dtao_calc::snapshot::chain::wanted::{CALLS, STORAGE};
use dtao_calc::snapshot::chain::{LiveError, ReadOptions};
use dtao_calc::snapshot::{Runtime as Chainwide, Subnet};
use rust_decimal::Decimal;
use scale_info::TypeDef;
use serde_json::{json, Value as Json};
use std::future::Future;
use std::str::FromStr;

pub const HASH: &str = "0x0202020202020202020202020202020202020202020202020202020202020202";
pub const GATE: [&str; 4] = [
    "EmissionBarRank",
    "EmissionGateExponent",
    "EmissionBarQuantile",
    "EmissionGateBar",
];
pub const PER_SUBNET: [&str; 2] = ["MinerBurned", "SubnetEmissionEnabled"];
pub const OPTIONS: ReadOptions<'static> = ReadOptions {
    endpoint: "ws://127.0.0.1:9944",
    fetched_at: "2026-12-07T08:00:00Z",
    validators_of: &[],
};

pub fn schema(file: &str, spec: u32) -> Schema {
    Schema::from_metadata(&runtimes::bytes(file), spec, &CALLS, &STORAGE).unwrap()
}

pub fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// A fixed-point value's 16 stored bytes from its bits.
pub fn le(bits: u128) -> String {
    hex(&bits.to_le_bytes())
}

/// `twox_128` as FRAME hashes storage prefixes: xxHash64 with seeds 0 and 1, little-endian.
pub fn twox128(data: &[u8]) -> Vec<u8> {
    [0, 1]
        .iter()
        .flat_map(|seed| twox_hash::XxHash64::oneshot(*seed, data).to_le_bytes())
        .collect()
}

/// The key of `SubtensorModule::<name>`, at `netuid` for a map: the prefix, the item, and the
/// netuid's SCALE bytes (`NetUid(u16)`, two bytes little-endian) as they are (`Identity`).
pub fn key(name: &str, netuid: Option<u16>) -> String {
    let mut out = twox128(b"SubtensorModule");
    out.extend(twox128(name.as_bytes()));
    if let Some(n) = netuid {
        out.extend(n.to_le_bytes());
    }
    hex(&out)
}

/// A value stored at `name` (at `netuid` for a map).
pub fn put(name: &str, netuid: Option<u16>, value: &str) -> (String, String) {
    (key(name, netuid), value.to_string())
}

/// The gate's four terms: rank, exponent, quantile, bar.
pub type Gate = (
    Option<u16>,
    Option<Decimal>,
    Option<Decimal>,
    Option<Decimal>,
);

pub fn gate(r: &Chainwide) -> Gate {
    (r.bar_rank, r.gate_exponent, r.bar_quantile, r.gate_bar)
}

/// Round 2 as read: root and the dynamic subnets 7 and 64.
pub fn state(spec: u32) -> State {
    let subnet =
        |n: u16, m: Mechanism| Subnet::with_pool(n, m, 1_000_000_000_000, 9_000_000_000_000);
    let hash = HASH.to_string();
    State {
        head: Head {
            hash: hash.clone(),
            genesis: hash,
            chain: "Bittensor".into(),
            spec_version: spec,
        },
        block: 9_000_000,
        spec_version: spec,
        subnets: vec![
            subnet(0, Mechanism::Stable),
            subnet(7, Mechanism::Dynamic),
            subnet(64, Mechanism::Dynamic),
        ],
        chain_values: None,
        lock_rates: None,
        failed: vec![],
    }
}

/// A `state_queryStorageAt` answer holding `pairs` (key, hex value).
pub fn stored(pairs: &[(String, String)]) -> Result<Json, LiveError> {
    let changes: Vec<Json> = pairs.iter().map(|(k, v)| json!([k, v])).collect();
    Ok(json!([{"block": HASH, "changes": changes}]))
}

/// Round 3 on spec 461 with nothing stored for the pools and `terms` for the emission terms.
pub fn round_3(terms: Result<Json, LiveError>) -> read::Pools {
    let answers: Answers = vec![stored(&[]), stored(&[]), terms];
    read_pools(&schema(SPEC_461, 461), &state(461), &[], answers)
}

/// A value type as the chain's code writes it: `U96F32` for `FixedU128<U32>`, else the primitive.
pub fn written(schema: &Schema, id: u32) -> String {
    let ty = schema.types.resolve(id).unwrap();
    match (&ty.type_def, fraction_bits(&schema.types, id)) {
        (_, Some(f)) if ty.path.segments.last().unwrap() == "FixedU128" => {
            format!("U{}F{f}", 128 - f)
        }
        (TypeDef::Primitive(p), _) => format!("{p:?}").to_lowercase(),
        (other, _) => panic!("{other:?}"),
    }
}

/// A whole read of the bundled chain from a pretend node of `runtime` holding `over` besides.
pub fn read_node(runtime: Runtime, over: &[(String, String)]) -> LiveRead {
    let chain = Chain::bundled();
    let mut node = Node::new(runtime, chain, 7);
    node.stored_over = over
        .iter()
        .map(|(k, v)| (k.clone(), Some(v.clone())))
        .collect();
    let ask = |calls: Vec<Call>| {
        let answer = |c: &Call| {
            node.answer(c.method, &c.params)
                .map_err(|(code, message)| LiveError::Rpc {
                    method: c.method.into(),
                    code,
                    message,
                })
        };
        std::future::ready(Ok(calls.iter().map(answer).collect()))
    };
    let store = MemoryStore::default();
    let mut read = std::pin::pin!(dtao_calc::snapshot::chain::read(
        &OPTIONS,
        &store,
        &|_| {},
        ask
    ));
    // The pretend node answers at once.
    let waker = std::task::Waker::noop();
    match read
        .as_mut()
        .poll(&mut std::task::Context::from_waker(waker))
    {
        std::task::Poll::Ready(read) => read.unwrap(),
        std::task::Poll::Pending => unreachable!(),
    }
}
