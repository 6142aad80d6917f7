//! One trade through a superellipse pool as the chain executes it (SPEC §1b): the swap pallet's
//! `do_swap` and `BasicSwapStep` on this curve (RaoFoundation/subtensor `pallets/swap/src/pallet/
//! impls.rs`, `swap_step.rs`), then the staking pallet around it (`get_max_amount_add/remove`
//! for fill-or-kill, the fee-free resale of an unstake's alpha fee at the minimum price).
//!
//! Unlike Balancer, an order past the curve's capacity is not refused: it fills what the curve
//! takes (keeping 1,000,000 rao of the output reserve) and the rest is refunded.

use crate::model::num::fixed::{price_bits_from_rao, ONE_BITS};
use crate::model::num::wide::decimal_from_ratio;
use crate::model::pool::fee::FeeRate;
use crate::model::pool::fill::PriceProtection;
use crate::model::pool::fill::{StoppedBy, Swap, MAX_INPUT_TO_RESERVE, MIN_RESERVE_RAO};
use crate::model::pool::rejection::Rejection;
use crate::model::pool::side::Side;
use crate::model::pool::superellipse::{CurveError, Superellipse};
use crate::model::pool::Pool;
use primitive_types::U256;

/// The limit a plain `add_stake` uses: 1e18 rao per alpha (`max_price`).
pub const DEFAULT_BUY_LIMIT_RAO: u64 = 1_000_000_000_000_000_000;
/// The limit a plain `remove_stake` and the author's fee resale use: 1,000 rao (`min_price`).
pub const DEFAULT_SELL_LIMIT_RAO: u64 = 1_000;

/// What one swap step did: net input, fee, output and what cut it short.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub amount_in_rao: u64,
    pub fee_rao: u64,
    pub out_rao: u64,
    pub stopped_by: StoppedBy,
}

/// The pool's reserves from the trader's side: what goes in, what comes out.
fn reserves(pool: &Pool, side: Side) -> (u64, u64) {
    match side {
        Side::Stake => (pool.tao_rao, pool.alpha_rao),
        Side::Unstake => (pool.alpha_rao, pool.tao_rao),
    }
}

fn out_of_balance(side: Side) -> impl Fn(CurveError) -> Rejection {
    move |_| Rejection::ReservesOutOfBalance { side }
}

/// The reserves after `input` in and `output` out, `(alpha, tao)`; `None` when they would not
/// fit (the chain reports `InsufficientLiquidity` or `ReservesOutOfBalance`).
fn after(pool: &Pool, side: Side, input: u64, output: u64) -> Option<(u64, u64)> {
    match side {
        Side::Stake => Some((
            pool.alpha_rao.checked_sub(output)?,
            pool.tao_rao.checked_add(input)?,
        )),
        Side::Unstake => Some((
            pool.alpha_rao.checked_add(input)?,
            pool.tao_rao.checked_sub(output)?,
        )),
    }
}

