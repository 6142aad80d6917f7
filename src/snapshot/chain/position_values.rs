//! A wallet's positions read by field name through the runtime's own types (`positions.rs`
//! asks for them), so a runtime that reorders or appends fields still reads:
//! - `StakeInfo` (RaoFoundation/subtensor `pallets/subtensor/src/rpc_info/stake_info.rs` at
//!   0bb2cb3, lines 13-32): `hotkey`, `netuid`, `stake` (alpha rao; TAO on root). Its `locked`
//!   (line 24: "Legacy; always 0") is not read: the lock is another call's.
//! - `StakeAvailability` (same file, lines 34-41): `total`, `locked`, `available` per
//!   (coldkey, subnet), the lock rolled forward to the block asked
//!   (`staking/lock/lock_availability.rs` at 3482955, lines 21-29 and 59-68).
//! - `AccountInfo.data.free` (`frame_system`, `pallet_balances::AccountData`).
//! - `BasketPosition` (`rpc_info/basket_info.rs` at 0b4bc45, lines 46-67): `hotkey`, `beta`
//!   (owed shares), `value_tao` (`min(beta × N / P, N)`), `spot_value_tao`.

use super::metadata::{Named, Value};
use super::validators::ss58;
use crate::snapshot::positions::{BasketPosition, Stake};
use std::collections::BTreeMap;

/// 32 account bytes.
pub fn account(value: &Value, what: &str) -> Result<[u8; 32], String> {
    value
        .bytes()
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .ok_or_else(|| format!("{what} is {}, not an account", value.kind()))
}

fn named_account(named: &Named, name: &str) -> Result<String, String> {
    Ok(ss58(&account(
        named.field(name)?,
        &format!("{}'s {name}", named.what),
    )?))
}

/// A `StakeInfo`, its locked part unknown (`None`) until the locks are read.
pub fn stake(value: &Value) -> Result<Stake, String> {
    let s = Named::new("StakeInfo", value);
    Ok(Stake {
        netuid: s.number("netuid")?,
        hotkey: named_account(&s, "hotkey")?,
        hotkey_name: None,
        alpha_rao: s.number("stake")?,
        locked_rao: None,
    })
}

/// The items of a list (a `Vec`, or a `BTreeMap`'s pairs), or a sentence naming `what`.
fn items<'a>(value: &'a Value, what: &str) -> Result<&'a [Value], String> {
    value
        .items()
        .ok_or_else(|| format!("{what} is {}, not a list", value.kind()))
}

/// A `(key, value)` pair of a map or a tuple list.
fn pair<'a>(value: &'a Value, what: &str) -> Result<(&'a Value, &'a Value), String> {
    match items(value, what)? {
        [key, value] => Ok((key, value)),
        _ => Err(format!("{what} is not a pair")),
    }
}

/// A coldkey's account bytes and its stakes.
pub type ColdkeyStakes = ([u8; 32], Vec<Stake>);

/// `get_stake_info_for_coldkeys`' answer, `Vec<(AccountId32, Vec<StakeInfo>)>`: each
/// coldkey's stakes, those of zero alpha left out (the chain leaves them out already,
/// `stake_info.rs` `stake_info_rows_for_coldkeys`).
pub fn stakes_by_coldkey(value: &Value) -> Result<Vec<ColdkeyStakes>, String> {
    const WHAT: &str = "get_stake_info_for_coldkeys' answer";
    items(value, WHAT)?
        .iter()
        .map(|entry| {
            let (coldkey, list) = pair(entry, WHAT)?;
            let coldkey = account(coldkey, "a coldkey of get_stake_info_for_coldkeys")?;
            let mut stakes = Vec::new();
            for s in items(list, "a coldkey's StakeInfo list")? {
                let s = stake(s)?;
                if s.alpha_rao > 0 {
                    stakes.push(s);
                }
            }
            Ok((coldkey, stakes))
        })
        .collect()
}

