//! The history figures of the returns page (issue 33), each a value or the sentence that
//! stands in its place: the realised APY over 1, 7 and 30 days and the chosen window
//! (`model::staking::realised`), and the backtest (`model::staking::backtest`), from a
//! `History` read from an archive node. Today is the history's last block.

use crate::calc::returns::history::date::MS_PER_DAY;
use crate::calc::returns::history::form::{From, HistoryForm};
use crate::calc::returns::history::points::{accounting, point};
use crate::model::num::units::rao_to_decimal;
use crate::model::staking::backtest::{backtest, Backtest};
use crate::model::staking::realised::{realised, Realised};
use crate::snapshot::history::{BlockState, History};
use rust_decimal::Decimal;

/// The realised-yield windows always shown, days.
pub const REALISED_DAYS: [u32; 3] = [1, 7, 30];
/// How far after its target a block may be and still be "the first block at or after" it: the
/// reader finds that block itself, so anything later means it is missing from the history.
pub const TOLERANCE_MS: u64 = 3_600_000;

pub const APY_1: &str = "returns-realised-apy-1";
pub const APY_7: &str = "returns-realised-apy-7";
pub const APY_30: &str = "returns-realised-apy-30";
pub const WINDOW: &str = "returns-realised-window";
pub const ENTRY_ALPHA: &str = "returns-backtest-entry-alpha";
pub const ALPHA_NOW: &str = "returns-backtest-alpha-now";
pub const EXIT_TAO: &str = "returns-backtest-exit-tao";
pub const VS_ROOT: &str = "returns-backtest-vs-root";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryFigures {
    /// `(days, result)` for 1, 7 and 30 days.
    pub realised: Vec<(u32, Result<Realised, String>)>,
    /// The `window_days` window, when asked.
    pub window: Option<Result<Realised, String>>,
    /// The backtest, when a start is asked.
    pub backtest: Option<Result<Backtest, String>>,
}

/// The first block of `history` at or after `target_ms`, if the history holds it.
pub fn block_at_or_after(history: &History, target_ms: u64) -> Result<&BlockState, String> {
    let found = history.points.iter().find(|p| p.timestamp_ms >= target_ms);
    match found {
        Some(p) if p.timestamp_ms - target_ms <= TOLERANCE_MS => Ok(p),
        _ => Err(
            "The archive read holds no block for that time: read the history again.".to_string(),
        ),
    }
}

fn last(history: &History) -> Result<&BlockState, String> {
    history
        .points
        .last()
        .ok_or_else(|| "The archive read returned no block.".to_string())
}

/// The realised yield over the `days` to the history's last block.
pub fn realised_over(history: &History, days: u32) -> Result<Realised, String> {
    let end = last(history)?;
    let span = u64::from(days) * MS_PER_DAY;
    let target = end.timestamp_ms.checked_sub(span).ok_or_else(|| {
        format!(
            "The chain has no block {days} days before block {}.",
            end.number
        )
    })?;
    let start = block_at_or_after(history, target)?;
    realised(&accounting(start)?, &accounting(end)?, days)
}

fn start_of(history: &History, from: From) -> Result<&BlockState, String> {
    match from {
        From::Date(day) => block_at_or_after(history, day.midnight_ms()),
        From::Block(n) => history
            .points
            .iter()
            .find(|p| p.number == n)
            .ok_or_else(|| format!("The archive read holds no block {n}: read the history again.")),
    }
}

fn run_backtest(
    history: &History,
    form: &HistoryForm,
    from: From,
    amount_rao: u64,
) -> Result<Backtest, String> {
    let t0 = start_of(history, from)?;
    let t1 = match form.to_date.value.clone()? {
        Some(day) => block_at_or_after(history, day.midnight_ms())?,
        None => last(history)?,
    };
    if t1.number <= t0.number {
        return Err(format!(
            "The backtest must end after it starts: block {} is not after block {}.",
            t1.number, t0.number
        ));
    }
    // A block whose shares cannot be read is left out of the chart; its sentence shows if it
    // is an end.
    let samples: Vec<_> = history
        .points
        .iter()
        .filter_map(|p| point(p).ok())
        .collect();
    backtest(amount_rao, &point(t0)?, &point(t1)?, &samples).map_err(|e| e.to_string())
}

/// Every history figure of `amount_rao` TAO staked through the form's validator.
pub fn compute(history: &History, form: &HistoryForm, amount_rao: u64) -> HistoryFigures {
    let checked = form.hotkey.value.clone().and_then(|hotkey| {
        if hotkey == history.hotkey {
            Ok(())
        } else {
            Err(format!(
                "The history read is of another validator ({}): read it again for this one.",
                history.hotkey
            ))
        }
    });
    let each = |f: &dyn Fn() -> Result<Realised, String>| checked.clone().and_then(|_| f());
    let realised = REALISED_DAYS
        .iter()
        .map(|&d| (d, each(&|| realised_over(history, d))))
        .collect();
    let window = match &form.window_days.value {
        Ok(None) => None,
        Ok(Some(d)) => Some(each(&|| realised_over(history, *d))),
        Err(e) => Some(Err(e.clone())),
    };
    let backtest = match form.from() {
        Ok(None) => None,
        Ok(Some(from)) => Some(
            checked
                .clone()
                .and_then(|_| run_backtest(history, form, from, amount_rao)),
        ),
        Err(e) => Some(Err(e)),
    };
    HistoryFigures {
        realised,
        window,
        backtest,
    }
}

impl HistoryFigures {
    /// Each figure by test id with its full-precision value (percent, alpha or TAO) or the
    /// sentence in its place; `None`: not asked (no window, no backtest, no root pricing asked).
    pub fn values(&self) -> Vec<(&'static str, Option<Result<Decimal, String>>)> {
        let apy =
            |r: &Result<Realised, String>| r.as_ref().map(|r| r.apy_pct).map_err(Clone::clone);
        let ids = [APY_1, APY_7, APY_30];
        let mut out: Vec<_> = self
            .realised
            .iter()
            .zip(ids)
            .map(|((_, r), id)| (id, Some(apy(r))))
            .collect();
        out.push((WINDOW, self.window.as_ref().map(apy)));
        let pick = |f: fn(&Backtest) -> Result<Decimal, String>| {
            self.backtest
                .as_ref()
                .map(|b| b.as_ref().map_err(Clone::clone).and_then(f))
        };
        out.push((ENTRY_ALPHA, pick(|b| Ok(rao_to_decimal(b.entry_alpha_rao)))));
        out.push((ALPHA_NOW, pick(|b| Ok(rao_to_decimal(b.alpha_now_rao)))));
        out.push((EXIT_TAO, pick(|b| Ok(rao_to_decimal(b.exit_tao_rao)))));
        out.push((
            VS_ROOT,
            pick(|b| {
                b.root_tao_rao.map(rao_to_decimal).ok_or_else(|| {
                    "Root staking is priced only by runtimes with baskets (spec 461 on) at both blocks."
                        .to_string()
                })
            }),
        ));
        out
    }

    /// The value of one test id (see `values`).
    pub fn value(&self, testid: &str) -> Option<Result<Decimal, String>> {
        self.values().into_iter().find(|(id, _)| *id == testid)?.1
    }
}
