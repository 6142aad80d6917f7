//! Root's basket for the returns calculator on subnet 0 (issue 31, SPEC §2 "Root staking since
//! Root Reborn"): the position's dividends from every subnet in the data, credited as that
//! subnet's alpha from the holding period's start and earning its alpha yield, then valued at
//! spot and as a claim would sell it (`model::staking::basket`). The data carries no basket of
//! any validator, so this is a model of a new position, and the page says so.

use super::form::ReturnsForm;
use crate::model::num::dec::DecimalOps;
use crate::model::num::units::rao_to_decimal;
use crate::model::pool::Mechanism;
use crate::model::staking::basket::{self, Claim, Leg, Source};
use crate::model::staking::emission::{
    alpha_stake_base, root_dividends_paid, root_proportion, staker_rate_per_epoch,
    subnet_yield_base, SubnetYield,
};
use crate::snapshot::{Snapshot, Subnet};
use rust_decimal::Decimal;

/// How many subnets the exposure names.
pub const EXPOSURE_SHOWN: usize = 5;

/// One subnet's part of the basket's spot value at the end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exposure {
    pub netuid: u16,
    pub name: String,
    pub spot_tao: Decimal,
    pub share_pct: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BasketFigures {
    pub stake_tao: Decimal,
    /// A claim of the whole basket at the end of the holding period, under the price scenario.
    pub end: Claim,
    /// The APY in TAO of the basket's spot value at constant prices, %.
    pub apy_pct: Decimal,
    /// The largest holdings at the end, largest first.
    pub exposure: Vec<Exposure>,
    /// Subnets the basket holds alpha of at the end.
    pub holdings: usize,
    /// Holdings no pool could take at the end (the chain writes them off).
    pub written_off: Vec<u16>,
    /// Subnets whose alpha yield the data cannot give: their holdings earn nothing here.
    pub no_rate: usize,
    /// Whether root dividends are paid at all (the moving prices sum above 1).
    pub paid: bool,
    /// How many validators' baskets the data carries (read live); 0 when none.
    pub funds_in_data: usize,
}

/// The basket's subnets: every dynamic subnet with an emission, an issuance and a pool.
fn sources(
    form: &ReturnsForm,
    snapshot: &Snapshot,
    stake: Decimal,
) -> Result<(Vec<Source>, usize), String> {
    let fix = || "Fix the highlighted fields to see the basket.".to_string();
    let take = form.take.ok().ok_or_else(fix)?;
    let root_tao = form.chain.root_tao.ok().ok_or_else(fix)?;
    let tao_weight = form.chain.tao_weight.ok().ok_or_else(fix)?;
    let range = || "The basket's figures are out of range.".to_string();
    // Your stake joins root's: it raises rp a little, and takes its share of the rest.
    let root = root_tao.try_add(stake).ok_or_else(range)?;
    let share = stake.try_div(root).ok_or_else(range)?;
    let mut out = Vec::new();
    let mut no_rate = 0;
    for s in snapshot
        .subnets
        .iter()
        .filter(|s| s.mechanism == Mechanism::Dynamic)
    {
        let (Some(per_block), Some(issuance), Ok(pool)) =
            (s.alpha_out_emission, s.alpha_issuance_rao(), s.pool())
        else {
            continue;
        };
        let issuance = rao_to_decimal(issuance);
        let rp = root_proportion(root, tao_weight, issuance).map_err(|_| range())?;
        let epoch_blocks = s
            .tempo
            .filter(|t| *t > 0)
            .and_then(|t| u32::try_from(t).ok())
            .unwrap_or(360);
        let yield_of = SubnetYield {
            alpha_per_block: per_block,
            alpha_issuance: issuance,
            root_tao,
            tao_weight,
            epoch_blocks,
        };
        let rate = rate_per_epoch(s, yield_of, take);
        no_rate += usize::from(rate.is_none());
        out.push(Source {
            netuid: s.netuid,
            pool,
            credit_per_epoch: basket::credit_per_epoch(per_block, rp, share, take, epoch_blocks)
                .map_err(|_| range())?,
            rate_per_epoch: rate.unwrap_or_default(),
            epoch_blocks,
        });
    }
    Ok((out, no_rate))
}

