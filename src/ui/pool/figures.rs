//! The pool page's figures of a quoted trade: each one's label, where it comes from in the
//! quote (model::pool::quote) and what it means: four in the summary card, the rest in the
//! results, where the spot price (of the pool, quoted or not) and the most within your limit
//! sit between and after them.

use super::explain;
use crate::model::pool::quote::Quote;
use crate::model::pool::side::Side;
use crate::ui::figure::{FigureSpec, Shown};
use crate::ui::format;

fn dash(_: &Quote) -> String {
    "—".to_string()
}

/// The summary card: what you receive, the slippage, the fee and the price impact.
pub const SUMMARY: [FigureSpec<Quote>; 4] = [
    FigureSpec {
        testid: "pool-received",
        label: "You receive",
        headline: true,
        pick: |q| {
            Some(Shown::new(
                format!(
                    "{} {}",
                    format::tokens(q.received),
                    q.swap.side.output_token()
                ),
                format::plain(q.received),
            ))
        },
        missing: dash,
        explain: explain::RECEIVED,
    },
    FigureSpec {
        testid: "pool-slippage",
        label: "Slippage vs spot, fee included",
        headline: true,
        pick: |q| {
            Some(Shown::new(
                format::pct(q.slippage_pct),
                format::plain(q.slippage_pct),
            ))
        },
        missing: dash,
        explain: explain::SLIPPAGE,
    },
    FigureSpec {
        testid: "pool-fee",
        label: "Fee",
        headline: false,
        pick: |q| {
            let text = match q.swap.side {
                Side::Stake => format!("{} TAO", format::tokens(q.fee)),
                Side::Unstake => format!(
                    "{} alpha (≈ {} TAO)",
                    format::tokens(q.fee),
                    format::tokens(q.fee_tao)
                ),
            };
            Some(Shown::new(text, format::plain(q.fee)))
        },
        missing: dash,
        explain: explain::FEE,
    },
    FigureSpec {
        testid: "pool-price-impact",
        label: "Price impact",
        headline: false,
        pick: |q| {
            Some(Shown::new(
                format::signed_pct(q.price_impact_pct),
                format::plain(q.price_impact_pct),
            ))
        },
        missing: dash,
        explain: explain::IMPACT,
    },
];

/// Before the spot price: the same trade at the spot price.
pub const AT_SPOT: [FigureSpec<Quote>; 1] = [FigureSpec {
    testid: "pool-ideal",
    label: "At the spot price",
    headline: false,
    pick: |q| {
        Some(Shown::new(
            format!("{} {}", format::tokens(q.ideal), q.swap.side.output_token()),
            format::plain(q.ideal),
        ))
    },
    missing: dash,
    explain: explain::IDEAL,
}];

/// After the spot price: the prices and the other two kinds of slippage.
pub const QUOTED_TAIL: [FigureSpec<Quote>; 4] = [
    FigureSpec {
        testid: "pool-effective-price",
        label: "Effective price",
        headline: false,
        pick: |q| {
            Some(Shown::new(
                format!("{} TAO per alpha", format::price(q.effective_price)),
                format::plain(q.effective_price),
            ))
        },
        missing: dash,
        explain: explain::EFFECTIVE,
    },
    FigureSpec {
        testid: "pool-price-after",
        label: "Spot price after",
        headline: false,
        pick: |q| {
            Some(Shown::new(
                format!("{} TAO per alpha", format::price(q.price_after)),
                format::plain(q.price_after),
            ))
        },
        missing: dash,
        explain: explain::PRICE_AFTER,
    },
    FigureSpec {
        testid: "pool-slippage-ex-fee",
        label: "Slippage vs spot, fee left out (SDK)",
        headline: false,
        pick: |q| {
            Some(Shown::new(
                format::pct(q.slippage_ex_fee_pct),
                format::plain(q.slippage_ex_fee_pct),
            ))
        },
        missing: dash,
        explain: explain::SLIPPAGE_EX_FEE,
    },
    FigureSpec {
        testid: "pool-slippage-docs",
        label: "Shortfall ÷ received (docs)",
        headline: false,
        pick: |q| {
            Some(Shown::new(
                format::pct(q.slippage_of_received_pct),
                format::plain(q.slippage_of_received_pct),
            ))
        },
        missing: dash,
        explain: explain::SLIPPAGE_DOCS,
    },
];
