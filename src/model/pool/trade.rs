//! A stake or unstake as the staking pallet accepts it: its minimums on top of the pool swap
//! (pallets/subtensor/src/staking: `DefaultMinStake`, checked before and after the swap).

use crate::model::pool::fill::PriceProtection;
use crate::model::pool::fill::Swap;
use crate::model::pool::rejection::Rejection;
use crate::model::pool::side::Side;
use crate::model::pool::swap::swap;
use crate::model::pool::{Mechanism, Pool};

/// `DefaultMinStake`: 0.002 TAO.
pub const MIN_STAKE_RAO: u64 = 2_000_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TradeRequest {
    pub side: Side,
    /// Gross amount in the input token (TAO to stake, alpha to unstake).
    pub amount_rao: u64,
    pub protection: Option<PriceProtection>,
    /// Unstake only: the amount is the whole position, which may return less than the minimum.
    pub closes_position: bool,
}

impl TradeRequest {
    pub fn plain(side: Side, amount_rao: u64) -> Self {
        TradeRequest {
            side,
            amount_rao,
            protection: None,
            closes_position: false,
        }
    }
}

/// The smallest stake the chain takes: net of the fee at least 0.002 TAO (2,001,007 rao gross on
/// a dynamic subnet, 2,000,000 on root, which has no fee).
pub fn min_stake_gross_rao(pool: &Pool) -> u64 {
    match pool.mechanism {
        Mechanism::Stable => MIN_STAKE_RAO,
        Mechanism::Dynamic => {
            // net_of_gross is non-decreasing, so walk up from the minimum net.
            let mut gross = MIN_STAKE_RAO;
            while pool.fee().net_of_gross(gross) < MIN_STAKE_RAO {
                gross += 1;
            }
            gross
        }
    }
}

pub fn execute(pool: &Pool, request: &TradeRequest) -> Result<Swap, Rejection> {
    let net = pool.fee().net_of_gross(request.amount_rao);
    if request.side == Side::Stake && net < MIN_STAKE_RAO {
        return Err(Rejection::StakeBelowMinimum {
            min_gross_rao: min_stake_gross_rao(pool),
        });
    }
    if request.side == Side::Unstake && request.amount_rao == 0 {
        return Err(Rejection::UnstakeBelowMinimum {
            tao_out_rao: 0,
            min_rao: MIN_STAKE_RAO,
        });
    }
    let done = swap(pool, request.side, request.amount_rao, request.protection)?;
    if request.side == Side::Unstake && done.out_rao < MIN_STAKE_RAO && !request.closes_position {
        return Err(Rejection::UnstakeBelowMinimum {
            tao_out_rao: done.out_rao,
            min_rao: MIN_STAKE_RAO,
        });
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pool::weights::TaoWeight;

    fn pool() -> Pool {
        Pool::dynamic(50_000_000_000_000, 2_500_000_000_000_000, TaoWeight::HALF).unwrap()
    }

    #[test]
    fn minimum_stake_is_two_million_rao_plus_fee() {
        assert_eq!(min_stake_gross_rao(&pool()), 2_001_007);
        assert!(execute(&pool(), &TradeRequest::plain(Side::Stake, 2_001_007)).is_ok());
        assert_eq!(
            execute(&pool(), &TradeRequest::plain(Side::Stake, 2_001_006)),
            Err(Rejection::StakeBelowMinimum {
                min_gross_rao: 2_001_007
            })
        );
    }

    #[test]
    fn small_unstake_needs_whole_position() {
        // 0.05 alpha at 0.02 TAO per alpha returns about 0.001 TAO.
        let mut request = TradeRequest::plain(Side::Unstake, 50_000_000);
        assert!(matches!(
            execute(&pool(), &request),
            Err(Rejection::UnstakeBelowMinimum { .. })
        ));
        request.closes_position = true;
        assert!(execute(&pool(), &request).is_ok());
    }
}
