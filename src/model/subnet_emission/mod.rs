//! Where each block's TAO goes between the subnets (SPEC §2, "TAO emission per subnet"), as
//! subtensor's `coinbase/subnet_emissions.rs` computes it: each eligible subnet's share of the
//! moving prices, reweighted by what its miners burned, through a Hill gate at the bar (the 32nd
//! largest share by default), and the subnets whose emission is switched off set to zero with
//! the rest renormalised. `injection` splits a subnet's TAO into pool injection and chain buys.
//!
//! The chain works in U64F64 fixed point; this works in Decimal (28 digits), so a share may
//! differ from the chain's in its last bits, far below what the page shows.

pub mod injection;

use crate::model::num::dec::DecimalOps;
use crate::model::num::precise::{checked, pow, OutOfRange};
use rust_decimal::Decimal;

/// What the chain reads of one subnet to share the block's TAO.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SubnetTerms {
    pub netuid: u16,
    /// Takes part at all: not root, first emission block set, subtoken enabled, registration
    /// allowed (`subnet_emissions.rs`, the eligibility filter).
    pub eligible: bool,
    /// `SubnetMovingPrice`, TAO per alpha (1 for a stable subnet); a negative one counts as 0.
    pub moving_price: Decimal,
    /// `MinerBurned`: the share of the last epoch's miner incentive withheld, 0 to 1 (more
    /// counts as 1).
    pub miner_burned: Decimal,
    /// `SubnetEmissionEnabled` (new subnets start switched off).
    pub enabled: bool,
}

/// The gate's parameters (`EmissionBarRank`, `EmissionGateExponent`, `EmissionBarQuantile`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gate {
    /// The bar is the share of this rank, largest first; 0 switches to the quantile.
    pub bar_rank: u16,
    /// `h` in `w / (1 + (bar / w)^h)`: 3 by default, 1 to 8 allowed.
    pub exponent: Decimal,
    /// With rank 0: the bar is the share at which the shares, largest first, add up to this.
    pub quantile: Decimal,
    /// The bar the chain keeps (`EmissionGateBar`, recomputed every 360 blocks); when known
    /// and positive it is the bar, else the bar is computed from the shares.
    pub stored_bar: Option<Decimal>,
}

impl Default for Gate {
    fn default() -> Self {
        Gate {
            bar_rank: 32,
            exponent: Decimal::from(3),
            quantile: Decimal::new(61, 2),
            stored_bar: None,
        }
    }
}

/// One subnet's share at each step, fractions of the block's TAO.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Share {
    pub netuid: u16,
    /// Its moving price over all eligible subnets' (0 when not eligible).
    pub price_share: Decimal,
    /// After the miner-burn reweighting, renormalised: what the bar is measured against.
    pub weighted: Decimal,
    /// The final share: gated, renormalised, 0 when switched off or not eligible.
    pub share: Decimal,
    /// `weighted` over the bar: at 1 the gate halves it, far above nearly all stays, far below
    /// nearly none. `None` without a bar (no share positive).
    pub vs_bar: Option<Decimal>,
}

/// Every subnet's share and the bar they were gated at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shares {
    pub rows: Vec<Share>,
    /// The bar (the gate's theta); zero when no share is positive, and then no gate.
    pub bar: Decimal,
}

