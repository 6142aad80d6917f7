//! A pretend Subtensor node for tests, answering as a node of a real runtime does: it serves that
//! runtime's own metadata (`../shared/fixtures`: spec 393, V16; spec 461, V15; or a variant of
//! 461 made in `variants.rs`), and every answer and stored value is written by the tests' own
//! encoder (`scale_json.rs`, checked against the Python SDK's codec corpus) in the types that
//! metadata gives, from values named field by field. Storage keys are hashed here as FRAME
//! hashes them (checked against keys the SDK made). Each call follows the chain's code, cited
//! where it is answered. The same states are written to `tests/browser/fixtures/chain-replay.json`
//! for the browser tests' WebSocket server.

#![allow(dead_code)]

use super::scale_json;
use dtao_calc::model::num::units::decimal_to_rao;
use dtao_calc::model::pool::side::Side;
use dtao_calc::snapshot::{Snapshot, Subnet};
use frame_metadata::v14::{StorageEntryModifier, StorageEntryType, StorageHasher};
use frame_metadata::{RuntimeMetadata, RuntimeMetadataPrefixed};
use parity_scale_codec::{Compact, Decode, Encode};
use rust_decimal::Decimal;
use scale_info::PortableRegistry;
use serde_json::{json, Map, Value as Json};
use std::collections::BTreeMap;

/// A storage item of the runtime, as its metadata describes it.
#[derive(Clone, Debug)]
pub struct Entry {
    pub prefix: String,
    pub name: String,
    pub hashers: Vec<StorageHasher>,
    pub key: Option<u32>,
    pub value: u32,
    pub default: Option<Vec<u8>>,
}

/// A runtime: its metadata's bytes and what the node needs of them.
#[derive(Clone, Debug)]
pub struct Runtime {
    pub spec: u32,
    /// `RuntimeMetadataPrefixed`, as `Metadata_metadata_at_version` wraps it.
    pub metadata: Vec<u8>,
    pub version: u32,
    pub types: PortableRegistry,
    pub storage: BTreeMap<String, Entry>,
    /// `Api_method` -> (input types, output type).
    pub calls: BTreeMap<String, (Vec<u32>, u32)>,
}

macro_rules! runtime_of {
    ($m:expr, $spec:expr, $bytes:expr, $version:expr) => {{
        let m = $m;
        let mut storage = BTreeMap::new();
        for p in &m.pallets {
            if let Some(s) = &p.storage {
                for e in &s.entries {
                    let (hashers, key, value) = match &e.ty {
                        StorageEntryType::Plain(v) => (vec![], None, v.id),
                        StorageEntryType::Map {
                            hashers,
                            key,
                            value,
                        } => (hashers.clone(), Some(key.id), value.id),
                    };
                    storage.insert(
                        e.name.clone(),
                        Entry {
                            prefix: s.prefix.clone(),
                            name: e.name.clone(),
                            hashers,
                            key,
                            value,
                            default: matches!(e.modifier, StorageEntryModifier::Default)
                                .then(|| e.default.clone()),
                        },
                    );
                }
            }
        }
        let mut calls = BTreeMap::new();
        for api in &m.apis {
            for me in &api.methods {
                calls.insert(
                    format!("{}_{}", api.name, me.name),
                    (me.inputs.iter().map(|i| i.ty.id).collect(), me.output.id),
                );
            }
        }
        Runtime {
            spec: $spec,
            metadata: $bytes,
            version: $version,
            types: m.types,
            storage,
            calls,
        }
    }};
}

impl Runtime {
    pub fn from_metadata(bytes: Vec<u8>, spec: u32) -> Runtime {
        let prefixed = RuntimeMetadataPrefixed::decode(&mut &bytes[..]).unwrap();
        match prefixed.1 {
            RuntimeMetadata::V16(m) => runtime_of!(m, spec, bytes, 16),
            RuntimeMetadata::V15(m) => runtime_of!(m, spec, bytes, 15),
            other => panic!("metadata version {}", other.version()),
        }
    }

    pub fn fixture(file: &str, spec: u32) -> Runtime {
        Runtime::from_metadata(super::runtimes::bytes(file), spec)
    }

