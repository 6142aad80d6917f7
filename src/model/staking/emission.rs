//! What staking earns per epoch (SPEC §2). Follows subtensor `coinbase/run_coinbase.rs` (the
//! split of each block's alpha: owner cut, then half to miners and half to validators and their
//! stakers) and `coinbase/block_step.rs` (the root proportion of the validator half).

use crate::model::num::dec::DecimalOps;
use crate::model::num::precise::{checked, expm1, ln1p, OutOfRange};
use rust_decimal::Decimal;

/// Blocks a day at 12 s each.
pub const BLOCKS_PER_DAY: u32 = 7_200;
pub const DAYS_PER_YEAR: u32 = 365;
/// `SubnetOwnerCut`: 11,796 of 65,535 (about 18 %).
pub const OWNER_CUT: (i64, i64) = (11_796, 65_535);

/// The validators' and stakers' share of a subnet's alpha emission: half of what the owner
/// cut leaves, `(1 - 11796/65535) / 2`, about 41 %.
pub fn validator_share() -> Decimal {
    Decimal::from(OWNER_CUT.1 - OWNER_CUT.0) / Decimal::from(2 * OWNER_CUT.1)
}

/// The default validator take, 11,796 / 65,535 (the chain's maximum too).
pub fn default_take() -> Decimal {
    Decimal::from(OWNER_CUT.0) / Decimal::from(OWNER_CUT.1)
}

/// Root's share of a subnet's validator half: `rp = R w / (R w + A)`, with R the TAO staked on
/// root, w the TaoWeight and A the subnet's alpha issuance (block_step.rs).
pub fn root_proportion(
    root_tao: Decimal,
    tao_weight: Decimal,
    alpha_issuance: Decimal,
) -> Result<Decimal, OutOfRange> {
    let weighted = checked(root_tao.try_mul(tao_weight))?;
    let total = checked(weighted.try_add(alpha_issuance))?;
    if total.is_zero() {
        return Ok(Decimal::ZERO);
    }
    checked(weighted.try_div(total))
}

/// A subnet's figures that set its stakers' yield.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SubnetYield {
    /// `alpha_out_emission`: alpha per block before the splits.
    pub alpha_per_block: Decimal,
    /// A: alpha in pool plus alpha outstanding.
    pub alpha_issuance: Decimal,
    /// R: TAO staked on root.
    pub root_tao: Decimal,
    /// w: TaoWeight (0.18).
    pub tao_weight: Decimal,
    /// Blocks between payouts: the subnet's tempo (360; 361 before spec 423).
    pub epoch_blocks: u32,
}

/// The alpha that validators and their stakers share each epoch:
/// `V = blocks_per_epoch * alpha_out_emission * 0.41 * (1 - rp)`.
pub fn validator_pool_per_epoch(subnet: &SubnetYield) -> Result<Decimal, OutOfRange> {
    let rp = root_proportion(subnet.root_tao, subnet.tao_weight, subnet.alpha_issuance)?;
    let per_block = checked(
        subnet
            .alpha_per_block
            .try_mul(validator_share())
            .and_then(|v| v.try_mul(Decimal::ONE - rp)),
    )?;
    checked(per_block.try_mul(Decimal::from(subnet.epoch_blocks)))
}

/// Where the alpha stake `A_v` sharing a subnet's alpha dividends comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StakeBaseSource {
    /// The alpha-only stake of validators with a permit, as the chain shares dividends.
    AlphaOnly,
    /// Only the stake weight (alpha + TaoWeight x root TAO per validator) is known: capped at
    /// the alpha outstanding, the most `A_v` can be, so the yield shown is a lower bound.
    CappedStakeWeight,
    /// Only the stake weight is known and no alpha outstanding to cap it: an estimate that
    /// understates the yield.
    StakeWeight,
    /// Only the alpha outstanding is known: the most `A_v` can be.
    AlphaOutstanding,
}

impl StakeBaseSource {
    pub fn is_estimate(self) -> bool {
        self != StakeBaseSource::AlphaOnly
    }
}

