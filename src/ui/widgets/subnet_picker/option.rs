//! One row of the subnet picker's list: netuid, name and symbol, TAO in pool, price and TAO
//! emitted a day.

use crate::calc::format;
use crate::model::words::group_thousands;
use crate::snapshot::listing::Row;
use crate::ui::shell::summary::style_reader;
use leptos::prelude::*;

/// The id of a subnet's row, for `aria-activedescendant`.
pub fn option_id(netuid: u16) -> String {
    format!("subnet-opt-{netuid}")
}

#[component]
pub fn SubnetOption(
    row: Row,
    index: usize,
    active: RwSignal<usize>,
    #[prop(into)] selected: Signal<Option<u16>>,
    on_pick: Callback<u16>,
) -> impl IntoView {
    let style = style_reader();
    let netuid = row.netuid;
    let tao = group_thousands(&row.tao_in.round().to_string());
    let per_day = row
        .tao_per_day
        .map(|d| format!("{} τ/day", format::tokens(d.round_dp(2), style())))
        .unwrap_or_else(|| "—".to_string());
    view! {
        <li
            role="option"
            id=option_id(netuid)
            data-testid=format!("subnet-option-{netuid}")
            class="picker-option"
            class:active=move || active.get() == index
            aria-selected=move || if selected.get() == Some(netuid) { "true" } else { "false" }
            on:click=move |_| on_pick.run(netuid)
            on:mousemove=move |_| active.set(index)
        >
            <span class="sn-id">{netuid}</span>
            <span class="sn-name">{row.name.clone()} " " <span class="sn-symbol">{row.symbol.clone()}</span></span>
            <span class="sn-tao">{format!("{tao} τ")}</span>
            <span class="sn-price">{format!("{} τ/α", format::price(row.price))}</span>
            <span class="sn-emission">{per_day}</span>
        </li>
    }
}