    /// The storage key of `name` at `keys`, hashed as FRAME does
    /// (`frame_support::storage::generator`): twox128 of the prefix and of the name, then each
    /// key part SCALE-encoded and hashed with its hasher.
    pub fn key(&self, name: &str, keys: &[Json]) -> String {
        let e = &self.storage[name];
        let mut out = twox128(e.prefix.as_bytes()).to_vec();
        out.extend(twox128(e.name.as_bytes()));
        let part_types: Vec<u32> = match (e.key, keys.len()) {
            (None, 0) => vec![],
            (Some(k), 1) => vec![k],
            (Some(k), n) => match &self.types.resolve(k).unwrap().type_def {
                scale_info::TypeDef::Tuple(t) if t.fields.len() == n => {
                    t.fields.iter().map(|f| f.id).collect()
                }
                other => panic!("{name}: key {other:?}"),
            },
            _ => panic!("{name}: {} keys", keys.len()),
        };
        for ((hasher, key), ty) in e.hashers.iter().zip(keys).zip(part_types) {
            let encoded = scale_json::encode(&self.types, ty, key).unwrap();
            out.extend(hash(hasher, &encoded));
        }
        hex(&out)
    }

    /// `json` as a stored value of `name`.
    pub fn value(&self, name: &str, json: &Json) -> String {
        hex(
            &scale_json::encode(&self.types, self.storage[name].value, json)
                .unwrap_or_else(|e| panic!("{name}: {e}")),
        )
    }

    /// `json` as the answer of the runtime call `name`.
    pub fn answer(&self, name: &str, json: &Json) -> String {
        let (_, output) = self.calls[name];
        hex(&scale_json::encode(&self.types, output, json)
            .unwrap_or_else(|e| panic!("{name}: {e}")))
    }

    /// The fields of the struct behind `id` (through `Option` and wrappers), by name.
    pub fn struct_fields(&self, mut id: u32) -> Vec<(String, u32)> {
        loop {
            match &self.types.resolve(id).unwrap().type_def {
                scale_info::TypeDef::Variant(v) => {
                    id = v.variants.iter().find(|x| x.name == "Some").unwrap().fields[0]
                        .ty
                        .id
                }
                scale_info::TypeDef::Sequence(s) => id = s.type_param.id,
                scale_info::TypeDef::Composite(c) if c.fields.iter().all(|f| f.name.is_some()) => {
                    return c
                        .fields
                        .iter()
                        .map(|f| (f.name.clone().unwrap(), f.ty.id))
                        .collect()
                }
                scale_info::TypeDef::Composite(c) => id = c.fields[0].ty.id,
                other => panic!("{other:?}"),
            }
        }
    }

    /// The SelectiveMetagraph's field names in the runtime's order.
    pub fn metagraph_fields(&self) -> Vec<(String, u32)> {
        self.struct_fields(self.calls["SubnetInfoRuntimeApi_get_selective_metagraph"].1)
    }
}

pub fn hex(bytes: &[u8]) -> String {
    dtao_calc::snapshot::chain::keys::hex(bytes)
}

fn twox(data: &[u8], seeds: u64) -> Vec<u8> {
    (0..seeds)
        .flat_map(|s| twox_hash::XxHash64::oneshot(s, data).to_le_bytes())
        .collect()
}

pub fn twox128(data: &[u8]) -> Vec<u8> {
    twox(data, 2)
}

fn hash(hasher: &StorageHasher, data: &[u8]) -> Vec<u8> {
    use blake2::digest::consts::{U16, U32};
    use blake2::{Blake2b, Digest};
    let concat = |mut h: Vec<u8>| {
        h.extend_from_slice(data);
        h
    };
    match hasher {
        StorageHasher::Blake2_128 => Blake2b::<U16>::digest(data).to_vec(),
        StorageHasher::Blake2_256 => Blake2b::<U32>::digest(data).to_vec(),
        StorageHasher::Blake2_128Concat => concat(Blake2b::<U16>::digest(data).to_vec()),
        StorageHasher::Twox128 => twox(data, 2),
        StorageHasher::Twox256 => twox(data, 4),
        StorageHasher::Twox64Concat => concat(twox(data, 1)),
        StorageHasher::Identity => data.to_vec(),
    }
}

/// A neuron of a subnet's metagraph.
#[derive(Clone, Debug)]
pub struct Neuron {
    pub hotkey: [u8; 32],
    pub permit: bool,
    pub alpha_stake_rao: u64,
    /// `Delegates(hotkey)` in parts of 65,535; `None`: not stored (the default applies).
    pub take: Option<u16>,
}

/// What the node's chain holds, in the app's terms; the node writes it in the runtime's types.
#[derive(Clone, Debug)]
pub struct Chain {
    pub snapshot: Snapshot,
    pub neurons: BTreeMap<u16, Vec<Neuron>>,
    /// `SubtensorModule::TotalIssuance` in rao.
    pub total_issuance_rao: u64,
    /// `SubnetProtocolAlpha` and `AlphaBurned` per subnet, in rao.
    pub protocol_alpha: BTreeMap<u16, u64>,
    pub burned_alpha: BTreeMap<u16, u64>,
    /// A field added to every struct the node sends, for runtimes that have it.
    pub extra: Map<String, Json>,
}

