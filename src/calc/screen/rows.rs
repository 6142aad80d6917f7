//! Every subnet's row at the user's size: the returns calculator's form built for that subnet
//! from the screener's position, read once (so a row equals the returns page it links to), the
//! model's screener figures (`model::screen`), then the search, the depth filter and the order.
//! Pure, so it is tested natively and benchmarked.

use super::form::ScreenForm;
use super::pool_figures::{pool_figures, PoolFigures};
use super::root_row::{basket, Basket};
use super::sort::SortKey;
use crate::calc::returns::form::{Position as ReturnsPosition, ReturnsForm};
use crate::calc::tao_emission::{emissions, Emission};
use crate::model::num::units::rao_to_decimal;
use crate::model::screen::cost_vs_yield::CostOverYield;
use crate::model::screen::position_figures;
use crate::model::staking::returns::{ReturnsError, ReturnsInputs, Start};
use crate::snapshot::Snapshot;
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// The position's figures in a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Position {
    /// Fee and slippage of the stake, % of the amount.
    pub entry_pct: Decimal,
    /// Fee and slippage of selling the alpha straight back, % of its spot value; the refusal
    /// when the chain would not take it.
    pub exit_pct: Result<Decimal, String>,
    /// Today's rate as an APY (secondary: it assumes nothing changes).
    pub apy_pct: Decimal,
    /// What the alpha grows by over the holding period, %: the returns calculator's yield.
    pub period_yield_pct: Decimal,
    /// The result after the holding period with entry and exit: % and TAO.
    pub net: Result<(Decimal, Decimal), String>,
    pub breakeven_day: Option<u32>,
}

/// Why a row has no position figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Missing {
    /// A position parameter does not read: its field says why.
    Fields,
    /// The chain refuses the stake (or cannot value it); the sentence says why.
    Refused(String),
    /// The data lacks a figure the row needs (the chain would take the stake): which one.
    NoData(String),
    /// A superellipse pool past its capacity: filled and refunded TAO.
    Partial { filled: Decimal, refunded: Decimal },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowData {
    pub netuid: u16,
    pub name: String,
    pub symbol: String,
    /// Root: stake without a swap.
    pub root: bool,
    /// TAO in the pool.
    pub depth: Decimal,
    pub position: Result<Position, Missing>,
    /// The largest stake within the slippage, TAO; `None` when the slippage does not read.
    pub max_stake: Option<Result<Option<Decimal>, String>>,
    /// The largest sale within the slippage: alpha and its TAO.
    pub max_exit: Option<Result<Option<(Decimal, Decimal)>, String>>,
    pub cost_yield: Result<CostOverYield, String>,
    /// Its share of the block's TAO and where that goes; `None` when it takes no part (root).
    pub emission: Option<Emission>,
    /// Root's basket claimed at the end (`root_row`); `None` on other subnets and until the
    /// pool figures come.
    pub basket: Option<Basket>,
    /// The pool figures (largest trades, cost-vs-yield) are still being computed: the page
    /// draws the rest first (`rows_from` without them), and these cells say so.
    pub pending: bool,
}

/// What a row shows while its pool figures are being computed.
pub const COMPUTING: &str = "computing";

fn refusal(e: ReturnsError) -> Missing {
    Missing::Refused(e.to_string())
}

/// A subnet's returns calculator at the screener's position, its amount aside: the part of a
/// row that stays while only the amount is typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowInputs {
    pub netuid: u16,
    /// Root: stake without a swap.
    pub root: bool,
    /// The model's inputs at the returns calculator's default amount (`with_amount` puts the
    /// position's in), or why there are none.
    pub inputs: Result<ReturnsInputs, String>,
    /// Its TAO emission (it depends on the data alone).
    pub emission: Option<Emission>,
}

/// The position every row's inputs are built at: the screener's, at the default amount.
pub fn row_position(form: &ScreenForm) -> ReturnsPosition {
    ReturnsPosition {
        amount: ReturnsPosition::read(&|_| None).amount,
        ..form.position()
    }
}

/// Every subnet's returns form holding `held` (from `row_position`), built from typed values
/// (no URL text), in the data's order.
pub fn row_inputs(held: &ReturnsPosition, snapshot: &Snapshot) -> Vec<RowInputs> {
    snapshot
        .subnets
        .iter()
        .zip(emissions(snapshot))
        .map(|(subnet, emission)| {
            let returns = ReturnsForm::for_subnet(held, subnet.netuid, snapshot);
            RowInputs {
                netuid: subnet.netuid,
                root: returns.root,
                inputs: returns.inputs(snapshot),
                emission,
            }
        })
        .collect()
}

/// `inputs` with `amount` where the form had its default: the only field the amount enters
/// (`ReturnsForm::inputs`), so this equals the form read with the amount.
fn with_amount(inputs: &ReturnsInputs, amount: u64) -> ReturnsInputs {
    let start = match inputs.start {
        Start::Tao(_) => Start::Tao(amount),
        Start::Alpha(_) => Start::Alpha(amount),
    };
    ReturnsInputs { start, ..*inputs }
}

