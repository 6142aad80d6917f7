//! The conviction page's figures: each one's label, where it comes from in the report
//! (`report.rs`), what it says when there is none and what it means.

use super::explain;
use super::report::Report;
use crate::model::conviction::days;
use crate::ui::figure::{FigureSpec, Shown};
use crate::ui::format;
use rust_decimal::Decimal;

pub fn blocks_as_days(blocks: Decimal) -> String {
    let d = days(blocks);
    if d < Decimal::ONE {
        "within a day".to_string()
    } else {
        format!("{} days", format::tokens(d.ceil()))
    }
}

pub fn alpha_text(a: Decimal) -> String {
    format!("{} alpha", format::tokens(a.round_dp(4)))
}

fn dash(_: &Report) -> String {
    "—".to_string()
}

/// The summary card: locked alpha and conviction at the horizon, the earliest takeover and
/// what the locked alpha would fetch (its verdict is the gate's line).
pub const SUMMARY: [FigureSpec<Report>; 4] = [
    FigureSpec {
        testid: "conviction-locked",
        label: "Locked at the horizon",
        headline: true,
        pick: |r| {
            Some(Shown::new(
                format!(
                    "{} after {} days",
                    alpha_text(r.outlook.horizon.locked),
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
        pick: |r| {
            Some(Shown::new(
                alpha_text(r.outlook.horizon.conviction),
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
        pick: |r| {
            r.outlook
                .takeover_blocks
                .map(|b| Shown::new(blocks_as_days(b), format::plain(days(b).ceil())))
        },
        missing: |r| match r.outlook.age_left_blocks {
            None => "Unknown: the subnet's age is not in the data.".to_string(),
            Some(_) => "Never within the horizon.".to_string(),
        },
        explain: explain::TAKEOVER,
    },
    FigureSpec {
        testid: "conviction-liquidity",
        label: "Locked value through the pool",
        headline: false,
        pick: |r| {
            r.liquidity.as_ref().ok().map(|tao| {
                Shown::new(
                    format!(
                        "{} TAO you cannot unstake now",
                        format::tokens(tao.round_dp(6))
                    ),
                    format::plain(*tao),
                )
            })
        },
        missing: |r| r.liquidity.clone().err().unwrap_or_default(),
        explain: explain::LIQUIDITY,
    },
];

/// The results below it.
pub const FIGURES: [FigureSpec<Report>; 3] = [
    FigureSpec {
        testid: "conviction-peak",
        label: "Peak conviction",
        headline: false,
        pick: |r| {
            r.outlook.peak.map(|(at, top)| {
                Shown::new(
                    format!(
                        "{} {}",
                        alpha_text(top),
                        if at.is_zero() {
                            "now".to_string()
                        } else {
                            format!("after {}", blocks_as_days(at))
                        }
                    ),
                    format::plain(top),
                )
            })
        },
        missing: |_| {
            "No peak: a perpetual lock's conviction keeps approaching the locked amount."
                .to_string()
        },
        explain: explain::PEAK,
    },
    FigureSpec {
        testid: "conviction-gate-days",
        label: "Passes the takeover gate",
        headline: false,
        pick: |r| {
            r.outlook.gate_blocks.map(|b| {
                Shown::new(
                    format!(
                        "{} (gate: {})",
                        blocks_as_days(b),
                        alpha_text(r.outlook.gate_level)
                    ),
                    format::plain(days(b).ceil()),
                )
            })
        },
        missing: |r| {
            let why = match r.outlook.peak {
                Some((at, top)) => format!(
                    "Never: conviction peaks at {} after {}, below the gate of {}.",
                    alpha_text(top),
                    blocks_as_days(at),
                    alpha_text(r.outlook.gate_level)
                ),
                None => format!(
                    "Never: conviction only approaches the {} locked, below the gate of {}.",
                    alpha_text(r.lock_now),
                    alpha_text(r.outlook.gate_level)
                ),
            };
            match r.needed_lock {
                Some(lock) => format!("{why} A lock of {} would pass it.", alpha_text(lock)),
                None => why,
            }
        },
        explain: explain::GATE,
    },
    FigureSpec {
        testid: "conviction-beat-owner-days",
        label: "Passes the owner",
        headline: false,
        pick: |r| {
            r.outlook.beat_owner_blocks.map(|b| {
                Shown::new(
                    format!(
                        "{} (owner's lock: {})",
                        blocks_as_days(b),
                        alpha_text(r.owner_lock)
                    ),
                    format::plain(days(b).ceil()),
                )
            })
        },
        missing: |r| {
            format!(
                "Never: the owner's {} stays above your conviction.",
                alpha_text(r.owner_lock)
            )
        },
        explain: explain::BEAT_OWNER,
    },
];
