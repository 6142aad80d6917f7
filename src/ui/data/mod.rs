//! The subnet data the calculators use: the bundled snapshot; the site's own `snapshot.json`
//! next to the app when it is newer; or data the user chose: read live from the chain, or
//! loaded from a URL, a file or a paste (remembered in localStorage unless the user opts out). The user's choice wins over the
//! site's file, which wins over the bundled snapshot. A failed load changes nothing; a
//! successful one keeps the chosen subnet when it exists.

use crate::calc::app_params::{LIVE, SNAPSHOT};
use crate::calc::pool_source::NETUID;
use crate::calc::pool_source::RESERVE_KEYS;
use crate::snapshot::age::{age_days, STALE_AFTER_DAYS};
use crate::snapshot::bundled::bundled;
use crate::snapshot::fetch::fetch_text;
use crate::snapshot::import::import;
use crate::snapshot::{dtao_snapshot, Snapshot};
use crate::ui::shell::params::Params;
use leptos::prelude::*;

/// The file a site owner publishes next to the app (docs/data-formats.md).
pub const SITE_SNAPSHOT: &str = "snapshot.json";
const STORED_DATA: &str = "data";
const STORED_ORIGIN: &str = "origin";
const STORED_REMEMBER: &str = "remember";
const STORED_RPC: &str = "rpc";

pub mod history;
mod live;
pub mod panel;
pub mod positions;
pub mod storage;

/// Where the data in use came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Bundled,
    /// The site's `snapshot.json`, published next to the app.
    Site,
    Url(String),
    File(String),
    Paste,
    /// Read from the chain's node at `endpoint`, at `fetched` (the browser's HH:MM); the parts
    /// in `not_live` failed and their figures are from `filled_from` (the data in use before).
    Live {
        endpoint: String,
        fetched: String,
        not_live: Vec<crate::snapshot::chain::parts::Part>,
        filled_from: String,
    },
    /// Loaded in an earlier visit, from the place described.
    Remembered(String),
    /// Validators (a Taostats yield file, from `added`) put on the data that was in use
    /// (`base`, with its date): two sources, each named.
    Merged {
        base: String,
        added: String,
    },
}

impl Origin {
    pub fn label(&self) -> String {
        match self {
            Origin::Bundled => "Bundled snapshot".to_string(),
            Origin::Site => format!("Site {SITE_SNAPSHOT}"),
            Origin::Url(url) => url.clone(),
            Origin::File(name) => format!("file {name}"),
            Origin::Paste => "pasted text".to_string(),
            Origin::Live { endpoint, .. } => format!("Live from {endpoint}"),
            Origin::Remembered(from) => format!("remembered from {from}"),
            Origin::Merged { base, added } => format!("{base}, with validators from {added}"),
        }
    }

    /// This origin named with the date of `snapshot`, for a note about a part taken from it.
    pub fn dated(&self, snapshot: &Snapshot) -> String {
        match snapshot.date() {
            Some(date) => format!("{}, {date}", self.label()),
            None => self.label(),
        }
    }
}

/// The outcome of the last load, for the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Loaded(String),
    /// Loaded, but part of it failed: which part, why, and where its figures come from.
    Partial(String),
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct Data {
    pub snapshot: RwSignal<Snapshot>,
    pub origin: RwSignal<Origin>,
    pub status: RwSignal<Option<Status>>,
    pub loading: RwSignal<bool>,
    pub remember: RwSignal<bool>,
    /// Seconds since the epoch when the page opened, for the data's age.
    pub now_unix: i64,
    /// Whether this page may use localStorage (not inside someone else's page).
    use_storage: bool,
    params: Params,
    /// The app's address, next to which the live reader's module lives.
    base: StoredValue<String>,
    /// A wallet's positions, valued against the subnet data (`positions.rs`).
    pub positions: positions::PositionsData,
    /// Validators' realised yields read this session (`history.rs`).
    pub realised: history::RealisedData,
}

