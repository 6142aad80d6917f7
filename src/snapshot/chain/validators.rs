//! The chosen subnets' validators: who has a permit, their alpha-only stake (the yield base,
//! SPEC §2) and their take. One `SubnetInfoRuntimeApi_get_selective_metagraph` call per subnet
//! asks for three of its fields only (in finney runtime spec 393 the index of a field is its
//! position in `SelectiveMetagraph`, `pallets/subtensor/src/rpc_info/metagraph.rs`; checked
//! against the metadata in `tests/dynamic_info.rs`); then one storage read gives every
//! permitted hotkey's `Delegates` take (u16 of 65,535, `Blake2_128Concat` by account).

use super::keys;
use crate::model::num::units::rao_to_decimal;
use crate::snapshot::Validator;
use blake2::digest::consts::{U16, U64};
use blake2::{Blake2b, Digest};
use parity_scale_codec::{Compact, Decode, Encode};
use rust_decimal::Decimal;

/// `SelectiveMetagraph`'s fields in spec 393, and the three asked for.
pub const FIELDS: usize = 74;
pub const HOTKEYS: u16 = 52;
pub const VALIDATOR_PERMIT: u16 = 57;
pub const ALPHA_STAKE: u16 = 67;
pub const ASKED: [u16; 3] = [HOTKEYS, VALIDATOR_PERMIT, ALPHA_STAKE];

/// The runtime call's arguments: the netuid (u16) and the field indexes (`Vec<u16>`).
pub fn metagraph_args(netuid: u16) -> Vec<u8> {
    (netuid, ASKED.to_vec()).encode()
}

/// One neuron of the answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Neuron {
    pub hotkey: [u8; 32],
    pub permit: bool,
    pub alpha_stake_rao: u64,
}

/// Read the answer (`Option<SelectiveMetagraph>`): exactly the three fields asked for, of one
/// length, and nothing after them. Anything else means the runtime's type has changed.
pub fn decode_metagraph(mut bytes: &[u8], netuid: u16) -> Result<Vec<Neuron>, String> {
    let input = &mut bytes;
    let short = |_| format!("subnet {netuid}'s metagraph is shorter than its type");
    if u8::decode(input).map_err(short)? != 1 {
        return Err(format!("the chain has no metagraph for subnet {netuid}"));
    }
    let answered = Compact::<u16>::decode(input).map_err(short)?.0;
    if answered != netuid {
        return Err(format!(
            "subnet {netuid}'s metagraph is of subnet {answered}"
        ));
    }
    let (mut hotkeys, mut permits, mut stakes) = (None, None, None);
    for field in 1..FIELDS as u16 {
        match (u8::decode(input).map_err(short)?, field) {
            (0, _) => {}
            (1, HOTKEYS) => hotkeys = Some(Vec::<[u8; 32]>::decode(input).map_err(short)?),
            (1, VALIDATOR_PERMIT) => permits = Some(Vec::<bool>::decode(input).map_err(short)?),
            (1, ALPHA_STAKE) => {
                let list = Vec::<Compact<u64>>::decode(input).map_err(short)?;
                stakes = Some(list.into_iter().map(|c| c.0).collect::<Vec<u64>>());
            }
            (_, field) => {
                return Err(format!(
                    "subnet {netuid}'s metagraph has field {field}, not asked for"
                ))
            }
        }
    }
    if !input.is_empty() {
        return Err(format!(
            "subnet {netuid}'s metagraph has {} bytes more than its type",
            input.len()
        ));
    }
    let (Some(hotkeys), Some(permits), Some(stakes)) = (hotkeys, permits, stakes) else {
        return Err(format!(
            "subnet {netuid}'s metagraph lacks a field asked for"
        ));
    };
    if hotkeys.len() != permits.len() || hotkeys.len() != stakes.len() {
        return Err(format!(
            "subnet {netuid}'s metagraph lists have different lengths"
        ));
    }
    Ok(hotkeys
        .into_iter()
        .zip(permits)
        .zip(stakes)
        .map(|((hotkey, permit), alpha_stake_rao)| Neuron {
            hotkey,
            permit,
            alpha_stake_rao,
        })
        .collect())
}

/// `Delegates(hotkey)`: `twox128` of the names, then `blake2_128(account) ++ account`.
pub fn delegates_key(hotkey: &[u8; 32]) -> Vec<u8> {
    let mut key = keys::value("SubtensorModule", "Delegates");
    key.extend_from_slice(&Blake2b::<U16>::digest(hotkey));
    key.extend_from_slice(hotkey);
    key
}

