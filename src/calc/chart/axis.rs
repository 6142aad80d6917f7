//! Chart geometry: the plot area, log and linear axes, their ticks and labels, and SVG paths.
//! Pure maths (floats for screen geometry only, never money), tested natively.

/// The plot's box in SVG units.
pub const WIDTH: f64 = 640.0;
pub const HEIGHT: f64 = 300.0;
/// A compact embed's plot: as wide, less tall, so its text stays the same size.
pub const COMPACT_HEIGHT: f64 = 170.0;
pub const LEFT: f64 = 62.0;
pub const RIGHT: f64 = 16.0;
pub const TOP: f64 = 14.0;
pub const BOTTOM: f64 = 44.0;

/// The SVG's view box for a plot `height` tall.
pub fn view_box(height: f64) -> String {
    format!("0 0 640 {}", height as u32)
}

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
pub fn line_path(points: &[(f64, f64)], x: &LogAxis, y: &LogAxis, height: f64) -> String {
    let mut d = String::new();
    for (i, (px, py)) in points.iter().enumerate() {
        let sx = x.place(*px, LEFT, WIDTH - RIGHT);
        let sy = y.place(*py, height - BOTTOM, TOP);
        d.push_str(&format!(
            "{}{},{}",
            if i == 0 { "M" } else { " L" },
            coord(sx),
            coord(sy)
        ));
    }
    d
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

/// A tick's label: grouped thousands, up to 3 decimals (integer arithmetic, as for `coord`).
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
