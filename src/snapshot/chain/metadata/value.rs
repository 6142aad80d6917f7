//! Any SCALE value, read by the type the runtime's metadata gives it (a `scale-info` type
//! registry), so a reader finds fields by name instead of by byte position. Integers of every
//! width and every compact come back as one number (a compact as wide as its bytes say, as the
//! Python SDK's codec reads it; whether it fits the app's number is the lens's question).
//! Bytes that are not a value of the type, or a type that cannot be read, give a sentence.

use parity_scale_codec::{Compact, Decode};
use scale_info::{PortableRegistry, TypeDef, TypeDefPrimitive};

/// A decoded value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Bool(bool),
    /// Any unsigned integer or compact, u8 to u128.
    Uint(u128),
    /// Any signed integer, i8 to i128.
    Int(i128),
    /// A 256-bit integer, little-endian as sent.
    Wide([u8; 32]),
    Char(char),
    Str(String),
    /// A sequence or array of `u8`.
    Bytes(Vec<u8>),
    /// A sequence, array or tuple.
    List(Vec<Value>),
    /// A struct; tuple structs have unnamed fields.
    Struct(Vec<Field>),
    Variant {
        name: String,
        fields: Vec<Field>,
    },
    /// A bit sequence, as its length in bits.
    Bits(u64),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: Option<String>,
    pub value: Value,
}

/// How deep types may nest: deeper is a broken or hostile registry.
const MAX_DEPTH: u32 = 48;

/// Read one value of type `id` from the front of `bytes`, advancing it.
pub fn decode(types: &PortableRegistry, id: u32, bytes: &mut &[u8]) -> Result<Value, String> {
    Reader { types }.value(id, bytes, 0)
}

/// Read exactly one value of type `id`: bytes left over mean it is not of that type.
pub fn decode_all(types: &PortableRegistry, id: u32, mut bytes: &[u8]) -> Result<Value, String> {
    let value = decode(types, id, &mut bytes)?;
    if bytes.is_empty() {
        Ok(value)
    } else {
        Err(format!("{} bytes are left over", bytes.len()))
    }
}

struct Reader<'a> {
    types: &'a PortableRegistry,
}

fn short<E>(_: E) -> String {
    "the bytes end too soon".to_string()
}

fn take<'b>(bytes: &mut &'b [u8], n: usize) -> Result<&'b [u8], String> {
    if bytes.len() < n {
        return Err(short(()));
    }
    let (head, rest) = bytes.split_at(n);
    *bytes = rest;
    Ok(head)
}

/// A compact integer of up to 128 bits, read whatever the type behind it.
pub fn compact(bytes: &mut &[u8]) -> Result<u128, String> {
    Compact::<u128>::decode(bytes)
        .map(|c| c.0)
        .map_err(|_| "a compact number is cut short or wider than 128 bits".to_string())
}

/// A length prefix, which must not promise more items than there are bytes left.
fn length(bytes: &mut &[u8]) -> Result<usize, String> {
    let n = compact(bytes)?;
    usize::try_from(n)
        .ok()
        .filter(|n| *n <= bytes.len())
        .ok_or_else(|| format!("a length of {n} is more than the bytes left"))
}

