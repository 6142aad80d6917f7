//! The pieces every chart draws, written as SVG markup (`ui::markup`): grid and marker lines
//! across the plot, tick labels, text, the axis label and the words of an empty chart.

use super::axis::{coord, BOTTOM, LEFT, RIGHT, TOP, WIDTH};
use crate::calc::markup::Markup;

/// A line across the plot's height at `x`.
pub fn vertical(m: &mut Markup, class: &str, x: f64, height: f64) {
    let x = coord(x);
    m.empty(
        "line",
        &[
            ("class", Some(class)),
            ("x1", Some(&x)),
            ("x2", Some(&x)),
            ("y1", Some(&coord(TOP))),
            ("y2", Some(&coord(height - BOTTOM))),
        ],
    );
}

/// A line across the plot's width at `y`.
pub fn horizontal(m: &mut Markup, class: &str, y: f64) {
    let y = coord(y);
    m.empty(
        "line",
        &[
            ("class", Some(class)),
            ("x1", Some(&coord(LEFT))),
            ("x2", Some(&coord(WIDTH - RIGHT))),
            ("y1", Some(&y)),
            ("y2", Some(&y)),
        ],
    );
}

pub fn text(m: &mut Markup, class: &str, x: f64, y: f64, anchor: &str, words: &str) {
    m.element(
        "text",
        &[
            ("class", Some(class)),
            ("x", Some(&coord(x))),
            ("y", Some(&coord(y))),
            ("text-anchor", Some(anchor)),
        ],
        words,
    );
}

/// A tick's label.
pub fn tick(m: &mut Markup, x: f64, y: f64, anchor: &str, label: &str) {
    text(m, "tick", x, y, anchor, label);
}

/// The x axis's label, under the plot.
pub fn axis_label(m: &mut Markup, height: f64, label: &str) {
    text(
        m,
        "axis-label",
        (LEFT + WIDTH - RIGHT) / 2.0,
        height - 6.0,
        "middle",
        label,
    );
}

/// What an empty chart says, in its middle.
pub fn empty(m: &mut Markup, words: &str) {
    m.element(
        "text",
        &[
            ("x", Some("50%")),
            ("y", Some("50%")),
            ("text-anchor", Some("middle")),
            ("class", Some("chart-empty")),
        ],
        words,
    );
}
