//! What a swap is asked (`PriceProtection`) and what the chain does with it (`Swap`, and what
//! stopped it short), with the pool's bounds on a swap. Shared by both curves' swaps
//! (`swap.rs`, `ellipse_swap.rs`) and the limit searches (`limit.rs`), so none of them imports
//! another's types.

use crate::model::pool::side::Side;
use crate::model::pool::Pool;

/// A limit order's parameters as the extrinsic takes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PriceProtection {
    /// Limit price in rao per alpha.
    pub limit_price_rao: u64,
    /// `allow_partial`: cut the trade at the limit instead of rejecting it.
    pub allow_partial: bool,
}

/// Inputs above this many times the input reserve are refused (`SwapInputTooLarge`).
pub const MAX_INPUT_TO_RESERVE: u64 = 1_000;
/// The output reserve must hold at least this many rao (`ReservesTooLow`).
pub const MIN_RESERVE_RAO: u64 = 1_000_000;

/// What cut a trade short, when something did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoppedBy {
    /// The whole amount went through.
    Nothing,
    /// The price limit (the user's, or a plain trade's default one near a superellipse's end).
    PriceLimit,
    /// A superellipse pool's capacity (keeping 1,000,000 rao of the output reserve).
    Capacity,
}

impl StoppedBy {
    pub fn as_str(self) -> &'static str {
        match self {
            StoppedBy::Nothing => "none",
            StoppedBy::PriceLimit => "price_limit",
            StoppedBy::Capacity => "capacity",
        }
    }
}

/// What the chain did with one trade.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Swap {
    pub side: Side,
    /// The amount asked for, gross, in the input token.
    pub requested_rao: u64,
    /// What went into the pool after the fee (`amount_in`).
    pub amount_in_rao: u64,
    /// The fee, in the input token, paid to the block author.
    pub fee_rao: u64,
    /// What the user received, in the output token.
    pub out_rao: u64,
    /// Unstake only: the TAO the alpha fee fetched when sold into the pool (also to the author).
    pub fee_sale_tao_rao: u64,
    /// The largest net input within the price limit, when a limit binds.
    pub max_net_within_limit: Option<u64>,
    /// The limit price the trader gave (rao per alpha); `None` for a plain trade.
    pub limit_price_rao: Option<u64>,
    pub stopped_by: StoppedBy,
    pub pool_before: Pool,
    pub pool_after: Pool,
}

impl Swap {
    /// What the user paid: net plus fee. Below `requested_rao` when a partial fill cut it.
    pub fn taken_rao(&self) -> u64 {
        self.amount_in_rao + self.fee_rao
    }

    /// Whether a partial fill left part of the request with the user.
    pub fn is_partial(&self) -> bool {
        self.taken_rao() < self.requested_rao
    }

    /// What a partial fill hands back, input token (`refund`).
    pub fn refund_rao(&self) -> u64 {
        self.requested_rao - self.taken_rao()
    }
}
