//! The part of a screener row that does not depend on the amount: the largest trades within the
//! slippage, and the size from which the position ends the holding period at a loss (the
//! returns calculator's net result at every size: it depends on the period, the take, the price
//! change and the exit's pool). The page keeps these while only the amount is typed.

use super::form::ScreenForm;
use crate::calc::field::Field;
use crate::calc::pool_source::FIX_FIELDS;
use crate::calc::returns::form::{Position, ReturnsForm};
use crate::model::num::units::rao_to_decimal;
use crate::model::screen::cost_vs_yield::{cost_over_yield, CostOverYield};
use crate::model::screen::depth_figures;
use crate::snapshot::Snapshot;
use rust_decimal::Decimal;

/// What a row needs that does not depend on the amount: the largest trades within the slippage
/// and the cost-vs-yield threshold. The page keeps them while only the amount changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PoolFigures {
    pub netuid: u16,
    pub max_stake: Option<Result<Option<Decimal>, String>>,
    pub max_exit: Option<Result<Option<(Decimal, Decimal)>, String>>,
    pub cost_yield: Result<CostOverYield, String>,
}

/// The position the pool figures are computed at: the screener's, each field that does not
/// read and the amount (which the threshold varies) at the returns calculator's default.
pub fn pool_position(form: &ScreenForm) -> Position {
    let defaults = Position::read(&|_| None);
    let held = form.position();
    fn valid<T: Clone>(given: Field<T>, default: Field<T>) -> Field<T> {
        if given.ok().is_some() {
            given
        } else {
            default
        }
    }
    Position {
        amount: defaults.amount,
        days: valid(held.days, defaults.days),
        take: valid(held.take, defaults.take),
        price_change: valid(held.price_change, defaults.price_change),
        exit_from: valid(held.exit_from, defaults.exit_from),
    }
}

/// The pool figures of subnet `netuid`: its returns form (built from typed values, like the
/// row's) holding `held`, from `pool_position`.
fn pool_row(form: &ScreenForm, held: &Position, snapshot: &Snapshot, netuid: u16) -> PoolFigures {
    let inputs = ReturnsForm::for_subnet(held, netuid, snapshot).inputs(snapshot);
    let position_ok = form.exit_from.ok().is_some()
        && form.take.ok().is_some()
        && form.days.ok().is_some()
        && form.price_change.ok().is_some();
    let max_slip = form.max_slip.ok();
    let (max_stake, max_exit, cost_yield) = match &inputs {
        Ok(i) => {
            let depth = max_slip.map(|slip| depth_figures(&i.pool, slip));
            let cost_yield = if position_ok {
                cost_over_yield(i).map_err(|e| e.to_string())
            } else {
                Err(FIX_FIELDS.to_string())
            };
            (
                depth.as_ref().map(|d| {
                    d.max_stake_rao
                        .clone()
                        .map(|m| m.map(rao_to_decimal))
                        .map_err(|r| r.to_string())
                }),
                depth.as_ref().map(|d| {
                    d.max_exit
                        .clone()
                        .map(|m| {
                            m.map(|m| (rao_to_decimal(m.alpha_rao), rao_to_decimal(m.tao_rao)))
                        })
                        .map_err(|r| r.to_string())
                }),
                cost_yield,
            )
        }
        Err(e) => (
            max_slip.map(|_| Err(e.clone())),
            max_slip.map(|_| Err(e.clone())),
            Err(e.clone()),
        ),
    };
    PoolFigures {
        netuid,
        max_stake,
        max_exit,
        cost_yield,
    }
}

/// Every subnet's pool figures, in the data's order.
pub fn pool_figures(form: &ScreenForm, snapshot: &Snapshot) -> Vec<PoolFigures> {
    let held = pool_position(form);
    snapshot
        .subnets
        .iter()
        .map(|s| pool_row(form, &held, snapshot, s.netuid))
        .collect()
}
