//! Exit values. A stake's spot value is `alpha × p` floored to the rao, with `p` the pool's
//! exact price ratio (`Balancer::calculate_price`, `Pool::price_ratio`); its exit value is what
//! `remove_stake` of the sellable part returns (`pallets/subtensor/src/staking/remove_stake.rs`
//! through `unstake_from_subnet` and the swap, `pool::trade::execute`). The locked part of a
//! conviction lock cannot be unstaked (`staking/lock.rs`: available = stake - locked, SPEC §4),
//! so it is left out of the sale and valued at spot on its own.

use crate::model::pool::fill::Swap;
use crate::model::pool::rejection::Rejection;
use crate::model::pool::side::Side;
use crate::model::pool::trade::{execute, TradeRequest};
use crate::model::pool::Pool;
use primitive_types::U256;

/// One stake: its subnet's alpha (TAO on root) and the part locked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holding {
    pub alpha_rao: u64,
    pub locked_rao: u64,
}

impl Holding {
    /// What `remove_stake` may take: the stake less its lock (never below zero: a lock larger
    /// than the stake, which the chain does not allow, sells nothing).
    pub fn sellable_rao(&self) -> u64 {
        self.alpha_rao.saturating_sub(self.locked_rao)
    }

    /// The locked part, at most the stake.
    pub fn locked_part_rao(&self) -> u64 {
        self.locked_rao.min(self.alpha_rao)
    }
}

/// `alpha` at the pool's spot price, floored to the rao (root: 1:1).
pub fn spot_value_rao(pool: &Pool, alpha_rao: u64) -> u64 {
    let (num, den) = pool.price_ratio();
    if den.is_zero() {
        return 0;
    }
    let value = U256::from(alpha_rao) * num / den;
    value.min(U256::from(u64::MAX)).as_u64()
}

/// Selling `holding`'s sellable part into `pool` at once: the chain's swap, or its refusal;
/// `None` when nothing can be sold (all of it locked, or no stake).
pub fn sale(pool: &Pool, holding: Holding) -> Result<Option<Swap>, Rejection> {
    let sellable = holding.sellable_rao();
    if sellable == 0 {
        return Ok(None);
    }
    let request = TradeRequest {
        side: Side::Unstake,
        amount_rao: sellable,
        protection: None,
        // Selling a whole position may return under the chain's minimum; a part may not.
        closes_position: holding.locked_part_rao() == 0,
    };
    execute(pool, &request).map(Some)
}

/// Every holding on one subnet sold one after another, in order: each into the pool the sale
/// before it left (a refused sale leaves the pool as it was). The sum of the TAO out is what
/// leaving the subnet today returns.
pub fn sales_in_sequence(
    pool: &Pool,
    holdings: &[Holding],
) -> Vec<Result<Option<Swap>, Rejection>> {
    let mut current = *pool;
    holdings
        .iter()
        .map(|h| {
            let sold = sale(&current, *h);
            if let Ok(Some(swap)) = &sold {
                current = swap.pool_after;
            }
            sold
        })
        .collect()
}

/// TAO a sale returns (0 for none).
pub fn tao_out(sold: &Result<Option<Swap>, Rejection>) -> u64 {
    match sold {
        Ok(Some(swap)) => swap.out_rao,
        _ => 0,
    }
}
