//! What each figure of the staking-return calculator means. The formulas are in
//! `model::emission` (yield), `model::growth` (compounding) and `model::returns` (the position).

pub const NET: &str = "What the exit returns minus the TAO you staked (or minus what selling your alpha today would return), after both swaps.";
pub const EXIT: &str =
    "The alpha at the end sold through the pool at the end price: fee and slippage taken.";
pub const BREAKEVEN: &str = "The first day on which selling everything returns at least what you put in. Before that, the entry and exit costs outweigh the rewards.";
pub const PERIOD_YIELD: &str = "What your alpha grows by over the holding period, every epoch's rewards restaked: the yield the result above is built on. With “others compound” (the default) everyone else's stake grows too, so your share of each epoch's rewards shrinks and the yield is below today's rate as an APY. Compare it with measured yields, not the APY.";
pub const APY: &str = "Today's rate as an APY, if nothing changed for a year: the per-epoch rate compounded over a year, (1 + r)^(epochs a year) − 1, at today's rate, with a 365-day year (the chain's year is 2,629,800 blocks, 365.25 days). APR is r × epochs a year, without compounding. The rate is the validators' share × (1 − childkey take) × (1 − take) × vtrust ÷ the alpha-only stake on validators.";
pub const ALPHA_IN: &str =
    "What the stake buys through the pool, after the fee and your own price impact.";
pub const PER_DAY: &str = "Today's rewards on your alpha: the validator pool per epoch × (1 − childkey take) × (1 − take) × vtrust ÷ the alpha staked on validators, times epochs a day.";
pub const ALPHA_END: &str = "Your alpha after every epoch's rewards were restaked. With “others compound”, the total stake grows by each epoch's pool too, which slows your growth.";
pub const VALUE_SPOT: &str =
    "The alpha at the end valued at the end spot price, before the exit swap.";
pub const ENTRY_FEE: &str = "The pool's fee rate (33/65,535 unless the subnet set another) of the TAO staked, to the block author.";
pub const ENTRY_SLIPPAGE: &str = "TAO lost to your own price impact getting in: net TAO in minus the alpha's worth at the entry spot price.";
pub const EXIT_FEE: &str = "The alpha fee on the way out, valued at the end spot price.";
pub const EXIT_SLIPPAGE: &str = "TAO lost to your own price impact getting out.";
pub const MODEL: &str = "The projection assumes today's emission, stake and pool depth; the pool only moves along its curve to follow your price path, which runs over the holding period and is then held (the table's later days and the break-even never extrapolate it). It ignores emission halvings, validator changes and deregistration. Validators get 41 % of the subnet's emission here; a subnet whose owner cut is off pays them 50 %, and one with no miners also the miners' half, so there the yield is higher.";

/// Which pool state the exit is priced from, said next to the choice.
pub fn exit_from(choice: Option<crate::model::staking::returns::ExitFrom>) -> &'static str {
    use crate::model::staking::returns::ExitFrom;
    match choice {
        Some(ExitFrom::Entry) | None => "Shown: the exit sells into the pool as your own stake left it, then moved by the price scenario. With no price change, exiting at once loses only the two fees and rounding, as the chain's immediate unstake does.",
        Some(ExitFrom::Before) => "Shown: the exit sells into the pool back at its price before your stake, then moved by the price scenario: the price impact of your entry is lost, as if others sold it back down.",
    }
}
pub const ROOT: &str = "Root (subnet 0): TAO is staked 1:1 without swaps. The results value its dividends (root's share of every subnet's validator emission) at each subnet's spot price, restaked once a day as if paid in TAO; the chain pays them as alpha into a basket, and \"Your root basket\" below shows what that alpha is worth if claimed.";
