//! The storage items the reader takes, with their keys and the SCALE types of their values
//! (checked against the runtime's metadata in `tests/dynamic_info.rs` where spec 393 has them;
//! the newer swap items follow RaoFoundation/subtensor `pallets/swap/src/pallet/mod.rs`).
//! A value must be exactly its type's bytes: anything else means the type changed.

use super::error::LiveError;
use super::keys::{self, unhex};
use crate::model::pool::superellipse::Superellipse;
use parity_scale_codec::Decode;
use serde_json::Value;
use std::collections::HashMap;

const SUBTENSOR: &str = "SubtensorModule";
const SWAP: &str = "Swap";

/// Chain-wide values, all `StorageValue<u64>` of the Subtensor pallet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Global {
    /// Root's weight in emissions, as a fraction of `u64::MAX`.
    TaoWeight,
    /// TAO emitted per block, in rao (deprecated on chain, still stored).
    BlockEmission,
    /// Conviction's maturity timescale in blocks (the lock code; absent before it).
    MaturityRate,
    /// A decaying lock's unlock timescale in blocks.
    UnlockRate,
}

pub const GLOBALS: [Global; 4] = [
    Global::TaoWeight,
    Global::BlockEmission,
    Global::MaturityRate,
    Global::UnlockRate,
];

impl Global {
    pub fn name(self) -> &'static str {
        match self {
            Global::TaoWeight => "TaoWeight",
            Global::BlockEmission => "BlockEmission",
            Global::MaturityRate => "MaturityRate",
            Global::UnlockRate => "UnlockRate",
        }
    }

    pub fn key(self) -> Vec<u8> {
        keys::value(SUBTENSOR, self.name())
    }
}

/// `SubnetTAO(0)`: the TAO staked on root (map u16 -> u64 rao, `Identity` hasher).
pub fn root_tao_key() -> Vec<u8> {
    keys::identity_netuid(SUBTENSOR, "SubnetTAO", 0)
}

/// A pool's own items in the Swap pallet, each a `Twox64Concat` map by netuid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PoolItem {
    /// `FeeRate`: u16 parts of 65,535 (absent: the default, 33).
    FeeRate,
    /// `SwapBalancer`: `Balancer { quote: Perquintill }`, the TAO weight (absent: 1/2).
    Balancer,
    /// `SwapSuperellipse`: the curve, when the pool has one.
    Superellipse,
}

pub const POOL_ITEMS: [PoolItem; 3] = [
    PoolItem::FeeRate,
    PoolItem::Balancer,
    PoolItem::Superellipse,
];

impl PoolItem {
    pub fn name(self) -> &'static str {
        match self {
            PoolItem::FeeRate => "FeeRate",
            PoolItem::Balancer => "SwapBalancer",
            PoolItem::Superellipse => "SwapSuperellipse",
        }
    }

    pub fn key(self, netuid: u16) -> Vec<u8> {
        keys::twox64_concat_netuid(SWAP, self.name(), netuid)
    }
}

/// What a dynamic pool's storage says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PoolStorage {
    pub fee_rate: Option<u16>,
    /// The Balancer TAO weight in Perquintill parts.
    pub balancer_quote: Option<u64>,
    pub superellipse: Option<Superellipse>,
}

/// The values of a `state_queryStorageAt` answer by key (hex), `None` where nothing is stored.
pub fn changes(result: Option<&Value>) -> Result<HashMap<String, Option<Vec<u8>>>, LiveError> {
    let bad = |why| LiveError::reply("state_queryStorageAt", why);
    let sets = result.and_then(Value::as_array).ok_or(bad("not a list"))?;
    let mut out = HashMap::new();
    for set in sets {
        let changes = set
            .get("changes")
            .and_then(Value::as_array)
            .ok_or(bad("no changes"))?;
        for change in changes {
            let pair = change
                .as_array()
                .filter(|p| p.len() == 2)
                .ok_or(bad("a change is not a pair"))?;
            let key = pair[0].as_str().ok_or(bad("a key is not text"))?;
            let value = match &pair[1] {
                Value::Null => None,
                Value::String(s) => Some(unhex(s).ok_or(bad("a value is not hex"))?),
                _ => return Err(bad("a value is not hex")),
            };
            out.insert(key.to_ascii_lowercase(), value);
        }
    }
    Ok(out)
}

/// Decode a stored value that must be exactly one `T`.
pub fn exact<T: Decode>(mut bytes: &[u8], item: &str) -> Result<T, String> {
    let value = T::decode(&mut bytes).map_err(|_| format!("{item} is too short for its type"))?;
    if bytes.is_empty() {
        Ok(value)
    } else {
        Err(format!(
            "{item} has {} bytes more than its type",
            bytes.len()
        ))
    }
}

/// `Superellipse { alpha_scale: u128, tao_scale: u128, center_alpha: i128, center_tao: i128 }`.
pub fn superellipse(bytes: &[u8]) -> Result<Superellipse, String> {
    let (alpha_scale, tao_scale, center_alpha, center_tao) =
        exact::<(u128, u128, i128, i128)>(bytes, "SwapSuperellipse")?;
    Ok(Superellipse {
        alpha_scale,
        tao_scale,
        center_alpha,
        center_tao,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use parity_scale_codec::Encode;

    #[test]
    fn values_must_be_exactly_their_type() {
        assert_eq!(exact::<u64>(&7u64.encode(), "TaoWeight"), Ok(7));
        assert_eq!(
            exact::<u16>(&[1], "FeeRate"),
            Err("FeeRate is too short for its type".into())
        );
        assert_eq!(
            exact::<u16>(&[1, 0, 0], "FeeRate"),
            Err("FeeRate has 1 bytes more than its type".into())
        );
        let curve = (5u128, 6u128, -7i128, 8i128).encode();
        assert_eq!(curve.len(), 64);
        assert_eq!(superellipse(&curve).unwrap().center_alpha, -7);
        assert!(superellipse(&curve[..63]).is_err());
    }
}
