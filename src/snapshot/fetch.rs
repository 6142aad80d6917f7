//! Fetching data from a URL in the browser (gloo-net): 10 s timeout, 5 MB cap, and an error
//! that says which of the ways it can fail happened.

use super::MAX_BYTES;
use std::cell::Cell;
use std::fmt;
use std::rc::Rc;

/// How long a fetch may take.
pub const TIMEOUT_MS: i32 = 10_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    BadUrl(String),
    /// The browser gives no detail: offline, DNS, refused, or a cross-origin refusal.
    Network,
    Timeout,
    Http {
        status: u16,
        text: String,
    },
    TooLarge,
    NotText,
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::BadUrl(url) => write!(
                f,
                "“{}” is not a web address; use an http:// or https:// link.",
                url.chars().take(60).collect::<String>()
            ),
            FetchError::Network => write!(
                f,
                "The data could not be fetched: the network failed, or the host refused a \
                 cross-origin request. The host must allow cross-origin requests (send an \
                 Access-Control-Allow-Origin header); otherwise download the file and load it \
                 from disk."
            ),
            FetchError::Timeout => write!(
                f,
                "No answer within {} seconds; the host is slow or unreachable.",
                TIMEOUT_MS / 1000
            ),
            FetchError::Http { status, text } => {
                write!(f, "The server answered HTTP {status}")?;
                if !text.is_empty() {
                    write!(f, " {text}")?;
                }
                write!(f, " instead of the data.")
            }
            FetchError::TooLarge => write!(
                f,
                "The response is larger than {} MB, the most this page reads.",
                MAX_BYTES / 1_000_000
            ),
            FetchError::NotText => write!(f, "The response is not text (it is not UTF-8)."),
        }
    }
}

/// Resolve `raw` against the page and accept only http(s).
pub fn resolve_url(raw: &str) -> Result<String, FetchError> {
    let raw = raw.trim();
    let bad = || FetchError::BadUrl(raw.to_string());
    if raw.is_empty() {
        return Err(bad());
    }
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let url = web_sys::Url::new_with_base(raw, &base)
        .or_else(|_| web_sys::Url::new(raw))
        .map_err(|_| bad())?;
    match url.protocol().as_str() {
        "http:" | "https:" => Ok(url.href()),
        _ => Err(bad()),
    }
}

/// GET `url` and return its body as text.
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let url = resolve_url(url)?;
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let controller = web_sys::AbortController::new().map_err(|_| FetchError::Network)?;
    let signal = controller.signal();
    let timed_out = Rc::new(Cell::new(false));
    let finished = Rc::new(Cell::new(false));
    // The timer is left to fire even after the fetch is done (then it does nothing): a closure
    // JS owns until it runs cannot be called after Rust dropped it.
    let on_timeout = {
        let (timed_out, finished) = (Rc::clone(&timed_out), Rc::clone(&finished));
        Closure::once_into_js(move || {
            if !finished.get() {
                timed_out.set(true);
                controller.abort();
            }
        })
    };
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        on_timeout.unchecked_ref(),
        TIMEOUT_MS,
    );
    let result = fetch_capped(&url, &signal).await;
    finished.set(true);
    match result {
        Err(_) if timed_out.get() => Err(FetchError::Timeout),
        other => other,
    }
}

async fn fetch_capped(url: &str, signal: &web_sys::AbortSignal) -> Result<String, FetchError> {
    let response = gloo_net::http::Request::get(url)
        .abort_signal(Some(signal))
        .send()
        .await
        .map_err(|_| FetchError::Network)?;
    if !response.ok() {
        return Err(FetchError::Http {
            status: response.status(),
            text: response.status_text(),
        });
    }
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|v| v.trim().parse::<usize>().ok());
    if declared.is_some_and(|len| len > MAX_BYTES) {
        return Err(FetchError::TooLarge);
    }
    let bytes = match response.body() {
        Some(stream) => read_capped(stream).await?,
        None => Vec::new(),
    };
    String::from_utf8(bytes).map_err(|_| FetchError::NotText)
}

/// Read a body stream, giving up as soon as it passes the cap (a server may lie or stay
/// silent about the length).
async fn read_capped(stream: web_sys::ReadableStream) -> Result<Vec<u8>, FetchError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let reader: web_sys::ReadableStreamDefaultReader = stream
        .get_reader()
        .dyn_into()
        .map_err(|_| FetchError::Network)?;
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| FetchError::Network)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(bytes);
        }
        let value =
            js_sys::Reflect::get(&chunk, &"value".into()).map_err(|_| FetchError::Network)?;
        let array = js_sys::Uint8Array::new(&value);
        if bytes.len() + array.length() as usize > MAX_BYTES {
            let _ = reader.cancel();
            return Err(FetchError::TooLarge);
        }
        let start = bytes.len();
        bytes.resize(start + array.length() as usize, 0);
        array.copy_to(&mut bytes[start..]);
    }
}
