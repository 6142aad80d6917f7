//! What each validator's take costs a delegator (SPEC §3). A validator keeps `take` of the
//! dividends its stake earns and the delegators share the rest, `(1 - take)`, restaked every
//! epoch. One take per hotkey, 0 to 11,796/65,535 (17.9995 %, shown as 18 %, the default);
//! an increase is allowed once 216,000 blocks (30 days) have passed since the hotkey's LAST take
//! change, up or down (staking/increase_take.rs, decrease_take.rs), a decrease any time. A
//! validator working through another owner's child hotkey first loses the childkey take
//! (coinbase/run_coinbase.rs, parent/child dividends): 18 % + 18 % leaves 0.82 x 0.82 = 67.2 %.

use crate::model::num::dec::DecimalOps;
use crate::model::num::precise::{checked, expm1, ln1p, OutOfRange};
use crate::model::staking::emission::{
    apy, default_take, epochs_in_days, rate_from_apy, BLOCKS_PER_DAY,
};
use rust_decimal::Decimal;
use std::fmt;

/// At most this many validators side by side.
pub const MAX_DELEGATES: usize = 8;
/// The chain's highest take (delegate and childkey): 11,796/65,535 = 17.9995 %, shown as 18 %.
pub fn max_take() -> Decimal {
    default_take()
}

/// A take typed in percent: "18" (what every wallet shows) means the chain's maximum,
/// 11,796/65,535; anything between that and 18 % is the maximum too.
pub fn take_from_typed(fraction: Decimal) -> Decimal {
    fraction.min(max_take())
}
/// Blocks between two take increases (`TxDelegateTakeRateLimit`): 216,000, 30 days.
pub const TAKE_RATE_LIMIT_BLOCKS: u32 = 216_000;

pub fn take_rate_limit_days() -> u32 {
    TAKE_RATE_LIMIT_BLOCKS / BLOCKS_PER_DAY
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delegate {
    pub name: String,
    /// Fraction, 0 to 11,796/65,535.
    pub take: Decimal,
    /// The child hotkey's take when the validator works through another owner's child hotkey
    /// (fraction, 0 when it does not): taken from the dividends before `take`.
    pub childkey_take: Decimal,
    /// Days since this validator last changed its take, up or down: it may raise it once 30
    /// days have passed.
    pub days_since_take_change: u32,
    /// 0 to 1.
    pub vtrust: Decimal,
    /// A delegator APY seen for this validator (fraction, after its take): replaces the
    /// derived yield for this row.
    pub observed_apy: Option<Decimal>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DelegationInputs {
    /// The delegated stake, alpha (TAO on root).
    pub stake_alpha: Decimal,
    /// Spot price, TAO per alpha (1 on root).
    pub price: Decimal,
    pub days: u32,
    /// Alpha for validators and stakers per epoch (V).
    pub pool_per_epoch: Decimal,
    /// The stake sharing it (A_v), this stake included.
    pub stake_total: Decimal,
    pub epoch_blocks: u32,
    pub delegates: Vec<Delegate>,
}

/// Amounts in the subnet's alpha and in TAO at the spot price (dollars are the page's way of
/// writing TAO: `calc::format::Style`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amount {
    pub alpha: Decimal,
    pub tao: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DelegateResult {
    /// Position in the input (0-based).
    pub index: usize,
    /// 1 for the best.
    pub rank: usize,
    pub rate_per_epoch: Decimal,
    pub net_apy_pct: Decimal,
    /// What the delegator earns over the horizon, compounded every epoch.
    pub earned: Amount,
    /// What the validator takes from this stake over the horizon: its income from it.
    pub take_paid: Amount,
    /// How much less than the best row.
    pub gap: Amount,
    /// If the validator raises its take to the maximum as soon as the rate limit allows (30
    /// days after its last change): earnings then, and what the raise costs. `None` when it is
    /// at the maximum already.
    pub raised: Option<(Amount, Amount)>,
    /// Earnings (alpha) over time for the chart: `(day, alpha)`.
    pub curve: Vec<(u32, Decimal)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub rows: Vec<DelegateResult>,
    pub epochs: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DelegationError {
    NoDelegates,
    TooMany,
    NoStake,
    OutOfRange,
}

impl fmt::Display for DelegationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DelegationError::NoDelegates => write!(f, "Add at least one validator to compare."),
            DelegationError::TooMany => write!(f, "Compare at most {MAX_DELEGATES} validators."),
            DelegationError::NoStake => write!(
                f,
                "Nobody is staked to share the rewards: the total stake must be more than 0."
            ),
            DelegationError::OutOfRange => write!(
                f,
                "These numbers are beyond what the calculator can compute."
            ),
        }
    }
}

impl From<OutOfRange> for DelegationError {
    fn from(_: OutOfRange) -> Self {
        DelegationError::OutOfRange
    }
}

/// What a delegator keeps of the dividends: `(1 - childkey take) (1 - take)`.
pub fn kept_share(take: Decimal, childkey_take: Decimal) -> Result<Decimal, OutOfRange> {
    checked((Decimal::ONE - childkey_take).try_mul(Decimal::ONE - take))
}

