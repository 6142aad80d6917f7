//! Where the shared vectors, data and fixtures live: `../shared` beside the repository, or the
//! directory named by `DTAO_SHARED`. A missing file fails the test; it never skips it.

#![allow(dead_code)]

use std::path::PathBuf;

pub fn shared_dir() -> PathBuf {
    match std::env::var_os("DTAO_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    }
}

pub fn read_shared(relative: &str) -> String {
    let path = shared_dir().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {} ({e}); set DTAO_SHARED to the shared directory",
            path.display()
        )
    })
}
