//! A wallet's positions (issue 32): each coldkey's stakes (subnet, validator hotkey, alpha and
//! the part locked), its root basket positions (SPEC §2) and its free TAO, as read live
//! (`StakeInfoRuntimeApi_get_stake_info_for_coldkeys`, `chain/positions.rs`) or imported
//! (this app's `dtao-positions/1`, `dtao_positions.rs`; btcli's `stake list --json-output`,
//! `btcli_stake.rs`). The pools they are valued against are the subnet data in use
//! (`Snapshot`), which is a separate thing: positions never replace it.

pub mod address;
pub mod btcli_stake;
pub mod dtao_positions;
pub mod import;

pub use import::{import_positions, is_positions};

/// The most stakes one document brings, over all its coldkeys.
pub const MAX_STAKES: usize = 2_000;

/// Positions of one or more coldkeys at one block.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Positions {
    pub network: String,
    /// The chain block they were read at, when the source says.
    pub block: Option<u64>,
    /// When they were read (ISO 8601), when the source says.
    pub taken_at: Option<String>,
    /// Where they came from, in words ("btcli stake list --json-output", a node's address…).
    pub source: String,
    pub holders: Vec<Holder>,
}

/// One coldkey's holdings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Holder {
    /// SS58 (prefix 42).
    pub coldkey: String,
    /// Free (unstaked) TAO, rao, when known.
    pub free_rao: Option<u64>,
    /// Stake per (hotkey, subnet); root (netuid 0) stake is TAO.
    pub stakes: Vec<Stake>,
    /// Root basket positions (`BetaBasketRuntimeApi_get_root_basket_portfolio`), where known.
    pub baskets: Vec<BasketPosition>,
}

/// Stake of a coldkey on one hotkey on one subnet (`StakeInfo`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stake {
    pub netuid: u16,
    /// SS58 (prefix 42).
    pub hotkey: String,
    /// The validator's name, where the source gives one.
    pub hotkey_name: Option<String>,
    /// The whole stake, locked part included, rao of alpha (of TAO on root).
    pub alpha_rao: u64,
    /// The part locked by a conviction lock (SPEC §4), which cannot be unstaked; `None` when
    /// the source does not say.
    pub locked_rao: Option<u64>,
}

/// A coldkey's share of a root validator's basket (`BasketPosition`,
/// `rpc_info/basket_info.rs`): what a claim pays now and the same slice at spot.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BasketPosition {
    /// The root validator, SS58.
    pub hotkey: String,
    /// Owed shares, raw units.
    pub shares: u64,
    /// `min(shares × N / P, N)`: what a claim pays now (realizable, fee-free legs), rao.
    pub value_rao: u64,
    /// The same slice at spot, rao.
    pub spot_value_rao: u64,
}

impl Positions {
    /// Every stake, with its holder's coldkey.
    pub fn stakes(&self) -> impl Iterator<Item = (&str, &Stake)> {
        self.holders
            .iter()
            .flat_map(|h| h.stakes.iter().map(move |s| (h.coldkey.as_str(), s)))
    }
}

/// A positions document's top level, which both formats make a JSON object.
fn object(
    value: &serde_json::Value,
) -> Result<&serde_json::Map<String, serde_json::Value>, crate::snapshot::SnapshotError> {
    value.as_object().ok_or_else(|| {
        crate::snapshot::SnapshotError::UnknownFormat(format!(
            "expected a JSON object, found {}",
            crate::snapshot::fields::kind(value)
        ))
    })
}
