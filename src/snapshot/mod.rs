//! Subnet data: what a snapshot holds, reading it from JSON, and the snapshot compiled into the
//! app. Formats and fields follow SPEC §5.

pub mod age;
pub mod basket;
pub mod btcli;
pub mod bundled;
pub mod chain;
pub mod dtao_snapshot;
pub mod fetch;
pub mod fields;
pub mod history;
pub mod import;
pub mod listing;
pub mod live;
pub mod live_answer;
pub mod live_module;
pub mod metagraphed;
pub mod positions;
pub mod rows;
pub mod taostats_pool;
pub mod taostats_yield;

use crate::model::pool::fee::FeeRate;
use crate::model::pool::superellipse::Superellipse;
use crate::model::pool::weights::TaoWeight;
use crate::model::pool::{Curve, Mechanism, Pool, PoolError};
use rust_decimal::Decimal;
use std::fmt;

/// A set of subnets at one block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub network: String,
    /// The chain block the figures are from, when the source says.
    pub block: Option<u64>,
    /// When it was taken, as written (ISO 8601), when the source says.
    pub taken_at: Option<String>,
    pub source: String,
    pub block_emission_tao: Option<Decimal>,
    pub tao_weight: Option<Decimal>,
    pub root_tao_staked: Option<Decimal>,
    /// What the chain's runtime said, when the data was read from the chain.
    pub runtime: Runtime,
    pub subnets: Vec<Subnet>,
    /// Every root validator's basket, when the data was read from a runtime that has them
    /// (`BetaBasketRuntimeApi`, spec 461 on; `basket.rs`).
    pub root_baskets: Option<Vec<basket::RootBasket>>,
}

