//! Where each subnet's TAO emission goes, for the screener and the pool page (issue 31): its share of the block's
//! TAO (`model::subnet_emission`, subtensor `coinbase/subnet_emissions.rs`), how far it sits
//! above or below the gate's bar, and that TAO a day split into pool injection and chain buys
//! (`model::subnet_emission::injection`, `coinbase/run_coinbase.rs`). `MinerBurned`, the gate's
//! parameters and bar and which subnets are switched off come from the data where it carries them
//! (`dtao-snapshot/2`); what it does not carry is assumed, and `Emission::assumed` says what.

use crate::calc::format::{self, Style};
use crate::model::num::dec::DecimalOps;
use crate::model::num::units::rao_to_decimal;
use crate::model::pool::Mechanism;
use crate::model::staking::emission::{root_proportion, BLOCKS_PER_DAY};
use crate::model::subnet_emission::injection::split;
use crate::model::subnet_emission::{tao_shares, Gate, SubnetTerms};
use crate::snapshot::{Snapshot, Subnet};
use rust_decimal::Decimal;

/// What the shares assume where `snapshot` is silent (the chain's other conditions for taking
/// part, a first emission block, the subtoken enabled and registration allowed, never come
/// with the data).
fn assumed(snapshot: &Snapshot) -> String {
    let r = &snapshot.runtime;
    let taking_part = || snapshot.subnets.iter().filter(|s| s.netuid != 0);
    let mut parts = vec!["every subnet with a moving price taking part"];
    if taking_part().any(|s| s.emission_enabled.is_none()) {
        parts.push("switched on");
    }
    if taking_part().any(|s| s.miner_burned.is_none()) {
        parts.push("no miner incentive burned");
    }
    if r.bar_rank.is_none() || r.gate_exponent.is_none() || r.bar_quantile.is_none() {
        parts.push("the chain's default gate (the 32nd share, exponent 3)");
    }
    if r.gate_bar.is_none() {
        parts.push("the bar computed from these shares (the chain keeps its own, recomputed every 360 blocks)");
    }
    let (last, rest) = parts.split_last().unwrap_or((&"", &[]));
    let list = if rest.is_empty() {
        last.to_string()
    } else {
        format!("{} and {last}", rest.join(", "))
    };
    format!("{list}: the data in use does not say otherwise.")
}

/// The gate as the data gives it, the chain's defaults for what it does not.
fn gate(snapshot: &Snapshot) -> Gate {
    let r = &snapshot.runtime;
    let default = Gate::default();
    Gate {
        bar_rank: r.bar_rank.unwrap_or(default.bar_rank),
        exponent: r.gate_exponent.unwrap_or(default.exponent),
        quantile: r.bar_quantile.unwrap_or(default.quantile),
        stored_bar: r.gate_bar,
    }
}

/// The bar in words: "the 32nd share".
fn bar_words(rank: u16) -> String {
    if rank == 0 {
        return "the share at the quantile".to_string();
    }
    let suffix = match (rank % 10, rank % 100) {
        (1, n) if n != 11 => "st",
        (2, n) if n != 12 => "nd",
        (3, n) if n != 13 => "rd",
        _ => "th",
    };
    format!("the {rank}{suffix} share")
}

/// One subnet's TAO emission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Emission {
    /// Percent of the block's TAO.
    pub share_pct: Decimal,
    /// Its reweighted share over the bar's: at 1 the gate halves it, far above it keeps nearly
    /// all, far below nearly none. `None` without a bar (no share positive).
    pub vs_bar: Option<Decimal>,
    /// TAO a day into the pool, and buying alpha for the protocol; else which figure the data
    /// lacks.
    pub per_day: Result<(Decimal, Decimal), String>,
    /// The bar in words ("the 32nd share").
    pub bar: String,
    /// What was assumed where the data is silent.
    pub assumed: String,
}

/// The pool page's sentence about subnet `netuid`'s TAO emission.
pub fn sentence(e: &Emission, style: Style) -> String {
    let bar = match e.vs_bar {
        Some(v) => format!(
            " ({} x the gate's bar, {}; at 1 the gate halves a share)",
            format::plain(v.round_dp(2)),
            e.bar
        ),
        None => String::new(),
    };
    let split = match &e.per_day {
        Ok((pool, buys)) => format!(
            ": {} TAO a day goes into this pool and {} TAO a day buys its alpha for the protocol",
            format::tokens(*pool, style),
            format::tokens(*buys, style)
        ),
        Err(why) => format!(". {why}"),
    };
    format!(
        "This subnet gets {} of each block's TAO emission{bar}{split}. Assumed: {}",
        format::pct(e.share_pct, style),
        e.assumed
    )
}

