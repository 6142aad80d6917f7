//! The chart: each position's spot value against its exit value, a pair of horizontal bars on
//! one scale per position, the largest spot values first. Horizontal bars with the label above
//! them keep the words at full size on a 390 px phone (the drawing is 360 units wide, about one
//! unit to a pixel there). SVG markup, written once into the chart's element.

use super::valuation::Row;
use crate::calc::chart::axis::coord;
use crate::calc::chart::svg::text;
use crate::calc::format::{self, Style};
use crate::calc::markup::Markup;
use crate::model::num::units::rao_to_decimal;

pub const WIDTH: f64 = 360.0;
/// Height of one position: its label and two bars.
const PER_ROW: f64 = 46.0;
/// Positions drawn at most; the rest are in the table.
pub const MOST: usize = 20;

/// The positions drawn: those with a spot value and an exit, largest spot first.
fn drawn(rows: &[Row]) -> Vec<(&Row, u64, u64)> {
    let mut list: Vec<(&Row, u64, u64)> = rows
        .iter()
        .filter_map(|r| {
            let exit = r.exit.as_ref().ok()?.as_ref().map_or(0, |e| e.tao_rao);
            Some((r, r.spot_rao?, exit))
        })
        .collect();
    crate::model::order::sort_by_key(&mut list, |x| std::cmp::Reverse(x.1));
    list.truncate(MOST);
    list
}

/// The drawing's height for `rows`.
pub fn height(rows: &[Row]) -> f64 {
    (drawn(rows).len().max(1) as f64) * PER_ROW + 24.0
}

/// The bars as SVG markup, and how many positions they show.
pub fn bars(rows: &[Row], style: Style) -> (String, usize) {
    let list = drawn(rows);
    let mut m = Markup::new();
    let Some(max) = list
        .iter()
        .map(|(_, spot, _)| *spot)
        .max()
        .filter(|m| *m > 0)
    else {
        text(
            &mut m,
            "bar-note",
            WIDTH / 2.0,
            30.0,
            "middle",
            "No position with a value to draw.",
        );
        return (m.into_string(), 0);
    };
    let scale = |rao: u64| (rao as f64 / max as f64) * (WIDTH - 110.0);
    let mut y = 4.0;
    for (row, spot, exit) in &list {
        let who = row
            .validator
            .clone()
            .unwrap_or_else(|| super::table::short(&row.hotkey));
        text(
            &mut m,
            "bar-label",
            0.0,
            y + 12.0,
            "start",
            &format!("{} · {who}", row.subnet),
        );
        for (k, (class, value, word)) in [("bar spot", *spot, "spot"), ("bar exit", *exit, "exit")]
            .into_iter()
            .enumerate()
        {
            let top = y + 16.0 + k as f64 * 12.0;
            let shown = format!("{word} {}", format::tokens(rao_to_decimal(value), style));
            m.open(
                "rect",
                &[
                    ("class", Some(class)),
                    ("x", Some("0")),
                    ("y", Some(&coord(top))),
                    ("width", Some(&coord(scale(value).max(1.0)))),
                    ("height", Some("10")),
                ],
            )
            .element("title", &[], &format!("{}: {shown} TAO", row.subnet))
            .close("rect");
            text(
                &mut m,
                "bar-value",
                scale(value).max(1.0) + 4.0,
                top + 9.0,
                "start",
                &shown,
            );
        }
        y += PER_ROW;
    }
    text(
        &mut m,
        "bar-note",
        0.0,
        y + 14.0,
        "start",
        &format!(
            "TAO; the largest spot value is {}",
            format::tokens(rao_to_decimal(max), style)
        ),
    );
    (m.into_string(), list.len())
}

/// One sentence for screen readers: what the chart shows.
pub fn description(rows: &[Row], shown: usize) -> String {
    let total = rows.iter().filter(|r| r.spot_rao.is_some()).count();
    let lost: rust_decimal::Decimal = drawn(rows)
        .iter()
        .map(|(_, s, e)| rao_to_decimal(s.saturating_sub(*e)))
        .sum();
    format!(
        "Spot value against exit value for {shown} of {total} positions, largest first; together they lose {} TAO to selling.",
        format::tokens(lost, Style::READABLE)
    )
}
