//! Stake then unstake the alpha received at once (or the reverse): what the pool keeps.

use super::pool::Pool;
use super::ratio::signed_pct;
use super::rejection::Rejection;
use super::side::Side;
use super::swap::swap;
use super::units::rao_to_decimal;
use primitive_types::U256;
use rust_decimal::Decimal;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoundTrip {
    /// Input token back after both legs.
    pub back_rao: u64,
    /// Input token lost, fees and slippage of both legs.
    pub lost: Decimal,
    pub lost_pct: Decimal,
}

pub fn round_trip(pool: &Pool, side: Side, amount_rao: u64) -> Result<RoundTrip, Rejection> {
    let there = swap(pool, side, amount_rao, None)?;
    let back = swap(&there.pool_after, side.opposite(), there.out_rao, None)?;
    let lost_rao = amount_rao.saturating_sub(back.out_rao);
    Ok(RoundTrip {
        back_rao: back.out_rao,
        lost: rao_to_decimal(lost_rao),
        lost_pct: signed_pct(
            U256::from(amount_rao),
            U256::from(back.out_rao),
            U256::from(amount_rao),
        )?,
    })
}
