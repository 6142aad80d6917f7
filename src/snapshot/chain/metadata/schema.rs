//! What the app needs of a runtime's metadata: the runtime calls it makes and the storage items
//! it reads, each with its types, and the part of the type registry those types use. Made once
//! per runtime from the metadata the node sends (V14, V15 or V16, read with parity's
//! `frame-metadata`), kept by genesis hash and spec version (`cache.rs`), so a later read of
//! the same runtime needs no metadata at all.

use super::value::{self, Value};
use frame_metadata::{RuntimeMetadata, RuntimeMetadataPrefixed};
use parity_scale_codec::{Decode, Encode};
use scale_info::PortableRegistry;
use std::collections::BTreeSet;

/// How a storage map hashes each part of its key (FRAME's `StorageHasher`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
pub enum Hasher {
    Blake2_128,
    Blake2_256,
    Blake2_128Concat,
    Twox128,
    Twox256,
    Twox64Concat,
    Identity,
}

/// A runtime call, `Api_method` as `state_call` names it.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct CallSchema {
    pub name: String,
    pub inputs: Vec<u32>,
    pub output: u32,
}

/// A storage item: where it lives, how its key is made, what its value is.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct StorageSchema {
    pub pallet: String,
    /// The pallet's storage prefix, hashed into every key.
    pub prefix: String,
    pub name: String,
    pub hashers: Vec<Hasher>,
    /// The key's type (a tuple when there are several hashers); none for a plain value.
    pub key: Option<u32>,
    pub value: u32,
    /// What an absent entry reads as (`ValueQuery`); none for an `OptionQuery`.
    pub default: Option<Vec<u8>>,
}

/// The calls and storage items of one runtime that the app uses.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct Schema {
    pub spec_version: u32,
    /// The metadata version it was made from (14, 15 or 16).
    pub metadata_version: u32,
    pub types: PortableRegistry,
    pub calls: Vec<CallSchema>,
    pub storage: Vec<StorageSchema>,
}

/// A storage item the app wants: its name and the pallets it may be in, first found wins.
#[derive(Clone, Copy, Debug)]
pub struct Wanted {
    pub pallets: &'static [&'static str],
    pub name: &'static str,
}

/// The bytes of the runtime's metadata as `state_getMetadata` sends them, or as
/// `Metadata_metadata_at_version` wraps them (`Option<OpaqueMetadata>`).
pub fn unwrap_opaque(bytes: &[u8]) -> Result<Option<Vec<u8>>, String> {
    let mut input = bytes;
    if bytes.starts_with(b"meta") {
        return Ok(Some(bytes.to_vec()));
    }
    let tag = *input.first().ok_or("the metadata answer is empty")?;
    input = &input[1..];
    match tag {
        0 if input.is_empty() => Ok(None),
        1 => {
            let n = value::compact(&mut input)?;
            if usize::try_from(n).ok() != Some(input.len()) || !input.starts_with(b"meta") {
                return Err("the metadata answer is not metadata".into());
            }
            Ok(Some(input.to_vec()))
        }
        _ => Err("the metadata answer is not metadata".into()),
    }
}

fn hasher(h: &frame_metadata::v14::StorageHasher) -> Hasher {
    use frame_metadata::v14::StorageHasher as H;
    match h {
        H::Blake2_128 => Hasher::Blake2_128,
        H::Blake2_256 => Hasher::Blake2_256,
        H::Blake2_128Concat => Hasher::Blake2_128Concat,
        H::Twox128 => Hasher::Twox128,
        H::Twox256 => Hasher::Twox256,
        H::Twox64Concat => Hasher::Twox64Concat,
        H::Identity => Hasher::Identity,
    }
}

/// One storage entry of any metadata version, as the schema keeps it.
fn storage_entry(
    pallet: &str,
    prefix: &str,
    name: &str,
    modifier: &frame_metadata::v14::StorageEntryModifier,
    ty: &frame_metadata::v14::StorageEntryType<scale_info::form::PortableForm>,
    default: &[u8],
) -> StorageSchema {
    use frame_metadata::v14::{StorageEntryModifier, StorageEntryType};
    let (hashers, key, value) = match ty {
        StorageEntryType::Plain(v) => (Vec::new(), None, v.id),
        StorageEntryType::Map {
            hashers,
            key,
            value,
        } => (hashers.iter().map(hasher).collect(), Some(key.id), value.id),
    };
    StorageSchema {
        pallet: pallet.to_string(),
        prefix: prefix.to_string(),
        name: name.to_string(),
        hashers,
        key,
        value,
        default: matches!(modifier, StorageEntryModifier::Default).then(|| default.to_vec()),
    }
}

/// The metadata's pallets' storage, its runtime calls, and its registry, whatever the version.
struct Parts {
    version: u32,
    types: PortableRegistry,
    storage: Vec<StorageSchema>,
    calls: Vec<CallSchema>,
}

macro_rules! parts_of {
    ($m:expr, $version:expr, $apis:expr) => {{
        let m = $m;
        let mut storage = Vec::new();
        for pallet in &m.pallets {
            if let Some(s) = &pallet.storage {
                for e in &s.entries {
                    storage.push(storage_entry(
                        &pallet.name,
                        &s.prefix,
                        &e.name,
                        &e.modifier,
                        &e.ty,
                        &e.default,
                    ));
                }
            }
        }
        Parts {
            version: $version,
            calls: $apis(&m),
            types: m.types,
            storage,
        }
    }};
}

