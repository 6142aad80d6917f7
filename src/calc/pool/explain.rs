//! What each figure of the pool calculator means, in plain words. The formulas behind them are
//! in `model::quote`, `model::limit`, `model::curve`, `model::round_trip` and `model::move_stake`.

pub const SPOT: &str = "The pool's price before your trade: (alpha weight × TAO in pool) ÷ (TAO weight × alpha in pool) on a Balancer pool, b²X ÷ (a²Y) on the proposed superellipse. The chain reports it rounded down to whole rao.";
pub const RECEIVED: &str =
    "What the chain pays you after the fee and the price move your own trade causes.";
pub const IDEAL: &str =
    "What the same amount would fetch at the spot price, with no fee and no price move.";
pub const FEE: &str = "The pool's fee rate (FeeRate, 33/65,535, about 0.0504 %, unless the subnet set another) of the amount, taken before the swap. It goes to the block author, not into the pool.";
pub const EFFECTIVE: &str =
    "TAO paid per alpha received (stake) or TAO received per alpha sold (unstake), fee included.";
pub const IMPACT: &str = "How far your trade moves the pool's spot price: price after ÷ price before − 1. Positive when you stake, negative when you unstake. It is not what the trade costs you (that is the cost above): a stake that doubles the price costs you about a third.";
pub const PAY: &str = "What goes in: the amount the chain takes from you, fee included.";
pub const MIN_RECEIVED: &str = "The least this order delivers if it fills, with your price protection: others may trade before you and move the price; a fill-or-kill order still fills while the price after it stays within your limit, and at that worst point it delivers this much. Below it, the chain refuses the order instead.";
pub const SELL_BACK: &str = "What selling the alpha you receive straight back into the pool (as your stake left it) would return: the fees and slippage of both trades. The cost of changing your mind at once.";
pub const SLIPPAGE: &str = "What the trade costs you: (at spot − received) ÷ at spot, fee included, everything you lose against the spot price, and its worth in TAO. The chain's own simulator and Taostats count it this way. Under 1 % is plain, 1 to 3 % a notice, 3 to 5 % a warning, above 5 % red.";
pub const SLIPPAGE_EX_FEE: &str = "The same, but the at-spot amount is computed after the fee, so the fee is left out. The Bittensor SDK reports this one.";
pub const SLIPPAGE_DOCS: &str = "(at spot − received) ÷ received, as the Bittensor docs' example counts it (10 TAO / 100 alpha pool, stake 5 TAO: 33.3 alpha received, 16.7 short, “50 %”).";
pub const MAX_IN_LIMIT: &str = "The largest amount an order can ask for before the price would pass your limit. Above it, fill-or-kill is rejected and a partial fill stops there.";
pub const ROUND_TRIP: &str = "Stake and immediately unstake what you got (or the reverse): what the fees and slippage of both legs cost.";
pub const MAX_FOR_SLIPPAGE: &str =
    "The largest single trade whose slippage (fee included) stays within the percentage you set.";
pub const PRICE_AFTER: &str = "The pool's spot price once your trade (and, for an unstake, the sale of the fee alpha) is done.";
pub const SPLITTING: &str = "Splitting a trade into smaller pieces against the same pool does not reduce slippage: each piece moves the price for the next. It only helps if the price recovers between pieces, which nobody can promise.";
pub const MOVE: &str = "Moving stake to another subnet is two trades: an unstake on this subnet and a stake of the TAO it returns on the other, each with its slippage, but the chain charges one swap fee for the whole move (on the unstake leg; on the stake leg when moving from root). Under 0.002 TAO is not restaked: it stays free TAO. The loss compares the alpha's worth before (at this subnet's spot price) with the new alpha's worth (at the other subnet's spot price).";

/// Why a trade was only partly filled, in words.
pub fn partial_reason(swap: &crate::model::pool::fill::Swap) -> &'static str {
    use crate::model::pool::fill::StoppedBy;
    let ellipse = swap.pool_before.superellipse().is_some();
    match swap.stopped_by {
        StoppedBy::Capacity => "this superellipse pool's curve ends here (it keeps at least 0.001 of its reserve)",
        StoppedBy::PriceLimit if ellipse && swap.limit_price_rao.is_none() => {
            "this superellipse pool's curve is nearly at its end: the price reaches the chain's default limit"
        }
        _ => "your price limit is reached",
    }
}

/// What a pool's curve is, for the line under the trade.
pub fn curve_line(pool: &crate::model::pool::Pool, calibrated: bool) -> String {
    match pool.superellipse() {
        Some(_) if calibrated => "Curve: superellipse, a proposed curve (not deployed on finney), calibrated from the weight at these reserves.".to_string(),
        Some(_) => "Curve: superellipse, a proposed curve (not deployed on finney), as this runtime stores it (SwapSuperellipse): it has a finite capacity.".to_string(),
        None if pool.mechanism == crate::model::pool::Mechanism::Stable => "Curve: none, a stable pool (1 alpha = 1 TAO).".to_string(),
        None => format!("Curve: Balancer weighted pool, TAO weight {}.", pool.w_tao.tao().normalize()),
    }
}

pub const CAPACITY: &str = "A superellipse pool (a proposed curve, not deployed on finney) can take only so much: past this amount the chain fills what the curve takes and refunds the rest (it does not reject the order). Balancer pools have no such end.";
