//! Moving stake from one subnet to another (SPEC §1; pallets/subtensor/src/staking/move_stake.rs,
//! `transition_stake_internal`): two pool legs, an unstake on the first subnet and a stake of
//! the TAO it returns on the second, each with its slippage, but ONE swap fee: taken on the
//! unstake leg from a dynamic subnet (the stake leg drops its fee), on the stake leg from root.
//! TAO under the minimum stake (0.002 TAO) is not restaked: it stays free TAO.

use crate::model::num::dec::DecimalOps;
use crate::model::num::units::rao_to_decimal;
use crate::model::pool::fee::FeeRate;
use crate::model::pool::quote::{quote, Quote};
use crate::model::pool::rejection::Rejection;
use crate::model::pool::side::Side;
use crate::model::pool::trade::{TradeRequest, MIN_STAKE_RAO};
use crate::model::pool::{Mechanism, Pool};
use rust_decimal::Decimal;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MoveQuote {
    pub unstake: Quote,
    /// The stake on the second subnet; `None` when the TAO was too little to restake.
    pub stake: Option<Quote>,
    /// TAO left free (not restaked) because it was under the minimum stake.
    pub free_tao: Decimal,
    /// The one swap fee of the move, in TAO (the unstake leg's alpha fee at spot, or the stake
    /// leg's TAO fee when moving from root).
    pub fee_tao: Decimal,
    /// Alpha moved out, valued at the first subnet's spot price, TAO.
    pub value_before_tao: Decimal,
    /// Alpha received, valued at the second subnet's spot price before the move, plus any free
    /// TAO, TAO.
    pub value_after_tao: Decimal,
    pub lost_tao: Decimal,
    pub lost_pct: Decimal,
}

