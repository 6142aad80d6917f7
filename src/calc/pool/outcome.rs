//! What the pool page can say about the current trade: a quote, the chain's refusal, or the
//! fields to fix; and for a quote what a trader reads beside it: what it costs and how bad
//! that is (`Tier`), the least it delivers at the tolerance, and what selling straight back
//! returns. Pure, beside the form it reads.

use super::form::PoolForm;
use crate::calc::format::Style;
use crate::model::num::units::rao_to_decimal;
use crate::model::pool::min_received::min_received;
use crate::model::pool::quote::{quote, Quote};
use crate::model::pool::rejection::Rejection;
use crate::model::pool::round_trip::{round_trip, RoundTrip};
use crate::model::pool::side::Side;
use rust_decimal::Decimal;

/// What the page can say about the current trade.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PoolOutcome {
    /// Some input is missing or wrong; the fields say which.
    Problem(String),
    /// The chain would refuse the trade.
    Rejected(Rejection),
    Quoted(Box<Quote>),
}

impl PoolOutcome {
    pub fn of(form: &PoolForm) -> Self {
        match form.trade() {
            Err(problem) => PoolOutcome::Problem(problem),
            Ok((pool, request)) => match quote(&pool, &request) {
                Ok(q) => PoolOutcome::Quoted(Box::new(q)),
                Err(r) => PoolOutcome::Rejected(r),
            },
        }
    }

    pub fn quote(&self) -> Option<&Quote> {
        match self {
            PoolOutcome::Quoted(q) => Some(q),
            _ => None,
        }
    }
}

/// How much a trade's cost should worry its trader (issue 28): under 1 % plain, 1 to 3 % a
/// notice, 3 to 5 % a warning, above 5 % a red verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Plain,
    Notice,
    Warning,
    Danger,
}

impl Tier {
    /// The tier of a cost of `pct` percent.
    pub fn of(pct: Decimal) -> Tier {
        if pct > Decimal::from(5) {
            Tier::Danger
        } else if pct >= Decimal::from(3) {
            Tier::Warning
        } else if pct >= Decimal::ONE {
            Tier::Notice
        } else {
            Tier::Plain
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Tier::Plain => "plain",
            Tier::Notice => "notice",
            Tier::Warning => "warning",
            Tier::Danger => "danger",
        }
    }
}

/// The least the trade delivers at the trader's price protection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MinReceived {
    /// No tolerance or limit: the order fills at any price the chain allows.
    NoLimit,
    /// Partial fills allowed: the order stops at the limit, so it may fill only in part.
    Partial,
    /// The limit does not bind on this pool (a stable pool).
    Unbounded,
    /// At least this much (output token, rao) when it fills.
    AtLeast(u64),
}

/// A quoted trade with what a trader reads beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Priced {
    pub quote: Quote,
    /// The fee and slippage against the spot price, in TAO.
    pub cost_tao: Decimal,
    /// A stake's alpha sold straight back: what comes back; `None` for an unstake.
    pub sell_back: Option<Result<RoundTrip, Rejection>>,
    /// The worse of the cost's and (for a stake) the round trip's share.
    pub tier: Tier,
    pub min_received: MinReceived,
}

impl Priced {
    pub fn of(form: &PoolForm, quote: &Quote) -> Priced {
        let side = quote.swap.side;
        let pool = &quote.swap.pool_before;
        // What the shortfall against the spot price is worth in TAO.
        let cost_tao = match side {
            Side::Stake => {
                rao_to_decimal(quote.swap.taken_rao()) * quote.slippage_pct / Decimal::ONE_HUNDRED
            }
            Side::Unstake => quote.ideal - quote.received,
        };
        let sell_back =
            (side == Side::Stake).then(|| round_trip(pool, side, quote.swap.taken_rao()));
        let trip_pct = match &sell_back {
            Some(Ok(t)) => t.lost_pct,
            _ => Decimal::ZERO,
        };
        let tier = Tier::of(quote.slippage_pct).max(Tier::of(trip_pct));
        let min_received = match form.trade() {
            Ok((_, request)) => match request.protection {
                None => MinReceived::NoLimit,
                Some(p) if p.allow_partial => MinReceived::Partial,
                Some(p) => match min_received(pool, side, request.amount_rao, p.limit_price_rao) {
                    Ok(Some(worst)) => MinReceived::AtLeast(worst.out_rao),
                    Ok(None) => MinReceived::Unbounded,
                    // The order fails now: the verdict says why.
                    Err(_) => MinReceived::NoLimit,
                },
            },
            Err(_) => MinReceived::NoLimit,
        };
        Priced {
            quote: quote.clone(),
            cost_tao,
            sell_back,
            tier,
            min_received,
        }
    }

