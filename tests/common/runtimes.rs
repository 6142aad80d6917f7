//! The real runtimes' metadata in `../shared/fixtures`: finney spec 393 (V16) and spec 461
//! (V15, from the Python SDK's recordings), whole, as parity's `frame-metadata` reads them.

#![allow(dead_code)]

use frame_metadata::{RuntimeMetadata, RuntimeMetadataPrefixed};
use parity_scale_codec::Decode;
use scale_info::PortableRegistry;

pub const SPEC_393: &str = "fixtures/finney-metadata-spec393.scale";
pub const SPEC_461: &str = "fixtures/subtensor-metadata-spec461.scale";

pub fn bytes(file: &str) -> Vec<u8> {
    let path = super::shared_dir().join(file);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn metadata(file: &str) -> RuntimeMetadataPrefixed {
    RuntimeMetadataPrefixed::decode(&mut &bytes(file)[..]).unwrap()
}

/// The whole type registry of a runtime.
pub fn registry(file: &str) -> PortableRegistry {
    match metadata(file).1 {
        RuntimeMetadata::V16(m) => m.types,
        RuntimeMetadata::V15(m) => m.types,
        other => panic!("metadata version {}", other.version()),
    }
}

/// The id of the first type whose path ends with `name`.
pub fn type_id(types: &PortableRegistry, name: &str) -> u32 {
    types
        .types
        .iter()
        .find(|t| t.ty.path.segments.last().map(String::as_str) == Some(name))
        .unwrap_or_else(|| panic!("no type {name}"))
        .id
}
