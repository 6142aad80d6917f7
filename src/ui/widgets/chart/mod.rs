//! The charts, drawn as SVG: the log-log slippage chart, the line chart and the scatter. Positions are
//! screen geometry, so f64 is fine here; the figures themselves come from `model` as exact
//! decimals.

pub mod line;
pub mod loglog;

pub use line::{LineChart, LineChartPanel, LineData, Series};
pub use loglog::{LogLogChart, LogLogData};
pub mod scatter;
pub use scatter::{ScatterChart, ScatterData, ScatterPoint};
