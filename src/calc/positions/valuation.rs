//! A wallet's positions valued against the subnet data in use: each stake at spot and sold
//! (`model::positions::exit`), its validator's take and the returns calculator's APY for it,
//! the root basket positions at what a claim pays, and the totals with every subnet's stakes
//! sold one after another into its pool. Pure, so every figure is tested natively.

use super::apy::modelled_apy;
use crate::model::pool::fill::Swap;
use crate::model::pool::rejection::Rejection;
use crate::model::positions::exit::{sale, sales_in_sequence, spot_value_rao, tao_out, Holding};
use crate::model::staking::basket::CLAIM_THRESHOLD_RAO;
use crate::snapshot::positions::{Positions, Stake};
use crate::snapshot::Snapshot;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// A position's sale today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exit {
    /// TAO received, rao.
    pub tao_rao: u64,
    /// Spot value of what is sold less what it returns, rao.
    pub cost_rao: u64,
    /// That cost as a share of the spot value sold, percent.
    pub cost_pct: Decimal,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Stake on a subnet (root's in TAO).
    Stake,
    /// A share of a root validator's basket.
    Basket,
}

/// One row of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The row's test-id suffix: the netuid, `N-i` when subnet N has several rows (in the
    /// data's order), `basket-i` for the i-th basket position.
    pub id: String,
    pub kind: Kind,
    pub netuid: u16,
    /// "64 · Chutes"; the bare netuid when the data has no such subnet.
    pub subnet: String,
    pub coldkey: String,
    pub hotkey: String,
    /// The validator's name, from the positions or the subnet data.
    pub validator: Option<String>,
    /// The stake (alpha; TAO on root) or the basket's owed shares.
    pub amount_rao: u64,
    /// The part locked (`None`: the source does not say).
    pub locked_rao: Option<u64>,
    /// Everything at spot; `None` without the subnet's pool.
    pub spot_rao: Option<u64>,
    /// The locked part at spot.
    pub locked_spot_rao: u64,
    /// Sold alone into today's pool; `Ok(None)` when nothing can be sold; the chain's refusal
    /// or what is missing otherwise.
    pub exit: Result<Option<Exit>, String>,
    /// What it returns when everything is sold, after the rows before it on its subnet.
    pub in_sequence_rao: u64,
    /// The validator's take as a fraction, and whether it is assumed (not in the data).
    pub take: Option<(Decimal, bool)>,
    /// The returns calculator's APY for this stake, or why there is none.
    pub apy_pct: Result<Decimal, String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub spot_rao: u64,
    /// Everything that can be sold, sold today (same-subnet stakes one after another) plus
    /// what the baskets' claims pay.
    pub exit_rao: u64,
    /// Spot value of what was sold less what it returned.
    pub cost_rao: u64,
    pub cost_pct: Decimal,
    /// Locked stake at spot: valued, never sold.
    pub locked_spot_rao: u64,
    /// Free TAO, when every coldkey's is known.
    pub free_rao: Option<u64>,
    /// The rows that cannot be sold today (ids), each with its reason in the row.
    pub out: Vec<String>,
    pub rows: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Valuation {
    pub rows: Vec<Row>,
    pub totals: Totals,
}

fn pct(part: u64, whole: u64) -> Decimal {
    if whole == 0 {
        return Decimal::ZERO;
    }
    (Decimal::from(part) * Decimal::ONE_HUNDRED / Decimal::from(whole)).round_dp(12)
}

fn exit_of(spot_sold: u64, swap: &Swap) -> Exit {
    let cost = spot_sold.saturating_sub(swap.out_rao);
    Exit {
        tao_rao: swap.out_rao,
        cost_rao: cost,
        cost_pct: pct(cost, spot_sold),
    }
}

fn refused(r: &Rejection) -> String {
    format!("The chain refuses the sale ({}). {r}", r.chain_name())
}

fn holding(stake: &Stake) -> Holding {
    Holding {
        alpha_rao: stake.alpha_rao,
        locked_rao: stake.locked_rao.unwrap_or(0),
    }
}

