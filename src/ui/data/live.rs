//! Live data for `Data`: the endpoint to read and the read itself, through the live reader's
//! own module (`snapshot::live_module`).

use super::{Data, Origin, Status, STORED_RPC};
use crate::snapshot::chain::FINNEY;
use crate::snapshot::live_module::read_chain;
use crate::ui::app_params::RPC;
use crate::ui::pool_source::NETUID;
use crate::ui::storage;
use leptos::prelude::*;

impl Data {
    /// The chain endpoint to read: the `rpc` parameter, else the one used last, else finney's.
    pub fn endpoint(&self) -> String {
        self.params
            .get_untracked(RPC.key)
            .filter(|u| !u.trim().is_empty())
            .or_else(|| self.use_storage.then(|| storage::get(STORED_RPC)).flatten())
            .unwrap_or_else(|| FINNEY.to_string())
    }

    /// Read the chain at `endpoint` and use what it says; the data in use stays until the read
    /// is complete and checked, and if it fails.
    pub fn load_live(&self, endpoint: String) {
        let data = *self;
        data.loading.set(true);
        data.status.set(Some(Status::Loaded(format!(
            "Reading the chain at {endpoint}…"
        ))));
        leptos::task::spawn_local(async move {
            let base = data.base.get_value();
            // The chosen subnet's validators come too (the yield base and the take rows).
            let chosen = data
                .params
                .get_untracked(NETUID.key)
                .and_then(|n| n.trim().parse::<u16>().ok())
                .or_else(|| {
                    data.snapshot
                        .with_untracked(|s| s.deepest_dynamic_subnet().map(|s| s.netuid))
                });
            match read_chain(&base, &endpoint, chosen).await {
                Ok(snapshot) => {
                    if data.use_storage {
                        storage::set(STORED_RPC, endpoint.trim());
                    }
                    let mut summary = format!(
                        "Read {} subnets from the chain at block {}.",
                        snapshot.subnets.len(),
                        snapshot
                            .block
                            .map(|b| crate::model::words::group_thousands(&b.to_string()))
                            .unwrap_or_default()
                    );
                    if let Some(note) = data.keep_subnet(&snapshot) {
                        summary.push(' ');
                        summary.push_str(&note);
                    }
                    let now = js_sys::Date::new_0();
                    let fetched = format!("{:02}:{:02}", now.get_hours(), now.get_minutes());
                    let origin = Origin::Live {
                        endpoint: endpoint.trim().to_string(),
                        fetched,
                    };
                    if data.remember.get_untracked() && !data.store(&snapshot, &origin) {
                        summary.push_str(
                            " It could not be remembered on this device (storage full or off).",
                        );
                    }
                    data.snapshot.set(snapshot);
                    data.origin.set(origin);
                    data.status.set(Some(Status::Loaded(summary)));
                }
                Err(why) => data.status.set(Some(Status::Failed(format!(
                    "{why} The data in use is kept."
                )))),
            }
            data.loading.set(false);
        });
    }
}
