//! What a row sorts by and whether it matches the search.

use super::RowData;
use crate::calc::screen::sort::Column;
use crate::model::num::units::rao_to_decimal;
use crate::model::screen::cost_vs_yield::CostOverYield;
use rust_decimal::Decimal;

impl RowData {
    /// The value a column sorts by; `None` sorts last either way.
    pub fn sort_value(&self, column: Column) -> Option<Decimal> {
        let position = self.position.as_ref().ok();
        match column {
            Column::Netuid => Some(Decimal::from(self.netuid)),
            Column::Depth => Some(self.depth),
            Column::TaoShare => self.emission.as_ref().map(|e| e.share_pct),
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

    pub(super) fn matches(&self, search: &str) -> bool {
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