/// The SS58 address (generic Substrate prefix 42, as Bittensor shows hotkeys).
pub fn ss58(account: &[u8; 32]) -> String {
    const PREFIX: u8 = 42;
    let mut body = Vec::with_capacity(35);
    body.push(PREFIX);
    body.extend_from_slice(account);
    let mut hasher = Blake2b::<U64>::new();
    hasher.update(b"SS58PRE");
    hasher.update(&body);
    let checksum = hasher.finalize();
    body.extend_from_slice(&checksum[..2]);
    bs58::encode(body).into_string()
}

/// The permitted validators, largest stake first, with their takes (`None`: not stored), and
/// their alpha-only stake in total.
pub fn validators(
    neurons: &[Neuron],
    take_parts: impl Fn(&[u8; 32]) -> Option<u16>,
) -> (Vec<Validator>, Decimal) {
    let mut permitted: Vec<&Neuron> = neurons.iter().filter(|n| n.permit).collect();
    crate::model::order::sort_by_key(&mut permitted, |n| std::cmp::Reverse(n.alpha_stake_rao));
    let total: u64 = permitted
        .iter()
        .map(|n| n.alpha_stake_rao)
        .fold(0, u64::saturating_add);
    let list = permitted
        .into_iter()
        .map(|n| {
            let address = ss58(&n.hotkey);
            let name = format!("{}…", address.chars().take(8).collect::<String>());
            Validator {
                hotkey: address,
                name,
                take: take_parts(&n.hotkey)
                    .map(|p| (Decimal::from(p) / Decimal::from(u16::MAX)).round_dp(6)),
                alpha_stake: Some(rao_to_decimal(n.alpha_stake_rao)),
                ..Validator::default()
            }
        })
        .collect();
    (list, rao_to_decimal(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_the_chains() {
        // Alice's well-known account and address.
        let alice: [u8; 32] =
            keys::unhex("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d")
                .unwrap()
                .try_into()
                .unwrap();
        assert_eq!(
            ss58(&alice),
            "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"
        );
        let key = delegates_key(&alice);
        assert_eq!(key.len(), 32 + 16 + 32);
        assert_eq!(&key[48..], &alice);
    }

    fn answer(fields: &[(u16, Vec<u8>)], tail: &[u8]) -> Vec<u8> {
        let mut out = vec![1];
        out.extend(Compact(64u16).encode());
        for field in 1..FIELDS as u16 {
            match fields.iter().find(|(f, _)| *f == field) {
                Some((_, bytes)) => {
                    out.push(1);
                    out.extend(bytes);
                }
                None => out.push(0),
            }
        }
        out.extend(tail);
        out
    }

    #[test]
    fn the_three_fields_are_read_and_anything_else_refused() {
        let keys_ = vec![[1u8; 32], [2; 32], [3; 32]].encode();
        let permits = vec![true, false, true].encode();
        let stakes = vec![
            Compact(5_000_000_000u64),
            Compact(7),
            Compact(9_000_000_000),
        ]
        .encode();
        let good = answer(
            &[
                (HOTKEYS, keys_.clone()),
                (VALIDATOR_PERMIT, permits.clone()),
                (ALPHA_STAKE, stakes.clone()),
            ],
            &[],
        );
        let neurons = decode_metagraph(&good, 64).unwrap();
        assert_eq!(neurons.len(), 3);
        let (list, total) = validators(&neurons, |h| (h[0] == 3).then_some(11_796));
        assert_eq!(total, Decimal::from(14));
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].alpha_stake, Some(Decimal::from(9)));
        assert_eq!(list[0].take, Some(Decimal::new(179_995, 6)));
        assert_eq!(list[1].take, None);
        for cut in [0, 1, 5, good.len() - 1] {
            assert!(decode_metagraph(&good[..cut], 64).is_err(), "{cut}");
        }
        assert!(decode_metagraph(
            &answer(
                &[
                    (HOTKEYS, keys_.clone()),
                    (VALIDATOR_PERMIT, permits.clone()),
                    (ALPHA_STAKE, stakes.clone())
                ],
                &[0]
            ),
            64
        )
        .is_err());
        let extra = answer(
            &[
                (HOTKEYS, keys_.clone()),
                (3, vec![0]),
                (VALIDATOR_PERMIT, permits.clone()),
                (ALPHA_STAKE, stakes.clone()),
            ],
            &[],
        );
        assert_eq!(
            decode_metagraph(&extra, 64).unwrap_err(),
            "subnet 64's metagraph has field 3, not asked for"
        );
        let uneven = answer(
            &[
                (HOTKEYS, keys_),
                (VALIDATOR_PERMIT, vec![true].encode()),
                (ALPHA_STAKE, stakes),
            ],
            &[],
        );
        assert!(decode_metagraph(&uneven, 64).is_err());
        assert!(decode_metagraph(&good, 65).is_err());
        assert!(decode_metagraph(&[0], 64).is_err());
    }
}