impl Chain {
    /// The bundled chain with nothing else stored: no neurons, no bought or burned alpha, and
    /// 10.6M TAO issued.
    pub fn bundled() -> Chain {
        Chain {
            snapshot: dtao_calc::snapshot::bundled::bundled(),
            neurons: BTreeMap::new(),
            total_issuance_rao: 10_600_000_000_000_000,
            protocol_alpha: BTreeMap::new(),
            burned_alpha: BTreeMap::new(),
            extra: Map::new(),
        }
    }
}

fn rao(d: Option<Decimal>) -> u64 {
    d.and_then(decimal_to_rao).unwrap_or(0)
}

/// A subnet's `DynamicInfo` as the chain fills it (`rpc_info/dynamic_info.rs`,
/// `get_dynamic_info`), in the SDK's JSON.
fn dynamic_info(s: &Subnet, extra: &Map<String, Json>) -> Json {
    let bytes = |t: &str| Json::Array(t.bytes().map(|b| json!(b)).collect());
    // I96F32 bits of the moving price, rounded down.
    let moving = (s.moving_price.unwrap_or_default() * Decimal::from(1u64 << 32)).floor();
    let mut info = json!({
        "netuid": s.netuid,
        "owner_hotkey": hex(&[7; 32]),
        "owner_coldkey": hex(&[8; 32]),
        "subnet_name": bytes(&s.name),
        "token_symbol": bytes(&s.symbol),
        "tempo": s.tempo.unwrap_or(360),
        "last_step": 0,
        "blocks_since_last_step": 0,
        "emission": 0,
        "alpha_in": s.alpha_in_rao,
        "alpha_out": s.alpha_out_rao.unwrap_or(0),
        "tao_in": s.tao_in_rao,
        "alpha_out_emission": rao(s.alpha_out_emission),
        "alpha_in_emission": rao(s.alpha_in_emission),
        "tao_in_emission": rao(s.tao_in_emission),
        "pending_alpha_emission": 0,
        "pending_root_emission": 0,
        "subnet_volume": 0,
        "network_registered_at": s.registered_at_block.unwrap_or(0),
        "subnet_identity": null,
        "moving_price": {"bits": moving.to_string()},
    });
    for (k, v) in extra {
        info[k] = v.clone();
    }
    info
}

/// The value of every field of a type at its zero: what a struct's unasked parts hold.
fn zero(types: &PortableRegistry, id: u32) -> Json {
    use scale_info::{TypeDef, TypeDefPrimitive};
    match &types.resolve(id).unwrap().type_def {
        TypeDef::Composite(c)
            if c.fields.iter().all(|f| f.name.is_some()) && !c.fields.is_empty() =>
        {
            Json::Object(
                c.fields
                    .iter()
                    .map(|f| (f.name.clone().unwrap(), zero(types, f.ty.id)))
                    .collect(),
            )
        }
        TypeDef::Composite(c) if c.fields.len() == 1 => zero(types, c.fields[0].ty.id),
        TypeDef::Composite(c) => {
            Json::Array(c.fields.iter().map(|f| zero(types, f.ty.id)).collect())
        }
        TypeDef::Variant(v) if v.variants.iter().any(|x| x.name == "None") => Json::Null,
        TypeDef::Variant(v) => json!(v.variants[0].name),
        TypeDef::Sequence(_) => json!([]),
        TypeDef::Array(a) => match &types.resolve(a.type_param.id).unwrap().type_def {
            TypeDef::Primitive(TypeDefPrimitive::U8) => json!(hex(&vec![0; a.len as usize])),
            _ => Json::Array((0..a.len).map(|_| zero(types, a.type_param.id)).collect()),
        },
        TypeDef::Tuple(t) => Json::Array(t.fields.iter().map(|f| zero(types, f.id)).collect()),
        TypeDef::Primitive(TypeDefPrimitive::Bool) => json!(false),
        TypeDef::Primitive(TypeDefPrimitive::Str) => json!(""),
        TypeDef::Primitive(_) | TypeDef::Compact(_) => json!(0),
        TypeDef::BitSequence(_) => panic!("no bit sequences"),
    }
}

