//! The scatter chart: one point per item, x on a log scale, y linear with its zero line, one
//! point marked and labelled. Each point carries its words in a `<title>` (hover, and screen
//! readers that walk the SVG).

use super::axis::*;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct ScatterPoint {
    pub x: f64,
    pub y: f64,
    pub label: String,
    pub marked: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ScatterData {
    pub points: Vec<ScatterPoint>,
    pub x_label: String,
    pub y_unit: String,
    pub empty: String,
}

#[component]
pub fn ScatterChart(
    #[prop(into)] data: Signal<ScatterData>,
    #[prop(into)] title: String,
    #[prop(into)] description: Signal<String>,
) -> impl IntoView {
    let height = HEIGHT;
    let drawing = move || {
        let data = data.get();
        let x = LogAxis::covering(data.points.iter().map(|p| p.x));
        let y = LinearAxis::covering(data.points.iter().map(|p| p.y).chain([0.0]));
        let (Some(x), Some(y)) = (x, y) else {
            return view! { <text x="50%" y="50%" text-anchor="middle" class="chart-empty">{data.empty.clone()}</text> }.into_any();
        };
        let (bottom, top) = (height - BOTTOM, TOP);
        let grid_x = x
            .decades()
            .map(|e| {
                let sx = x.place(10f64.powi(e), LEFT, WIDTH - RIGHT);
                view! {
                    <line class="grid" x1=coord(sx) x2=coord(sx) y1=coord(top) y2=coord(bottom)></line>
                    <text class="tick" x=coord(sx) y=coord(bottom + 16.0) text-anchor="middle">{decade_label(e)}</text>
                }
            })
            .collect_view();
        let y_unit = data.y_unit.clone();
        let grid_y = linear_ticks(y.lo, y.hi, 5)
            .into_iter()
            .map(|v| {
                let sy = y.place(v, bottom, top);
                let class = if v == 0.0 { "grid zero" } else { "grid" };
                view! {
                    <line class=class x1=coord(LEFT) x2=coord(WIDTH - RIGHT) y1=coord(sy) y2=coord(sy)></line>
                    <text class="tick" x=coord(LEFT - 6.0) y=coord(sy + 4.0) text-anchor="end">{format!("{}{}", tick_label(v), y_unit)}</text>
                }
            })
            .collect_view();
        // The marked point last, so it is drawn on top.
        let mut points = data.points.clone();
        crate::model::order::sort_by_key(&mut points, |p| p.marked);
        let dots = points
            .into_iter()
            .map(|p| {
                let sx = x.place(p.x, LEFT, WIDTH - RIGHT);
                let sy = y.place(p.y, bottom, top);
                let label = p.marked.then(|| {
                    let anchor = if sx > WIDTH * 0.7 { "end" } else { "start" };
                    let dx = if anchor == "end" { -10.0 } else { 10.0 };
                    view! { <text class="point-label" x=coord(sx + dx) y=coord(sy - 8.0) text-anchor=anchor>{p.label.clone()}</text> }
                });
                let (class, r) = if p.marked { ("point marked", "7") } else { ("point", "4") };
                view! {
                    <circle class=class cx=coord(sx) cy=coord(sy) r=r>
                        <title>{p.label.clone()}</title>
                    </circle>
                    {label}
                }
            })
            .collect_view();
        view! {
            <g>
                {grid_x}
                {grid_y}
                {dots}
                <text class="axis-label" x=coord((LEFT + WIDTH - RIGHT) / 2.0) y=coord(height - 6.0) text-anchor="middle">
                    {data.x_label.clone()}
                </text>
            </g>
        }
        .into_any()
    };
    view! {
        <figure class="chart">
            <svg viewBox=view_box(height) role="img" aria-labelledby="scatter-title scatter-desc" preserveAspectRatio="xMidYMid meet">
                <title id="scatter-title">{title.clone()}</title>
                <desc id="scatter-desc">{move || description.get()}</desc>
                {drawing}
            </svg>
        </figure>
    }
}
