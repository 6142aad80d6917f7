//! Stake then unstake the alpha received at once (or the reverse): what the pool keeps.

use crate::model::num::ratio::difference_pct;
use crate::model::num::units::rao_to_decimal;
use crate::model::pool::rejection::Rejection;
use crate::model::pool::side::Side;
use crate::model::pool::swap::swap;
use crate::model::pool::Pool;
use primitive_types::U256;
use rust_decimal::Decimal;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoundTrip {
    /// Output token of the first leg (the alpha a stake bought).
    pub out_rao: u64,
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
        out_rao: there.out_rao,
        back_rao: back.out_rao,
        lost: rao_to_decimal(lost_rao),
        lost_pct: difference_pct(
            U256::from(amount_rao),
            U256::from(back.out_rao),
            U256::from(amount_rao),
        )?,
    })
}

/// Stake `amount_rao` TAO, then sell the alpha into `sell_into`: the pool the stake left (an
/// immediate round trip, which wins back most of the entry's price impact) or today's pool (the
/// price back where it was, as others' trades would bring it: both legs' costs in full).
/// Returns (alpha bought, TAO back).
pub fn stake_and_sell(
    pool: &Pool,
    amount_rao: u64,
    sell_into: SellInto,
) -> Result<(u64, u64), Rejection> {
    let there = swap(pool, Side::Stake, amount_rao, None)?;
    let exit_pool = match sell_into {
        SellInto::AfterStake => there.pool_after,
        SellInto::Today => *pool,
    };
    let back = swap(&exit_pool, Side::Unstake, there.out_rao, None)?;
    Ok((there.out_rao, back.out_rao))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SellInto {
    AfterStake,
    Today,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pool::weights::TaoWeight;

    #[test]
    fn a_round_trip_by_hand() {
        // 100 TAO through 50,000 TAO / 2,500,000 alpha and straight back, with the chain's integer
        // formulas for equal weights written out: the stake, then the unstake of what it bought.
        let (y, x): (u128, u128) = (50_000_000_000_000, 2_500_000_000_000_000);
        let tao: u128 = 100_000_000_000;
        let net = tao - tao * 33 / 65_535;
        let alpha = x * net / (y + net);
        let (y2, x2) = (y + net, x - alpha);
        let net_alpha = alpha - alpha * 33 / 65_535;
        let back = y2 * net_alpha / (x2 + net_alpha);
        let pool =
            Pool::dynamic(50_000_000_000_000, 2_500_000_000_000_000, TaoWeight::HALF).unwrap();
        let trip = round_trip(&pool, Side::Stake, 100_000_000_000).unwrap();
        assert_eq!(u128::from(trip.back_rao), back);
        assert_eq!(trip.lost, rao_to_decimal((tao - back) as u64));
        let after = stake_and_sell(&pool, 100_000_000_000, SellInto::AfterStake).unwrap();
        assert_eq!(after, (alpha as u64, back as u64));
        // Sold into today's pool, the exit pays its own slippage at today's price.
        let today = stake_and_sell(&pool, 100_000_000_000, SellInto::Today).unwrap();
        let back_today = y * net_alpha / (x + net_alpha);
        assert_eq!(today, (alpha as u64, back_today as u64));
        assert!(today.1 < after.1);
    }
}
