//! The conviction page's chart: locked alpha, your conviction and the owner's over the horizon.

use crate::calc::conviction::figures::alpha_text;
use crate::calc::conviction::report::Report;
use crate::model::conviction::days;
use crate::ui::shell::summary::style_reader;
use crate::ui::widgets::chart::{LineChartPanel, LineData, Series};
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

#[component]
pub fn LockChart(report: Memo<Result<Report, String>>) -> impl IntoView {
    let style = style_reader();
    view! {
        <LineChartPanel
            heading="Locked alpha and conviction over time"
            id="conviction-chart"
            title="Locked alpha, your conviction and the owner's, against the gate"
            data=Signal::derive(move || report.with(|r| match r {
                Err(_) => LineData::empty("Days"),
                Ok(r) => {
                    let pick = |k: usize| r.curve.iter().filter_map(|p| Some((p[0].to_f64()?, p[k].to_f64()?))).collect::<Vec<_>>();
                    let mut series = vec![
                        Series { label: "Locked".into(), points: pick(1) },
                        Series { label: "Your conviction".into(), points: pick(2) },
                    ];
                    if r.owner_lock > Decimal::ZERO {
                        series.push(Series { label: "Owner's conviction".into(), points: pick(3) });
                    }
                    let horizon = f64::from(r.horizon_days);
                    let markers = [("gate", r.outlook.gate_blocks), ("passes owner", r.outlook.beat_owner_blocks)]
                        .into_iter()
                        .filter_map(|(label, b)| {
                            let d = days(b?).to_f64()?;
                            (d <= horizon).then(|| (d, label.to_string()))
                        })
                        .collect();
                    // A gate far above the lock would flatten every line at the bottom: then the
                    // axis fits the lines, and the note below the chart gives the gate.
                    let top = r.curve.iter().flat_map(|p| [p[1], p[2], p[3]]).max().unwrap_or_default();
                    let gate_in_view = r.outlook.gate_level <= top * Decimal::from(3);
                    LineData {
                        series,
                        reference: gate_in_view.then(|| r.outlook.gate_level.to_f64().map(|g| (g, "gate".to_string()))).flatten(),
                        markers,
                        x_label: "Days".into(),
                    }
                }
            }))
            description=Signal::derive(move || report.with(|r| match r {
                Ok(r) => format!(
                    "Over {} days the locked alpha goes from {} to {}; conviction ends at {}.",
                    r.horizon_days, alpha_text(r.lock_now, style()), alpha_text(r.outlook.horizon.locked, style()), alpha_text(r.outlook.horizon.conviction, style())
                ),
                Err(e) => e.clone(),
            }))
        />
        {move || report.with(|r| {
            let r = r.as_ref().ok()?;
            let top = r.curve.iter().flat_map(|p| [p[1], p[2], p[3]]).max().unwrap_or_default();
            (r.outlook.gate_level > top * Decimal::from(3)).then(|| view! {
                <p class="note" data-testid="conviction-gate-off-scale">
                    {format!("The gate, {}, is far above these lines, so the chart is scaled to them.", alpha_text(r.outlook.gate_level, style()))}
                    {r.needed_lock.map(|l| format!(" A lock of {} would pass it within {} days.", alpha_text(l, style()), r.horizon_days))}
                </p>
            })
        })}
    }
}
