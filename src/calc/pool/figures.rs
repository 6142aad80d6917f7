//! The pool page's figures of a quoted trade: each one's label, where it comes from in the
//! quote (model::pool::quote, and `outcome::Priced` for what a trader reads beside it) and what
//! it means: six in the summary card, the rest in the results, where the spot price (of the
//! pool, quoted or not) and the most within your limit sit between and after them, and the
//! other definitions of slippage under their own disclosure.

use super::explain;
use super::outcome::{MinReceived, Priced};
use crate::calc::figure::{FigureSpec, Shown};
use crate::calc::format::{self, Style};
use crate::model::num::units::rao_to_decimal;
use crate::model::pool::quote::Quote;
use crate::model::pool::side::Side;

fn dash(_: &Quote, _: Style) -> String {
    "—".to_string()
}

fn gone(_: &Priced, _: Style) -> String {
    "—".to_string()
}

/// The summary card, a quote as a trader reads one: what you pay and receive, what it costs,
/// the least it delivers at your tolerance, what selling straight back returns, and how far it
/// moves the spot price.
pub const SUMMARY: [FigureSpec<Priced>; 6] = [
    FigureSpec {
        testid: "pool-pay",
        label: "You pay",
        headline: false,
        pick: |p, style| {
            let q = &p.quote;
            let paid = rao_to_decimal(q.swap.taken_rao());
            let usd = match q.swap.side {
                Side::Stake => p.usd(paid, style),
                Side::Unstake => p.usd(paid * q.spot_price, style),
            };
            Some(Shown::new(
                format!(
                    "{} {}{usd}",
                    format::tokens(paid, style),
                    q.swap.side.input_token()
                ),
                format::plain(paid),
            ))
        },
        missing: gone,
        explain: explain::PAY,
    },
    FigureSpec {
        testid: "pool-received",
        label: "You receive",
        headline: true,
        pick: |p, style| {
            let q = &p.quote;
            let usd = match q.swap.side {
                Side::Stake => p.usd(q.received * q.spot_price, style),
                Side::Unstake => p.usd(q.received, style),
            };
            Some(Shown::new(
                format!(
                    "{} {}{usd}",
                    format::tokens(q.received, style),
                    q.swap.side.output_token()
                ),
                format::plain(q.received),
            ))
        },
        missing: gone,
        explain: explain::RECEIVED,
    },
    FigureSpec {
        testid: "pool-slippage",
        label: "Cost: fee and slippage vs spot",
        headline: true,
        pick: |p, style| {
            Some(Shown::new(
                format!(
                    "{} ({} TAO{})",
                    format::pct(p.quote.slippage_pct, style),
                    format::tokens(p.cost_tao, style),
                    p.usd(p.cost_tao, style)
                ),
                format::plain(p.quote.slippage_pct),
            ))
        },
        missing: gone,
        explain: explain::SLIPPAGE,
    },
    FigureSpec {
        testid: "pool-min-received",
        label: "At least, at your tolerance",
        headline: false,
        pick: |p, style| match p.min_received {
            MinReceived::AtLeast(rao) => {
                let least = rao_to_decimal(rao);
                Some(Shown::new(
                    format!(
                        "at least {} {}",
                        format::tokens(least, style),
                        p.quote.swap.side.output_token()
                    ),
                    format::plain(least),
                ))
            }
            _ => None,
        },
        missing: |p, _| match p.min_received {
            MinReceived::NoLimit => "No limit set: type a price tolerance to see it.".into(),
            MinReceived::Partial => {
                "Partial fills allowed: the order may fill only in part.".into()
            }
            MinReceived::Unbounded => "No bound: the limit never binds on this pool.".into(),
            MinReceived::AtLeast(_) => String::new(),
        },
        explain: explain::MIN_RECEIVED,
    },
    FigureSpec {
        testid: "pool-sell-back-tao",
        label: "Sold straight back",
        headline: false,
        pick: |p, style| match &p.sell_back {
            Some(Ok(t)) => {
                let back = rao_to_decimal(t.back_rao);
                Some(Shown::new(
                    format!(
                        "{} TAO{} ({} lost)",
                        format::tokens(back, style),
                        p.usd(back, style),
                        format::pct(t.lost_pct, style)
                    ),
                    format::plain(back),
                ))
            }
            _ => None,
        },
        missing: |p, _| match &p.sell_back {
            Some(Err(r)) => format!("The chain would refuse the sale ({}).", r.chain_name()),
            _ => "— (an unstake ends in TAO)".to_string(),
        },
        explain: explain::SELL_BACK,
    },
    FigureSpec {
        testid: "pool-price-impact",
        label: "Spot price move",
        headline: false,
        pick: |p, style| {
            Some(Shown::new(
                format::signed_pct(p.quote.price_impact_pct, style),
                format::plain(p.quote.price_impact_pct),
            ))
        },
        missing: gone,
        explain: explain::IMPACT,
    },
];

/// The fee, in the results.
pub const FEE: [FigureSpec<Quote>; 1] = [FigureSpec {
    testid: "pool-fee",
    label: "Fee",
    headline: false,
    pick: |q, style| {
        let text = match q.swap.side {
            Side::Stake => format!("{} TAO", format::tokens(q.fee, style)),
            Side::Unstake => format!(
                "{} alpha (≈ {} TAO)",
                format::tokens(q.fee, style),
                format::tokens(q.fee_tao, style)
            ),
        };
        Some(Shown::new(text, format::plain(q.fee)))
    },
    missing: dash,
    explain: explain::FEE,
}];

/// Before the spot price: the same trade at the spot price.
pub const AT_SPOT: [FigureSpec<Quote>; 1] = [FigureSpec {
    testid: "pool-ideal",
    label: "At the spot price",
    headline: false,
    pick: |q, style| {
        Some(Shown::new(
            format!(
                "{} {}",
                format::tokens(q.ideal, style),
                q.swap.side.output_token()
            ),
            format::plain(q.ideal),
        ))
    },
    missing: dash,
    explain: explain::IDEAL,
}];

/// After the spot price: the prices.
pub const QUOTED_TAIL: [FigureSpec<Quote>; 2] = [
    FigureSpec {
        testid: "pool-effective-price",
        label: "Effective price",
        headline: false,
        pick: |q, _| {
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
        pick: |q, _| {
            Some(Shown::new(
                format!("{} TAO per alpha", format::price(q.price_after)),
                format::plain(q.price_after),
            ))
        },
        missing: dash,
        explain: explain::PRICE_AFTER,
    },
];

/// Under "Other definitions": the slippage as the SDK and the docs count it.
pub const OTHER_DEFINITIONS: [FigureSpec<Quote>; 2] = [
    FigureSpec {
        testid: "pool-slippage-ex-fee",
        label: "Slippage vs spot, fee left out (SDK)",
        headline: false,
        pick: |q, style| {
            Some(Shown::new(
                format::pct(q.slippage_ex_fee_pct, style),
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
        pick: |q, style| {
            Some(Shown::new(
                format::pct(q.slippage_of_received_pct, style),
                format::plain(q.slippage_of_received_pct),
            ))
        },
        missing: dash,
        explain: explain::SLIPPAGE_DOCS,
    },
];
