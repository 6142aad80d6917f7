//! The positions table: the rows as one string of markup (`calc::positions::table`), with a
//! caption, and its CSV.

use crate::calc::app_params::{EXACT, LIVE, RPC, SNAPSHOT};
use crate::calc::positions::table::{rows_markup, HEADER};
use crate::calc::positions::valuation::Valuation;
use crate::ui::shell::params::Params;
use crate::ui::shell::summary::style_reader;
use leptos::prelude::*;

/// The data-source parameters a row's links carry, so the other calculator values the stake
/// against the same data.
pub fn source_pairs(params: Params) -> Vec<(String, String)> {
    [SNAPSHOT.key, LIVE.key, RPC.key, EXACT.key]
        .into_iter()
        .filter_map(|k| params.get_untracked(k).map(|v| (k.to_string(), v)))
        .collect()
}

#[component]
pub fn PositionsTable(
    valuation: Memo<Valuation>,
    params: Params,
    show_coldkey: Memo<bool>,
) -> impl IntoView {
    let style = style_reader();
    let body = move || {
        valuation.with(|v| rows_markup(&v.rows, show_coldkey.get(), &source_pairs(params), style()))
    };
    let caption = move || {
        valuation.with(|v| {
            let n = v.rows.len();
            format!(
                "{n} position{}, the largest cost of leaving first; a position that cannot be sold today is last, with the reason.",
                if n == 1 { "" } else { "s" }
            )
        })
    };
    view! {
        <div class="table-wrap positions-wrap" role="region" aria-labelledby="positions-caption" tabindex="0">
            <table class="positions-table" data-testid="positions-table">
                <caption id="positions-caption">{caption}</caption>
                <thead><tr>{HEADER.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr></thead>
                <tbody inner_html=body></tbody>
            </table>
        </div>
    }
}
