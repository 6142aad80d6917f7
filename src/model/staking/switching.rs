//! Leaving your validator, against staying: for the best one on the same subnet (no swap, no
//! cost), or for the best one on another subnet, where the stake goes through both pools
//! (move_stake.rs, the chain's `move_stake`) and earns what that validator pays a newcomer.

use crate::model::num::dec::DecimalOps;
use crate::model::num::precise::{checked, expm1, ln1p, OutOfRange};
use crate::model::num::units::RAO_PER_TAO;
use crate::model::num::wide::mul_decimal_floor;
use crate::model::pool::move_stake::{move_stake, MoveError};
use crate::model::pool::Pool;
use crate::model::staking::delegation::{delegator_rate, Delegate, DelegationError};
use crate::model::staking::emission::{apy, YieldBase};
use rust_decimal::Decimal;
use std::fmt;

/// Where you are now: the alpha staked, its subnet's spot price, and the per-epoch rate it earns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Staying {
    pub stake_alpha: Decimal,
    pub price: Decimal,
    pub rate_per_epoch: Decimal,
    pub epoch_blocks: u32,
}

impl Staying {
    /// The position's worth at the spot price, TAO, as the comparison values it.
    fn value_tao(&self) -> Result<Decimal, OutOfRange> {
        checked(self.stake_alpha.try_mul(self.price))
    }
}

/// Moving to a validator on the same subnet paying `best_rate`: the stake stays in alpha, so
/// the move costs nothing.
pub fn switch_within(
    staying: Staying,
    best_rate: Decimal,
) -> Result<SwitchOption, DelegationError> {
    let value_tao = staying.value_tao()?;
    switch(
        value_tao,
        staying.rate_per_epoch,
        staying.epoch_blocks,
        Decimal::ZERO,
        value_tao,
        best_rate,
        staying.epoch_blocks,
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SubnetSwitch {
    /// The APY, in percent, the moved stake earns with `best` on the other subnet.
    pub new_apy_pct: Decimal,
    pub option: SwitchOption,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SwitchError {
    Move(MoveError),
    Yield(DelegationError),
}

impl fmt::Display for SwitchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SwitchError::Move(e) => e.fmt(f),
            SwitchError::Yield(e) => e.fmt(f),
        }
    }
}

impl From<OutOfRange> for SwitchError {
    fn from(_: OutOfRange) -> Self {
        SwitchError::Yield(DelegationError::OutOfRange)
    }
}

impl From<DelegationError> for SwitchError {
    fn from(e: DelegationError) -> Self {
        SwitchError::Yield(e)
    }
}

/// The stake moved from `from` to `to` and delegated to `best` (its observed APY ignored: the
/// new stake's own rate, `V (1 - take) vtrust / (A_v + new alpha)`, is what it would earn).
pub fn switch_subnet(
    from: &Pool,
    to: &Pool,
    staying: Staying,
    best: &Delegate,
    to_base: &YieldBase,
) -> Result<SubnetSwitch, SwitchError> {
    let stake_rao = mul_decimal_floor(RAO_PER_TAO, staying.stake_alpha).ok_or(OutOfRange)?;
    let moved = move_stake(from, to, stake_rao).map_err(SwitchError::Move)?;
    let newcomer = Delegate {
        observed_apy: None,
        ..best.clone()
    };
    let stake_total = checked(to_base.stake_total.try_add(moved.received_alpha()))?;
    let new_rate = delegator_rate(
        &newcomer,
        to_base.pool_per_epoch,
        stake_total,
        to_base.epoch_blocks,
    )?;
    let new_apy_pct = checked(apy(new_rate, to_base.epoch_blocks)?.try_mul(Decimal::ONE_HUNDRED))?;
    let option = switch(
        staying.value_tao()?,
        staying.rate_per_epoch,
        staying.epoch_blocks,
        moved.lost_tao,
        moved.value_after_tao,
        new_rate,
        to_base.epoch_blocks,
    )?;
    Ok(SubnetSwitch {
        new_apy_pct,
        option,
    })
}

/// Days for a better daily gain to pay back a one-off cost; `None` if it never does.
pub fn payback_days(cost: Decimal, daily_gain: Decimal) -> Option<Decimal> {
    if cost <= Decimal::ZERO {
        return Some(Decimal::ZERO);
    }
    if daily_gain <= Decimal::ZERO {
        return None;
    }
    cost.try_div(daily_gain)
}

/// Leaving the validator you are with for another yield.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SwitchOption {
    /// What the move itself costs, TAO.
    pub cost_tao: Decimal,
    /// TAO a day more (or less) than staying.
    pub daily_gain_tao: Decimal,
    /// Days for the better yield to earn the cost back; `None` if it never does.
    pub payback_days: Option<Decimal>,
}

