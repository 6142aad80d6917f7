//! SCALE by a runtime's type registry, written for the tests apart from the app's decoder: an
//! encoder from values in the Python SDK's JSON style (objects by field name, `null` for
//! `None`, `"Name"` or `{"Name": …}` for enum variants, SS58 or `0x` hex or text for bytes), so
//! the pretend node answers with bytes laid out as the runtime's own types say; and a
//! comparison of the app's decoded values with that JSON. Both are checked against the SDK's
//! own codec corpus (`tests/runtime_metadata.rs`), bytes the app did not make.

#![allow(dead_code)]

use dtao_calc::snapshot::chain::metadata::value::{Field, Value};
use parity_scale_codec::{Compact, Encode};
use scale_info::{PortableRegistry, TypeDef, TypeDefPrimitive};
use serde_json::Value as Json;

/// A JSON number (any size, with serde_json's arbitrary precision) as i128 / u128 text.
fn big(json: &Json) -> Option<String> {
    match json {
        Json::Number(n) => Some(n.to_string()),
        Json::String(s) if s.chars().all(|c| c.is_ascii_digit() || c == '-') && !s.is_empty() => {
            Some(s.clone())
        }
        _ => None,
    }
}

pub fn unhex(text: &str) -> Option<Vec<u8>> {
    dtao_calc::snapshot::chain::keys::unhex(text)
}

/// The 32 bytes of an SS58 address (any prefix below 64), checksum checked.
pub fn ss58_bytes(text: &str) -> Option<[u8; 32]> {
    let raw = bs58::decode(text).into_vec().ok()?;
    if raw.len() != 35 || raw[0] >= 64 {
        return None;
    }
    use blake2::digest::consts::U64;
    use blake2::{Blake2b, Digest};
    let mut hasher = Blake2b::<U64>::new();
    hasher.update(b"SS58PRE");
    hasher.update(&raw[..33]);
    let sum = hasher.finalize();
    (sum[..2] == raw[33..]).then(|| raw[1..33].try_into().unwrap())
}

/// Bytes from the SDK's JSON: an SS58 address, `0x` hex, or text.
fn bytes_of(json: &Json) -> Option<Vec<u8>> {
    match json {
        Json::String(s) => {
            if let Some(b) = ss58_bytes(s) {
                return Some(b.to_vec());
            }
            if let Some(b) = unhex(s) {
                return Some(b);
            }
            Some(s.as_bytes().to_vec())
        }
        Json::Array(items) => items
            .iter()
            .map(|i| i.as_u64().and_then(|n| u8::try_from(n).ok()))
            .collect(),
        _ => None,
    }
}

fn is_u8(types: &PortableRegistry, id: u32) -> bool {
    matches!(
        types.resolve(id).map(|t| &t.type_def),
        Some(TypeDef::Primitive(TypeDefPrimitive::U8))
    )
}

/// `json` as a value of type `id`.
pub fn encode(types: &PortableRegistry, id: u32, json: &Json) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    write(types, id, json, &mut out, 0)?;
    Ok(out)
}