impl MoveQuote {
    /// Alpha received on the second subnet (0 when nothing was restaked).
    pub fn received_alpha(&self) -> Decimal {
        self.stake.as_ref().map_or(Decimal::ZERO, |q| q.received)
    }
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
    let request = TradeRequest {
        closes_position: true,
        ..TradeRequest::plain(Side::Unstake, alpha_rao)
    };
    let unstake = quote(from, &request).map_err(leg(Side::Unstake))?;
    let tao_rao = unstake.swap.out_rao;
    // One fee per move: the stake leg drops it unless the unstake leg had none to take (root).
    let from_root = from.mechanism == Mechanism::Stable;
    let stake_pool = if from_root {
        *to
    } else {
        to.with_fee_rate(FeeRate::ZERO)
    };
    let stake = if tao_rao < MIN_STAKE_RAO {
        None
    } else {
        Some(
            quote(&stake_pool, &TradeRequest::plain(Side::Stake, tao_rao))
                .map_err(leg(Side::Stake))?,
        )
    };
    let free_tao = if stake.is_none() {
        rao_to_decimal(tao_rao)
    } else {
        Decimal::ZERO
    };
    let fee_tao = match &stake {
        Some(s) if from_root => s.fee_tao,
        _ => unstake.fee_tao,
    };
    let value_before_tao = unstake
        .spot_price
        .try_mul(rao_to_decimal(unstake.swap.requested_rao))
        .ok_or(MoveError::OutOfRange)?;
    let value_after_tao = match &stake {
        Some(s) => s.spot_price.try_mul(s.received),
        None => Some(free_tao),
    }
    .ok_or(MoveError::OutOfRange)?;
    let lost_tao = value_before_tao
        .try_sub(value_after_tao)
        .ok_or(MoveError::OutOfRange)?;
    let lost_pct = lost_tao
        .try_mul(Decimal::ONE_HUNDRED)
        .and_then(|l| l.try_div(value_before_tao))
        .ok_or(MoveError::OutOfRange)?;
    Ok(MoveQuote {
        unstake,
        stake,
        free_tao,
        fee_tao,
        value_before_tao,
        value_after_tao,
        lost_tao,
        lost_pct,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pool::quote::quote;
    use crate::model::pool::weights::TaoWeight;

    fn pool(tao: u64, alpha: u64) -> Pool {
        Pool::dynamic(tao, alpha, TaoWeight::HALF).unwrap()
    }

    #[test]
    fn a_move_pays_one_fee_on_the_unstake_leg() {
        let (from, to) = (
            pool(50_000_000_000_000, 2_500_000_000_000_000),
            pool(20_000_000_000_000, 4_000_000_000_000_000),
        );
        let moved = move_stake(&from, &to, 100_000_000_000_000).unwrap();
        let stake = moved.stake.as_ref().unwrap();
        assert!(moved.unstake.swap.fee_rao > 0);
        assert_eq!(stake.swap.fee_rao, 0);
        // The stake leg is exactly a fee-free stake of the unstaked TAO.
        let free = quote(
            &to.with_fee_rate(FeeRate::ZERO),
            &TradeRequest::plain(Side::Stake, moved.unstake.swap.out_rao),
        )
        .unwrap();
        assert_eq!(stake.swap.out_rao, free.swap.out_rao);
        // ...and more than paying a second fee would give.
        let charged = quote(
            &to,
            &TradeRequest::plain(Side::Stake, moved.unstake.swap.out_rao),
        )
        .unwrap();
        assert!(stake.swap.out_rao > charged.swap.out_rao);
        assert_eq!(moved.fee_tao, moved.unstake.fee_tao);
    }

    #[test]
    fn a_move_by_hand() {
        // Written out with the chain's integer formulas for equal weights, independently of the
        // model: 1,000 alpha out of 50,000 TAO / 2,500,000 alpha, into 20,000 TAO / 4,000,000 alpha.
        let (y1, x1, y2, x2): (u128, u128, u128, u128) = (
            50_000_000_000_000,
            2_500_000_000_000_000,
            20_000_000_000_000,
            4_000_000_000_000_000,
        );
        let alpha: u128 = 1_000_000_000_000;
        let fee = alpha * 33 / 65_535; // 503,547,722 rao (not a multiple of 21,845: exact)
        let net = alpha - fee;
        let tao = y1 * net / (x1 + net);
        let received = x2 * tao / (y2 + tao); // the stake leg pays no fee
        let moved = move_stake(
            &pool(50_000_000_000_000, 2_500_000_000_000_000),
            &pool(20_000_000_000_000, 4_000_000_000_000_000),
            1_000_000_000_000,
        )
        .unwrap();
        assert_eq!(u128::from(moved.unstake.swap.fee_rao), fee);
        assert_eq!(u128::from(moved.unstake.swap.out_rao), tao);
        assert_eq!(u128::from(moved.stake.unwrap().swap.out_rao), received);
    }

    #[test]
    fn from_root_the_stake_leg_pays_the_fee() {
        let root = Pool::new(
            1_000_000_000_000,
            1_000_000_000_000,
            TaoWeight::HALF,
            Mechanism::Stable,
        )
        .unwrap();
        let to = pool(20_000_000_000_000, 4_000_000_000_000_000);
        let moved = move_stake(&root, &to, 10_000_000_000).unwrap();
        assert_eq!(moved.unstake.swap.fee_rao, 0);
        let stake = moved.stake.as_ref().unwrap();
        assert_eq!(
            stake.swap.fee_rao,
            FeeRate::default().on_gross(10_000_000_000)
        );
        assert_eq!(moved.fee_tao, stake.fee_tao);
    }

    #[test]
    fn too_little_tao_stays_free() {
        let from = pool(50_000_000_000_000, 2_500_000_000_000_000);
        let to = pool(20_000_000_000_000, 4_000_000_000_000_000);
        // 0.05 alpha at 0.02 TAO returns about 0.001 TAO: under 0.002, so it is not restaked.
        let moved = move_stake(&from, &to, 50_000_000).unwrap();
        assert!(moved.stake.is_none());
        assert_eq!(moved.free_tao, rao_to_decimal(moved.unstake.swap.out_rao));
        assert_eq!(moved.value_after_tao, moved.free_tao);
        assert_eq!(moved.received_alpha(), Decimal::ZERO);
    }
}
