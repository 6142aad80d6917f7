//! The screener's table: one row per subnet, every figure a cell with its `data-testid` and
//! exact `data-value`, sortable by any column from its header (a button, so the keyboard
//! reaches it), and links to the returns and pool calculators with the same inputs.

use crate::calc::app_params::{Calc, CALC, EXACT, LIVE, RPC, SNAPSHOT};
use crate::calc::format;
use crate::calc::markup::Markup;
use crate::calc::pool_source::NETUID;
use crate::calc::query::to_query;
use crate::calc::screen::form::{ScreenForm, AMOUNT, MAX_SLIP};
use crate::calc::screen::row_markup::row_markup;
use crate::calc::screen::rows::RowData;
use crate::calc::screen::sort::{Column, SortKey, SORT};
use crate::ui::shell::params::Params;
use crate::ui::shell::summary::style_reader;
use crate::ui::widgets::inputs::Edit;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A column's header words; the holding period's in the result's.
fn header(column: Column, days: Option<u32>) -> String {
    match column {
        Column::Netuid => "Subnet".into(),
        Column::Depth => "TAO in pool".into(),
        Column::TaoShare => "TAO emission".into(),
        Column::Entry => "Entry cost".into(),
        Column::Exit => "Exit cost".into(),
        Column::Apy => match days {
            Some(d) => format!("Yield over {d} d"),
            None => "Yield over the period".into(),
        },
        Column::Net => match days {
            Some(d) => format!("Net after {d} d"),
            None => "Net result".into(),
        },
        Column::Breakeven => "Break-even".into(),
        Column::MaxStake => "Largest stake".into(),
        Column::MaxExit => "Largest exit".into(),
        Column::CostYield => "Costs beat the yield from".into(),
    }
}

/// A link to another calculator on `netuid` with the row's position and the page's data source.
pub fn row_href(params: Params, calc: Calc, form: &ScreenForm, netuid: u16) -> String {
    let mut pairs = vec![(CALC.key.to_string(), calc.param().to_string())];
    pairs.extend(form.link_query(netuid));
    for key in [SNAPSHOT.key, LIVE.key, RPC.key, EXACT.key] {
        if let Some(v) = params.get_untracked(key) {
            pairs.push((key.to_string(), v));
        }
    }
    to_query(&pairs)
}

/// The pool calculator on `netuid`: the same stake, and the slippage for its largest trade.
pub fn pool_href(params: Params, netuid: u16) -> String {
    let mut pairs = vec![
        (CALC.key.to_string(), Calc::Pool.param().to_string()),
        (NETUID.key.to_string(), netuid.to_string()),
    ];
    for key in [
        AMOUNT.key,
        MAX_SLIP.key,
        SNAPSHOT.key,
        LIVE.key,
        RPC.key,
        EXACT.key,
    ] {
        if let Some(v) = params.get_untracked(key) {
            pairs.push((key.to_string(), v));
        }
    }
    to_query(&pairs)
}

#[component]
pub fn ScreenTable(
    rows: Memo<Vec<RowData>>,
    shown: Memo<Vec<usize>>,
    form: Memo<ScreenForm>,
    params: Params,
    edit: Edit,
    chosen: Memo<Option<u16>>,
    /// Rows shown at most (a compact embed shows the first few).
    limit: Option<usize>,
) -> impl IntoView {
    let style = style_reader();
    let sort = Memo::new(move |_| form.with(|f| f.sort.ok().unwrap_or(SortKey::DEFAULT)));
    let days = Memo::new(move |_| form.with(|f| f.days.ok()));
    let headers = move || {
        Column::ALL
            .into_iter()
            .map(|column| {
                let aria_sort = move || {
                    let s = sort.get();
                    if s.column != column {
                        "none"
                    } else if s.descending {
                        "descending"
                    } else {
                        "ascending"
                    }
                };
                view! {
                    <th scope="col" aria-sort=aria_sort>
                        <button type="button" class="sort" data-testid=format!("screen-sort-{}", column.param())
                            on:click=move |_| edit.set(SORT.key, Some(sort.get_untracked().clicked(column).param()))>
                            {move || header(column, days.get())}
                            <span aria-hidden="true" class="sort-mark">{move || {
                                let s = sort.get();
                                if s.column != column { "" } else if s.descending { " ▼" } else { " ▲" }
                            }}</span>
                        </button>
                    </th>
                }
            })
            .collect_view()
    };
    // The rows as one string: rebuilt whole when anything in them changes (a keystroke in
    // the amount changes every row), which the browser parses faster than the app could build
    // 129 rows of views (issue 18).
    let body = move || {
        let chosen = chosen.get();
        let mut m = Markup::new();
        rows.with(|all| {
            shown.with(|order| {
                if order.is_empty() {
                    let why = if all.is_empty() {
                        "The data in use has no subnets."
                    } else {
                        "No subnet matches the search and the depth filter."
                    };
                    m.open("tr", &[])
                        .element(
                            "td",
                            &[
                                ("colspan", Some("13")),
                                ("class", Some("muted")),
                                ("data-testid", Some("screen-none")),
                            ],
                            why,
                        )
                        .close("tr");
                    return;
                }
                form.with_untracked(|f| {
                    for &i in order.iter().take(limit.unwrap_or(usize::MAX)) {
                        let row = &all[i];
                        let n = row.netuid;
                        let returns = row_href(params, Calc::Returns, f, n);
                        let pool = pool_href(params, n);
                        row_markup(&mut m, row, chosen == Some(n), &returns, &pool, style());
                    }
                });
            })
        });
        m.into_string()
    };
    // A row's mark button marks its subnet on the chart.
    let mark = move |ev: web_sys::MouseEvent| {
        let button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("button.mark").ok().flatten());
        if let Some(netuid) = button.and_then(|b| b.get_attribute("data-netuid")) {
            edit.set(NETUID.key, Some(netuid));
        }
    };
    let caption = move || {
        let (count, total) = (shown.with(Vec::len), rows.with(Vec::len));
        let amount = form.with(|f| f.amount.ok());
        let at = match (amount, days.get()) {
            (Some(a), Some(d)) => format!(
                " at {} TAO for {d} days",
                format::tokens(crate::model::num::units::rao_to_decimal(a), style())
            ),
            _ => String::new(),
        };
        let first = limit
            .filter(|l| *l < count)
            .map(|l| format!(", the first {l}"))
            .unwrap_or_default();
        format!("{count} of {total} subnets{at}{first}; a header sorts by its column.")
    };
    view! {
        <div class="table-wrap screen-wrap" role="region" aria-labelledby="screen-caption" tabindex="0">
            <table class="screen-table" data-testid="screen-table"
                aria-busy=move || rows.with(|r| r.iter().any(|r| r.pending)).then_some("true")>
                <caption id="screen-caption" data-testid="screen-caption">{caption}</caption>
                <thead><tr>{headers}<th scope="col">"Open"</th></tr></thead>
                <tbody inner_html=body on:click=mark></tbody>
            </table>
        </div>
    }
}
