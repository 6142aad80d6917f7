//! The live reader as a wasm module of its own (`dtao-live.js` + `dtao-live_bg.wasm`, built by
//! tools/package.mjs), loaded by the app only when someone asks for live data: the runtime
//! metadata decoder and the WebSocket client stay out of the first download. It answers in
//! text the app reads like any other data (`snapshot::live_answer`).

use dtao_calc::snapshot::chain::history::parse_targets;
use dtao_calc::snapshot::chain::quote::Side;
use dtao_calc::snapshot::live::{quote_live, read_history_live, read_live, read_positions_live};
use dtao_calc::snapshot::live_answer::{write_history, write_positions, write_quote, write_read};
use wasm_bindgen::prelude::*;

/// Read the chain at `url`, with the validators of subnet `netuid` when given; `persist`:
/// whether runtime schemas may be kept in localStorage; `progress` is called with a sentence
/// when something slow starts. The read (live_answer's text), or a sentence saying why not.
#[wasm_bindgen]
pub async fn read_chain(
    url: String,
    netuid: Option<u16>,
    persist: bool,
    progress: js_sys::Function,
) -> Result<String, JsValue> {
    let tell = |text: &str| {
        let _ = progress.call1(&JsValue::NULL, &JsValue::from_str(text));
    };
    read_live(&url, netuid.as_slice(), persist, &tell)
        .await
        .map(|read| write_read(&read))
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

/// The chain's quote of staking (`side` "stake") or unstaking ("unstake") `amount` rao (decimal
/// text: it may pass 2^53) on subnet `netuid`, at block `at`: live_answer's text, or a sentence.
#[wasm_bindgen]
pub async fn quote_chain(
    url: String,
    at: String,
    side: String,
    netuid: u16,
    amount: String,
    persist: bool,
) -> Result<String, JsValue> {
    let side = match side.as_str() {
        "stake" => Side::Stake,
        "unstake" => Side::Unstake,
        _ => {
            return Err(JsValue::from_str(
                "The quote's side is neither stake nor unstake.",
            ))
        }
    };
    let amount: u64 = amount
        .parse()
        .map_err(|_| JsValue::from_str("The amount to quote is not a whole number of rao."))?;
    quote_live(&url, &at, side, netuid, amount, persist)
        .await
        .map(|q| write_quote(&q))
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

/// The positions of `coldkeys` (SS58 addresses, separated by commas, spaces or new lines) read
/// from the chain at `url`: live_answer's text (dtao-positions/1 and the parts that failed), or
/// a sentence saying why not (a bad address is named by its place).
#[wasm_bindgen]
pub async fn read_positions(
    url: String,
    coldkeys: String,
    persist: bool,
    progress: js_sys::Function,
) -> Result<String, JsValue> {
    let tell = |text: &str| {
        let _ = progress.call1(&JsValue::NULL, &JsValue::from_str(text));
    };
    let coldkeys = dtao_calc::snapshot::positions::address::parse_list(&coldkeys)
        .map_err(|e| JsValue::from_str(&e))?;
    read_positions_live(&url, &coldkeys, persist, &tell)
        .await
        .map(|read| write_positions(&read))
        .map_err(|e| JsValue::from_str(&e))
}

/// A validator's (`hotkey`, SS58) history on subnet `netuid` read from the archive node at
/// `url`: the blocks of `targets` (`block:N`, `date:YYYY-MM-DD`, `time:<unix seconds>`,
/// `days:N`, separated by commas; the head is always read), as live_answer's text, or a
/// sentence saying why not. `cancelled`, when given, is called before every round: once it
/// returns true the read stops with "The read was cancelled." (dropping the promise's result
/// also works, but lets the rounds under way finish).
#[wasm_bindgen]
pub async fn read_history(
    url: String,
    netuid: u16,
    hotkey: String,
    targets: String,
    persist: bool,
    progress: js_sys::Function,
    cancelled: Option<js_sys::Function>,
) -> Result<String, JsValue> {
    let tell = |text: &str| {
        let _ = progress.call1(&JsValue::NULL, &JsValue::from_str(text));
    };
    let stop = || {
        // A flag the page has dropped (it dropped the read) throws: stop then too.
        cancelled.as_ref().is_some_and(|f| {
            f.call0(&JsValue::NULL)
                .map_or(true, |v| v.as_bool() == Some(true))
        })
    };
    let targets = parse_targets(&targets).map_err(|e| JsValue::from_str(&e))?;
    read_history_live(&url, netuid, &hotkey, targets, persist, &tell, &stop)
        .await
        .map(|h| write_history(&h))
        .map_err(|e| JsValue::from_str(&e))
}

fn main() {}
