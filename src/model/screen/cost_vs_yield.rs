//! The stake size from which getting in and out costs more than the holding period yields:
//! the explainers' "at $100K the round trip eats the year" question, asked of one subnet with
//! exactly the returns calculator's figures.
//!
//! At size S the returns calculator's position is staked, grows over the holding period (the
//! same growth model, its own stake diluting its rewards), follows the price scenario and is
//! sold into the same exit pool (`staking::returns::surplus_at_horizon`, the headline's net
//! result): the size is costly when that net result is a loss. So the threshold, the count of
//! costly subnets and the net column of the same inputs cannot disagree. The loss's share of S
//! grows with S (more slippage both ways, more dilution), so there is one crossing; false
//! position (Illinois) on the net result's share finds it to within 0.01 %.

use crate::model::num::dec::DecimalOps;
use crate::model::num::precise::checked;
use crate::model::num::wide::isqrt;
use crate::model::pool::curve::largest_trade;
use crate::model::pool::ellipse_swap::capacity;
use crate::model::pool::side::Side;
use crate::model::pool::trade::min_stake_gross_rao;
use crate::model::staking::returns::{surplus_at_horizon, ReturnsError, ReturnsInputs, Start};
use primitive_types::U256;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The answer's width: the crossing lies within this share below it.
const PRECISION: u64 = 10_000;
/// A bound on the search's steps; false position needs about ten.
const MOST_STEPS: u32 = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CostOverYield {
    /// Even the smallest stake the chain takes ends the period at a loss (the yield is below
    /// the two fees, or the price scenario falls further).
    AtAnySize,
    /// From this size up (TAO, rao) the position ends the period at a loss.
    Above(u64),
    /// Not at any size the pool takes, or the pool does not swap (root).
    Never,
}

/// The loss after the holding period as a share of `size_rao` (negative for a gain; a whole
/// loss when the chain would refuse the exit); `None` when it refuses the stake at that size.
fn excess(inputs: &ReturnsInputs, size_rao: u64) -> Result<Option<Decimal>, ReturnsError> {
    let at_size = ReturnsInputs {
        start: Start::Tao(size_rao),
        ..*inputs
    };
    let surplus = match surplus_at_horizon(&at_size) {
        Ok(Some(s)) => s,
        // An exit the chain refuses: nothing comes back, as bad as a whole loss.
        Ok(None) => return Ok(Some(Decimal::ONE)),
        Err(ReturnsError::Entry(_)) => return Ok(None),
        Err(e) => return Err(e),
    };
    let loss = Decimal::from_i128_with_scale(-surplus, 0);
    Ok(Some(checked(loss.try_div(Decimal::from(size_rao)))?))
}

/// The size from which the position of `inputs` (its start replaced by each size tried) ends
/// the holding period at a loss.
pub fn cost_over_yield(inputs: &ReturnsInputs) -> Result<CostOverYield, ReturnsError> {
    let pool = &inputs.pool;
    let excess = |size| excess(inputs, size);
    let Some(mut high) = largest_trade(pool, Side::Stake) else {
        return Ok(CostOverYield::Never);
    };
    if let Some(Ok(most)) = capacity(pool, Side::Stake) {
        high = high.min(most);
    }
    // The smallest stake the chain takes (0.002 TAO and the fee on it).
    let mut low = min_stake_gross_rao(pool);
    if high <= low {
        return Ok(CostOverYield::Never);
    }
    let Some(mut f_low) = excess(low)? else {
        return Ok(CostOverYield::Never);
    };
    if f_low > Decimal::ZERO {
        return Ok(CostOverYield::AtAnySize);
    }
    // The largest size is tried only if the search gets there (it says whether there is a
    // crossing at all).
    let mut f_high: Option<Decimal> = None;
    // Small stakes (a thousandth of the pool) cost and yield in nearly straight lines: their
    // chord's zero is a first guess, and the true crossing lies a little beyond it (slippage
    // grows slower than a straight line), so step up from it by doublings.
    let probe = (pool.tao_rao / 1_000).max(low.saturating_mul(4));
    if probe < high {
        match excess(probe)? {
            Some(f) if f > Decimal::ZERO => (high, f_high) = (probe, Some(f)),
            Some(f) => {
                let slope_share = checked((-f).try_div(checked(f.try_sub(f_low))?))?;
                let ahead = checked(Decimal::from(probe - low).try_mul(slope_share))?
                    .to_u64()
                    .unwrap_or(u64::MAX);
                (low, f_low) = (probe, f);
                let mut guess = probe.saturating_add(ahead);
                while guess < high && high / 4 > low {
                    match excess(guess)? {
                        Some(f) if f > Decimal::ZERO => {
                            (high, f_high) = (guess, Some(f));
                            break;
                        }
                        Some(f) => (low, f_low) = (guess, f),
                        None => return Ok(CostOverYield::Never),
                    }
                    guess = guess.saturating_mul(2);
                }
            }
            None => return Ok(CostOverYield::Never),
        }
    }
    let mut f_high = match f_high {
        Some(f) => f,
        None => match excess(high)? {
            Some(f) if f > Decimal::ZERO => f,
            _ => return Ok(CostOverYield::Never),
        },
    };
    // Halve the bracket's logarithm until its ends are within a factor of four: the chord is
    // no guide across decades. Then false position, which the nearly straight shares suit.
    while high / 4 > low {
        let mid = isqrt(U256::from(low) * U256::from(high))
            .try_into()
            .unwrap_or(high / 2);
        match excess(mid)? {
            Some(f) if f > Decimal::ZERO => (high, f_high) = (mid, f),
            Some(f) => (low, f_low) = (mid, f),
            None => return Ok(CostOverYield::Never),
        }
    }
    let mut kept = 0i8;
    for _ in 0..MOST_STEPS {
        if high - low <= (high / PRECISION).max(1) {
            break;
        }
        // The chord's zero, kept inside the bracket.
        let share = checked((-f_low).try_div(checked(f_high.try_sub(f_low))?))?;
        let step = checked(Decimal::from(high - low).try_mul(share))?
            .ceil()
            .to_u64()
            .unwrap_or(1)
            .clamp(1, high - low - 1);
        let guess = low + step;
        match excess(guess)? {
            Some(f) if f > Decimal::ZERO => {
                (high, f_high) = (guess, f);
                if kept == 1 {
                    f_low = checked(f_low.try_div(Decimal::TWO))?;
                }
                kept = 1;
            }
            Some(f) => {
                (low, f_low) = (guess, f);
                if kept == -1 {
                    f_high = checked(f_high.try_div(Decimal::TWO))?;
                }
                kept = -1;
            }
            None => return Ok(CostOverYield::Never),
        }
    }
    Ok(CostOverYield::Above(high))
}
