//! Reading the take table's "Realised, 30 days" column (issue 33): the rows' hotkeys, read
//! from an archive node when the visitor asks, into `Data`'s realised yields, so the column
//! (and the screener's panel) fill as each one arrives.

use crate::calc::take::explain;
use crate::calc::take::form::TakeForm;
use crate::calc::take::realised::hotkeys_to_read;
use crate::ui::data::Data;
use crate::ui::shell::params::Params;
use crate::ui::widgets::read_realised::ReadRealised;
use leptos::prelude::*;

#[component]
pub fn RealisedRead(params: Params, data: Data, form: Memo<TakeForm>) -> impl IntoView {
    let what = Callback::new(move |()| {
        let (netuid, hotkeys) =
            form.with_untracked(|f| (f.source.netuid.ok().flatten(), hotkeys_to_read(f)));
        let netuid = netuid.ok_or_else(|| explain::NO_SUBNET.to_string())?;
        if hotkeys.is_empty() {
            return Err(explain::NO_HOTKEYS.to_string());
        }
        Ok((netuid, hotkeys))
    });
    view! {
        <div class="realised-read">
            <p class="note">{explain::REALISED_NOTE}</p>
            <ReadRealised data=data params=params prefix="take" what=what />
        </div>
    }
}
