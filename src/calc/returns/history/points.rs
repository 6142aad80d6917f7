//! The chain's past as the model takes it: a `snapshot::history::BlockState` turned into the
//! stake accounting (`model::staking::realised::Accounting`) and the backtest's block
//! (`model::staking::backtest::Point`).

use crate::model::staking::backtest::Point;
use crate::model::staking::realised::{Accounting, Exact, MAX_EXPONENT};
use crate::snapshot::history::{BlockState, Shares};

/// The hotkey's stake accounting at `state`, or why its stored shares cannot be read.
pub fn accounting(state: &BlockState) -> Result<Accounting, String> {
    let shares = match state.shares {
        None => None,
        Some(Shares::Fixed { bits }) => Some(Exact::fixed_shares(bits)),
        Some(Shares::Safe { mantissa, exponent }) => {
            Some(Exact::safe_shares(mantissa, exponent).ok_or_else(|| {
                format!(
                    "The shares stored at block {} have an exponent beyond ±{MAX_EXPONENT}, \
                     which no real stake has: the data looks wrong.",
                    state.number
                )
            })?)
        }
    };
    Ok(Accounting {
        block: state.number,
        alpha_rao: state.hotkey_alpha_rao,
        shares,
    })
}

/// The backtest's view of `state`.
pub fn point(state: &BlockState) -> Result<Point, String> {
    Ok(Point {
        accounting: accounting(state)?,
        timestamp_ms: state.timestamp_ms,
        pool: state.pool.map(|p| p.pool()),
        root_stake_price: state.root_stake_price,
    })
}