/// What the chain quotes, by pool and trade: `../shared/vectors/pool.json`'s plain trades (the
/// chain's own results), keyed by reserves, weight, fee rate, side and amount.
pub fn vector_quotes() -> BTreeMap<(u64, u64, String, u64, String, u64), Json> {
    let vectors: Json = serde_json::from_str(&super::read_shared("vectors/pool.json")).unwrap();
    let mut out = BTreeMap::new();
    for c in vectors["cases"].as_array().unwrap() {
        if !c["limit_price_rao"].is_null() {
            continue;
        }
        let n = |k: &str| c[k].as_str().unwrap().parse::<u64>().unwrap();
        out.insert(
            (
                n("tao_in_rao"),
                n("alpha_in_rao"),
                c["w_tao"].as_str().unwrap().to_string(),
                c["fee_rate"].as_u64().unwrap(),
                c["side"].as_str().unwrap().to_string(),
                n("amount_rao"),
            ),
            c["expect"].clone(),
        );
    }
    out
}

/// A node at one block of `chain` on `runtime`.
#[derive(Clone, Debug)]
pub struct Node {
    pub runtime: Runtime,
    pub chain: Chain,
    pub hash: String,
    pub genesis: String,
    pub number: u64,
    pub name: String,
    /// Rao added to every quote's amount out (a node that disagrees with the model).
    pub quote_extra_rao: u64,
    /// Runtime calls (`Api_method`) and storage items this node refuses with an error.
    pub refuse: Vec<String>,
    /// Storage written over, by key: values a test breaks on purpose.
    pub stored_over: BTreeMap<String, Option<String>>,
    /// `BetaBasketRuntimeApi_get_all_validator_baskets`' answer (SDK-style JSON: a list of
    /// `BasketSummary`), and `get_all_beta_pricing`'s pages in order, each `{"pricing": [...],
    /// "next": <the last hotkey as 0x hex, or null>}`; a page is asked after its predecessor's
    /// `next` (`runtime/src/lib.rs`, `impl BetaBasketRuntimeApi`).
    pub baskets: Json,
    pub pricing_pages: Vec<Json>,
}

pub const GENESIS: [u8; 32] = [0x2f; 32];

impl Node {
    pub fn new(runtime: Runtime, chain: Chain, tag: u8) -> Node {
        let number = chain.snapshot.block.unwrap_or(1);
        Node {
            runtime,
            chain,
            hash: hex(&[tag; 32]),
            genesis: hex(&GENESIS),
            number,
            name: "Bittensor".into(),
            quote_extra_rao: 0,
            refuse: vec![],
            stored_over: BTreeMap::new(),
            baskets: json!([]),
            pricing_pages: vec![json!({"pricing": [], "next": null})],
        }
    }

    fn has(&self, item: &str) -> bool {
        self.runtime.storage.contains_key(item)
    }

    /// Every value the chain stores that the app may read, by key (hex), as stored.
    pub fn storage(&self) -> BTreeMap<String, String> {
        let r = &self.runtime;
        let s = &self.chain.snapshot;
        let mut out = BTreeMap::new();
        let mut put = |name: &str, keys: &[Json], value: Json| {
            if r.storage.contains_key(name) {
                out.insert(r.key(name, keys), r.value(name, &value));
            }
        };
        if let Some(w) = s.tao_weight {
            let parts = (w * Decimal::from(u64::MAX)).round();
            put("TaoWeight", &[], json!(parts.to_string()));
        }
        // Deprecated since the chain stopped writing it: it still reads 1 TAO (SPEC §2).
        put("BlockEmission", &[], json!(1_000_000_000u64));
        put("TotalIssuance", &[], json!(self.chain.total_issuance_rao));
        if let Some(r) = s.runtime.maturity_rate {
            put("MaturityRate", &[], json!(r));
        }
        if let Some(r) = s.runtime.unlock_rate {
            put("UnlockRate", &[], json!(r));
        }
        // SubnetOwnerCut is unset on finney: absent, its default (11,796) applies.
        for subnet in &s.subnets {
            let n = json!(subnet.netuid);
            put(
                "SubnetTAO",
                std::slice::from_ref(&n),
                json!(subnet.tao_in_rao),
            );
            if let Some(rate) = subnet.fee_rate {
                put("FeeRate", std::slice::from_ref(&n), json!(rate.parts()));
            }
            if let Some(w) = subnet.w_tao {
                put(
                    "SwapBalancer",
                    std::slice::from_ref(&n),
                    json!({"quote": w.tao_parts()}),
                );
            }
            if let Some(c) = subnet.superellipse {
                put(
                    "SwapSuperellipse",
                    std::slice::from_ref(&n),
                    json!({"alpha_scale": c.alpha_scale.to_string(), "tao_scale": c.tao_scale.to_string(),
                        "center_alpha": c.center_alpha.to_string(), "center_tao": c.center_tao.to_string()}),
                );
            }
            if let Some(a) = self.chain.protocol_alpha.get(&subnet.netuid) {
                put("SubnetProtocolAlpha", std::slice::from_ref(&n), json!(a));
            }
            if let Some(a) = self.chain.burned_alpha.get(&subnet.netuid) {
                put("AlphaBurned", std::slice::from_ref(&n), json!(a));
            }
        }
        for list in self.chain.neurons.values() {
            for neuron in list {
                if let Some(take) = neuron.take {
                    put("Delegates", &[json!(hex(&neuron.hotkey))], json!(take));
                }
            }
        }
        for (k, v) in &self.stored_over {
            match v {
                Some(v) => out.insert(k.clone(), v.clone()),
                None => out.remove(k),
            };
        }
        out
    }

