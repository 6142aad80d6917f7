//! The chosen subnets' validators: who has a permit, their alpha-only stake (the yield base,
//! SPEC §2) and their take. One `SubnetInfoRuntimeApi_get_selective_metagraph` call per subnet
//! asks for four fields only: `netuid`, `hotkeys`, `validator_permit` and `alpha_stake`, by
//! their positions in the runtime's own `SelectiveMetagraph` (the chain's
//! `SelectiveMetagraphIndex::from_index` follows the struct's field order,
//! `pallets/subtensor/src/rpc_info/metagraph.rs`). Index 0 must be among them: the chain starts
//! from the default struct, whose netuid is 0, and sets it only when index 0 is asked
//! (`get_selective_metagraph`, `merge_value`). Then one storage read gives every permitted
//! hotkey's `Delegates` take (PerU16 in spec 461, u16 before; absent: the default).

use super::metadata::{encode, struct_fields, Arg, Named, Schema, Value};
use super::wanted::METAGRAPH;
use crate::model::num::units::rao_to_decimal;
use crate::snapshot::Validator;
use blake2::digest::consts::U64;
use blake2::{Blake2b, Digest};
use rust_decimal::Decimal;

/// The fields asked for, by name; `netuid` first.
pub const ASKED: [&str; 4] = ["netuid", "hotkeys", "validator_permit", "alpha_stake"];

/// The asked fields' indexes in this runtime's `SelectiveMetagraph`.
pub fn metagraph_indexes(schema: &Schema) -> Result<Vec<u16>, String> {
    let call = schema
        .call(METAGRAPH)
        .ok_or("it has no runtime call SubnetInfoRuntimeApi_get_selective_metagraph")?;
    let fields = struct_fields(&schema.types, call.output)
        .ok_or("its SelectiveMetagraph is not a struct")?;
    ASKED
        .iter()
        .map(|name| {
            fields
                .iter()
                .position(|(f, _)| f == name)
                .and_then(|i| u16::try_from(i).ok())
                .ok_or_else(|| format!("SelectiveMetagraph has no field {name}"))
        })
        .collect()
}

/// The runtime call's arguments: the netuid and the field indexes, typed as the runtime says.
pub fn metagraph_args(schema: &Schema, netuid: u16) -> Result<Vec<u8>, String> {
    let call = schema
        .call(METAGRAPH)
        .ok_or("it has no runtime call SubnetInfoRuntimeApi_get_selective_metagraph")?;
    let [netuid_type, indexes_type] = call.inputs[..] else {
        return Err("get_selective_metagraph takes other arguments".into());
    };
    let indexes = metagraph_indexes(schema)?
        .into_iter()
        .map(|i| Arg::Uint(u128::from(i)))
        .collect();
    let mut out = encode::encode(&schema.types, netuid_type, &Arg::Uint(u128::from(netuid)))?;
    out.extend(encode::encode(
        &schema.types,
        indexes_type,
        &Arg::List(indexes),
    )?);
    Ok(out)
}

/// One neuron of the answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Neuron {
    pub hotkey: [u8; 32],
    pub permit: bool,
    pub alpha_stake_rao: u64,
}

/// Read the answer (`Option<SelectiveMetagraph>`) by field name: it must be of the subnet asked
/// for, with the three lists of one length.
pub fn read_metagraph(schema: &Schema, bytes: &[u8], netuid: u16) -> Result<Vec<Neuron>, String> {
    let call = schema
        .call(METAGRAPH)
        .ok_or("it has no runtime call SubnetInfoRuntimeApi_get_selective_metagraph")?;
    let value = schema
        .answer(call, bytes)
        .map_err(|e| format!("subnet {netuid}'s metagraph does not read as its own type ({e})"))?;
    if value.is_none() {
        return Err(format!("the chain has no metagraph for subnet {netuid}"));
    }
    let what = format!("subnet {netuid}'s SelectiveMetagraph");
    let graph = Named::new(&what, &value);
    let answered: u16 = graph.number("netuid")?;
    if answered != netuid {
        return Err(format!(
            "subnet {netuid}'s metagraph is of subnet {answered}"
        ));
    }
    let hotkeys = graph
        .list("hotkeys")?
        .iter()
        .map(|h| {
            h.bytes()
                .and_then(|b| <[u8; 32]>::try_from(b).ok())
                .ok_or_else(|| format!("{what}'s hotkeys are not 32-byte accounts"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let permits = graph
        .list("validator_permit")?
        .iter()
        .map(|p| {
            p.bool()
                .ok_or_else(|| format!("{what}'s validator_permit is not yes/no"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let stakes = graph
        .list("alpha_stake")?
        .iter()
        .map(|s| super::metadata::lens::number::<u64>(s, || format!("{what}'s alpha_stake")))
        .collect::<Result<Vec<_>, _>>()?;
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

/// A take as the chain stores it (`PerU16` or `u16`, parts of 65,535).
pub fn take_parts(value: &Value) -> Result<u16, String> {
    super::metadata::lens::number(value, || "Delegates".to_string())
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
    use super::super::keys;
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
    }

    #[test]
    fn permitted_validators_come_largest_first_with_their_takes() {
        let neuron = |i: u8, permit: bool, alpha: u64| Neuron {
            hotkey: [i; 32],
            permit,
            alpha_stake_rao: alpha * 1_000_000_000,
        };
        let neurons = [neuron(1, true, 5), neuron(2, false, 7), neuron(3, true, 9)];
        let (list, total) = validators(&neurons, |h| (h[0] == 3).then_some(11_796));
        assert_eq!(total, Decimal::from(14));
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].alpha_stake, Some(Decimal::from(9)));
        assert_eq!(list[0].take, Some(Decimal::new(179_995, 6)));
        assert_eq!(list[1].take, None);
    }
}
