//! Runtimes that do not exist yet, made from the real spec-461 metadata the way runtime
//! upgrades change it: a field appended to `DynamicInfo` and to `SelectiveMetagraph` with an
//! unrelated type renamed (the reader must not notice), a field the app needs removed (the
//! reader must name it), and the proposed superellipse curve's storage item added to the Swap
//! pallet (SPEC §1b: the curve applies only where the runtime has it).

#![allow(dead_code)]

use super::runtimes::{self, SPEC_461};
use frame_metadata::v14::{StorageEntryModifier, StorageEntryType, StorageHasher};
use frame_metadata::v15::{RuntimeMetadataV15, StorageEntryMetadata};
use frame_metadata::{RuntimeMetadata, RuntimeMetadataPrefixed, META_RESERVED};
use parity_scale_codec::Encode;
use scale_info::form::PortableForm;
use scale_info::{Field, Path, PortableType, Type, TypeDef, TypeDefComposite, TypeDefPrimitive};

fn v15() -> RuntimeMetadataV15 {
    match runtimes::metadata(SPEC_461).1 {
        RuntimeMetadata::V15(m) => m,
        _ => panic!("spec 461's metadata is V15"),
    }
}

fn bytes(m: RuntimeMetadataV15) -> Vec<u8> {
    RuntimeMetadataPrefixed(META_RESERVED, RuntimeMetadata::V15(m)).encode()
}

fn find(m: &RuntimeMetadataV15, name: &str) -> usize {
    m.types
        .types
        .iter()
        .position(|t| t.ty.path.segments.last().map(String::as_str) == Some(name))
        .unwrap_or_else(|| panic!("no type {name}"))
}

fn primitive(m: &mut RuntimeMetadataV15, p: TypeDefPrimitive) -> u32 {
    if let Some(t) = m
        .types
        .types
        .iter()
        .find(|t| t.ty.type_def == TypeDef::Primitive(p.clone()))
    {
        return t.id;
    }
    add(
        m,
        Type {
            path: Path::default(),
            type_params: vec![],
            type_def: TypeDef::Primitive(p),
            docs: vec![],
        },
    )
}

fn add(m: &mut RuntimeMetadataV15, ty: Type<PortableForm>) -> u32 {
    let id = m.types.types.len() as u32;
    m.types.types.push(PortableType { id, ty });
    id
}

fn field(name: &str, ty: u32) -> Field<PortableForm> {
    Field {
        name: Some(name.to_string()),
        ty: ty.into(),
        type_name: None,
        docs: vec![],
    }
}

fn composite(m: &mut RuntimeMetadataV15, index: usize) -> &mut Vec<Field<PortableForm>> {
    match &mut m.types.types[index].ty.type_def {
        TypeDef::Composite(TypeDefComposite { fields }) => fields,
        other => panic!("{other:?}"),
    }
}

/// A later runtime: `DynamicInfo` gains `future_field: u64` at its end, `SelectiveMetagraph`
/// gains `future_list` (of the same type as `alpha_stake`), and `SubnetIdentityV3` is renamed
/// `SubnetIdentityV4`.
pub fn appended() -> Vec<u8> {
    let mut m = v15();
    let u64_id = primitive(&mut m, TypeDefPrimitive::U64);
    let info = find(&m, "DynamicInfo");
    composite(&mut m, info).push(field("future_field", u64_id));
    let graph = find(&m, "SelectiveMetagraph");
    let list_type = composite(&mut m, graph)
        .iter()
        .find(|f| f.name.as_deref() == Some("alpha_stake"))
        .unwrap()
        .ty
        .id;
    composite(&mut m, graph).push(field("future_list", list_type));
    let identity = find(&m, "SubnetIdentityV3");
    *m.types.types[identity].ty.path.segments.last_mut().unwrap() = "SubnetIdentityV4".into();
    bytes(m)
}

/// A runtime whose `DynamicInfo` has lost `field`.
pub fn removed(field: &str) -> Vec<u8> {
    let mut m = v15();
    let info = find(&m, "DynamicInfo");
    composite(&mut m, info).retain(|f| f.name.as_deref() != Some(field));
    bytes(m)
}

/// Spec 461 with the superellipse pool's storage, `Swap::SwapSuperellipse`: an `OptionQuery`
/// map by netuid (`Twox64Concat`) of `{alpha_scale: u128, tao_scale: u128, center_alpha:
/// i128, center_tao: i128}` (the pool-lending branch, `pallets/swap/src/pallet/mod.rs`).
pub fn with_superellipse() -> Vec<u8> {
    let mut m = v15();
    let u128_id = primitive(&mut m, TypeDefPrimitive::U128);
    let i128_id = primitive(&mut m, TypeDefPrimitive::I128);
    let curve = add(
        &mut m,
        Type {
            path: Path {
                segments: vec![
                    "pallet_subtensor_swap".into(),
                    "pallet".into(),
                    "superellipse".into(),
                    "Superellipse".into(),
                ],
            },
            type_params: vec![],
            type_def: TypeDef::Composite(TypeDefComposite {
                fields: vec![
                    field("alpha_scale", u128_id),
                    field("tao_scale", u128_id),
                    field("center_alpha", i128_id),
                    field("center_tao", i128_id),
                ],
            }),
            docs: vec![],
        },
    );
    let netuid = find(&m, "NetUid") as u32;
    let swap = m.pallets.iter_mut().find(|p| p.name == "Swap").unwrap();
    swap.storage
        .as_mut()
        .unwrap()
        .entries
        .push(StorageEntryMetadata {
            name: "SwapSuperellipse".into(),
            modifier: StorageEntryModifier::Optional,
            ty: StorageEntryType::Map {
                hashers: vec![StorageHasher::Twox64Concat],
                key: netuid.into(),
                value: curve.into(),
            },
            default: vec![0],
            docs: vec![],
        });
    bytes(m)
}
