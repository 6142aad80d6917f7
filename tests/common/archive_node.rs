//! A pretend archive node for the history's tests (`tests/live_history.rs`, which includes this
//! file by path): a chain of `times.len()` blocks, each with its own hash and
//! `Timestamp::Now`, blocks below `upgrade` on finney's runtime spec 393 (V16 metadata) and the
//! rest on spec 461 (V15), both the real metadata of `../shared/fixtures`; some blocks carry a
//! validator's stake accounting and its subnet's pool, written by the tests' encoder in that
//! runtime's own types (`chain_node::Runtime`). Every call is answered at the block its hash
//! names, as a Substrate node does: `chain_getBlockHash(n)` (null past the head),
//! `chain_getHeader`, `state_getRuntimeVersion`, `state_queryStorageAt` and `state_call`
//! (`Metadata_metadata_at_version`, `BetaBasketRuntimeApi_get_beta_pricing`); state below
//! `pruned_below` is refused as a pruning node refuses it ("State already discarded for …").

#![allow(dead_code)]

use crate::common::block_on;
use crate::common::chain_node::{hex, serve_batch, twox128, Runtime};
use crate::common::runtimes::{self, SPEC_393, SPEC_461};
use dtao_calc::snapshot::chain::history::{read_history, HistoryCache, HistoryOptions};
use dtao_calc::snapshot::chain::read::MemoryStore;
use dtao_calc::snapshot::chain::rpc::Call;
use dtao_calc::snapshot::chain::LiveError;
use dtao_calc::snapshot::history::History;
use frame_metadata::{RuntimeMetadata, RuntimeMetadataPrefixed, META_RESERVED};
use parity_scale_codec::Encode;
use serde_json::{json, Value as Json};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

pub const HOTKEY: [u8; 32] = [0x5a; 32];
pub const NETUID: u16 = 64;
pub const PRICING: &str = "BetaBasketRuntimeApi_get_beta_pricing";

/// What one block stores for the validator and its subnet (absent: nothing stored).
#[derive(Clone, Debug, Default)]
pub struct Stored {
    pub alpha: Option<u64>,
    /// `TotalHotkeyShares`' U64F64 bits.
    pub old_shares: Option<u128>,
    /// `TotalHotkeySharesV2`'s (mantissa, exponent); spec 461 only.
    pub v2_shares: Option<(u128, i64)>,
    pub tao_in: Option<u64>,
    pub alpha_in: Option<u64>,
    pub fee: Option<u16>,
    /// `SwapBalancer`'s quote (TAO) weight, Perquintill parts; spec 461 only.
    pub balancer: Option<u64>,
    /// `get_beta_pricing(hotkey)`'s `stake_price` bits (`None`: the call answers `None`).
    pub stake_price_bits: Option<u128>,
}

pub struct Archive {
    pub r393: Runtime,
    pub r461: Runtime,
    /// The first block on spec 461.
    pub upgrade: u64,
    /// Blocks below this run a runtime from before dTAO (`pre_dtao`).
    pub dtao_from: u64,
    pub pre_dtao: Option<Runtime>,
    /// Every progress sentence heard, in order.
    pub heard: RefCell<Vec<String>>,
    /// `Timestamp::Now` of every block, 0 at genesis; when empty, block n (n > 0) is from
    /// `base_ms + n × 12,000` up to `head_number`.
    pub times: Vec<u64>,
    pub base_ms: u64,
    pub head_number: u64,
    pub stored: BTreeMap<u64, Stored>,
    pub pruned_below: u64,
    /// Every batch's methods (runtime calls by their name), in order.
    pub batches: RefCell<Vec<Vec<String>>>,
}

pub fn block_hash(n: u64) -> String {
    let mut b = vec![0xab; 24];
    b.extend(n.to_be_bytes());
    hex(&b)
}

fn number_of(hash: &str) -> Option<u64> {
    let b = dtao_calc::snapshot::chain::keys::unhex(hash)?;
    (b.len() == 32 && b[..24] == [0xab; 24])
        .then(|| u64::from_be_bytes(b[24..].try_into().unwrap()))
}

pub fn timestamp_key() -> String {
    let mut k = twox128(b"Timestamp");
    k.extend(twox128(b"Now"));
    hex(&k)
}

fn refused(message: String) -> Result<Json, (i64, String)> {
    Err((-32000, message))
}

impl Archive {
    pub fn new(times: Vec<u64>, upgrade: u64) -> Archive {
        Archive {
            r393: Runtime::fixture(SPEC_393, 393),
            r461: Runtime::fixture(SPEC_461, 461),
            upgrade,
            dtao_from: 0,
            pre_dtao: None,
            heard: RefCell::new(vec![]),
            head_number: times.len() as u64 - 1,
            times,
            base_ms: 0,
            stored: BTreeMap::new(),
            pruned_below: 0,
            batches: RefCell::new(vec![]),
        }
    }

    /// A chain of `head + 1` blocks 12 s apart, block n from `base_ms + 12,000 n`.
    pub fn regular(base_ms: u64, head: u64, upgrade: u64) -> Archive {
        let mut a = Archive::new(vec![0], upgrade);
        a.times = vec![];
        a.base_ms = base_ms;
        a.head_number = head;
        a
    }

