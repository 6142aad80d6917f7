//! The subnet data the calculators use, shared through context. For now the bundled snapshot;
//! loading other data plugs in here.

use crate::snapshot::bundled::bundled;
use crate::snapshot::{Snapshot, SnapshotError};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Data {
    pub snapshot: RwSignal<Snapshot>,
    /// Where the data in use came from, for the data line.
    pub source: RwSignal<String>,
}

impl Data {
    pub fn bundled() -> Result<Data, SnapshotError> {
        let snapshot = bundled()?;
        Ok(Data {
            snapshot: RwSignal::new(snapshot),
            source: RwSignal::new("bundled snapshot".to_string()),
        })
    }
}

pub fn use_data() -> Option<Data> {
    use_context::<Data>()
}