    /// `tao` in dollars, when the page has a TAO price: " ≈ 1,234.56 USD".
    pub fn usd(&self, tao: Decimal, style: Style) -> String {
        style
            .usd(tao)
            .map(|usd| {
                format!(
                    " ≈ {} USD",
                    crate::calc::format::tokens(usd.round_dp(2), style)
                )
            })
            .unwrap_or_default()
    }

    /// The verdict's words: what the trade costs, with the tier said in words.
    pub fn verdict(&self, style: Style) -> String {
        let q = &self.quote;
        let side = q.swap.side;
        let cost = format!(
            "{} ({} TAO{})",
            crate::calc::format::pct(q.slippage_pct, style),
            crate::calc::format::tokens(self.cost_tao, style),
            self.usd(self.cost_tao, style)
        );
        let inout = format!(
            "{} {} in, {} {} out",
            crate::calc::format::tokens(rao_to_decimal(q.swap.requested_rao), style),
            side.input_token(),
            crate::calc::format::tokens(q.received, style),
            side.output_token()
        );
        let back = match &self.sell_back {
            Some(Ok(t)) => format!(
                " Selling the alpha straight back would return {} TAO of {} TAO ({} lost).",
                crate::calc::format::tokens(rao_to_decimal(t.back_rao), style),
                crate::calc::format::tokens(rao_to_decimal(q.swap.taken_rao()), style),
                crate::calc::format::pct(t.lost_pct, style)
            ),
            _ => String::new(),
        };
        match self.tier {
            Tier::Plain => format!("The chain accepts this {side}: {inout}. It costs {cost} in fee and slippage."),
            Tier::Notice => format!("Notice: this {side} costs {cost} in fee and slippage ({inout}).{back}"),
            Tier::Warning => format!("Warning: this {side} costs {cost} in fee and slippage ({inout}).{back} A smaller amount or a deeper pool costs less."),
            Tier::Danger => format!("Expensive: this {side} costs {cost} of its value in fee and slippage ({inout}).{back} The chain accepts it, but check that it is worth it."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::bundled::bundled;

    #[test]
    fn the_default_trade_is_quoted_and_bad_fields_wait() {
        let snapshot = bundled();
        let form = PoolForm::read(|_| None, &snapshot);
        assert!(PoolOutcome::of(&form).quote().is_some());
        let bad = PoolForm::read(|k| (k == "amount").then(|| "x".to_string()), &snapshot);
        assert!(matches!(PoolOutcome::of(&bad), PoolOutcome::Problem(_)));
        let tiny = PoolForm::read(|k| (k == "amount").then(|| "0.0001".to_string()), &snapshot);
        assert!(matches!(PoolOutcome::of(&tiny), PoolOutcome::Rejected(_)));
    }

    #[test]
    fn tiers_change_at_one_three_and_five_percent() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(Tier::of(d("0.99")), Tier::Plain);
        assert_eq!(Tier::of(d("1")), Tier::Notice);
        assert_eq!(Tier::of(d("2.99")), Tier::Notice);
        assert_eq!(Tier::of(d("3")), Tier::Warning);
        assert_eq!(Tier::of(d("5")), Tier::Warning);
        assert_eq!(Tier::of(d("5.0001")), Tier::Danger);
    }

    #[test]
    fn a_thin_pool_at_250_tao_is_red_and_says_what_it_costs() {
        let snapshot = bundled();
        let form = PoolForm::read(
            |k| match k {
                "netuid" => Some("16".into()),
                "amount" => Some("250".into()),
                _ => None,
            },
            &snapshot,
        );
        let q = PoolOutcome::of(&form).quote().cloned().unwrap();
        let priced = Priced::of(&form, &q);
        assert_eq!(priced.tier, Tier::Danger);
        assert!(
            priced
                .verdict(Style::READABLE)
                .starts_with("Expensive: this stake costs "),
            "{}",
            priced.verdict(Style::READABLE)
        );
        // The cost in TAO is the slippage's share of what went in.
        assert_eq!(
            priced.cost_tao,
            Decimal::from(250) * q.slippage_pct / Decimal::ONE_HUNDRED
        );
        // No tolerance by default: no minimum to quote.
        assert_eq!(priced.min_received, MinReceived::NoLimit);
        let read = |query: &'static [(&'static str, &'static str)]| {
            PoolForm::read(crate::calc::query::getter(query), &snapshot)
        };
        let deep = read(&[("netuid", "64"), ("tol", "0.5")]);
        let q = PoolOutcome::of(&deep).quote().cloned().unwrap();
        let priced = Priced::of(&deep, &q);
        assert_eq!(priced.tier, Tier::Plain);
        let MinReceived::AtLeast(least) = priced.min_received else {
            panic!("{:?}", priced.min_received)
        };
        assert!(least < q.swap.out_rao);
        let partial = read(&[("netuid", "64"), ("tol", "0.5"), ("partial", "1")]);
        let q = PoolOutcome::of(&partial).quote().cloned().unwrap();
        assert_eq!(Priced::of(&partial, &q).min_received, MinReceived::Partial);
    }
}