    /// `get_all_dynamic_info`: every subnet, each `Some`.
    pub fn dynamic_info(&self) -> String {
        let list: Vec<Json> = self
            .chain
            .snapshot
            .subnets
            .iter()
            .map(|s| dynamic_info(s, &self.chain.extra))
            .collect();
        self.runtime.answer(
            "SubnetInfoRuntimeApi_get_all_dynamic_info",
            &Json::Array(list),
        )
    }

    /// `get_selective_metagraph(netuid, indexes)` as the chain answers it
    /// (`pallets/subtensor/src/rpc_info/metagraph.rs`, `get_selective_metagraph`): `None` for a
    /// subnet that is not there; else the default struct (netuid 0, every other field `None`)
    /// with each asked field merged in (`merge_value`), netuid only when index 0 is asked,
    /// indexes past the last field ignored.
    pub fn metagraph(&self, netuid: u16, indexes: &[u16]) -> String {
        let name = "SubnetInfoRuntimeApi_get_selective_metagraph";
        if self.chain.snapshot.subnet(netuid).is_none() {
            return self.runtime.answer(name, &Json::Null);
        }
        let fields = self.runtime.metagraph_fields();
        let neurons = self.chain.neurons.get(&netuid).cloned().unwrap_or_default();
        let mut graph = Map::new();
        for (field, _) in &fields {
            graph.insert(field.clone(), Json::Null);
        }
        graph.insert("netuid".into(), json!(0));
        for index in indexes {
            let Some((field, ty)) = fields.get(usize::from(*index)) else {
                continue;
            };
            let value = match field.as_str() {
                "netuid" => json!(netuid),
                "hotkeys" => json!(neurons.iter().map(|n| hex(&n.hotkey)).collect::<Vec<_>>()),
                "coldkeys" => json!(neurons.iter().map(|_| hex(&[9; 32])).collect::<Vec<_>>()),
                "validator_permit" => json!(neurons.iter().map(|n| n.permit).collect::<Vec<_>>()),
                "alpha_stake" => json!(neurons
                    .iter()
                    .map(|n| n.alpha_stake_rao)
                    .collect::<Vec<_>>()),
                "collateral_locked" | "collateral_min" | "collateral_earned" => {
                    json!(neurons.iter().map(|_| 0).collect::<Vec<_>>())
                }
                _ => zero(&self.runtime.types, *ty),
            };
            // Every field but netuid is an Option: Some(value).
            graph.insert(field.clone(), value);
        }
        for (k, v) in &self.chain.extra {
            graph.insert(k.clone(), v.clone());
        }
        self.runtime.answer(name, &Json::Object(graph))
    }