fn parts(metadata: &[u8]) -> Result<Parts, String> {
    let prefixed = RuntimeMetadataPrefixed::decode(&mut &metadata[..])
        .map_err(|_| "the runtime's metadata does not decode".to_string())?;
    if prefixed.0 != frame_metadata::META_RESERVED {
        return Err("the runtime's metadata does not start as metadata does".into());
    }
    // V15 and V16 list runtime calls alike (V16 adds versions and deprecations); V14 has none.
    macro_rules! calls_of {
        ($m:expr) => {
            $m.apis
                .iter()
                .flat_map(|api| {
                    api.methods.iter().map(move |me| CallSchema {
                        name: format!("{}_{}", api.name, me.name),
                        inputs: me.inputs.iter().map(|i| i.ty.id).collect(),
                        output: me.output.id,
                    })
                })
                .collect()
        };
    }
    Ok(match prefixed.1 {
        RuntimeMetadata::V14(m) => parts_of!(m, 14, |_: &_| Vec::new()),
        RuntimeMetadata::V15(m) => {
            parts_of!(
                m,
                15,
                |m: &frame_metadata::v15::RuntimeMetadataV15| calls_of!(m)
            )
        }
        RuntimeMetadata::V16(m) => {
            parts_of!(
                m,
                16,
                |m: &frame_metadata::v16::RuntimeMetadataV16| calls_of!(m)
            )
        }
        other => {
            return Err(format!(
                "the runtime's metadata is version {}, which this app does not read (14 to 16)",
                other.version()
            ))
        }
    })
}

impl Schema {
    /// The schema of the runtime whose metadata is `metadata`, keeping the `calls` and the
    /// `storage` items it has of those wanted (what it lacks, the reader decides about).
    pub fn from_metadata(
        metadata: &[u8],
        spec_version: u32,
        calls: &[&str],
        storage: &[Wanted],
    ) -> Result<Schema, String> {
        let mut all = parts(metadata)?;
        let calls: Vec<CallSchema> = all
            .calls
            .into_iter()
            .filter(|c| calls.contains(&c.name.as_str()))
            .collect();
        let mut kept = Vec::new();
        for want in storage {
            let found = want.pallets.iter().find_map(|pallet| {
                all.storage
                    .iter()
                    .position(|s| s.pallet == *pallet && s.name == want.name)
            });
            if let Some(i) = found {
                kept.push(all.storage.swap_remove(i));
            }
        }
        // Only the types those use, renumbered, without their docs: a few kilobytes to keep.
        let mut used = BTreeSet::new();
        for c in &calls {
            used.extend(c.inputs.iter().copied());
            used.insert(c.output);
        }
        for s in &kept {
            used.extend(s.key);
            used.insert(s.value);
        }
        if let Some(bad) = used.iter().find(|id| all.types.resolve(**id).is_none()) {
            return Err(format!(
                "the runtime's metadata names type {bad} but lacks it"
            ));
        }
        let map = all.types.retain(|id| used.contains(&id));
        let renumber = |id: u32| map.get(&id).copied().unwrap_or(id);
        for t in &mut all.types.types {
            t.ty.docs.clear();
        }
        let calls = calls
            .into_iter()
            .map(|c| CallSchema {
                inputs: c.inputs.into_iter().map(renumber).collect(),
                output: renumber(c.output),
                name: c.name,
            })
            .collect();
        for s in &mut kept {
            s.key = s.key.map(renumber);
            s.value = renumber(s.value);
        }
        Ok(Schema {
            spec_version,
            metadata_version: all.version,
            types: all.types,
            calls,
            storage: kept,
        })
    }

    pub fn call(&self, name: &str) -> Option<&CallSchema> {
        self.calls.iter().find(|c| c.name == name)
    }

    /// The storage item `name`, in whichever pallet the runtime keeps it.
    pub fn item(&self, name: &str) -> Option<&StorageSchema> {
        self.storage.iter().find(|s| s.name == name)
    }

    /// Decode a call's answer by its output type.
    pub fn answer(&self, call: &CallSchema, bytes: &[u8]) -> Result<Value, String> {
        value::decode_all(&self.types, call.output, bytes)
    }

    /// Decode a stored value, or the item's default when nothing is stored; `None` for an
    /// absent entry of an `OptionQuery` item.
    pub fn stored(
        &self,
        item: &StorageSchema,
        bytes: Option<&[u8]>,
    ) -> Result<Option<Value>, String> {
        match bytes.or(item.default.as_deref()) {
            Some(b) => value::decode_all(&self.types, item.value, b)
                .map(Some)
                .map_err(|e| {
                    format!(
                        "{}::{} does not read as its type ({e})",
                        item.pallet, item.name
                    )
                }),
            None => Ok(None),
        }
    }

    /// The schema as kept on the device.
    pub fn to_bytes(&self) -> Vec<u8> {
        (FORMAT, self).encode()
    }

    /// A kept schema, when it is this version's and whole.
    pub fn from_bytes(bytes: &[u8]) -> Option<Schema> {
        let mut input = bytes;
        let (format, schema) = <(u32, Schema)>::decode(&mut input).ok()?;
        (format == FORMAT && input.is_empty()).then_some(schema)
    }
}

/// Bumped whenever `Schema` or the wanted lists change, so kept schemas of an older app are
/// made again.
pub const FORMAT: u32 = 1;
