//! The SCALE decoder of `get_all_dynamic_info` against the real finney runtime metadata
//! (`../shared/fixtures/finney-metadata-spec393.scale`): the metadata is of spec 393, the API's
//! answer type has exactly the decoder's fields in its order, and bytes the decoder's types
//! encode are read to their end by a walker that knows only the metadata's types. Random and
//! truncated bytes give a message, never a panic.

mod common;

use dtao_calc::snapshot::dynamic_info::{decode_all, DynamicInfo, SubnetIdentity, SPEC_VERSION};
use frame_metadata::{RuntimeMetadata, RuntimeMetadataPrefixed};
use parity_scale_codec::{Compact, Decode, Encode};
use proptest::prelude::*;
use scale_info::{PortableRegistry, TypeDef, TypeDefPrimitive};

fn metadata() -> frame_metadata::v16::RuntimeMetadataV16 {
    let path = common::shared_dir().join("fixtures/finney-metadata-spec393.scale");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match RuntimeMetadataPrefixed::decode(&mut &bytes[..]).unwrap().1 {
        RuntimeMetadata::V16(m) => m,
        other => panic!("metadata version {}", other.version()),
    }
}

/// The answer type of `SubnetInfoRuntimeApi::get_all_dynamic_info`.
fn answer_type(m: &frame_metadata::v16::RuntimeMetadataV16) -> u32 {
    let api = m
        .apis
        .iter()
        .find(|a| a.name == "SubnetInfoRuntimeApi")
        .unwrap();
    let method = api
        .methods
        .iter()
        .find(|me| me.name == "get_all_dynamic_info")
        .unwrap();
    assert!(method.inputs.is_empty());
    method.output.id
}

/// Read one value of type `id` from `bytes` the way the metadata says it is laid out, pushing
/// every number it holds (integers, compacts, lengths, variant indices) onto `leaves`.
fn walk(
    types: &PortableRegistry,
    id: u32,
    bytes: &mut &[u8],
    leaves: &mut Vec<u128>,
) -> Result<(), String> {
    let ty = types.resolve(id).ok_or(format!("no type {id}"))?;
    match &ty.type_def {
        TypeDef::Composite(c) => c
            .fields
            .iter()
            .try_for_each(|f| walk(types, f.ty.id, bytes, leaves)),
        TypeDef::Sequence(s) => {
            let n = Compact::<u32>::decode(bytes).map_err(|e| e.to_string())?.0;
            leaves.push(u128::from(n));
            (0..n).try_for_each(|_| walk(types, s.type_param.id, bytes, leaves))
        }
        TypeDef::Array(a) => {
            (0..a.len).try_for_each(|_| walk(types, a.type_param.id, bytes, leaves))
        }
        TypeDef::Tuple(t) => t
            .fields
            .iter()
            .try_for_each(|f| walk(types, f.id, bytes, leaves)),
        TypeDef::Variant(v) => {
            let index = u8::decode(bytes).map_err(|e| e.to_string())?;
            leaves.push(u128::from(index));
            let variant = v
                .variants
                .iter()
                .find(|x| x.index == index)
                .ok_or(format!("no variant {index}"))?;
            variant
                .fields
                .iter()
                .try_for_each(|f| walk(types, f.ty.id, bytes, leaves))
        }
        TypeDef::Compact(_) => {
            let n = Compact::<u128>::decode(bytes).map_err(|e| e.to_string())?.0;
            leaves.push(n);
            Ok(())
        }
        TypeDef::Primitive(p) => {
            let n = match p {
                TypeDefPrimitive::Bool => {
                    u128::from(bool::decode(bytes).map_err(|e| e.to_string())?)
                }
                TypeDefPrimitive::U8 => u128::from(u8::decode(bytes).map_err(|e| e.to_string())?),
                TypeDefPrimitive::U16 => u128::from(u16::decode(bytes).map_err(|e| e.to_string())?),
                TypeDefPrimitive::U32 => u128::from(u32::decode(bytes).map_err(|e| e.to_string())?),
                TypeDefPrimitive::U64 => u128::from(u64::decode(bytes).map_err(|e| e.to_string())?),
                TypeDefPrimitive::U128 => u128::decode(bytes).map_err(|e| e.to_string())?,
                TypeDefPrimitive::I128 => i128::decode(bytes).map_err(|e| e.to_string())? as u128,
                other => return Err(format!("unexpected primitive {other:?}")),
            };
            leaves.push(n);
            Ok(())
        }
        other => Err(format!("unexpected type {other:?}")),
    }
}

