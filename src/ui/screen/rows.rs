//! Every subnet's row at the user's size: the returns calculator's form read for that subnet
//! with the screener's position parameters (so a row equals the returns page it links to), the
//! model's screener figures (`model::screen`), then the search, the depth filter and the order.
//! Pure, so it is tested natively and benchmarked.

use super::form::ScreenForm;
use super::pool_figures::{pool_figures, PoolFigures};
use super::sort::{Column, SortKey};
use crate::model::num::units::rao_to_decimal;
use crate::model::screen::cost_vs_yield::CostOverYield;
use crate::model::screen::position_figures;
use crate::model::staking::returns::ReturnsError;
use crate::snapshot::Snapshot;
use crate::ui::returns::form::ReturnsForm;
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
}

fn refusal(e: ReturnsError) -> Missing {
    Missing::Refused(e.to_string())
}

/// One subnet's row: the returns calculator's form for it, and its pool figures.
fn row(
    form: &ScreenForm,
    snapshot: &Snapshot,
    subnet: &crate::snapshot::Subnet,
    pool: &PoolFigures,
) -> RowData {
    let netuid = subnet.netuid;
    let query = form.row_query(netuid);
    let get = |k: &str| {
        query
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    };
    let returns = ReturnsForm::read(get, snapshot);
    let position = match returns.inputs(snapshot) {
        Err(_) if !form.position_ok() => Err(Missing::Fields),
        Err(e) => Err(Missing::NoData(e)),
        Ok(inputs) => position(&inputs),
    };
    RowData {
        netuid,
        name: subnet.name.clone(),
        symbol: subnet.symbol.clone(),
        root: returns.root,
        depth: rao_to_decimal(subnet.tao_in_rao),
        position,
        max_stake: pool.max_stake.clone(),
        max_exit: pool.max_exit.clone(),
        cost_yield: pool.cost_yield.clone(),
    }
}

