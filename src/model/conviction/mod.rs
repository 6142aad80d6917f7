//! Conviction locks (SPEC §4, subtensor `pallets/subtensor/src/staking/lock.rs`). A coldkey
//! locks alpha on one hotkey per subnet; locked alpha keeps earning but cannot be unstaked. A
//! lock has no end date. Its conviction grows toward the locked amount (perpetual), or rises
//! and falls while the lock itself unlocks (decaying, the default). With `dt` blocks elapsed,
//! `tu` the UnlockRate and `tm` the MaturityRate (both blocks):
//!
//! - perpetual: `m' = m`, `c' = c e^(-dt/tm) + m (1 - e^(-dt/tm))`;
//! - decaying: `m' = m e^(-dt/tu)`, `c' = c e^(-dt/tm) + m g`, with `g = (dt/tm) e^(-dt/tm)`
//!   when `tu = tm`, else `g = max(0, tu (e^(-dt/tu) - e^(-dt/tm)) / (tu - tm))`;
//! - a lock on the subnet owner's own hotkey has conviction equal to its locked amount at once.

pub mod takeover;

use crate::model::num::dec::DecimalOps;
use crate::model::num::precise::{checked, exp, ln, OutOfRange};
use crate::model::staking::emission::BLOCKS_PER_DAY;
use rust_decimal::Decimal;
use std::fmt;

/// UnlockRate and MaturityRate in the code: 934,866 blocks, a 90-day half-life.
pub const CODE_DEFAULT_RATE: u64 = 934_866;
/// MaturityRate on mainnet per the docs: 311,622 blocks, a 30-day half-life.
pub const DOCS_MATURITY_RATE: u64 = 311_622;
/// A subnet must be this old (blocks, one year) before its ownership can change.
pub const SUBNET_AGE_GATE_BLOCKS: u64 = 2_629_800;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Perpetual,
    Decaying,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rates {
    /// UnlockRate, blocks.
    pub unlock: u64,
    /// MaturityRate, blocks.
    pub maturity: u64,
}

/// A lock's state: locked alpha and conviction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lock {
    pub locked: Decimal,
    pub conviction: Decimal,
}

/// One hotkey's lock as it evolves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LockSpec {
    pub start: Lock,
    pub mode: Mode,
    pub rates: Rates,
    /// On the subnet owner's own hotkey: conviction equals the locked amount.
    pub owner_hotkey: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConvictionError {
    ZeroRate,
    Negative,
    OutOfRange,
}

impl fmt::Display for ConvictionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConvictionError::ZeroRate => {
                write!(f, "UnlockRate and MaturityRate must be at least 1 block.")
            }
            ConvictionError::Negative => {
                write!(f, "Locked alpha and conviction cannot be negative.")
            }
            ConvictionError::OutOfRange => write!(
                f,
                "These numbers are beyond what the calculator can compute."
            ),
        }
    }
}

impl From<OutOfRange> for ConvictionError {
    fn from(_: OutOfRange) -> Self {
        ConvictionError::OutOfRange
    }
}

/// `e^(-dt / rate)`.
fn decay(dt: Decimal, rate: u64) -> Result<Decimal, ConvictionError> {
    Ok(exp(-checked(dt.try_div(Decimal::from(rate)))?)?)
}

/// Half-life of a rate in days: `rate ln 2 / 7,200`.
pub fn half_life_days(rate: u64) -> Decimal {
    let ln2 = Decimal::from_parts(2_860_148_159, 2_180_329_217, 375_755_839, false, 28);
    Decimal::from(rate) * ln2 / Decimal::from(BLOCKS_PER_DAY)
}

impl LockSpec {
    fn check(&self) -> Result<(), ConvictionError> {
        if self.rates.unlock == 0 || self.rates.maturity == 0 {
            return Err(ConvictionError::ZeroRate);
        }
        if self.start.locked.is_sign_negative() || self.start.conviction.is_sign_negative() {
            return Err(ConvictionError::Negative);
        }
        Ok(())
    }

