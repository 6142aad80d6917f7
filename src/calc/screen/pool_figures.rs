//! The part of a screener row that does not depend on the amount: the largest trades within the
//! slippage, and the size from which the position ends the holding period at a loss (the
//! returns calculator's net result at every size: it depends on the period, the take, the price
//! change and the exit's pool). The page keeps these while only the amount is typed.

use super::form::{ScreenForm, EXIT_FROM};
use crate::calc::pool_source::FIX_FIELDS;
use crate::calc::returns::form::ReturnsForm;
use crate::calc::returns::form::PRICE_CHANGE;
use crate::calc::shared_params::{DAYS, TAKE};
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

/// The pool figures of subnet `netuid`: its returns form read with the screener's position but
/// its amount (which the threshold varies).
fn pool_row(form: &ScreenForm, snapshot: &Snapshot, netuid: u16) -> PoolFigures {
    let n = netuid.to_string();
    let given = |ok: bool, text: &str| ok.then(|| text.to_string());
    let take = given(form.take.ok().is_some(), &form.take.text);
    let days = given(form.days.ok().is_some(), &form.days.text);
    let change = given(form.price_change.ok().is_some(), &form.price_change.text);
    let exit = form.exit_from.ok().map(|e| e.as_param().to_string());
    let inputs = ReturnsForm::read(
        |k| match k {
            "netuid" => Some(n.clone()),
            k if k == TAKE.key => take.clone(),
            k if k == DAYS.key => days.clone(),
            k if k == PRICE_CHANGE.key => change.clone(),
            k if k == EXIT_FROM.key => exit.clone(),
            _ => None,
        },
        snapshot,
    )
    .inputs(snapshot);
    let position_ok = exit.is_some() && take.is_some() && days.is_some() && change.is_some();
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
    snapshot
        .subnets
        .iter()
        .map(|s| pool_row(form, snapshot, s.netuid))
        .collect()
}
