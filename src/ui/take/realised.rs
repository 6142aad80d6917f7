//! Reading the take table's "Realised, 30 days" column (issue 33): the rows' hotkeys, read
//! from an archive node when the visitor asks, into `Data`'s realised yields, so the column
//! (and the screener's panel) fill as each one arrives.

use crate::calc::returns::history::params::ARCHIVE;
use crate::calc::take::explain;
use crate::calc::take::form::TakeForm;
use crate::calc::take::realised::hotkeys_to_read;
use crate::ui::data::Data;
use crate::ui::shell::params::Params;
use leptos::prelude::*;

#[component]
pub fn RealisedRead(params: Params, data: Data, form: Memo<TakeForm>) -> impl IntoView {
    let r = data.realised;
    let read = move |_| {
        let (netuid, hotkeys) =
            form.with_untracked(|f| (f.source.netuid.ok().flatten(), hotkeys_to_read(f)));
        let Some(netuid) = netuid else {
            r.error.set(Some(explain::NO_SUBNET.to_string()));
            return;
        };
        if hotkeys.is_empty() {
            r.error.set(Some(explain::NO_HOTKEYS.to_string()));
            return;
        }
        match data.archive(params.get_untracked(ARCHIVE.key)) {
            Ok(archive) => data.read_realised(archive, netuid, hotkeys),
            Err(why) => r.error.set(Some(why)),
        }
    };
    view! {
        <div class="realised-read">
            <p class="note">{explain::REALISED_NOTE}</p>
            <div class="row-actions">
                <button type="button" class="button" data-testid="take-realised-read" disabled=move || r.loading.get()
                    on:click=read>"Read realised yields"</button>
                <Show when=move || r.loading.get()>
                    <button type="button" class="button secondary" data-testid="take-realised-cancel"
                        on:click=move |_| r.cancel()>"Cancel"</button>
                </Show>
            </div>
            <p class="note" role="status" aria-live="polite" data-testid="take-realised-status">{move || r.status.get()}</p>
            {move || r.error.get().map(|e| view! { <p class="msg" role="alert" data-testid="take-realised-error">{e}</p> })}
        </div>
    }
}