/// Days until a validator whose take last changed `days_since_change` days ago may raise it.
pub fn days_until_raise(days_since_change: u32) -> u32 {
    take_rate_limit_days().saturating_sub(days_since_change)
}

/// The per-epoch rate a delegator keeps with this validator: its observed APY turned into a
/// per-epoch rate, or `V (1 - childkey take) (1 - take) vtrust / A_v`.
pub fn delegator_rate(
    delegate: &Delegate,
    pool_per_epoch: Decimal,
    stake_total: Decimal,
    epoch_blocks: u32,
) -> Result<Decimal, DelegationError> {
    if let Some(observed) = delegate.observed_apy {
        return Ok(rate_from_apy(observed, epoch_blocks)?);
    }
    if stake_total <= Decimal::ZERO {
        return Err(DelegationError::NoStake);
    }
    let kept = kept_share(delegate.take, delegate.childkey_take)?;
    Ok(checked(
        pool_per_epoch
            .try_mul(kept)
            .and_then(|v| v.try_mul(delegate.vtrust))
            .and_then(|v| v.try_div(stake_total)),
    )?)
}

/// `(1 + r)^n - 1`.
fn growth(rate: Decimal, epochs: u64) -> Result<Decimal, DelegationError> {
    Ok(expm1(checked(ln1p(rate)?.try_mul(Decimal::from(epochs)))?)?)
}

/// The rate with the take raised to the maximum: the gross (and the childkey's share) is
/// unchanged, only the delegate take's kept share moves.
fn raised_rate(rate: Decimal, take: Decimal) -> Result<Decimal, DelegationError> {
    Ok(checked(
        rate.try_mul(Decimal::ONE - max_take())
            .and_then(|v| v.try_div(Decimal::ONE - take)),
    )?)
}

pub fn compare(inputs: &DelegationInputs) -> Result<Comparison, DelegationError> {
    if inputs.delegates.is_empty() {
        return Err(DelegationError::NoDelegates);
    }
    if inputs.delegates.len() > MAX_DELEGATES {
        return Err(DelegationError::TooMany);
    }
    let epochs = epochs_in_days(inputs.days, inputs.epoch_blocks);
    let amount = |alpha: Decimal| -> Result<Amount, DelegationError> {
        let tao = checked(alpha.try_mul(inputs.price))?;
        Ok(Amount { alpha, tao })
    };
    let stake = inputs.stake_alpha;
    let mut rows = Vec::with_capacity(inputs.delegates.len());
    for (index, delegate) in inputs.delegates.iter().enumerate() {
        let rate = delegator_rate(
            delegate,
            inputs.pool_per_epoch,
            inputs.stake_total,
            inputs.epoch_blocks,
        )?;
        let earned = checked(stake.try_mul(growth(rate, epochs)?))?;
        // Each epoch the validator keeps take/(1 - take) of what the delegator is paid.
        let take_paid = checked(
            earned
                .try_mul(delegate.take)
                .and_then(|v| v.try_div(Decimal::ONE - delegate.take)),
        )?;
        let raised = if delegate.take < max_take() {
            let wait = days_until_raise(delegate.days_since_take_change);
            let first = epochs.min(epochs_in_days(wait, inputs.epoch_blocks));
            let later = raised_rate(rate, delegate.take)?;
            let factor = checked(
                (growth(rate, first)? + Decimal::ONE)
                    .try_mul(growth(later, epochs - first)? + Decimal::ONE),
            )?;
            let raised_earned = checked(stake.try_mul(factor - Decimal::ONE))?;
            Some((
                amount(raised_earned)?,
                amount(checked(earned.try_sub(raised_earned))?)?,
            ))
        } else {
            None
        };
        let curve = (0..=24u32)
            .map(|i| {
                let day = inputs.days * i / 24;
                let e = epochs_in_days(day, inputs.epoch_blocks);
                Ok((day, checked(stake.try_mul(growth(rate, e)?))?))
            })
            .collect::<Result<Vec<_>, DelegationError>>()?;
        rows.push(DelegateResult {
            index,
            rank: 0,
            rate_per_epoch: rate,
            net_apy_pct: checked(apy(rate, inputs.epoch_blocks)?.try_mul(Decimal::ONE_HUNDRED))?,
            earned: amount(earned)?,
            take_paid: amount(take_paid)?,
            gap: amount(Decimal::ZERO)?,
            raised,
            curve,
        });
    }
    let best = rows
        .iter()
        .map(|r| r.earned.alpha)
        .max()
        .unwrap_or_default();
    let mut order: Vec<usize> = (0..rows.len()).collect();
    crate::model::order::sort_by(&mut order, |&a, &b| {
        rows[b]
            .earned
            .alpha
            .cmp(&rows[a].earned.alpha)
            .then(a.cmp(&b))
    });
    for (rank, &i) in order.iter().enumerate() {
        rows[i].rank = rank + 1;
    }
    for row in &mut rows {
        row.gap = amount(checked(best.try_sub(row.earned.alpha))?)?;
    }
    Ok(Comparison { rows, epochs })
}

#[cfg(test)]
mod tests;
