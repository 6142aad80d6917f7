//! The chain figures that set a subnet's staking yield (SPEC §2), prefilled from the subnet in
//! the data and editable: `emission` (alpha per block), `issuance`, `alpha_stake`, `root_tao`,
//! `tao_weight`, `epoch_blocks`. Root's yield is summed over every subnet in the data.

use crate::model::num::units::rao_to_decimal;
use crate::model::pool::Mechanism;
use crate::model::staking::emission::{
    alpha_stake_base, root_dividends_paid, root_yield_base, subnet_yield_base, StakeBaseSource,
    SubnetYield, YieldBase,
};
use crate::snapshot::{Snapshot, Subnet};
use crate::ui::field::Field;
use crate::ui::format::plain;
use crate::ui::pool_source::FIX_FIELDS;
use crate::ui::typed::{parse_bounded, parse_whole, Bounds};
use rust_decimal::Decimal;

/// TaoWeight when the data does not say (SPEC §2).
pub const DEFAULT_TAO_WEIGHT: &str = "0.18";
/// Blocks per epoch from runtime 423 on.
pub const DEFAULT_EPOCH_BLOCKS: &str = "360";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainFigures {
    pub emission: Field<Decimal>,
    pub issuance: Field<Decimal>,
    pub alpha_stake: Field<Decimal>,
    /// Where the prefilled alpha stake came from; `None` when typed in the URL.
    pub alpha_stake_source: Option<StakeBaseSource>,
    pub root_tao: Field<Decimal>,
    pub tao_weight: Field<Decimal>,
    pub epoch_blocks: Field<u32>,
}

impl ChainFigures {
    pub fn read(
        get: &impl Fn(&str) -> Option<String>,
        snapshot: &Snapshot,
        subnet: Option<&Subnet>,
    ) -> Self {
        let number = |key: &str, default: String, bounds: Bounds| {
            Field::read(get(key).as_deref(), &default, |t| parse_bounded(t, bounds))
        };
        let big = Decimal::from(1_000_000_000_000u64);
        let positive = Bounds::new(Decimal::ZERO, false, big, 9);
        let base = subnet.and_then(|s| {
            alpha_stake_base(
                s.validator_alpha_stake,
                s.total_stake_alpha,
                s.alpha_out_rao.map(rao_to_decimal),
            )
        });
        ChainFigures {
            alpha_stake_source: match get("alpha_stake") {
                Some(_) => None,
                None => base.map(|(_, source)| source),
            },
            emission: number(
                "emission",
                subnet
                    .and_then(|s| s.alpha_out_emission)
                    .map(plain)
                    .unwrap_or_default(),
                Bounds::new(Decimal::ZERO, true, Decimal::from(1_000), 9),
            ),
            issuance: number(
                "issuance",
                subnet
                    .and_then(|s| {
                        s.alpha_out_rao
                            .map(|out| rao_to_decimal(s.alpha_in_rao + out))
                    })
                    .map(plain)
                    .unwrap_or_default(),
                positive,
            ),
            alpha_stake: number(
                "alpha_stake",
                base.map(|(v, _)| plain(v)).unwrap_or_default(),
                positive,
            ),
            root_tao: number(
                "root_tao",
                snapshot.root_tao_staked.map(plain).unwrap_or_default(),
                Bounds::new(Decimal::ZERO, true, big, 9),
            ),
            tao_weight: number(
                "tao_weight",
                snapshot
                    .tao_weight
                    .map(plain)
                    .unwrap_or_else(|| DEFAULT_TAO_WEIGHT.to_string()),
                Bounds::new(Decimal::ZERO, true, Decimal::ONE, 9),
            ),
            epoch_blocks: Field::read(
                get("epoch_blocks").as_deref(),
                &subnet
                    .and_then(|s| s.tempo)
                    .filter(|t| *t > 0)
                    .map(|t| t.to_string())
                    .unwrap_or_else(|| DEFAULT_EPOCH_BLOCKS.to_string()),
                |t| parse_whole(t, 1, 100_000).map(|b| b as u32),
            ),
        }
    }

    /// Whether the alpha stake is an estimate (the data lacks the alpha-only stake), and the
    /// sentence that says so.
    pub fn alpha_stake_note(&self) -> Option<&'static str> {
        match self.alpha_stake_source? {
            StakeBaseSource::AlphaOnly => None,
            StakeBaseSource::CappedStakeWeight => Some(
                "Estimate: this data has only each validator's stake weight (alpha + 0.18 × root TAO), not the alpha-only stake the chain shares dividends over, so the total is capped at the alpha outstanding. The true base is smaller, so the yield is at least what is shown.",
            ),
            StakeBaseSource::StakeWeight => Some(
                "Estimate: this data has only the stake weight (alpha + 0.18 × root TAO), which overstates the alpha the chain shares dividends over, so the yield is understated.",
            ),
            StakeBaseSource::AlphaOutstanding => Some(
                "Estimate: this data has no validator stake, so all alpha outstanding is assumed staked on validators; the yield is at least what is shown.",
            ),
        }
    }

    /// Root dividends are paid only while the subnets' moving prices sum above 1: a warning
    /// when the data says they do not.
    pub fn root_dividends_warning(snapshot: &Snapshot) -> Option<String> {
        let prices: Vec<Decimal> = snapshot
            .subnets
            .iter()
            .filter(|s| s.mechanism == Mechanism::Dynamic)
            .filter_map(|s| s.moving_price)
            .collect();
        if prices.is_empty() || root_dividends_paid(&prices) {
            return None;
        }
        let sum: Decimal = prices.iter().copied().sum();
        Some(format!(
            "In this data the subnets' moving prices sum to {}, not above 1: the chain then recycles root dividends instead of paying them, so root stakers earn nothing from subnets until the sum is above 1 again.",
            sum.round_dp(4).normalize()
        ))
    }

    /// The yield base of a subnet, or of root (its share of every subnet's validator emission
    /// in `snapshot`, valued at each price, paid out here once a day).
    pub fn base(&self, snapshot: &Snapshot, root: bool) -> Result<YieldBase, String> {
        let fix = || FIX_FIELDS.to_string();
        let root_tao = self.root_tao.ok().ok_or_else(fix)?;
        let tao_weight = self.tao_weight.ok().ok_or_else(fix)?;
        if root {
            let subnets: Vec<(Decimal, Decimal, Decimal)> = snapshot
                .subnets
                .iter()
                .filter(|s| s.mechanism == Mechanism::Dynamic)
                .filter_map(|s| {
                    let issuance = rao_to_decimal(s.alpha_in_rao.checked_add(s.alpha_out_rao?)?);
                    Some((s.alpha_out_emission?, issuance, s.pool().ok()?.spot_price()))
                })
                .collect();
            return root_yield_base(&subnets, root_tao, tao_weight)
                .map_err(|_| "The root dividends are out of range.".to_string());
        }
        let epoch_blocks = self.epoch_blocks.ok().ok_or_else(fix)?;
        let subnet = SubnetYield {
            alpha_per_block: self.emission.ok().ok_or_else(fix)?,
            alpha_issuance: self.issuance.ok().ok_or_else(fix)?,
            root_tao,
            tao_weight,
            epoch_blocks,
        };
        subnet_yield_base(&subnet, self.alpha_stake.ok().ok_or_else(fix)?)
            .map_err(|_| "The emission figures are out of range.".to_string())
    }
}