/// Each subnet's share of the block's TAO, in the order given.
pub fn tao_shares(subnets: &[SubnetTerms], gate: &Gate) -> Result<Shares, OutOfRange> {
    let price = |s: &SubnetTerms| {
        if s.eligible {
            s.moving_price.max(Decimal::ZERO)
        } else {
            Decimal::ZERO
        }
    };
    let price_shares = normalised(&subnets.iter().map(price).collect::<Vec<_>>())?;
    // Burned miner incentive takes the same share of the subnet's weight; if everything was
    // burned the price shares stand.
    let burned = subnets
        .iter()
        .zip(&price_shares)
        .map(|(s, p)| {
            let kept = Decimal::ONE - s.miner_burned.clamp(Decimal::ZERO, Decimal::ONE);
            checked(p.try_mul(kept))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let weighted = or_else(normalised(&burned)?, &price_shares);
    let bar = bar(&weighted, gate);
    let gated = if bar.is_zero() {
        weighted.clone()
    } else {
        let hill = weighted
            .iter()
            .map(|&w| hill(w, bar, gate.exponent))
            .collect::<Result<Vec<_>, _>>()?;
        or_else(normalised(&hill)?, &weighted)
    };
    // Switched-off subnets get nothing; the others share what they left (all of it, or none
    // when every eligible subnet is off).
    let on = subnets
        .iter()
        .zip(&gated)
        .map(|(s, g)| if s.enabled { *g } else { Decimal::ZERO })
        .collect::<Vec<_>>();
    let shares = if subnets.iter().all(|s| s.enabled || !s.eligible) {
        gated
    } else {
        normalised(&on)?
    };
    let rows = subnets
        .iter()
        .zip(price_shares)
        .zip(weighted)
        .zip(shares)
        .map(|(((s, price_share), weighted), share)| Share {
            netuid: s.netuid,
            price_share,
            weighted,
            share,
            vs_bar: (!bar.is_zero()).then(|| weighted.try_div(bar)).flatten(),
        })
        .collect();
    Ok(Shares { rows, bar })
}

/// Each value over their sum; all zeros when the sum is zero.
fn normalised(values: &[Decimal]) -> Result<Vec<Decimal>, OutOfRange> {
    let mut total = Decimal::ZERO;
    for v in values {
        total = checked(total.try_add(*v))?;
    }
    if total.is_zero() {
        return Ok(vec![Decimal::ZERO; values.len()]);
    }
    values.iter().map(|v| checked(v.try_div(total))).collect()
}

/// `shares`, unless they are all zero: then `fallback` (the chain keeps the previous step's).
fn or_else(shares: Vec<Decimal>, fallback: &[Decimal]) -> Vec<Decimal> {
    if shares.iter().all(Decimal::is_zero) {
        fallback.to_vec()
    } else {
        shares
    }
}

/// The gate's bar: the share of rank `bar_rank` among the positive ones, largest first (the
/// smallest positive one when there are fewer), or with rank 0 the share at which they add up
/// to the quantile. Zero when none is positive.
fn bar(weighted: &[Decimal], gate: &Gate) -> Decimal {
    if let Some(kept) = gate.stored_bar.filter(|b| *b > Decimal::ZERO) {
        return kept;
    }
    let mut positive: Vec<Decimal> = weighted
        .iter()
        .copied()
        .filter(|w| *w > Decimal::ZERO)
        .collect();
    positive.sort_unstable_by(|a, b| b.cmp(a));
    if gate.bar_rank > 0 {
        let rank = usize::from(gate.bar_rank);
        return positive
            .get(rank - 1)
            .or(positive.last())
            .copied()
            .unwrap_or(Decimal::ZERO);
    }
    let mut sum = Decimal::ZERO;
    for w in &positive {
        sum = sum.saturating_add(*w);
        if sum >= gate.quantile {
            return *w;
        }
    }
    positive.last().copied().unwrap_or(Decimal::ZERO)
}

/// The Hill gate `w / (1 + (bar / w)^h)`: a share at the bar keeps half, far above it nearly
/// all, far below it nearly nothing. A zero share stays zero.
fn hill(w: Decimal, bar: Decimal, exponent: Decimal) -> Result<Decimal, OutOfRange> {
    if w.is_zero() {
        return Ok(Decimal::ZERO);
    }
    let ratio = checked(bar.try_div(w))?;
    // A share so far below the bar that the power leaves Decimal's range keeps nothing (the
    // chain's fixed point saturates there too).
    match pow(ratio, exponent).map(|p| Decimal::ONE.try_add(p)) {
        Ok(Some(divisor)) => checked(w.try_div(divisor)),
        _ if ratio > Decimal::ONE => Ok(Decimal::ZERO),
        Ok(None) => Err(OutOfRange),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests;