/// The alpha staked on dividend-earning validators, `A_v` (SPEC §2). The chain splits each
/// hotkey's dividend into an alpha part `a / (a + w t)` and a root part and shares the alpha part
/// over ALPHA only (coinbase/run_coinbase.rs), so the metagraph's per-UID stake weight is not
/// `A_v`; it can never exceed the alpha outstanding.
pub fn alpha_stake_base(
    alpha_only: Option<Decimal>,
    stake_weight: Option<Decimal>,
    alpha_outstanding: Option<Decimal>,
) -> Option<(Decimal, StakeBaseSource)> {
    match (alpha_only, stake_weight, alpha_outstanding) {
        (Some(a), _, _) => Some((a, StakeBaseSource::AlphaOnly)),
        (None, Some(w), Some(out)) => Some((w.min(out), StakeBaseSource::CappedStakeWeight)),
        (None, Some(w), None) => Some((w, StakeBaseSource::StakeWeight)),
        (None, None, Some(out)) => Some((out, StakeBaseSource::AlphaOutstanding)),
        (None, None, None) => None,
    }
}

/// Root dividends are paid only while the sum of the subnets' moving (EMA) prices is above 1;
/// otherwise they are recycled (coinbase/run_coinbase.rs).
pub fn root_dividends_paid(moving_prices: &[Decimal]) -> bool {
    moving_prices.iter().copied().sum::<Decimal>() > Decimal::ONE
}

/// What stakers share: the pool per epoch, the stake sharing it, and the epoch length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YieldBase {
    pub pool_per_epoch: Decimal,
    pub stake_total: Decimal,
    pub epoch_blocks: u32,
}

/// A subnet's stakers: its validator pool per epoch, shared by `stake_total`.
pub fn subnet_yield_base(
    subnet: &SubnetYield,
    stake_total: Decimal,
) -> Result<YieldBase, OutOfRange> {
    Ok(YieldBase {
        pool_per_epoch: validator_pool_per_epoch(subnet)?,
        stake_total,
        epoch_blocks: subnet.epoch_blocks,
    })
}

/// Root's stakers: a day of root dividends (below), shared by the TAO staked on root. Root's
/// dividends are claimed, not paid each tempo, so this model pays them out once a day.
pub fn root_yield_base(
    subnets: &[(Decimal, Decimal, Decimal)],
    root_tao: Decimal,
    tao_weight: Decimal,
) -> Result<YieldBase, OutOfRange> {
    let per_block = root_dividends_per_block(subnets, root_tao, tao_weight)?;
    Ok(YieldBase {
        pool_per_epoch: checked(per_block.try_mul(Decimal::from(BLOCKS_PER_DAY)))?,
        stake_total: root_tao,
        epoch_blocks: BLOCKS_PER_DAY,
    })
}

/// What a delegator keeps of each epoch's pool per alpha staked:
/// `V * (1 - take) * vtrust / A_v`.
pub fn staker_rate_per_epoch(
    pool_per_epoch: Decimal,
    take: Decimal,
    vtrust: Decimal,
    stake_total: Decimal,
) -> Result<Decimal, OutOfRange> {
    if stake_total <= Decimal::ZERO {
        return Err(OutOfRange);
    }
    checked(
        pool_per_epoch
            .try_mul(Decimal::ONE - take)
            .and_then(|v| v.try_mul(vtrust))
            .and_then(|v| v.try_div(stake_total)),
    )
}

pub fn epochs_per_day(epoch_blocks: u32) -> Decimal {
    Decimal::from(BLOCKS_PER_DAY) / Decimal::from(epoch_blocks.max(1))
}

pub fn epochs_per_year(epoch_blocks: u32) -> Decimal {
    Decimal::from(BLOCKS_PER_DAY * DAYS_PER_YEAR) / Decimal::from(epoch_blocks.max(1))
}

/// Payouts completed in `days`: the chain pays at the end of each epoch.
pub fn epochs_in_days(days: u32, epoch_blocks: u32) -> u64 {
    u64::from(days) * u64::from(BLOCKS_PER_DAY) / u64::from(epoch_blocks.max(1))
}

/// `APR = r_epoch * epochs per year`.
pub fn apr(rate: Decimal, epoch_blocks: u32) -> Result<Decimal, OutOfRange> {
    checked(rate.try_mul(epochs_per_year(epoch_blocks)))
}

