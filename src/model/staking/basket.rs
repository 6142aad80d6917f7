//! A new root position's basket since Root Reborn (SPEC §2; subtensor spec 461 on). Root stake
//! stays TAO; each epoch a subnet pays root its `rp` part of the validator half
//! (`coinbase/run_coinbase.rs` `emit_to_subnets`), the validator keeps its delegate take as
//! subnet alpha, and the rest is credited in place as alpha of that subnet, held as stake on the
//! validator (`staking/basket_flush.rs` `try_accumulate_basket_credit`), so it keeps earning the
//! subnet's alpha dividends (`claim_root.rs` `get_basket_holdings`). A claim sells the
//! claimant's slice of every holding into its pool without a pool fee, slippage only
//! (`claim_root.rs` `root_claim_for_hotkey_into`, `drop_fees = true`), pays nothing under
//! `RootClaimableThreshold`, and costs a transaction fee billed as four claim units since spec
//! 467 (`runtime/src/staking_fee.rs`).
//!
//! The model holds the position's own slice as if it were the whole basket: its sale's slippage
//! is its own. A real fund is larger (every root staker of the validator, since August) and a
//! claimant gets its share of the fund's full sale, so its slippage is larger; the page says so.

use crate::model::num::dec::DecimalOps;
use crate::model::num::precise::{checked, expm1, ln1p, pow, OutOfRange};
use crate::model::num::units::{decimal_to_rao, rao_to_decimal, RAO_PER_TAO};
use crate::model::pool::fee::FeeRate;
use crate::model::pool::side::Side;
use crate::model::pool::swap::swap;
use crate::model::pool::Pool;
use crate::model::staking::emission::{epochs_in_days, validator_share, DAYS_PER_YEAR};
use rust_decimal::Decimal;

/// `RootClaimableThreshold` (500,000 rao): a claim paying less does nothing
/// (`claim_root.rs`, compared with the claim's estimated payout).
pub const CLAIM_THRESHOLD_RAO: u64 = 500_000;

/// The weight part of a claim's transaction fee, rao: the runtime bills either claim call as
/// `ROOT_CLAIM_FEE_ALLOWANCE` = 4 claim units (`runtime/src/staking_fee.rs`
/// `root_claim_fee_weight`): `claim_root(4) + claim_root_scan(4)` and one hotkey's flush of 24
/// quotes and 4 rows, from the benchmarks in `pallets/subtensor/src/weights.rs`, at
/// `LinearWeightToFee`'s 0.00025 rao per unit of ref_time, rounded to the nearest rao. The
/// base and length part (a few thousand rao) depends on the extrinsic and is not included.
pub const fn claim_weight_fee_rao() -> u64 {
    const READ: u64 = 25_000_000;
    const WRITE: u64 = 100_000_000;
    const fn claim_root(u: u64) -> u64 {
        567_441_000 + 437_318_379 * u + (23 + 22 * u) * READ + (18 + 16 * u) * WRITE
    }
    const fn claim_root_scan(u: u64) -> u64 {
        309_208_000 + 263_604_241 * u + (6 + 21 * u) * READ
    }
    const fn flush(quotes: u64, rows: u64) -> u64 {
        (10_000_000 + 4 * READ) * quotes + claim_root(rows)
    }
    let units = 4;
    let ref_time = claim_root(units) + claim_root_scan(units) + flush(6 * units, units);
    // 250,000 parts per billion; ties round down (`remainder * 2 > billion`).
    let scaled = ref_time as u128 * 250_000;
    let (q, r) = (scaled / 1_000_000_000, scaled % 1_000_000_000);
    (q + if r * 2 > 1_000_000_000 { 1 } else { 0 }) as u64
}

/// One subnet as the basket sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    pub netuid: u16,
    pub pool: Pool,
    /// Alpha credited to the position's basket at the end of each epoch.
    pub credit_per_epoch: Decimal,
    /// What a staker's alpha earns per epoch on this subnet: the basket's holding is stake on
    /// the validator there.
    pub rate_per_epoch: Decimal,
    pub epoch_blocks: u32,
}

/// The alpha a position of `share` of root's TAO is credited per epoch: the subnet's alpha
/// emission a block times the validator half and `rp`, less the validator's `take`.
pub fn credit_per_epoch(
    alpha_per_block: Decimal,
    rp: Decimal,
    share: Decimal,
    take: Decimal,
    epoch_blocks: u32,
) -> Result<Decimal, OutOfRange> {
    checked(
        alpha_per_block
            .try_mul(validator_share())
            .and_then(|v| v.try_mul(rp))
            .and_then(|v| v.try_mul(share))
            .and_then(|v| v.try_mul(Decimal::ONE - take))
            .and_then(|v| v.try_mul(Decimal::from(epoch_blocks))),
    )
}

