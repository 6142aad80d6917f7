//! The runtime's answer to `SubnetInfoRuntimeApi_get_all_dynamic_info` (a `state_call`), in
//! SCALE, the chain's encoding: `Vec<Option<DynamicInfo>>`, with `DynamicInfo` as
//! pallets/subtensor/src/rpc_info/dynamic_info.rs defines it in finney runtime spec 393 (checked
//! field by field against that runtime's metadata in `tests/dynamic_info.rs`). Turned into the
//! app's `Subnet`s. A reply that does not decode, or leaves bytes over, is refused with a
//! sentence: a runtime that changed the type must never give wrong numbers.

use crate::model::num::units::rao_to_decimal;
use crate::model::pool::Mechanism;
use crate::snapshot::Subnet;
use parity_scale_codec::{Compact, Decode, Encode};
use rust_decimal::Decimal;
use std::fmt;

/// The runtime spec whose `DynamicInfo` this decodes.
pub const SPEC_VERSION: u32 = 393;

/// One subnet's dynamic info, field for field in the runtime's order.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct DynamicInfo {
    #[codec(compact)]
    pub netuid: u16,
    pub owner_hotkey: [u8; 32],
    pub owner_coldkey: [u8; 32],
    pub subnet_name: Vec<Compact<u8>>,
    pub token_symbol: Vec<Compact<u8>>,
    #[codec(compact)]
    pub tempo: u16,
    #[codec(compact)]
    pub last_step: u64,
    #[codec(compact)]
    pub blocks_since_last_step: u64,
    #[codec(compact)]
    pub emission: u64,
    #[codec(compact)]
    pub alpha_in: u64,
    #[codec(compact)]
    pub alpha_out: u64,
    #[codec(compact)]
    pub tao_in: u64,
    #[codec(compact)]
    pub alpha_out_emission: u64,
    #[codec(compact)]
    pub alpha_in_emission: u64,
    #[codec(compact)]
    pub tao_in_emission: u64,
    #[codec(compact)]
    pub pending_alpha_emission: u64,
    #[codec(compact)]
    pub pending_root_emission: u64,
    #[codec(compact)]
    pub subnet_volume: u128,
    #[codec(compact)]
    pub network_registered_at: u64,
    pub subnet_identity: Option<SubnetIdentity>,
    /// The moving (EMA) price as I96F32: the bits of a fixed-point number with 32 fraction bits.
    pub moving_price: i128,
}

/// `SubnetIdentityV3`: what the owner says about the subnet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode)]
pub struct SubnetIdentity {
    pub subnet_name: Vec<u8>,
    pub github_repo: Vec<u8>,
    pub subnet_contact: Vec<u8>,
    pub subnet_url: Vec<u8>,
    pub discord: Vec<u8>,
    pub description: Vec<u8>,
    pub logo_url: Vec<u8>,
    pub additional: Vec<u8>,
}

/// Why a reply could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes are not a `Vec<Option<DynamicInfo>>` of this spec.
    Shape(String),
    /// They are, with bytes left over: the type has changed.
    Trailing(usize),
    /// A value no pool can have.
    Absurd { netuid: u16, problem: &'static str },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Shape(why) => write!(
                f,
                "The chain's subnet data could not be read as runtime spec {SPEC_VERSION} defines it ({why}); the runtime may have changed."
            ),
            DecodeError::Trailing(n) => write!(
                f,
                "The chain's subnet data has {n} bytes more than runtime spec {SPEC_VERSION} defines: the runtime has changed, so it is not used."
            ),
            DecodeError::Absurd { netuid, problem } => {
                write!(f, "Subnet {netuid} from the chain: {problem}; the data is not used.")
            }
        }
    }
}

/// Read the reply's bytes: every subnet present, in the runtime's order.
pub fn decode_all(mut bytes: &[u8]) -> Result<Vec<DynamicInfo>, DecodeError> {
    let all = Vec::<Option<DynamicInfo>>::decode(&mut bytes).map_err(|e| {
        DecodeError::Shape(
            e.to_string()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        )
    })?;
    if !bytes.is_empty() {
        return Err(DecodeError::Trailing(bytes.len()));
    }
    Ok(all.into_iter().flatten().collect())
}

/// I96F32 bits as a decimal, to 18 places (rounded down, as the chain's own conversions are).
fn fixed_i96f32(bits: i128) -> Option<Decimal> {
    let scaled = bits
        .checked_mul(1_000_000_000_000_000_000)?
        .div_euclid(1 << 32);
    Decimal::try_from_i128_with_scale(scaled, 18)
        .ok()
        .map(|d| d.normalize())
}

fn text(bytes: &[Compact<u8>]) -> String {
    let raw: Vec<u8> = bytes.iter().map(|c| c.0).collect();
    String::from_utf8_lossy(&raw).trim().to_string()
}