/// What the chain reads of `subnet` to share the TAO, as far as the data has it.
fn terms(subnet: &Subnet) -> SubnetTerms {
    let stable = subnet.mechanism == Mechanism::Stable;
    SubnetTerms {
        netuid: subnet.netuid,
        eligible: subnet.netuid != 0 && (stable || subnet.moving_price.is_some()),
        moving_price: if stable {
            Decimal::ONE
        } else {
            subnet.moving_price.unwrap_or_default()
        },
        miner_burned: subnet.miner_burned.unwrap_or_default(),
        enabled: subnet.emission_enabled.unwrap_or(true),
    }
}

/// TAO a day into the pool and into chain buys from `tao` a block.
fn per_day(
    snapshot: &Snapshot,
    subnet: &Subnet,
    tao: Decimal,
) -> Result<(Decimal, Decimal), String> {
    let missing = |what: &str| format!("No data for the split: the {what}.");
    let price = subnet.pool().map_err(|_| missing("pool"))?.spot_price();
    let issuance = rao_to_decimal(
        subnet
            .alpha_issuance_rao()
            .ok_or_else(|| missing("alpha outstanding"))?,
    );
    let rp = root_proportion(
        snapshot
            .root_tao_staked
            .ok_or_else(|| missing("TAO staked on root"))?,
        snapshot.tao_weight.ok_or_else(|| missing("TAO weight"))?,
        issuance,
    )
    .map_err(|_| missing("root proportion"))?;
    let alpha_emission = subnet
        .alpha_out_emission
        .ok_or_else(|| missing("alpha emission"))?;
    let out_of_range = || "The split is out of range.".to_string();
    let block = split(tao, price, rp, alpha_emission).map_err(|_| out_of_range())?;
    let day = Decimal::from(BLOCKS_PER_DAY);
    Ok((
        block.tao_in.try_mul(day).ok_or_else(out_of_range)?,
        block.chain_buy_tao.try_mul(day).ok_or_else(out_of_range)?,
    ))
}