/// The chain's `do_swap` of `amount` (gross) with a limit price in U64F64 bits and a fee rate.
pub fn step(
    pool: &Pool,
    curve: &Superellipse,
    side: Side,
    amount: u64,
    limit_bits: u128,
    fee_rate: FeeRate,
) -> Result<Step, Rejection> {
    let (reserve_in, reserve_out) = reserves(pool, side);
    let (alpha, tao) = (pool.alpha_rao, pool.tao_rao);
    let bad = out_of_balance(side);
    // ensure_swap_input_within_reserve_limit
    let fee = fee_rate.on_gross(amount);
    let net = amount - fee;
    let max_input = u128::from(reserve_in) * u128::from(MAX_INPUT_TO_RESERVE);
    if u128::from(net) > max_input {
        return Err(Rejection::SwapInputTooLarge {
            side,
            max_net_rao: u64::try_from(max_input).unwrap_or(u64::MAX),
        });
    }
    // swap_inner
    if reserve_out < MIN_RESERVE_RAO {
        return Err(Rejection::ReservesTooLow { side });
    }
    let current = curve.price_bits(alpha, tao).unwrap_or(0);
    let beyond = match side {
        Side::Stake => current < limit_bits,
        Side::Unstake => current > limit_bits,
    };
    if !beyond {
        return Err(Rejection::PriceLimitExceeded {
            side,
            spot_price: decimal_from_ratio(U256::from(current), U256::from(ONE_BITS))
                .unwrap_or_default(),
            limit_price_rao: crate::model::num::fixed::rao_from_price_bits(limit_bits),
        });
    }
    let convert = |input: u64| match side {
        Side::Stake => curve.buy_output(alpha, tao, input).map_err(&bad),
        Side::Unstake => curve.sell_output(alpha, tao, input).map_err(&bad),
    };
    let to_limit = || match side {
        Side::Stake => curve.buy_to_price(alpha, tao, limit_bits).map_err(&bad),
        Side::Unstake => curve.sell_to_price(alpha, tao, limit_bits).map_err(&bad),
    };
    let price_after = |input: u64, output: u64| -> Result<u128, Rejection> {
        let (a, t) =
            after(pool, side, input, output).ok_or(Rejection::ReservesOutOfBalance { side })?;
        curve.price_bits(a, t).map_err(&bad)
    };
    // BasicSwapStep::new: cut to the curve's end, keeping the output reserve's floor.
    let capacity = match side {
        Side::Stake => curve.max_buy_input(alpha, tao, MIN_RESERVE_RAO),
        Side::Unstake => curve.max_sell_input(alpha, tao, MIN_RESERVE_RAO),
    }
    .map_err(&bad)?;
    let mut requested = net.min(capacity);
    let mut clamped = requested < net;
    let mut requested_out = convert(requested)?;
    let target = match price_after(requested, requested_out) {
        Ok(price) => price,
        Err(_) => {
            // A fill near the curve's end can price beyond U64F64: solve the limit first.
            requested = requested.min(to_limit()?);
            requested_out = convert(requested)?;
            clamped = true;
            price_after(requested, requested_out)?
        }
    };
    // determine_action: the whole (possibly clamped) input, or what the limit allows.
    let within = match side {
        Side::Stake => target <= limit_bits,
        Side::Unstake => target >= limit_bits,
    };
    let (amount_in, stopped_by) = if within {
        let stopped = if clamped {
            StoppedBy::Capacity
        } else {
            StoppedBy::Nothing
        };
        (requested, stopped)
    } else {
        (to_limit()?.min(requested), StoppedBy::PriceLimit)
    };
    let fee = if stopped_by == StoppedBy::Nothing {
        fee
    } else {
        fee_rate.on_net(amount_in)
    };
    // process_swap
    let out = if amount_in == requested {
        requested_out
    } else {
        convert(amount_in)?
    };
    if amount_in != 0 && out == 0 {
        return Err(Rejection::ReservesTooLow { side });
    }
    Ok(Step {
        amount_in_rao: amount_in,
        fee_rao: fee,
        out_rao: out,
        stopped_by,
    })
}

/// The pool after a step.
fn moved(pool: &Pool, side: Side, done: &Step) -> Result<Pool, Rejection> {
    let (alpha_rao, tao_rao) = after(pool, side, done.amount_in_rao, done.out_rao)
        .ok_or(Rejection::ReservesOutOfBalance { side })?;
    Ok(Pool {
        alpha_rao,
        tao_rao,
        ..*pool
    })
}

/// The most a limit order may ask for, gross (`get_max_amount_add` / `_remove`): the chain
/// probes a simulated swap of the largest input it accepts at the limit and adds the fee.
pub fn max_gross_within_limit(
    pool: &Pool,
    curve: &Superellipse,
    side: Side,
    limit_price_rao: u64,
) -> Result<u64, Rejection> {
    let (reserve_in, _) = reserves(pool, side);
    let fee = pool.fee();
    let largest = fee.max_gross_for_net(reserve_in.saturating_mul(MAX_INPUT_TO_RESERVE));
    let probe = step(
        pool,
        curve,
        side,
        largest,
        price_bits_from_rao(limit_price_rao),
        fee,
    )?;
    Ok(probe.amount_in_rao + probe.fee_rao)
}

