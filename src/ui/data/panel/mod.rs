//! Which data the figures come from, how old it is, and the controls to load other data from a
//! chain's node (live, with a refresh), a URL, a file (picker or drag and drop) or a paste, to go
//! back to the bundled snapshot, to download what is in use, and to remember it or not. Each part
//! is its own component: `status` (the line and what the last load did), `sources` (the four
//! ways to load), `archive` (the node the chain's past is read from) and `actions`.

mod actions;
mod archive;
mod sources;
mod status;

use crate::ui::data::Data;
use crate::ui::shell::params::Params;
use crate::ui::widgets::disclosure::Disclosure;
use actions::DataActions;
use archive::ArchiveForm;
use leptos::prelude::*;
use sources::{FileDrop, LiveForm, PasteForm, UrlForm};
use status::{DataLine, LoadStatus, Staleness};

#[component]
pub fn DataPanel(
    data: Data,
    params: Params,
    /// Embedded: only the data line, its warning and the load status; no loading controls.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    view! {
        <section class="data-bar" aria-label="Data in use">
            <DataLine data=data />
            <Staleness data=data />
            <LoadStatus data=data />
            <Show when=move || !compact>
                <Disclosure class="data-panel" testid="data-panel" summary="Load other data">
                    <div class="data-sources">
                        <LiveForm data=data params=params />
                        <UrlForm data=data params=params />
                        <FileDrop data=data params=params />
                        <PasteForm data=data params=params />
                        <ArchiveForm data=data params=params />
                    </div>
                    <p class="hint">
                        "Formats, detected by themselves: dtao-snapshot/2 (and /1); Taostats dtao/pool/latest/v1; Taostats dtao/validator/yield/latest/v1 (adds validators to the subnets in use); btcli subnets list --json-output; the metagraphed registry dump."
                    </p>
                    <DataActions data=data />
                </Disclosure>
            </Show>
        </section>
    }
}
