//! The chain's xxHash-based `twox128` (storage prefixes) and the `0x` hex JSON-RPC carries
//! bytes in. Whole storage keys are built from the runtime's metadata (`metadata::storage_key`).

use twox_hash::XxHash64;

/// `twox_128`: two xxHash64 digests (seeds 0 and 1), little-endian.
pub fn twox128(data: &[u8]) -> [u8; 16] {
    let mut out = [0; 16];
    out[..8].copy_from_slice(&XxHash64::oneshot(0, data).to_le_bytes());
    out[8..].copy_from_slice(&XxHash64::oneshot(1, data).to_le_bytes());
    out
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
    fn prefixes_match_the_chains_well_known_ones() {
        // System.Account, the key every Substrate tool knows.
        let mut key = twox128(b"System").to_vec();
        key.extend(twox128(b"Account"));
        assert_eq!(
            hex(&key),
            "0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9"
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
