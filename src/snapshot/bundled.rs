//! The snapshot compiled into the app, so every calculator works offline:
//! finney at block 8,791,253 (2026-08-07), 129 subnets. The copy here is `../shared/data`'s file
//! without its indentation (a test checks they hold the same JSON), which the wasm carries.

use super::{dtao_snapshot, Snapshot, SnapshotError};

pub const BUNDLED_JSON: &str = include_str!("snapshot-finney-2026-08-07.json");

/// The bundled snapshot. Its parse is tested natively, so the error branch only exists to keep
/// the app free of panics.
pub fn bundled() -> Result<Snapshot, SnapshotError> {
    dtao_snapshot::parse(BUNDLED_JSON)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_snapshot_reads_whole() {
        let s = bundled().unwrap();
        assert_eq!(s.block, Some(8_791_253));
        assert_eq!(s.subnets.len(), 129);
        assert_eq!(s.date(), Some("2026-08-07"));
        let chutes = s.subnet(64).unwrap();
        assert_eq!(chutes.name, "Chutes");
        assert_eq!(chutes.tao_in_rao, 221_156_585_169_260);
        assert_eq!(s.deepest_dynamic_subnet().unwrap().netuid, 64);
        for subnet in &s.subnets {
            assert!(subnet.pool().is_ok(), "subnet {}", subnet.netuid);
        }
    }
}
