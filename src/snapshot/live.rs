//! The browser's side of reading the chain: each round of the reader (`chain::read`) goes out
//! as one JSON-RPC batch over one WebSocket (gloo-net's), and each answer must come within
//! [`TIMEOUT_SECONDS`]. Whatever fails becomes a `LiveError`; the caller keeps its data.

use crate::snapshot::chain::error::TIMEOUT_SECONDS;
use crate::snapshot::chain::read::endpoint;
use crate::snapshot::chain::rpc::{batch_results, batch_text, Call};
use crate::snapshot::chain::{read, LiveError};
use crate::snapshot::Snapshot;
use futures::future::poll_fn;
use futures::future::{select, Either};
use futures::lock::Mutex;
use futures::{SinkExt, StreamExt};
use gloo_net::websocket::futures::WebSocket;
use gloo_net::websocket::{Message, State};
use std::cell::Cell;

/// Read the chain at `url` (a `ws://` or `wss://` address) into a snapshot, with the
/// validators of the subnets in `validators_of`.
pub async fn read_live(url: &str, validators_of: &[u16]) -> Result<Snapshot, LiveError> {
    let url = endpoint(url)?;
    let socket = WebSocket::open(&url).map_err(|_| LiveError::Endpoint(url.clone()))?;
    // The rounds take turns on the one socket.
    let socket = Mutex::new(socket);
    let next_id = Cell::new(1u64);
    let fetched_at = String::from(js_sys::Date::new_0().to_iso_string());
    let result = read(&url, &fetched_at, validators_of, |calls: Vec<Call>| {
        let first_id = next_id.get();
        next_id.set(first_id + calls.len() as u64);
        let socket = &socket;
        let url = url.clone();
        async move {
            let text = within_timeout(async {
                let mut socket = socket.lock().await;
                let unreachable = || LiveError::Unreachable(url.clone());
                // Wait until it is connected, and send only to an open socket: a node that
                // hung up is unreachable (sending to it would only log a browser error).
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
                    Some(Ok(Message::Bytes(bytes))) => {
                        Ok(String::from_utf8_lossy(&bytes).into_owned())
                    }
                    _ => Err(unreachable()),
                }
            })
            .await?;
            batch_results(&text, &calls, first_id)
        }
    })
    .await;
    // Dropping the socket closes it.
    result
}

/// `work`, or [`LiveError::Timeout`] when it takes longer than [`TIMEOUT_SECONDS`].
async fn within_timeout<T>(
    work: impl std::future::Future<Output = Result<T, LiveError>>,
) -> Result<T, LiveError> {
    let work = std::pin::pin!(work);
    match select(work, sleep(TIMEOUT_SECONDS * 1000)).await {
        Either::Left((result, _)) => result,
        Either::Right(_) => Err(LiveError::Timeout),
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
