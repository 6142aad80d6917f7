//! The figures a user reads off one trade, each with the definition it uses. Tools disagree on
//! "slippage", so three are given (SPEC §1): vs spot with the fee (the chain's simulator and
//! Taostats), vs spot without the fee (the SDK), and the docs' shortfall / received.

use crate::model::num::ratio::{difference_pct, rao_ratio, ratio};
use crate::model::num::units::rao_to_decimal;
use crate::model::pool::fill::Swap;
use crate::model::pool::rejection::Rejection;
use crate::model::pool::side::Side;
use crate::model::pool::trade::{execute, TradeRequest};
use crate::model::pool::Pool;
use primitive_types::U256;
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub swap: Swap,
    /// Spot price before the trade, TAO per alpha.
    pub spot_price: Decimal,
    /// The same price as the chain reports it (U64F64, floored to rao).
    pub chain_spot_price_rao: u64,
    /// What the amount taken would buy at the spot price, output token.
    pub ideal: Decimal,
    /// What the user receives, output token.
    pub received: Decimal,
    /// The fee, input token.
    pub fee: Decimal,
    /// The fee's worth in TAO at the spot price.
    pub fee_tao: Decimal,
    /// TAO per alpha actually paid (stake) or obtained (unstake), fee included.
    pub effective_price: Decimal,
    /// Spot price after the trade.
    pub price_after: Decimal,
    /// `(price after - price before) / price before`, percent: positive for a stake.
    pub price_impact_pct: Decimal,
    /// `(ideal - received) / ideal`, percent, fee included.
    pub slippage_pct: Decimal,
    /// The same with the ideal computed from the amount after the fee (the SDK's figure).
    pub slippage_ex_fee_pct: Decimal,
    /// `(ideal - received) / received`, percent (the Bittensor docs' example).
    pub slippage_of_received_pct: Decimal,
    /// Part of the request a partial fill left with the user, input token.
    pub unfilled: Decimal,
}

/// Quote a trade the staking pallet would accept, or the reason it would not.
pub fn quote(pool: &Pool, request: &TradeRequest) -> Result<Quote, Rejection> {
    let swap = execute(pool, request)?;
    figures(swap)
}

/// The figures of a trade the chain executed.
pub fn figures(swap: Swap) -> Result<Quote, Rejection> {
    let pool = swap.pool_before;
    let (p_num, p_den) = pool.price_ratio();
    let taken = U256::from(swap.taken_rao());
    let net = U256::from(swap.amount_in_rao);
    let out = U256::from(swap.out_rao);
    let fee = U256::from(swap.fee_rao);
    if swap.out_rao == 0 || swap.taken_rao() == 0 {
        return Err(Rejection::ReservesTooLow { side: swap.side });
    }
    // Amounts in the output token, all over one denominator: ideal(a) / scale.
    let (at_spot, received_scaled, scale) = match swap.side {
        Side::Stake => (p_den, out * p_num, p_num),
        Side::Unstake => (p_num, out * p_den, p_den),
    };
    let ideal_taken = taken * at_spot;
    let ideal_net = net * at_spot;
    let (fee_tao, effective_price) = match swap.side {
        Side::Stake => (rao_to_decimal(swap.fee_rao), ratio(taken, out)?),
        Side::Unstake => (rao_ratio(fee * p_num, p_den)?, ratio(out, taken)?),
    };
    let before = swap.pool_before;
    let after = swap.pool_after;
    // Trades never change the weights, so the price ratio is y' x / (x' y).
    let impact = difference_pct(
        U256::from(after.tao_rao) * U256::from(before.alpha_rao),
        U256::from(after.alpha_rao) * U256::from(before.tao_rao),
        U256::from(after.alpha_rao) * U256::from(before.tao_rao),
    )?;
    Ok(Quote {
        spot_price: pool.spot_price(),
        chain_spot_price_rao: pool.chain_spot_price_rao(),
        ideal: rao_ratio(ideal_taken, scale)?,
        received: rao_to_decimal(swap.out_rao),
        fee: rao_to_decimal(swap.fee_rao),
        fee_tao,
        effective_price,
        price_after: after.spot_price(),
        price_impact_pct: impact,
        slippage_pct: difference_pct(ideal_taken, received_scaled, ideal_taken)?,
        slippage_ex_fee_pct: difference_pct(ideal_net, received_scaled, ideal_net)?,
        slippage_of_received_pct: difference_pct(ideal_taken, received_scaled, received_scaled)?,
        unfilled: rao_to_decimal(swap.requested_rao - swap.taken_rao()),
        swap,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pool::weights::TaoWeight;
    use std::str::FromStr;

    #[test]
    fn docs_example_figures() {
        // 10 TAO / 100 alpha, stake 5 TAO: 33.322 alpha instead of 50 at spot.
        let pool = Pool::dynamic(10_000_000_000, 100_000_000_000, TaoWeight::HALF).unwrap();
        let q = quote(&pool, &TradeRequest::plain(Side::Stake, 5_000_000_000)).unwrap();
        assert_eq!(q.received, Decimal::from_str("33.322141508").unwrap());
        assert_eq!(q.ideal.normalize(), Decimal::from(50));
        assert_eq!(q.fee, Decimal::from_str("0.002517738").unwrap());
        // (50 - 33.322141508) / 50
        assert_eq!(
            q.slippage_pct.normalize(),
            Decimal::from_str("33.355716984").unwrap()
        );
        // Without the fee the ideal is 49.97482262 alpha.
        assert!(q.slippage_ex_fee_pct < q.slippage_pct);
        // Shortfall over received: about 50 % as in the docs (50.05 % with today's fee).
        assert!((q.slippage_of_received_pct - Decimal::from(50)).abs() < Decimal::ONE);
        // Price goes from 0.1 to 14.997482262 / 66.677858492.
        assert!(q.price_impact_pct > Decimal::from(124) && q.price_impact_pct < Decimal::from(125));
    }
}
