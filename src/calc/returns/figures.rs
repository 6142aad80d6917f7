//! The returns page's figures: each one's label, where it comes from in the projection, what
//! it says when missing and what it means.

use super::explain;
use crate::calc::figure::{FigureSpec, Shown};
use crate::calc::format::{self, Style};
use crate::model::num::units::rao_to_decimal;
use crate::model::staking::returns::Projection;
use rust_decimal::Decimal;

pub fn signed_tokens(d: Decimal, style: Style) -> String {
    if d > Decimal::ZERO {
        format!("+{}", format::tokens(d, style))
    } else {
        format::tokens(d, style)
    }
}

pub fn days_after(days: u32) -> String {
    match days {
        0 => "at once".to_string(),
        1 => "1 day".to_string(),
        n => format!("{n} days"),
    }
}

fn dash(_: &Projection, _: Style) -> String {
    "—".to_string()
}

fn exit_shown(
    p: &Projection,
    f: impl Fn(&crate::model::staking::returns::ExitLeg) -> Shown,
) -> Option<Shown> {
    p.headline.horizon.exit.as_ref().ok().map(f)
}

/// The summary card: the net result, what you get back, the break-even, the yield over the
/// holding period (the headline rate: the growth model's, which the result is built on) and
/// today's rate as an APY beside it, labelled.
pub const SUMMARY: [FigureSpec<Projection>; 5] = [
    FigureSpec {
        testid: "returns-net-tao",
        label: "Net result",
        headline: true,
        pick: |p, style| {
            exit_shown(p, |leg| {
                let usd = style
                    .usd(leg.net_tao)
                    .map(|u| format!(" ≈ {} USD", signed_tokens(u.round_dp(2), style)))
                    .unwrap_or_default();
                Shown::new(
                    format!(
                        "{} TAO ({}){usd}",
                        signed_tokens(leg.net_tao, style),
                        format::signed_pct(leg.net_pct, style)
                    ),
                    format::plain(leg.net_tao),
                )
            })
        },
        missing: dash,
        explain: explain::NET,
    },
    FigureSpec {
        testid: "returns-exit-tao",
        label: "You get back",
        headline: true,
        pick: |p, style| {
            exit_shown(p, |leg| {
                let tao = rao_to_decimal(leg.tao_rao);
                Shown::new(
                    format!("{} TAO", format::tokens(tao, style)),
                    format::plain(tao),
                )
            })
        },
        missing: dash,
        explain: explain::EXIT,
    },
    FigureSpec {
        testid: "returns-breakeven-days",
        label: "Break-even",
        headline: false,
        pick: |p, _| {
            p.headline
                .breakeven_day
                .map(|d| Shown::new(days_after(d), d.to_string()))
        },
        missing: |_, _| "Not within 5 years".to_string(),
        explain: explain::BREAKEVEN,
    },
    FigureSpec {
        testid: "returns-period-yield",
        label: "Yield over the period (modelled)",
        headline: false,
        pick: |p, style| {
            let pct = p.headline.period_yield_pct();
            Some(Shown::new(
                format!(
                    "{} in {}",
                    format::signed_pct(pct, style),
                    days_after(p.headline.horizon.day)
                ),
                format::plain(pct),
            ))
        },
        missing: dash,
        explain: explain::PERIOD_YIELD,
    },
    FigureSpec {
        testid: "returns-apy",
        label: "APY at today's rate (APR)",
        headline: false,
        pick: |p, style| {
            Some(Shown::new(
                format!(
                    "{} (APR {})",
                    format::pct(p.headline.apy_pct, style),
                    format::pct(p.headline.apr_pct, style)
                ),
                format::plain(p.headline.apy_pct),
            ))
        },
        missing: dash,
        explain: explain::APY,
    },
];

/// The results below it: the alpha, the worth at spot and the costs of both swaps.
pub const FIGURES: [FigureSpec<Projection>; 8] = [
    FigureSpec {
        testid: "returns-alpha-in",
        label: "Alpha at entry",
        headline: false,
        pick: |p, style| {
            let a = rao_to_decimal(p.headline.alpha_start_rao);
            Some(Shown::new(
                format!("{} alpha", format::tokens(a, style)),
                format::plain(a),
            ))
        },
        missing: dash,
        explain: explain::ALPHA_IN,
    },
    FigureSpec {
        testid: "returns-alpha-per-day",
        label: "Alpha earned per day now",
        headline: false,
        pick: |p, style| {
            Some(Shown::new(
                format!("{} alpha", format::tokens(p.headline.alpha_per_day, style)),
                format::plain(p.headline.alpha_per_day),
            ))
        },
        missing: dash,
        explain: explain::PER_DAY,
    },
    FigureSpec {
        testid: "returns-alpha-end",
        label: "Alpha at the end",
        headline: false,
        pick: |p, style| {
            let a = rao_to_decimal(p.headline.horizon.alpha_rao);
            Some(Shown::new(
                format!(
                    "{} alpha ({} payouts)",
                    format::tokens(a, style),
                    p.headline.horizon.epochs
                ),
                format::plain(a),
            ))
        },
        missing: dash,
        explain: explain::ALPHA_END,
    },
    FigureSpec {
        testid: "returns-value-spot",
        label: "Worth at the end spot price",
        headline: false,
        pick: |p, style| {
            Some(Shown::new(
                format!(
                    "{} TAO at {} TAO per alpha",
                    format::tokens(p.headline.horizon.value_at_spot, style),
                    format::price(p.headline.horizon.price)
                ),
                format::plain(p.headline.horizon.value_at_spot),
            ))
        },
        missing: dash,
        explain: explain::VALUE_SPOT,
    },
    FigureSpec {
        testid: "returns-entry-fee",
        label: "Entry fee",
        headline: false,
        pick: |p, style| {
            p.headline.entry.as_ref().map(|q| {
                Shown::new(
                    format!("{} TAO", format::tokens(q.fee, style)),
                    format::plain(q.fee),
                )
            })
        },
        missing: |_, _| "None: no entry swap".to_string(),
        explain: explain::ENTRY_FEE,
    },
    FigureSpec {
        testid: "returns-entry-slippage",
        label: "Entry slippage",
        headline: false,
        pick: |p, style| {
            p.headline.entry.as_ref().map(|_| {
                Shown::new(
                    format!(
                        "{} TAO",
                        format::tokens(p.headline.entry_slippage_tao, style)
                    ),
                    format::plain(p.headline.entry_slippage_tao),
                )
            })
        },
        missing: |_, _| "None: no entry swap".to_string(),
        explain: explain::ENTRY_SLIPPAGE,
    },
    FigureSpec {
        testid: "returns-exit-fee",
        label: "Exit fee",
        headline: false,
        pick: |p, style| {
            exit_shown(p, |leg| {
                Shown::new(
                    format!("{} TAO", format::tokens(leg.fee_tao, style)),
                    format::plain(leg.fee_tao),
                )
            })
        },
        missing: dash,
        explain: explain::EXIT_FEE,
    },
    FigureSpec {
        testid: "returns-exit-slippage",
        label: "Exit slippage",
        headline: false,
        pick: |p, style| {
            exit_shown(p, |leg| {
                Shown::new(
                    format!("{} TAO", format::tokens(leg.slippage_tao, style)),
                    format::plain(leg.slippage_tao),
                )
            })
        },
        missing: dash,
        explain: explain::EXIT_SLIPPAGE,
    },
];
