//! What the delegation-take calculator's figures mean. The formulas are in `model::delegation`.

pub const NET_APY: &str = "What you keep per year, compounded every epoch: the validator's share of emission × (1 − take) × vtrust ÷ total stake, or the APY you entered for it.";
pub const EARNED: &str = "Your rewards over the horizon, restaked every epoch.";
pub const PAID: &str = "What the validator keeps from your stake's dividends over the horizon: its income from you. Each epoch it keeps take ÷ (1 − take) of what you are paid.";
pub const GAP: &str = "How much less you earn than with the best validator here.";
pub const RAISED: &str = "Takes may rise once every 216,000 blocks (30 days) and up to 18 %. If this validator raised its take to 18 % as soon as it may, your earnings would be this much lower.";
pub const SAME_SUBNET: &str = "Moving to another validator on the same subnet needs no swap: the chain moves your alpha between hotkeys, with no pool fee or slippage.";
pub const OTHER_SUBNET: &str = "Moving to another subnet is two pool legs: an unstake here and a stake there, each with its fee and slippage. The better yield has to earn that back first.";
pub const MODEL: &str = "The comparison puts the same stake on every validator at today's rates; the amount is converted to alpha at the spot price (the entry swap is the same whichever validator you pick).";
