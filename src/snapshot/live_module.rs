//! The app's side of live data: it loads the live reader's own wasm module (`dtao-live.js`,
//! built from src/bin/dtao-live.rs next to the app) the first time someone asks, then asks it
//! to read the chain or for the chain's quote of a trade. The answers are text
//! (`snapshot::live_answer`), read here like any other data, so the first download carries
//! neither the WebSocket client nor the runtime metadata decoder.

use crate::snapshot::chain::history::{write_targets, Target};
use crate::snapshot::chain::parts::LiveRead;
use crate::snapshot::chain::positions::PositionsRead;
use crate::snapshot::chain::quote::{ChainQuote, Side};
use crate::snapshot::history::History;
use crate::snapshot::live_answer;
use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The module's files, next to the app's own.
pub const SCRIPT: &str = "dtao-live.js";
pub const WASM: &str = "dtao-live_bg.wasm";
/// The global its classic script defines (wasm-bindgen `--no-modules-global`).
const GLOBAL: &str = "dtaoLive";
/// Where the page keeps the module's start, so it starts once however often it is asked.
const STARTED: &str = "__dtaoLiveStarted";
/// Where the page keeps the script's loading, so it is added once however often it is asked.
const LOADING: &str = "__dtaoLiveLoading";

/// Read the chain at `endpoint`, with the validators of subnet `netuid` when given, using the
/// live module found next to `base` (the app's address). `persist`: whether runtime schemas may
/// be kept on the device; `progress` hears of anything slow.
pub async fn read_chain(
    base: &str,
    endpoint: &str,
    netuid: Option<u16>,
    persist: bool,
    progress: impl Fn(String) + 'static,
) -> Result<LiveRead, String> {
    let read = function(base, "read_chain").await?;
    let progress = Closure::<dyn Fn(JsValue)>::new(move |text: JsValue| {
        progress(text.as_string().unwrap_or_default())
    });
    let args = js_sys::Array::of4(
        &endpoint.into(),
        &netuid.map_or(JsValue::UNDEFINED, JsValue::from),
        &JsValue::from_bool(persist),
        progress.as_ref(),
    );
    let text = call(&read, &args).await?;
    drop(progress);
    live_answer::read_read(&text)
        .map_err(|e| format!("The live reader's answer could not be read: {e}"))
}

/// Read the positions of `coldkeys` (SS58 addresses) from the chain at `endpoint`, through the
/// live module found next to `base`; `persist` and `progress` as for [`read_chain`]. The
/// positions (checked as any dtao-positions/1 document) and the parts that failed, or a
/// sentence.
pub async fn read_positions(
    base: &str,
    endpoint: &str,
    coldkeys: &[String],
    persist: bool,
    progress: impl Fn(String) + 'static,
) -> Result<PositionsRead, String> {
    let read = function(base, "read_positions").await?;
    let progress = Closure::<dyn Fn(JsValue)>::new(move |text: JsValue| {
        progress(text.as_string().unwrap_or_default())
    });
    let args = js_sys::Array::of4(
        &endpoint.into(),
        &coldkeys.join(",").into(),
        &JsValue::from_bool(persist),
        progress.as_ref(),
    );
    let text = call(&read, &args).await?;
    drop(progress);
    live_answer::read_positions(&text)
        .map_err(|e| format!("The live reader's answer could not be read: {e}"))
}

/// A validator's (`hotkey`, SS58) history on subnet `netuid` read from the archive node at
/// `archive` through the live module found next to `base` (`chain::history`): the blocks of
/// `targets` and the head. The read stops with "The read was cancelled." at its next round once
/// `cancelled` is set (or drop the future: its result is then never read).
#[allow(clippy::too_many_arguments)]
pub async fn read_history(
    base: &str,
    archive: &str,
    netuid: u16,
    hotkey: &str,
    targets: &[Target],
    persist: bool,
    progress: impl Fn(String) + 'static,
    cancelled: std::rc::Rc<std::cell::Cell<bool>>,
) -> Result<History, String> {
    let read = function(base, "read_history").await?;
    let progress = Closure::<dyn Fn(JsValue)>::new(move |text: JsValue| {
        progress(text.as_string().unwrap_or_default())
    });
    let stop = Closure::<dyn Fn() -> JsValue>::new(move || JsValue::from_bool(cancelled.get()));
    let args = js_sys::Array::new();
    for a in [
        JsValue::from(archive),
        JsValue::from(netuid),
        JsValue::from(hotkey),
        JsValue::from(write_targets(targets)),
        JsValue::from_bool(persist),
    ] {
        args.push(&a);
    }
    args.push(progress.as_ref());
    args.push(stop.as_ref());
    let text = call(&read, &args).await?;
    drop(progress);
    drop(stop);
    live_answer::read_history(&text)
        .map_err(|e| format!("The live reader's history could not be read: {e}"))
}