/// What a staker's alpha earns per epoch on `subnet` through a validator taking `take`, as the
/// returns calculator derives it there (`ChainFigures::base`: vtrust 1, today's stake, the
/// alpha-only base capped at eligible alpha), from typed values: no form text per subnet.
fn rate_per_epoch(subnet: &Subnet, yield_of: SubnetYield, take: Decimal) -> Option<Decimal> {
    let eligible = subnet
        .eligible_alpha_rao
        .or(subnet.alpha_out_rao)
        .map(rao_to_decimal);
    let (stake, _) = alpha_stake_base(
        subnet.validator_alpha_stake,
        subnet.total_stake_alpha,
        eligible,
    )?;
    let base = subnet_yield_base(&yield_of, stake).ok()?;
    staker_rate_per_epoch(base.pool_per_epoch, take, Decimal::ONE, base.stake_total).ok()
}

fn exposure(legs: &[Leg], snapshot: &Snapshot) -> Vec<Exposure> {
    let total: Decimal = legs.iter().map(|l| l.spot_tao).sum();
    let mut held: Vec<&Leg> = legs.iter().filter(|l| l.alpha_rao > 0).collect();
    held.sort_by(|a, b| b.spot_tao.cmp(&a.spot_tao).then(a.netuid.cmp(&b.netuid)));
    held.into_iter()
        .take(EXPOSURE_SHOWN)
        .map(|l| Exposure {
            netuid: l.netuid,
            name: snapshot
                .subnet(l.netuid)
                .map(|s| s.name.clone())
                .unwrap_or_default(),
            spot_tao: l.spot_tao,
            share_pct: if total.is_zero() {
                Decimal::ZERO
            } else {
                l.spot_tao / total * Decimal::ONE_HUNDRED
            },
        })
        .collect()
}

/// The basket of the returns form's root position, or why there is none.
pub fn basket_figures(form: &ReturnsForm, snapshot: &Snapshot) -> Result<BasketFigures, String> {
    let fix = || "Fix the highlighted fields to see the basket.".to_string();
    let range = |_| "The basket's figures are out of range.".to_string();
    let stake = rao_to_decimal(form.amount.ok().ok_or_else(fix)?);
    let days = form.days.ok().ok_or_else(fix)?;
    let change = form.price_change.ok().ok_or_else(fix)?;
    if stake.is_zero() {
        return Err("Stake some TAO on root to see its basket.".into());
    }
    let moving = snapshot.moving_prices();
    let paid = moving.is_empty() || root_dividends_paid(&moving);
    let (mut sources, no_rate) = sources(form, snapshot, stake)?;
    if !paid {
        for s in &mut sources {
            s.credit_per_epoch = Decimal::ZERO;
        }
    }
    let ratio = basket::price_ratio(days, days, change).map_err(range)?;
    let legs = basket::legs(&sources, days, ratio).map_err(range)?;
    let end = basket::claim(&legs).map_err(range)?;
    let flat = if ratio == Decimal::ONE {
        end.spot_tao
    } else {
        let legs = basket::legs(&sources, days, Decimal::ONE).map_err(range)?;
        basket::claim(&legs).map_err(range)?.spot_tao
    };
    let apy = basket::apy(flat, stake, days).map_err(range)?;
    Ok(BasketFigures {
        stake_tao: stake,
        end,
        apy_pct: apy * Decimal::ONE_HUNDRED,
        exposure: exposure(&legs, snapshot),
        holdings: legs.iter().filter(|l| l.alpha_rao > 0).count(),
        written_off: legs
            .iter()
            .filter(|l| l.realizable_rao.is_none())
            .map(|l| l.netuid)
            .collect(),
        no_rate,
        paid,
        funds_in_data: snapshot.root_baskets.as_ref().map_or(0, Vec::len),
    })
}

#[cfg(test)]
#[path = "root_basket_tests.rs"]
mod tests;