impl Data {
    /// The bundled snapshot, then remembered data (when `use_storage`), then the
    /// `snapshot=<url>` parameter; with none of those and `look_for_site`, the site's
    /// `snapshot.json` when the page is served over http(s) and the file is newer.
    pub fn start(params: Params, use_storage: bool, look_for_site: bool, base: String) -> Data {
        let bundled = bundled();
        crate::ui::shell::timing::mark(crate::ui::shell::timing::DATA_READ);
        // Loaded data is remembered only when the user asks, so a shared link shows what its
        // sender saw, not what this device loaded before.
        let remember = use_storage && storage::get(STORED_REMEMBER).as_deref() == Some("1");
        let data = Data {
            snapshot: RwSignal::new(bundled),
            origin: RwSignal::new(Origin::Bundled),
            status: RwSignal::new(None),
            loading: RwSignal::new(false),
            remember: RwSignal::new(remember),
            now_unix: (js_sys::Date::now() / 1000.0) as i64,
            use_storage,
            params,
            base: StoredValue::new(base),
            positions: positions::PositionsData::new(use_storage),
            realised: history::RealisedData::new(),
        };
        if use_storage {
            data.restore();
        }
        data.start_positions();
        if params.get(LIVE.key).as_deref() == Some("1") {
            data.load_live(data.endpoint());
        } else if let Some(url) = params.get(SNAPSHOT.key).filter(|u| !u.trim().is_empty()) {
            data.load_url(url);
        } else if look_for_site
            && data.origin.get_untracked() == Origin::Bundled
            && served_over_http()
        {
            data.look_for_site_snapshot();
        }
        data
    }

    /// Use the site's `snapshot.json` when it reads and is newer than the bundled snapshot, and
    /// the user has not chosen other data meanwhile. Absent or broken, it is quietly left out:
    /// most sites do not publish one.
    fn look_for_site_snapshot(&self) {
        let data = *self;
        leptos::task::spawn_local(async move {
            let Ok(text) = fetch_text(SITE_SNAPSHOT).await else {
                return;
            };
            let Ok(site) = dtao_snapshot::parse(&text) else {
                return;
            };
            let newer = data
                .snapshot
                .with_untracked(|current| site.is_newer_than(current));
            if newer && data.origin.get_untracked() == Origin::Bundled {
                let note = data.keep_subnet(&site);
                data.snapshot.set(site);
                data.origin.set(Origin::Site);
                data.status.set(note.map(Status::Loaded));
            }
        });
    }

    fn restore(&self) {
        let Some(text) = storage::get(STORED_DATA) else {
            return;
        };
        match dtao_snapshot::parse(&text) {
            Ok(snapshot) => {
                let from = storage::get(STORED_ORIGIN).unwrap_or_else(|| "an earlier visit".into());
                self.snapshot.set(snapshot);
                self.origin.set(Origin::Remembered(from));
            }
            Err(_) => {
                // Written by an older version or damaged: drop it rather than fail every visit.
                storage::remove(STORED_DATA);
                storage::remove(STORED_ORIGIN);
            }
        }
    }

    /// Read `text` in any supported format and use it, or report why not.
    pub fn load_text(&self, text: &str, origin: Origin) {
        // A wallet's positions go beside the subnet data, and the page that shows them opens.
        if positions::looks_like_positions(text) {
            if let Ok(summary) = self.load_positions_text(text, origin.label()) {
                self.params
                    .set(crate::calc::app_params::CALC.key, Some("positions".into()));
                self.status.set(Some(Status::Loaded(format!(
                    "{summary} They are valued against the subnet data in use."
                ))));
                return;
            }
        }
        let result = self
            .snapshot
            .with_untracked(|current| import(text, current));
        match result {
            Err(e) => self.status.set(Some(Status::Failed(e.to_string()))),
            Ok(imported) => {
                let mut summary = imported.summary;
                if let Some(note) = self.keep_subnet(&imported.snapshot) {
                    summary.push(' ');
                    summary.push_str(&note);
                }
                if self.remember.get_untracked() && !self.store(&imported.snapshot, &origin) {
                    summary.push_str(
                        " It could not be remembered on this device (storage full or off).",
                    );
                }
                // Validators added to the data in use: both sources stay named.
                let origin = if imported.format == crate::snapshot::import::Format::TaostatsYield {
                    Origin::Merged {
                        base: self
                            .snapshot
                            .with_untracked(|s| self.origin.get_untracked().dated(s)),
                        added: origin.label(),
                    }
                } else {
                    origin
                };
                self.snapshot.set(imported.snapshot);
                self.origin.set(origin);
                // Loaded data replaces the live reading, in the URL too.
                self.params.set(LIVE.key, None);
                self.status.set(Some(Status::Loaded(summary)));
            }
        }
    }

