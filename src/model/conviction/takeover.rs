//! When a lock's conviction passes a level, another lock, or the takeover gate (SPEC §4), and
//! the outlook the conviction page shows: the lock at the horizon, its peak, the gate, the
//! owner, the subnet's age, and the curve for the chart.

use super::{days, ConvictionError, Lock, LockSpec, SUBNET_AGE_GATE_BLOCKS};
use crate::model::num::dec::DecimalOps;
use crate::model::num::precise::checked;
use crate::model::staking::emission::BLOCKS_PER_DAY;
use rust_decimal::Decimal;

/// The first block (continuous) at which `f(t) > 0`, given `f` changes sign at most once on
/// `[0, limit]`; `None` if it never does there.
fn first_positive(
    limit: Decimal,
    f: impl Fn(Decimal) -> Result<Decimal, ConvictionError>,
) -> Result<Option<Decimal>, ConvictionError> {
    if f(Decimal::ZERO)? > Decimal::ZERO {
        return Ok(Some(Decimal::ZERO));
    }
    if f(limit)? <= Decimal::ZERO {
        return Ok(None);
    }
    let (mut low, mut high) = (Decimal::ZERO, limit);
    for _ in 0..80 {
        let mid = (low + high) / Decimal::TWO;
        if f(mid)? > Decimal::ZERO {
            high = mid;
        } else {
            low = mid;
        }
    }
    Ok(Some(high))
}

/// The first block in `[from, to]` at which `f(t) > 0` where `f` may rise and fall again: `f` is
/// sampled at `SCAN_STEPS` even points and the first crossing bisected. A bump narrower than a
/// step (about 28 days over 20 years) between two samples is missed; `first_positive` is exact
/// when `f` changes sign at most once.
fn first_positive_scan(
    from: Decimal,
    to: Decimal,
    f: impl Fn(Decimal) -> Result<Decimal, ConvictionError>,
) -> Result<Option<Decimal>, ConvictionError> {
    const SCAN_STEPS: u32 = 256;
    if f(from)? > Decimal::ZERO {
        return Ok(Some(from));
    }
    let step = (to - from) / Decimal::from(SCAN_STEPS);
    let mut before = from;
    for i in 1..=SCAN_STEPS {
        let at = if i == SCAN_STEPS {
            to
        } else {
            from + step * Decimal::from(i)
        };
        if f(at)? > Decimal::ZERO {
            let shifted = first_positive(at - before, |t| f(before + t))?;
            return Ok(shifted.map(|t| before + t));
        }
        before = at;
    }
    Ok(None)
}

/// How far ahead the takeover questions look: 20 years.
pub fn search_limit() -> Decimal {
    Decimal::from(20 * 365 * u64::from(BLOCKS_PER_DAY))
}

/// When `lock`'s conviction first passes `level` (blocks), or `None` if it never does.
pub fn blocks_to_pass(lock: &LockSpec, level: Decimal) -> Result<Option<Decimal>, ConvictionError> {
    // Up to its peak conviction rises monotonically; after it, it only falls.
    let limit = match lock.peak()? {
        Some((at, _)) => at,
        None => search_limit(),
    };
    first_positive(limit, |t| Ok(lock.at(t)?.conviction - level))
}

/// When `challenger`'s conviction first exceeds `owner`'s, or `None`. Both are sums of two
/// exponentials, so their difference changes sign at most once.
pub fn blocks_to_beat(
    challenger: &LockSpec,
    owner: &LockSpec,
) -> Result<Option<Decimal>, ConvictionError> {
    first_positive(search_limit(), |t| {
        Ok(challenger.at(t)?.conviction - owner.at(t)?.conviction)
    })
}

/// The condition for a subnet's ownership to pass to the top-conviction hotkey. It has changed
/// over time; both versions are offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gate {
    /// Since August 2026: one hotkey's own conviction above this fraction of the eligible alpha
    /// (alpha outstanding less burned and protocol alpha); 0.18 by default.
    SingleHotkey(Decimal),
    /// Before: total conviction times 10 at least the alpha outstanding.
    TotalTimesTen,
}

/// When the gate opens for `challenger` (blocks), given the owner's lock if any and the
/// eligible alpha (or alpha outstanding, for the old rule); `None` if it never does.
pub fn blocks_to_gate(
    challenger: &LockSpec,
    owner: Option<&LockSpec>,
    eligible: Decimal,
    gate: Gate,
) -> Result<Option<Decimal>, ConvictionError> {
    match gate {
        Gate::SingleHotkey(share) => {
            let level = checked(eligible.try_mul(share))?;
            // Passing means strictly above the level.
            blocks_to_pass(challenger, level)
        }
        Gate::TotalTimesTen => {
            // The total rises and falls again when a lock decays: scan up to the last peak,
            // after which it only falls (to 20 years when a perpetual lock keeps rising).
            let mut end = Decimal::ZERO;
            for lock in std::iter::once(challenger).chain(owner) {
                end = end.max(match lock.peak()? {
                    Some((at, _)) => at,
                    None => search_limit(),
                });
            }
            first_positive_scan(Decimal::ZERO, end, |t| {
                gate_margin(challenger, owner, eligible, gate, t)
            })
        }
    }
}

