//! A stake replayed from the chain's own past (issue 33): AMOUNT TAO staked into a subnet
//! through a validator at block t0 and held until t1. The entry is the chain's stake swap in
//! the pool of t0 (its curve and fee, `model::pool::trade`), the alpha grows by the validator's
//! alpha-per-share ratio between the blocks (`realised`, SPEC §5), floored to the rao as the
//! share pool pays it, and the exit is the unstake of the whole position into the pool of t1.
//! Against root: the same TAO staked on root with the validator, worth `price1 / price0` of it
//! where both runtimes price root stake (`BetaBasketRuntimeApi_get_beta_pricing`, SPEC §2).

use crate::model::pool::fill::Swap;
use crate::model::pool::rejection::Rejection;
use crate::model::pool::side::Side;
use crate::model::pool::trade::{execute, TradeRequest};
use crate::model::pool::Pool;
use crate::model::staking::realised::{growth, Accounting, Exact};
use primitive_types::U512;
use rust_decimal::Decimal;
use std::fmt;

/// Why a backtest has no result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BacktestError {
    /// The subnet had no pool at that block, or its stored values make none.
    NoPool { block: u64, why: String },
    /// The validator's stake accounting gives no growth (not registered then, …).
    Growth(String),
    /// The chain would refuse the stake at t0.
    Entry { block: u64, rejection: Rejection },
    /// The chain would refuse the unstake at t1.
    Exit { block: u64, rejection: Rejection },
    /// The grown alpha does not fit in u64 (far beyond any real position).
    OutOfRange,
}

impl fmt::Display for BacktestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BacktestError::NoPool { block, why } => {
                write!(
                    f,
                    "The subnet had no pool to trade in at block {block}: {why}"
                )
            }
            BacktestError::Growth(why) => write!(f, "{why}"),
            BacktestError::Entry { block, rejection } => {
                write!(
                    f,
                    "The stake at block {block} would be refused: {rejection}"
                )
            }
            BacktestError::Exit { block, rejection } => {
                write!(
                    f,
                    "The unstake at block {block} would be refused: {rejection}"
                )
            }
            BacktestError::OutOfRange => write!(
                f,
                "The position grew beyond what the calculator can hold exactly."
            ),
        }
    }
}

/// One point of the exit-value series: the position sold into that block's pool.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sample {
    pub block: u64,
    pub timestamp_ms: u64,
    /// The position's alpha then, or why there is none.
    pub alpha_rao: Result<u64, String>,
    /// What unstaking it all there returns, rao, or why the chain would refuse.
    pub exit_tao_rao: Result<u64, String>,
}

/// What a backtest needs of one block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Point {
    pub accounting: Accounting,
    /// `Timestamp::Now`, ms since the epoch.
    pub timestamp_ms: u64,
    /// The subnet's pool: `None` when the subnet did not exist then, `Err` when the stored
    /// values make none.
    pub pool: Option<Result<Pool, String>>,
    /// The chain's price of 1 TAO staked on root with the validator, where the runtime has it.
    pub root_stake_price: Option<Decimal>,
}

