//! The scatter chart: one point per item, x on a log scale, y linear with its zero line, one
//! point marked and labelled. Each point carries its words in a `<title>` (hover, and screen
//! readers that walk the SVG).

use crate::calc::chart::axis::*;
use crate::calc::chart::svg::{axis_label, empty, horizontal, text, tick, vertical};
use crate::calc::markup::Markup;
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

/// The chart's drawing, as SVG markup: grid, ticks, the points (the marked one last, so it is
/// drawn on top, and labelled) and the axis label; or the data's words for an empty chart.
pub fn draw(data: &ScatterData, height: f64) -> String {
    let mut m = Markup::new();
    let x = LogAxis::covering(data.points.iter().map(|p| p.x));
    let y = LinearAxis::covering(data.points.iter().map(|p| p.y).chain([0.0]));
    let (Some(x), Some(y)) = (x, y) else {
        empty(&mut m, &data.empty);
        return m.into_string();
    };
    let (bottom, top) = (height - BOTTOM, TOP);
    for e in x.decades() {
        let sx = x.place(10f64.powi(e), LEFT, WIDTH - RIGHT);
        vertical(&mut m, "grid", sx, height);
        tick(&mut m, sx, bottom + 16.0, "middle", &decade_label(e));
    }
    for v in linear_ticks(y.lo, y.hi, 5) {
        let sy = y.place(v, bottom, top);
        horizontal(&mut m, if v == 0.0 { "grid zero" } else { "grid" }, sy);
        let label = format!("{}{}", tick_label(v), data.y_unit);
        tick(&mut m, LEFT - 6.0, sy + 4.0, "end", &label);
    }
    let marked = data.points.iter().filter(|p| p.marked);
    for p in data.points.iter().filter(|p| !p.marked).chain(marked) {
        let sx = x.place(p.x, LEFT, WIDTH - RIGHT);
        let sy = y.place(p.y, bottom, top);
        let (class, r) = if p.marked {
            ("point marked", "7")
        } else {
            ("point", "4")
        };
        m.open(
            "circle",
            &[
                ("class", Some(class)),
                ("cx", Some(&coord(sx))),
                ("cy", Some(&coord(sy))),
                ("r", Some(r)),
            ],
        )
        .element("title", &[], &p.label)
        .close("circle");
        if p.marked {
            let anchor = if sx > WIDTH * 0.7 { "end" } else { "start" };
            let dx = if anchor == "end" { -10.0 } else { 10.0 };
            text(&mut m, "point-label", sx + dx, sy - 8.0, anchor, &p.label);
        }
    }
    axis_label(&mut m, height, &data.x_label);
    m.into_string()
}

#[component]
pub fn ScatterChart(
    #[prop(into)] data: Signal<ScatterData>,
    #[prop(into)] title: String,
    #[prop(into)] description: Signal<String>,
) -> impl IntoView {
    let drawing = move || data.with(|d| draw(d, HEIGHT));
    view! {
        <figure class="chart">
            <svg viewBox=view_box(HEIGHT) role="img" aria-labelledby="scatter-title scatter-desc" preserveAspectRatio="xMidYMid meet">
                <title id="scatter-title">{title.clone()}</title>
                <desc id="scatter-desc">{move || description.get()}</desc>
                <g inner_html=drawing></g>
            </svg>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(x: f64, y: f64, label: &str, marked: bool) -> ScatterPoint {
        ScatterPoint {
            x,
            y,
            label: label.to_string(),
            marked,
        }
    }

    #[test]
    fn the_marked_point_is_drawn_last_and_labelled_and_words_are_escaped() {
        let data = ScatterData {
            points: vec![
                point(10.0, 1.0, "1 · a", false),
                point(1000.0, -2.0, "64 · <Chutes>", true),
                point(100.0, 3.0, "2 · b", false),
            ],
            x_label: "TAO in pool".into(),
            y_unit: " %".into(),
            empty: "No subnets.".into(),
        };
        let svg = draw(&data, HEIGHT);
        assert_eq!(svg.matches("<circle").count(), 3);
        let marked = svg.find("class=\"point marked\"").unwrap();
        assert!(svg.rfind("class=\"point\"").unwrap() < marked);
        assert!(svg.contains("<title>64 · &lt;Chutes&gt;</title>"));
        assert!(svg.contains("class=\"point-label\""));
        assert!(svg.contains("class=\"grid zero\""));
        assert!(svg.ends_with(">TAO in pool</text>"));
        let empty = ScatterData {
            points: Vec::new(),
            ..data
        };
        assert!(draw(&empty, HEIGHT).contains(">No subnets.</text>"));
    }
}
