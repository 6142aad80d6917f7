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
        // net_of_gross is non-decreasing (the fee grows by at most a rao per rao), so the
        // smallest gross reaching the minimum net follows the largest that stays below it.
        Mechanism::Dynamic => pool.fee().max_gross_for_net(MIN_STAKE_RAO - 1) + 1,
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
    fn the_minimum_stake_is_the_first_gross_whose_net_reaches_the_minimum_at_any_rate() {
        use crate::model::pool::fee::FeeRate;
        for parts in [1, 33, 655, 9_999, 10_000] {
            let pool = pool().with_fee_rate(FeeRate::new(parts).unwrap());
            let fee = pool.fee();
            let gross = min_stake_gross_rao(&pool);
            assert!(fee.net_of_gross(gross) >= MIN_STAKE_RAO, "rate {parts}");
            assert!(fee.net_of_gross(gross - 1) < MIN_STAKE_RAO, "rate {parts}");
        }
        // 10,000 of 65,535 (15.26 %): 2,000,000 x 65,535 / 55,535 = 2,360,133.25 gross; by
        // hand in U64F64, 2,360,132 nets 1,999,999 and 2,360,133 nets 2,000,000.
        let steep = pool().with_fee_rate(FeeRate::new(10_000).unwrap());
        assert_eq!(min_stake_gross_rao(&steep), 2_360_133);
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
