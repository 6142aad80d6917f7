//! "Read realised yields" with its Cancel, progress and error (issue 33): the controls the take
//! table and the screener's validator panel share. The page says which subnet and hotkeys to
//! read (or why it cannot); the archive node is `archive=`, else the one used last on this
//! device, else the public one (`Data::archive`); the yields land in `Data::realised`.

use crate::calc::returns::history::params::ARCHIVE;
use crate::ui::data::Data;
use crate::ui::shell::params::Params;
use leptos::prelude::*;

#[component]
pub fn ReadRealised(
    data: Data,
    params: Params,
    /// The test ids' first word: `take` gives `take-realised-read`, `-cancel`, `-status`, `-error`.
    prefix: &'static str,
    /// The subnet and the hotkeys to read, or the sentence of why there are none.
    what: Callback<(), Result<(u16, Vec<String>), String>>,
) -> impl IntoView {
    let r = data.realised;
    let read = move |_| {
        let asked = what.run(()).and_then(|(netuid, hotkeys)| {
            Ok((
                netuid,
                hotkeys,
                data.archive(params.get_untracked(ARCHIVE.key))?,
            ))
        });
        match asked {
            Ok((netuid, hotkeys, archive)) => data.read_realised(archive, netuid, hotkeys),
            Err(why) => r.error.set(Some(why)),
        }
    };
    let id = move |what: &str| format!("{prefix}-realised-{what}");
    view! {
        <div class="row-actions">
            <button type="button" class="button" data-testid=id("read") disabled=move || r.loading.get()
                on:click=read>"Read realised yields"</button>
            <Show when=move || r.loading.get()>
                <button type="button" class="button secondary" data-testid=id("cancel")
                    on:click=move |_| r.cancel()>"Cancel"</button>
            </Show>
        </div>
        <p class="note" role="status" aria-live="polite" data-testid=id("status")>{move || r.status.get()}</p>
        {move || r.error.get().map(|e| view! { <p class="msg" role="alert" data-testid=id("error")>{e}</p> })}
    }
}
