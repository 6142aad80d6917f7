//! The chain's past, as the history pages use it (issue 33): for one validator (hotkey) on one
//! subnet, the state at chosen blocks read from an archive node (`chain/history/`): the block's
//! number, hash, time and runtime, the hotkey's stake accounting (SPEC §5, "per-hotkey stake
//! accounting": `TotalHotkeyAlpha` and its total shares, whose ratio, alpha per share, grows
//! only by the hotkey's dividends after take), the subnet's pool, and where the runtime has
//! baskets (SPEC §2) the chain's price of 1 TAO staked on root with that validator.

use crate::model::pool::fee::FeeRate;
use crate::model::pool::weights::TaoWeight;
use crate::model::pool::{Mechanism, Pool};
use rust_decimal::Decimal;

/// A hotkey's total shares on a subnet as the runtime at that block stores them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shares {
    /// `TotalHotkeyShares` (older runtimes, and spec 461 where the old map still has an
    /// entry): a `U64F64`, value = `bits / 2^64`.
    Fixed { bits: u128 },
    /// `TotalHotkeySharesV2`: a `SafeFloat`, value = `mantissa × 10^exponent`
    /// (`primitives/share-pool/src/safe_float.rs`).
    Safe { mantissa: u128, exponent: i64 },
}

/// A subnet's pool at a past block: `SubnetTAO`, `SubnetAlphaIn`, `Swap::FeeRate` and, where
/// the runtime stores it, `Swap::SwapBalancer`'s TAO weight (parts of 10^18).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PastPool {
    pub netuid: u16,
    pub tao_in_rao: u64,
    pub alpha_in_rao: u64,
    /// Parts of 65,535; `None`: not stored, the default (33).
    pub fee_parts: Option<u16>,
    /// Parts of 10^18; `None`: not stored, weights 1/2.
    pub w_tao_parts: Option<u64>,
}

impl PastPool {
    /// The pool the model trades in (root, netuid 0, is 1:1), or why the stored values make
    /// none.
    pub fn pool(&self) -> Result<Pool, String> {
        let mechanism = if self.netuid == 0 {
            Mechanism::Stable
        } else {
            Mechanism::Dynamic
        };
        let weight = match self.w_tao_parts {
            Some(parts) => TaoWeight::from_parts(parts).map_err(|e| e.to_string())?,
            None => TaoWeight::default(),
        };
        let fee = match self.fee_parts {
            Some(parts) => FeeRate::new(u64::from(parts)).map_err(|e| e.to_string())?,
            None => FeeRate::default(),
        };
        Pool::new(self.tao_in_rao, self.alpha_in_rao, weight, mechanism)
            .map(|p| p.with_fee_rate(fee))
            .map_err(|e| e.to_string())
    }
}

/// The state of one block that the history needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockState {
    pub number: u64,
    pub hash: [u8; 32],
    /// `Timestamp::Now`, milliseconds since the epoch.
    pub timestamp_ms: u64,
    pub spec_version: u32,
    /// `TotalHotkeyAlpha(hotkey, netuid)`, rao; `None` when the hotkey had none there (not
    /// registered then, or the subnet did not exist).
    pub hotkey_alpha_rao: Option<u64>,
    pub shares: Option<Shares>,
    /// The subnet's pool; `None` when the subnet did not exist at that block.
    pub pool: Option<PastPool>,
    /// `BetaBasketRuntimeApi_get_beta_pricing(hotkey).stake_price` where the runtime has it
    /// (spec 461 on): what 1 TAO staked on root with the validator at the fund's baseline is
    /// worth at this block (`U64F64`, to 18 places as `snapshot::basket` reads it).
    pub root_stake_price: Option<Decimal>,
}

/// A validator's history on a subnet: its states at the blocks read, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    pub netuid: u16,
    /// SS58.
    pub hotkey: String,
    pub points: Vec<BlockState>,
}
