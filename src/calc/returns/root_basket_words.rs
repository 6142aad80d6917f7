//! The root basket's figures on the returns page and the sentences around them.

use super::figures::signed_tokens;
use super::root_basket::BasketFigures;
use crate::calc::figure::{FigureSpec, Shown};
use crate::calc::format::{self, Style};
use crate::model::num::units::rao_to_decimal;
use crate::model::staking::basket::CLAIM_THRESHOLD_RAO;
use crate::model::words::group_thousands;
use rust_decimal::Decimal;

fn tao(d: Decimal, style: Style) -> Shown {
    Shown::new(
        format!("{} TAO", format::tokens(d, style)),
        format::plain(d),
    )
}

fn dash(_: &BasketFigures, _: Style) -> String {
    "—".to_string()
}

pub const BASKET: [FigureSpec<BasketFigures>; 5] = [
    FigureSpec {
        testid: "returns-root-basket-spot",
        label: "Basket at spot",
        headline: false,
        pick: |f, style| Some(tao(f.end.spot_tao, style)),
        missing: dash,
        explain: "The alpha your root dividends paid into the basket by the end of the holding period, each holding at its pool's spot price then (under the price scenario). A dashboard's figure: it cannot be had, since selling moves every pool.",
    },
    FigureSpec {
        testid: "returns-root-basket-realizable",
        label: "Basket if sold",
        headline: true,
        pick: |f, style| Some(tao(rao_to_decimal(f.end.realizable_rao), style)),
        missing: dash,
        explain: "What selling every holding into its pool returns, exactly, with the pool's curve: the chain's realizable value. A claim sells this way without the pool's fee, slippage only.",
    },
    FigureSpec {
        testid: "returns-root-claim-cost",
        label: "Cost of a claim",
        headline: false,
        pick: |f, style| Some(tao(f.end.cost_tao, style)),
        missing: dash,
        explain: "The slippage of every holding's sale (its value at spot less what the sale returns) plus the claim's transaction fee: 0.008209263 TAO, the weight the chain bills for a claim since spec 467 (four claim units, whatever the basket's size), before a base and length fee of a few thousand rao.",
    },
    FigureSpec {
        testid: "returns-root-net-tao",
        label: "Claimed at the end",
        headline: true,
        pick: |f, style| {
            Some(Shown::new(
                format!("{} TAO", signed_tokens(f.end.net_tao, style)),
                format::plain(f.end.net_tao),
            ))
        },
        missing: dash,
        explain: "What a claim at the end of the holding period adds to your root stake: what the sales return less the transaction fee. The chain restakes it on root with the same validator; unstaking root TAO has no swap. A claim paying under 500,000 rao does nothing.",
    },
    FigureSpec {
        testid: "returns-root-apy",
        label: "APY in TAO at constant prices",
        headline: false,
        pick: |f, style| Some(Shown::new(format::pct(f.apy_pct, style), format::plain(f.apy_pct))),
        missing: dash,
        explain: "The basket's value at spot after the holding period on the TAO staked, compounded to a year: (1 + basket / stake)^(365 / days) - 1, with today's prices held. The alpha compounds as alpha, so the TAO figure moves with the subnets' prices.",
    },
];