impl Point {
    pub fn block(&self) -> u64 {
        self.accounting.block
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backtest {
    pub amount_rao: u64,
    pub entry: Swap,
    /// Alpha the stake bought at t0.
    pub entry_alpha_rao: u64,
    /// `aps(t1) / aps(t0)`.
    pub growth: Exact,
    /// `floor(entry alpha × growth)`.
    pub alpha_now_rao: u64,
    pub exit: Swap,
    /// TAO the unstake at t1 returns.
    pub exit_tao_rao: u64,
    /// Exit minus the TAO kept instead, rao.
    pub net_rao: i128,
    /// The same TAO on root with the validator: `floor(amount × price1 / price0)`; `None` when
    /// either block's runtime has no root pricing.
    pub root_tao_rao: Option<u64>,
    pub series: Vec<Sample>,
}

fn pool_at(state: &Point) -> Result<Pool, BacktestError> {
    let no_pool = |why: String| BacktestError::NoPool {
        block: state.block(),
        why,
    };
    match &state.pool {
        None => Err(no_pool("the subnet did not exist then.".to_string())),
        Some(pool) => pool.clone().map_err(no_pool),
    }
}

/// `alpha` staked at `t0` grown to `t` and sold into `t`'s pool (the whole position).
fn exit_at(t0: &Point, t: &Point, alpha: u64) -> Result<(Exact, u64, Swap), BacktestError> {
    let g = growth(&t0.accounting, &t.accounting).map_err(BacktestError::Growth)?;
    let grown = g.floor_of(alpha).ok_or(BacktestError::OutOfRange)?;
    let pool = pool_at(t)?;
    let request = TradeRequest {
        side: Side::Unstake,
        amount_rao: grown,
        protection: None,
        closes_position: true,
    };
    let exit = execute(&pool, &request).map_err(|rejection| BacktestError::Exit {
        block: t.block(),
        rejection,
    })?;
    Ok((g, grown, exit))
}

/// `floor(amount × price1 / price0)` from the Decimals' mantissas, exactly.
fn root_value(amount: u64, p0: Decimal, p1: Decimal) -> Option<u64> {
    if p0 <= Decimal::ZERO || p1 < Decimal::ZERO {
        return None;
    }
    let m0 = U512::from(u128::try_from(p0.mantissa()).ok()?);
    let m1 = U512::from(u128::try_from(p1.mantissa()).ok()?);
    let ten = U512::from(10u8);
    let num = U512::from(amount) * m1 * ten.pow(U512::from(p0.scale()));
    let den = m0 * ten.pow(U512::from(p1.scale()));
    let q = num / den;
    (q <= U512::from(u64::MAX)).then(|| q.low_u64())
}

/// The backtest of `amount_rao` TAO staked at `t0` and held until `t1`, with the exit value at
/// every one of `samples` between them (inclusive; the others are skipped).
pub fn backtest(
    amount_rao: u64,
    t0: &Point,
    t1: &Point,
    samples: &[Point],
) -> Result<Backtest, BacktestError> {
    let entry_pool = pool_at(t0)?;
    let entry = execute(&entry_pool, &TradeRequest::plain(Side::Stake, amount_rao)).map_err(
        |rejection| BacktestError::Entry {
            block: t0.block(),
            rejection,
        },
    )?;
    let entry_alpha_rao = entry.out_rao;
    let (g, alpha_now_rao, exit) = exit_at(t0, t1, entry_alpha_rao)?;
    let root_tao_rao = match (t0.root_stake_price, t1.root_stake_price) {
        (Some(p0), Some(p1)) => root_value(amount_rao, p0, p1),
        _ => None,
    };
    let series = samples
        .iter()
        .filter(|s| s.block() >= t0.block() && s.block() <= t1.block())
        .map(|s| {
            let point = exit_at(t0, s, entry_alpha_rao);
            Sample {
                block: s.block(),
                timestamp_ms: s.timestamp_ms,
                alpha_rao: growth(&t0.accounting, &s.accounting)
                    .map_err(|e| e.to_string())
                    .and_then(|g| {
                        g.floor_of(entry_alpha_rao)
                            .ok_or_else(|| BacktestError::OutOfRange.to_string())
                    }),
                exit_tao_rao: point.map(|(_, _, x)| x.out_rao).map_err(|e| e.to_string()),
            }
        })
        .collect();
    Ok(Backtest {
        amount_rao,
        entry_alpha_rao,
        growth: g,
        alpha_now_rao,
        exit_tao_rao: exit.out_rao,
        net_rao: i128::from(exit.out_rao) - i128::from(amount_rao),
        entry,
        exit,
        root_tao_rao,
        series,
    })
}
