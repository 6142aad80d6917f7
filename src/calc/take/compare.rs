//! What the take page compares: every validator's net yield and earnings on your stake
//! (model::staking::delegation), and the cost of switching from the one you are with.
//! Pure, so it is tested natively (and by the robustness tests) like the model.

use super::form::TakeForm;
use crate::calc::chain_figures::ChainFigures;
use crate::calc::pool_source::FIX_FIELDS;
use crate::model::pool::Mechanism;
use crate::model::staking::delegation::{compare, Comparison, Delegate, DelegationInputs};
use crate::model::staking::switching::{
    switch_subnet, switch_within, Staying, SubnetSwitch, SwitchOption,
};
use crate::snapshot::Snapshot;
use rust_decimal::Decimal;

/// The comparison and what it was made on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Compared {
    pub comparison: Comparison,
    pub delegates: Vec<Delegate>,
    pub stake_alpha: Decimal,
    pub price: Decimal,
    pub epoch_blocks: u32,
}

/// The comparison the page shows, or why there is none (pure: the robustness tests run it too).
pub fn run(form: &TakeForm, snapshot: &Snapshot) -> Result<Compared, String> {
    let pool = form.source.pool.clone()?;
    let amount = form.amount.ok().ok_or(FIX_FIELDS)?;
    let days = form.days.ok().ok_or(FIX_FIELDS)?;
    // Dollars are written by the page (`format::Style`); a bad price still holds figures back.
    form.tao_usd.value.as_ref().map_err(|_| FIX_FIELDS)?;
    let delegates = form.delegates()?;
    let base = form.chain.base(snapshot, form.root)?;
    let price = pool.spot_price();
    let stake_alpha = pool
        .alpha_at_spot(amount)
        .map_err(|_| "The price is out of range.")?;
    let comparison = compare(&DelegationInputs {
        stake_alpha,
        price,
        days,
        pool_per_epoch: base.pool_per_epoch,
        stake_total: base.stake_total + stake_alpha,
        epoch_blocks: base.epoch_blocks,
        delegates: delegates.clone(),
    })
    .map_err(|e| e.to_string())?;
    Ok(Compared {
        comparison,
        delegates,
        stake_alpha,
        price,
        epoch_blocks: base.epoch_blocks,
    })
}

/// Both ways out of the validator you are with: to the best one here, or to another subnet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Switching {
    pub from: usize,
    pub best: usize,
    pub same: SwitchOption,
    /// The other subnet and the move there, or why it cannot be computed.
    pub other: Option<Result<(u16, SubnetSwitch), String>>,
}

/// The switching costs the page shows; `None` when there is nothing to switch between.
pub fn switching(
    form: &TakeForm,
    compared: &Compared,
    snapshot: &Snapshot,
) -> Option<Result<Switching, String>> {
    let rows = &compared.comparison.rows;
    let best = rows.iter().find(|r| r.rank == 1)?.index;
    let worst = rows.iter().max_by_key(|r| r.rank)?.index;
    let from = form
        .from_row
        .ok()
        .flatten()
        .unwrap_or(worst)
        .min(rows.len() - 1);
    let staying = Staying {
        stake_alpha: compared.stake_alpha,
        price: compared.price,
        rate_per_epoch: rows[from].rate_per_epoch,
        epoch_blocks: compared.epoch_blocks,
    };
    let same = match switch_within(staying, rows[best].rate_per_epoch) {
        Ok(s) => s,
        Err(e) => return Some(Err(e.to_string())),
    };
    let other = form.switch_to.ok().flatten().map(|netuid| {
        let from_pool = form.source.pool.clone()?;
        let target = snapshot
            .subnet(netuid)
            .ok_or("That subnet is not in the data.")?;
        let to_pool = target.pool().map_err(|e| e.to_string())?;
        let figures = ChainFigures::read(&|_| None, snapshot, Some(target));
        let base = figures
            .base(snapshot, to_pool.mechanism == Mechanism::Stable)
            .map_err(|_| format!("Subnet {netuid} lacks the chain figures for a yield."))?;
        switch_subnet(
            &from_pool,
            &to_pool,
            staying,
            &compared.delegates[best],
            &base,
        )
        .map(|s| (netuid, s))
        .map_err(|e| e.to_string())
    });
    Some(Ok(Switching {
        from,
        best,
        same,
        other,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::bundled::bundled;

    fn form(query: &[(&str, &str)], snapshot: &Snapshot) -> TakeForm {
        let get = |k: &str| {
            query
                .iter()
                .find(|(q, _)| *q == k)
                .map(|(_, v)| v.to_string())
        };
        TakeForm::read(get, snapshot)
    }

    #[test]
    fn the_lowest_take_earns_most_and_switching_to_it_pays_back() {
        let snapshot = bundled();
        let f = form(
            &[("netuid", "64"), ("from_row", "1"), ("switch_netuid", "4")],
            &snapshot,
        );
        let compared = run(&f, &snapshot).unwrap();
        let best = compared
            .comparison
            .rows
            .iter()
            .find(|r| r.rank == 1)
            .unwrap();
        assert_eq!(compared.delegates[best.index].take, Decimal::ZERO);
        let s = switching(&f, &compared, &snapshot).unwrap().unwrap();
        assert_eq!((s.from, s.best), (0, best.index));
        assert!(s.same.daily_gain_tao > Decimal::ZERO);
        let (netuid, other) = s.other.unwrap().unwrap();
        assert_eq!(netuid, 4);
        assert!(other.option.cost_tao > Decimal::ZERO);
        assert_eq!(
            run(&form(&[("takes", "x")], &snapshot), &snapshot).unwrap_err(),
            FIX_FIELDS
        );
    }
}
