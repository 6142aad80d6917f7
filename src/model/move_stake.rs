//! Moving stake from one subnet to another: two pool legs, an unstake on the first subnet and
//! a stake of the TAO it returns on the second, each with its fee and slippage (SPEC §1).

use super::pool::Pool;
use super::quote::{quote, Quote};
use super::rejection::Rejection;
use super::side::Side;
use super::trade::TradeRequest;
use super::units::rao_to_decimal;
use rust_decimal::Decimal;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MoveQuote {
    pub unstake: Quote,
    pub stake: Quote,
    /// Alpha moved out, valued at the first subnet's spot price, TAO.
    pub value_before_tao: Decimal,
    /// Alpha received, valued at the second subnet's spot price before the move, TAO.
    pub value_after_tao: Decimal,
    pub lost_tao: Decimal,
    pub lost_pct: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoveError {
    /// Which leg the chain refused, and why.
    Leg {
        leg: Side,
        rejection: Rejection,
    },
    OutOfRange,
}

impl fmt::Display for MoveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MoveError::Leg {
                leg: Side::Unstake,
                rejection,
            } => write!(f, "The unstake on the first subnet fails. {rejection}"),
            MoveError::Leg {
                leg: Side::Stake,
                rejection,
            } => write!(f, "The stake on the second subnet fails. {rejection}"),
            MoveError::OutOfRange => write!(f, "{}", Rejection::OutOfRange),
        }
    }
}

pub fn move_stake(from: &Pool, to: &Pool, alpha_rao: u64) -> Result<MoveQuote, MoveError> {
    let leg = |side| {
        move |rejection| MoveError::Leg {
            leg: side,
            rejection,
        }
    };
    let unstake =
        quote(from, &TradeRequest::plain(Side::Unstake, alpha_rao)).map_err(leg(Side::Unstake))?;
    let stake = quote(to, &TradeRequest::plain(Side::Stake, unstake.swap.out_rao))
        .map_err(leg(Side::Stake))?;
    let value_before_tao = unstake
        .spot_price
        .checked_mul(rao_to_decimal(unstake.swap.requested_rao))
        .ok_or(MoveError::OutOfRange)?;
    let value_after_tao = stake
        .spot_price
        .checked_mul(stake.received)
        .ok_or(MoveError::OutOfRange)?;
    let lost_tao = value_before_tao
        .checked_sub(value_after_tao)
        .ok_or(MoveError::OutOfRange)?;
    let lost_pct = lost_tao
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|l| l.checked_div(value_before_tao))
        .ok_or(MoveError::OutOfRange)?;
    Ok(MoveQuote {
        unstake,
        stake,
        value_before_tao,
        value_after_tao,
        lost_tao,
        lost_pct,
    })
}
