//! Storage keys as the chain builds them (FRAME's `storage_prefix` and its hashers):
//! `twox128(pallet) ++ twox128(item)`, then each map key through the item's hasher.

use twox_hash::XxHash64;

/// `twox_128`: two xxHash64 digests (seeds 0 and 1), little-endian.
pub fn twox128(data: &[u8]) -> [u8; 16] {
    let mut out = [0; 16];
    out[..8].copy_from_slice(&XxHash64::oneshot(0, data).to_le_bytes());
    out[8..].copy_from_slice(&XxHash64::oneshot(1, data).to_le_bytes());
    out
}

/// A plain `StorageValue`'s key.
pub fn value(pallet: &str, item: &str) -> Vec<u8> {
    let mut key = Vec::with_capacity(32);
    key.extend_from_slice(&twox128(pallet.as_bytes()));
    key.extend_from_slice(&twox128(item.as_bytes()));
    key
}

/// A map keyed by netuid with the `Twox64Concat` hasher: `xxh64(key) ++ key`.
pub fn twox64_concat_netuid(pallet: &str, item: &str, netuid: u16) -> Vec<u8> {
    let mut key = value(pallet, item);
    let encoded = netuid.to_le_bytes();
    key.extend_from_slice(&XxHash64::oneshot(0, &encoded).to_le_bytes());
    key.extend_from_slice(&encoded);
    key
}

/// A map keyed by netuid with the `Identity` hasher: the key's SCALE bytes as they are.
pub fn identity_netuid(pallet: &str, item: &str, netuid: u16) -> Vec<u8> {
    let mut key = value(pallet, item);
    key.extend_from_slice(&netuid.to_le_bytes());
    key
}

/// `0x`-prefixed lowercase hex, as JSON-RPC carries bytes.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(2 + bytes.len() * 2);
    s.push_str("0x");
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

/// The bytes of a `0x`-prefixed hex string; `None` when it is not one.
pub fn unhex(text: &str) -> Option<Vec<u8>> {
    let digits = text.strip_prefix("0x")?.as_bytes();
    if digits.len() % 2 != 0 {
        return None;
    }
    let nibble = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    digits
        .chunks(2)
        .map(|pair| Some(nibble(pair[0])? << 4 | nibble(pair[1])?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_match_the_chains_well_known_prefixes() {
        // System.Account, the key every Substrate tool knows.
        assert_eq!(
            hex(&value("System", "Account")),
            "0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9"
        );
        let fee = twox64_concat_netuid("Swap", "FeeRate", 64);
        assert_eq!(fee.len(), 32 + 8 + 2);
        assert_eq!(&fee[40..], &[64, 0]);
        assert_eq!(
            identity_netuid("SubtensorModule", "SubnetTAO", 1)[32..],
            [1, 0]
        );
    }

    #[test]
    fn hex_round_trips_and_refuses_garbage() {
        let bytes = [0, 1, 0xab, 0xff];
        assert_eq!(unhex(&hex(&bytes)).unwrap(), bytes);
        assert_eq!(unhex("0x"), Some(vec![]));
        for bad in ["", "00", "0x0", "0xzz", "0x0g", "0xé0"] {
            assert_eq!(unhex(bad), None, "{bad}");
        }
    }
}
