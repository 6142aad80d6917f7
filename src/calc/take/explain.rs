//! What the delegation-take calculator's figures mean. The formulas are in `model::delegation`.

pub const NET_APY: &str = "What you keep per year, compounded every epoch: the validators' share of emission × (1 − childkey take) × (1 − take) × vtrust ÷ the alpha staked on validators, or the APY you entered for it.";
pub const CHILDKEY: &str = "A validator working through a child hotkey owned by someone else first gives the child its childkey take (0 to 18 %), then keeps its own take of the rest: 18 % + 18 % leaves you 0.82 × 0.82 = 67.2 % of the dividends, not 82 %.";
pub const EARNED: &str = "Your rewards over the horizon, restaked every epoch.";
pub const PAID: &str = "What the validator keeps from your stake's dividends over the horizon: its income from you. Each epoch it keeps take ÷ (1 − take) of what you are paid.";
pub const GAP: &str = "How much less you earn than with the best validator here.";
pub const RAISED: &str = "18 % is the chain's maximum take, exactly 11,796/65,535 = 17.9995 %. A take may be lowered any time but raised only once 216,000 blocks (30 days) have passed since the validator last changed it, up or down. If this validator raised its take to the maximum as soon as it may (at once when it has not changed it for 30 days, else when the 30 days are up), your earnings would be this much lower.";
pub const SAME_SUBNET: &str = "Moving to another validator on the same subnet needs no swap: the chain moves your alpha between hotkeys, with no pool fee or slippage.";
pub const OTHER_SUBNET: &str = "Moving to another subnet is two pool legs: an unstake here and a stake there, each with its slippage, and one swap fee for the whole move (move_stake.rs: on the unstake leg). The better yield has to earn that back first.";
pub const MODEL: &str = "The comparison puts the same stake on every validator at today's rates; the amount is converted to alpha at the spot price (the entry swap is the same whichever validator you pick).";
pub const REALISED: &str = "What the chain actually paid the row's hotkey's delegators: alpha per share now against 30 days ago, annualised on a 365-day year. Read from an archive node when you ask; “not read” until then, “no hotkey” for a row without one.";
pub const REALISED_NOTE: &str = "“Realised, 30 days” is the chain's own record, not the model: each row's hotkey, its alpha per share over the last 30 days annualised on 365 days, read from an archive node (archive=, else the one used last here, else the public one). The hotkeys are sent to that node only.";
pub const NO_SUBNET: &str = "A pool typed by hand is no subnet on the chain: choose a subnet to read what its validators paid.";
pub const NO_HOTKEYS: &str = "No row has a hotkey: type one (an SS58 address) in a row under Validators, or give them as hotkeys=.";
