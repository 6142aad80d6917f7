//! Where other data comes from: a chain's node (live), a URL, a file (picker or drop) or a
//! paste. Each form loads through `Data` and keeps the URL in step.

use crate::calc::app_params::{LIVE, RPC, SNAPSHOT};
use crate::snapshot::chain::FINNEY;
use crate::snapshot::{SnapshotError, MAX_BYTES};
use crate::ui::data::{Data, Origin, Status};
use crate::ui::shell::params::Params;
use leptos::prelude::*;

/// Live from a Subtensor node: its address, and the button.
#[component]
pub fn LiveForm(data: Data, params: Params) -> impl IntoView {
    let rpc_text = RwSignal::new(data.endpoint());
    let read_live = move || {
        let url = rpc_text.get_untracked().trim().to_string();
        let rpc = (url != FINNEY).then(|| url.clone());
        params.set_many(&[
            (LIVE.key, Some("1".into())),
            (RPC.key, rpc),
            (SNAPSHOT.key, None),
        ]);
        data.load_live(url);
    };
    view! {
        <form
            class="field"
            on:submit=move |ev| {
                ev.prevent_default();
                read_live();
            }
        >
            <label for="live-rpc">"Live from the chain (node address)"</label>
            <div class="input-row">
                <input
                    id="live-rpc"
                    type="url"
                    inputmode="url"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || rpc_text.get()
                    on:input:target=move |ev| rpc_text.set(ev.target().value())
                />
                <button type="submit" class="button" data-testid="data-live" disabled=move || data.loading.get()>
                    {move || if data.loading.get() { "Reading…" } else { "Read live" }}
                </button>
            </div>
            <p class="hint">"Reads every subnet's pool, curve and fee straight from a Subtensor node (ws:// or wss://), no API key. 10 s per answer at most."</p>
        </form>
    }
}

/// From a URL (also kept in the page's URL, so a shared link loads it again).
#[component]
pub fn UrlForm(data: Data, params: Params) -> impl IntoView {
    let url_text = RwSignal::new(params.get_untracked(SNAPSHOT.key).unwrap_or_default());
    let load_url = move || {
        let url = url_text.get_untracked();
        if url.trim().is_empty() {
            data.status.set(Some(Status::Failed(
                "Type the address of the data first.".into(),
            )));
            return;
        }
        params.set(SNAPSHOT.key, Some(url.trim().to_string()));
        data.load_url(url.trim().to_string());
    };
    view! {
        <form
            class="field"
            on:submit=move |ev| {
                ev.prevent_default();
                load_url();
            }
        >
            <label for="snapshot-url">"From a URL"</label>
            <div class="input-row">
                <input
                    id="snapshot-url"
                    type="url"
                    inputmode="url"
                    autocomplete="off"
                    placeholder="https://…/snapshot.json"
                    prop:value=move || url_text.get()
                    on:input:target=move |ev| url_text.set(ev.target().value())
                />
                <button type="submit" class="button" disabled=move || data.loading.get()>
                    {move || if data.loading.get() { "Loading…" } else { "Load" }}
                </button>
            </div>
            <p class="hint">"The host must allow cross-origin requests. 10 s at most, 5 MB at most."</p>
        </form>
    }
}

/// From a file: the picker, or a file dropped on it.
#[component]
pub fn FileDrop(data: Data, params: Params) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let load_file = move |file: web_sys::File| {
        let name = file.name();
        let size = file.size();
        if size > MAX_BYTES as f64 {
            let too_large = SnapshotError::TooLarge {
                bytes: size as usize,
            };
            data.status
                .set(Some(Status::Failed(format!("{name}: {too_large}"))));
            return;
        }
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(text) => {
                    let text = text.as_string().unwrap_or_default();
                    params.set(SNAPSHOT.key, None);
                    data.load_text(&text, Origin::File(name));
                }
                Err(_) => data
                    .status
                    .set(Some(Status::Failed(format!("{name} could not be read.")))),
            }
        });
    };
    let first_file = |files: Option<web_sys::FileList>| files.and_then(|f| f.get(0));
    view! {
        <div
            class="field drop-zone"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                if let Some(file) = first_file(ev.data_transfer().and_then(|d| d.files())) {
                    load_file(file);
                }
            }
        >
            <label for="snapshot-file">"From a file"</label>
            <input
                id="snapshot-file"
                type="file"
                accept=".json,application/json,text/plain"
                on:change:target=move |ev| {
                    let input = ev.target();
                    if let Some(file) = first_file(input.files()) {
                        load_file(file);
                    }
                    input.set_value("");
                }
            />
            <p class="hint">"…or drop a JSON file here."</p>
        </div>
    }
}

/// Pasted JSON.
#[component]
pub fn PasteForm(data: Data, params: Params) -> impl IntoView {
    let paste_text = RwSignal::new(String::new());
    view! {
        <div class="field">
            <label for="snapshot-paste">"Paste JSON"</label>
            <textarea
                id="snapshot-paste"
                rows="4"
                spellcheck="false"
                prop:value=move || paste_text.get()
                on:input:target=move |ev| paste_text.set(ev.target().value())
            ></textarea>
            <button
                type="button"
                class="button"
                id="snapshot-paste-load"
                on:click=move |_| {
                    params.set(SNAPSHOT.key, None);
                    data.load_text(&paste_text.get_untracked(), Origin::Paste);
                }
            >
                "Read pasted data"
            </button>
        </div>
    }
}