/// Switching to `new_rate` on a position worth `new_value_tao` after a move costing `cost_tao`,
/// against staying at `rate` with `value_tao`.
pub fn switch(
    value_tao: Decimal,
    rate: Decimal,
    epoch_blocks: u32,
    cost_tao: Decimal,
    new_value_tao: Decimal,
    new_rate: Decimal,
    new_epoch_blocks: u32,
) -> Result<SwitchOption, DelegationError> {
    let now = checked(value_tao.try_mul(daily_rate(rate, epoch_blocks)?))?;
    let then = checked(new_value_tao.try_mul(daily_rate(new_rate, new_epoch_blocks)?))?;
    let daily_gain_tao = checked(then.try_sub(now))?;
    Ok(SwitchOption {
        cost_tao,
        daily_gain_tao,
        payback_days: payback_days(cost_tao, daily_gain_tao),
    })
}

/// A per-epoch rate as a per-day one: `(1 + r)^(epochs a day) - 1`.
pub fn daily_rate(rate: Decimal, epoch_blocks: u32) -> Result<Decimal, DelegationError> {
    let per_day = crate::model::staking::emission::epochs_per_day(epoch_blocks);
    Ok(expm1(checked(ln1p(rate)?.try_mul(per_day))?)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pool::weights::TaoWeight;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// 100 alpha at 0.02 TAO (a 50,000 TAO / 2,500,000 alpha pool), earning 0.01 % an epoch.
    fn staying() -> Staying {
        Staying {
            stake_alpha: d("100"),
            price: d("0.02"),
            rate_per_epoch: d("0.0001"),
            epoch_blocks: 360,
        }
    }

    fn pool() -> Pool {
        Pool::dynamic(50_000_000_000_000, 2_500_000_000_000_000, TaoWeight::HALF).unwrap()
    }

    #[test]
    fn payback_and_switching_against_staying() {
        let d = |s: &str| Decimal::from_str_exact(s).unwrap();
        assert_eq!(payback_days(d("10"), d("2")), Some(d("5")));
        assert_eq!(payback_days(d("10"), Decimal::ZERO), None);
        assert_eq!(
            payback_days(Decimal::ZERO, Decimal::ZERO),
            Some(Decimal::ZERO)
        );
        // Same subnet, no cost: pays back at once; a worse yield never does.
        let same = switch(
            d("100"),
            d("0.0001"),
            360,
            Decimal::ZERO,
            d("100"),
            d("0.0002"),
            360,
        )
        .unwrap();
        assert_eq!(same.payback_days, Some(Decimal::ZERO));
        assert!(same.daily_gain_tao > Decimal::ZERO);
        let worse = switch(
            d("100"),
            d("0.0002"),
            360,
            d("1"),
            d("99"),
            d("0.0001"),
            360,
        )
        .unwrap();
        assert_eq!(worse.payback_days, None);
    }

    #[test]
    fn within_a_subnet_costs_nothing_and_pays_the_rate_gap() {
        let same = switch_within(staying(), d("0.0001")).unwrap();
        assert_eq!(same.cost_tao, Decimal::ZERO);
        assert_eq!(same.daily_gain_tao, Decimal::ZERO);
        assert_eq!(same.payback_days, Some(Decimal::ZERO));
        let better = switch_within(staying(), d("0.0002")).unwrap();
        assert!(better.daily_gain_tao > Decimal::ZERO);
        assert_eq!(better.payback_days, Some(Decimal::ZERO));
    }

    #[test]
    fn to_another_subnet_pays_both_swaps_and_earns_there() {
        let best = Delegate {
            name: "best".into(),
            take: Decimal::ZERO,
            childkey_take: Decimal::ZERO,
            days_since_take_change: 30,
            vtrust: Decimal::ONE,
            observed_apy: Some(d("5")),
        };
        let base = YieldBase {
            pool_per_epoch: d("200"),
            stake_total: d("1000000"),
            epoch_blocks: 360,
        };
        let moved = switch_subnet(&pool(), &pool(), staying(), &best, &base).unwrap();
        let lost = move_stake(&pool(), &pool(), 100_000_000_000)
            .unwrap()
            .lost_tao;
        assert_eq!(moved.option.cost_tao, lost);
        assert!(moved.option.cost_tao > Decimal::ZERO);
        // The observed 500 % is ignored: the newcomer earns V / (A + new alpha) an epoch.
        assert!(moved.new_apy_pct > Decimal::ZERO && moved.new_apy_pct < d("500"));
        assert!(moved.option.payback_days.is_some());
    }
}
