//! A staked position from entry to exit (SPEC §2, "net return of a real position"): TAO in
//! through the pool (fee and slippage), alpha compounding every epoch, the alpha price following
//! the user's path, and alpha out through the pool at the end (fee and slippage again). On a
//! thin pool the two swaps can eat the whole yield; the break-even time says when it pays.

use crate::model::num::dec::DecimalOps;
use crate::model::num::precise::{checked, ln};
use crate::model::num::ratio::rao_ratio;
use crate::model::num::units::rao_to_decimal;
use crate::model::pool::quote::{quote, Quote};
use crate::model::pool::rejection::Rejection;
use crate::model::pool::side::Side;
use crate::model::pool::trade::{execute, TradeRequest};
use crate::model::pool::Pool;
use crate::model::staking::emission::{apr, apy, epochs_per_day};
use crate::model::staking::growth::Growth;
use primitive_types::U256;
use rust_decimal::Decimal;

mod breakeven;
mod error;
mod path;
mod rate;

pub use error::ReturnsError;
pub use rate::{first_rate, growth_of};

use path::Path;

/// The longest horizon considered: a break-even beyond it is "not within 5 years".
pub const MAX_DAYS: u32 = 5 * 365;
/// The horizons of the summary table.
pub const TABLE_DAYS: [u32; 5] = [1, 7, 30, 90, 365];
/// Points of the exit-value curve.
const CURVE_POINTS: u32 = 32;

/// What the position starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    /// TAO to stake through the pool, rao.
    Tao(u64),
    /// Alpha already held, rao: no entry swap; the yardstick is selling it now.
    Alpha(u64),
}

/// From which pool state the exit is priced (SPEC §2: say which is shown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitFrom {
    /// The pool as your own entry left it, then the price scenario: an exit at once is the
    /// chain's immediate unstake, losing only the fees and the rounding.
    Entry,
    /// The pool as it was before your stake, then the price scenario: the price returns to
    /// where it was, and your entry's price impact is lost.
    Before,
}

impl ExitFrom {
    pub fn as_param(self) -> &'static str {
        match self {
            ExitFrom::Entry => "entry",
            ExitFrom::Before => "before",
        }
    }
}

/// Where the yield comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YieldSpec {
    /// A yield the user observed (fraction): a constant per-epoch rate that compounds to it.
    Observed { apy: Decimal },
    /// The chain's split: `V (1 - take) vtrust` shared over the stake.
    Derived {
        /// V: alpha (TAO on root) for validators and stakers per epoch.
        pool_per_epoch: Decimal,
        /// A_v: the stake sharing it, without a new position of the user's.
        other_stake: Decimal,
        take: Decimal,
        /// The child hotkey's take when the validator works through another owner's child
        /// hotkey (0 when not), taken before `take`.
        childkey_take: Decimal,
        vtrust: Decimal,
        /// Whether everyone else restakes too, so the stake grows by V each epoch.
        others_compound: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReturnsInputs {
    pub pool: Pool,
    pub start: Start,
    /// Holding period, days (1 to 1,825).
    pub days: u32,
    pub yield_spec: YieldSpec,
    /// Blocks per payout.
    pub epoch_blocks: u32,
    /// The alpha price's change over `days`, a fraction (-0.2 is down 20 %). The path is
    /// geometric: after t days the price is `p0 (1 + change)^(min(t, days) / days)`; after the
    /// holding period it is held, never extrapolated.
    pub price_change: Decimal,
    pub exit_from: ExitFrom,
}

/// The position at one horizon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub day: u32,
    /// Payouts received by then.
    pub epochs: u64,
    pub alpha_rao: u64,
    /// Spot price then, TAO per alpha.
    pub price: Decimal,
    /// The alpha valued at that spot price, TAO.
    pub value_at_spot: Decimal,
    /// The unstake at the end, or why the chain would refuse it.
    pub exit: Result<ExitLeg, Rejection>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExitLeg {
    pub tao_rao: u64,
    /// The alpha fee valued at the spot price, TAO.
    pub fee_tao: Decimal,
    /// Value at spot minus what the unstake returns minus the fee, TAO.
    pub slippage_tao: Decimal,
    /// What the unstake returns minus the yardstick (TAO staked, or selling now).
    pub net_tao: Decimal,
    pub net_pct: Decimal,
}

/// The returns page's result: the headline figures, the table of horizons and the chart's curve.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Projection {
    pub headline: Headline,
    pub table: Vec<Outcome>,
    /// Exit value over time for the chart: `(day, TAO)`; days whose exit fails are left out.
    pub curve: Vec<(u32, Decimal)>,
}

/// The figures of a position the screener needs for every subnet: the entry, the yield, the
/// result at the horizon and the break-even. `project` is this plus the table and the curve,
/// so both pages show the same numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Headline {
    /// The stake through the pool, when starting from TAO.
    pub entry: Option<Quote>,
    /// The entry's slippage valued at the spot price, TAO (fee not included).
    pub entry_slippage_tao: Decimal,
    pub alpha_start_rao: u64,
    /// What the result is measured against: the TAO staked, or what selling the alpha now returns.
    pub basis_rao: u64,
    pub growth: Growth,
    pub rate_per_epoch: Decimal,
    pub alpha_per_day: Decimal,
    pub apr_pct: Decimal,
    pub apy_pct: Decimal,
    pub horizon: Outcome,
    /// The first whole day on which exiting returns at least the yardstick; `None` if not
    /// within `MAX_DAYS`.
    pub breakeven_day: Option<u32>,
}