    /// Fetch `url` and load it; the data in use stays until it arrives, and if it fails.
    pub fn load_url(&self, url: String) {
        let data = *self;
        data.loading.set(true);
        data.status
            .set(Some(Status::Loaded(format!("Fetching {url}…"))));
        leptos::task::spawn_local(async move {
            match fetch_text(&url).await {
                Ok(text) => data.load_text(&text, Origin::Url(url)),
                Err(e) => data.status.set(Some(Status::Failed(e.to_string()))),
            }
            data.loading.set(false);
        });
    }

    /// Back to the bundled snapshot, forgetting anything remembered.
    pub fn reset(&self) {
        let snapshot = bundled();
        let note = self.keep_subnet(&snapshot);
        self.snapshot.set(snapshot);
        self.origin.set(Origin::Bundled);
        self.forget();
        self.params
            .set_many(&[(SNAPSHOT.key, None), (LIVE.key, None)]);
        let mut summary = "Back to the bundled snapshot.".to_string();
        if let Some(note) = note {
            summary.push(' ');
            summary.push_str(&note);
        }
        self.status.set(Some(Status::Loaded(summary)));
    }

    pub fn set_remember(&self, on: bool) {
        if !self.use_storage {
            return;
        }
        self.remember.set(on);
        storage::set(STORED_REMEMBER, if on { "1" } else { "0" });
        if on {
            // The bundled and the site's snapshot come with the page; only a choice is kept.
            let origin = self.origin.get_untracked();
            if !matches!(origin, Origin::Bundled | Origin::Site) {
                self.snapshot.with_untracked(|s| self.store(s, &origin));
            }
        } else {
            self.forget();
        }
    }

    fn forget(&self) {
        if !self.use_storage {
            return;
        }
        storage::remove(STORED_DATA);
        storage::remove(STORED_ORIGIN);
    }

    fn store(&self, snapshot: &Snapshot, origin: &Origin) -> bool {
        if !self.use_storage {
            return true;
        }
        let from = match origin {
            Origin::Remembered(from) => from.clone(),
            other => other.label(),
        };
        storage::set(STORED_DATA, &dtao_snapshot::write::to_json(snapshot))
            && storage::set(STORED_ORIGIN, &from)
    }

    /// If the chosen subnet is not in `next`, fall back to the default and say so.
    fn keep_subnet(&self, next: &Snapshot) -> Option<String> {
        let chosen: u16 = self.params.get_untracked(NETUID.key)?.trim().parse().ok()?;
        if next.subnet(chosen).is_some() {
            return None;
        }
        let mut changes: Vec<(&str, Option<String>)> = vec![(NETUID.key, None)];
        changes.extend(RESERVE_KEYS.iter().map(|k| (*k, None)));
        self.params.set_many(&changes);
        let fallback = next
            .deepest_dynamic_subnet()
            .map(|s| format!("; showing subnet {} instead", s.netuid))
            .unwrap_or_default();
        Some(format!("Subnet {chosen} is not in the new data{fallback}."))
    }

    /// Whole days since the data was taken, when it says.
    pub fn age_days(&self) -> Option<i64> {
        self.snapshot.with(|s| {
            s.taken_at
                .as_deref()
                .and_then(|t| age_days(t, self.now_unix))
        })
    }

    pub fn is_stale(&self) -> bool {
        self.age_days().is_some_and(|d| d > STALE_AFTER_DAYS)
    }
}

/// Whether the page came over http(s): from `file://` there is no site to ask.
fn served_over_http() -> bool {
    window()
        .location()
        .protocol()
        .is_ok_and(|p| p == "http:" || p == "https:")
}
