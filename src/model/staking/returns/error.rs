//! Why a position has no figures: the chain refuses its entry or its yardstick, nobody shares
//! the rewards, or the numbers are out of range.

use crate::model::num::precise::OutOfRange;
use crate::model::pool::rejection::Rejection;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReturnsError {
    /// The chain would refuse the stake.
    Entry(Rejection),
    /// Selling the held alpha now (the yardstick) would be refused.
    SellNow(Rejection),
    /// No stake to share the rewards (A_v is zero).
    NoStake,
    OutOfRange,
}

impl fmt::Display for ReturnsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReturnsError::Entry(r) => {
                write!(f, "The chain rejects the stake ({}). {r}", r.chain_name())
            }
            ReturnsError::SellNow(r) => write!(
                f,
                "Selling this alpha now, the yardstick for its return, would be rejected ({}). {r}",
                r.chain_name()
            ),
            ReturnsError::NoStake => write!(
                f,
                "Nobody is staked to share the rewards: the total alpha stake must be more than 0."
            ),
            ReturnsError::OutOfRange => write!(f, "{}", Rejection::OutOfRange),
        }
    }
}

impl From<OutOfRange> for ReturnsError {
    fn from(_: OutOfRange) -> Self {
        ReturnsError::OutOfRange
    }
}
