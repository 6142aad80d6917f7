//! Subnet data: what a snapshot holds, reading it from JSON, and the snapshot compiled into the
//! app. Formats and fields follow SPEC §5.

pub mod bundled;
pub mod dtao_v1;
pub mod fields;

use crate::model::pool::{Mechanism, Pool, PoolError};
use crate::model::weights::TaoWeight;
use rust_decimal::Decimal;
use std::fmt;

/// A set of subnets at one block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub network: String,
    pub block: u64,
    /// When it was taken, as written (ISO 8601).
    pub taken_at: String,
    pub source: String,
    pub block_emission_tao: Option<Decimal>,
    pub tao_weight: Option<Decimal>,
    pub root_tao_staked: Option<Decimal>,
    pub subnets: Vec<Subnet>,
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
    pub validators: Vec<Validator>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Validator {
    pub hotkey: String,
    pub name: String,
    pub take: Option<Decimal>,
    pub alpha_stake: Option<Decimal>,
    pub apy: Option<Decimal>,
}

impl Subnet {
    /// The subnet's pool as the model takes it.
    pub fn pool(&self) -> Result<Pool, PoolError> {
        Pool::new(
            self.tao_in_rao,
            self.alpha_in_rao,
            self.w_tao.unwrap_or_default(),
            self.mechanism,
        )
    }
}

impl Snapshot {
    pub fn subnet(&self, netuid: u16) -> Option<&Subnet> {
        self.subnets.iter().find(|s| s.netuid == netuid)
    }

    /// The date part of `taken_at` (`2026-08-07`).
    pub fn date(&self) -> &str {
        self.taken_at.get(..10).unwrap_or(&self.taken_at)
    }

    /// The dynamic subnet with the most TAO in its pool: a sensible first view.
    pub fn deepest_dynamic_subnet(&self) -> Option<&Subnet> {
        self.subnets
            .iter()
            .filter(|s| s.mechanism == Mechanism::Dynamic)
            .max_by_key(|s| s.tao_in_rao)
    }
}

/// Why a snapshot could not be read, naming the subnet and field where there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
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