/// The positions of `coldkeys` (all in `positions` when empty) valued against `snapshot`.
pub fn value(positions: &Positions, coldkeys: &[String], snapshot: &Snapshot) -> Valuation {
    let holders: Vec<_> = positions
        .holders
        .iter()
        .filter(|h| coldkeys.is_empty() || coldkeys.contains(&h.coldkey))
        .collect();
    let stakes: Vec<(&str, &Stake)> = holders
        .iter()
        .flat_map(|h| h.stakes.iter().map(move |s| (h.coldkey.as_str(), s)))
        .collect();
    let mut per_subnet: BTreeMap<u16, Vec<usize>> = BTreeMap::new();
    for (i, (_, s)) in stakes.iter().enumerate() {
        per_subnet.entry(s.netuid).or_default().push(i);
    }
    let mut in_sequence = vec![0u64; stakes.len()];
    let mut rows: Vec<Row> = Vec::with_capacity(stakes.len());
    let mut totals = Totals::default();
    for (netuid, at) in &per_subnet {
        let subnet = snapshot.subnet(*netuid);
        let pool = subnet.map(|s| s.pool());
        if let Some(Ok(pool)) = &pool {
            let holdings: Vec<Holding> = at.iter().map(|&i| holding(stakes[i].1)).collect();
            for (k, sold) in sales_in_sequence(pool, &holdings).iter().enumerate() {
                in_sequence[at[k]] = tao_out(sold);
            }
        }
        for (k, &i) in at.iter().enumerate() {
            let (coldkey, stake) = stakes[i];
            let id = if at.len() == 1 {
                netuid.to_string()
            } else {
                format!("{netuid}-{}", k + 1)
            };
            let h = holding(stake);
            let known = subnet.and_then(|s| s.validators.iter().find(|v| v.hotkey == stake.hotkey));
            let validator = stake
                .hotkey_name
                .clone()
                .or_else(|| known.map(|v| v.name.clone()))
                .filter(|n| !n.trim().is_empty());
            let (spot, locked_spot, exit) = match &pool {
                None => (
                    None,
                    0,
                    Err(format!(
                        "Subnet {netuid} is not in the data in use: deregistered since, or the data is older than the positions."
                    )),
                ),
                Some(Err(e)) => (None, 0, Err(format!("Subnet {netuid}'s pool does not read: {e}"))),
                Some(Ok(pool)) => {
                    let spot = spot_value_rao(pool, h.alpha_rao);
                    let locked_spot = spot_value_rao(pool, h.locked_part_rao());
                    let exit = match sale(pool, h) {
                        Ok(None) => Ok(None),
                        Ok(Some(swap)) => Ok(Some(exit_of(spot.saturating_sub(locked_spot), &swap))),
                        Err(r) => Err(refused(&r)),
                    };
                    (Some(spot), locked_spot, exit)
                }
            };
            let take = known
                .and_then(|v| v.take)
                .map(|t| (t, false))
                .or_else(|| subnet.map(|_| (crate::model::staking::delegation::max_take(), true)));
            let apy_pct = modelled_apy(snapshot, *netuid, h.alpha_rao, take.map(|t| t.0));
            rows.push(Row {
                id,
                kind: Kind::Stake,
                netuid: *netuid,
                subnet: subnet
                    .map_or_else(|| netuid.to_string(), |s| format!("{netuid} · {}", s.name)),
                coldkey: coldkey.to_string(),
                hotkey: stake.hotkey.clone(),
                validator,
                amount_rao: stake.alpha_rao,
                locked_rao: stake.locked_rao,
                spot_rao: spot,
                locked_spot_rao: locked_spot,
                exit,
                in_sequence_rao: in_sequence[i],
                take,
                apy_pct,
            });
        }
    }
    let baskets = holders
        .iter()
        .flat_map(|h| h.baskets.iter().map(move |b| (h.coldkey.as_str(), b)));
    for (n, (coldkey, b)) in baskets.enumerate() {
        let exit = if b.value_rao < CLAIM_THRESHOLD_RAO {
            Err(
                "Under the chain's claim threshold (500,000 rao): a claim pays nothing yet."
                    .to_string(),
            )
        } else {
            Ok(Some(Exit {
                tao_rao: b.value_rao,
                cost_rao: b.spot_value_rao.saturating_sub(b.value_rao),
                cost_pct: pct(
                    b.spot_value_rao.saturating_sub(b.value_rao),
                    b.spot_value_rao,
                ),
            }))
        };
        rows.push(Row {
            id: format!("basket-{}", n + 1),
            kind: Kind::Basket,
            netuid: 0,
            subnet: "0 · root basket".to_string(),
            coldkey: coldkey.to_string(),
            hotkey: b.hotkey.clone(),
            validator: snapshot
                .subnet(0)
                .and_then(|s| s.validators.iter().find(|v| v.hotkey == b.hotkey))
                .map(|v| v.name.clone()),
            amount_rao: b.shares,
            locked_rao: None,
            spot_rao: Some(b.spot_value_rao),
            locked_spot_rao: 0,
            in_sequence_rao: if exit.is_ok() { b.value_rao } else { 0 },
            exit,
            take: None,
            apy_pct: Err(
                "A basket's yield is its fund's: see root on the returns calculator.".into(),
            ),
        });
    }
    let mut spot: u128 = 0;
    let mut exit: u128 = 0;
    let mut sold_spot: u128 = 0;
    let mut locked: u128 = 0;
    for row in &rows {
        spot += u128::from(row.spot_rao.unwrap_or(0));
        locked += u128::from(row.locked_spot_rao);
        match &row.exit {
            Ok(Some(e)) => {
                exit += u128::from(row.in_sequence_rao);
                sold_spot += u128::from(e.tao_rao + e.cost_rao);
            }
            Ok(None) => {}
            Err(_) => totals.out.push(row.id.clone()),
        }
    }
    let clamp = |v: u128| u64::try_from(v).unwrap_or(u64::MAX);
    totals.spot_rao = clamp(spot);
    totals.exit_rao = clamp(exit);
    totals.cost_rao = clamp(sold_spot.saturating_sub(exit));
    totals.cost_pct = pct(totals.cost_rao, clamp(sold_spot));
    totals.locked_spot_rao = clamp(locked);
    totals.free_rao = holders
        .iter()
        .map(|h| h.free_rao)
        .try_fold(0u64, |sum, f| f.map(|f| sum.saturating_add(f)))
        .filter(|_| !holders.is_empty());
    totals.rows = rows.len();
    // The largest cost of leaving first; rows that cannot be sold after, in the data's order.
    crate::model::order::sort_by_key(&mut rows, |r| {
        std::cmp::Reverse(
            r.exit
                .as_ref()
                .ok()
                .map(|e| e.as_ref().map_or(0, |e| e.cost_rao)),
        )
    });
    Valuation { rows, totals }
}
