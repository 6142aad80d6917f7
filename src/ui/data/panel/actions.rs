//! What can be done with the data in use: back to the bundled snapshot, download it as
//! `dtao-snapshot/2`, and remember it on this device or not.

use crate::snapshot::dtao_snapshot;
use crate::ui::data::{Data, Status};
use leptos::prelude::*;

#[component]
pub fn DataActions(data: Data) -> impl IntoView {
    view! {
        <div class="data-actions">
            <button type="button" class="button secondary" id="data-reset" on:click=move |_| data.reset()>
                "Reset to bundled data"
            </button>
            <button
                type="button"
                class="button secondary"
                id="data-download"
                on:click=move |_| {
                    let (json, name) = data.snapshot.with_untracked(|s| {
                        let block = s.block.map(|b| b.to_string()).unwrap_or_else(|| "unknown".into());
                        (dtao_snapshot::write::to_json(s), format!("dtao-snapshot-{}-{block}.json", if s.network.is_empty() { "data" } else { &s.network }))
                    });
                    if crate::ui::widgets::download::download(&json, "application/json", &name).is_err() {
                        data.status.set(Some(Status::Failed("The browser refused the download.".into())));
                    }
                }
            >
                "Download as dtao-snapshot/2"
            </button>
            <label class="toggle-label" for="data-remember">
                <input
                    type="checkbox"
                    id="data-remember"
                    prop:checked=move || data.remember.get()
                    on:change:target=move |ev| data.set_remember(ev.target().checked())
                />
                <span>"Remember loaded data on this device"</span>
            </label>
        </div>
    }
}
