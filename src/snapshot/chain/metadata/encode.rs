//! A runtime call's arguments and a storage map's keys, encoded as the metadata types them: a
//! netuid is `u16` in one runtime and `NetUid(u16)` in the next, an amount `u64` or
//! `TaoBalance(u64)`, a list `Vec<u16>`, an `Option` by its variants' own indexes; the same
//! number is written as whichever the runtime says, and refused when it does not fit.

use parity_scale_codec::{Compact, Encode};
use scale_info::{PortableRegistry, TypeDef, TypeDefPrimitive};

/// An argument as the app has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    Uint(u128),
    /// An account (`AccountId32`), or any 32 bytes.
    Account([u8; 32]),
    List(Vec<Arg>),
    /// `Option::None` and `Option::Some(…)`.
    None,
    Some(Box<Arg>),
}

/// `arg` as a value of type `id`.
pub fn encode(types: &PortableRegistry, id: u32, arg: &Arg) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    write(types, id, arg, &mut out, 0)?;
    Ok(out)
}

fn write(
    types: &PortableRegistry,
    id: u32,
    arg: &Arg,
    out: &mut Vec<u8>,
    depth: u32,
) -> Result<(), String> {
    if depth > 16 {
        return Err("the argument's type nests too deep".into());
    }
    let ty = types
        .resolve(id)
        .ok_or_else(|| format!("type {id} is not in the registry"))?;
    let name = || ty.path.segments.last().cloned().unwrap_or_default();
    match (&ty.type_def, arg) {
        // A newtype around the value: write what it wraps.
        (TypeDef::Composite(c), _) if c.fields.len() == 1 => {
            write(types, c.fields[0].ty.id, arg, out, depth + 1)
        }
        (TypeDef::Primitive(p), Arg::Uint(n)) => {
            let bytes = n.to_le_bytes();
            let width = match p {
                TypeDefPrimitive::U8 => 1,
                TypeDefPrimitive::U16 => 2,
                TypeDefPrimitive::U32 => 4,
                TypeDefPrimitive::U64 => 8,
                TypeDefPrimitive::U128 => 16,
                other => return Err(format!("a number cannot be written as {other:?}")),
            };
            if bytes[width..].iter().any(|b| *b != 0) {
                return Err(format!("{n} does not fit in {width} bytes"));
            }
            out.extend_from_slice(&bytes[..width]);
            Ok(())
        }
        (TypeDef::Compact(_), Arg::Uint(n)) => {
            Compact(*n).encode_to(out);
            Ok(())
        }
        (TypeDef::Array(a), Arg::Account(bytes)) if a.len == 32 => {
            out.extend_from_slice(bytes);
            Ok(())
        }
        (TypeDef::Sequence(s), Arg::List(items)) => {
            Compact(items.len() as u32).encode_to(out);
            items
                .iter()
                .try_for_each(|i| write(types, s.type_param.id, i, out, depth + 1))
        }
        (TypeDef::Variant(v), Arg::None | Arg::Some(_)) => {
            let (wanted, inner) = match arg {
                Arg::Some(inner) => ("Some", Some(inner)),
                _ => ("None", None),
            };
            let variant = v
                .variants
                .iter()
                .find(|x| x.name == wanted)
                .ok_or_else(|| format!("the runtime's {} has no {wanted}", name()))?;
            out.push(variant.index);
            match (inner, variant.fields.as_slice()) {
                (None, []) => Ok(()),
                (Some(inner), [field]) => write(types, field.ty.id, inner, out, depth + 1),
                _ => Err(format!("the runtime's {} is not an option", name())),
            }
        }
        (TypeDef::Tuple(t), Arg::List(items)) if t.fields.len() == items.len() => t
            .fields
            .iter()
            .zip(items)
            .try_for_each(|(f, i)| write(types, f.id, i, out, depth + 1)),
        _ => Err(format!(
            "{arg:?} cannot be written as the runtime's {}",
            name()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scale_info::{meta_type, Registry, TypeInfo};

    #[derive(TypeInfo)]
    struct NetUid(#[allow(dead_code)] u16);

    fn registry<T: TypeInfo + 'static>() -> (PortableRegistry, u32) {
        let mut r = Registry::new();
        let id = r.register_type(&meta_type::<T>()).id;
        (r.into(), id)
    }

    #[test]
    fn numbers_take_the_runtimes_types() {
        let (types, id) = registry::<NetUid>();
        assert_eq!(encode(&types, id, &Arg::Uint(64)), Ok(vec![64, 0]));
        assert!(encode(&types, id, &Arg::Uint(70_000)).is_err());
        let (types, id) = registry::<Vec<u16>>();
        let list = Arg::List(vec![Arg::Uint(0), Arg::Uint(52)]);
        assert_eq!(encode(&types, id, &list), Ok(vec![8, 0, 0, 52, 0]));
        let (types, id) = registry::<(u64, [u8; 32])>();
        let pair = Arg::List(vec![Arg::Uint(1), Arg::Account([9; 32])]);
        let bytes = encode(&types, id, &pair).unwrap();
        assert_eq!(bytes.len(), 40);
        assert!(encode(&types, id, &Arg::Uint(1)).is_err());
        let (types, id) = registry::<parity_scale_codec::Compact<u64>>();
        assert_eq!(encode(&types, id, &Arg::Uint(1)), Ok(vec![4]));
        // An option by its variants: None is 0, Some 1 and its value.
        let (types, id) = registry::<Option<[u8; 32]>>();
        assert_eq!(encode(&types, id, &Arg::None), Ok(vec![0]));
        let some = encode(&types, id, &Arg::Some(Box::new(Arg::Account([7; 32])))).unwrap();
        assert_eq!((some.len(), some[0], some[32]), (33, 1, 7));
        assert!(encode(&types, id, &Arg::Some(Box::new(Arg::Uint(1)))).is_err());
        assert!(encode(&types, id, &Arg::Uint(1)).is_err());
    }
}
