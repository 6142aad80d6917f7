//! The browser's side of reading the chain: each round of the reader (`chain::read`) goes out
//! as one JSON-RPC batch over one WebSocket (gloo-net's), and each answer must come within
//! [`TIMEOUT_SECONDS`]. Runtime schemas are kept in localStorage (when the page may use it) and
//! in memory, by genesis hash and spec version. Whatever fails becomes a `LiveError`; the caller
//! keeps its data.

use crate::snapshot::chain::error::{METADATA_TIMEOUT_SECONDS, TIMEOUT_SECONDS};
use crate::snapshot::chain::history::{self, HistoryCache, HistoryOptions, Target};
use crate::snapshot::chain::keys::{hex, unhex};
use crate::snapshot::chain::parts::LiveRead;
use crate::snapshot::chain::positions::{self, PositionsOptions, PositionsRead};
use crate::snapshot::chain::quote::{self, ChainQuote, Side};
use crate::snapshot::chain::read::{endpoint, SchemaStore};
use crate::snapshot::chain::rpc::{batch_results, batch_text, Answers, Call};
use crate::snapshot::chain::{read, LiveError, ReadOptions};
use crate::snapshot::history::History;
use futures::future::poll_fn;
use futures::future::{select, Either};
use futures::lock::Mutex;
use futures::{SinkExt, StreamExt};
use gloo_net::websocket::futures::WebSocket;
use gloo_net::websocket::{Message, State};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

thread_local! {
    static KEPT: RefCell<HashMap<String, Vec<u8>>> = RefCell::new(HashMap::new());
}

/// Schemas in memory for the page's life, and in localStorage when `persist`.
pub struct BrowserStore {
    pub persist: bool,
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

impl SchemaStore for BrowserStore {
    fn load(&self, key: &str) -> Option<Vec<u8>> {
        if let Some(kept) = KEPT.with(|k| k.borrow().get(key).cloned()) {
            return Some(kept);
        }
        if !self.persist {
            return None;
        }
        let text = local_storage()?.get_item(key).ok()??;
        let bytes = unhex(&text)?;
        KEPT.with(|k| k.borrow_mut().insert(key.to_string(), bytes.clone()));
        Some(bytes)
    }

    fn save(&self, key: &str, bytes: &[u8]) {
        KEPT.with(|k| k.borrow_mut().insert(key.to_string(), bytes.to_vec()));
        if self.persist {
            if let Some(storage) = local_storage() {
                // Full or switched off: the schema is made again next time.
                let _ = storage.set_item(key, &hex(bytes));
            }
        }
    }
}

/// One socket to `url`, on which batches take turns.
struct Connection {
    url: String,
    socket: Mutex<WebSocket>,
    next_id: Cell<u64>,
}

impl Connection {
    fn open(url: &str) -> Result<Connection, LiveError> {
        let url = endpoint(url)?;
        let socket = WebSocket::open(&url).map_err(|_| LiveError::Endpoint(url.clone()))?;
        Ok(Connection {
            url,
            socket: Mutex::new(socket),
            next_id: Cell::new(1),
        })
    }

