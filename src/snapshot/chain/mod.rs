//! Reading the chain itself over JSON-RPC: the storage keys, the calls and their answers, and
//! the four rounds of one read. No transport here: the browser (`snapshot::live`, inside the
//! live module `src/bin/dtao-live.rs`) and the native snapshot writer
//! (`src/bin/dtao-snapshot.rs`) each carry the batches their own way.

pub mod error;
pub mod keys;
pub mod pools;
pub mod read;
pub mod rpc;
pub mod state;
pub mod storage;
pub mod validators;

pub use error::LiveError;
pub use read::{read, FINNEY};
