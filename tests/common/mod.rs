//! Where the shared vectors, data and fixtures live: `../shared` beside the repository, or the
//! directory named by `DTAO_SHARED`. A missing file fails the test; it never skips it.

#![allow(dead_code)]

use std::future::Future;
use std::path::PathBuf;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

pub fn shared_dir() -> PathBuf {
    match std::env::var_os("DTAO_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    }
}

pub fn read_shared(relative: &str) -> String {
    let path = shared_dir().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {} ({e}); set DTAO_SHARED to the shared directory",
            path.display()
        )
    })
}

/// A decimal string field of a vector, in rao.
pub fn rao(v: &serde_json::Value, key: &str) -> u64 {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is not a string"))
        .parse()
        .unwrap_or_else(|e| panic!("{key}: {e}"))
}

/// A vector case's swap against what the chain did. Both failed: the error names must agree and
/// the rejection read as a sentence. One failed: a failure is recorded. Both succeeded: the swap,
/// for the caller to compare field by field.
pub fn swap_outcome(
    name: &str,
    expect: &serde_json::Value,
    result: Result<
        dtao_calc::model::pool::fill::Swap,
        dtao_calc::model::pool::rejection::Rejection,
    >,
    failures: &mut Vec<String>,
) -> Option<dtao_calc::model::pool::fill::Swap> {
    match (expect["error"].as_str(), result) {
        (Some(error), Err(rejection)) => {
            if rejection.chain_name() != error {
                failures.push(format!(
                    "{name}: error {} != {error}",
                    rejection.chain_name()
                ));
            }
            assert!(rejection.to_string().len() > 20, "{name}: {rejection}");
            None
        }
        (Some(error), Ok(done)) => {
            failures.push(format!("{name}: expected {error}, got {done:?}"));
            None
        }
        (None, Err(rejection)) => {
            failures.push(format!("{name}: unexpected {rejection:?}"));
            None
        }
        (None, Ok(done)) => Some(done),
    }
}

/// A vector case's trade (side, amount, optional limit and partial flag) on `pool`.
pub fn swap_case(
    pool: &dtao_calc::model::pool::Pool,
    case: &serde_json::Value,
) -> Result<dtao_calc::model::pool::fill::Swap, dtao_calc::model::pool::rejection::Rejection> {
    let side =
        dtao_calc::model::pool::side::Side::from_param(case["side"].as_str().unwrap()).unwrap();
    let protection =
        case["limit_price_rao"]
            .as_str()
            .map(|l| dtao_calc::model::pool::fill::PriceProtection {
                limit_price_rao: l.parse().unwrap(),
                allow_partial: case["allow_partial"].as_bool().unwrap(),
            });
    dtao_calc::model::pool::swap::swap(pool, side, rao(case, "amount_rao"), protection)
}

pub mod chain_node;
pub mod emission_terms;
pub mod runtimes;
pub mod scale_json;
pub mod variants;

/// A read against a pretend node, which answers every call at once: one poll finishes it.
pub fn block_on<T>(future: impl Future<Output = T>) -> T {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("the pretend node answers at once"),
    }
}