fn write(
    types: &PortableRegistry,
    id: u32,
    json: &Json,
    out: &mut Vec<u8>,
    depth: u32,
) -> Result<(), String> {
    if depth > 64 {
        return Err("too deep".into());
    }
    let ty = types.resolve(id).ok_or(format!("no type {id}"))?;
    let name = ty.path.segments.join("::");
    let fail = || format!("{json} is not a {name} ({:?})", ty.type_def);
    match &ty.type_def {
        TypeDef::Composite(c) => {
            let named = c.fields.iter().all(|f| f.name.is_some()) && !c.fields.is_empty();
            if named && json.is_object() {
                for f in &c.fields {
                    let key = f.name.as_deref().unwrap();
                    let value = json
                        .get(key)
                        .ok_or_else(|| format!("{name} needs its field {key}"))?;
                    write(types, f.ty.id, value, out, depth + 1)?;
                }
                Ok(())
            } else if c.fields.len() == 1 {
                write(types, c.fields[0].ty.id, json, out, depth + 1)
            } else if c.fields.is_empty() {
                Ok(())
            } else {
                let items = json.as_array().ok_or_else(fail)?;
                if items.len() != c.fields.len() {
                    return Err(fail());
                }
                for (f, v) in c.fields.iter().zip(items) {
                    write(types, f.ty.id, v, out, depth + 1)?;
                }
                Ok(())
            }
        }
        TypeDef::Variant(v) => {
            let is_option = v.variants.iter().any(|x| x.name == "None")
                && v.variants.iter().any(|x| x.name == "Some");
            if is_option {
                let none = v.variants.iter().find(|x| x.name == "None").unwrap();
                let some = v.variants.iter().find(|x| x.name == "Some").unwrap();
                if json.is_null() {
                    out.push(none.index);
                    return Ok(());
                }
                out.push(some.index);
                return write(types, some.fields[0].ty.id, json, out, depth + 1);
            }
            let (variant, inner) = match json {
                Json::String(s) => (s.as_str(), None),
                Json::Object(m) if m.len() == 1 => {
                    let (k, v) = m.iter().next().unwrap();
                    (k.as_str(), Some(v))
                }
                _ => return Err(fail()),
            };
            let x = v
                .variants
                .iter()
                .find(|x| x.name == variant)
                .ok_or_else(fail)?;
            out.push(x.index);
            match (x.fields.len(), inner) {
                (0, _) => Ok(()),
                (1, Some(inner)) if x.fields[0].name.is_none() => {
                    write(types, x.fields[0].ty.id, inner, out, depth + 1)
                }
                (_, Some(Json::Object(m))) if x.fields.iter().all(|f| f.name.is_some()) => {
                    for f in &x.fields {
                        let key = f.name.as_deref().unwrap();
                        write(types, f.ty.id, m.get(key).ok_or_else(fail)?, out, depth + 1)?;
                    }
                    Ok(())
                }
                (n, Some(Json::Array(items))) if items.len() == n => {
                    for (f, i) in x.fields.iter().zip(items) {
                        write(types, f.ty.id, i, out, depth + 1)?;
                    }
                    Ok(())
                }
                _ => Err(fail()),
            }
        }
        TypeDef::Sequence(s) => {
            if is_u8(types, s.type_param.id) {
                let b = bytes_of(json).ok_or_else(fail)?;
                Compact(b.len() as u32).encode_to(out);
                out.extend(b);
                return Ok(());
            }
            let items = json.as_array().ok_or_else(fail)?;
            Compact(items.len() as u32).encode_to(out);
            items
                .iter()
                .try_for_each(|i| write(types, s.type_param.id, i, out, depth + 1))
        }
        TypeDef::Array(a) => {
            if is_u8(types, a.type_param.id) {
                let b = bytes_of(json).ok_or_else(fail)?;
                if b.len() != a.len as usize {
                    return Err(fail());
                }
                out.extend(b);
                return Ok(());
            }
            let items = json.as_array().ok_or_else(fail)?;
            if items.len() != a.len as usize {
                return Err(fail());
            }
            items
                .iter()
                .try_for_each(|i| write(types, a.type_param.id, i, out, depth + 1))
        }
        TypeDef::Tuple(t) => {
            if t.fields.is_empty() {
                return Ok(());
            }
            let items = json.as_array().ok_or_else(fail)?;
            if items.len() != t.fields.len() {
                return Err(fail());
            }
            for (f, i) in t.fields.iter().zip(items) {
                write(types, f.id, i, out, depth + 1)?;
            }
            Ok(())
        }
        TypeDef::Compact(_) => {
            let n: u128 = big(json).and_then(|t| t.parse().ok()).ok_or_else(fail)?;
            Compact(n).encode_to(out);
            Ok(())
        }
        TypeDef::Primitive(p) => {
            let text = || big(json).ok_or_else(fail);
            macro_rules! int {
                ($t:ty) => {{
                    let n: $t = text()?.parse().map_err(|_| fail())?;
                    out.extend(n.to_le_bytes());
                }};
            }
            match p {
                TypeDefPrimitive::Bool => out.push(u8::from(json.as_bool().ok_or_else(fail)?)),
                TypeDefPrimitive::Char => {
                    let c = json
                        .as_str()
                        .and_then(|s| s.chars().next())
                        .ok_or_else(fail)?;
                    out.extend((c as u32).to_le_bytes());
                }
                TypeDefPrimitive::Str => {
                    let s = json.as_str().ok_or_else(fail)?;
                    s.encode_to(out);
                }
                TypeDefPrimitive::U8 => int!(u8),
                TypeDefPrimitive::U16 => int!(u16),
                TypeDefPrimitive::U32 => int!(u32),
                TypeDefPrimitive::U64 => int!(u64),
                TypeDefPrimitive::U128 => int!(u128),
                TypeDefPrimitive::I8 => int!(i8),
                TypeDefPrimitive::I16 => int!(i16),
                TypeDefPrimitive::I32 => int!(i32),
                TypeDefPrimitive::I64 => int!(i64),
                TypeDefPrimitive::I128 => int!(i128),
                TypeDefPrimitive::U256 | TypeDefPrimitive::I256 => {
                    return Err("256-bit numbers are not written here".into())
                }
            }
            Ok(())
        }
        TypeDef::BitSequence(_) => Err("bit sequences are not written here".into()),
    }
}

