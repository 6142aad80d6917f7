//! Reading the chain itself over JSON-RPC: the runtime's own description of what it sends
//! (`metadata/`), the calls and their answers, and the rounds of one read. No transport here:
//! the browser (`snapshot::live`, inside the live module `src/bin/dtao-live.rs`) and the native
//! snapshot writer (`src/bin/dtao-snapshot.rs`) each carry the batches their own way.

pub mod basket_values;
pub mod baskets;
pub mod emission;
pub mod error;
pub mod history;
pub mod keys;
pub mod metadata;
pub mod parts;
pub mod pools;
pub mod position_values;
pub mod positions;
pub mod quote;
pub mod read;
pub mod rpc;
pub mod runtime;
pub mod state;
pub mod subnets;
pub mod validators;
pub mod wanted;

pub use error::LiveError;
pub use read::{read, ReadOptions, FINNEY};
