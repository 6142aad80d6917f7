//! The first round of a read and the runtime it meets: the head block, the chain's genesis
//! and name, and the runtime's spec version; then that runtime's schema, from the device when a
//! read has met this runtime before, else made from the metadata the node sends
//! (`Metadata_metadata_at_version` 16, else 15, else `state_getMetadata`), once per runtime.

use super::error::LiveError;
use super::keys::unhex;
use super::metadata::schema::unwrap_opaque;
use super::metadata::Schema;
use super::rpc::{Answers, Call};
use super::wanted;
use serde_json::{json, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;

/// Where schemas are kept between reads: the browser's localStorage, or memory.
pub trait SchemaStore {
    fn load(&self, key: &str) -> Option<Vec<u8>>;
    fn save(&self, key: &str, bytes: &[u8]);
}

/// Schemas kept for as long as the program runs (the snapshot writer; tests).
#[derive(Default)]
pub struct MemoryStore {
    kept: RefCell<HashMap<String, Vec<u8>>>,
}

impl SchemaStore for MemoryStore {
    fn load(&self, key: &str) -> Option<Vec<u8>> {
        self.kept.borrow().get(key).cloned()
    }
    fn save(&self, key: &str, bytes: &[u8]) {
        self.kept
            .borrow_mut()
            .insert(key.to_string(), bytes.to_vec());
    }
}

/// The key a runtime's schema is kept under: the chain (its genesis hash), the runtime (its
/// spec version), and what this app asks of it.
pub fn schema_key(genesis: &str, spec_version: u32) -> String {
    let chain: String = genesis.trim_start_matches("0x").chars().take(16).collect();
    format!(
        "dtao-runtime:{chain}:{spec_version}:{:016x}",
        wanted::fingerprint()
    )
}

/// Round 1: the head block, the genesis block, the chain's name and the runtime's version now.
pub fn head_calls() -> Vec<Call> {
    vec![
        Call::new("chain_getBlockHash", json!([])),
        Call::new("chain_getBlockHash", json!([0])),
        Call::new("system_chain", json!([])),
        Call::new("state_getRuntimeVersion", json!([])),
    ]
}

/// The block every later call reads at, and the chain it is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    pub hash: String,
    pub genesis: String,
    pub chain: String,
    /// The runtime's version as the node last knew it; the head's own is checked in round 2.
    pub spec_version: u32,
}

fn block_hash(value: Option<&Value>, method: &str) -> Result<String, LiveError> {
    value
        .and_then(Value::as_str)
        .filter(|h| unhex(h).is_some_and(|b| b.len() == 32))
        .map(str::to_string)
        .ok_or_else(|| LiveError::reply(method, "no 32-byte block hash"))
}

/// The `specVersion` of a `state_getRuntimeVersion` answer.
pub fn spec_version(value: &Value) -> Result<u32, LiveError> {
    value
        .get("specVersion")
        .and_then(Value::as_u64)
        .and_then(|s| u32::try_from(s).ok())
        .ok_or_else(|| LiveError::reply("state_getRuntimeVersion", "no spec version"))
}

pub fn read_head(answers: Answers) -> Result<Head, LiveError> {
    let answers = super::rpc::all(answers)?;
    let chain = answers
        .get(2)
        .and_then(Value::as_str)
        .ok_or_else(|| LiveError::reply("system_chain", "no chain name"))?;
    Ok(Head {
        hash: block_hash(answers.first(), "chain_getBlockHash")?,
        genesis: block_hash(answers.get(1), "chain_getBlockHash")?,
        chain: crate::model::words::shorten(chain),
        spec_version: spec_version(answers.get(3).unwrap_or(&Value::Null))?,
    })
}

/// The metadata call for `version`, at `at`.
fn metadata_call(version: u32, at: &str) -> Call {
    let arg = super::keys::hex(&version.to_le_bytes());
    Call::new(
        "state_call",
        json!(["Metadata_metadata_at_version", arg, at]),
    )
}

/// The runtime's schema: kept from an earlier read of the same runtime, or made from its
/// metadata, which is then kept. `progress` says when the metadata has to be fetched.
pub async fn schema<F, Fut>(
    store: &dyn SchemaStore,
    genesis: &str,
    spec_version: u32,
    at: &str,
    progress: &dyn Fn(&str),
    ask: &mut F,
) -> Result<Schema, LiveError>
where
    F: FnMut(Vec<Call>) -> Fut,
    Fut: Future<Output = Result<Answers, LiveError>>,
{
    let key = schema_key(genesis, spec_version);
    if let Some(schema) = store.load(&key).and_then(|b| Schema::from_bytes(&b)) {
        if schema.spec_version == spec_version {
            return Ok(schema);
        }
    }
    progress(&format!(
        "Reading runtime spec {spec_version}'s description (its metadata, once per runtime)…"
    ));
    let runtime = |why: String| LiveError::Runtime {
        spec: spec_version,
        why,
    };
    let mut metadata = None;
    for version in [16u32, 15] {
        let answer = ask(vec![metadata_call(version, at)]).await?.remove(0);
        match answer {
            // A runtime without the versioned call: only `state_getMetadata` is left.
            Err(LiveError::Rpc { .. }) => break,
            Err(other) => return Err(other),
            Ok(value) => {
                let bytes = value
                    .as_str()
                    .and_then(unhex)
                    .ok_or_else(|| LiveError::reply("state_call", "no hex bytes"))?;
                if let Some(found) = unwrap_opaque(&bytes).map_err(runtime)? {
                    metadata = Some(found);
                    break;
                }
            }
        }
    }
    let metadata = match metadata {
        Some(m) => m,
        None => {
            let answer = ask(vec![Call::new("state_getMetadata", json!([at]))])
                .await?
                .remove(0)?;
            let bytes = answer
                .as_str()
                .and_then(unhex)
                .ok_or_else(|| LiveError::reply("state_getMetadata", "no hex bytes"))?;
            unwrap_opaque(&bytes)
                .map_err(runtime)?
                .ok_or_else(|| runtime("the node sends no metadata".into()))?
        }
    };
    let schema = Schema::from_metadata(&metadata, spec_version, &wanted::CALLS, &wanted::STORAGE)
        .map_err(runtime)?;
    if schema.metadata_version < 15 {
        return Err(runtime(
            "its metadata (version 14) does not describe the runtime calls this app makes".into(),
        ));
    }
    store.save(&key, &schema.to_bytes());
    Ok(schema)
}
