//! The part of a screener row that depends on the subnet's pool and yield alone, not on the
//! amount, the holding period or the price change: the largest trades within the slippage and
//! the cost-vs-yield threshold. The page keeps these while only the position is typed.

use super::form::{ScreenForm, EXIT_FROM};
use crate::model::num::units::rao_to_decimal;
use crate::model::screen::cost_vs_yield::{cost_over_yield, CostOverYield};
use crate::model::screen::depth_figures;
use crate::snapshot::Snapshot;
use crate::ui::pool_source::FIX_FIELDS;
use crate::ui::returns::form::ReturnsForm;
use crate::ui::shared_params::TAKE;
use rust_decimal::Decimal;

/// What a row needs of its pool and yield alone, not of the amount, the holding period or the
/// price: the largest trades within the slippage and the cost-vs-yield threshold. The page keeps
/// them while only those change, so typing an amount recomputes the rest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PoolFigures {
    pub netuid: u16,
    pub max_stake: Option<Result<Option<Decimal>, String>>,
    pub max_exit: Option<Result<Option<(Decimal, Decimal)>, String>>,
    pub cost_yield: Result<CostOverYield, String>,
}

/// The pool figures of subnet `netuid`: its returns form read with the take and the exit's
/// pool only (the pool and the yield do not depend on the rest).
fn pool_row(form: &ScreenForm, snapshot: &Snapshot, netuid: u16) -> PoolFigures {
    let n = netuid.to_string();
    let take = form.take.ok().map(|_| form.take.text.clone());
    let exit = form.exit_from.ok().map(|e| e.as_param().to_string());
    let inputs = ReturnsForm::read(
        |k| match k {
            "netuid" => Some(n.clone()),
            k if k == TAKE.key => take.clone(),
            k if k == EXIT_FROM.key => exit.clone(),
            _ => None,
        },
        snapshot,
    )
    .inputs(snapshot);
    let max_slip = form.max_slip.ok();
    let (max_stake, max_exit, cost_yield) = match &inputs {
        Ok(i) => {
            let depth = max_slip.map(|slip| depth_figures(&i.pool, slip));
            let cost_yield = if exit.is_some() {
                cost_over_yield(&i.pool, i.yield_spec, i.epoch_blocks, i.exit_from)
                    .map_err(|e| e.to_string())
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
