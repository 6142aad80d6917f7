//! One row of the screener's table as markup: every figure a cell with its `data-testid` and
//! exact `data-value`, a dash with the reason where a figure cannot be had, the mark button and
//! the links to the returns and pool calculators.

use super::dash::dash;
use super::emission_cell::emission_cell;
use super::root_row::{basket_line, Basket};
use super::rows::{Missing, Position, RowData, COMPUTING};
use crate::calc::format;
use crate::calc::format::Style;
use crate::calc::markup::Markup;
use crate::model::screen::cost_vs_yield::CostOverYield;
use rust_decimal::Decimal;

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

/// The position's five cells, in the table's order: net, break-even, entry, exit, yield.
/// Root's yield carries its basket below it (not its net result: a wider net column would push
/// the break-even out of a phone's view).
fn position_cells(m: &mut Markup, n: u16, p: &Position, basket: Option<&Basket>, style: Style) {
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
                &format::signed_pct(*pct, style),
            );
        }
        // Narrow, the reason in its title: a wide cell here would push the columns after the
        // net out of a phone's view.
        Err(why) => {
            m.element(
                "td",
                &[
                    ("class", Some("refused narrow")),
                    ("data-testid", Some(&format!("screen-net-refused-{n}"))),
                    ("title", Some(why)),
                ],
                "exit refused",
            );
        }
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
    cell(
        m,
        &format!("screen-entry-cost-{n}"),
        p.entry_pct,
        &format::pct(p.entry_pct, style),
    );
    match &p.exit_pct {
        Ok(v) => cell(
            m,
            &format!("screen-exit-cost-{n}"),
            *v,
            &format::pct(*v, style),
        ),
        Err(why) => refused_cell(m, &format!("screen-exit-refused-{n}"), why),
    }
    // The period's yield (the returns calculator's headline rate); today's rate as an APY in
    // its title and `data-apy`.
    let (value, apy) = (format::plain(p.period_yield_pct), format::plain(p.apy_pct));
    let title = format!("APY at today's rate: {}", format::pct(p.apy_pct, style));
    m.open(
        "td",
        &[
            ("data-testid", Some(&format!("screen-yield-{n}"))),
            ("data-value", Some(&value)),
            ("data-apy", Some(&apy)),
            ("title", Some(&title)),
        ],
    )
    .text(&format::pct(p.period_yield_pct, style));
    if let Some(b) = basket {
        basket_line(m, b, style);
    }
    m.close("td");
}

fn missing_cells(m: &mut Markup, n: u16, missing: &Missing, style: Style) {
    let (class, text) = match missing {
        Missing::Fields => ("muted", "— (fix the fields above)".to_string()),
        Missing::Refused(why) => ("refused", why.clone()),
        Missing::NoData(why) => ("muted", format!("No data for this subnet: {why}")),
        Missing::Partial { filled, refunded } => (
            "refused",
            format!(
                "Past this pool's capacity: the chain fills {} TAO of the stake and refunds {} TAO.",
                format::tokens(*filled, style),
                format::tokens(*refunded, style)
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

fn depth_cells(m: &mut Markup, row: &RowData, style: Style) {
    if row.pending {
        for _ in 0..3 {
            m.element(
                "td",
                &[("class", Some("muted pending"))],
                &format!("{COMPUTING}…"),
            );
        }
        return;
    }
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
            &format!("{} TAO", format::tokens(*tao, style)),
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
            .text(&format!("{} α", format::tokens(*alpha, style)))
            .empty("br", &[])
            .element(
                "span",
                &[("class", Some("sub"))],
                &format!("{} TAO", format::tokens(*tao, style)),
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
                &format!("{} TAO", format::tokens(tao, style)),
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
pub fn row_markup(
    m: &mut Markup,
    row: &RowData,
    chosen: bool,
    returns: &str,
    pool: &str,
    style: Style,
) {
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
    match &row.position {
        Ok(p) => position_cells(m, n, p, row.basket.as_ref(), style),
        Err(missing) => missing_cells(m, n, missing, style),
    }
    cell(
        m,
        &format!("screen-depth-{n}"),
        row.depth,
        &format::tokens(row.depth, style),
    );
    emission_cell(m, row, style);
    depth_cells(m, row, style);
    m.open("td", &[("class", Some("links"))]);
    for (i, (words, id, href)) in [("Returns", "returns", returns), ("Pool", "pool", pool)]
        .into_iter()
        .enumerate()
    {
        if i > 0 {
            m.text(" · ");
        }
        m.element(
            "a",
            &[
                ("href", Some(href)),
                ("data-testid", Some(&format!("screen-{id}-link-{n}"))),
            ],
            words,
        );
    }
    m.close("td").close("tr");
}
