//! Reading a runtime by its own description: its metadata's type registry decides how every
//! answer and stored value is read (`value.rs`), fields are found by name (`lens.rs`),
//! arguments and keys are written as the runtime types them (`encode.rs`), and only what the
//! app uses is kept per runtime (`schema.rs`).

pub mod encode;
pub mod lens;
pub mod schema;
pub mod value;

pub use encode::Arg;
pub use lens::Named;
pub use schema::{CallSchema, Hasher, Schema, StorageSchema, Wanted};

pub use value::Value;

use super::keys::twox128;
use blake2::digest::consts::{U16, U32};
use blake2::{Blake2b, Digest};
use scale_info::{PortableRegistry, TypeDef};
use twox_hash::XxHash64;

/// The storage key of `item` at `keys` (one per hasher), each key part written as the item's
/// key type says and hashed as its hasher says.
pub fn storage_key(schema: &Schema, item: &StorageSchema, keys: &[Arg]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(32 + 48 * keys.len());
    out.extend_from_slice(&twox128(item.prefix.as_bytes()));
    out.extend_from_slice(&twox128(item.name.as_bytes()));
    if keys.len() != item.hashers.len() {
        return Err(format!(
            "{}::{} takes {} keys, not {}",
            item.pallet,
            item.name,
            item.hashers.len(),
            keys.len()
        ));
    }
    let Some(key_type) = item.key else {
        return Ok(out);
    };
    // One hasher: the key type is the key's; several: a tuple of them.
    let part_types: Vec<u32> = if keys.len() == 1 {
        vec![key_type]
    } else {
        match schema.types.resolve(key_type).map(|t| &t.type_def) {
            Some(TypeDef::Tuple(t)) if t.fields.len() == keys.len() => {
                t.fields.iter().map(|f| f.id).collect()
            }
            _ => {
                return Err(format!(
                    "{}::{} has a key of another shape",
                    item.pallet, item.name
                ))
            }
        }
    };
    for ((hasher, arg), ty) in item.hashers.iter().zip(keys).zip(part_types) {
        let encoded = encode::encode(&schema.types, ty, arg)
            .map_err(|e| format!("{}::{}'s key: {e}", item.pallet, item.name))?;
        hash_into(*hasher, &encoded, &mut out);
    }
    Ok(out)
}

fn hash_into(hasher: Hasher, data: &[u8], out: &mut Vec<u8>) {
    match hasher {
        Hasher::Blake2_128 => out.extend_from_slice(&Blake2b::<U16>::digest(data)),
        Hasher::Blake2_256 => out.extend_from_slice(&Blake2b::<U32>::digest(data)),
        Hasher::Blake2_128Concat => {
            out.extend_from_slice(&Blake2b::<U16>::digest(data));
            out.extend_from_slice(data);
        }
        Hasher::Twox128 => out.extend_from_slice(&twox128(data)),
        Hasher::Twox256 => {
            for seed in 0..4 {
                out.extend_from_slice(&XxHash64::oneshot(seed, data).to_le_bytes());
            }
        }
        Hasher::Twox64Concat => {
            out.extend_from_slice(&XxHash64::oneshot(0, data).to_le_bytes());
            out.extend_from_slice(data);
        }
        Hasher::Identity => out.extend_from_slice(data),
    }
}

/// The struct a type is, through `Option` and single-field wrappers: its fields' names and
/// types, in order.
pub fn struct_fields(types: &PortableRegistry, mut id: u32) -> Option<Vec<(String, u32)>> {
    for _ in 0..8 {
        match &types.resolve(id)?.type_def {
            TypeDef::Composite(c) if c.fields.len() == 1 && c.fields[0].name.is_none() => {
                id = c.fields[0].ty.id
            }
            TypeDef::Composite(c) => {
                return c
                    .fields
                    .iter()
                    .map(|f| Some((f.name.clone()?, f.ty.id)))
                    .collect()
            }
            TypeDef::Variant(v) => {
                let some = v.variants.iter().find(|x| x.name == "Some")?;
                id = some.fields.first()?.ty.id;
            }
            _ => return None,
        }
    }
    None
}

/// The fraction bits of a fixed-point type (`substrate_fixed::FixedI128<U32>` is I96F32:
/// 32), read from its `typenum` parameter; `None` when the type is not one.
pub fn fraction_bits(types: &PortableRegistry, mut id: u32) -> Option<u32> {
    // Through Option and the field's own wrappers to the fixed type itself.
    for _ in 0..8 {
        let ty = types.resolve(id)?;
        let last = ty.path.segments.last().map(String::as_str);
        if matches!(
            last,
            Some("FixedI128" | "FixedU128" | "FixedI64" | "FixedU64")
        ) {
            let frac = ty.type_params.iter().find_map(|p| p.ty)?.id;
            return typenum(types, frac, 0);
        }
        match &ty.type_def {
            TypeDef::Variant(v) => {
                id = v
                    .variants
                    .iter()
                    .find(|x| x.name == "Some")?
                    .fields
                    .first()?
                    .ty
                    .id
            }
            TypeDef::Composite(c) if c.fields.len() == 1 => id = c.fields[0].ty.id,
            _ => return None,
        }
    }
    None
}

/// A `typenum` unsigned integer type's value: `UTerm` is 0, `UInt<U, B>` is 2U + B.
fn typenum(types: &PortableRegistry, id: u32, depth: u32) -> Option<u32> {
    let ty = types.resolve(id)?;
    match ty.path.segments.last()?.as_str() {
        "UTerm" => Some(0),
        "B0" => Some(0),
        "B1" => Some(1),
        "UInt" if depth < 16 => {
            let mut params = ty.type_params.iter().filter_map(|p| p.ty);
            let high = typenum(types, params.next()?.id, depth + 1)?;
            let bit = typenum(types, params.next()?.id, depth + 1)?;
            Some(high * 2 + bit)
        }
        _ => None,
    }
}