    /// `sim_swap_tao_for_alpha` / `sim_swap_alpha_for_tao` as the runtime answers them
    /// (`runtime/src/lib.rs`, `impl SwapRuntimeApi`; `pallets/swap/src/pallet/impls.rs`,
    /// `sim_swap`): root 1:1 without fee; a missing subnet, or any swap error, all zeros; a
    /// dynamic pool's trade with the fee off the gross amount and the default price limit. Its
    /// results are the chain's own where `../shared/vectors/pool.json` has the trade, else the
    /// app's pool maths (which matches every vector to the rao).
    pub fn sim_swap(&self, side: Side, netuid: u16, amount: u64) -> String {
        let name = match side {
            Side::Stake => "SwapRuntimeApi_sim_swap_tao_for_alpha",
            Side::Unstake => "SwapRuntimeApi_sim_swap_alpha_for_tao",
        };
        let zeros = json!({"tao_amount": 0, "alpha_amount": 0, "tao_fee": 0, "alpha_fee": 0, "tao_slippage": 0, "alpha_slippage": 0});
        let Some(subnet) = self.chain.snapshot.subnet(netuid) else {
            return self.runtime.answer(name, &zeros);
        };
        if netuid == 0 {
            let one = json!({"tao_amount": amount, "alpha_amount": amount, "tao_fee": 0, "alpha_fee": 0, "tao_slippage": 0, "alpha_slippage": 0});
            return self.runtime.answer(name, &one);
        }
        let w = subnet.w_tao.unwrap_or_default();
        let fee_rate = subnet.fee_rate.map(|f| u64::from(f.parts())).unwrap_or(33);
        let side_name = match side {
            Side::Stake => "stake",
            Side::Unstake => "unstake",
        };
        let vector = vector_quotes()
            .get(&(
                subnet.tao_in_rao,
                subnet.alpha_in_rao,
                w.tao().normalize().to_string(),
                fee_rate,
                side_name.to_string(),
                amount,
            ))
            .cloned();
        let (swapped, fee, out) = match vector {
            Some(e) if e.get("error").is_some() => return self.runtime.answer(name, &zeros),
            Some(e) => {
                let n = |k: &str| e[k].as_str().unwrap().parse::<u64>().unwrap();
                (n("amount_in_rao"), n("fee_rao"), n("out_rao"))
            }
            None => match dtao_calc::model::pool::swap::swap(
                &subnet.pool().unwrap(),
                side,
                amount,
                None,
            ) {
                Ok(s) => (s.amount_in_rao, s.fee_rao, s.out_rao),
                Err(_) => return self.runtime.answer(name, &zeros),
            },
        };
        let out = out + self.quote_extra_rao;
        let answer = match side {
            Side::Stake => json!({"tao_amount": swapped, "alpha_amount": out, "tao_fee": fee,
                "alpha_fee": 0, "tao_slippage": 0, "alpha_slippage": 0}),
            Side::Unstake => json!({"tao_amount": out, "alpha_amount": swapped, "tao_fee": 0,
                "alpha_fee": fee, "tao_slippage": 0, "alpha_slippage": 0}),
        };
        self.runtime.answer(name, &answer)
    }

    /// The metadata a node sends to `Metadata_metadata_at_version(version)`: `Some` of the
    /// runtime's own version, `None` for any other (`sp_api`'s `metadata_at_version`).
    pub fn metadata_at(&self, version: u32) -> String {
        if version == self.runtime.version {
            let mut out = vec![1];
            out.extend(self.runtime.metadata.encode());
            hex(&out)
        } else {
            hex(&[0])
        }
    }