/// One subnet's row: its returns inputs with the position's amount, and its pool figures
/// (`None`: still to come).
fn row(
    form: &ScreenForm,
    snapshot: &Snapshot,
    subnet: &crate::snapshot::Subnet,
    held: &RowInputs,
    pool: Option<&PoolFigures>,
) -> RowData {
    // A field that does not read holds every row back (the returns form refuses it first).
    let position = match (&held.inputs, form.amount.ok()) {
        _ if !form.position_ok() => Err(Missing::Fields),
        (Err(e), _) => Err(Missing::NoData(e.clone())),
        (Ok(inputs), Some(amount)) => position(&with_amount(inputs, amount)),
        (Ok(_), None) => Err(Missing::Fields),
    };
    RowData {
        netuid: subnet.netuid,
        name: subnet.name.clone(),
        symbol: subnet.symbol.clone(),
        root: held.root,
        depth: rao_to_decimal(subnet.tao_in_rao),
        position,
        max_stake: pool.and_then(|p| p.max_stake.clone()),
        max_exit: pool.and_then(|p| p.max_exit.clone()),
        cost_yield: pool.map_or_else(|| Err(COMPUTING.to_string()), |p| p.cost_yield.clone()),
        emission: held.emission.clone(),
        // After the first paint, with the pool figures: it sells into 128 pools.
        basket: (held.root && form.position_ok() && pool.is_some()).then(|| basket(form, snapshot)),
        pending: pool.is_none(),
    }
}

fn position(inputs: &ReturnsInputs) -> Result<Position, Missing> {
    let figures = position_figures(inputs);
    let h = figures.headline.map_err(refusal)?;
    if let Some(entry) = h.entry.as_ref().filter(|q| q.swap.is_partial()) {
        return Err(Missing::Partial {
            filled: rao_to_decimal(entry.swap.taken_rao()),
            refunded: entry.unfilled,
        });
    }
    let entry_pct = h
        .entry
        .as_ref()
        .map(|q| q.slippage_pct)
        .unwrap_or(Decimal::ZERO);
    let exit_pct = match figures.exit {
        Some(Ok(q)) => Ok(q.slippage_pct),
        Some(Err(r)) => Err(format!(
            "The chain rejects the sale ({}). {r}",
            r.chain_name()
        )),
        None => Ok(Decimal::ZERO),
    };
    let net = match &h.horizon.exit {
        Ok(leg) => Ok((leg.net_pct, leg.net_tao)),
        Err(r) => Err(format!(
            "The exit would be rejected ({}). {r}",
            r.chain_name()
        )),
    };
    Ok(Position {
        entry_pct,
        exit_pct,
        apy_pct: h.apy_pct,
        period_yield_pct: h.period_yield_pct(),
        net,
        breakeven_day: h.breakeven_day,
    })
}

/// Every subnet's row from its kept inputs (`row_inputs` of the same data and position) and
/// pool figures (`pool_figures`; `None`: the rows are drawn first and say they are computing);
/// a subnet missing from either is left out.
pub fn rows_from(
    form: &ScreenForm,
    snapshot: &Snapshot,
    inputs: &[RowInputs],
    pools: Option<&[PoolFigures]>,
) -> Vec<RowData> {
    snapshot
        .subnets
        .iter()
        .zip(inputs)
        .enumerate()
        .filter(|(_, (s, i))| s.netuid == i.netuid)
        .filter_map(|(at, (s, i))| match pools {
            None => Some(row(form, snapshot, s, i, None)),
            Some(pools) => pools
                .get(at)
                .filter(|p| p.netuid == s.netuid)
                .map(|p| row(form, snapshot, s, i, Some(p))),
        })
        .collect()
}

/// Every subnet's row with the pool figures `pools` (from `pool_figures` for the same data and
/// form; a subnet missing there is left out).
pub fn rows_with(form: &ScreenForm, snapshot: &Snapshot, pools: &[PoolFigures]) -> Vec<RowData> {
    rows_from(
        form,
        snapshot,
        &row_inputs(&row_position(form), snapshot),
        Some(pools),
    )
}

/// Every subnet's row, everything computed.
pub fn rows(form: &ScreenForm, snapshot: &Snapshot) -> Vec<RowData> {
    rows_with(form, snapshot, &pool_figures(form, snapshot))
}

/// The summary's numbers: the best row, and how many rows gain, end the period at a loss (the
/// costs of getting in and out above what the period yields), or are refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tally {
    /// The best net result: netuid, name, %, TAO.
    pub best: Option<(u16, String, Decimal, Decimal)>,
    pub positive: usize,
    /// Rows whose net result is a loss: the same figure as their net column, so the count and
    /// the column cannot disagree.
    pub costly: usize,
    pub refused: usize,
    pub total: usize,
}

pub fn tally(rows: &[RowData]) -> Tally {
    let mut t = Tally {
        best: None,
        positive: 0,
        costly: 0,
        refused: 0,
        total: rows.len(),
    };
    for row in rows {
        match &row.position {
            Ok(p) => {
                if let Ok((pct, tao)) = p.net {
                    if pct > Decimal::ZERO {
                        t.positive += 1;
                    }
                    if pct < Decimal::ZERO {
                        t.costly += 1;
                    }
                    if t.best.as_ref().is_none_or(|b| pct > b.2) {
                        t.best = Some((row.netuid, row.name.clone(), pct, tao));
                    }
                }
            }
            Err(Missing::Fields | Missing::NoData(_)) => {}
            Err(_) => t.refused += 1,
        }
    }
    t
}

/// The rows to show, in order: those matching the search and at least `min_tao` deep.
pub fn shown(rows: &[RowData], form: &ScreenForm) -> Vec<usize> {
    let search = form.search();
    let min = form.min_tao.ok().flatten().unwrap_or(Decimal::ZERO);
    let sort = form.sort.ok().unwrap_or(SortKey::DEFAULT);
    let mut picked: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].matches(&search) && rows[i].depth >= min)
        .collect();
    crate::model::order::sort_by(&mut picked, |&a, &b| {
        let (va, vb) = (
            rows[a].sort_value(sort.column),
            rows[b].sort_value(sort.column),
        );
        let order = match (va, vb) {
            (Some(x), Some(y)) if sort.descending => y.cmp(&x),
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        order.then(rows[a].netuid.cmp(&rows[b].netuid))
    });
    picked
}

mod select;
#[cfg(test)]
mod tests;