fn position(inputs: &crate::model::staking::returns::ReturnsInputs) -> Result<Position, Missing> {
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

/// Every subnet's row, in the data's order, with the pool figures `pools` (from
/// `pool_figures` for the same data and form; a subnet missing there is left out).
pub fn rows_with(form: &ScreenForm, snapshot: &Snapshot, pools: &[PoolFigures]) -> Vec<RowData> {
    snapshot
        .subnets
        .iter()
        .zip(pools)
        .filter(|(s, p)| s.netuid == p.netuid)
        .map(|(s, p)| row(form, snapshot, s, p))
        .collect()
}

/// Every subnet's row, everything computed.
pub fn rows(form: &ScreenForm, snapshot: &Snapshot) -> Vec<RowData> {
    rows_with(form, snapshot, &pool_figures(form, snapshot))
}

impl RowData {
    /// The value a column sorts by; `None` sorts last either way.
    pub fn sort_value(&self, column: Column) -> Option<Decimal> {
        let position = self.position.as_ref().ok();
        match column {
            Column::Netuid => Some(Decimal::from(self.netuid)),
            Column::Depth => Some(self.depth),
            Column::Entry => position.map(|p| p.entry_pct),
            Column::Exit => position.and_then(|p| p.exit_pct.clone().ok()),
            Column::Apy => position.map(|p| p.period_yield_pct),
            Column::Net => position.and_then(|p| p.net.as_ref().ok().map(|n| n.0)),
            Column::Breakeven => position.and_then(|p| p.breakeven_day.map(Decimal::from)),
            Column::MaxStake => self.max_stake.clone()?.ok().flatten(),
            Column::MaxExit => self.max_exit.clone()?.ok().flatten().map(|m| m.1),
            Column::CostYield => match self.cost_yield {
                Ok(CostOverYield::AtAnySize) => Some(Decimal::ZERO),
                Ok(CostOverYield::Above(rao)) => Some(rao_to_decimal(rao)),
                Ok(CostOverYield::Never) => Some(Decimal::MAX),
                Err(_) => None,
            },
        }
    }

    fn matches(&self, search: &str) -> bool {
        let search = search.trim();
        let search = search
            .strip_prefix("sn")
            .filter(|q| !q.is_empty() && q.chars().all(|c| c.is_ascii_digit()))
            .unwrap_or(search);
        if search.is_empty() {
            return true;
        }
        if search.chars().all(|c| c.is_ascii_digit()) {
            return self.netuid.to_string().starts_with(search);
        }
        self.name.to_lowercase().contains(search) || self.symbol.to_lowercase().contains(search)
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::staking::returns::project;
    use crate::snapshot::bundled::bundled;
    use std::collections::HashMap;

    fn form(query: &[(&str, &str)]) -> ScreenForm {
        let map: HashMap<String, String> = query
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        ScreenForm::read(|k| map.get(k).cloned())
    }

    #[test]
    fn every_subnet_has_a_row_equal_to_its_returns_calculator() {
        let snapshot = bundled();
        let f = form(&[("amount", "250"), ("days", "90")]);
        let all = rows(&f, &snapshot);
        assert_eq!(all.len(), snapshot.subnets.len());
        for netuid in [1u16, 64, 120] {
            let row = all.iter().find(|r| r.netuid == netuid).unwrap();
            let n = netuid.to_string();
            let returns = ReturnsForm::read(
                |k| match k {
                    "netuid" => Some(n.clone()),
                    "amount" => Some("250".into()),
                    "days" => Some("90".into()),
                    "exit_from" => Some("before".into()),
                    _ => None,
                },
                &snapshot,
            );
            let p = project(&returns.inputs(&snapshot).unwrap()).unwrap();
            let pos = row.position.as_ref().unwrap();
            assert_eq!(pos.apy_pct, p.headline.apy_pct);
            assert_eq!(pos.breakeven_day, p.headline.breakeven_day);
            let leg = p.headline.horizon.exit.as_ref().unwrap();
            assert_eq!(pos.net, Ok((leg.net_pct, leg.net_tao)));
            assert_eq!(pos.entry_pct, p.headline.entry.unwrap().slippage_pct);
        }
        let root = all.iter().find(|r| r.netuid == 0).unwrap();
        assert!(root.root);
        assert_eq!(root.position.as_ref().unwrap().entry_pct, Decimal::ZERO);
        assert_eq!(root.max_stake, Some(Ok(None)));
        assert_eq!(root.cost_yield, Ok(CostOverYield::Never));
    }

    #[test]
    fn the_pool_figures_do_not_depend_on_the_amount() {
        let snapshot = bundled();
        let small = form(&[("amount", "10"), ("days", "30"), ("price_change", "-20")]);
        let large = form(&[("amount", "90000"), ("days", "30"), ("price_change", "-20")]);
        let pools = pool_figures(&small, &snapshot);
        assert_eq!(pools, pool_figures(&large, &snapshot));
        assert_eq!(
            rows_with(&large, &snapshot, &pools),
            rows(&large, &snapshot)
        );
        // The period, the price change, the take and the exit's pool do move them (the
        // threshold is the net result at every size), each alone.
        let base = pool_figures(&form(&[]), &snapshot);
        for other in [
            form(&[("take", "9")]),
            form(&[("exit_from", "entry")]),
            form(&[("days", "900")]),
            form(&[("price_change", "50")]),
        ] {
            assert_ne!(base, pool_figures(&other, &snapshot));
        }
    }

    #[test]
    fn sort_search_and_filter() {
        let snapshot = bundled();
        let all = rows(&form(&[]), &snapshot);
        let by_net = shown(&all, &form(&[]));
        let nets: Vec<Decimal> = by_net
            .iter()
            .filter_map(|&i| all[i].sort_value(Column::Net))
            .collect();
        assert!(nets.windows(2).all(|w| w[0] >= w[1]));
        let ascending = shown(&all, &form(&[("sort", "entry")]));
        let first = all[ascending[0]].sort_value(Column::Entry).unwrap();
        assert!(all
            .iter()
            .all(|r| r.sort_value(Column::Entry).is_none_or(|v| v >= first)));
        let found = shown(&all, &form(&[("q", "sn64")]));
        assert!(found
            .iter()
            .all(|&i| all[i].netuid.to_string().starts_with("64")));
        let deep = shown(&all, &form(&[("min_tao", "100000")]));
        assert!(!deep.is_empty() && deep.len() < all.len());
        assert!(deep.iter().all(|&i| all[i].depth >= Decimal::from(100_000)));
    }

    #[test]
    fn bad_fields_keep_the_pool_columns_and_huge_amounts_are_refused() {
        let snapshot = bundled();
        let all = rows(&form(&[("amount", "abc")]), &snapshot);
        let row = all.iter().find(|r| r.netuid == 64).unwrap();
        assert_eq!(row.position, Err(Missing::Fields));
        assert!(matches!(row.max_stake, Some(Ok(Some(_)))));
        assert!(matches!(row.cost_yield, Ok(CostOverYield::Above(_))));
        let all = rows(&form(&[("amount", "20000000")]), &snapshot);
        let refused = all
            .iter()
            .filter(|r| matches!(&r.position, Err(Missing::Refused(t)) if t.contains("The chain rejects the stake")))
            .count();
        assert!(refused > 10, "{refused}");
        let all = rows(&form(&[("max_slip", "-1")]), &snapshot);
        assert!(all
            .iter()
            .all(|r| r.max_stake.is_none() && r.max_exit.is_none()));
        assert!(all.iter().filter(|r| r.position.is_ok()).count() > 120);
        // A subnet without the figures its yield needs says which, as missing data, not as the
        // chain's refusal (the chain would take the stake).
        let odd: Vec<_> = all.iter().filter(|r| r.position.is_err()).collect();
        assert!(
            odd.iter()
                .all(|r| matches!(&r.position, Err(Missing::NoData(t)) if t.contains("is needed"))),
            "{odd:?}"
        );
    }
}
