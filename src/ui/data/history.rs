//! The chain's past for `Data`'s pages (issue 33): a validator's states at chosen blocks, read
//! from an archive node through the live module. The archive used last is remembered like the
//! live endpoint (`rpc`), only where the page may keep anything.

use super::{storage, Data};
use crate::snapshot::chain::history::Target;
use crate::snapshot::history::History;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;

const STORED_ARCHIVE: &str = "archive";

impl Data {
    /// Read `hotkey`'s states on subnet `netuid` at `targets` (and the head) from `archive`;
    /// `cancelled` stops the read at its next round.
    pub async fn read_history(
        &self,
        archive: &str,
        netuid: u16,
        hotkey: &str,
        targets: &[Target],
        progress: impl Fn(String) + 'static,
        cancelled: Rc<Cell<bool>>,
    ) -> Result<History, String> {
        let read = crate::snapshot::live_module::read_history(
            &self.base.get_value(),
            archive,
            netuid,
            hotkey,
            targets,
            self.use_storage,
            progress,
            cancelled,
        )
        .await;
        if read.is_ok() && self.use_storage {
            storage::set(STORED_ARCHIVE, archive);
        }
        read
    }

    /// The archive node used last on this device, when the page may remember it.
    pub fn remembered_archive(&self) -> Option<String> {
        self.use_storage
            .then(|| storage::get(STORED_ARCHIVE))
            .flatten()
            .filter(|a| !a.trim().is_empty())
    }
}
