//! The line chart: lines over linear axes, a reference line and vertical markers.

use super::axis::*;
use leptos::prelude::*;

/// One line of a chart, with its legend label.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub label: String,
    pub points: Vec<(f64, f64)>,
}

/// Lines over linear axes with a horizontal reference line and vertical markers.
#[derive(Clone, Debug, PartialEq)]
pub struct LineData {
    pub series: Vec<Series>,
    /// A level to compare with (e.g. the TAO staked) and its label.
    pub reference: Option<(f64, String)>,
    /// Positions on the x axis to mark, with labels.
    pub markers: Vec<(f64, String)>,
    pub x_label: String,
}

impl LineData {
    /// Nothing to draw (the inputs do not give a result), on an axis named `x_label`.
    pub fn empty(x_label: &str) -> Self {
        LineData {
            series: Vec::new(),
            reference: None,
            markers: Vec::new(),
            x_label: x_label.to_string(),
        }
    }
}

/// A page section holding one line chart under its heading (id `{id}-heading`).
#[component]
pub fn LineChartPanel(
    id: &'static str,
    heading: &'static str,
    #[prop(into)] title: String,
    #[prop(into)] data: Signal<LineData>,
    #[prop(into)] description: Signal<String>,
) -> impl IntoView {
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <section class="panel" aria-labelledby=labelled_by>
            <h3 id=heading_id>{heading}</h3>
            <LineChart id=id title=title data=data description=description />
        </section>
    }
}

#[component]
pub fn LineChart(
    #[prop(into)] data: Signal<LineData>,
    #[prop(into)] title: String,
    #[prop(into)] description: Signal<String>,
    /// Distinguishes this chart's ids from other charts on the page.
    id: &'static str,
) -> impl IntoView {
    let height = if crate::ui::summary::is_compact() {
        COMPACT_HEIGHT
    } else {
        HEIGHT
    };
    let drawing = move || {
        let data = data.get();
        let all = || data.series.iter().flat_map(|s| s.points.iter());
        let x = LinearAxis::covering(all().map(|p| p.0).chain(data.markers.iter().map(|m| m.0)));
        let y = LinearAxis::covering(all().map(|p| p.1).chain(data.reference.iter().map(|r| r.0)));
        let (Some(x), Some(y)) = (x, y) else {
            return view! { <text x="50%" y="50%" text-anchor="middle" class="chart-empty">"Nothing to plot."</text> }.into_any();
        };
        let sx = move |v: f64| x.place(v, LEFT, WIDTH - RIGHT);
        let sy = move |v: f64| y.place(v, height - BOTTOM, TOP);
        let grid_x = linear_ticks(x.lo, x.hi, 6)
            .into_iter()
            .map(|t| view! {
                <line class="grid" x1=coord(sx(t)) x2=coord(sx(t)) y1=coord(TOP) y2=coord(height - BOTTOM)></line>
                <text class="tick" x=coord(sx(t)) y=coord(height - BOTTOM + 16.0) text-anchor="middle">{tick_label(t)}</text>
            })
            .collect_view();
        let grid_y = linear_ticks(y.lo, y.hi, 5)
            .into_iter()
            .map(|t| view! {
                <line class="grid" x1=coord(LEFT) x2=coord(WIDTH - RIGHT) y1=coord(sy(t)) y2=coord(sy(t))></line>
                <text class="tick" x=coord(LEFT - 6.0) y=coord(sy(t) + 4.0) text-anchor="end">{tick_label(t)}</text>
            })
            .collect_view();
        let lines = data
            .series
            .iter()
            .enumerate()
            .map(|(n, series)| {
                let mut path = String::new();
                for (i, (px, py)) in series.points.iter().enumerate() {
                    let verb = if i == 0 { "M" } else { " L" };
                    path.push_str(&format!("{verb}{},{}", coord(sx(*px)), coord(sy(*py))));
                }
                view! { <path class=format!("curve series-{}", n % 8) d=path fill="none"></path> }
            })
            .collect_view();
        let reference = data.reference.clone().map(|(level, label)| view! {
            <line class="reference" x1=coord(LEFT) x2=coord(WIDTH - RIGHT) y1=coord(sy(level)) y2=coord(sy(level))></line>
            <text class="reference-label" x=coord(WIDTH - RIGHT - 4.0) y=coord(sy(level) - 6.0) text-anchor="end">{label}</text>
        });
        let markers = data
            .markers
            .iter()
            .enumerate()
            .map(|(row, (at, label))| {
                let (at, label) = (*at, label.clone());
                // Labels near the right edge go to the left of their line.
                let right = sx(at) > LEFT + (WIDTH - LEFT - RIGHT) * 0.7;
                let (x, anchor) = if right {
                    (sx(at) - 4.0, "end")
                } else {
                    (sx(at) + 4.0, "start")
                };
                view! {
                    <line class="marker-line" x1=coord(sx(at)) x2=coord(sx(at)) y1=coord(TOP) y2=coord(height - BOTTOM)></line>
                    <text class="marker-label" x=coord(x) y=coord(TOP + 12.0 + 14.0 * row as f64) text-anchor=anchor>{label}</text>
                }
            })
            .collect_view();
        view! {
            <g>
                {grid_x}
                {grid_y}
                {reference}
                {markers}
                {lines}
                <text class="axis-label" x=coord((LEFT + WIDTH - RIGHT) / 2.0) y=coord(height - 6.0) text-anchor="middle">
                    {data.x_label.clone()}
                </text>
            </g>
        }
        .into_any()
    };
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
    let legend = move || {
        let series = data.with(|d| d.series.iter().map(|s| s.label.clone()).collect::<Vec<_>>());
        (series.len() > 1).then(|| {
            view! {
                <ul class="legend">
                    {series
                        .into_iter()
                        .enumerate()
                        .map(|(n, label)| view! {
                            <li><span class=format!("swatch series-{}", n % 8) aria-hidden="true"></span>{label}</li>
                        })
                        .collect_view()}
                </ul>
            }
        })
    };
    view! {
        <figure class="chart">
            {legend}
            <svg
                viewBox=view_box(height)
                role="img"
                aria-labelledby=labelled_by
                preserveAspectRatio="xMidYMid meet"
            >
                <title id=title_id>{title.clone()}</title>
                <desc id=desc_id>{move || description.get()}</desc>
                {drawing}
            </svg>
        </figure>
    }
}
