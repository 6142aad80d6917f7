//! The data line (which data, how old, live parts), its staleness warning and the last load's
//! outcome: what every page shows above its figures, embeds included.

use crate::model::words::group_thousands;
use crate::ui::data::{Data, Origin, Status};
use leptos::prelude::*;

/// "Data: Live · finney · block 8,791,253 · spec 393 · fetched … · 129 subnets", with the
/// refresh button when live.
#[component]
pub fn DataLine(data: Data) -> impl IntoView {
    let line = move || {
        let origin = data.origin.get();
        data.snapshot.with(|s| {
            let mut parts = vec![match &origin {
                Origin::Live { .. } => "Live".to_string(),
                other => other.label(),
            }];
            if !s.network.is_empty() {
                parts.push(s.network.clone());
            }
            if let Some(block) = s.block {
                parts.push(format!("block {}", group_thousands(&block.to_string())));
            }
            if let Some(spec) = s.runtime.spec_version {
                parts.push(format!("spec {spec}"));
            }
            match (s.date(), data.age_days()) {
                _ if matches!(origin, Origin::Live { .. }) => {
                    if let Origin::Live { fetched, .. } = &origin {
                        parts.push(format!("fetched {fetched}"));
                    }
                }
                (Some(date), Some(days)) => {
                    parts.push(date.to_string());
                    parts.push(match days {
                        0 => "taken today".to_string(),
                        1 => "1 day old".to_string(),
                        n => format!("{n} days old"),
                    });
                }
                (Some(date), None) => parts.push(date.to_string()),
                (None, _) => parts.push("date unknown".to_string()),
            }
            parts.push(crate::calc::format::count(
                s.subnets.len(),
                "subnet",
                "subnets",
            ));
            if let Origin::Live {
                not_live,
                filled_from,
                ..
            } = &origin
            {
                parts.extend(crate::snapshot::chain::parts::not_live_note(
                    not_live,
                    filled_from,
                ));
            }
            format!("Data: {}", parts.join(" · "))
        })
    };
    let is_live = move || matches!(data.origin.get(), Origin::Live { .. });
    view! {
        <p class="data-line" data-testid="data-line">
            {line}
            <Show when=is_live>
                " "
                <button
                    type="button"
                    class="button secondary small"
                    data-testid="data-refresh"
                    disabled=move || data.loading.get()
                    on:click=move |_| data.load_live(data.endpoint())
                >
                    {move || if data.loading.get() { "Reading…" } else { "Refresh" }}
                </button>
            </Show>
        </p>
    }
}

/// The warning when the data is old or undated.
#[component]
pub fn Staleness(data: Data) -> impl IntoView {
    let stale = move || {
        let date = data.snapshot.with(|s| s.date().map(str::to_string));
        match date {
            Some(date) if data.is_stale() => Some(view! {
                <p class="verdict pending stale" data-testid="data-stale" data-value=data.age_days().unwrap_or(0)>
                    {format!("Figures are from {date}; load fresh data for live numbers.")}
                </p>
            }.into_any()),
            None => Some(view! {
                <p class="verdict pending stale" data-testid="data-stale">
                    "This data does not say when it was taken; load fresh data for live numbers."
                </p>
            }.into_any()),
            _ => None,
        }
    };
    view! { {stale} }
}

/// What the last load did: loaded, loaded in part (which part failed), or nothing changed.
#[component]
pub fn LoadStatus(data: Data) -> impl IntoView {
    let status = move || {
        data.status.get().map(|s| match s {
            Status::Loaded(text) => view! {
                <p class="verdict ok" data-testid="data-status" role="status">{text}</p>
            }
            .into_any(),
            Status::Partial(text) => view! {
                <p class="verdict pending" data-testid="data-error" role="alert">{text}</p>
            }
            .into_any(),
            Status::Failed(text) => view! {
                <p class="verdict rejected" data-testid="data-error" role="alert">
                    <strong>"Nothing was changed. "</strong>
                    {text}
                </p>
            }
            .into_any(),
        })
    };

    view! { {status} }
}
