//! The chain figures that set a subnet's staking yield (SPEC §2), prefilled from the subnet in
//! the data and editable (the table below). Root's yield is summed over every subnet in the data.

use crate::calc::field::Field;
use crate::calc::format::plain;
use crate::calc::param::{Default, Doc, Param};
use crate::calc::pool_source::FIX_FIELDS;
use crate::calc::typed::{parse_bounded, parse_whole, Bounds};
use crate::model::num::units::rao_to_decimal;
use crate::model::staking::emission::{
    alpha_stake_base, root_dividends_paid, root_yield_base, subnet_yield_base, StakeBaseSource,
    SubnetYield, YieldBase,
};
use crate::model::words::group_thousands;
use crate::snapshot::{Snapshot, Subnet};
use rust_decimal::Decimal;

/// TaoWeight when the data does not say (SPEC §2).
pub const DEFAULT_TAO_WEIGHT: &str = "0.18";
/// Blocks per epoch from runtime 423 on.
pub const DEFAULT_EPOCH_BLOCKS: &str = "360";

/// 1,000,000,000,000 (1e12 = 0xE8_D4A5_1000).
const BIG: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0);

pub const EMISSION: Param<Decimal> = Param {
    key: "emission",
    label: "Alpha emission per block",
    default: Default::Data("the subnet's alpha_out_emission"),
    unit: "alpha",
    about: "The alpha the subnet emits to its participants each block (0 to 1,000).",
    parse: |t| {
        parse_bounded(
            t,
            Bounds::new(Decimal::ZERO, true, Decimal::ONE_THOUSAND, 9),
        )
    },
};
pub const EPOCH_BLOCKS: Param<u32> = Param {
    key: "epoch_blocks",
    label: "Blocks per epoch",
    default: Default::Data("the subnet's tempo, else 360"),
    unit: "blocks",
    about: "How often the subnet pays out (its tempo).",
    parse: |t| parse_whole(t, 1, 100_000).map(|b| b as u32),
};
pub const ISSUANCE: Param<Decimal> = Param {
    key: "issuance",
    label: "Subnet alpha issuance",
    default: Default::Data("alpha in pool + alpha outstanding"),
    unit: "alpha",
    about: "All the subnet's alpha: in the pool and outstanding.",
    parse: |t| parse_bounded(t, Bounds::new(Decimal::ZERO, false, BIG, 9)),
};
pub const ALPHA_STAKE: Param<Decimal> = Param {
    key: "alpha_stake",
    label: "Alpha staked on validators (A_v)",
    default: Default::Data("the validators' alpha-only stake, else an estimate"),
    unit: "alpha",
    about: "The alpha-only stake the chain shares the alpha dividends over.",
    parse: |t| parse_bounded(t, Bounds::new(Decimal::ZERO, false, BIG, 9)),
};
pub const ROOT_TAO: Param<Decimal> = Param {
    key: "root_tao",
    label: "TAO staked on root",
    default: Default::Data("the data's root stake"),
    unit: "TAO",
    about: "TAO staked on root (subnet 0), which takes part in every subnet's dividends.",
    parse: |t| parse_bounded(t, Bounds::new(Decimal::ZERO, true, BIG, 9)),
};
pub const TAO_WEIGHT: Param<Decimal> = Param {
    key: "tao_weight",
    label: "TaoWeight",
    default: Default::Data("the data's, else 0.18"),
    unit: "",
    about: "Root's weight in the root proportion, 0 to 1.",
    parse: |t| parse_bounded(t, Bounds::new(Decimal::ZERO, true, Decimal::ONE, 9)),
};