    /// What the node answers to one call: its result, or a JSON-RPC error.
    pub fn answer(&self, method: &str, params: &Json) -> Result<Json, (i64, String)> {
        let at_head = |i: usize| {
            params
                .get(i)
                .is_none_or(|p| p.is_null() || p.as_str() == Some(self.hash.as_str()))
        };
        let unknown = || Err((-32602, format!("{method}: unknown call or block")));
        let refused = |what: &str| self.refuse.iter().any(|r| r == what);
        if refused(method) {
            return Err((-32000, format!("{method} refused")));
        }
        match method {
            "chain_getBlockHash" => match params.get(0) {
                Some(n) if n.as_u64() == Some(0) => Ok(json!(self.genesis)),
                None | Some(Json::Null) => Ok(json!(self.hash)),
                Some(_) => unknown(),
            },
            "system_chain" => Ok(json!(self.name)),
            "chain_getHeader" if at_head(0) => {
                Ok(json!({"number": format!("0x{:x}", self.number), "parentHash": hex(&[0; 32])}))
            }
            "state_getRuntimeVersion" if at_head(0) => Ok(
                json!({"specName": "node-subtensor", "implName": "node-subtensor", "specVersion": self.runtime.spec, "transactionVersion": 1}),
            ),
            "state_getMetadata" if at_head(0) => Ok(json!(hex(&self.runtime.metadata))),
            "state_call" if at_head(2) => {
                let name = params[0].as_str().unwrap_or("");
                let args =
                    dtao_calc::snapshot::chain::keys::unhex(params[1].as_str().unwrap_or(""))
                        .ok_or((-32602, "args are not hex".to_string()))?;
                if refused(name) {
                    return Err((-32000, format!("{name} refused")));
                }
                if !self.runtime.calls.contains_key(name) && name != "Metadata_metadata_at_version"
                {
                    return Err((-32000, format!("Exported method {name} is not found")));
                }
                let arg_u16 = |at: usize| {
                    args.get(at..at + 2)
                        .map(|b| u16::from_le_bytes([b[0], b[1]]))
                };
                match name {
                    "Metadata_metadata_at_version" => {
                        let v = u32::decode(&mut &args[..]).map_err(|e| (-32602, e.to_string()))?;
                        Ok(json!(self.metadata_at(v)))
                    }
                    "SubnetInfoRuntimeApi_get_all_dynamic_info" if args.is_empty() => {
                        Ok(json!(self.dynamic_info()))
                    }
                    "SubnetInfoRuntimeApi_get_block_emission" if args.is_empty() => {
                        let e = dtao_calc::model::staking::block_emission::block_emission_rao(
                            self.chain.total_issuance_rao,
                        );
                        Ok(json!(self.runtime.answer(name, &json!(e))))
                    }
                    "SubnetInfoRuntimeApi_get_selective_metagraph" => {
                        // (netuid: u16 or NetUid(u16), indexes: Vec<u16>)
                        let netuid = arg_u16(0).ok_or((-32602, "no netuid".to_string()))?;
                        let indexes = Vec::<u16>::decode(&mut &args[2..])
                            .map_err(|e| (-32602, e.to_string()))?;
                        Ok(json!(self.metagraph(netuid, &indexes)))
                    }
                    "BetaBasketRuntimeApi_get_all_validator_baskets" if args.is_empty() => {
                        Ok(json!(self.runtime.answer(name, &self.baskets)))
                    }
                    "BetaBasketRuntimeApi_get_all_beta_pricing" => {
                        let page = self
                            .pricing_page(&args)
                            .ok_or((-32602, "no such page".to_string()))?;
                        Ok(json!(self.runtime.answer(name, page)))
                    }
                    "SwapRuntimeApi_sim_swap_tao_for_alpha"
                    | "SwapRuntimeApi_sim_swap_alpha_for_tao"
                        if args.len() == 10 =>
                    {
                        let netuid = arg_u16(0).unwrap();
                        let amount = u64::from_le_bytes(args[2..10].try_into().unwrap());
                        let side = if name.ends_with("tao_for_alpha") {
                            Side::Stake
                        } else {
                            Side::Unstake
                        };
                        Ok(json!(self.sim_swap(side, netuid, amount)))
                    }
                    _ => unknown(),
                }
            }
            "state_queryStorageAt" if at_head(1) => {
                let stored = self.storage();
                let keys = params[0].as_array().cloned().unwrap_or_default();
                for item in &self.refuse {
                    if self.has(item) {
                        let prefix = {
                            let e = &self.runtime.storage[item];
                            let mut p = twox128(e.prefix.as_bytes());
                            p.extend(twox128(e.name.as_bytes()));
                            hex(&p)
                        };
                        if keys
                            .iter()
                            .any(|k| k.as_str().is_some_and(|k| k.starts_with(&prefix)))
                        {
                            return Err((-32000, format!("reading {item} failed")));
                        }
                    }
                }
                let changes: Vec<Json> = keys
                    .iter()
                    .map(|k| {
                        json!([
                            k,
                            stored
                                .get(k.as_str().unwrap_or(""))
                                .cloned()
                                .map_or(Json::Null, Json::String)
                        ])
                    })
                    .collect();
                Ok(json!([{"block": self.hash, "changes": changes}]))
            }
            _ => unknown(),
        }
    }

    /// `get_all_beta_pricing(start_after: Option<AccountId32>, limit: u32)`'s page: the first
    /// after `None`, else the one after the page whose `next` is the cursor.
    fn pricing_page(&self, args: &[u8]) -> Option<&Json> {
        match args {
            [0, _, _, _, _] => self.pricing_pages.first(),
            [1, rest @ ..] if rest.len() == 36 => {
                let cursor = hex(&rest[..32]);
                let i = self
                    .pricing_pages
                    .iter()
                    .position(|p| p["next"].as_str() == Some(cursor.as_str()))?;
                self.pricing_pages.get(i + 1)
            }
            _ => None,
        }
    }

    /// The arguments the app sends to `get_all_beta_pricing` for the page after `cursor`.
    pub fn pricing_args(cursor: Option<&str>) -> String {
        let mut args = match cursor {
            Some(c) => {
                let mut a = vec![1];
                a.extend(dtao_calc::snapshot::chain::keys::unhex(c).unwrap());
                a
            }
            None => vec![0],
        };
        args.extend(0u32.encode());
        hex(&args)
    }

    /// The arguments the app sends to `get_selective_metagraph` for `netuid`: the netuid and the
    /// indexes of the fields it reads, found here by name in this runtime.
    pub fn metagraph_args(&self, netuid: u16) -> String {
        let fields = self.runtime.metagraph_fields();
        let index = |name: &str| fields.iter().position(|(f, _)| f == name).unwrap() as u16;
        let indexes = vec![
            index("netuid"),
            index("hotkeys"),
            index("validator_permit"),
            index("alpha_stake"),
        ];
        let mut args = netuid.encode();
        args.extend(indexes.encode());
        hex(&args)
    }