impl DynamicInfo {
    /// The subnet as the app keeps it. The pool's curve and fee rate are not in this reply
    /// (they are the swap pallet's storage); left out here, they read as Balancer and 33.
    pub fn to_subnet(&self) -> Result<Subnet, DecodeError> {
        let absurd = |problem| DecodeError::Absurd {
            netuid: self.netuid,
            problem,
        };
        let mechanism = if self.netuid == 0 {
            Mechanism::Stable
        } else {
            Mechanism::Dynamic
        };
        if mechanism == Mechanism::Dynamic && (self.tao_in == 0 || self.alpha_in == 0) {
            return Err(absurd("a pool with no TAO or no alpha has no price"));
        }
        let moving_price =
            fixed_i96f32(self.moving_price).ok_or(absurd("its moving price is out of range"))?;
        if moving_price.is_sign_negative() {
            return Err(absurd("its moving price is negative"));
        }
        Ok(Subnet {
            netuid: self.netuid,
            name: text(&self.subnet_name),
            symbol: text(&self.token_symbol),
            mechanism,
            tao_in_rao: self.tao_in,
            alpha_in_rao: self.alpha_in,
            alpha_out_rao: Some(self.alpha_out),
            w_tao: None,
            moving_price: Some(moving_price),
            alpha_out_emission: Some(rao_to_decimal(self.alpha_out_emission)),
            alpha_in_emission: Some(rao_to_decimal(self.alpha_in_emission)),
            tao_in_emission: Some(rao_to_decimal(self.tao_in_emission)),
            total_stake_alpha: None,
            tempo: Some(u64::from(self.tempo)),
            validator_count: None,
            miner_count: None,
            registered_at_block: Some(self.network_registered_at),
            superellipse: None,
            fee_rate: None,
            validator_alpha_stake: None,
            validators: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(netuid: u16) -> DynamicInfo {
        DynamicInfo {
            netuid,
            owner_hotkey: [1; 32],
            owner_coldkey: [2; 32],
            subnet_name: "Chutes".bytes().map(Compact).collect(),
            token_symbol: "ש".bytes().map(Compact).collect(),
            tempo: 360,
            last_step: 8_791_000,
            blocks_since_last_step: 253,
            emission: 0,
            alpha_in: 2_403_151_000_000_000,
            alpha_out: 3_458_408_000_000_000,
            tao_in: 221_156_585_169_260,
            alpha_out_emission: 1_000_000_000,
            alpha_in_emission: 84_000_000,
            tao_in_emission: 7_500_000,
            pending_alpha_emission: 0,
            pending_root_emission: 0,
            subnet_volume: 1 << 70,
            network_registered_at: 4_531_295,
            subnet_identity: Some(SubnetIdentity {
                subnet_name: b"Chutes".to_vec(),
                ..SubnetIdentity::default()
            }),
            // 0.0921... in I96F32 bits
            moving_price: 395_678_912,
        }
    }

    #[test]
    fn a_reply_decodes_to_its_subnets() {
        let reply: Vec<Option<DynamicInfo>> = vec![Some(info(0)), None, Some(info(64))];
        let decoded = decode_all(&reply.encode()).unwrap();
        assert_eq!(decoded, vec![info(0), info(64)]);
        let subnet = decoded[1].to_subnet().unwrap();
        assert_eq!(subnet.name, "Chutes");
        assert_eq!(subnet.symbol, "ש");
        assert_eq!(subnet.tao_in_rao, 221_156_585_169_260);
        assert_eq!(subnet.alpha_out_emission, Some(Decimal::ONE));
        // 395,678,912 / 2^32 = 0.0921261757612228393554...: to 18 places, rounded down.
        assert_eq!(
            subnet.moving_price,
            Some(Decimal::new(92_126_175_761_222_839, 18))
        );
        assert_eq!(decoded[0].to_subnet().unwrap().mechanism, Mechanism::Stable);
    }

    #[test]
    fn truncated_trailing_and_absurd_replies_are_refused_with_a_sentence() {
        let bytes = vec![Some(info(64))].encode();
        for cut in [1, 10, bytes.len() / 2, bytes.len() - 1] {
            let e = decode_all(&bytes[..cut]).unwrap_err();
            assert!(matches!(e, DecodeError::Shape(_)), "{cut}: {e:?}");
            assert!(e.to_string().contains("spec 393"));
        }
        let mut long = bytes.clone();
        long.extend_from_slice(&[0, 0, 7]);
        assert_eq!(decode_all(&long).unwrap_err(), DecodeError::Trailing(3));
        let empty_pool = DynamicInfo {
            tao_in: 0,
            ..info(64)
        };
        assert_eq!(
            empty_pool.to_subnet().unwrap_err().to_string(),
            "Subnet 64 from the chain: a pool with no TAO or no alpha has no price; the data is not used."
        );
        let negative = DynamicInfo {
            moving_price: -1,
            ..info(64)
        };
        assert!(negative.to_subnet().is_err());
    }
}
