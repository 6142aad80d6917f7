//! A log-log line chart drawn as SVG. Positions are screen geometry, so f64 is fine here; the
//! figures themselves come from `model` as exact decimals.

use leptos::prelude::*;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 62.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 44.0;

/// A base-10 log axis spanning whole decades.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LogAxis {
    pub lo_exp: i32,
    pub hi_exp: i32,
}

impl LogAxis {
    /// The smallest run of whole decades holding every positive value.
    pub fn covering(values: impl Iterator<Item = f64>) -> Option<LogAxis> {
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for v in values.filter(|v| v.is_finite() && *v > 0.0) {
            lo = lo.min(v.log10());
            hi = hi.max(v.log10());
        }
        if !lo.is_finite() {
            return None;
        }
        let lo_exp = lo.floor() as i32;
        let hi_exp = (hi.ceil() as i32).max(lo_exp + 1);
        Some(LogAxis { lo_exp, hi_exp })
    }

    /// Where `v` falls between `from` and `to` (pixels).
    pub fn place(&self, v: f64, from: f64, to: f64) -> f64 {
        let t =
            (v.max(1e-300).log10() - f64::from(self.lo_exp)) / f64::from(self.hi_exp - self.lo_exp);
        from + t.clamp(-0.05, 1.05) * (to - from)
    }

    pub fn decades(&self) -> impl Iterator<Item = i32> {
        self.lo_exp..=self.hi_exp
    }
}

/// `1k`, `0.01`, `1M` for a power of ten.
pub fn decade_label(exp: i32) -> String {
    match exp {
        e if e >= 9 => format!("{}B", 10u64.pow((e - 9) as u32)),
        e if e >= 6 => format!("{}M", 10u64.pow((e - 6) as u32)),
        e if e >= 3 => format!("{}k", 10u64.pow((e - 3) as u32)),
        e if e >= 0 => 10u64.pow(e as u32).to_string(),
        e => format!("0.{}1", "0".repeat((-e - 1) as usize)),
    }
}

/// The SVG path through `points`.
pub fn line_path(points: &[(f64, f64)], x: &LogAxis, y: &LogAxis) -> String {
    let mut d = String::new();
    for (i, (px, py)) in points.iter().enumerate() {
        let sx = x.place(*px, LEFT, WIDTH - RIGHT);
        let sy = y.place(*py, HEIGHT - BOTTOM, TOP);
        d.push_str(&format!(
            "{}{:.1},{:.1}",
            if i == 0 { "M" } else { " L" },
            sx,
            sy
        ));
    }
    d
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    pub points: Vec<(f64, f64)>,
    pub marker: Option<(f64, f64)>,
    pub x_unit: String,
}

/// Slippage (%) against trade size, both on log scales, with the current trade marked.
#[component]
pub fn LogLogChart(
    #[prop(into)] data: Signal<ChartData>,
    #[prop(into)] title: String,
    #[prop(into)] description: Signal<String>,
    #[prop(into)] y_unit: String,
) -> impl IntoView {
    let y_unit = StoredValue::new(y_unit);
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
                    <line class="grid" x1=sx x2=sx y1=TOP y2=HEIGHT - BOTTOM></line>
                    <text class="tick" x=sx y=HEIGHT - BOTTOM + 16.0 text-anchor="middle">{decade_label(e)}</text>
                }
            })
            .collect_view();
        let grid_y = y
            .decades()
            .map(|e| {
                let sy = y.place(10f64.powi(e), HEIGHT - BOTTOM, TOP);
                let label = format!("{}{}", decade_label(e), y_unit.get_value());
                view! {
                    <line class="grid" x1=LEFT x2=WIDTH - RIGHT y1=sy y2=sy></line>
                    <text class="tick" x=LEFT - 6.0 y=sy + 4.0 text-anchor="end">{label}</text>
                }
            })
            .collect_view();
        let marker = data.marker.map(|(mx, my)| {
            let sx = x.place(mx, LEFT, WIDTH - RIGHT);
            let sy = y.place(my, HEIGHT - BOTTOM, TOP);
            view! {
                <line class="marker-line" x1=sx x2=sx y1=TOP y2=HEIGHT - BOTTOM></line>
                <circle class="marker" cx=sx cy=sy r="5"></circle>
            }
        });
        let path = line_path(&data.points, &x, &y);
        view! {
            <g>
                {grid_x}
                {grid_y}
                <path class="curve" d=path fill="none"></path>
                {marker}
                <text class="axis-label" x=(LEFT + WIDTH - RIGHT) / 2.0 y=HEIGHT - 6.0 text-anchor="middle">
                    {format!("Trade size ({}, log scale)", data.x_unit)}
                </text>
            </g>
        }
        .into_any()
    };
    view! {
        <figure class="chart">
            <svg
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_spans_decades() {
        let axis = LogAxis::covering([0.002, 0.5, 3000.0].into_iter()).unwrap();
        assert_eq!((axis.lo_exp, axis.hi_exp), (-3, 4));
        assert_eq!(axis.place(0.001, 0.0, 700.0), 0.0);
        assert_eq!(axis.place(10_000.0, 0.0, 700.0), 700.0);
        assert!(LogAxis::covering([0.0, -1.0].into_iter()).is_none());
        assert_eq!(decade_label(-3), "0.001");
        assert_eq!(decade_label(4), "10k");
        assert_eq!(decade_label(6), "1M");
        assert_eq!(decade_label(0), "1");
    }
}
