//! The positions page's words: what each figure means and what the page assumes, once.

pub const LEDE: &str = "What your stakes would really return if you sold them today: every position at spot and after the sale's fee and slippage, in the chain's own maths.";

pub const PRIVACY: &str = "Your addresses go only to the chain node you chose (the data panel's endpoint) and are kept on this device only if you tick the box. A loaded file stays in this page.";

pub const SPOT: &str = "Everything at the pool's spot price: alpha × price, root stake and baskets at face value. What wallets and dashboards show; no one can sell at it.";

pub const EXIT: &str = "What selling everything that can be sold today returns: each subnet's stakes sold one after another into its pool (the second into the pool the first left), fee and slippage included, and what claiming each root basket pays. Locked stake is not in it.";

pub const COST: &str =
    "Spot value of what is sold less what it returns: the cost of leaving today.";

pub const LOCKED: &str = "Stake under a conviction lock cannot be unstaked; it is valued at spot here and left out of the exit value.";

pub const FREE: &str = "TAO in the wallets, not staked.";

pub const MODEL: &str = "Each row's exit value is its stake sold alone into today's pool (the pool calculator's unstake, fee included); the totals sell a subnet's stakes in turn, so a second stake on the same subnet returns less there than alone. The modelled APY is the returns calculator's for this stake held at its validator's take (the chain's maximum, 18 %, when the data does not list the validator), everyone else compounding: a model of today's rate, not what was paid. A root basket's row is what a claim pays now (the chain's own figure) against its spot value; claiming costs about 0.0082 TAO in fees, and under 500,000 rao the chain does not claim. Figures are valued against the subnet data in use: read it live for today's pools.";

/// The verdict: what leaving today returns.
pub fn verdict(exit: &str, spot: &str, cost_pct: &str) -> String {
    format!("If you sold everything today you would receive {exit} TAO of {spot} TAO at spot: leaving costs {cost_pct}.")
}
