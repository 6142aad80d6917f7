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
use crate::ui::markup::Markup;
use crate::ui::params::Params;
use crate::ui::query::to_query;
use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;

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

/// A figure's cell: its words, its exact value in `data-value`.
fn cell(m: &mut Markup, testid: &str, value: Decimal, text: &str) {
    let value = format::plain(value);
    m.element(
        "td",
        &[("data-testid", Some(testid)), ("data-value", Some(&value))],
        text,
    );
}

fn note_cell(m: &mut Markup, class: &str, text: &str) {
    m.element("td", &[("class", Some(class))], text);
}

fn refused_cell(m: &mut Markup, testid: &str, why: &str) {
    m.element(
        "td",
        &[("class", Some("refused")), ("data-testid", Some(testid))],
        why,
    );
}

fn position_cells(m: &mut Markup, n: u16, p: &Position) {
    cell(
        m,
        &format!("screen-entry-cost-{n}"),
        p.entry_pct,
        &format::pct(p.entry_pct),
    );
    match &p.exit_pct {
        Ok(v) => cell(m, &format!("screen-exit-cost-{n}"), *v, &format::pct(*v)),
        Err(why) => refused_cell(m, &format!("screen-exit-refused-{n}"), why),
    }
    cell(
        m,
        &format!("screen-apy-{n}"),
        p.apy_pct,
        &format::pct(p.apy_pct),
    );
    match &p.net {
        Ok((pct, tao)) => {
            let class = if *pct >= Decimal::ZERO {
                "gain"
            } else {
                "loss"
            };
            let (value, tao) = (format::plain(*pct), format::plain(*tao));
            m.element(
                "td",
                &[
                    ("data-testid", Some(&format!("screen-net-{n}"))),
                    ("data-value", Some(&value)),
                    ("data-tao", Some(&tao)),
                    ("class", Some(class)),
                ],
                &format::signed_pct(*pct),
            );
        }
        Err(why) => refused_cell(m, &format!("screen-net-refused-{n}"), why),
    }
    match p.breakeven_day {
        Some(d) => cell(
            m,
            &format!("screen-breakeven-{n}"),
            Decimal::from(d),
            &format!("{d} d"),
        ),
        None => note_cell(m, "muted", "not within 5 years"),
    }
}

fn missing_cells(m: &mut Markup, n: u16, missing: &Missing) {
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
    m.element(
        "td",
        &[
            ("colspan", Some("5")),
            ("class", Some(class)),
            ("data-testid", Some(&format!("screen-refusal-{n}"))),
        ],
        &text,
    );
}

/// A figure the row cannot have; why is in its tooltip (and in the row's refusal).
fn dash(m: &mut Markup, why: &str) {
    m.element("td", &[("class", Some("muted")), ("title", Some(why))], "—");
}

fn depth_cells(m: &mut Markup, row: &RowData) {
    let n = row.netuid;
    let no_swap = if row.root {
        "no swap"
    } else {
        "none within it"
    };
    match &row.max_stake {
        None => note_cell(m, "muted", "—"),
        Some(Ok(Some(tao))) => cell(
            m,
            &format!("screen-max-stake-{n}"),
            *tao,
            &format!("{} TAO", format::tokens(*tao)),
        ),
        Some(Ok(None)) => note_cell(m, "muted", no_swap),
        Some(Err(why)) => dash(m, why),
    }
    match &row.max_exit {
        None => note_cell(m, "muted", "—"),
        Some(Ok(Some((alpha, tao)))) => {
            let (value, tao_value) = (format::plain(*alpha), format::plain(*tao));
            m.open(
                "td",
                &[
                    ("data-testid", Some(&format!("screen-max-exit-{n}"))),
                    ("data-value", Some(&value)),
                    ("data-tao", Some(&tao_value)),
                ],
            )
            .text(&format!("{} α", format::tokens(*alpha)))
            .empty("br", &[])
            .element(
                "span",
                &[("class", Some("sub"))],
                &format!("{} TAO", format::tokens(*tao)),
            )
            .close("td");
        }
        Some(Ok(None)) => note_cell(m, "muted", no_swap),
        Some(Err(why)) => dash(m, why),
    }
    match &row.cost_yield {
        Ok(CostOverYield::Above(rao)) => {
            let tao = crate::model::num::units::rao_to_decimal(*rao);
            cell(
                m,
                &format!("screen-cost-exceeds-yield-{n}"),
                tao,
                &format!("{} TAO", format::tokens(tao)),
            )
        }
        Ok(CostOverYield::AtAnySize) => {
            m.element(
                "td",
                &[
                    (
                        "data-testid",
                        Some(&format!("screen-cost-exceeds-yield-{n}")),
                    ),
                    ("data-value", Some("0")),
                ],
                "any size",
            );
        }
        Ok(CostOverYield::Never) => {
            let text = if row.root { "never (no swap)" } else { "never" };
            note_cell(m, "muted", text)
        }
        Err(why) => dash(m, why),
    }
}

/// One subnet's row: its mark button (a `data-netuid` the table's click handler reads), its
/// figures and its links.
fn row_markup(m: &mut Markup, row: &RowData, chosen: bool, returns: &str, pool: &str) {
    let n = row.netuid;
    m.open(
        "tr",
        &[
            ("data-testid", Some(&format!("screen-row-{n}"))),
            ("class", chosen.then_some("chosen")),
        ],
    )
    .open("th", &[("scope", Some("row"))])
    .element(
        "button",
        &[
            ("type", Some("button")),
            ("class", Some("mark")),
            ("aria-pressed", Some(if chosen { "true" } else { "false" })),
            ("title", Some("Mark it on the chart")),
            ("data-netuid", Some(&n.to_string())),
        ],
        &format!("{n} · {}", row.name),
    )
    .close("th");
    cell(
        m,
        &format!("screen-depth-{n}"),
        row.depth,
        &format::tokens(row.depth),
    );
    match &row.position {
        Ok(p) => position_cells(m, n, p),
        Err(missing) => missing_cells(m, n, missing),
    }
    depth_cells(m, row);
    m.open("td", &[("class", Some("links"))])
        .element(
            "a",
            &[
                ("href", Some(returns)),
                ("data-testid", Some(&format!("screen-returns-link-{n}"))),
            ],
            "Returns",
        )
        .text(" · ")
        .element(
            "a",
            &[
                ("href", Some(pool)),
                ("data-testid", Some(&format!("screen-pool-link-{n}"))),
            ],
            "Pool",
        )
        .close("td")
        .close("tr");
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
                                ("colspan", Some("12")),
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
                        row_markup(&mut m, row, chosen == Some(n), &returns, &pool);
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
            edit.set("netuid", Some(netuid));
        }
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
                <tbody inner_html=body on:click=mark></tbody>
            </table>
        </div>
    }
}
