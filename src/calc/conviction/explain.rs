//! What the conviction-lock calculator's figures mean. The formulas are in `model::conviction`.

pub const LOCKED: &str = "Alpha still locked at the horizon. A decaying lock unlocks by e^(−t/UnlockRate); a perpetual one stays. Locked alpha keeps earning emissions; it only cannot be unstaked.";
pub const CONVICTION: &str = "The lock's conviction at the horizon: it grows toward the locked amount at the MaturityRate, and on a decaying lock falls again as the lock unlocks.";
pub const PEAK: &str =
    "A decaying lock's conviction rises, peaks and falls; this is the top and when it comes.";
pub const GATE: &str = "Days until your conviction passes the takeover gate. The gate has changed: since August 2026 one hotkey's conviction must exceed a share (18 %) of the eligible alpha; before, total conviction × 10 had to reach the alpha outstanding.";
pub const BEAT_OWNER: &str = "Days until your conviction exceeds the owner's. A lock on the owner's own hotkey has conviction equal to its locked amount at once. A simplification: the chain hands the subnet to the top-conviction hotkey of ALL locks, so another challenger ahead of you would win first; this compares you with the owner only.";
pub const LIQUIDITY: &str = "What the locked alpha would fetch through the pool now, if it were free to sell: the liquidity the lock costs you.";
pub const TAKEOVER: &str = "After each epoch, on a subnet at least a year old (2,629,800 blocks, 365.25 days), the coldkey behind the top-conviction hotkey becomes owner once the gate is met. The earliest day all of that holds, taking you as the top hotkey once you pass the owner (the chain compares every hotkey).";
pub const RATES: &str = "UnlockRate and MaturityRate are set by governance. The code's default is 934,866 blocks for both (90-day half-lives); the docs give 311,622 for MaturityRate on mainnet (30 days).";
