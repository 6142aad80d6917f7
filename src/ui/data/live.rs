//! Live data for `Data`: the endpoint to read and the read itself, through the live reader's
//! own module (`snapshot::live_module`). A read whose parts partly failed is used with the
//! failed parts' figures taken from the data in use, and says so (`chain::parts`).

use super::{Data, Origin, Status, STORED_RPC};
use crate::calc::app_params::RPC;
use crate::calc::pool_source::NETUID;
use crate::snapshot::chain::parts::{fill_from, Part};
use crate::snapshot::chain::FINNEY;
use crate::snapshot::live_module::read_chain;
use crate::ui::data::storage;
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
            let progress = move |text: String| data.status.set(Some(Status::Loaded(text)));
            match read_chain(&base, &endpoint, chosen, data.use_storage, progress).await {
                Ok(read) => {
                    if data.use_storage {
                        storage::set(STORED_RPC, endpoint.trim());
                    }
                    let mut snapshot = read.snapshot;
                    let failed: Vec<Part> = read.failed.iter().map(|f| f.part).collect();
                    let previous = data
                        .snapshot
                        .with_untracked(|s| data.origin.get_untracked().dated(s));
                    data.snapshot.with_untracked(|before| {
                        fill_from(&mut snapshot, before, &failed, chosen.as_slice())
                    });
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
                        not_live: failed.clone(),
                        filled_from: previous.clone(),
                    };
                    if data.remember.get_untracked() && !data.store(&snapshot, &origin) {
                        summary.push_str(
                            " It could not be remembered on this device (storage full or off).",
                        );
                    }
                    data.snapshot.set(snapshot);
                    data.origin.set(origin);
                    data.status.set(Some(if read.failed.is_empty() {
                        Status::Loaded(summary)
                    } else {
                        Status::Partial(crate::snapshot::chain::parts::partial_sentence(
                            &read.failed,
                            &previous,
                        ))
                    }));
                }
                Err(why) => data.status.set(Some(Status::Failed(format!(
                    "{why} The data in use is kept."
                )))),
            }
            data.loading.set(false);
        });
    }
}

impl Data {
    /// The node the data in use was read from, when it was read live in this visit.
    pub fn live_endpoint(&self) -> Option<String> {
        match self.origin.get() {
            Origin::Live { endpoint, .. } => Some(endpoint),
            _ => None,
        }
    }

    /// The chain's own quote of `ask`, through the live module.
    pub async fn chain_quote(
        &self,
        ask: &crate::calc::pool::chain_quote::QuoteAsk,
    ) -> Result<crate::snapshot::chain::quote::ChainQuote, String> {
        crate::snapshot::live_module::quote_chain(
            &self.base.get_value(),
            &ask.endpoint,
            &ask.at,
            ask.side(),
            ask.netuid,
            ask.amount_rao,
            self.use_storage,
        )
        .await
    }
}
