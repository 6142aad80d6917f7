//! The log-log chart: slippage against trade size, with the current trade marked.

use super::axis::*;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct LogLogData {
    pub points: Vec<(f64, f64)>,
    pub marker: Option<(f64, f64)>,
    pub x_unit: String,
}

/// Slippage (%) against trade size, both on log scales, with the current trade marked.
#[component]
pub fn LogLogChart(
    #[prop(into)] data: Signal<LogLogData>,
    #[prop(into)] title: String,
    #[prop(into)] description: Signal<String>,
    #[prop(into)] y_unit: String,
) -> impl IntoView {
    let y_unit = StoredValue::new(y_unit);
    let height = if crate::ui::summary::is_compact() {
        COMPACT_HEIGHT
    } else {
        HEIGHT
    };
    let drawing = move || {
        let data = data.get();
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
            return view! { <text x="50%" y="50%" text-anchor="middle" class="chart-empty">"No trade sizes to plot for this pool."</text> }.into_any();
        };
        let grid_x = x
            .decades()
            .map(|e| {
                let sx = x.place(10f64.powi(e), LEFT, WIDTH - RIGHT);
                view! {
                    <line class="grid" x1=coord(sx) x2=coord(sx) y1=coord(TOP) y2=coord(height - BOTTOM)></line>
                    <text class="tick" x=coord(sx) y=coord(height - BOTTOM + 16.0) text-anchor="middle">{decade_label(e)}</text>
                }
            })
            .collect_view();
        let grid_y = y
            .decades()
            .map(|e| {
                let sy = y.place(10f64.powi(e), height - BOTTOM, TOP);
                let label = format!("{}{}", decade_label(e), y_unit.get_value());
                view! {
                    <line class="grid" x1=coord(LEFT) x2=coord(WIDTH - RIGHT) y1=coord(sy) y2=coord(sy)></line>
                    <text class="tick" x=coord(LEFT - 6.0) y=coord(sy + 4.0) text-anchor="end">{label}</text>
                }
            })
            .collect_view();
        let marker = data.marker.map(|(mx, my)| {
            let sx = x.place(mx, LEFT, WIDTH - RIGHT);
            let sy = y.place(my, height - BOTTOM, TOP);
            view! {
                <line class="marker-line" x1=coord(sx) x2=coord(sx) y1=coord(TOP) y2=coord(height - BOTTOM)></line>
                <circle class="marker" cx=coord(sx) cy=coord(sy) r="5"></circle>
            }
        });
        let path = line_path(&data.points, &x, &y, height);
        view! {
            <g>
                {grid_x}
                {grid_y}
                <path class="curve" d=path fill="none"></path>
                {marker}
                <text class="axis-label" x=coord((LEFT + WIDTH - RIGHT) / 2.0) y=coord(height - 6.0) text-anchor="middle">
                    {format!("Trade size ({}, log scale)", data.x_unit)}
                </text>
            </g>
        }
        .into_any()
    };
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
                {drawing}
            </svg>
        </figure>
    }
}
