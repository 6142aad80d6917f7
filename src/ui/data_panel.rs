//! Which data the figures come from, how old it is, and the controls to load other data from a
//! chain's node (live, with a refresh), a URL, a file (picker or drag and drop) or a paste, to go back to the bundled snapshot, to
//! download what is in use, and to remember it or not.

use super::app_params::{LIVE, RPC, SNAPSHOT};
use super::data::{Data, Origin, Status};
use super::disclosure::Disclosure;
use super::params::Params;
use crate::model::words::group_thousands;
use crate::snapshot::chain::FINNEY;
use crate::snapshot::{dtao_snapshot, SnapshotError, MAX_BYTES};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn DataPanel(
    data: Data,
    params: Params,
    /// Embedded: only the data line, its warning and the load status; no loading controls.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let url_text = RwSignal::new(params.get_untracked(SNAPSHOT.key).unwrap_or_default());
    let paste_text = RwSignal::new(String::new());
    let rpc_text = RwSignal::new(data.endpoint());
    let dragging = RwSignal::new(false);

    let line = move || {
        let origin = data.origin.get();
        data.snapshot.with(|s| {
            let mut parts = vec![match &origin {
                Origin::Live { .. } => "Live".to_string(),
                other => other.label(),
            }];
            if !s.network.is_empty() {
                parts.push(s.network.clone());
            }
            if let Some(block) = s.block {
                parts.push(format!("block {}", group_thousands(&block.to_string())));
            }
            if let Some(spec) = s.runtime.spec_version {
                parts.push(format!("spec {spec}"));
            }
            match (s.date(), data.age_days()) {
                _ if matches!(origin, Origin::Live { .. }) => {
                    if let Origin::Live { fetched, .. } = &origin {
                        parts.push(format!("fetched {fetched}"));
                    }
                }
                (Some(date), Some(days)) => {
                    parts.push(date.to_string());
                    parts.push(match days {
                        0 => "taken today".to_string(),
                        1 => "1 day old".to_string(),
                        n => format!("{n} days old"),
                    });
                }
                (Some(date), None) => parts.push(date.to_string()),
                (None, _) => parts.push("date unknown".to_string()),
            }
            parts.push(super::format::count(s.subnets.len(), "subnet", "subnets"));
            if let Origin::Live {
                not_live,
                filled_from,
                ..
            } = &origin
            {
                parts.extend(crate::snapshot::chain::parts::not_live_note(
                    not_live,
                    filled_from,
                ));
            }
            format!("Data: {}", parts.join(" · "))
        })
    };
    let stale = move || {
        let date = data.snapshot.with(|s| s.date().map(str::to_string));
        match date {
            Some(date) if data.is_stale() => Some(view! {
                <p class="verdict pending stale" data-testid="data-stale" data-value=data.age_days().unwrap_or(0)>
                    {format!("Figures are from {date}; load fresh data for live numbers.")}
                </p>
            }.into_any()),
            None => Some(view! {
                <p class="verdict pending stale" data-testid="data-stale">
                    "This data does not say when it was taken; load fresh data for live numbers."
                </p>
            }.into_any()),
            _ => None,
        }
    };
    let status = move || {
        data.status.get().map(|s| match s {
            Status::Loaded(text) => view! {
                <p class="verdict ok" data-testid="data-status" role="status">{text}</p>
            }
            .into_any(),
            Status::Partial(text) => view! {
                <p class="verdict pending" data-testid="data-error" role="alert">{text}</p>
            }
            .into_any(),
            Status::Failed(text) => view! {
                <p class="verdict rejected" data-testid="data-error" role="alert">
                    <strong>"Nothing was changed. "</strong>
                    {text}
                </p>
            }
            .into_any(),
        })
    };

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
    let is_live = move || matches!(data.origin.get(), Origin::Live { .. });
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
        <section class="data-bar" aria-label="Data in use">
            <p class="data-line" data-testid="data-line">
                {line}
                <Show when=is_live>
                    " "
                    <button
                        type="button"
                        class="button secondary small"
                        data-testid="data-refresh"
                        disabled=move || data.loading.get()
                        on:click=move |_| data.load_live(data.endpoint())
                    >
                        {move || if data.loading.get() { "Reading…" } else { "Refresh" }}
                    </button>
                </Show>
            </p>
            {stale}
            {status}
            <Show when=move || !compact>
            <Disclosure class="data-panel" testid="data-panel" summary="Load other data">
                <div class="data-sources">
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
                </div>
                <p class="hint">
                    "Formats, detected by themselves: dtao-snapshot/2 (and /1); Taostats dtao/pool/latest/v1; Taostats dtao/validator/yield/latest/v1 (adds validators to the subnets in use); btcli subnets list --json-output; the metagraphed registry dump."
                </p>
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
                            if download(&json, &name).is_err() {
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
            </Disclosure>
            </Show>
        </section>
    }
}

/// Offer `json` as a file download.
fn download(json: &str, filename: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(json));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}
