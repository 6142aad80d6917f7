//! The returns page's parts below the figures: the table by holding time and the exit chart.

use crate::calc::format;
use crate::calc::format::Style;
use crate::calc::markup::Markup;
use crate::calc::returns::figures::{days_after, signed_tokens};
use crate::model::num::units::rao_to_decimal;
use crate::model::staking::returns::{Projection, TABLE_DAYS};
use crate::ui::shell::summary::style_reader;
use crate::ui::widgets::chart::{LineChartPanel, LineData, Series};
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;

/// The table's rows: what an exit returns on each day, or dashes without a projection. Written
/// as markup, as the table is redrawn whole (issue 18).
fn rows(result: &Result<Projection, String>, style: Style) -> String {
    let mut m = Markup::new();
    match result {
        Err(_) => {
            for d in TABLE_DAYS {
                m.open("tr", &[])
                    .element("th", &[("scope", Some("row"))], &d.to_string())
                    .element("td", &[("colspan", Some("4"))], "—")
                    .close("tr");
            }
        }
        Ok(p) => {
            for o in &p.table {
                let testid = format!("returns-row-{}", o.day);
                let alpha = format::tokens(rao_to_decimal(o.alpha_rao), style);
                match &o.exit {
                    Ok(leg) => {
                        let value = format::plain(leg.net_tao);
                        m.open(
                            "tr",
                            &[("data-testid", Some(&testid)), ("data-value", Some(&value))],
                        )
                        .element("th", &[("scope", Some("row"))], &o.day.to_string())
                        .element("td", &[], &alpha)
                        .element(
                            "td",
                            &[],
                            &format::tokens(rao_to_decimal(leg.tao_rao), style),
                        )
                        .element("td", &[], &signed_tokens(leg.net_tao, style))
                        .element("td", &[], &format::signed_pct(leg.net_pct, style))
                        .close("tr");
                    }
                    Err(r) => {
                        let why = format!("exit rejected ({})", r.chain_name());
                        m.open("tr", &[("data-testid", Some(&testid))])
                            .element("th", &[("scope", Some("row"))], &o.day.to_string())
                            .element("td", &[], &alpha)
                            .element("td", &[("colspan", Some("3"))], &why)
                            .close("tr");
                    }
                }
            }
        }
    }
    m.into_string()
}

/// What an exit returns after 1, 7, 30, 90 and 365 days.
#[component]
pub fn HeldForTable(result: Memo<Result<Projection, String>>) -> impl IntoView {
    let style = style_reader();
    view! {
        <section class="panel" aria-labelledby="returns-table-title">
            <h3 id="returns-table-title">"Held for…"</h3>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Held for 1, 7, 30, 90 and 365 days">
                <table class="returns-table" data-testid="returns-table">
                    <thead>
                        <tr>
                            <th scope="col">"Days"</th>
                            <th scope="col">"Alpha"</th>
                            <th scope="col">"Exit (TAO)"</th>
                            <th scope="col">"Net (TAO)"</th>
                            <th scope="col">"Net"</th>
                        </tr>
                    </thead>
                    <tbody inner_html=move || result.with(|r| rows(r, style()))></tbody>
                </table>
            </div>
            <crate::ui::widgets::download::TableCsv table="returns" />
        </section>
    }
}

/// The exit value by day held, against what went in, with the break-even day.
#[component]
pub fn ExitChart(result: Memo<Result<Projection, String>>) -> impl IntoView {
    let style = style_reader();
    view! {
        <LineChartPanel
            heading="What an exit returns over time"
            id="returns-chart"
            title="TAO returned by exiting on each day, against the TAO staked"
            data=Signal::derive(move || result.with(|r| match r {
                Err(_) => LineData::empty("Days held"),
                Ok(p) => LineData {
                    series: vec![Series {
                        label: "Exit value".into(),
                        points: p.curve.iter().filter_map(|(d, tao)| Some((f64::from(*d), tao.to_f64()?))).collect(),
                    }],
                    reference: rao_to_decimal(p.headline.basis_rao).to_f64().map(|b| (b, format!("{} TAO in", format::tokens(rao_to_decimal(p.headline.basis_rao), style())))),
                    markers: p.headline.breakeven_day.map(|d| (f64::from(d), format!("break-even: {}", days_after(d)))).into_iter()
                        .chain(std::iter::once((f64::from(p.headline.horizon.day), format!("{} days", p.headline.horizon.day))))
                        .collect(),
                    x_label: "Days held".into(),
                },
            }))
            description=Signal::derive(move || result.with(|r| match r {
                Err(e) => e.clone(),
                Ok(p) => format!(
                    "Exit value in TAO by day held, against {} TAO in. {}",
                    format::tokens(rao_to_decimal(p.headline.basis_rao), style()),
                    p.headline.breakeven_day.map(|d| format!("It breaks even after {}.", days_after(d))).unwrap_or_else(|| "It does not break even within 5 years.".into())
                ),
            }))
        />
    }
}
