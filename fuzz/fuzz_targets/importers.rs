//! Any bytes through the snapshot importers, the chain-reply decoder and the live reader's
//! JSON-RPC replies: never a panic, and every rejection a sentence.
#![no_main]

use std::sync::OnceLock;

use dtao_calc::snapshot::bundled::bundled;
use dtao_calc::snapshot::chain::keys::hex;
use dtao_calc::snapshot::chain::read::{head_calls, read_state, Head};
use dtao_calc::snapshot::chain::rpc::batch_results;
use dtao_calc::snapshot::dynamic_info::decode_all;
use dtao_calc::snapshot::import::import;
use dtao_calc::snapshot::Snapshot;
use libfuzzer_sys::fuzz_target;

// Built once: copying the bundled snapshot on every input would be much of the work.
static CURRENT: OnceLock<Snapshot> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    match decode_all(data) {
        Ok(all) => {
            for info in all {
                if let Err(e) = info.to_subnet() {
                    assert!(e.to_string().len() > 10, "terse rejection: {e}");
                }
            }
        }
        Err(e) => assert!(e.to_string().len() > 10, "terse rejection: {e}"),
    }
    let head = Head {
        hash: hex(&[1; 32]),
        chain: "Bittensor".into(),
    };
    let answers = [
        serde_json::json!({"number": "0x10"}),
        serde_json::json!({"specVersion": 393}),
        serde_json::json!(hex(data)),
        serde_json::json!([]),
    ];
    if let Err(e) = read_state(head, &answers) {
        assert!(e.to_string().len() > 10, "terse rejection: {e}");
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = batch_results(text, &head_calls(), 1) {
        assert!(e.to_string().len() > 10, "terse rejection: {e}");
    }
    let current = CURRENT.get_or_init(bundled);
    if let Err(e) = import(text, current) {
        assert!(e.to_string().len() > 10, "terse rejection: {e}");
    }
});
