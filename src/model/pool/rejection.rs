//! Every way the chain refuses a trade, with the chain's own error name and a sentence a
//! person can act on. Names follow pallets/swap (`Error<T>`) and pallets/subtensor (`Error<T>`).

use crate::model::num::units::format_rao;
use crate::model::pool::side::Side;
use rust_decimal::Decimal;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejection {
    /// A stake whose net amount is below `DefaultMinStake` (0.002 TAO).
    StakeBelowMinimum { min_gross_rao: u64 },
    /// An unstake worth less than 0.002 TAO that does not close the position.
    UnstakeBelowMinimum { tao_out_rao: u64, min_rao: u64 },
    /// Net input above 1,000 times the pool's reserve of that token.
    SwapInputTooLarge { side: Side, max_net_rao: u64 },
    /// The pool's output-side reserve is under 1,000,000 rao, or the trade would pay out nothing.
    ReservesTooLow { side: Side },
    /// The limit price is on the wrong side of the current price.
    PriceLimitExceeded {
        side: Side,
        spot_price: Decimal,
        limit_price_rao: u64,
    },
    /// Fill-or-kill and the whole amount would push the price past the limit.
    SlippageTooHigh {
        side: Side,
        max_gross_rao: u64,
        limit_price_rao: u64,
    },
    /// The superellipse cannot price the trade from these reserves (`ReservesOutOfBalance`).
    ReservesOutOfBalance { side: Side },
    /// Inputs beyond what the calculator can compute exactly (far beyond any real pool).
    OutOfRange,
}

impl Rejection {
    /// The chain's error name.
    pub fn chain_name(&self) -> &'static str {
        match self {
            Rejection::StakeBelowMinimum { .. } | Rejection::UnstakeBelowMinimum { .. } => {
                "AmountTooLow"
            }
            Rejection::SwapInputTooLarge { .. } => "SwapInputTooLarge",
            Rejection::ReservesTooLow { .. } => "ReservesTooLow",
            Rejection::PriceLimitExceeded { .. } => "PriceLimitExceeded",
            Rejection::SlippageTooHigh { .. } => "SlippageTooHigh",
            Rejection::ReservesOutOfBalance { .. } => "ReservesOutOfBalance",
            Rejection::OutOfRange => "OutOfRange",
        }
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::StakeBelowMinimum { min_gross_rao } => write!(
                f,
                "Too small: the chain's minimum stake is 0.002 TAO after the fee, so at least {} TAO.",
                format_rao(*min_gross_rao)
            ),
            Rejection::UnstakeBelowMinimum { tao_out_rao, min_rao } => write!(
                f,
                "Too small: this unstake returns {} TAO, below the chain's minimum of {} TAO. \
                 Only an unstake of your whole position may return less.",
                format_rao(*tao_out_rao),
                format_rao(*min_rao)
            ),
            Rejection::SwapInputTooLarge { side, max_net_rao } => write!(
                f,
                "Too large for this pool: the chain refuses more than 1,000 times the pool's {} \
                 reserve in one trade (at most {} {} after the fee).",
                side.input_token(),
                format_rao(*max_net_rao),
                side.input_token()
            ),
            Rejection::ReservesTooLow { side } => write!(
                f,
                "The pool's {} reserve is too low (under 0.001) or this trade would return nothing.",
                side.output_token()
            ),
            Rejection::PriceLimitExceeded {
                side,
                spot_price,
                limit_price_rao,
            } => {
                let (need, word) = match side {
                    Side::Stake => ("above", "raise"),
                    Side::Unstake => ("below", "widen"),
                };
                write!(
                    f,
                    "Price limit already passed: the limit {} TAO per alpha must be {} the current \
                     price {} TAO per alpha; {} the tolerance.",
                    format_rao(*limit_price_rao),
                    need,
                    spot_price.round_dp(9).normalize(),
                    word
                )
            }
            Rejection::SlippageTooHigh {
                side,
                max_gross_rao,
                limit_price_rao,
            } => write!(
                f,
                "Slippage too high: this {} would move the price past your limit of {} TAO per alpha, \
                 so the chain rejects all of it (fill or kill). The most you can {} within the limit \
                 is {} {}; lower the amount, raise the tolerance or allow a partial fill.",
                side,
                format_rao(*limit_price_rao),
                side,
                format_rao(*max_gross_rao),
                side.input_token()
            ),
            Rejection::ReservesOutOfBalance { side } => write!(
                f,
                "This pool's curve cannot price a {side} from its present reserves (the chain \
                 reports ReservesOutOfBalance); its data may be inconsistent."
            ),
            Rejection::OutOfRange => write!(
                f,
                "These numbers are beyond what the calculator can compute exactly; check the amounts."
            ),
        }
    }
}

impl From<crate::model::num::precise::OutOfRange> for Rejection {
    fn from(_: crate::model::num::precise::OutOfRange) -> Self {
        Rejection::OutOfRange
    }
}