/// `get_stake_availability_for_coldkeys`' answer, `BTreeMap<AccountId32, BTreeMap<NetUid,
/// StakeAvailability>>`: the alpha locked now per (coldkey, subnet).
pub fn locks(value: &Value) -> Result<BTreeMap<([u8; 32], u16), u64>, String> {
    const WHAT: &str = "get_stake_availability_for_coldkeys' answer";
    let mut out = BTreeMap::new();
    for entry in items(value, WHAT)? {
        let (coldkey, subnets) = pair(entry, WHAT)?;
        let coldkey = account(coldkey, "a coldkey of get_stake_availability_for_coldkeys")?;
        for subnet in items(subnets, "a coldkey's availability")? {
            let (netuid, availability) = pair(subnet, "a coldkey's availability")?;
            let netuid = super::metadata::lens::number::<u16>(netuid, || {
                "a subnet of get_stake_availability_for_coldkeys".into()
            })?;
            let locked = Named::new("StakeAvailability", availability).number::<u64>("locked")?;
            out.insert((coldkey, netuid), locked);
        }
    }
    Ok(out)
}

/// The locked part of each stake. The chain's lock is subnet-wide: it holds that much of the
/// coldkey's alpha on the subnet, from whichever hotkey (`lock_availability.rs` lines 3-4, 59-68:
/// available = total − locked − collateral). So a subnet's lock is shown on its positions
/// largest first, each up to its alpha: the sum over the subnet is the lock (at most the
/// stake), and no position shows more locked than it holds. A subnet without a lock has 0.
pub fn apply_locks(stakes: &mut [Stake], locked: impl Fn(u16) -> u64) {
    let mut netuids: Vec<u16> = stakes.iter().map(|s| s.netuid).collect();
    netuids.sort_unstable();
    netuids.dedup();
    for netuid in netuids {
        let mut rows: Vec<usize> = (0..stakes.len())
            .filter(|i| stakes[*i].netuid == netuid)
            .collect();
        // Largest first; equal ones in the chain's order.
        rows.sort_by_key(|i| std::cmp::Reverse(stakes[*i].alpha_rao));
        let mut left = locked(netuid);
        for i in rows {
            let part = left.min(stakes[i].alpha_rao);
            stakes[i].locked_rao = Some(part);
            left -= part;
        }
    }
}

/// `System::Account`'s value: its free balance, rao.
pub fn free(value: &Value) -> Result<u64, String> {
    let data = Named::new("AccountInfo", value).field("data")?;
    Named::new("AccountData", data).number("free")
}

/// A `BasketPosition`.
pub fn basket_position(value: &Value) -> Result<BasketPosition, String> {
    let p = Named::new("BasketPosition", value);
    Ok(BasketPosition {
        hotkey: named_account(&p, "hotkey")?,
        shares: p.number("beta")?,
        value_rao: p.number("value_tao")?,
        spot_value_rao: p.number("spot_value_tao")?,
    })
}

/// `get_root_basket_portfolio`'s answer, `Vec<BasketPosition>`.
pub fn portfolio(value: &Value) -> Result<Vec<BasketPosition>, String> {
    items(value, "get_root_basket_portfolio's answer")?
        .iter()
        .map(basket_position)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(netuid: u16, alpha: u64) -> Stake {
        Stake {
            netuid,
            alpha_rao: alpha,
            ..Stake::default()
        }
    }

    #[test]
    fn a_subnet_lock_is_shown_on_its_largest_positions_first() {
        let mut stakes = vec![row(5, 30), row(5, 100), row(7, 10), row(5, 30)];
        apply_locks(&mut stakes, |n| if n == 5 { 120 } else { 0 });
        let locked: Vec<Option<u64>> = stakes.iter().map(|s| s.locked_rao).collect();
        assert_eq!(locked, vec![Some(20), Some(100), Some(0), Some(0)]);
        // A lock above the stake (the chain's collateral and dust aside) shows at most it.
        let mut one = vec![row(3, 50)];
        apply_locks(&mut one, |_| 80);
        assert_eq!(one[0].locked_rao, Some(50));
    }
}