/// The numbers of `info` in the order its fields are written, as the walker lists them.
fn leaves_of(info: &DynamicInfo) -> Vec<u128> {
    let mut l = vec![u128::from(info.netuid)];
    l.extend(info.owner_hotkey.iter().map(|b| u128::from(*b)));
    l.extend(info.owner_coldkey.iter().map(|b| u128::from(*b)));
    for text in [&info.subnet_name, &info.token_symbol] {
        l.push(text.len() as u128);
        l.extend(text.iter().map(|c| u128::from(c.0)));
    }
    l.push(u128::from(info.tempo));
    l.extend(
        [
            info.last_step,
            info.blocks_since_last_step,
            info.emission,
            info.alpha_in,
            info.alpha_out,
            info.tao_in,
            info.alpha_out_emission,
            info.alpha_in_emission,
            info.tao_in_emission,
            info.pending_alpha_emission,
            info.pending_root_emission,
        ]
        .map(u128::from),
    );
    l.push(info.subnet_volume);
    l.push(u128::from(info.network_registered_at));
    match &info.subnet_identity {
        None => l.push(0),
        Some(id) => {
            l.push(1);
            for field in [
                &id.subnet_name,
                &id.github_repo,
                &id.subnet_contact,
                &id.subnet_url,
                &id.discord,
                &id.description,
                &id.logo_url,
                &id.additional,
            ] {
                l.push(field.len() as u128);
                l.extend(field.iter().map(|b| u128::from(*b)));
            }
        }
    }
    l.push(info.moving_price as u128);
    l
}

fn field_names(types: &PortableRegistry, id: u32) -> Vec<String> {
    match &types.resolve(id).unwrap().type_def {
        TypeDef::Composite(c) => c.fields.iter().map(|f| f.name.clone().unwrap()).collect(),
        other => panic!("type {id} is not a struct: {other:?}"),
    }
}

/// The `Some` type inside `Vec<Option<T>>`.
fn inner_of_vec_option(types: &PortableRegistry, id: u32) -> u32 {
    let TypeDef::Sequence(s) = &types.resolve(id).unwrap().type_def else {
        panic!("not a Vec")
    };
    let option = types.resolve(s.type_param.id).unwrap();
    assert_eq!(option.path.segments, ["Option"]);
    let TypeDef::Variant(v) = &option.type_def else {
        panic!("not an Option")
    };
    v.variants.iter().find(|x| x.name == "Some").unwrap().fields[0]
        .ty
        .id
}

fn sample(netuid: u16, identity: bool) -> DynamicInfo {
    DynamicInfo {
        netuid,
        owner_hotkey: [7; 32],
        owner_coldkey: [9; 32],
        subnet_name: "apex".bytes().map(Compact).collect(),
        token_symbol: "α".bytes().map(Compact).collect(),
        tempo: 360,
        last_step: 1,
        blocks_since_last_step: 2,
        emission: 3,
        alpha_in: 4_000_000_000_000,
        alpha_out: 5,
        tao_in: 6_000_000_000_000,
        alpha_out_emission: 1_000_000_000,
        alpha_in_emission: 8,
        tao_in_emission: 9,
        pending_alpha_emission: 10,
        pending_root_emission: 11,
        subnet_volume: u128::MAX >> 3,
        network_registered_at: 12,
        subnet_identity: identity.then(|| SubnetIdentity {
            subnet_name: b"apex".to_vec(),
            description: b"a subnet".to_vec(),
            ..SubnetIdentity::default()
        }),
        moving_price: 1 << 31,
    }
}

#[test]
fn the_metadata_is_of_the_spec_the_decoder_reads() {
    let m = metadata();
    let system = m.pallets.iter().find(|p| p.name == "System").unwrap();
    let version = system
        .constants
        .iter()
        .find(|c| c.name == "Version")
        .unwrap();
    let mut bytes = &version.value[..];
    let (_name, _impl, _authoring, spec) =
        <(String, String, u32, u32)>::decode(&mut bytes).unwrap();
    assert_eq!(spec, SPEC_VERSION);
}