    /// The lock after `blocks` blocks (fractional blocks allowed, for a continuous curve).
    pub fn at(&self, blocks: Decimal) -> Result<Lock, ConvictionError> {
        self.check()?;
        let (m, c) = (self.start.locked, self.start.conviction);
        let (tu, tm) = (self.rates.unlock, self.rates.maturity);
        let em = decay(blocks, tm)?;
        let (locked, conviction) = match self.mode {
            Mode::Perpetual => (
                m,
                checked(
                    c.try_mul(em)
                        .and_then(|a| m.try_mul(Decimal::ONE - em).and_then(|b| a.try_add(b))),
                )?,
            ),
            Mode::Decaying => {
                let eu = decay(blocks, tu)?;
                let g = if tu == tm {
                    checked(
                        blocks
                            .try_div(Decimal::from(tm))
                            .and_then(|t| t.try_mul(em)),
                    )?
                } else {
                    let (tu_d, tm_d) = (Decimal::from(tu), Decimal::from(tm));
                    checked(tu_d.try_mul(eu - em).and_then(|v| v.try_div(tu_d - tm_d)))?
                        .max(Decimal::ZERO)
                };
                let locked = checked(m.try_mul(eu))?;
                let conviction = checked(
                    c.try_mul(em)
                        .and_then(|a| m.try_mul(g).and_then(|b| a.try_add(b))),
                )?;
                (locked, conviction)
            }
        };
        let conviction = if self.owner_hotkey {
            locked
        } else {
            conviction
        };
        Ok(Lock { locked, conviction })
    }

    /// `at` for whole blocks.
    pub fn after(&self, blocks: u64) -> Result<Lock, ConvictionError> {
        self.at(Decimal::from(blocks))
    }

    /// When conviction is highest and how high, in blocks from now. Perpetual locks approach
    /// their locked amount without a peak (`None`); for a decaying lock
    /// `c(t) = A e^(-t/tu) + B e^(-t/tm)` has one turning point, found in closed form.
    pub fn peak(&self) -> Result<Option<(Decimal, Decimal)>, ConvictionError> {
        self.check()?;
        if self.mode == Mode::Perpetual {
            return Ok(None);
        }
        if self.owner_hotkey {
            // Conviction is the locked amount, which only unlocks.
            return Ok(Some((Decimal::ZERO, self.start.locked)));
        }
        let (m, c) = (self.start.locked, self.start.conviction);
        let (tu, tm) = (
            Decimal::from(self.rates.unlock),
            Decimal::from(self.rates.maturity),
        );
        let t = if tu == tm {
            // c(t) = (c + m t / tm) e^(-t/tm): highest at t = tm (1 - c / m).
            if m.is_zero() {
                Decimal::ZERO
            } else {
                checked(
                    Decimal::ONE
                        .try_sub(checked(c.try_div(m))?)
                        .and_then(|f| f.try_mul(tm)),
                )?
                .max(Decimal::ZERO)
            }
        } else {
            let a = checked(m.try_mul(tu).and_then(|v| v.try_div(tu - tm)))?;
            let b = checked(c.try_sub(a))?;
            // c'(t) = 0 where e^(t (1/tm - 1/tu)) = -(B tu) / (A tm).
            let ratio = if a.is_zero() {
                Decimal::ZERO
            } else {
                checked((-b).try_mul(tu).and_then(|v| v.try_div(a.try_mul(tm)?)))?
            };
            let speed = checked(
                Decimal::ONE
                    .try_div(tm)
                    .and_then(|x| Decimal::ONE.try_div(tu).and_then(|y| x.try_sub(y))),
            )?;
            if ratio <= Decimal::ZERO {
                Decimal::ZERO
            } else {
                checked(ln(ratio)?.try_div(speed))?.max(Decimal::ZERO)
            }
        };
        Ok(Some((t, self.at(t)?.conviction)))
    }
}

/// Blocks as days.
pub fn days(blocks: Decimal) -> Decimal {
    blocks / Decimal::from(BLOCKS_PER_DAY)
}

#[cfg(test)]
mod tests;
