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
mod tests {
    use super::takeover::*;
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn lock(mode: Mode, tu: u64, tm: u64) -> LockSpec {
        LockSpec {
            start: Lock {
                locked: d("10000"),
                conviction: Decimal::ZERO,
            },
            mode,
            rates: Rates {
                unlock: tu,
                maturity: tm,
            },
            owner_hotkey: false,
        }
    }

    /// SPEC §4: 10,000 alpha locked at block 0, after 90 days (648,000 blocks).
    #[test]
    fn spec_worked_figures() {
        let at = |l: LockSpec| l.after(648_000).unwrap();
        let p = at(lock(Mode::Perpetual, CODE_DEFAULT_RATE, CODE_DEFAULT_RATE));
        assert_eq!(p.conviction.round(), d("5000"));
        let p = at(lock(Mode::Perpetual, CODE_DEFAULT_RATE, DOCS_MATURITY_RATE));
        assert_eq!(p.conviction.round(), d("8750"));
        let x = at(lock(Mode::Decaying, CODE_DEFAULT_RATE, CODE_DEFAULT_RATE));
        assert_eq!(x.locked.round(), d("5000"));
        assert_eq!(x.conviction.round_dp(1), d("3465.7"));
        let x = at(lock(Mode::Decaying, CODE_DEFAULT_RATE, DOCS_MATURITY_RATE));
        assert_eq!(x.locked.round(), d("5000"));
        assert_eq!(x.conviction.round(), d("5625"));
        assert_eq!(half_life_days(CODE_DEFAULT_RATE).round(), d("90"));
        assert_eq!(half_life_days(DOCS_MATURITY_RATE).round(), d("30"));
    }

    #[test]
    fn curve_spans_the_horizon_evenly() {
        let mine = lock(Mode::Decaying, CODE_DEFAULT_RATE, CODE_DEFAULT_RATE);
        let owner = lock(Mode::Perpetual, CODE_DEFAULT_RATE, CODE_DEFAULT_RATE);
        let points = curve(&mine, &owner, 648_000, 48).unwrap();
        assert_eq!(points.len(), 49);
        assert_eq!(
            points[0],
            [Decimal::ZERO, d("10000"), Decimal::ZERO, Decimal::ZERO]
        );
        assert_eq!(points[24][0], d("45"));
        let last = points[48];
        assert_eq!(last[0], d("90"));
        assert_eq!(last[1], mine.after(648_000).unwrap().locked);
        assert_eq!(last[3].round(), d("5000"));
    }

    #[test]
    fn peaks_where_the_slope_is_zero() {
        for (tu, tm) in [(934_866, 934_866), (934_866, 311_622), (311_622, 934_866)] {
            let l = lock(Mode::Decaying, tu, tm);
            let (t, top) = l.peak().unwrap().unwrap();
            assert!(t > Decimal::ZERO);
            let step = d("1000");
            assert!(l.at(t - step).unwrap().conviction <= top);
            assert!(l.at(t + step).unwrap().conviction <= top);
        }
        // Equal rates: the peak is at t = tm, c = m / e.
        let (t, top) = lock(Mode::Decaying, 100, 100).peak().unwrap().unwrap();
        assert_eq!(t, d("100"));
        assert_eq!(top.round_dp(6), d("3678.794412"));
        assert_eq!(lock(Mode::Perpetual, 100, 100).peak().unwrap(), None);
    }

    #[test]
    fn passing_a_level_and_an_owner() {
        let l = lock(Mode::Perpetual, CODE_DEFAULT_RATE, CODE_DEFAULT_RATE);
        let t = blocks_to_pass(&l, d("5000")).unwrap().unwrap();
        // Half of 10,000 after one half-life.
        assert!((days(t) - half_life_days(CODE_DEFAULT_RATE)).abs() < d("0.001"));
        assert_eq!(blocks_to_pass(&l, d("10000")).unwrap(), None);
        let decaying = lock(Mode::Decaying, CODE_DEFAULT_RATE, CODE_DEFAULT_RATE);
        assert_eq!(
            blocks_to_pass(&decaying, d("4000")).unwrap(),
            None,
            "peaks at 3,679"
        );
        let owner = LockSpec {
            owner_hotkey: true,
            start: Lock {
                locked: d("3000"),
                conviction: Decimal::ZERO,
            },
            ..l
        };
        let beat = blocks_to_beat(&l, &owner).unwrap().unwrap();
        assert!((l.at(beat).unwrap().conviction - d("3000")).abs() < d("0.001"));
    }

    #[test]
    fn gates() {
        let l = lock(Mode::Perpetual, CODE_DEFAULT_RATE, CODE_DEFAULT_RATE);
        // 18 % of 30,000 eligible = 5,400: after a bit more than one half-life.
        let t = blocks_to_gate(&l, None, d("30000"), Gate::SingleHotkey(d("0.18")))
            .unwrap()
            .unwrap();
        assert!(days(t) > half_life_days(CODE_DEFAULT_RATE));
        assert!((l.at(t).unwrap().conviction - d("5400")).abs() < d("0.001"));
        // Old rule: total x 10 >= 60,000 needs 6,000 of conviction in all; an owner's 1,000
        // counts too.
        let owner = LockSpec {
            owner_hotkey: true,
            start: Lock {
                locked: d("1000"),
                conviction: Decimal::ZERO,
            },
            ..l
        };
        let t = blocks_to_gate(&l, Some(&owner), d("60000"), Gate::TotalTimesTen)
            .unwrap()
            .unwrap();
        assert!((l.at(t).unwrap().conviction - d("5000")).abs() < d("0.001"));
        assert_eq!(
            blocks_to_gate(&l, None, d("1000000"), Gate::SingleHotkey(d("0.18"))).unwrap(),
            None
        );
        assert_eq!(age_gate_blocks_left(0), SUBNET_AGE_GATE_BLOCKS);
        assert_eq!(age_gate_blocks_left(u64::MAX), 0);
    }

    #[test]
    fn edge_cases_do_not_panic() {
        let l = lock(Mode::Decaying, 1, 1);
        assert_eq!(l.after(0).unwrap().conviction, Decimal::ZERO);
        assert_eq!(l.after(u64::MAX).unwrap().locked, Decimal::ZERO);
        assert_eq!(
            lock(Mode::Decaying, 0, 5).after(10),
            Err(ConvictionError::ZeroRate)
        );
        let tu_small = lock(Mode::Decaying, 10, 1_000_000);
        assert!(tu_small.after(500).unwrap().conviction >= Decimal::ZERO);
    }
}
