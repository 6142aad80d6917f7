//! The positions in use (issue 32), beside the subnet data they are valued against: loaded
//! from a file, a paste or a link (`positions=`), or read from the chain's node for the
//! addresses typed. Addresses go to the node the visitor chose and nowhere else; they are kept
//! on the device only when the visitor ticks the box (`remember_coldkeys`).

use super::{storage, Data, Status};
use crate::calc::positions::form::POSITIONS;
use crate::snapshot::fetch::fetch_text;
use crate::snapshot::positions::import::import_positions;
use crate::snapshot::positions::Positions;
use leptos::prelude::*;

const STORED_COLDKEYS: &str = "coldkeys";

/// Positions and where they came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Held {
    pub positions: Positions,
    /// "btcli stake list --json-output from file stakes.json", "the chain at wss://…".
    pub from: String,
}

/// The positions part of `Data`.
#[derive(Clone, Copy)]
pub struct PositionsData {
    pub held: RwSignal<Option<Held>>,
    pub status: RwSignal<Option<Status>>,
    pub loading: RwSignal<bool>,
    /// Whether the typed addresses are kept on this device.
    pub remember: RwSignal<bool>,
}

impl PositionsData {
    pub fn new(use_storage: bool) -> Self {
        PositionsData {
            held: RwSignal::new(None),
            status: RwSignal::new(None),
            loading: RwSignal::new(false),
            remember: RwSignal::new(use_storage && storage::get(STORED_COLDKEYS).is_some()),
        }
    }
}

/// Whether `text` looks like a positions document (cheap: the subnet data path skips it).
pub fn looks_like_positions(text: &str) -> bool {
    text.contains("\"dtao-positions/") || text.contains("\"stake_info\"")
}

impl Data {
    /// Start: the `positions=` link.
    pub(super) fn start_positions(&self) {
        if let Some(url) = self
            .params
            .get_untracked(POSITIONS.key)
            .filter(|u| !u.trim().is_empty())
        {
            self.load_positions_url(url);
        }
    }

    /// The addresses remembered on this device, for the positions page when its link gives
    /// none (never put in another page's link).
    pub fn remembered_coldkeys(&self) -> Option<String> {
        if !self.use_storage {
            return None;
        }
        storage::get(STORED_COLDKEYS).filter(|s| !s.trim().is_empty())
    }

    /// Read `text` as positions and use them, or say why not; `from` names the place.
    pub fn load_positions_text(&self, text: &str, from: String) -> Result<String, String> {
        match import_positions(text) {
            Ok((positions, summary)) => {
                self.positions.held.set(Some(Held {
                    positions,
                    from: from.clone(),
                }));
                self.positions
                    .status
                    .set(Some(Status::Loaded(format!("{summary} From {from}."))));
                Ok(summary)
            }
            Err(e) => {
                let why = e.to_string();
                self.positions.status.set(Some(Status::Failed(why.clone())));
                Err(why)
            }
        }
    }

    /// Fetch `url` and load it as positions.
    pub fn load_positions_url(&self, url: String) {
        let data = *self;
        data.positions.loading.set(true);
        data.positions
            .status
            .set(Some(Status::Loaded(format!("Fetching {url}…"))));
        leptos::task::spawn_local(async move {
            match fetch_text(&url).await {
                Ok(text) => {
                    let _ = data.load_positions_text(&text, url);
                }
                Err(e) => data
                    .positions
                    .status
                    .set(Some(Status::Failed(e.to_string()))),
            }
            data.positions.loading.set(false);
        });
    }

    /// Read the positions of `coldkeys` from the node the live data uses. The addresses go to
    /// that node only.
    pub fn read_positions(&self, coldkeys: Vec<String>) {
        let data = *self;
        let endpoint = data.endpoint();
        data.positions.loading.set(true);
        data.positions.status.set(Some(Status::Loaded(format!(
            "Reading the positions from {endpoint}…"
        ))));
        leptos::task::spawn_local(async move {
            let base = data.base.get_value();
            let progress =
                move |text: String| data.positions.status.set(Some(Status::Loaded(text)));
            match crate::snapshot::live_module::read_positions(
                &base,
                &endpoint,
                &coldkeys,
                data.use_storage,
                progress,
            )
            .await
            {
                Ok(read) => {
                    let from = format!("the chain at {}", endpoint.trim());
                    let summary =
                        crate::snapshot::positions::import::summary(&read.positions, "Read live");
                    // A part that failed is named; what it would have added stays unknown.
                    let failed: Vec<String> = read
                        .failed
                        .iter()
                        .map(|f| format!("The {} could not be read: {}", f.part.label(), f.why))
                        .collect();
                    data.positions.held.set(Some(Held {
                        positions: read.positions,
                        from,
                    }));
                    data.positions.status.set(Some(if failed.is_empty() {
                        Status::Loaded(summary)
                    } else {
                        Status::Partial(format!("{summary} {}", failed.join(" ")))
                    }));
                }
                Err(why) => data.positions.status.set(Some(Status::Failed(format!(
                    "{why} Positions loaded from a file still work."
                )))),
            }
            data.positions.loading.set(false);
        });
    }

    /// Keep the typed addresses on this device (`on`), or forget them.
    pub fn remember_coldkeys(&self, on: bool, text: &str) {
        if !self.use_storage {
            return;
        }
        self.positions.remember.set(on);
        if on && !text.trim().is_empty() {
            storage::set(STORED_COLDKEYS, text.trim());
        } else if !on {
            storage::remove(STORED_COLDKEYS);
        }
    }

    /// Whether this page may keep anything on the device (not inside someone else's page).
    pub fn may_remember(&self) -> bool {
        self.use_storage
    }
}