    pub fn head(&self) -> u64 {
        self.head_number
    }

    /// Block `n`'s `Timestamp::Now`.
    pub fn time(&self, n: u64) -> u64 {
        match (n, self.times.get(n as usize)) {
            (0, _) => 0,
            (_, Some(t)) => *t,
            (_, None) => self.base_ms + n * 12_000,
        }
    }

    /// Blocks below `from` run a runtime of spec 200 standing for one from before dTAO: spec
    /// 461's metadata without the subnet pools' and the stake accounting's storage.
    pub fn with_pre_dtao(mut self, from: u64) -> Archive {
        let RuntimeMetadata::V15(mut m) = runtimes::metadata(SPEC_461).1 else {
            panic!("spec 461's metadata is V15")
        };
        let gone = [
            "TotalHotkeyAlpha",
            "TotalHotkeyShares",
            "TotalHotkeySharesV2",
            "SubnetTAO",
            "SubnetAlphaIn",
        ];
        for p in &mut m.pallets {
            if let Some(s) = &mut p.storage {
                s.entries.retain(|e| !gone.contains(&e.name.as_str()));
            }
        }
        let bytes = RuntimeMetadataPrefixed(META_RESERVED, RuntimeMetadata::V15(m)).encode();
        self.pre_dtao = Some(Runtime::from_metadata(bytes, 200));
        self.dtao_from = from;
        self
    }

    pub fn runtime(&self, n: u64) -> &Runtime {
        if let Some(r) = self.pre_dtao.as_ref().filter(|_| n < self.dtao_from) {
            return r;
        }
        if n < self.upgrade {
            &self.r393
        } else {
            &self.r461
        }
    }

    /// Every value stored at block `n`, by key.
    pub fn storage(&self, n: u64) -> BTreeMap<String, String> {
        let r = self.runtime(n);
        let mut out = BTreeMap::new();
        if n > 0 {
            out.insert(timestamp_key(), hex(&self.time(n).to_le_bytes()));
        }
        let Some(s) = self.stored.get(&n) else {
            return out;
        };
        let hot = json!(hex(&HOTKEY));
        let net = json!(NETUID);
        let mut put = |name: &str, keys: &[Json], value: Json| {
            assert!(
                r.storage.contains_key(name),
                "spec {} has no {name}",
                r.spec
            );
            out.insert(r.key(name, keys), r.value(name, &value));
        };
        let both = [hot.clone(), net.clone()];
        if let Some(a) = s.alpha {
            put("TotalHotkeyAlpha", &both, json!(a));
        }
        if let Some(bits) = s.old_shares {
            put(
                "TotalHotkeyShares",
                &both,
                json!({"bits": bits.to_string()}),
            );
        }
        if let Some((m, e)) = s.v2_shares {
            put(
                "TotalHotkeySharesV2",
                &both,
                json!({"mantissa": m.to_string(), "exponent": e}),
            );
        }
        let one = [net.clone()];
        if let Some(t) = s.tao_in {
            put("SubnetTAO", &one, json!(t));
        }
        if let Some(a) = s.alpha_in {
            put("SubnetAlphaIn", &one, json!(a));
        }
        if let Some(f) = s.fee {
            put("FeeRate", &one, json!(f));
        }
        if let Some(w) = s.balancer {
            put("SwapBalancer", &one, json!({"quote": w}));
        }
        out
    }

    /// `get_beta_pricing(hotkey)`'s answer at block `n` (`Option<BetaPricing>`).
    pub fn pricing(&self, n: u64) -> String {
        let r = self.runtime(n);
        let price = self.stored.get(&n).and_then(|s| s.stake_price_bits);
        let value = match price {
            None => Json::Null,
            Some(bits) => {
                let fixed = |b: u128| json!({"bits": b.to_string()});
                json!({"hotkey": hex(&HOTKEY), "spot_price": fixed(bits), "display_price": fixed(bits),
                    "stake_price": fixed(bits), "staker_yield": fixed(0), "staker_twr": fixed(bits),
                    "bag_index": fixed(1 << 64), "stake_index": fixed(1 << 64), "first_block": 1,
                    "provisional": false, "spot_nav_tao": 7, "shares": 5, "display_shares": fixed(5 << 64)})
            }
        };
        r.answer(PRICING, &value)
    }

    fn at(&self, params: &Json, i: usize) -> Result<u64, (i64, String)> {
        match params.get(i) {
            None | Some(Json::Null) => Ok(self.head()),
            Some(h) => h
                .as_str()
                .and_then(number_of)
                .filter(|n| *n <= self.head())
                .ok_or((-32000, format!("UnknownBlock: header not found: {h}"))),
        }
    }

    fn state_at(&self, params: &Json, i: usize) -> Result<u64, (i64, String)> {
        let n = self.at(params, i)?;
        if n < self.pruned_below {
            return Err((
                4003,
                format!("State already discarded for {}", block_hash(n)),
            ));
        }
        Ok(n)
    }