/// How far the gate is passed at `t` (positive once it is).
fn gate_margin(
    challenger: &LockSpec,
    owner: Option<&LockSpec>,
    eligible: Decimal,
    gate: Gate,
    t: Decimal,
) -> Result<Decimal, ConvictionError> {
    match gate {
        Gate::SingleHotkey(share) => {
            Ok(challenger.at(t)?.conviction - checked(eligible.try_mul(share))?)
        }
        Gate::TotalTimesTen => {
            let mut total = challenger.at(t)?.conviction;
            if let Some(owner) = owner {
                total = checked(total.try_add(owner.at(t)?.conviction))?;
            }
            // At least the alpha outstanding: equality passes.
            Ok(checked(total.try_mul(Decimal::TEN))? - eligible + Decimal::new(1, 28))
        }
    }
}

/// Blocks until a subnet of `age` blocks may change owner (0 if it is a year old already).
pub fn age_gate_blocks_left(age: u64) -> u64 {
    SUBNET_AGE_GATE_BLOCKS.saturating_sub(age)
}

/// A planned lock over a horizon, and whether and when it could take a subnet over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outlook {
    pub horizon: Lock,
    /// `(blocks from now, conviction)` of the highest conviction; `None` for perpetual locks.
    pub peak: Option<(Decimal, Decimal)>,
    /// What the gate asks of the challenger's conviction (single rule) or of the total (old rule).
    pub gate_level: Decimal,
    pub gate_blocks: Option<Decimal>,
    pub beat_owner_blocks: Option<Decimal>,
    /// Blocks until the subnet is a year old; `None` when its age is unknown.
    pub age_left_blocks: Option<u64>,
    /// The first block at which all three hold; `None` if one never does (or age is unknown).
    pub takeover_blocks: Option<Decimal>,
}

/// Roll `challenger` forward `horizon_blocks`, and find when it passes the gate, when it
/// passes the owner's conviction, and when the subnet's age allows a change of owner.
pub fn outlook(
    challenger: &LockSpec,
    owner: &LockSpec,
    eligible: Decimal,
    gate: Gate,
    horizon_blocks: u64,
    subnet_age: Option<u64>,
) -> Result<Outlook, ConvictionError> {
    let gate_level = match gate {
        Gate::SingleHotkey(share) => checked(eligible.try_mul(share))?,
        Gate::TotalTimesTen => checked(eligible.try_div(Decimal::TEN))?,
    };
    let gate_blocks = blocks_to_gate(challenger, Some(owner), eligible, gate)?;
    let beat_owner_blocks = blocks_to_beat(challenger, owner)?;
    let age_left_blocks = subnet_age.map(age_gate_blocks_left);
    // All three must hold at once: each turns on at its own block, but a decaying lock can be
    // back under the gate or the owner by the time the others hold, so the first block at which
    // both conviction conditions hold is searched from the latest of the three.
    let takeover_blocks = match (gate_blocks, beat_owner_blocks, age_left_blocks) {
        (Some(g), Some(b), Some(a)) => {
            let from = g.max(b).max(Decimal::from(a));
            first_positive_scan(from, from.max(search_limit()), |t| {
                let gate = gate_margin(challenger, Some(owner), eligible, gate, t)?;
                Ok(gate.min(challenger.at(t)?.conviction - owner.at(t)?.conviction))
            })?
        }
        _ => None,
    };
    Ok(Outlook {
        horizon: challenger.after(horizon_blocks)?,
        peak: challenger.peak()?,
        gate_level,
        gate_blocks,
        beat_owner_blocks,
        age_left_blocks,
        takeover_blocks,
    })
}

/// Both locks sampled at `steps + 1` even points over the horizon, for the chart:
/// `[day, challenger's locked, challenger's conviction, owner's conviction]`.
pub fn curve(
    challenger: &LockSpec,
    owner: &LockSpec,
    horizon_blocks: u64,
    steps: u64,
) -> Result<Vec<[Decimal; 4]>, ConvictionError> {
    let steps = steps.max(1);
    (0..=steps)
        .map(|i| {
            // horizon * i / steps, without overflowing.
            let blocks = horizon_blocks / steps * i + horizon_blocks % steps * i / steps;
            let mine = challenger.after(blocks)?;
            let theirs = owner.after(blocks)?;
            Ok([
                days(Decimal::from(blocks)),
                mine.locked,
                mine.conviction,
                theirs.conviction,
            ])
        })
        .collect()
}
