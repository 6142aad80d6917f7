//! Any bytes through the snapshot and positions importers, the runtime-metadata reader, the
//! metadata-driven decoder of the chain's answers and the live reader's JSON-RPC replies: never
//! a panic, and every rejection a sentence.
#![no_main]

use std::sync::OnceLock;

use dtao_calc::snapshot::bundled::bundled;
use dtao_calc::snapshot::chain::keys::hex;
use dtao_calc::snapshot::chain::metadata::Schema;
use dtao_calc::snapshot::chain::read::{head_calls, read_state, Head};
use dtao_calc::snapshot::chain::rpc::batch_results;
use dtao_calc::snapshot::chain::wanted::{CALLS, STORAGE};
use dtao_calc::snapshot::import::import;
use dtao_calc::snapshot::positions::import_positions;
use dtao_calc::snapshot::Snapshot;
use libfuzzer_sys::fuzz_target;

// Built once: copying the bundled snapshot on every input would be much of the work.
static CURRENT: OnceLock<Snapshot> = OnceLock::new();
/// Spec 461's schema, from the real metadata in ../shared (DTAO_SHARED to move it).
static SCHEMA: OnceLock<Schema> = OnceLock::new();

fn schema() -> &'static Schema {
    SCHEMA.get_or_init(|| {
        let shared = std::env::var("DTAO_SHARED").unwrap_or_else(|_| "../shared".into());
        let path = format!("{shared}/fixtures/subtensor-metadata-spec461.scale");
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        Schema::from_metadata(&bytes, 461, &CALLS, &STORAGE).unwrap()
    })
}

fn sentence(e: impl std::fmt::Display) {
    assert!(e.to_string().len() > 10, "terse rejection: {e}");
}

fuzz_target!(|data: &[u8]| {
    // Any bytes as metadata: a schema, or a sentence.
    if let Err(e) = Schema::from_metadata(data, 1, &CALLS, &STORAGE) {
        sentence(e);
    }
    if let Err(e) = Schema::from_bytes(data).ok_or("not a kept schema") {
        sentence(e);
    }
    // Any bytes as every subnet's DynamicInfo, read by the runtime's own types.
    let schema = schema();
    let head = Head {
        hash: hex(&[1; 32]),
        genesis: hex(&[2; 32]),
        chain: "Bittensor".into(),
        spec_version: 461,
    };
    let answers = vec![
        Ok(serde_json::json!({"number": "0x10"})),
        Ok(serde_json::json!({"specVersion": 461})),
        Ok(serde_json::json!(hex(data))),
        Ok(serde_json::json!([])),
        Ok(serde_json::json!(hex(data))),
        Ok(serde_json::json!([])),
    ];
    if let Err(e) = read_state(head, schema, answers) {
        sentence(e);
    }
    for call in &schema.calls {
        if let Err(e) = schema.answer(call, data) {
            sentence(e);
        }
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = batch_results(text, &head_calls(), 1) {
        sentence(e);
    }
    let current = CURRENT.get_or_init(bundled);
    if let Err(e) = import(text, current) {
        sentence(e);
    }
    // The same text as a wallet's positions (dtao-positions/1, btcli stake list).
    if let Err(e) = import_positions(text) {
        sentence(e);
    }
});
