//! A position's path after the entry: its alpha growing every epoch, the pool moved along the
//! user's price scenario, and the exit on any day.

use super::{ExitLeg, Outcome, ReturnsError};
use crate::model::num::dec::DecimalOps;
use crate::model::num::precise::{checked, expm1};
use crate::model::num::ratio::{difference_pct, rao_ratio};
use crate::model::num::units::rao_to_decimal;
use crate::model::num::wide::mul_decimal_floor;
use crate::model::pool::side::Side;
use crate::model::pool::trade::{execute, TradeRequest};
use crate::model::pool::Pool;
use crate::model::staking::emission::epochs_in_days;
use crate::model::staking::growth::Growth;
use primitive_types::U256;
use rust_decimal::Decimal;
use std::cell::OnceCell;

pub(super) struct Path {
    pub(super) pool: Pool,
    pub(super) alpha_start_rao: u64,
    pub(super) basis_rao: u64,
    pub(super) growth: Growth,
    pub(super) epoch_blocks: u32,
    pub(super) days: u32,
    /// ln(1 + price change).
    pub(super) log_change: Decimal,
    /// The exit's pool after the holding period, when the price path is held: worked out once
    /// (the table, the break-even's later days and the curve ask it many times).
    pub(super) held_pool: OnceCell<Pool>,
}

impl Path {
    /// The scenario's price ratio on `day`: the path runs over the holding period and is held
    /// after it (the table's and the break-even's later days never extrapolate it).
    fn price_ratio(&self, day: u32) -> Result<Decimal, ReturnsError> {
        let held = day.min(self.days);
        let t = checked(Decimal::from(held).try_div(Decimal::from(self.days.max(1))))?;
        Ok(checked(
            expm1(checked(self.log_change.try_mul(t))?)?.try_add(Decimal::ONE),
        )?)
    }

    /// The exit's pool on `day`.
    fn pool_on(&self, day: u32) -> Result<Pool, ReturnsError> {
        if day < self.days {
            return Ok(self.pool.at_price_ratio(self.price_ratio(day)?)?);
        }
        if let Some(pool) = self.held_pool.get() {
            return Ok(*pool);
        }
        let pool = self.pool.at_price_ratio(self.price_ratio(day)?)?;
        Ok(*self.held_pool.get_or_init(|| pool))
    }

    pub(super) fn outcome(&self, day: u32) -> Result<Outcome, ReturnsError> {
        let epochs = epochs_in_days(day, self.epoch_blocks);
        let factor = self.growth.factor(epochs)?;
        let alpha_rao =
            mul_decimal_floor(self.alpha_start_rao, factor).ok_or(ReturnsError::OutOfRange)?;
        let pool = self.pool_on(day)?;
        let (p_num, p_den) = pool.price_ratio();
        let price = pool.spot_price();
        let value_at_spot = rao_ratio(U256::from(alpha_rao) * p_num, p_den)
            .map_err(|_| ReturnsError::OutOfRange)?;
        let request = TradeRequest {
            side: Side::Unstake,
            amount_rao: alpha_rao,
            protection: None,
            closes_position: true,
        };
        let exit = match execute(&pool, &request) {
            Err(rejection) => Err(rejection),
            Ok(swap) => {
                let fee_tao = rao_ratio(U256::from(swap.fee_rao) * p_num, p_den)
                    .map_err(|_| ReturnsError::OutOfRange)?;
                let tao = rao_to_decimal(swap.out_rao);
                let slippage_tao =
                    checked(value_at_spot.try_sub(tao).and_then(|v| v.try_sub(fee_tao)))?;
                let net_rao = i128::from(swap.out_rao) - i128::from(self.basis_rao);
                let net_tao = Decimal::from_i128_with_scale(net_rao, 9);
                let net_pct = difference_pct(
                    U256::from(swap.out_rao),
                    U256::from(self.basis_rao),
                    U256::from(self.basis_rao.max(1)),
                )
                .map_err(|_| ReturnsError::OutOfRange)?;
                Ok(ExitLeg {
                    tao_rao: swap.out_rao,
                    fee_tao,
                    slippage_tao,
                    net_tao,
                    net_pct,
                })
            }
        };
        Ok(Outcome {
            day,
            epochs,
            alpha_rao,
            price,
            value_at_spot,
            exit,
        })
    }

    /// What exiting on `day` returns, rao, or `None` when the chain would refuse the exit:
    /// the part of `outcome` the break-even needs.
    pub(super) fn exit_rao(&self, day: u32) -> Result<Option<u64>, ReturnsError> {
        let factor = self.growth.factor(epochs_in_days(day, self.epoch_blocks))?;
        let alpha_rao =
            mul_decimal_floor(self.alpha_start_rao, factor).ok_or(ReturnsError::OutOfRange)?;
        let pool = self.pool_on(day)?;
        let request = TradeRequest {
            side: Side::Unstake,
            amount_rao: alpha_rao,
            protection: None,
            closes_position: true,
        };
        Ok(execute(&pool, &request).ok().map(|swap| swap.out_rao))
    }

    /// Exit minus yardstick on `day`, rao; `None` when the exit would be refused.
    pub(super) fn surplus(&self, day: u32) -> Result<Option<i128>, ReturnsError> {
        Ok(self
            .exit_rao(day)?
            .map(|tao| i128::from(tao) - i128::from(self.basis_rao)))
    }
}
