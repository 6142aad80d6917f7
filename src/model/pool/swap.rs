//! One trade through a subnet's pool as the chain executes it (pallets/swap `do_swap` with the
//! Balancer of balancer.rs): fee from the input, price protection, the swap, the rejections,
//! and the pool afterwards, including the second sale of an unstake's alpha fee.
//! A superellipse pool trades through `ellipse_swap.rs` instead; the staking pallet's own
//! minimums are in `trade.rs`.

use crate::model::pool::ellipse_swap;
use crate::model::pool::fill::{
    PriceProtection, StoppedBy, Swap, MAX_INPUT_TO_RESERVE, MIN_RESERVE_RAO,
};
use crate::model::pool::limit::{gross_for_max_net, max_net_within_limit};
use crate::model::pool::rejection::Rejection;
use crate::model::pool::side::Side;
use crate::model::pool::{balancer_out, Mechanism, Pool};

pub fn swap(
    pool: &Pool,
    side: Side,
    amount_rao: u64,
    protection: Option<PriceProtection>,
) -> Result<Swap, Rejection> {
    if let Some(curve) = pool.superellipse() {
        return ellipse_swap::swap(pool, &curve, side, amount_rao, protection);
    }
    let dynamic = pool.mechanism == Mechanism::Dynamic;
    let fee_rate = pool.fee();
    let mut fee = fee_rate.on_gross(amount_rao);
    let mut net = amount_rao - fee;
    let mut max_net = None;
    let mut stopped_by = StoppedBy::Nothing;
    if let Some(protection) = protection {
        max_net = max_net_within_limit(pool, side, protection.limit_price_rao)?;
        if let Some(max) = max_net.filter(|max| net > *max) {
            if !protection.allow_partial {
                return Err(Rejection::SlippageTooHigh {
                    side,
                    max_gross_rao: gross_for_max_net(pool, max),
                    limit_price_rao: protection.limit_price_rao,
                });
            }
            net = max;
            fee = fee_rate.on_net(max);
            stopped_by = StoppedBy::PriceLimit;
        }
    }

    let (y, x) = (pool.tao_rao, pool.alpha_rao);
    let (w_tao, w_alpha) = (pool.w_tao.tao_parts(), pool.w_tao.alpha_parts());
    let (reserve_in, reserve_out) = match side {
        Side::Stake => (y, x),
        Side::Unstake => (x, y),
    };
    let mut result = Swap {
        side,
        requested_rao: amount_rao,
        amount_in_rao: net,
        fee_rao: fee,
        out_rao: 0,
        fee_sale_tao_rao: 0,
        max_net_within_limit: max_net,
        limit_price_rao: protection.map(|p| p.limit_price_rao),
        stopped_by,
        pool_before: *pool,
        pool_after: *pool,
    };

    if !dynamic {
        // Root: 1 alpha = 1 TAO. Staking adds TAO to the subnet; unstaking takes it out.
        result.out_rao = net;
        result.pool_after.tao_rao = match side {
            Side::Stake => y.checked_add(net).ok_or(Rejection::OutOfRange)?,
            Side::Unstake => y
                .checked_sub(net)
                .ok_or(Rejection::ReservesTooLow { side })?,
        };
        return Ok(result);
    }

    let max_input = u128::from(reserve_in) * u128::from(MAX_INPUT_TO_RESERVE);
    if u128::from(net) > max_input {
        return Err(Rejection::SwapInputTooLarge {
            side,
            max_net_rao: u64::try_from(max_input).unwrap_or(u64::MAX),
        });
    }
    let out = match side {
        Side::Stake => balancer_out(y, x, net, w_tao, w_alpha)?,
        Side::Unstake => balancer_out(x, y, net, w_alpha, w_tao)?,
    };
    if out == 0 || reserve_out < MIN_RESERVE_RAO {
        return Err(Rejection::ReservesTooLow { side });
    }
    result.out_rao = out;
    match side {
        Side::Stake => {
            result.pool_after.tao_rao = y.checked_add(net).ok_or(Rejection::OutOfRange)?;
            result.pool_after.alpha_rao = x - out;
        }
        Side::Unstake => {
            // The alpha fee is sold into the pool too, without a fee; its TAO goes to the author.
            let tao_after = y - out;
            let alpha_after = x.checked_add(net).ok_or(Rejection::OutOfRange)?;
            let fee_tao = balancer_out(alpha_after, tao_after, fee, w_alpha, w_tao)?;
            result.fee_sale_tao_rao = fee_tao;
            result.pool_after.tao_rao = tao_after - fee_tao;
            result.pool_after.alpha_rao =
                alpha_after.checked_add(fee).ok_or(Rejection::OutOfRange)?;
        }
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    // Here rather than beside `limit`'s own tests: `swap` uses `limit`, not the other way.
    use super::*;
    use crate::model::pool::fill::PriceProtection;
    use crate::model::pool::limit::{limit_from_tolerance, max_gross_within_limit};
    use crate::model::pool::weights::TaoWeight;
    use rust_decimal::Decimal;

    fn pool() -> Pool {
        Pool::dynamic(50_000_000_000_000, 2_500_000_000_000_000, TaoWeight::HALF).unwrap()
    }

    #[test]
    fn fill_or_kill_takes_the_bound_and_refuses_one_rao_more() {
        let pool = pool();
        for side in [Side::Stake, Side::Unstake] {
            let limit = limit_from_tolerance(&pool, side, Decimal::ONE).unwrap();
            let protection = PriceProtection {
                limit_price_rao: limit,
                allow_partial: false,
            };
            let max = max_gross_within_limit(&pool, side, limit).unwrap().unwrap();
            assert!(swap(&pool, side, max, Some(protection)).is_ok(), "{side}");
            assert!(matches!(
                swap(&pool, side, max + 1, Some(protection)),
                Err(Rejection::SlippageTooHigh { .. })
            ));
            // For equal weights the bound is y (sqrt(limit / p) - 1) (stake), written out: a
            // 1 % tolerance moves the price at most 1 %, so about 0.4988 % of the reserve goes in.
            let reserve = match side {
                Side::Stake => pool.tao_rao,
                Side::Unstake => pool.alpha_rao,
            };
            // The bound is gross; what enters the pool is the amount after the fee.
            let share = pool.fee().net_of_gross(max) as f64 / reserve as f64;
            let expected = match side {
                Side::Stake => 1.01f64.sqrt() - 1.0,
                Side::Unstake => (1.0 / 0.99f64).sqrt() - 1.0,
            };
            assert!(
                (share - expected).abs() < 1e-6,
                "{side}: {share} vs {expected}"
            );
        }
    }
}