#[test]
fn the_answer_type_has_the_decoders_fields_in_order() {
    let m = metadata();
    let info = inner_of_vec_option(&m.types, answer_type(&m));
    let ty = m.types.resolve(info).unwrap();
    assert_eq!(
        ty.path.segments.last().map(String::as_str),
        Some("DynamicInfo")
    );
    assert_eq!(
        field_names(&m.types, info),
        [
            "netuid",
            "owner_hotkey",
            "owner_coldkey",
            "subnet_name",
            "token_symbol",
            "tempo",
            "last_step",
            "blocks_since_last_step",
            "emission",
            "alpha_in",
            "alpha_out",
            "tao_in",
            "alpha_out_emission",
            "alpha_in_emission",
            "tao_in_emission",
            "pending_alpha_emission",
            "pending_root_emission",
            "subnet_volume",
            "network_registered_at",
            "subnet_identity",
            "moving_price",
        ]
    );
}

#[test]
fn the_decoders_bytes_are_the_metadatas_layout() {
    let m = metadata();
    let answer = answer_type(&m);
    let values = vec![Some(sample(0, false)), None, Some(sample(64, true))];
    let bytes = values.encode();
    let mut rest = &bytes[..];
    let mut leaves = Vec::new();
    walk(&m.types, answer, &mut rest, &mut leaves).unwrap();
    assert!(rest.is_empty(), "{} bytes left", rest.len());
    // What the metadata reads is what the decoder's types wrote, number for number.
    let mut expected = vec![3, 1];
    expected.extend(leaves_of(&sample(0, false)));
    expected.push(0);
    expected.push(1);
    expected.extend(leaves_of(&sample(64, true)));
    assert_eq!(leaves, expected);
    // And the decoder reads them back exactly.
    assert_eq!(
        decode_all(&bytes).unwrap(),
        vec![sample(0, false), sample(64, true)]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn any_bytes_decode_or_say_why(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        match decode_all(&bytes) {
            Ok(all) => for info in all { let _ = info.to_subnet(); },
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn a_cut_reply_is_refused(cut in 0usize..400) {
        let bytes = vec![Some(sample(3, true)), Some(sample(4, false))].encode();
        let cut = cut.min(bytes.len() - 1);
        prop_assert!(decode_all(&bytes[..cut]).is_err());
    }
}

/// A type's primitive, through the single-field wrappers the runtime uses (`NetUid`, balances).
fn primitive(types: &PortableRegistry, id: u32) -> Option<TypeDefPrimitive> {
    match &types.resolve(id)?.type_def {
        TypeDef::Primitive(p) => Some(p.clone()),
        TypeDef::Composite(c) if c.fields.len() == 1 => primitive(types, c.fields[0].ty.id),
        _ => None,
    }
}

#[test]
fn the_storage_the_reader_takes_has_the_metadatas_keys_and_types() {
    use dtao_calc::snapshot::chain::storage::{Global, PoolItem};
    use frame_metadata::v16::{StorageEntryType, StorageHasher};
    let m = metadata();
    let entry = |pallet: &str, item: &str| {
        let p = m.pallets.iter().find(|p| p.name == pallet).unwrap();
        let storage = p.storage.as_ref().unwrap();
        assert_eq!(storage.prefix, pallet);
        storage
            .entries
            .iter()
            .find(|e| e.name == item)
            .map(|e| e.ty.clone())
    };
    let plain_u64 = |item: &str| match entry("SubtensorModule", item) {
        Some(StorageEntryType::Plain(t)) => assert_eq!(
            primitive(&m.types, t.id),
            Some(TypeDefPrimitive::U64),
            "{item}"
        ),
        other => panic!("{item}: {other:?}"),
    };
    plain_u64(Global::TaoWeight.name());
    plain_u64(Global::BlockEmission.name());
    let map = |pallet: &str, item: &str, hasher: StorageHasher, value: TypeDefPrimitive| match entry(
        pallet, item,
    ) {
        Some(StorageEntryType::Map {
            hashers,
            key,
            value: v,
        }) => {
            assert_eq!(hashers, vec![hasher], "{item}");
            assert_eq!(
                primitive(&m.types, key.id),
                Some(TypeDefPrimitive::U16),
                "{item}"
            );
            assert_eq!(primitive(&m.types, v.id), Some(value), "{item}");
        }
        other => panic!("{item}: {other:?}"),
    };
    map(
        "SubtensorModule",
        "SubnetTAO",
        StorageHasher::Identity,
        TypeDefPrimitive::U64,
    );
    map(
        "Swap",
        PoolItem::FeeRate.name(),
        StorageHasher::Twox64Concat,
        TypeDefPrimitive::U16,
    );
    // Spec 393 predates these; their types follow the chain's source (SPEC §5), and the reader
    // finds nothing stored under them on this runtime.
    assert!(entry("Swap", PoolItem::Balancer.name()).is_none());
    assert!(entry("Swap", PoolItem::Superellipse.name()).is_none());
    assert!(entry("SubtensorModule", Global::MaturityRate.name()).is_none());
    assert!(entry("SubtensorModule", Global::UnlockRate.name()).is_none());
}

#[test]
fn the_selective_metagraph_and_the_takes_are_the_metadatas() {
    use dtao_calc::snapshot::chain::validators::{
        decode_metagraph, metagraph_args, Neuron, ALPHA_STAKE, FIELDS, HOTKEYS, VALIDATOR_PERMIT,
    };
    use frame_metadata::v16::{StorageEntryType, StorageHasher};
    let m = metadata();
    let api = m
        .apis
        .iter()
        .find(|a| a.name == "SubnetInfoRuntimeApi")
        .unwrap();
    let call = api
        .methods
        .iter()
        .find(|me| me.name == "get_selective_metagraph")
        .unwrap();
    // The arguments: a netuid (u16) and the field indexes (Vec<u16>), in that order.
    assert_eq!(call.inputs.len(), 2);
    assert_eq!(
        primitive(&m.types, call.inputs[0].ty.id),
        Some(TypeDefPrimitive::U16)
    );
    match &m.types.resolve(call.inputs[1].ty.id).unwrap().type_def {
        TypeDef::Sequence(s) => assert_eq!(
            primitive(&m.types, s.type_param.id),
            Some(TypeDefPrimitive::U16)
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(metagraph_args(64), vec![64, 0, 12, 52, 0, 57, 0, 67, 0]);
    // The answer: Option<SelectiveMetagraph>, whose field at each asked index is the one meant.
    let output = call.output.id;
    let TypeDef::Variant(v) = &m.types.resolve(output).unwrap().type_def else {
        panic!("not an Option")
    };
    let inner = v.variants.iter().find(|x| x.name == "Some").unwrap().fields[0]
        .ty
        .id;
    let names = field_names(&m.types, inner);
    assert_eq!(names.len(), FIELDS);
    assert_eq!(names[0], "netuid");
    assert_eq!(names[usize::from(HOTKEYS)], "hotkeys");
    assert_eq!(names[usize::from(VALIDATOR_PERMIT)], "validator_permit");
    assert_eq!(names[usize::from(ALPHA_STAKE)], "alpha_stake");
    // An answer the reader's types write is read to its end by the metadata's walker, and back.
    let neurons = vec![
        Neuron {
            hotkey: [1; 32],
            permit: true,
            alpha_stake_rao: 5,
        },
        Neuron {
            hotkey: [2; 32],
            permit: false,
            alpha_stake_rao: 1 << 40,
        },
    ];
    let bytes = common::chain_node::metagraph_answer(64, &neurons);
    let mut rest = &bytes[..];
    let mut leaves = Vec::new();
    walk(&m.types, output, &mut rest, &mut leaves).unwrap();
    assert!(rest.is_empty());
    assert_eq!(decode_metagraph(&bytes, 64).unwrap(), neurons);
    // Delegates: Blake2_128Concat by account, a u16 take.
    let p = m
        .pallets
        .iter()
        .find(|p| p.name == "SubtensorModule")
        .unwrap();
    let entry = p
        .storage
        .as_ref()
        .unwrap()
        .entries
        .iter()
        .find(|e| e.name == "Delegates")
        .unwrap();
    match &entry.ty {
        StorageEntryType::Map { hashers, value, .. } => {
            assert_eq!(hashers, &vec![StorageHasher::Blake2_128Concat]);
            assert_eq!(primitive(&m.types, value.id), Some(TypeDefPrimitive::U16));
        }
        other => panic!("{other:?}"),
    }
}