/// What the basket section says above its figures: what it models and what it leaves out.
pub fn note(f: &BasketFigures) -> String {
    let mut text = format!(
        "Since August (Root Reborn) root pays no TAO: your dividends from every subnet are credited as that subnet's alpha to your validator's basket, held as stake so they keep earning. This is a model of a new position of {} TAO: {}, so dividends accrue from the start of the holding period ({} subnets by the end), each earning the subnet's alpha yield after the same take. A real basket is larger (every root staker of the validator since August) and a claim gets its share of the whole basket's sale, so its slippage is larger than this one's.",
        format::plain(f.stake_tao),
        match f.funds_in_data {
            0 => "the data carries no basket".to_string(),
            n => format!("a new stake shares in none of what the {n} validators' baskets in the data hold today"),
        },
        f.holdings
    );
    if !f.paid {
        text.push_str(
            " The subnets' moving prices sum to 1 or less, so the chain pays root nothing now.",
        );
    }
    if !f.end.claimed && f.paid {
        text.push_str(&format!(
            " A claim would pay under {} rao, so the chain would do nothing.",
            group_thousands(&CLAIM_THRESHOLD_RAO.to_string())
        ));
    }
    if !f.written_off.is_empty() {
        let list: Vec<String> = f.written_off.iter().map(u16::to_string).collect();
        text.push_str(&format!(
            " No pool could take the holding of subnet {}: it counts nothing, as the chain writes it off.",
            list.join(", ")
        ));
    }
    if f.no_rate > 0 {
        text.push_str(&format!(
            " The data lacks what {} subnet{} stakers earn there: those holdings earn nothing here.",
            f.no_rate,
            if f.no_rate == 1 { "'s" } else { "s'" }
        ));
    }
    text
}

/// One line of the exposure list: subnet, name, share of the basket at spot.
pub fn exposure_line(e: &super::root_basket::Exposure, style: Style) -> String {
    let name = if e.name.is_empty() {
        String::new()
    } else {
        format!(" · {}", e.name)
    };
    format!(
        "{}{name}: {} of the basket ({} TAO at spot)",
        e.netuid,
        format::pct(e.share_pct, style),
        format::tokens(e.spot_tao, style)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::returns::form::ReturnsForm;
    use crate::calc::returns::root_basket::basket_figures;
    use crate::snapshot::bundled::bundled;

    fn figures(amount: &str) -> BasketFigures {
        let snapshot = bundled();
        let get = |k: &str| match k {
            "netuid" => Some("0".to_string()),
            "amount" => Some(amount.to_string()),
            "days" => Some("30".to_string()),
            _ => None,
        };
        basket_figures(&ReturnsForm::read(get, &snapshot), &snapshot).unwrap()
    }

    #[test]
    fn every_figure_carries_its_exact_value() {
        let f = figures("1000");
        let style = Style::default();
        let values: Vec<String> = BASKET
            .iter()
            .map(|s| (s.pick)(&f, style).unwrap().value)
            .collect();
        assert_eq!(
            values,
            [
                format::plain(f.end.spot_tao),
                format::plain(rao_to_decimal(f.end.realizable_rao)),
                format::plain(f.end.cost_tao),
                format::plain(f.end.net_tao),
                format::plain(f.apy_pct),
            ]
        );
    }

    #[test]
    fn the_note_says_what_is_modelled_and_what_is_not_claimed() {
        let f = figures("1000");
        let text = note(&f);
        assert!(text.starts_with("Since August (Root Reborn) root pays no TAO"));
        assert!(text.contains("a model of a new position of 1000 TAO"));
        assert!(!text.contains("would do nothing"));
        // A tiny stake's basket pays under the threshold: the note says nothing is claimed.
        let small = figures("0.01");
        assert!(!small.end.claimed);
        assert!(note(&small)
            .contains("A claim would pay under 500,000 rao, so the chain would do nothing."));
        // With baskets in the data (read live), it says a new stake shares in none of them.
        let snapshot = {
            let mut s = bundled();
            s.root_baskets = Some(vec![Default::default(), Default::default()]);
            s
        };
        let get = |k: &str| (k == "netuid").then(|| "0".to_string());
        let live = basket_figures(&ReturnsForm::read(get, &snapshot), &snapshot).unwrap();
        assert!(note(&live).contains(": a new stake shares in none of what the 2 validators' baskets in the data hold today, so dividends accrue"));
        let line = exposure_line(&f.exposure[0], Style::default());
        assert!(
            line.starts_with(&format!("{} · ", f.exposure[0].netuid)),
            "{line}"
        );
    }
}
