//! A log-log line chart drawn as SVG. Positions are screen geometry, so f64 is fine here; the
//! figures themselves come from `model` as exact decimals.

use leptos::prelude::*;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 62.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 44.0;
const VIEW_BOX: &str = "0 0 640 300";

/// A screen coordinate with one decimal, written with integers: formatting floats would pull a
/// float printer into the wasm for no visible gain.
pub fn coord(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    format!("{sign}{}.{}", t / 10, t % 10)
}

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
            "{}{},{}",
            if i == 0 { "M" } else { " L" },
            coord(sx),
            coord(sy)
        ));
    }
    d
}

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
                    <line class="grid" x1=coord(sx) x2=coord(sx) y1=coord(TOP) y2=coord(HEIGHT - BOTTOM)></line>
                    <text class="tick" x=coord(sx) y=coord(HEIGHT - BOTTOM + 16.0) text-anchor="middle">{decade_label(e)}</text>
                }
            })
            .collect_view();
        let grid_y = y
            .decades()
            .map(|e| {
                let sy = y.place(10f64.powi(e), HEIGHT - BOTTOM, TOP);
                let label = format!("{}{}", decade_label(e), y_unit.get_value());
                view! {
                    <line class="grid" x1=coord(LEFT) x2=coord(WIDTH - RIGHT) y1=coord(sy) y2=coord(sy)></line>
                    <text class="tick" x=coord(LEFT - 6.0) y=coord(sy + 4.0) text-anchor="end">{label}</text>
                }
            })
            .collect_view();
        let marker = data.marker.map(|(mx, my)| {
            let sx = x.place(mx, LEFT, WIDTH - RIGHT);
            let sy = y.place(my, HEIGHT - BOTTOM, TOP);
            view! {
                <line class="marker-line" x1=coord(sx) x2=coord(sx) y1=coord(TOP) y2=coord(HEIGHT - BOTTOM)></line>
                <circle class="marker" cx=coord(sx) cy=coord(sy) r="5"></circle>
            }
        });
        let path = line_path(&data.points, &x, &y);
        view! {
            <g>
                {grid_x}
                {grid_y}
                <path class="curve" d=path fill="none"></path>
                {marker}
                <text class="axis-label" x=coord((LEFT + WIDTH - RIGHT) / 2.0) y=coord(HEIGHT - 6.0) text-anchor="middle">
                    {format!("Trade size ({}, log scale)", data.x_unit)}
                </text>
            </g>
        }
        .into_any()
    };
    view! {
        <figure class="chart">
            <svg
                viewBox=VIEW_BOX
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

/// Round tick steps (1, 2 or 5 times a power of ten) spanning `[lo, hi]`, about `count` of them.
pub fn linear_ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo || count == 0 {
        return Vec::new();
    }
    let raw = (hi - lo) / count as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let first = (lo / step).ceil() * step;
    (0..=count * 2 + 2)
        .map(|i| first + step * i as f64)
        .take_while(|v| *v <= hi + step * 1e-9)
        .collect()
}

/// A tick's label: grouped thousands, up to 3 decimals (integer arithmetic, as for `c`).
pub fn tick_label(v: f64) -> String {
    let thousandths = (v * 1000.0).round() as i64;
    let sign = if thousandths < 0 { "-" } else { "" };
    let t = thousandths.unsigned_abs();
    let fraction = format!("{:03}", t % 1000);
    let fraction = fraction.trim_end_matches('0');
    let whole = crate::model::words::group_thousands(&(t / 1000).to_string());
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

/// A linear axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearAxis {
    pub lo: f64,
    pub hi: f64,
}

impl LinearAxis {
    /// The axis covering `values`, widened a little so lines do not sit on the frame.
    pub fn covering(values: impl Iterator<Item = f64>) -> Option<LinearAxis> {
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for v in values.filter(|v| v.is_finite()) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        if !lo.is_finite() {
            return None;
        }
        let pad = ((hi - lo) * 0.06).max(hi.abs() * 0.01).max(1e-9);
        Some(LinearAxis {
            lo: lo - pad,
            hi: hi + pad,
        })
    }

    pub fn place(&self, v: f64, from: f64, to: f64) -> f64 {
        let t = (v - self.lo) / (self.hi - self.lo);
        from + t.clamp(-0.05, 1.05) * (to - from)
    }
}

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

#[component]
pub fn LineChart(
    #[prop(into)] data: Signal<LineData>,
    #[prop(into)] title: String,
    #[prop(into)] description: Signal<String>,
    /// Distinguishes this chart's ids from other charts on the page.
    id: &'static str,
) -> impl IntoView {
    let drawing = move || {
        let data = data.get();
        let all = || data.series.iter().flat_map(|s| s.points.iter());
        let x = LinearAxis::covering(all().map(|p| p.0).chain(data.markers.iter().map(|m| m.0)));
        let y = LinearAxis::covering(all().map(|p| p.1).chain(data.reference.iter().map(|r| r.0)));
        let (Some(x), Some(y)) = (x, y) else {
            return view! { <text x="50%" y="50%" text-anchor="middle" class="chart-empty">"Nothing to plot."</text> }.into_any();
        };
        let sx = move |v: f64| x.place(v, LEFT, WIDTH - RIGHT);
        let sy = move |v: f64| y.place(v, HEIGHT - BOTTOM, TOP);
        let grid_x = linear_ticks(x.lo, x.hi, 6)
            .into_iter()
            .map(|t| view! {
                <line class="grid" x1=coord(sx(t)) x2=coord(sx(t)) y1=coord(TOP) y2=coord(HEIGHT - BOTTOM)></line>
                <text class="tick" x=coord(sx(t)) y=coord(HEIGHT - BOTTOM + 16.0) text-anchor="middle">{tick_label(t)}</text>
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
                    <line class="marker-line" x1=coord(sx(at)) x2=coord(sx(at)) y1=coord(TOP) y2=coord(HEIGHT - BOTTOM)></line>
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
                <text class="axis-label" x=coord((LEFT + WIDTH - RIGHT) / 2.0) y=coord(HEIGHT - 6.0) text-anchor="middle">
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
                viewBox=VIEW_BOX
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_ticks_are_round() {
        assert_eq!(
            linear_ticks(0.0, 100.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(linear_ticks(97.3, 103.1, 5), vec![98.0, 100.0, 102.0]);
        assert!(linear_ticks(1.0, 1.0, 5).is_empty());
        assert_eq!(tick_label(12345.0), "12,345");
        assert_eq!(tick_label(0.125), "0.125");
        assert_eq!(tick_label(-2.5), "-2.5");
        assert_eq!(coord(12.34), "12.3");
        assert_eq!(coord(-0.05), "-0.1");
        assert_eq!(coord(0.0), "0.0");
    }

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
