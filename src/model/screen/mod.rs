//! The screener: one subnet's figures at the user's size, each from the function the single
//! calculators use, so a row and the returns / pool calculator opened from it agree: the
//! entry, yield, result and break-even of `staking::returns::headline`, the exit leg's quote
//! (`pool::quote`), the largest trades within a slippage (`pool::curve`), and the size from
//! which the position ends the holding period at a loss (`cost_vs_yield`).

pub mod cost_vs_yield;

use crate::model::pool::curve::max_trade_for_slippage;
use crate::model::pool::quote::{quote, Quote};
use crate::model::pool::rejection::Rejection;
use crate::model::pool::side::Side;
use crate::model::pool::trade::{execute, TradeRequest};
use crate::model::pool::Pool;
use crate::model::staking::returns::{headline, ExitFrom, Headline, ReturnsError, ReturnsInputs};
use cost_vs_yield::{cost_over_yield, CostOverYield};
use rust_decimal::Decimal;

/// The most one can sell within the slippage, and what it returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MaxExit {
    pub alpha_rao: u64,
    pub tao_rao: u64,
}

/// The figures that depend on the position: entry, yield, result, break-even and the exit leg.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PositionFigures {
    /// Entry, APY, the result after the holding period and the break-even, or why the chain
    /// refuses the position (`ReturnsError::Entry` when the pool cannot take the amount).
    pub headline: Result<Headline, ReturnsError>,
    /// Selling the alpha bought at once, into the pool the returns calculator's exit meets
    /// (today's, or the one the entry left): the exit leg's cost (`None` without an entry).
    pub exit: Option<Result<Quote, Rejection>>,
}

/// The largest trades within a slippage, which depend on the pool only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DepthFigures {
    /// The largest stake (TAO, rao) within the slippage; `None` when not even the smallest
    /// trade is (or the pool does not swap).
    pub max_stake_rao: Result<Option<u64>, Rejection>,
    pub max_exit: Result<Option<MaxExit>, Rejection>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScreenRow {
    pub position: PositionFigures,
    pub depth: DepthFigures,
    pub cost_over_yield: Result<CostOverYield, ReturnsError>,
}

pub fn position_figures(inputs: &ReturnsInputs) -> PositionFigures {
    let headline = headline(inputs);
    let exit = headline.as_ref().ok().and_then(|h| {
        h.entry.as_ref().map(|entry| {
            let exit_pool = match inputs.exit_from {
                ExitFrom::Entry => &entry.swap.pool_after,
                ExitFrom::Before => &inputs.pool,
            };
            quote(exit_pool, &closing_sale(entry.swap.out_rao))
        })
    });
    PositionFigures { headline, exit }
}

/// `max_slip_pct` in percent, fee included.
pub fn depth_figures(pool: &Pool, max_slip_pct: Decimal) -> DepthFigures {
    let max_exit = max_trade_for_slippage(pool, Side::Unstake, max_slip_pct).and_then(|most| {
        most.map(|alpha_rao| {
            execute(pool, &closing_sale(alpha_rao)).map(|swap| MaxExit {
                alpha_rao,
                tao_rao: swap.out_rao,
            })
        })
        .transpose()
    });
    DepthFigures {
        max_stake_rao: max_trade_for_slippage(pool, Side::Stake, max_slip_pct),
        max_exit,
    }
}

/// One subnet's whole row.
pub fn screen_row(inputs: &ReturnsInputs, max_slip_pct: Decimal) -> ScreenRow {
    ScreenRow {
        position: position_figures(inputs),
        depth: depth_figures(&inputs.pool, max_slip_pct),
        cost_over_yield: cost_over_yield(inputs),
    }
}

/// Selling all of `alpha_rao` (a position closed, so no minimum is left behind).
fn closing_sale(alpha_rao: u64) -> TradeRequest {
    TradeRequest {
        side: Side::Unstake,
        amount_rao: alpha_rao,
        protection: None,
        closes_position: true,
    }
}