/// The holding after `epochs` credits, each earning `rate` an epoch from the next one on:
/// `d ((1 + r)^n - 1) / r`, or `n d` without a rate.
pub fn holding_after(source: &Source, epochs: u64) -> Result<Decimal, OutOfRange> {
    let (d, r) = (source.credit_per_epoch, source.rate_per_epoch);
    let n = Decimal::from(epochs);
    if r.is_zero() {
        return checked(d.try_mul(n));
    }
    let grown = expm1(checked(ln1p(r)?.try_mul(n))?)?;
    checked(d.try_mul(grown).and_then(|v| v.try_div(r)))
}

/// One holding at a day, valued.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Leg {
    pub netuid: u16,
    pub alpha_rao: u64,
    /// The holding at the pool's spot price then, TAO.
    pub spot_tao: Decimal,
    /// What selling it into that pool returns without a fee, rao; `None` when the pool cannot
    /// take it (the chain writes such a holding off).
    pub realizable_rao: Option<u64>,
}

/// Alpha as whole rao, rounded down: the chain credits rao.
pub fn floor_rao(alpha: Decimal) -> Result<u64, OutOfRange> {
    let rao = checked(alpha.try_mul(Decimal::from(RAO_PER_TAO)))?.floor();
    decimal_to_rao(rao / Decimal::from(RAO_PER_TAO)).ok_or(OutOfRange)
}

/// The price path of the scenario: `(1 + change)^(min(t, days) / days)` after `t` days.
pub fn price_ratio(day: u32, days: u32, change: Decimal) -> Result<Decimal, OutOfRange> {
    if change <= Decimal::NEGATIVE_ONE || days == 0 {
        return Err(OutOfRange);
    }
    let t = Decimal::from(day.min(days)) / Decimal::from(days);
    pow(Decimal::ONE + change, t)
}

/// Every holding after `day` days, its pool moved along its curve by the price scenario.
pub fn legs(sources: &[Source], day: u32, ratio: Decimal) -> Result<Vec<Leg>, OutOfRange> {
    let mut out = Vec::with_capacity(sources.len());
    for s in sources {
        let alpha = holding_after(s, epochs_in_days(day, s.epoch_blocks))?;
        let alpha_rao = floor_rao(alpha)?;
        let pool = s.pool.at_price_ratio(ratio)?;
        let spot_tao = checked(rao_to_decimal(alpha_rao).try_mul(pool.spot_price()))?;
        let realizable_rao = match alpha_rao {
            0 => Some(0),
            a => swap(&pool.with_fee_rate(FeeRate::ZERO), Side::Unstake, a, None)
                .ok()
                .map(|s| s.out_rao),
        };
        out.push(Leg {
            netuid: s.netuid,
            alpha_rao,
            spot_tao,
            realizable_rao,
        });
    }
    Ok(out)
}

/// A claim of the whole basket at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Claim {
    pub spot_tao: Decimal,
    pub realizable_rao: u64,
    /// Whether the payout reaches `RootClaimableThreshold`; under it nothing is claimed.
    pub claimed: bool,
    pub fee_rao: u64,
    /// Slippage of every leg (spot less what the sale returns) plus the fee, TAO.
    pub cost_tao: Decimal,
    /// What the claim adds to the root stake: the payout less the fee, TAO (0 when nothing is
    /// claimed; negative when the fee is larger).
    pub net_tao: Decimal,
}

pub fn claim(legs: &[Leg]) -> Result<Claim, OutOfRange> {
    let mut spot = Decimal::ZERO;
    let mut realizable: u64 = 0;
    for leg in legs {
        spot = checked(spot.try_add(leg.spot_tao))?;
        realizable = realizable
            .checked_add(leg.realizable_rao.unwrap_or(0))
            .ok_or(OutOfRange)?;
    }
    let claimed = realizable >= CLAIM_THRESHOLD_RAO;
    let fee_rao = claim_weight_fee_rao();
    let fee = rao_to_decimal(fee_rao);
    let payout = rao_to_decimal(realizable);
    Ok(Claim {
        spot_tao: spot,
        realizable_rao: realizable,
        claimed,
        fee_rao,
        cost_tao: checked(spot.try_sub(payout).and_then(|v| v.try_add(fee)))?,
        net_tao: if claimed {
            checked(payout.try_sub(fee))?
        } else {
            Decimal::ZERO
        },
    })
}

/// A growth over `days` as a year's, on the app's 365-day year: `(1 + growth)^(365 / days) - 1`.
pub fn annualised(growth: Decimal, days: Decimal) -> Result<Decimal, OutOfRange> {
    if days <= Decimal::ZERO {
        return Err(OutOfRange);
    }
    let years = checked(Decimal::from(DAYS_PER_YEAR).try_div(days))?;
    expm1(checked(ln1p(growth)?.try_mul(years))?)
}

/// The APY in TAO of a basket worth `gained` TAO at spot after `days` on `stake` TAO of root:
/// `(1 + gained / stake)^(365 / days) - 1`.
pub fn apy(gained: Decimal, stake: Decimal, days: u32) -> Result<Decimal, OutOfRange> {
    if stake <= Decimal::ZERO {
        return Err(OutOfRange);
    }
    annualised(checked(gained.try_div(stake))?, Decimal::from(days))
}

#[cfg(test)]
#[path = "basket_tests.rs"]
mod tests;
