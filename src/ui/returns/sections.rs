//! The returns page's parts below the figures: the table by holding time and the exit chart.

use super::figures::{days_after, signed_tokens};
use crate::model::num::units::rao_to_decimal;
use crate::model::staking::returns::{Projection, TABLE_DAYS};
use crate::ui::chart::{LineChartPanel, LineData, Series};
use crate::ui::format;
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;

/// What an exit returns after 1, 7, 30, 90 and 365 days.
#[component]
pub fn HeldForTable(result: Memo<Result<Projection, String>>) -> impl IntoView {
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
                    <tbody>
                        {move || result.with(|r| match r {
                            Err(_) => TABLE_DAYS.iter().map(|d| view! { <tr><th scope="row">{*d}</th><td colspan="4">"—"</td></tr> }.into_any()).collect_view(),
                            Ok(p) => p.table.iter().map(|o| {
                                let alpha = format::tokens(rao_to_decimal(o.alpha_rao));
                                match &o.exit {
                                    Ok(leg) => view! {
                                        <tr data-testid=format!("returns-row-{}", o.day) data-value=format::plain(leg.net_tao)>
                                            <th scope="row">{o.day}</th>
                                            <td>{alpha}</td>
                                            <td>{format::tokens(rao_to_decimal(leg.tao_rao))}</td>
                                            <td>{signed_tokens(leg.net_tao)}</td>
                                            <td>{format::signed_pct(leg.net_pct)}</td>
                                        </tr>
                                    }.into_any(),
                                    Err(r) => view! {
                                        <tr data-testid=format!("returns-row-{}", o.day)>
                                            <th scope="row">{o.day}</th>
                                            <td>{alpha}</td>
                                            <td colspan="3">{format!("exit rejected ({})", r.chain_name())}</td>
                                        </tr>
                                    }.into_any(),
                                }
                            }).collect_view(),
                        })}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The exit value by day held, against what went in, with the break-even day.
#[component]
pub fn ExitChart(result: Memo<Result<Projection, String>>) -> impl IntoView {
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
                    reference: rao_to_decimal(p.headline.basis_rao).to_f64().map(|b| (b, format!("{} TAO in", format::tokens(rao_to_decimal(p.headline.basis_rao))))),
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
                    format::tokens(rao_to_decimal(p.headline.basis_rao)),
                    p.headline.breakeven_day.map(|d| format!("It breaks even after {}.", days_after(d))).unwrap_or_else(|| "It does not break even within 5 years.".into())
                ),
            }))
        />
    }
}