/// Whether the app's decoded `ours` is the SDK's `theirs`; where not, the path that differs.
pub fn same(ours: &Value, theirs: &Json) -> Result<(), String> {
    compare(ours, theirs, "")
}

fn fields_json(fields: &[Field], theirs: &Json, path: &str) -> Result<(), String> {
    let unnamed = fields.iter().all(|f| f.name.is_none());
    match (fields.len(), unnamed) {
        (0, _) => match theirs {
            Json::Null => Ok(()),
            Json::Array(a) if a.is_empty() => Ok(()),
            Json::Object(o) if o.is_empty() => Ok(()),
            _ => Err(format!("{path}: empty against {theirs}")),
        },
        (1, true) => compare(&fields[0].value, theirs, path),
        (_, true) => {
            let items = theirs
                .as_array()
                .filter(|a| a.len() == fields.len())
                .ok_or_else(|| format!("{path}: {} fields against {theirs}", fields.len()))?;
            for (i, (f, t)) in fields.iter().zip(items).enumerate() {
                compare(&f.value, t, &format!("{path}.{i}"))?;
            }
            Ok(())
        }
        _ => {
            let map = theirs
                .as_object()
                .ok_or_else(|| format!("{path}: a struct against {theirs}"))?;
            if map.len() != fields.len() {
                return Err(format!(
                    "{path}: {} fields against {}",
                    fields.len(),
                    map.len()
                ));
            }
            for f in fields {
                let name = f.name.as_deref().unwrap_or("?");
                let t = map
                    .get(name)
                    .ok_or_else(|| format!("{path}: the SDK has no {name}"))?;
                compare(&f.value, t, &format!("{path}.{name}"))?;
            }
            Ok(())
        }
    }
}

fn compare(ours: &Value, theirs: &Json, path: &str) -> Result<(), String> {
    let differ = || Err(format!("{path}: {ours:?} against {theirs}"));
    match ours {
        Value::Bool(b) => (theirs.as_bool() == Some(*b))
            .then_some(())
            .map_or_else(differ, Ok),
        Value::Uint(n) => (big(theirs) == Some(n.to_string()))
            .then_some(())
            .map_or_else(differ, Ok),
        Value::Int(n) => (big(theirs) == Some(n.to_string()))
            .then_some(())
            .map_or_else(differ, Ok),
        Value::Char(c) => (theirs.as_str() == Some(c.to_string().as_str()))
            .then_some(())
            .map_or_else(differ, Ok),
        Value::Str(s) => (theirs.as_str() == Some(s))
            .then_some(())
            .map_or_else(differ, Ok),
        Value::Bytes(b) => {
            let ok = match theirs {
                Json::String(s) => {
                    ss58_bytes(s).is_some_and(|a| a[..] == b[..])
                        || unhex(s).is_some_and(|h| h == *b)
                        || s.as_bytes() == &b[..]
                }
                Json::Array(items) => {
                    items.len() == b.len()
                        && items
                            .iter()
                            .zip(b)
                            .all(|(i, x)| i.as_u64() == Some(u64::from(*x)))
                }
                _ => false,
            };
            ok.then_some(()).map_or_else(differ, Ok)
        }
        Value::List(items) => {
            let theirs = theirs
                .as_array()
                .filter(|t| t.len() == items.len())
                .ok_or_else(|| format!("{path}: a list of {} against {theirs}", items.len()))?;
            for (i, (o, t)) in items.iter().zip(theirs).enumerate() {
                compare(o, t, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        Value::Struct(fields) => fields_json(fields, theirs, path),
        Value::Variant { name, fields } => match name.as_str() {
            "None" if fields.is_empty() => theirs.is_null().then_some(()).map_or_else(differ, Ok),
            "Some" if fields.len() == 1 => compare(&fields[0].value, theirs, path),
            _ if fields.is_empty() => (theirs.as_str() == Some(name))
                .then_some(())
                .map_or_else(differ, Ok),
            _ => {
                let inner = theirs
                    .as_object()
                    .filter(|m| m.len() == 1)
                    .and_then(|m| m.get(name))
                    .ok_or_else(|| format!("{path}: variant {name} against {theirs}"))?;
                fields_json(fields, inner, &format!("{path}.{name}"))
            }
        },
        Value::Wide(_) | Value::Bits(_) => Ok(()),
    }
}