/// The chain figures' parameters, for the docs.
pub fn docs() -> Vec<Doc> {
    vec![
        EMISSION.doc(),
        EPOCH_BLOCKS.doc(),
        ISSUANCE.doc(),
        ALPHA_STAKE.doc(),
        ROOT_TAO.doc(),
        TAO_WEIGHT.doc(),
    ]
}

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
        // A_v can never exceed the alpha anyone can stake: eligible alpha where the data has
        // it, else the alpha outstanding (SPEC §2).
        let base = subnet.and_then(|s| {
            alpha_stake_base(
                s.validator_alpha_stake,
                s.total_stake_alpha,
                s.eligible_alpha_rao.or(s.alpha_out_rao).map(rao_to_decimal),
            )
        });
        // Alpha in the pool, outstanding and in the Balancer reservoir (SPEC §2).
        let issuance = subnet.and_then(|s| s.alpha_issuance_rao().map(rao_to_decimal));
        let tempo = subnet.and_then(|s| s.tempo).filter(|t| *t > 0);
        // Grouped, as people read it; the boxes read grouped digits back.
        let text = |d: Option<Decimal>| d.map(|d| group_thousands(&plain(d))).unwrap_or_default();
        ChainFigures {
            alpha_stake_source: match get(ALPHA_STAKE.key) {
                Some(_) => None,
                None => base.map(|(_, source)| source),
            },
            emission: EMISSION.read_or(get, &text(subnet.and_then(|s| s.alpha_out_emission))),
            issuance: ISSUANCE.read_or(get, &text(issuance)),
            alpha_stake: ALPHA_STAKE.read_or(get, &text(base.map(|(v, _)| v))),
            root_tao: ROOT_TAO.read_or(get, &text(snapshot.root_tao_staked)),
            tao_weight: TAO_WEIGHT.read_or(
                get,
                &snapshot
                    .tao_weight
                    .map(plain)
                    .unwrap_or_else(|| DEFAULT_TAO_WEIGHT.to_string()),
            ),
            epoch_blocks: EPOCH_BLOCKS.read_or(
                get,
                &tempo
                    .map(|t| t.to_string())
                    .unwrap_or_else(|| DEFAULT_EPOCH_BLOCKS.to_string()),
            ),
        }
    }

    /// Whether the alpha stake is an estimate (the data lacks the alpha-only stake), and the
    /// sentence that says so.
    pub fn alpha_stake_note(&self) -> Option<&'static str> {
        match self.alpha_stake_source? {
            StakeBaseSource::AlphaOnly => None,
            StakeBaseSource::CappedStakeWeight => Some(
                "Estimate: this data has only each validator's stake weight (alpha + 0.18 × root TAO), not the alpha-only stake the chain shares dividends over, so the total is capped at the eligible alpha (the alpha outstanding, less what the chain bought or burned where the data says). The true base is smaller, so the yield is at least what is shown.",
            ),
            StakeBaseSource::StakeWeight => Some(
                "Estimate: this data has only the stake weight (alpha + 0.18 × root TAO), which overstates the alpha the chain shares dividends over, so the yield is understated.",
            ),
            StakeBaseSource::AlphaOutstanding => Some(
                "Estimate: this data has no validator stake, so all eligible alpha (the alpha outstanding, less what the chain bought or burned where the data says) is assumed staked on validators; the yield is at least what is shown.",
            ),
        }
    }

    /// Root dividends are paid only while the subnets' moving prices sum above 1: a warning
    /// when the data says they do not.
    pub fn root_dividends_warning(snapshot: &Snapshot) -> Option<String> {
        let prices = snapshot.moving_prices();
        if prices.is_empty() || root_dividends_paid(&prices) {
            return None;
        }
        let sum: Decimal = prices.iter().copied().sum();
        Some(format!(
            "In this data the subnets' moving prices sum to {}, not above 1: the chain then recycles root dividends instead of paying them, so root stakers earn nothing from subnets until the sum is above 1 again.",
            sum.round_dp(4).normalize()
        ))
    }

    /// The first chain figure the calculation needs that does not read, named, with where it
    /// is: the section opens itself when there is one (`ChainFields`). Root needs only the root
    /// stake and the TAO weight.
    pub fn problem(&self, root: bool) -> Option<String> {
        let needed: Vec<(&str, Option<String>)> = if root {
            vec![
                (ROOT_TAO.label, self.root_tao.error()),
                (TAO_WEIGHT.label, self.tao_weight.error()),
            ]
        } else {
            vec![
                (EMISSION.label, self.emission.error()),
                (EPOCH_BLOCKS.label, self.epoch_blocks.error()),
                (ISSUANCE.label, self.issuance.error()),
                (ALPHA_STAKE.label, self.alpha_stake.error()),
                (ROOT_TAO.label, self.root_tao.error()),
                (TAO_WEIGHT.label, self.tao_weight.error()),
            ]
        };
        needed.into_iter().find_map(|(label, error)| {
            error.map(|e| {
                format!(
                    "{label} is needed: {e} It is under “Chain figures”, below the other inputs."
                )
            })
        })
    }

    /// The yield base of a subnet, or of root (its share of every subnet's validator emission
    /// in `snapshot`, valued at each price, paid out here once a day).
    pub fn base(&self, snapshot: &Snapshot, root: bool) -> Result<YieldBase, String> {
        let problem = self.problem(root);
        let fix = || problem.clone().unwrap_or_else(|| FIX_FIELDS.to_string());
        let root_tao = self.root_tao.ok().ok_or_else(fix)?;
        let tao_weight = self.tao_weight.ok().ok_or_else(fix)?;
        if root {
            return root_yield_base(&snapshot.root_dividend_sources(), root_tao, tao_weight)
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