/// A stake or unstake as the staking pallet runs it on a superellipse pool.
pub fn swap(
    pool: &Pool,
    curve: &Superellipse,
    side: Side,
    amount_rao: u64,
    protection: Option<PriceProtection>,
) -> Result<Swap, Rejection> {
    let limit_rao = match (protection, side) {
        (Some(p), _) => p.limit_price_rao,
        (None, Side::Stake) => DEFAULT_BUY_LIMIT_RAO,
        (None, Side::Unstake) => DEFAULT_SELL_LIMIT_RAO,
    };
    let mut max_gross = None;
    if let Some(p) = protection.filter(|p| !p.allow_partial) {
        let most = max_gross_within_limit(pool, curve, side, p.limit_price_rao)?;
        if amount_rao > most {
            return Err(Rejection::SlippageTooHigh {
                side,
                max_gross_rao: most,
                limit_price_rao: p.limit_price_rao,
            });
        }
        max_gross = Some(most);
    }
    let done = step(
        pool,
        curve,
        side,
        amount_rao,
        price_bits_from_rao(limit_rao),
        pool.fee(),
    )?;
    let mut pool_after = moved(pool, side, &done)?;
    let mut fee_sale_tao_rao = 0;
    if side == Side::Unstake {
        // The block author's alpha fee is sold with no fee at the minimum price; if that sale
        // fails, the whole unstake fails.
        let sale = step(
            &pool_after,
            curve,
            Side::Unstake,
            done.fee_rao,
            price_bits_from_rao(DEFAULT_SELL_LIMIT_RAO),
            FeeRate::ZERO,
        )?;
        pool_after = moved(&pool_after, Side::Unstake, &sale)?;
        fee_sale_tao_rao = sale.out_rao;
    }
    Ok(Swap {
        side,
        requested_rao: amount_rao,
        amount_in_rao: done.amount_in_rao,
        fee_rao: done.fee_rao,
        out_rao: done.out_rao,
        fee_sale_tao_rao,
        max_net_within_limit: max_gross.map(|g| pool.fee().net_of_gross(g)),
        limit_price_rao: protection.map(|p| p.limit_price_rao),
        stopped_by: done.stopped_by,
        pool_before: *pool,
        pool_after,
    })
}

/// A superellipse pool's capacity for a plain trade: the largest gross amount that fills whole
/// (keeping 1,000,000 rao of the output reserve, at the default limit). Balancer has no end.
pub fn capacity(pool: &Pool, side: Side) -> Option<Result<u64, Rejection>> {
    let curve = pool.superellipse()?;
    let limit = match side {
        Side::Stake => DEFAULT_BUY_LIMIT_RAO,
        Side::Unstake => DEFAULT_SELL_LIMIT_RAO,
    };
    Some(max_gross_within_limit(pool, &curve, side, limit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pool::weights::TaoWeight;
    use crate::model::pool::Curve;

    /// A 1,000 TAO / 10,000 alpha pool calibrated at equal weights: capacity about 1,000 TAO.
    fn pool() -> Pool {
        let curve = Superellipse::from_weights(
            10_000_000_000_000,
            1_000_000_000_000,
            500_000_000_000_000_000,
        )
        .unwrap();
        Pool::dynamic(1_000_000_000_000, 10_000_000_000_000, TaoWeight::HALF)
            .unwrap()
            .with_curve(Curve::Superellipse(curve))
            .unwrap()
    }

    #[test]
    fn capacity_fills_whole_and_one_rao_more_is_refunded() {
        let pool = pool();
        let most = capacity(&pool, Side::Stake).unwrap().unwrap();
        assert!(most > 990_000_000_000 && most < 1_001_000_000_000, "{most}");
        let whole = swap(
            &pool,
            &pool.superellipse().unwrap(),
            Side::Stake,
            most,
            None,
        )
        .unwrap();
        assert!(!whole.is_partial());
        let more = swap(
            &pool,
            &pool.superellipse().unwrap(),
            Side::Stake,
            most + 1_000_000_000,
            None,
        )
        .unwrap();
        assert!(more.is_partial());
        assert!(more.refund_rao() >= 1_000_000_000);
        assert_ne!(more.stopped_by, StoppedBy::Nothing);
        assert!(capacity(&Pool::dynamic(1, 1, TaoWeight::HALF).unwrap(), Side::Stake).is_none());
    }
}
