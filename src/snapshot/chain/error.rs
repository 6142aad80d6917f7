//! What can go wrong reading the chain, each said in one sentence. Whatever it is, the data
//! in use stays: the caller keeps it and shows this message.

use std::fmt;

/// How long the reader waits for each answer.
pub const TIMEOUT_SECONDS: u32 = 10;
/// How long for a runtime's metadata (about 400 KB, fetched once per runtime).
pub const METADATA_TIMEOUT_SECONDS: u32 = 30;

/// The public finney archive node, the history's default (SPEC §5).
pub const ARCHIVE: &str = "wss://archive.chain.opentensor.ai:443";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LiveError {
    /// The endpoint is not a `ws://` or `wss://` URL.
    Endpoint(String),
    /// No connection: unreachable, refused, or closed before answering.
    Unreachable(String),
    /// No answer within this many seconds ([`TIMEOUT_SECONDS`], or
    /// [`METADATA_TIMEOUT_SECONDS`] for the metadata).
    Timeout(u32),
    /// The node answered a call with a JSON-RPC error.
    Rpc {
        method: String,
        code: i64,
        message: String,
    },
    /// The answer is not what a Subtensor node sends (not JSON, missing ids, wrong shapes).
    Reply { method: String, why: String },
    /// The runtime's bytes do not read as the types this version knows.
    Runtime { spec: u32, why: String },
    /// A value no pool or chain can have.
    Absurd(String),
    /// The node no longer has the state of a past block (not an archive node, or it pruned
    /// it): the block and the node's own words.
    Pruned { block: u64, message: String },
    /// A past block that cannot be found or read as asked (a future date, a date before the
    /// chain began, a runtime from before dTAO), in a sentence.
    History(String),
    /// The person stopped the read.
    Cancelled,
}

impl LiveError {
    /// An answer to `method` that is not what a node sends.
    pub fn reply(method: &str, why: &str) -> Self {
        LiveError::Reply {
            method: method.to_string(),
            why: why.to_string(),
        }
    }

    /// What the runtime of spec `spec` does not answer as its metadata says, as a mapper.
    pub fn of_runtime(spec: u32) -> impl Fn(String) -> LiveError {
        move |why| LiveError::Runtime { spec, why }
    }
}

impl fmt::Display for LiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LiveError::Endpoint(url) => write!(
                f,
                "“{}” is not a WebSocket address: it must start with ws:// or wss://.",
                shown(url)
            ),
            LiveError::Unreachable(url) => write!(
                f,
                "Could not reach the chain at {}: the node is unreachable or refused the connection.",
                shown(url)
            ),
            LiveError::Timeout(seconds) => write!(
                f,
                "The chain's node did not answer within {seconds} seconds."
            ),
            LiveError::Rpc {
                method,
                code,
                message,
            } => write!(
                f,
                "The node refused {method}: {} (error {code}).",
                // A node's own words say why (a pruned block, a missing call): keep them.
                crate::model::words::shorten_to(message, 160)
            ),
            LiveError::Reply { method, why } => write!(
                f,
                "The node's answer to {method} is not what a Subtensor node sends ({why})."
            ),
            LiveError::Runtime { spec, why } => write!(
                f,
                "Runtime spec {spec} sends data this version cannot read: {why}."
            ),
            LiveError::Absurd(why) => write!(f, "The chain's data is not usable: {why}"),
            LiveError::Pruned { block, message } => write!(
                f,
                "The history node no longer has the state of block {block} (“{}”): it is not an \
                 archive node, or it has pruned that block. Set archive= to an archive node's \
                 ws:// or wss:// address (the public one is {}).",
                crate::model::words::shorten_to(message, 100),
                ARCHIVE
            ),
            LiveError::History(why) => write!(f, "{why}"),
            LiveError::Cancelled => write!(f, "The read was cancelled."),
        }
    }
}

/// An address as typed, cut to a length a message can carry.
fn shown(url: &str) -> String {
    const MAX: usize = 100;
    match url.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &url[..cut]),
        None => url.to_string(),
    }
}