/// The runtime behind a snapshot read from the chain: its spec version, the lock rates it
/// stores (`MaturityRate`, `UnlockRate`, in blocks) when it has them, the subnet owner cut
/// (`SubnetOwnerCut`, parts of 65,535) and the hash of the block read, at which the chain can
/// be asked again (its own quote of a trade).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Runtime {
    pub spec_version: Option<u32>,
    pub maturity_rate: Option<u64>,
    pub unlock_rate: Option<u64>,
    pub owner_cut: Option<u16>,
    pub block_hash: Option<[u8; 32]>,
    /// The TAO emission's gate as the runtime stores it (`EmissionBarRank`,
    /// `EmissionGateExponent`, `EmissionBarQuantile`, and the bar it keeps, `EmissionGateBar`),
    /// when the data carries it (SPEC §2; `calc::tao_emission`).
    pub bar_rank: Option<u16>,
    pub gate_exponent: Option<Decimal>,
    pub bar_quantile: Option<Decimal>,
    pub gate_bar: Option<Decimal>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subnet {
    pub netuid: u16,
    pub name: String,
    pub symbol: String,
    pub mechanism: Mechanism,
    pub tao_in_rao: u64,
    pub alpha_in_rao: u64,
    pub alpha_out_rao: Option<u64>,
    /// `Swap::BalancerAlphaReservoir`: alpha the protocol minted for the pool that waits
    /// outside it (usually 0), part of the alpha issuance (SPEC §2). Known when read from a
    /// runtime that has it (spec 461 does, 393 not).
    pub alpha_reservoir_rao: Option<u64>,
    pub w_tao: Option<TaoWeight>,
    pub moving_price: Option<Decimal>,
    pub alpha_out_emission: Option<Decimal>,
    pub alpha_in_emission: Option<Decimal>,
    pub tao_in_emission: Option<Decimal>,
    pub total_stake_alpha: Option<Decimal>,
    pub tempo: Option<u64>,
    pub validator_count: Option<u64>,
    pub miner_count: Option<u64>,
    pub registered_at_block: Option<u64>,
    /// The pool's superellipse (`SwapSuperellipse`) when the chain stores one; else Balancer.
    pub superellipse: Option<Superellipse>,
    /// `FeeRate` (parts of 65,535) when the source gives it; else the default 33.
    pub fee_rate: Option<FeeRate>,
    /// The alpha-only stake of validators with a permit: the yield base `A_v` (SPEC §2).
    pub validator_alpha_stake: Option<Decimal>,
    /// Alpha outstanding less what the chain bought (`SubnetProtocolAlpha`) and burned
    /// (`AlphaBurned`): the alpha anyone can stake, the most `A_v` can be, and the base of the
    /// conviction takeover gate (SPEC §2, §4). Known when read from a runtime that has them.
    pub eligible_alpha_rao: Option<u64>,
    /// `MinerBurned`: the share of the last epoch's miner incentive withheld, 0 to 1, and
    /// `SubnetEmissionEnabled`, when the data carries them (the TAO emission's terms).
    pub miner_burned: Option<Decimal>,
    pub emission_enabled: Option<bool>,
    pub validators: Vec<Validator>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validator {
    pub hotkey: String,
    pub name: String,
    /// Fraction, 0 to 1 (the chain allows up to 0.18).
    pub take: Option<Decimal>,
    pub alpha_stake: Option<Decimal>,
    /// The yield to show by default, a fraction: the 30-day figure when known (Taostats'
    /// calculator averages 30 days), else the shortest-window one there is.
    pub apy: Option<Decimal>,
    /// Observed yields over 1 hour, 1 day, 7 and 30 days (Taostats), fractions.
    pub apy_1h: Option<Decimal>,
    pub apy_1d: Option<Decimal>,
    pub apy_7d: Option<Decimal>,
    pub apy_30d: Option<Decimal>,
}

impl Subnet {
    /// Its validators, largest alpha stake first (the data lists permitted ones only), at most
    /// `most`: the default validator, the picker's order and the side-by-side reads.
    pub fn largest_validators(&self, most: usize) -> Vec<&Validator> {
        let mut list: Vec<&Validator> = self.validators.iter().collect();
        crate::model::order::sort_by_key(&mut list, |v| std::cmp::Reverse(v.alpha_stake));
        list.truncate(most);
        list
    }

    /// A subnet known by its pool alone; each importer adds what its format has.
    pub fn with_pool(
        netuid: u16,
        mechanism: Mechanism,
        tao_in_rao: u64,
        alpha_in_rao: u64,
    ) -> Self {
        Subnet {
            netuid,
            name: String::new(),
            symbol: String::new(),
            mechanism,
            tao_in_rao,
            alpha_in_rao,
            alpha_out_rao: None,
            alpha_reservoir_rao: None,
            w_tao: None,
            moving_price: None,
            alpha_out_emission: None,
            alpha_in_emission: None,
            tao_in_emission: None,
            total_stake_alpha: None,
            tempo: None,
            validator_count: None,
            miner_count: None,
            registered_at_block: None,
            superellipse: None,
            fee_rate: None,
            validator_alpha_stake: None,
            eligible_alpha_rao: None,
            miner_burned: None,
            emission_enabled: None,
            validators: Vec::new(),
        }
    }

    /// The subnet's alpha issuance `A` of the root proportion (SPEC §2): alpha in the pool,
    /// alpha outstanding and the Balancer alpha reservoir (0 where the data lacks it), as
    /// RaoFoundation/subtensor `pallets/subtensor/src/staking/stake_utils/alpha_price.rs`
    /// `get_alpha_issuance` (0bb2cb3, lines 19-23) adds them; `None` without alpha outstanding.
    pub fn alpha_issuance_rao(&self) -> Option<u64> {
        let out = self.alpha_out_rao?;
        Some(
            self.alpha_in_rao
                .saturating_add(out)
                .saturating_add(self.alpha_reservoir_rao.unwrap_or(0)),
        )
    }

    /// The subnet's pool as the model takes it, with the curve and fee rate the chain stores.
    pub fn pool(&self) -> Result<Pool, PoolError> {
        let pool = Pool::new(
            self.tao_in_rao,
            self.alpha_in_rao,
            self.w_tao.unwrap_or_default(),
            self.mechanism,
        )?
        .with_fee_rate(self.fee_rate.unwrap_or_default());
        match self.superellipse {
            Some(curve) => pool.with_curve(Curve::Superellipse(curve)),
            None => Ok(pool),
        }
    }
}

impl Snapshot {
    /// Whether this snapshot is of a later chain state than `other`: by block where both say,
    /// else by the time taken (ISO 8601, so later sorts later). Unknown is not newer.
    pub fn is_newer_than(&self, other: &Snapshot) -> bool {
        match (self.block, other.block) {
            (Some(a), Some(b)) => a > b,
            _ => match (&self.taken_at, &other.taken_at) {
                (Some(a), Some(b)) => a > b,
                _ => false,
            },
        }
    }

    pub fn subnet(&self, netuid: u16) -> Option<&Subnet> {
        self.subnets.iter().find(|s| s.netuid == netuid)
    }

    /// The date part of `taken_at` (`2026-08-07`).
    pub fn date(&self) -> Option<&str> {
        let taken = self.taken_at.as_deref()?;
        Some(taken.get(..10).unwrap_or(taken))
    }

    /// How many validators the subnets carry in all.
    pub fn validator_total(&self) -> usize {
        self.subnets.iter().map(|s| s.validators.len()).sum()
    }

    /// What root's yield is summed over (emission::root_yield_base): every dynamic subnet's
    /// alpha emission per block, alpha issuance and spot price, where the data has them.
    pub fn root_dividend_sources(&self) -> Vec<(Decimal, Decimal, Decimal)> {
        self.subnets
            .iter()
            .filter(|s| s.mechanism == Mechanism::Dynamic)
            .filter_map(|s| {
                let issuance = crate::model::num::units::rao_to_decimal(s.alpha_issuance_rao()?);
                Some((s.alpha_out_emission?, issuance, s.pool().ok()?.spot_price()))
            })
            .collect()
    }

    /// The dynamic subnets' moving (EMA) prices, where the data has them
    /// (emission::root_dividends_paid).
    pub fn moving_prices(&self) -> Vec<Decimal> {
        self.subnets
            .iter()
            .filter(|s| s.mechanism == Mechanism::Dynamic)
            .filter_map(|s| s.moving_price)
            .collect()
    }

    /// The dynamic subnet with the most TAO in its pool: a sensible first view.
    pub fn deepest_dynamic_subnet(&self) -> Option<&Subnet> {
        self.subnets
            .iter()
            .filter(|s| s.mechanism == Mechanism::Dynamic)
            .max_by_key(|s| s.tao_in_rao)
    }
}

/// The most data the app reads from any source: 5 MB.
pub const MAX_BYTES: usize = 5_000_000;

fn megabytes(bytes: usize) -> String {
    format!("{}.{}", bytes / 1_000_000, (bytes % 1_000_000) / 100_000)
}

/// Why a snapshot could not be read, naming the subnet and field where there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    NotJson(String),
    UnknownFormat(String),
    Field {
        netuid: Option<String>,
        field: String,
        problem: String,
    },
    DuplicateNetuid(u16),
    NoSubnets,
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::Empty => write!(f, "There is nothing to read: the text is empty."),
            SnapshotError::TooLarge { bytes } => write!(
                f,
                "Too large: {} MB, and the limit is {} MB.",
                megabytes(*bytes),
                MAX_BYTES / 1_000_000
            ),
            SnapshotError::NotJson(detail) => write!(f, "This is not valid JSON ({detail})."),
            SnapshotError::UnknownFormat(what) => write!(f, "Unknown data format: {what}."),
            SnapshotError::Field {
                netuid: Some(netuid),
                field,
                problem,
            } => write!(f, "Subnet {netuid}, field “{field}”: {problem}"),
            SnapshotError::Field {
                netuid: None,
                field,
                problem,
            } => write!(f, "Field “{field}”: {problem}"),
            SnapshotError::DuplicateNetuid(netuid) => {
                write!(f, "Subnet {netuid} appears more than once.")
            }
            SnapshotError::NoSubnets => write!(f, "The data holds no subnets."),
        }
    }
}

#[cfg(test)]
mod tests;