impl Headline {
    /// What the position's alpha grows by over the holding period, %: the yield the period
    /// pays under the growth model (everyone else compounding too, when they do), the figure
    /// the result is built on. Today's rate as an APY (`apy_pct`) assumes nothing changes.
    pub fn period_yield_pct(&self) -> Decimal {
        if self.alpha_start_rao == 0 {
            return Decimal::ZERO;
        }
        let grown = Decimal::from(self.horizon.alpha_rao) / Decimal::from(self.alpha_start_rao);
        (grown - Decimal::ONE) * Decimal::ONE_HUNDRED
    }
}

/// A position set up: its entry, its growth, and its path to any exit day.
struct Setup {
    entry: Option<Quote>,
    entry_slippage_tao: Decimal,
    alpha_start_rao: u64,
    basis_rao: u64,
    growth: Growth,
    rate: Decimal,
    path: Path,
}

fn setup(inputs: &ReturnsInputs) -> Result<Setup, ReturnsError> {
    let (entry, alpha_start_rao, basis_rao, own_new) = match inputs.start {
        Start::Tao(rao) => {
            let q = quote(&inputs.pool, &TradeRequest::plain(Side::Stake, rao))
                .map_err(ReturnsError::Entry)?;
            let alpha = q.swap.out_rao;
            (Some(q), alpha, rao, rao_to_decimal(alpha))
        }
        Start::Alpha(rao) => {
            let request = TradeRequest {
                side: Side::Unstake,
                amount_rao: rao,
                protection: None,
                closes_position: true,
            };
            let now = execute(&inputs.pool, &request).map_err(ReturnsError::SellNow)?;
            (None, rao, now.out_rao, Decimal::ZERO)
        }
    };
    let entry_slippage_tao = match &entry {
        Some(q) => {
            let (p_num, p_den) = inputs.pool.price_ratio();
            let at_spot = rao_ratio(U256::from(q.swap.out_rao) * p_num, p_den)
                .map_err(|_| ReturnsError::OutOfRange)?;
            checked(rao_to_decimal(q.swap.amount_in_rao).try_sub(at_spot))?
        }
        None => Decimal::ZERO,
    };
    let growth = growth_of(inputs.yield_spec, own_new, inputs.epoch_blocks)?;
    let rate = growth.first_rate()?;
    if inputs.price_change <= Decimal::NEGATIVE_ONE {
        return Err(ReturnsError::OutOfRange);
    }
    // The exit's pool: as the entry left it (the chain's state after your stake), or as before.
    let exit_pool = match (&entry, inputs.exit_from) {
        (Some(q), ExitFrom::Entry) => q.swap.pool_after,
        _ => inputs.pool,
    };
    let path = Path {
        pool: exit_pool,
        alpha_start_rao,
        basis_rao,
        growth,
        epoch_blocks: inputs.epoch_blocks,
        days: inputs.days,
        log_change: ln(checked(Decimal::ONE.try_add(inputs.price_change))?)?,
        held_pool: std::cell::OnceCell::new(),
    };
    Ok(Setup {
        entry,
        entry_slippage_tao,
        alpha_start_rao,
        basis_rao,
        growth,
        rate,
        path,
    })
}

/// The position's path from entry to any exit day.
fn position(inputs: &ReturnsInputs) -> Result<(Headline, Path), ReturnsError> {
    let Setup {
        entry,
        entry_slippage_tao,
        alpha_start_rao,
        basis_rao,
        growth,
        rate,
        path,
    } = setup(inputs)?;
    let alpha_per_day = checked(
        rao_to_decimal(alpha_start_rao)
            .try_mul(rate)
            .and_then(|v| v.try_mul(epochs_per_day(inputs.epoch_blocks))),
    )?;
    let hundred = Decimal::ONE_HUNDRED;
    let horizon = path.outcome(inputs.days)?;
    let breakeven_day = path.breakeven(&horizon)?;
    let headline = Headline {
        entry,
        entry_slippage_tao,
        alpha_start_rao,
        basis_rao,
        growth,
        rate_per_epoch: rate,
        alpha_per_day,
        apr_pct: checked(apr(rate, inputs.epoch_blocks)?.try_mul(hundred))?,
        apy_pct: checked(apy(rate, inputs.epoch_blocks)?.try_mul(hundred))?,
        horizon,
        breakeven_day,
    };
    Ok((headline, path))
}

/// What exiting after the holding period returns less what went in, rao (the headline's net
/// result, exactly); `None` when the chain would refuse the exit. The screener's threshold asks
/// it at many sizes, so it skips the table and the break-even.
pub fn surplus_at_horizon(inputs: &ReturnsInputs) -> Result<Option<i128>, ReturnsError> {
    let s = setup(inputs)?;
    s.path.surplus(inputs.days)
}

/// The screener's figures of a position (`project` without the table and the curve).
pub fn headline(inputs: &ReturnsInputs) -> Result<Headline, ReturnsError> {
    position(inputs).map(|(headline, _)| headline)
}

pub fn project(inputs: &ReturnsInputs) -> Result<Projection, ReturnsError> {
    let (h, path) = position(inputs)?;
    let table = TABLE_DAYS
        .iter()
        .map(|&d| path.outcome(d))
        .collect::<Result<Vec<_>, _>>()?;
    let span = h
        .breakeven_day
        .map(|b| b + b / 4 + 1)
        .unwrap_or(inputs.days)
        .max(inputs.days)
        .min(MAX_DAYS);
    let mut curve = Vec::with_capacity(CURVE_POINTS as usize + 1);
    let mut last = None;
    for i in 0..=CURVE_POINTS {
        let day = span * i / CURVE_POINTS;
        if last == Some(day) {
            continue;
        }
        last = Some(day);
        if let Some(tao_rao) = path.exit_rao(day)? {
            curve.push((day, rao_to_decimal(tao_rao)));
        }
    }
    Ok(Projection {
        headline: h,
        table,
        curve,
    })
}
