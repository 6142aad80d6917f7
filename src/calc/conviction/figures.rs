//! The conviction page's figures: each one's label, where it comes from in the report
//! (`report.rs`), what it says when there is none and what it means.

use super::explain;
use super::report::Report;
use crate::calc::figure::{FigureSpec, Shown};
use crate::calc::format::{self, Style};
use crate::model::conviction::days;
use rust_decimal::Decimal;

pub fn blocks_as_days(blocks: Decimal, style: Style) -> String {
    let d = days(blocks);
    if d < Decimal::ONE {
        "within a day".to_string()
    } else {
        format!("{} days", format::tokens(d.ceil(), style))
    }
}

pub fn alpha_text(a: Decimal, style: Style) -> String {
    format!("{} alpha", format::tokens(a.round_dp(4), style))
}

fn dash(_: &Report, _: Style) -> String {
    "—".to_string()
}

/// The summary card: locked alpha and conviction at the horizon, the earliest takeover and
/// what the locked alpha would fetch (its verdict is the gate's line).
pub const SUMMARY: [FigureSpec<Report>; 4] = [
    FigureSpec {
        testid: "conviction-locked",
        label: "Locked at the horizon",
        headline: true,
        pick: |r, style| {
            Some(Shown::new(
                format!(
                    "{} after {} days",
                    alpha_text(r.outlook.horizon.locked, style),
                    r.horizon_days
                ),
                format::plain(r.outlook.horizon.locked),
            ))
        },
        missing: dash,
        explain: explain::LOCKED,
    },
    FigureSpec {
        testid: "conviction-score",
        label: "Conviction at the horizon",
        headline: true,
        pick: |r, style| {
            Some(Shown::new(
                alpha_text(r.outlook.horizon.conviction, style),
                format::plain(r.outlook.horizon.conviction),
            ))
        },
        missing: dash,
        explain: explain::CONVICTION,
    },
    FigureSpec {
        testid: "conviction-takeover-days",
        label: "Earliest takeover",
        headline: false,
        pick: |r, style| {
            r.outlook
                .takeover_blocks
                .map(|b| Shown::new(blocks_as_days(b, style), format::plain(days(b).ceil())))
        },
        missing: |r, _| match r.outlook.age_left_blocks {
            None => "Unknown: the subnet's age is not in the data.".to_string(),
            Some(_) => "Never within the horizon.".to_string(),
        },
        explain: explain::TAKEOVER,
    },
    FigureSpec {
        testid: "conviction-liquidity",
        label: "Locked value through the pool",
        headline: false,
        pick: |r, style| {
            r.liquidity.as_ref().ok().map(|tao| {
                Shown::new(
                    format!(
                        "{} TAO you cannot unstake now",
                        format::tokens(tao.round_dp(6), style)
                    ),
                    format::plain(*tao),
                )
            })
        },
        missing: |r, _| r.liquidity.clone().err().unwrap_or_default(),
        explain: explain::LIQUIDITY,
    },
];

/// The results below it.
pub const FIGURES: [FigureSpec<Report>; 3] = [
    FigureSpec {
        testid: "conviction-peak",
        label: "Peak conviction",
        headline: false,
        pick: |r, style| {
            r.outlook.peak.map(|(at, top)| {
                Shown::new(
                    format!(
                        "{} {}",
                        alpha_text(top, style),
                        if at.is_zero() {
                            "now".to_string()
                        } else {
                            format!("after {}", blocks_as_days(at, style))
                        }
                    ),
                    format::plain(top),
                )
            })
        },
        missing: |_, _| {
            "No peak: a perpetual lock's conviction keeps approaching the locked amount."
                .to_string()
        },
        explain: explain::PEAK,
    },
    FigureSpec {
        testid: "conviction-gate-days",
        label: "Passes the takeover gate",
        headline: false,
        pick: |r, style| {
            r.outlook.gate_blocks.map(|b| {
                Shown::new(
                    format!(
                        "{} (gate: {})",
                        blocks_as_days(b, style),
                        alpha_text(r.outlook.gate_level, style)
                    ),
                    format::plain(days(b).ceil()),
                )
            })
        },
        missing: |r, style| {
            let why = match r.outlook.peak {
                Some((at, top)) => format!(
                    "Never: conviction peaks at {} after {}, below the gate of {}.",
                    alpha_text(top, style),
                    blocks_as_days(at, style),
                    alpha_text(r.outlook.gate_level, style)
                ),
                None => format!(
                    "Never: conviction only approaches the {} locked, below the gate of {}.",
                    alpha_text(r.lock_now, style),
                    alpha_text(r.outlook.gate_level, style)
                ),
            };
            match r.needed_lock {
                Some(lock) => format!("{why} A lock of {} would pass it.", alpha_text(lock, style)),
                None => why,
            }
        },
        explain: explain::GATE,
    },
    FigureSpec {
        testid: "conviction-beat-owner-days",
        label: "Passes the owner",
        headline: false,
        pick: |r, style| {
            r.outlook.beat_owner_blocks.map(|b| {
                Shown::new(
                    format!(
                        "{} (owner's lock: {})",
                        blocks_as_days(b, style),
                        alpha_text(r.owner_lock, style)
                    ),
                    format::plain(days(b).ceil()),
                )
            })
        },
        missing: |r, style| {
            format!(
                "Never: the owner's {} stays above your conviction.",
                alpha_text(r.owner_lock, style)
            )
        },
        explain: explain::BEAT_OWNER,
    },
];