/// The chain's quote of a trade at block `at`, through the live module.
pub async fn quote_chain(
    base: &str,
    endpoint: &str,
    at: &str,
    side: Side,
    netuid: u16,
    amount_rao: u64,
    persist: bool,
) -> Result<ChainQuote, String> {
    let quote = function(base, "quote_chain").await?;
    let side = match side {
        Side::Stake => "stake",
        Side::Unstake => "unstake",
    };
    let args = js_sys::Array::new();
    for a in [
        JsValue::from(endpoint),
        JsValue::from(at),
        JsValue::from(side),
        JsValue::from(netuid),
        JsValue::from(amount_rao.to_string()),
        JsValue::from_bool(persist),
    ] {
        args.push(&a);
    }
    let text = call(&quote, &args).await?;
    live_answer::read_quote(&text).map_err(|e| format!("The chain's quote could not be read: {e}"))
}

/// The module's exported function `name`.
async fn function(base: &str, name: &str) -> Result<Function, String> {
    let module = load(base).await.map_err(|why| {
        format!("The live reader could not be loaded from next to this page ({why}); live data needs the website, not a saved copy.")
    })?;
    Reflect::get(&module, &name.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| "The live reader on this site is not this version's.".to_string())
}

/// Call `f` with `args` and wait for the text its promise gives, or its sentence.
async fn call(f: &Function, args: &js_sys::Array) -> Result<String, String> {
    let promise: Promise = f
        .apply(&JsValue::NULL, args)
        .ok()
        .and_then(|p| p.dyn_into().ok())
        .ok_or("The live reader did not start.")?;
    match JsFuture::from(promise).await {
        Ok(text) => Ok(text.as_string().unwrap_or_default()),
        Err(why) => Err(why
            .as_string()
            .unwrap_or_else(|| "The live reader failed without saying why.".into())),
    }
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "not found".into())
}

/// The started module: its script added to the page once, its wasm instantiated once.
async fn load(base: &str) -> Result<JsValue, String> {
    let window = web_sys::window().ok_or("no window")?;
    let url = |name: &str| {
        web_sys::Url::new_with_base(name, base)
            .map(|u| u.href())
            .map_err(|_| format!("no address for {name}"))
    };
    let mut global = Reflect::get(&window, &GLOBAL.into()).unwrap_or(JsValue::UNDEFINED);
    if global.is_undefined() {
        // Two reads may start together (the subnet data and a wallet's positions): the script
        // is added once, and the second waits for the first's.
        let mut loading = Reflect::get(&window, &LOADING.into()).unwrap_or(JsValue::UNDEFINED);
        if loading.is_undefined() {
            let document = window.document().ok_or("no document")?;
            let script: web_sys::HtmlScriptElement = document
                .create_element("script")
                .map_err(describe)?
                .unchecked_into();
            script.set_src(&url(SCRIPT)?);
            let loaded = Promise::new(&mut |resolve, reject| {
                script.set_onload(Some(&resolve));
                script.set_onerror(Some(&reject));
            });
            document
                .head()
                .ok_or("no document head")?
                .append_child(&script)
                .map_err(describe)?;
            loading = loaded.into();
            let _ = Reflect::set(&window, &LOADING.into(), &loading);
        }
        let loaded: Promise = loading
            .dyn_into()
            .map_err(|_| "no script load".to_string())?;
        if JsFuture::from(loaded).await.is_err() {
            // A script that failed to load is not kept: the next try adds it again.
            let _ = Reflect::delete_property(&window, &LOADING.into());
            return Err(format!("{SCRIPT} did not load"));
        }
        global = Reflect::get(&window, &GLOBAL.into()).unwrap_or(JsValue::UNDEFINED);
    }
    let start: Function = global
        .clone()
        .dyn_into()
        .map_err(|_| format!("{SCRIPT} is not the live reader"))?;
    let mut started = Reflect::get(&window, &STARTED.into()).unwrap_or(JsValue::UNDEFINED);
    if started.is_undefined() {
        let options = Object::new();
        Reflect::set(&options, &"module_or_path".into(), &url(WASM)?.into()).map_err(describe)?;
        started = start.call1(&JsValue::NULL, &options).map_err(describe)?;
        let _ = Reflect::set(&window, &STARTED.into(), &started);
    }
    let started: Promise = started.dyn_into().map_err(|_| "no start".to_string())?;
    if let Err(e) = JsFuture::from(started).await {
        // A failed start is not kept: the next try starts again.
        let _ = Reflect::delete_property(&window, &STARTED.into());
        return Err(describe(e));
    }
    Ok(global)
}
