//! The screener's table: one row per subnet, every figure a cell with its `data-testid` and
//! exact `data-value`, sortable by any column from its header (a button, so the keyboard
//! reaches it), and links to the returns and pool calculators with the same inputs.

use super::form::{ScreenForm, AMOUNT, MAX_SLIP};
use super::rows::{Missing, Position, RowData};
use super::sort::{Column, SortKey, SORT};
use crate::model::screen::cost_vs_yield::CostOverYield;
use crate::ui::app_params::{Calc, CALC, EXACT, LIVE, RPC, SNAPSHOT};
use crate::ui::format;
use crate::ui::inputs::Edit;
use crate::ui::params::Params;
use crate::ui::query::to_query;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// A column's header words; the holding period's in the result's.
fn header(column: Column, days: Option<u32>) -> String {
    match column {
        Column::Netuid => "Subnet".into(),
        Column::Depth => "TAO in pool".into(),
        Column::Entry => "Entry cost".into(),
        Column::Exit => "Exit cost".into(),
        Column::Apy => "APY".into(),
        Column::Net => match days {
            Some(d) => format!("Net after {d} d"),
            None => "Net result".into(),
        },
        Column::Breakeven => "Break-even".into(),
        Column::MaxStake => "Largest stake".into(),
        Column::MaxExit => "Largest exit".into(),
        Column::CostYield => "Costs beat a year's yield from".into(),
    }
}

