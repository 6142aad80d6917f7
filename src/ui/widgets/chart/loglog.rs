//! The log-log chart: slippage against trade size, with the current trade marked.

use crate::calc::chart::axis::*;
use crate::calc::chart::svg::{axis_label, empty, horizontal, tick, vertical};
use crate::calc::markup::Markup;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct LogLogData {
    pub points: Vec<(f64, f64)>,
    pub marker: Option<(f64, f64)>,
    pub x_unit: String,
}

/// The chart's drawing, as SVG markup: decade grids and labels, the curve, the current trade's
/// line and point, and the axis label; or a sentence when there is nothing to plot.
pub fn draw(data: &LogLogData, y_unit: &str, height: f64) -> String {
    let mut m = Markup::new();
    let x_axis = LogAxis::covering(
        data.points
            .iter()
            .map(|p| p.0)
            .chain(data.marker.map(|m| m.0)),
    );
    let y_axis = LogAxis::covering(
        data.points
            .iter()
            .map(|p| p.1)
            .chain(data.marker.map(|m| m.1)),
    );
    let (Some(x), Some(y)) = (x_axis, y_axis) else {
        empty(&mut m, "No trade sizes to plot for this pool.");
        return m.into_string();
    };
    for e in x.decades() {
        let sx = x.place(10f64.powi(e), LEFT, WIDTH - RIGHT);
        vertical(&mut m, "grid", sx, height);
        tick(
            &mut m,
            sx,
            height - BOTTOM + 16.0,
            "middle",
            &decade_label(e),
        );
    }
    for e in y.decades() {
        let sy = y.place(10f64.powi(e), height - BOTTOM, TOP);
        horizontal(&mut m, "grid", sy);
        let label = format!("{}{y_unit}", decade_label(e));
        tick(&mut m, LEFT - 6.0, sy + 4.0, "end", &label);
    }
    let path = line_path(&data.points, &x, &y, height);
    m.empty(
        "path",
        &[
            ("class", Some("curve")),
            ("d", Some(&path)),
            ("fill", Some("none")),
        ],
    );
    if let Some((mx, my)) = data.marker {
        let sx = x.place(mx, LEFT, WIDTH - RIGHT);
        let sy = y.place(my, height - BOTTOM, TOP);
        vertical(&mut m, "marker-line", sx, height);
        m.empty(
            "circle",
            &[
                ("class", Some("marker")),
                ("cx", Some(&coord(sx))),
                ("cy", Some(&coord(sy))),
                ("r", Some("5")),
            ],
        );
    }
    let label = format!("Trade size ({}, log scale)", data.x_unit);
    axis_label(&mut m, height, &label);
    m.into_string()
}

/// Slippage (%) against trade size, both on log scales, with the current trade marked.
#[component]
pub fn LogLogChart(
    #[prop(into)] data: Signal<LogLogData>,
    #[prop(into)] title: String,
    #[prop(into)] description: Signal<String>,
    #[prop(into)] y_unit: String,
) -> impl IntoView {
    let height = if crate::ui::shell::summary::is_compact() {
        COMPACT_HEIGHT
    } else {
        HEIGHT
    };
    let drawing = move || data.with(|d| draw(d, &y_unit, height));
    view! {
        <figure class="chart">
            <svg
                viewBox=view_box(height)
                role="img"
                aria-labelledby="chart-title chart-desc"
                preserveAspectRatio="xMidYMid meet"
            >
                <title id="chart-title">{title.clone()}</title>
                <desc id="chart-desc">{move || description.get()}</desc>
                <g inner_html=drawing></g>
            </svg>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_curve_and_the_trade_are_drawn_over_decade_grids() {
        let data = LogLogData {
            points: vec![(1.0, 0.05), (100.0, 0.5), (10_000.0, 30.0)],
            marker: Some((100.0, 0.5)),
            x_unit: "TAO".into(),
        };
        let svg = draw(&data, " %", HEIGHT);
        // x: 1 to 10k is 5 decades; y: 0.01 % to 100 % is 5.
        assert_eq!(svg.matches("class=\"grid\"").count(), 10);
        assert!(svg.contains(">10k</text>") && svg.contains(">0.01 %</text>"));
        assert!(svg.contains("class=\"curve\" d=\"M62.0,"));
        assert!(svg.contains("<circle class=\"marker\""));
        assert!(svg.ends_with(">Trade size (TAO, log scale)</text>"));
        let empty = LogLogData {
            points: Vec::new(),
            marker: None,
            x_unit: "TAO".into(),
        };
        assert!(draw(&empty, " %", HEIGHT).contains("No trade sizes to plot"));
    }
}