    async fn ask(&self, calls: Vec<Call>) -> Result<Answers, LiveError> {
        let first_id = self.next_id.get();
        self.next_id.set(first_id + calls.len() as u64);
        let metadata = calls.iter().any(|c| {
            c.method == "state_getMetadata"
                || c.params.get(0).and_then(|p| p.as_str()) == Some("Metadata_metadata_at_version")
        });
        let seconds = if metadata {
            METADATA_TIMEOUT_SECONDS
        } else {
            TIMEOUT_SECONDS
        };
        let text = within_timeout(seconds, async {
            let mut socket = self.socket.lock().await;
            let unreachable = || LiveError::Unreachable(self.url.clone());
            // Wait until it is connected, and send only to an open socket: a node that hung
            // up is unreachable (sending to it would only log a browser error).
            poll_fn(|cx| socket.poll_ready_unpin(cx))
                .await
                .map_err(|_| unreachable())?;
            if !matches!(socket.state(), State::Open) {
                return Err(unreachable());
            }
            socket
                .start_send_unpin(Message::Text(batch_text(&calls, first_id)))
                .map_err(|_| unreachable())?;
            match socket.next().await {
                Some(Ok(Message::Text(text))) => Ok(text),
                Some(Ok(Message::Bytes(bytes))) => Ok(String::from_utf8_lossy(&bytes).into_owned()),
                _ => Err(unreachable()),
            }
        })
        .await?;
        batch_results(&text, &calls, first_id)
    }
}

/// Read the chain at `url` (a `ws://` or `wss://` address), with the validators of the subnets
/// in `validators_of`; `progress` hears of a runtime met for the first time.
pub async fn read_live(
    url: &str,
    validators_of: &[u16],
    persist: bool,
    progress: &dyn Fn(&str),
) -> Result<LiveRead, LiveError> {
    let connection = Connection::open(url)?;
    let fetched_at = String::from(js_sys::Date::new_0().to_iso_string());
    let options = ReadOptions {
        endpoint: &connection.url,
        fetched_at: &fetched_at,
        validators_of,
    };
    let store = BrowserStore { persist };
    // Dropping the connection closes it.
    read(&options, &store, progress, |calls| connection.ask(calls)).await
}

/// Read the positions of `coldkeys` (SS58 addresses) from the chain at `url`, at its head
/// (`chain::positions`); `progress` hears of a runtime met for the first time. A bad address
/// is refused before anything is sent.
pub async fn read_positions_live(
    url: &str,
    coldkeys: &[String],
    persist: bool,
    progress: &dyn Fn(&str),
) -> Result<PositionsRead, String> {
    let accounts = positions::accounts(coldkeys)?;
    let connection = Connection::open(url).map_err(|e| e.to_string())?;
    let fetched_at = String::from(js_sys::Date::new_0().to_iso_string());
    let options = PositionsOptions {
        endpoint: &connection.url,
        fetched_at: &fetched_at,
        coldkeys: &accounts,
    };
    let store = BrowserStore { persist };
    positions::read(&options, &store, progress, |calls| connection.ask(calls))
        .await
        .map_err(|e| e.to_string())
}

thread_local! {
    /// Blocks read before, by archive address, for the page's life.
    static HISTORY: RefCell<HashMap<String, HistoryCache>> = RefCell::new(HashMap::new());
}

/// A validator's (`hotkey`, SS58) history on subnet `netuid` read from the archive node at
/// `url` (`chain::history`): the blocks of `targets` and the head, each at its own hash.
/// Blocks read before in this page cost no request; `cancelled` is asked before every round.
pub async fn read_history_live(
    url: &str,
    netuid: u16,
    hotkey: &str,
    targets: Vec<Target>,
    persist: bool,
    progress: &dyn Fn(&str),
    cancelled: &dyn Fn() -> bool,
) -> Result<History, String> {
    let hotkey = crate::snapshot::positions::address::parse(hotkey)
        .map_err(|why| format!("The validator's hotkey: {why}"))?;
    let connection = Connection::open(url).map_err(|e| e.to_string())?;
    let options = HistoryOptions {
        archive: connection.url.clone(),
        netuid,
        hotkey,
        targets,
    };
    let store = BrowserStore { persist };
    // Taken out while the read runs (another read of the same node starts with none).
    let mut cache = HISTORY.with(|h| h.borrow_mut().remove(&connection.url).unwrap_or_default());
    let read = history::read_history(&options, &store, &mut cache, progress, cancelled, |calls| {
        connection.ask(calls)
    })
    .await;
    HISTORY.with(|h| h.borrow_mut().insert(connection.url.clone(), cache));
    read.map_err(|e| e.to_string())
}

/// The chain's own quote of a trade at block `at` (hex hash).
pub async fn quote_live(
    url: &str,
    at: &str,
    side: Side,
    netuid: u16,
    amount_rao: u64,
    persist: bool,
) -> Result<ChainQuote, LiveError> {
    let connection = Connection::open(url)?;
    let store = BrowserStore { persist };
    quote::quote(&store, at, side, netuid, amount_rao, |calls| {
        connection.ask(calls)
    })
    .await
}

/// `work`, or [`LiveError::Timeout`] when it takes longer than `seconds`.
async fn within_timeout<T>(
    seconds: u32,
    work: impl std::future::Future<Output = Result<T, LiveError>>,
) -> Result<T, LiveError> {
    let work = std::pin::pin!(work);
    match select(work, sleep(seconds * 1000)).await {
        Either::Left((result, _)) => result,
        Either::Right(_) => Err(LiveError::Timeout(seconds)),
    }
}

/// A future that resolves after `ms` milliseconds (the browser's own timer).
fn sleep(ms: u32) -> wasm_bindgen_futures::JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                ms.min(i32::MAX as u32) as i32,
            );
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise)
}
