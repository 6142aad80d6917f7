//! The chain's own return of a root basket, beside the model's (issue 31): `BetaPricing`'s
//! `stake_price` is what 1 TAO staked on root with a validator at its fund's baseline block is
//! worth now, dividends kept in the basket at the value they were credited at
//! (`pallets/subtensor/src/staking/beta_pricing.rs`, `tr_splice x staker_twr`; read live through
//! `BetaBasketRuntimeApi_get_all_beta_pricing`). Annualised over the blocks since that baseline
//! on the app's 365-day year. The largest fund by realizable value is shown, named.

use crate::calc::format::{self, Style};
use crate::model::num::units::rao_to_decimal;
use crate::model::staking::basket::annualised;
use crate::model::staking::emission::BLOCKS_PER_DAY;
use crate::snapshot::Snapshot;
use rust_decimal::Decimal;

/// The shortest span a return is annualised over: a day of blocks.
const MIN_BLOCKS: u64 = BLOCKS_PER_DAY as u64;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainYield {
    pub hotkey: String,
    /// The validator's name where the data has it.
    pub name: Option<String>,
    /// `stake_price` annualised, %.
    pub apy_pct: Decimal,
    /// What 1 TAO staked at the baseline is worth now.
    pub stake_price: Decimal,
    pub since_block: u64,
    pub days: Decimal,
    /// The fund's holdings if sold, against their value at spot, %.
    pub realizable_pct: Option<Decimal>,
    /// Funds in the data.
    pub funds: usize,
}

/// The largest fund's own return, or why there is none.
pub fn chain_yield(snapshot: &Snapshot) -> Result<ChainYield, String> {
    let Some(baskets) = snapshot.root_baskets.as_ref() else {
        return Err("The chain's own figure needs the baskets read from a node: switch on live data in the data panel.".into());
    };
    let block = snapshot
        .block
        .ok_or("The data does not say at which block it was read.")?;
    let fund = baskets
        .iter()
        .filter(|b| {
            b.pricing.as_ref().is_some_and(|p| {
                !p.provisional && p.first_block > 0 && p.first_block + MIN_BLOCKS <= block
            })
        })
        .max_by(|a, b| {
            a.nav_tao_rao
                .cmp(&b.nav_tao_rao)
                .then(b.hotkey.cmp(&a.hotkey))
        })
        .ok_or("No validator's basket has a priced baseline a day old yet.")?;
    let pricing = fund.pricing.as_ref().ok_or("No pricing.")?;
    let days = Decimal::from(block - pricing.first_block) / Decimal::from(BLOCKS_PER_DAY);
    let range = |_| "The chain's figures are out of range.".to_string();
    if pricing.stake_price <= Decimal::ZERO {
        return Err("The chain prices this fund at nothing.".into());
    }
    let apy = annualised(pricing.stake_price - Decimal::ONE, days).map_err(range)?;
    let spot = fund.spot_nav_tao_rao;
    let name = snapshot
        .subnet(0)
        .and_then(|s| s.validators.iter().find(|v| v.hotkey == fund.hotkey))
        .map(|v| v.name.clone())
        .filter(|n| !n.is_empty());
    Ok(ChainYield {
        hotkey: fund.hotkey.clone(),
        name,
        apy_pct: apy * Decimal::ONE_HUNDRED,
        stake_price: pricing.stake_price,
        since_block: pricing.first_block,
        days,
        realizable_pct: (spot > 0).then(|| {
            rao_to_decimal(fund.nav_tao_rao) / rao_to_decimal(spot) * Decimal::ONE_HUNDRED
        }),
        funds: baskets.len(),
    })
}

/// The sentence under the figure.
pub fn sentence(y: &ChainYield, style: Style) -> String {
    let who = match &y.name {
        Some(n) => format!("{n} ({})", y.hotkey),
        None => y.hotkey.clone(),
    };
    let sold = y
        .realizable_pct
        .map(|p| {
            format!(
                " Its holdings would sell for {} of their value at spot.",
                format::pct(p, style)
            )
        })
        .unwrap_or_default();
    format!(
        "The chain's own return of the largest of {} root baskets, {who}: 1 TAO staked at block {} is worth {} TAO now, {} days on; a year at that pace is {}.{sold}",
        y.funds,
        y.since_block,
        format::tokens(y.stake_price, style),
        format::tokens(y.days.round_dp(1), style),
        format::pct(y.apy_pct, style),
    )
}

#[cfg(test)]
#[path = "root_chain_yield_tests.rs"]
mod tests;