/// Every subnet's TAO emission, in the data's order (`None` for a subnet that takes no part, or
/// when the shares are out of range).
pub fn emissions(snapshot: &Snapshot) -> Vec<Option<Emission>> {
    let terms: Vec<SubnetTerms> = snapshot.subnets.iter().map(terms).collect();
    let gate = gate(snapshot);
    let (bar, assumed) = (bar_words(gate.bar_rank), assumed(snapshot));
    let Ok(shares) = tao_shares(&terms, &gate) else {
        return vec![None; snapshot.subnets.len()];
    };
    snapshot
        .subnets
        .iter()
        .zip(&terms)
        .zip(&shares.rows)
        .map(|((subnet, t), row)| {
            if !t.eligible {
                return None;
            }
            let tao = match snapshot.block_emission_tao {
                Some(e) => e
                    .try_mul(row.share)
                    .ok_or_else(|| "The share is out of range.".to_string()),
                None => Err("No data for the split: the block emission.".to_string()),
            };
            Some(Emission {
                share_pct: row.share.try_mul(Decimal::ONE_HUNDRED)?,
                vs_bar: row.vs_bar,
                per_day: tao.and_then(|tao| per_day(snapshot, subnet, tao)),
                bar: bar.clone(),
                assumed: assumed.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::bundled::bundled;

    #[test]
    fn the_bundled_subnets_shares_add_up_and_split_their_tao() {
        let snapshot = bundled();
        let all = emissions(&snapshot);
        assert_eq!(all.len(), snapshot.subnets.len());
        // Root takes no part.
        assert_eq!(all[0], None);
        let total: Decimal = all.iter().flatten().map(|e| e.share_pct).sum();
        assert!(
            (total - Decimal::ONE_HUNDRED).abs() < Decimal::new(1, 10),
            "{total}"
        );
        // Each subnet's TAO a day, pool and chain buys together, is its share of the block's.
        let e = snapshot.block_emission_tao.unwrap();
        for (subnet, emission) in snapshot.subnets.iter().zip(&all) {
            let Some(emission) = emission else { continue };
            let (pool, buys) = emission.per_day.clone().unwrap();
            let day = e * emission.share_pct / Decimal::ONE_HUNDRED * Decimal::from(BLOCKS_PER_DAY);
            assert!(
                (pool + buys - day).abs() < Decimal::new(1, 12),
                "subnet {}",
                subnet.netuid
            );
            assert!(pool >= Decimal::ZERO && buys >= Decimal::ZERO);
        }
        // The bar is the 32nd share: 32 subnets at or above it.
        let at_or_above = all
            .iter()
            .flatten()
            .filter(|e| e.vs_bar >= Some(Decimal::ONE))
            .count();
        assert_eq!(at_or_above, 32);
    }

    #[test]
    fn the_pool_page_says_it_in_a_sentence() {
        let snapshot = bundled();
        let at = snapshot
            .subnets
            .iter()
            .position(|s| s.netuid == 64)
            .unwrap();
        let e = emissions(&snapshot)[at].clone().unwrap();
        let (pool, buys) = e.per_day.clone().unwrap();
        let text = sentence(&e, Style::EXACT);
        assert!(
            text.starts_with(&format!(
                "This subnet gets {} of each block's TAO emission (",
                format::pct(e.share_pct, Style::EXACT)
            )),
            "{text}"
        );
        assert!(text.contains(&format!(
            "{} TAO a day goes into this pool and {} TAO a day buys",
            format::tokens(pool, Style::EXACT),
            format::tokens(buys, Style::EXACT)
        )));
        assert!(text.ends_with(&e.assumed));
        assert_eq!(e.assumed, "every subnet with a moving price taking part, switched on, no miner incentive burned, the chain's default gate (the 32nd share, exponent 3) and the bar computed from these shares (the chain keeps its own, recomputed every 360 blocks): the data in use does not say otherwise.");
        assert_eq!(
            [1, 2, 3, 11, 12, 13, 21, 32, 111].map(bar_words),
            [
                "the 1st share",
                "the 2nd share",
                "the 3rd share",
                "the 11th share",
                "the 12th share",
                "the 13th share",
                "the 21st share",
                "the 32nd share",
                "the 111th share"
            ]
        );
    }

    #[test]
    fn terms_the_data_carries_are_used_and_no_longer_assumed() {
        let mut snapshot = bundled();
        let before = emissions(&snapshot);
        let at = |n: u16| snapshot_index(&bundled(), n);
        for s in snapshot.subnets.iter_mut() {
            s.miner_burned = Some(Decimal::ZERO);
            s.emission_enabled = Some(true);
        }
        snapshot.subnets[at(64)].emission_enabled = Some(false);
        snapshot.subnets[at(1)].miner_burned = Some(Decimal::ONE);
        let r = &mut snapshot.runtime;
        (r.bar_rank, r.gate_exponent, r.bar_quantile) =
            (Some(16), Some(Decimal::from(3)), Some(Decimal::new(61, 2)));
        let after = emissions(&snapshot);
        let e64 = after[at(64)].clone().unwrap();
        // Switched off: no TAO, and the rest still add up to all of it.
        assert_eq!(e64.share_pct, Decimal::ZERO);
        let total: Decimal = after.iter().flatten().map(|e| e.share_pct).sum();
        assert!(
            (total - Decimal::ONE_HUNDRED).abs() < Decimal::new(1, 10),
            "{total}"
        );
        // Everything burned: its weight is gone, so its share is nothing (it had one before).
        assert!(before[at(1)].as_ref().unwrap().share_pct > Decimal::ZERO);
        assert_eq!(after[at(1)].as_ref().unwrap().share_pct, Decimal::ZERO);
        // The bar at rank 16: 16 subnets at or above it.
        assert_eq!(
            after
                .iter()
                .flatten()
                .filter(|e| e.vs_bar >= Some(Decimal::ONE))
                .count(),
            16
        );
        assert_eq!(e64.bar, "the 16th share");
        // Only the bar the chain keeps, and the conditions no data carries, are assumed now.
        assert_eq!(e64.assumed, "every subnet with a moving price taking part and the bar computed from these shares (the chain keeps its own, recomputed every 360 blocks): the data in use does not say otherwise.");
        snapshot.runtime.gate_bar = Some(Decimal::new(1, 2));
        let kept = emissions(&snapshot);
        assert_eq!(
            kept[at(64)].as_ref().unwrap().assumed,
            "every subnet with a moving price taking part: the data in use does not say otherwise."
        );
        // A kept bar of 1 %: the shares are measured against it.
        let (w, v) = (
            kept[at(2)].as_ref().unwrap().vs_bar.unwrap(),
            after[at(2)].as_ref().unwrap().vs_bar.unwrap(),
        );
        assert_ne!(w, v);
    }

    fn snapshot_index(s: &Snapshot, netuid: u16) -> usize {
        s.subnets.iter().position(|x| x.netuid == netuid).unwrap()
    }

    #[test]
    fn a_missing_term_is_named() {
        let mut snapshot = bundled();
        snapshot.block_emission_tao = None;
        let all = emissions(&snapshot);
        let some = all.iter().flatten().next().unwrap();
        assert_eq!(
            some.per_day,
            Err("No data for the split: the block emission.".to_string())
        );
        assert!(some.share_pct > Decimal::ZERO);
    }
}