    /// This chain for the browser tests' server (`tests/browser/live-server.mjs`, path
    /// `/archive`): a regular chain's times as a rule, and each block that stores anything
    /// with its storage (Timestamp aside, which the server makes from the rule) and its
    /// answer to `get_beta_pricing(hotkey)` where its runtime has the call.
    pub fn to_replay(&self) -> Json {
        assert!(self.times.is_empty(), "only a regular chain is replayed");
        let blocks: serde_json::Map<String, Json> = self
            .stored
            .keys()
            .map(|n| {
                let mut storage = self.storage(*n);
                storage.remove(&timestamp_key());
                let mut calls = serde_json::Map::new();
                if self.runtime(*n).calls.contains_key(PRICING) {
                    calls.insert(PRICING.into(), json!({ hex(&HOTKEY): self.pricing(*n) }));
                }
                (n.to_string(), json!({"storage": storage, "calls": calls}))
            })
            .collect();
        json!({
            "head": self.head(), "base_ms": self.base_ms, "block_ms": 12_000,
            "upgrade": self.upgrade, "pruned_below": self.pruned_below,
            "hash_prefix": hex(&[0xab; 24]), "genesis": block_hash(0), "chain": "Bittensor",
            "timestamp_key": timestamp_key(),
            "specs": {
                "393": {"metadata_file": SPEC_393, "metadata_version": self.r393.version},
                "461": {"metadata_file": SPEC_461, "metadata_version": self.r461.version},
            },
            "blocks": blocks,
        })
    }

    /// What the node answers to one call.
    pub fn answer(&self, method: &str, params: &Json) -> Result<Json, (i64, String)> {
        match method {
            "chain_getBlockHash" => match params.get(0) {
                None | Some(Json::Null) => Ok(json!(block_hash(self.head()))),
                Some(n) => Ok(n
                    .as_u64()
                    .filter(|n| *n <= self.head())
                    .map_or(Json::Null, |n| json!(block_hash(n)))),
            },
            "system_chain" => Ok(json!("Bittensor")),
            "chain_getHeader" => {
                let n = self.at(params, 0)?;
                Ok(
                    json!({"number": format!("0x{n:x}"), "parentHash": block_hash(n.saturating_sub(1))}),
                )
            }
            "state_getRuntimeVersion" => {
                let n = self.state_at(params, 0)?;
                Ok(json!({"specName": "node-subtensor", "specVersion": self.runtime(n).spec}))
            }
            "state_queryStorageAt" => {
                let n = self.state_at(params, 1)?;
                let stored = self.storage(n);
                let changes: Vec<Json> = params[0]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .iter()
                    .map(|k| json!([k, stored.get(k.as_str().unwrap_or(""))]))
                    .collect();
                Ok(json!([{"block": block_hash(n), "changes": changes}]))
            }
            "state_call" => {
                let n = self.state_at(params, 2)?;
                let r = self.runtime(n);
                let name = params[0].as_str().unwrap_or("");
                let args =
                    dtao_calc::snapshot::chain::keys::unhex(params[1].as_str().unwrap_or(""))
                        .unwrap_or_default();
                match name {
                    "Metadata_metadata_at_version" => {
                        let v = u32::from_le_bytes(args[..4].try_into().unwrap());
                        if v == r.version {
                            let mut out = vec![1];
                            out.extend(r.metadata.encode());
                            Ok(json!(hex(&out)))
                        } else {
                            Ok(json!(hex(&[0])))
                        }
                    }
                    PRICING if r.calls.contains_key(PRICING) && args == HOTKEY => {
                        Ok(json!(self.pricing(n)))
                    }
                    _ => refused(format!("Exported method {name} is not found")),
                }
            }
            _ => Err((-32601, format!("Method not found: {method}"))),
        }
    }

    /// A whole read of the history, with a cache kept by the caller; `cancel_after`: the read
    /// is cancelled once this many batches went out.
    pub fn read(
        &self,
        options: &HistoryOptions,
        store: &MemoryStore,
        cache: &mut HistoryCache,
        cancel_after: Option<usize>,
    ) -> Result<History, LiveError> {
        let next_id = Cell::new(1u64);
        let sent = Cell::new(0usize);
        let ask = |calls: Vec<Call>| {
            let first_id = next_id.get();
            next_id.set(first_id + calls.len() as u64);
            sent.set(sent.get() + 1);
            let mut names = vec![];
            let answers = serve_batch(
                &calls,
                first_id,
                false,
                |name| names.push(name),
                |method, params| self.answer(method, params),
            );
            self.batches.borrow_mut().push(names);
            std::future::ready(answers)
        };
        let cancelled = || cancel_after.is_some_and(|n| sent.get() >= n);
        let progress = |text: &str| self.heard.borrow_mut().push(text.to_string());
        block_on(read_history(
            options, store, cache, &progress, &cancelled, ask,
        ))
    }

    /// How many batches and calls went out so far.
    pub fn counts(&self) -> (usize, usize) {
        let b = self.batches.borrow();
        (b.len(), b.iter().map(Vec::len).sum())
    }
}
