//! The stake size above which getting in and out costs more than a year's yield: the
//! explainers' "at $100K the round trip eats the year" question, asked of one subnet.
//!
//! At size S: the cost is what staking S and selling the alpha back loses (both fees and both
//! slippages, `pool::round_trip::stake_and_sell`), into the pool the exit meets in the returns
//! calculator (today's, or the one the stake left); the yield is a year of the returns calculator's APY
//! on that alpha, valued at today's spot price. The cost's share of S grows with S and the
//! yield's shrinks (more slippage, and a bigger stake dilutes its own rewards), so there is
//! one crossing; false position (Illinois) on the difference of the two shares finds it to
//! within 0.01 %.

use crate::model::num::dec::DecimalOps;
use crate::model::num::precise::checked;
use crate::model::num::units::rao_to_decimal;
use crate::model::num::wide::isqrt;
use crate::model::pool::curve::largest_trade;
use crate::model::pool::ellipse_swap::capacity;
use crate::model::pool::round_trip::{stake_and_sell, SellInto};
use crate::model::pool::side::Side;
use crate::model::pool::Pool;
use crate::model::staking::emission::apy;
use crate::model::staking::returns::{first_rate, ExitFrom, ReturnsError, YieldSpec};
use primitive_types::U256;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Where the search starts: 0.001 TAO.
const SMALLEST_RAO: u64 = 1_000_000;
/// The answer's width: the crossing lies within this share below it.
const PRECISION: u64 = 10_000;
/// A bound on the search's steps; false position needs about ten.
const MOST_STEPS: u32 = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CostOverYield {
    /// Even 0.001 TAO costs more to get in and out than a year pays (the yield is below the
    /// two fees).
    AtAnySize,
    /// From this size up (TAO, rao) the round trip costs more than a year's yield.
    Above(u64),
    /// Not at any size the pool takes, or the pool does not swap (root).
    Never,
}

/// Round-trip cost minus a year's yield (at `spot`, TAO per alpha), as a share of `size_rao`;
/// `None` when the pool refuses the round trip.
fn excess(
    pool: &Pool,
    spot: Decimal,
    spec: YieldSpec,
    epoch_blocks: u32,
    sell_into: SellInto,
    size_rao: u64,
) -> Result<Option<Decimal>, ReturnsError> {
    let Ok((alpha_rao, back_rao)) = stake_and_sell(pool, size_rao, sell_into) else {
        return Ok(None);
    };
    let alpha = rao_to_decimal(alpha_rao);
    let year = apy(first_rate(spec, alpha, epoch_blocks)?, epoch_blocks)?;
    let size = rao_to_decimal(size_rao);
    let yield_tao = checked(alpha.try_mul(spot).and_then(|v| v.try_mul(year)))?;
    let cost = rao_to_decimal(size_rao.saturating_sub(back_rao));
    Ok(Some(checked(
        cost.try_sub(yield_tao).and_then(|v| v.try_div(size)),
    )?))
}

/// The size from which the round trip costs more than a year's yield on `pool`.
pub fn cost_over_yield(
    pool: &Pool,
    spec: YieldSpec,
    epoch_blocks: u32,
    exit_from: ExitFrom,
) -> Result<CostOverYield, ReturnsError> {
    let sell_into = match exit_from {
        ExitFrom::Entry => SellInto::AfterStake,
        ExitFrom::Before => SellInto::Today,
    };
    let spot = pool.spot_price();
    let excess = |size| excess(pool, spot, spec, epoch_blocks, sell_into, size);
    let Some(mut high) = largest_trade(pool, Side::Stake) else {
        return Ok(CostOverYield::Never);
    };
    if let Some(Ok(most)) = capacity(pool, Side::Stake) {
        high = high.min(most);
    }
    let mut low = SMALLEST_RAO;
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
