//! Any bytes through the snapshot importers and the chain-reply decoder: never a panic, and
//! every rejection a sentence.
#![no_main]

use std::sync::OnceLock;

use dtao_calc::snapshot::bundled::bundled;
use dtao_calc::snapshot::dynamic_info::decode_all;
use dtao_calc::snapshot::import::import;
use dtao_calc::snapshot::Snapshot;
use libfuzzer_sys::fuzz_target;

// Parsed once: reading the bundled snapshot on every input would be most of the work.
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
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let current = CURRENT.get_or_init(|| bundled().expect("the bundled snapshot reads"));
    if let Err(e) = import(text, current) {
        assert!(e.to_string().len() > 10, "terse rejection: {e}");
    }
});
