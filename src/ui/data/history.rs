//! The chain's past for `Data`'s pages (issue 33): a validator's states at chosen blocks, read
//! from an archive node through the live module. The archive used last is remembered like the
//! live endpoint (`rpc`), only where the page may keep anything.

use super::{storage, Data};
use crate::calc::returns::history::explain::no_archive;
use crate::calc::returns::history::params::ARCHIVE;
use crate::calc::returns::history::validators::{record, RealisedByValidator, SIDE_BY_SIDE_DAYS};
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

    /// Keep `archive` as this device's archive node, where the page may keep anything.
    pub fn remember_archive(&self, archive: &str) {
        if self.use_storage {
            storage::set(STORED_ARCHIVE, archive);
        }
    }

    /// The archive node used last on this device, when the page may remember it.
    pub fn remembered_archive(&self) -> Option<String> {
        self.use_storage
            .then(|| storage::get(STORED_ARCHIVE))
            .flatten()
            .filter(|a| !a.trim().is_empty())
    }
}

/// The side-by-side realised yields (take table, screener): what was read this session, and
/// the read under way. Part of `Data`, so a read on one page shows on the others.
#[derive(Clone, Copy)]
pub struct RealisedData {
    pub found: RwSignal<RealisedByValidator>,
    pub status: RwSignal<Option<String>>,
    pub error: RwSignal<Option<String>>,
    pub loading: RwSignal<bool>,
    cancel: StoredValue<Rc<Cell<bool>>, LocalStorage>,
}

impl RealisedData {
    pub fn new() -> Self {
        RealisedData {
            found: RwSignal::new(RealisedByValidator::new()),
            status: RwSignal::new(None),
            error: RwSignal::new(None),
            loading: RwSignal::new(false),
            cancel: StoredValue::new_local(Rc::new(Cell::new(false))),
        }
    }

    /// Stop the read under way at its next round.
    pub fn cancel(&self) {
        self.cancel.get_value().set(true);
        self.loading.set(false);
        self.status
            .set(Some("Cancelled: nothing more is read.".to_string()));
    }
}

impl Default for RealisedData {
    fn default() -> Self {
        Self::new()
    }
}

impl Data {
    /// The archive node a page reads the past from: `archive=`, else the one used last on
    /// this device, else the public one; or the sentence of a bad `archive=`.
    pub fn archive(&self, given: Option<String>) -> Result<String, String> {
        let remembered = self.remembered_archive();
        ARCHIVE
            .read(&|k: &str| {
                (k == ARCHIVE.key)
                    .then(|| given.clone().or(remembered.clone()))
                    .flatten()
            })
            .value
    }

    /// Keep the 30-day realised yield of a history read elsewhere (the returns page).
    pub fn keep_realised(&self, history: &History) {
        self.realised.found.update(|f| record(f, history));
    }

    /// Read the 30-day realised yield of each of `hotkeys` on subnet `netuid` from `archive`,
    /// one after another (the head and the block 30 days back are read once and cached). A
    /// validator the chain cannot answer for gets its sentence; a node that fails stops the
    /// rest, which would fail the same way.
    pub fn read_realised(&self, archive: String, netuid: u16, hotkeys: Vec<String>) {
        let r = self.realised;
        let stop = Rc::new(Cell::new(false));
        r.cancel.get_value().set(true);
        r.cancel.set_value(stop.clone());
        r.loading.set(true);
        r.error.set(None);
        let data = *self;
        leptos::task::spawn_local(async move {
            let total = hotkeys.len();
            for (i, hotkey) in hotkeys.into_iter().enumerate() {
                r.status.set(Some(format!(
                    "Reading validator {} of {total} from {archive}…",
                    i + 1
                )));
                let read = data
                    .read_history(
                        &archive,
                        netuid,
                        &hotkey,
                        &[Target::DaysAgo(SIDE_BY_SIDE_DAYS)],
                        |_| {},
                        stop.clone(),
                    )
                    .await;
                if stop.get() {
                    return;
                }
                match read {
                    Ok(history) => data.keep_realised(&history),
                    Err(why) => {
                        r.error
                            .set(Some(no_archive(&archive, why.trim_end_matches('.'))));
                        break;
                    }
                }
            }
            r.status.set(None);
            r.loading.set(false);
        });
    }
}
