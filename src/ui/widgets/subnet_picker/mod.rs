//! The subnet picker every calculator uses: type to search by netuid, name or symbol, sort by
//! TAO in pool, price or netuid, move with the arrow keys and pick with Enter or a click.
//! It follows the ARIA combobox-with-listbox pattern: one line showing the subnet in use, and
//! the list only while choosing. `keys` moves the highlight, `option` draws a row.

mod keys;
mod option;

use crate::calc::app_params::SORT;
use crate::snapshot::listing::{rows, SortBy};
use crate::ui::data::Data;
use crate::ui::shell::params::Params;
use leptos::prelude::*;
use option::{option_id, SubnetOption};

#[component]
pub fn SubnetPicker(
    data: Data,
    params: Params,
    /// The netuid in use, if any.
    #[prop(into)]
    selected: Signal<Option<u16>>,
    /// The message for the `netuid` parameter, if it does not read.
    #[prop(into)]
    error: Signal<Option<String>>,
    #[prop(into)] on_pick: Callback<Option<u16>>,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    // The list shows only while choosing: the picker takes one line otherwise.
    let open = RwSignal::new(false);
    // Typed text left without a pick: the subnet in use stays, and the picker says so.
    let reverted = RwSignal::new(None::<String>);
    let sort = Memo::new(move |_| SortBy::from_param(params.get(SORT.key).as_deref()));
    let list = Memo::new(move |_| {
        let sort = sort.get().unwrap_or(SortBy::TaoInPool);
        data.snapshot.with(|s| query.with(|q| rows(s, q, sort)))
    });
    let chosen_label = Memo::new(move |_| {
        let netuid = selected.get()?;
        data.snapshot.with(|s| {
            s.subnet(netuid)
                .map(|sn| format!("{} · {} {}", sn.netuid, sn.name, sn.symbol))
        })
    });
    let close = move || {
        open.set(false);
        query.set(String::new());
    };
    let pick = move |netuid: Option<u16>| {
        reverted.set(None);
        on_pick.run(netuid);
        close();
    };
    // Leaving typed text: the highlighted match is taken (Tab commits, as in a select), or,
    // with none, the subnet in use stays and the message says so.
    let leave = move || {
        let typed = query.get_untracked();
        if typed.trim().is_empty() {
            close();
            return;
        }
        let now = active.get_untracked();
        match list.with_untracked(|l| l.get(now).map(|r| r.netuid)) {
            Some(netuid) => pick(Some(netuid)),
            None => {
                let kept = match selected.get_untracked() {
                    Some(n) => format!("subnet {n} is still in use"),
                    None => "the custom pool is still in use".to_string(),
                };
                reverted.set(Some(format!(
                    "No subnet matches “{}”: {kept}.",
                    crate::model::words::shorten(typed.trim())
                )));
                close();
            }
        }
    };
    // Looked up inside the list, not the document: a widget lives in a shadow root.
    let list_ref = NodeRef::<leptos::html::Ul>::new();
    let picker_ref = NodeRef::<leptos::html::Div>::new();
    let scroll_to = move |index: usize| {
        let id = list.with_untracked(|l| l.get(index).map(|r| option_id(r.netuid)));
        let found = id
            .zip(list_ref.get_untracked())
            .and_then(|(id, ul)| ul.query_selector(&format!("#{id}")).ok().flatten());
        if let Some(el) = found {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        if !open.get_untracked() {
            // Closed: the arrow keys open the list at its top, as the ARIA pattern has it.
            if key == "ArrowDown" || key == "ArrowUp" {
                ev.prevent_default();
                open.set(true);
                active.set(0);
                scroll_to(0);
            } else if key == "Enter" {
                ev.prevent_default();
            }
            return;
        }
        let len = list.with_untracked(Vec::len);
        if key == "Tab" {
            // The focus moves on as usual; the typed choice is committed first.
            leave();
            return;
        }
        if key == "Escape" {
            ev.prevent_default();
            close();
            return;
        }
        if len == 0 {
            return;
        }
        let now = active.get_untracked().min(len - 1);
        if key == "Enter" {
            ev.prevent_default();
            if let Some(netuid) = list.with_untracked(|l| l.get(now).map(|r| r.netuid)) {
                pick(Some(netuid));
            }
            return;
        }
        let next = keys::moved(&key, ev.ctrl_key(), now, len);
        if let Some(next) = next {
            ev.prevent_default();
            active.set(next);
            scroll_to(next);
        }
    };
    // Focus leaving the picker (not moving to its sort or its list) closes the list.
    let on_focus_out = move |ev: web_sys::FocusEvent| {
        let inside = ev
            .related_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok())
            .zip(picker_ref.get_untracked())
            .is_some_and(|(node, picker)| picker.contains(Some(&node)));
        if !inside && open.get_untracked() {
            leave();
        }
    };

    view! {
        <div class="field picker" class:invalid=move || error.with(Option::is_some) class:open=move || open.get()
            node_ref=picker_ref on:focusout=on_focus_out>
            <label for="subnet-search">"Subnet"</label>
            <p class="sr-only" id="subnet-current" data-testid="subnet-current" data-value=move || selected.get().map(|n| n.to_string())>
                {move || chosen_label.get().unwrap_or_else(|| "None chosen: a custom pool".to_string())}
            </p>
            <div class="picker-controls">
                <input
                    id="subnet-search"
                    type="text"
                    role="combobox"
                    autocomplete="off"
                    spellcheck="false"
                    aria-autocomplete="list"
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    aria-controls="subnet-list"
                    aria-describedby="subnet-current netuid-msg"
                    aria-activedescendant=move || open.get().then(|| list.with(|l| l.get(active.get()).map(|r| option_id(r.netuid)))).flatten()
                    placeholder=move || if selected.with(Option::is_some) { "Search netuid, name or symbol" } else { "Custom pool · search to pick a subnet" }
                    prop:value=move || if open.get() { query.get() } else { chosen_label.get().unwrap_or_default() }
                    on:click:target=move |ev| {
                        if !open.get_untracked() {
                            open.set(true);
                            active.set(0);
                            ev.target().select();
                        }
                    }
                    on:input:target=move |ev| {
                        reverted.set(None);
                        query.set(ev.target().value());
                        active.set(0);
                        open.set(true);
                    }
                    on:keydown=on_key
                />
                <label class="sr-only" for="subnet-sort">"Sort subnets by"</label>
                <select
                    id="subnet-sort"
                    on:change:target=move |ev| params.set(SORT.key, Some(ev.target().value()))
                >
                    {[(SortBy::TaoInPool, "Most TAO"), (SortBy::Price, "Highest price"), (SortBy::Netuid, "Netuid")]
                        .into_iter()
                        .map(|(s, text)| view! {
                            <option value=s.as_param() selected=move || sort.get().ok() == Some(s)>{text}</option>
                        })
                        .collect_view()}
                </select>
            </div>
            // Clicks inside keep the focus in the box, so the list stays open until a pick.
            <div class="picker-popup" hidden=move || !open.get() on:mousedown=|ev| ev.prevent_default()>
                <ul id="subnet-list" class="picker-list" role="listbox" aria-label="Subnets" tabindex="-1" node_ref=list_ref>
                    // Drawn only while open: 129 rows are not part of the first render.
                    <For
                        each=move || if open.get() { list.get() } else { Vec::new() }.into_iter().enumerate()
                        key=|(i, row)| (*i, row.clone())
                        let((index, row))
                    >
                        <SubnetOption row=row index=index active=active selected=selected
                            on_pick=Callback::new(move |n| pick(Some(n))) />
                    </For>
                    <Show when=move || open.get() && list.with(Vec::is_empty)>
                        <li class="picker-empty" role="presentation">"No subnet matches."</li>
                    </Show>
                </ul>
                <div class="picker-footer">
                    <button type="button" class="link-button" id="subnet-custom" on:click=move |_| pick(None)>
                        "Custom pool: type the reserves"
                    </button>
                    <span class="hint">{move || format!("{} shown · ↑↓ to move, Enter to pick, Esc to close", list.with(Vec::len))}</span>
                </div>
            </div>
            <p class="msg" id="netuid-msg" aria-live="polite">
                {move || error.get().or_else(|| sort.get().err()).or_else(|| reverted.get())}
            </p>
        </div>
    }
}
