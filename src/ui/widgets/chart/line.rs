//! The line chart: lines over linear axes, a reference line and vertical markers.

use crate::calc::chart::axis::*;
use crate::calc::chart::svg::{axis_label, empty, horizontal, text, tick, vertical};
use crate::calc::markup::Markup;
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

/// The chart's drawing, as SVG markup: grid and ticks, the reference line, the markers and
/// their labels, the lines and the axis label; or "Nothing to plot." without data.
pub fn draw(data: &LineData, height: f64) -> String {
    let mut m = Markup::new();
    let all = || data.series.iter().flat_map(|s| s.points.iter());
    let x = LinearAxis::covering(all().map(|p| p.0).chain(data.markers.iter().map(|m| m.0)));
    let y = LinearAxis::covering(all().map(|p| p.1).chain(data.reference.iter().map(|r| r.0)));
    let (Some(x), Some(y)) = (x, y) else {
        empty(&mut m, "Nothing to plot.");
        return m.into_string();
    };
    let sx = |v: f64| x.place(v, LEFT, WIDTH - RIGHT);
    let sy = |v: f64| y.place(v, height - BOTTOM, TOP);
    for t in linear_ticks(x.lo, x.hi, 6) {
        vertical(&mut m, "grid", sx(t), height);
        tick(
            &mut m,
            sx(t),
            height - BOTTOM + 16.0,
            "middle",
            &tick_label(t),
        );
    }
    for t in linear_ticks(y.lo, y.hi, 5) {
        horizontal(&mut m, "grid", sy(t));
        tick(&mut m, LEFT - 6.0, sy(t) + 4.0, "end", &tick_label(t));
    }
    if let Some((level, label)) = &data.reference {
        horizontal(&mut m, "reference", sy(*level));
        let (x, y) = (WIDTH - RIGHT - 4.0, sy(*level) - 6.0);
        text(&mut m, "reference-label", x, y, "end", label);
    }
    for (row, (at, label)) in data.markers.iter().enumerate() {
        vertical(&mut m, "marker-line", sx(*at), height);
        // Labels near the right edge go to the left of their line.
        let right = sx(*at) > LEFT + (WIDTH - LEFT - RIGHT) * 0.7;
        let (x, anchor) = if right {
            (sx(*at) - 4.0, "end")
        } else {
            (sx(*at) + 4.0, "start")
        };
        let y = TOP + 12.0 + 14.0 * row as f64;
        text(&mut m, "marker-label", x, y, anchor, label);
    }
    for (n, series) in data.series.iter().enumerate() {
        let mut path = String::new();
        for (i, (px, py)) in series.points.iter().enumerate() {
            let verb = if i == 0 { "M" } else { " L" };
            path.push_str(&format!("{verb}{},{}", coord(sx(*px)), coord(sy(*py))));
        }
        let class = format!("curve series-{}", n % 8);
        m.empty(
            "path",
            &[
                ("class", Some(&class)),
                ("d", Some(&path)),
                ("fill", Some("none")),
            ],
        );
    }
    axis_label(&mut m, height, &data.x_label);
    m.into_string()
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
    let height = if crate::ui::shell::summary::is_compact() {
        COMPACT_HEIGHT
    } else {
        HEIGHT
    };
    let drawing = move || data.with(|d| draw(d, height));
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
                <g inner_html=drawing></g>
            </svg>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_reference_and_markers_are_drawn_in_order() {
        let data = LineData {
            series: vec![Series {
                label: "staked".into(),
                points: vec![(0.0, 100.0), (365.0, 120.0)],
            }],
            reference: Some((100.0, "TAO staked".into())),
            markers: vec![(30.0, "break-even".into())],
            x_label: "Days".into(),
        };
        let svg = draw(&data, HEIGHT);
        let at = |s: &str| svg.find(s).unwrap_or_else(|| panic!("{s} missing"));
        assert!(at("class=\"reference\"") < at("class=\"marker-line\""));
        assert!(at("class=\"marker-line\"") < at("class=\"curve series-0\""));
        assert!(svg.contains("class=\"curve series-0\" d=\"M") && svg.contains(" L"));
        assert!(svg.contains(">break-even</text>"));
        assert_eq!(
            draw(&LineData::empty("Days"), HEIGHT),
            "<text x=\"50%\" y=\"50%\" text-anchor=\"middle\" class=\"chart-empty\">Nothing to plot.</text>"
        );
    }
}