/// A link to another calculator on `netuid` with the row's position and the page's data source.
pub fn row_href(params: Params, calc: Calc, form: &ScreenForm, netuid: u16) -> String {
    let mut pairs = vec![(CALC.key.to_string(), calc.param().to_string())];
    pairs.extend(form.row_query(netuid));
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
        ("netuid".to_string(), netuid.to_string()),
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

fn cell(testid: String, value: Decimal, text: String) -> AnyView {
    view! { <td data-testid=testid data-value=format::plain(value)>{text}</td> }.into_any()
}

fn note_cell(text: &'static str) -> AnyView {
    view! { <td class="muted">{text}</td> }.into_any()
}

fn position_cells(n: u16, p: &Position) -> AnyView {
    let exit = match &p.exit_pct {
        Ok(v) => cell(format!("screen-exit-cost-{n}"), *v, format::pct(*v)),
        Err(why) => view! { <td class="refused" data-testid=format!("screen-exit-refused-{n}")>{why.clone()}</td> }.into_any(),
    };
    let net = match &p.net {
        Ok((pct, tao)) => {
            let class = if *pct >= Decimal::ZERO { "gain" } else { "loss" };
            view! {
            <td data-testid=format!("screen-net-{n}") data-value=format::plain(*pct) data-tao=format::plain(*tao)
                class=class>
                {format::signed_pct(*pct)}
            </td>
            }
            .into_any()
        }
        Err(why) => view! { <td class="refused" data-testid=format!("screen-net-refused-{n}")>{why.clone()}</td> }.into_any(),
    };
    let breakeven = match p.breakeven_day {
        Some(d) => cell(
            format!("screen-breakeven-{n}"),
            Decimal::from(d),
            format!("{d} d"),
        ),
        None => note_cell("not within 5 years"),
    };
    view! {
        {cell(format!("screen-entry-cost-{n}"), p.entry_pct, format::pct(p.entry_pct))}
        {exit}
        {cell(format!("screen-apy-{n}"), p.apy_pct, format::pct(p.apy_pct))}
        {net}
        {breakeven}
    }
    .into_any()
}

fn missing_cells(n: u16, missing: &Missing) -> AnyView {
    let (class, text) = match missing {
        Missing::Fields => ("muted", "— (fix the fields above)".to_string()),
        Missing::Refused(why) => ("refused", why.clone()),
        Missing::Partial { filled, refunded } => (
            "refused",
            format!(
                "Past this pool's capacity: the chain fills {} TAO of the stake and refunds {} TAO.",
                format::tokens(*filled),
                format::tokens(*refunded)
            ),
        ),
    };
    view! { <td colspan="5" class=class data-testid=format!("screen-refusal-{n}")>{text}</td> }
        .into_any()
}

/// A figure the row cannot have; why is in its tooltip (and in the row's refusal).
fn dash(why: &str) -> AnyView {
    view! { <td class="muted" title=why.to_string()>"—"</td> }.into_any()
}

fn depth_cells(row: &RowData) -> AnyView {
    let n = row.netuid;
    let no_swap = if row.root {
        "no swap"
    } else {
        "none within it"
    };
    let stake = match &row.max_stake {
        None => note_cell("—"),
        Some(Ok(Some(tao))) => cell(
            format!("screen-max-stake-{n}"),
            *tao,
            format!("{} TAO", format::tokens(*tao)),
        ),
        Some(Ok(None)) => view! { <td class="muted">{no_swap}</td> }.into_any(),
        Some(Err(why)) => dash(why),
    };
    let exit = match &row.max_exit {
        None => note_cell("—"),
        Some(Ok(Some((alpha, tao)))) => view! {
            <td data-testid=format!("screen-max-exit-{n}") data-value=format::plain(*alpha) data-tao=format::plain(*tao)>
                {format!("{} α", format::tokens(*alpha))}<br/>
                <span class="sub">{format!("{} TAO", format::tokens(*tao))}</span>
            </td>
        }
        .into_any(),
        Some(Ok(None)) => view! { <td class="muted">{no_swap}</td> }.into_any(),
        Some(Err(why)) => dash(why),
    };
    let cost = match &row.cost_yield {
        Ok(CostOverYield::Above(rao)) => {
            let tao = crate::model::num::units::rao_to_decimal(*rao);
            cell(
                format!("screen-cost-exceeds-yield-{n}"),
                tao,
                format!("{} TAO", format::tokens(tao)),
            )
        }
        Ok(CostOverYield::AtAnySize) => view! {
            <td data-testid=format!("screen-cost-exceeds-yield-{n}") data-value="0">"any size"</td>
        }
        .into_any(),
        Ok(CostOverYield::Never) => {
            let text = if row.root { "never (no swap)" } else { "never" };
            view! { <td class="muted">{text}</td> }.into_any()
        }
        Err(why) => dash(why),
    };
    view! { {stake}{exit}{cost} }.into_any()
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
    let body = move || {
        let chosen = chosen.get();
        rows.with(|all| {
            shown.with(|order| {
                if order.is_empty() {
                    let why = if all.is_empty() {
                        "The data in use has no subnets."
                    } else {
                        "No subnet matches the search and the depth filter."
                    };
                    return view! {
                        <tr><td colspan="12" class="muted" data-testid="screen-none">{why}</td></tr>
                    }
                    .into_any();
                }
                order
                    .iter()
                    .take(limit.unwrap_or(usize::MAX))
                    .map(|&i| {
                        let row = &all[i];
                        let n = row.netuid;
                        let figures = match &row.position {
                            Ok(p) => position_cells(n, p),
                            Err(m) => missing_cells(n, m),
                        };
                        let (returns, pool) = form.with_untracked(|f| {
                            (row_href(params, Calc::Returns, f, n), pool_href(params, n))
                        });
                        let label = format!("{n} · {}", row.name);
                        let pressed = if chosen == Some(n) { "true" } else { "false" };
                        view! {
                            <tr data-testid=format!("screen-row-{n}") class:chosen=chosen == Some(n)>
                                <th scope="row">
                                    <button type="button" class="mark" aria-pressed=pressed
                                        title="Mark it on the chart"
                                        on:click=move |_| edit.set("netuid", Some(n.to_string()))>
                                        {label}
                                    </button>
                                </th>
                                {cell(format!("screen-depth-{n}"), row.depth, format::tokens(row.depth))}
                                {figures}
                                {depth_cells(row)}
                                <td class="links">
                                    <a href=returns data-testid=format!("screen-returns-link-{n}")>"Returns"</a>
                                    " · "
                                    <a href=pool data-testid=format!("screen-pool-link-{n}")>"Pool"</a>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()
                    .into_any()
            })
        })
    };
    let caption = move || {
        let (count, total) = (shown.with(Vec::len), rows.with(Vec::len));
        let amount = form.with(|f| f.amount.ok());
        let at = match (amount, days.get()) {
            (Some(a), Some(d)) => format!(
                " at {} TAO for {d} days",
                format::tokens(crate::model::num::units::rao_to_decimal(a))
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
            <table class="screen-table" data-testid="screen-table">
                <caption id="screen-caption" data-testid="screen-caption">{caption}</caption>
                <thead><tr>{headers}<th scope="col">"Open"</th></tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