/// `APY = (1 + r_epoch)^(epochs per year) - 1`.
pub fn apy(rate: Decimal, epoch_blocks: u32) -> Result<Decimal, OutOfRange> {
    expm1(checked(ln1p(rate)?.try_mul(epochs_per_year(epoch_blocks)))?)
}

/// The per-epoch rate that compounds to `apy` in a year.
pub fn rate_from_apy(apy: Decimal, epoch_blocks: u32) -> Result<Decimal, OutOfRange> {
    expm1(checked(ln1p(apy)?.try_div(epochs_per_year(epoch_blocks)))?)
}

/// Root stakers' dividends per block, in TAO: each subnet's validator half times its root
/// proportion, valued at its price. Root holds them as claimable alpha, swapped when claimed.
pub fn root_dividends_per_block(
    subnets: &[(Decimal, Decimal, Decimal)],
    root_tao: Decimal,
    tao_weight: Decimal,
) -> Result<Decimal, OutOfRange> {
    let mut total = Decimal::ZERO;
    for &(alpha_per_block, alpha_issuance, price) in subnets {
        let rp = root_proportion(root_tao, tao_weight, alpha_issuance)?;
        let tao = checked(
            alpha_per_block
                .try_mul(validator_share())
                .and_then(|v| v.try_mul(rp))
                .and_then(|v| v.try_mul(price)),
        )?;
        total = checked(total.try_add(tao))?;
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// SPEC §2's worked figures: emission 1, R 6M TAO, w 0.18, A 3M alpha, A_v 1.2M, take
    /// 11,796/65,535, vtrust 1, 361-block epochs, 1,000 alpha staked.
    #[test]
    fn spec_worked_figures() {
        let rp = root_proportion(d("6000000"), d("0.18"), d("3000000")).unwrap();
        assert!((rp - d("0.2647058823529411764705882353")).abs() < d("1e-26"));
        let subnet = SubnetYield {
            alpha_per_block: Decimal::ONE,
            alpha_issuance: d("3000000"),
            root_tao: d("6000000"),
            tao_weight: d("0.18"),
            epoch_blocks: 361,
        };
        let pool = validator_pool_per_epoch(&subnet).unwrap();
        let rate = staker_rate_per_epoch(pool, default_take(), Decimal::ONE, d("1200000")).unwrap();
        let per_day = rate * d("1000") * epochs_per_day(361);
        assert_eq!(per_day.round_dp(3), d("1.483"));
        let apy = apy(rate, 361).unwrap();
        assert_eq!((apy * d("100")).round_dp(1), d("71.8"));
        let back = rate_from_apy(apy, 361).unwrap();
        assert!((back - rate).abs() < d("1e-24"));
        assert!((validator_share() - d("0.41")).abs() < d("0.00001"));
    }

    #[test]
    fn the_yield_base_is_alpha_only_or_capped_at_alpha_outstanding() {
        // Subnet 64 of the bundled snapshot: stake weight 3,938,068.7 > alpha out 3,319,182.1.
        let (base, source) = alpha_stake_base(
            None,
            Some(d("3938068.737166841")),
            Some(d("3319182.111772565")),
        )
        .unwrap();
        assert_eq!(base, d("3319182.111772565"));
        assert_eq!(source, StakeBaseSource::CappedStakeWeight);
        assert!(source.is_estimate());
        let (base, source) =
            alpha_stake_base(Some(d("2000000")), Some(d("3938068")), Some(d("3319182"))).unwrap();
        assert_eq!((base, source), (d("2000000"), StakeBaseSource::AlphaOnly));
        assert!(!source.is_estimate());
        assert_eq!(
            alpha_stake_base(None, Some(d("5")), Some(d("9")))
                .unwrap()
                .0,
            d("5")
        );
        assert_eq!(alpha_stake_base(None, None, None), None);
    }

    #[test]
    fn root_dividends_need_moving_prices_above_one() {
        assert!(root_dividends_paid(&[d("0.6"), d("0.5")]));
        assert!(!root_dividends_paid(&[d("0.6"), d("0.4")]));
        assert!(!root_dividends_paid(&[]));
    }
}