impl Reader<'_> {
    fn value(&self, id: u32, bytes: &mut &[u8], depth: u32) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err("the types nest too deep".into());
        }
        let ty = self
            .types
            .resolve(id)
            .ok_or_else(|| format!("type {id} is not in the registry"))?;
        let depth = depth + 1;
        Ok(match &ty.type_def {
            TypeDef::Composite(c) => Value::Struct(self.fields(
                c.fields.iter().map(|f| (f.name.as_deref(), f.ty.id)),
                bytes,
                depth,
            )?),
            TypeDef::Variant(v) => {
                let index = take(bytes, 1)?[0];
                let variant = v
                    .variants
                    .iter()
                    .find(|x| x.index == index)
                    .ok_or_else(|| format!("{index} is not a variant of {}", path(ty)))?;
                Value::Variant {
                    name: variant.name.clone(),
                    fields: self.fields(
                        variant.fields.iter().map(|f| (f.name.as_deref(), f.ty.id)),
                        bytes,
                        depth,
                    )?,
                }
            }
            TypeDef::Sequence(s) => {
                let n = length(bytes)?;
                self.list(s.type_param.id, n, bytes, depth)?
            }
            TypeDef::Array(a) => self.list(a.type_param.id, a.len as usize, bytes, depth)?,
            TypeDef::Tuple(t) => Value::List(
                t.fields
                    .iter()
                    .map(|f| self.value(f.id, bytes, depth))
                    .collect::<Result<_, _>>()?,
            ),
            TypeDef::Primitive(p) => primitive(p, bytes)?,
            TypeDef::Compact(_) => Value::Uint(compact(bytes)?),
            TypeDef::BitSequence(b) => {
                let bits = compact(bytes)?;
                let store = match self.types.resolve(b.bit_store_type.id).map(|t| &t.type_def) {
                    Some(TypeDef::Primitive(TypeDefPrimitive::U8)) => 8,
                    Some(TypeDef::Primitive(TypeDefPrimitive::U16)) => 16,
                    Some(TypeDef::Primitive(TypeDefPrimitive::U32)) => 32,
                    Some(TypeDef::Primitive(TypeDefPrimitive::U64)) => 64,
                    _ => return Err("a bit sequence has a store type no chain uses".into()),
                };
                let words = bits.div_ceil(store);
                let n = usize::try_from(words * store / 8).map_err(short)?;
                take(bytes, n)?;
                Value::Bits(u64::try_from(bits).map_err(short)?)
            }
        })
    }

    fn fields<'n>(
        &self,
        list: impl Iterator<Item = (Option<&'n str>, u32)>,
        bytes: &mut &[u8],
        depth: u32,
    ) -> Result<Vec<Field>, String> {
        list.map(|(name, id)| {
            Ok(Field {
                name: name.map(str::to_string),
                value: self.value(id, bytes, depth).map_err(|e| match name {
                    Some(name) if !e.starts_with("in ") => format!("in {name}: {e}"),
                    Some(name) => format!("in {name}, {e}"),
                    None => e,
                })?,
            })
        })
        .collect()
    }

    fn list(&self, item: u32, n: usize, bytes: &mut &[u8], depth: u32) -> Result<Value, String> {
        let is_byte = matches!(
            self.types.resolve(item).map(|t| &t.type_def),
            Some(TypeDef::Primitive(TypeDefPrimitive::U8))
        );
        if is_byte {
            return Ok(Value::Bytes(take(bytes, n)?.to_vec()));
        }
        // An item takes at least one byte in every type a chain sends a list of; this also
        // keeps a hostile length from spinning.
        if n > bytes.len() {
            return Err(short(()));
        }
        let mut out = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            out.push(self.value(item, bytes, depth)?);
        }
        Ok(Value::List(out))
    }
}

fn path(ty: &scale_info::Type<scale_info::form::PortableForm>) -> String {
    ty.path
        .segments
        .last()
        .cloned()
        .unwrap_or_else(|| "an enum".into())
}

fn primitive(p: &TypeDefPrimitive, bytes: &mut &[u8]) -> Result<Value, String> {
    let mut le = |n: usize| -> Result<u128, String> {
        let mut buf = [0u8; 16];
        buf[..n].copy_from_slice(take(bytes, n)?);
        Ok(u128::from_le_bytes(buf))
    };
    Ok(match p {
        TypeDefPrimitive::Bool => match le(1)? {
            0 => Value::Bool(false),
            1 => Value::Bool(true),
            b => return Err(format!("{b} is not a bool")),
        },
        TypeDefPrimitive::Char => {
            let code = le(4)? as u32;
            Value::Char(char::from_u32(code).ok_or_else(|| format!("{code} is not a char"))?)
        }
        TypeDefPrimitive::Str => {
            let n = length(bytes)?;
            let raw = take(bytes, n)?;
            Value::Str(String::from_utf8_lossy(raw).into_owned())
        }
        TypeDefPrimitive::U8 => Value::Uint(le(1)?),
        TypeDefPrimitive::U16 => Value::Uint(le(2)?),
        TypeDefPrimitive::U32 => Value::Uint(le(4)?),
        TypeDefPrimitive::U64 => Value::Uint(le(8)?),
        TypeDefPrimitive::U128 => Value::Uint(le(16)?),
        TypeDefPrimitive::I8 => Value::Int(i128::from(le(1)? as u8 as i8)),
        TypeDefPrimitive::I16 => Value::Int(i128::from(le(2)? as u16 as i16)),
        TypeDefPrimitive::I32 => Value::Int(i128::from(le(4)? as u32 as i32)),
        TypeDefPrimitive::I64 => Value::Int(i128::from(le(8)? as u64 as i64)),
        TypeDefPrimitive::I128 => Value::Int(le(16)? as i128),
        TypeDefPrimitive::U256 | TypeDefPrimitive::I256 => {
            let mut wide = [0u8; 32];
            wide.copy_from_slice(take(bytes, 32)?);
            Value::Wide(wide)
        }
    })
}