    /// This state for the browser tests' server: every answer it needs, as tables.
    pub fn to_replay(&self, metadata_file: &str, quotes: &[(Side, u16, u64)]) -> Json {
        let mut calls = Map::new();
        let mut put = |name: &str, args: String, answer: String| {
            calls
                .entry(name.to_string())
                .or_insert_with(|| json!({}))
                .as_object_mut()
                .unwrap()
                .insert(args, json!(answer));
        };
        put(
            "SubnetInfoRuntimeApi_get_all_dynamic_info",
            "0x".into(),
            self.dynamic_info(),
        );
        if self
            .runtime
            .calls
            .contains_key("SubnetInfoRuntimeApi_get_block_emission")
        {
            let e = dtao_calc::model::staking::block_emission::block_emission_rao(
                self.chain.total_issuance_rao,
            );
            put(
                "SubnetInfoRuntimeApi_get_block_emission",
                "0x".into(),
                self.runtime
                    .answer("SubnetInfoRuntimeApi_get_block_emission", &json!(e)),
            );
        }
        for s in &self.chain.snapshot.subnets {
            let args = self.metagraph_args(s.netuid);
            let bytes = dtao_calc::snapshot::chain::keys::unhex(&args).unwrap();
            let indexes = Vec::<u16>::decode(&mut &bytes[2..]).unwrap();
            put(
                "SubnetInfoRuntimeApi_get_selective_metagraph",
                args,
                self.metagraph(s.netuid, &indexes),
            );
        }
        if self
            .runtime
            .calls
            .contains_key("BetaBasketRuntimeApi_get_all_validator_baskets")
        {
            let name = "BetaBasketRuntimeApi_get_all_validator_baskets";
            put(name, "0x".into(), self.runtime.answer(name, &self.baskets));
            let name = "BetaBasketRuntimeApi_get_all_beta_pricing";
            let mut cursor: Option<String> = None;
            for page in &self.pricing_pages {
                put(
                    name,
                    Node::pricing_args(cursor.as_deref()),
                    self.runtime.answer(name, page),
                );
                cursor = page["next"].as_str().map(str::to_string);
            }
        }
        for (side, netuid, amount) in quotes {
            let name = match side {
                Side::Stake => "SwapRuntimeApi_sim_swap_tao_for_alpha",
                Side::Unstake => "SwapRuntimeApi_sim_swap_alpha_for_tao",
            };
            let mut args = netuid.encode();
            args.extend(amount.encode());
            put(name, hex(&args), self.sim_swap(*side, *netuid, *amount));
        }
        json!({
            "hash": self.hash, "genesis": self.genesis, "chain": self.name, "number": self.number,
            "spec_version": self.runtime.spec, "metadata_file": metadata_file,
            "metadata_version": self.runtime.version,
            "storage": self.storage(), "calls": calls, "refuse": self.refuse,
        })
    }
}

/// A compact-encoded length, for tests that cut answers.
pub fn compact_len(n: u32) -> Vec<u8> {
    Compact(n).encode()
}

/// One batch as a node answers it, as JSON-RPC text both ways: `calls` written as the app sends
/// them (ids from `first_id`), each answered by `answer(method, params)` (an error as its code
/// and message), the replies reversed when `reversed` (a node need not keep the order), and
/// read back as the app reads them; `log` hears each call's name (a `state_call` by its
/// runtime call's).
pub fn serve_batch(
    calls: &[dtao_calc::snapshot::chain::rpc::Call],
    first_id: u64,
    reversed: bool,
    mut log: impl FnMut(String),
    answer: impl Fn(&str, &Json) -> Result<Json, (i64, String)>,
) -> Result<dtao_calc::snapshot::chain::rpc::Answers, dtao_calc::snapshot::chain::LiveError> {
    use dtao_calc::snapshot::chain::rpc::{batch_results, batch_text};
    let sent: Json = serde_json::from_str(&batch_text(calls, first_id)).unwrap();
    let mut asked: Vec<&Json> = sent.as_array().unwrap().iter().collect();
    if reversed {
        asked.reverse();
    }
    let answers: Vec<Json> = asked
        .into_iter()
        .map(|c| {
            let method = c["method"].as_str().unwrap();
            log(match method {
                "state_call" => c["params"][0].as_str().unwrap().to_string(),
                m => m.to_string(),
            });
            match answer(method, &c["params"]) {
                Ok(result) => json!({"jsonrpc": "2.0", "id": c["id"], "result": result}),
                Err((code, message)) => json!({"jsonrpc": "2.0", "id": c["id"], "error": {"code": code, "message": message}}),
            }
        })
        .collect();
    batch_results(&Json::Array(answers).to_string(), calls, first_id)
}
