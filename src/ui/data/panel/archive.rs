//! The archive node the chain's past is read from (issue 33: realised yields and backtests):
//! edited here, kept in the URL as `archive=` (so a shared link reads the same node) and
//! remembered on this device where the page may keep anything.

use crate::calc::returns::history::params::{ARCHIVE, ARCHIVE_DEFAULT};
use crate::ui::data::Data;
use crate::ui::shell::params::Params;
use leptos::prelude::*;

#[component]
pub fn ArchiveForm(data: Data, params: Params) -> impl IntoView {
    let shown = move || {
        params
            .get(ARCHIVE.key)
            .or_else(|| data.remembered_archive())
            .unwrap_or_else(|| ARCHIVE_DEFAULT.to_string())
    };
    let text = RwSignal::new(shown());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let use_it = move || {
        let typed = text.get_untracked().trim().to_string();
        match (ARCHIVE.parse)(&typed) {
            Ok(url) => {
                error.set(None);
                params.set(ARCHIVE.key, (url != ARCHIVE_DEFAULT).then(|| url.clone()));
                data.remember_archive(&url);
                saved.set(true);
            }
            Err(why) => {
                saved.set(false);
                error.set(Some(why.to_string()));
            }
        }
    };
    view! {
        <form class="field" on:submit=move |ev| {
            ev.prevent_default();
            use_it();
        }>
            <label for="data-archive">"Archive node, for the chain's past"</label>
            <div class="input-row">
                <input id="data-archive" data-testid="data-archive" type="url" inputmode="url"
                    autocomplete="off" spellcheck="false"
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby="data-archive-error"
                    prop:value=move || text.get()
                    on:input:target=move |ev| {
                        saved.set(false);
                        text.set(ev.target().value())
                    } />
                <button type="submit" class="button" data-testid="data-archive-use">"Use"</button>
            </div>
            <p class="msg" id="data-archive-error" role="alert" data-testid="data-archive-error">{move || error.get()}</p>
            <p class="hint">{move || if saved.get() {
                "In use for realised yields and backtests.".to_string()
            } else {
                "Realised yields and backtests read old blocks from this node (ws:// or wss://); it must keep them. Today's figures still come from the node above.".to_string()
            }}</p>
        </form>
    }
}
