//! The live reader as a wasm module of its own (`dtao-live.js` + `dtao-live_bg.wasm`, built by
//! tools/package.mjs), loaded by the app only when someone asks for live data: the SCALE
//! decoding and the WebSocket client stay out of the first download. It answers in the app's
//! own format, dtao-snapshot/2, which the app reads like any other data.

use dtao_calc::snapshot::dtao_snapshot::write::to_json;
use dtao_calc::snapshot::live::read_live;
use wasm_bindgen::prelude::*;

/// Read the chain at `url`, with the validators of subnet `netuid` when given: the snapshot as
/// dtao-snapshot/2 JSON, or a sentence saying why not.
#[wasm_bindgen]
pub async fn read_chain(url: String, netuid: Option<u16>) -> Result<String, JsValue> {
    read_live(&url, netuid.as_slice())
        .await
        .map(|snapshot| to_json(&snapshot))
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

fn main() {}
