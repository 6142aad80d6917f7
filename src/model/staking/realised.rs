//! What staking through a validator really paid (issue 33): the chain's per-hotkey stake
//! accounting (SPEC §5, "per-hotkey stake accounting"). A hotkey's alpha on a subnet,
//! `TotalHotkeyAlpha(hotkey, netuid)`, over its total shares (`TotalHotkeyShares`, a U64F64, in
//! older runtimes; `TotalHotkeySharesV2`, a SafeFloat, from spec 461 where the old map has no
//! entry) is its alpha per share. Stakes and unstakes move both sides alike; only the hotkey's
//! dividends after take (`staking/helpers.rs` `increase_stake_for_hotkey_on_subnet`) move the
//! ratio, so `aps(t1) / aps(t0) = alpha1 × shares0 / (alpha0 × shares1)` is what a delegator's
//! alpha grew by between the blocks, to the rao. It is computed here exactly from the stored
//! integers, in 512 bits, and turned into a Decimal only at the end.

use crate::model::num::dec::DecimalOps;
use crate::model::num::precise::checked;
use crate::model::staking::basket::annualised;
use primitive_types::U512;
use rust_decimal::Decimal;

/// The largest SafeFloat exponent, either sign, the exact ratio takes: 10^38 is the widest
/// power of ten that keeps every product within 512 bits (a real SafeFloat stays far inside).
pub const MAX_EXPONENT: i64 = 38;

/// A rational number of 512-bit integers: `num / den`, `den` never zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exact {
    pub num: U512,
    pub den: U512,
}

impl Exact {
    /// `floor(amount × num / den)`, or `None` when it does not fit in u64.
    pub fn floor_of(&self, amount: u64) -> Option<u64> {
        let product = U512::from(amount).checked_mul(self.num)?;
        let q = product / self.den;
        (q <= U512::from(u64::MAX)).then(|| q.low_u64())
    }

    /// The ratio as a Decimal, truncated at the finest scale (at most 28 places) whose mantissa
    /// fits Decimal's 96 bits; `None` when the whole part does not fit.
    pub fn decimal(&self) -> Option<Decimal> {
        const MAX_MANTISSA: u128 = u128::MAX >> 32;
        let whole = self.num / self.den;
        if whole > U512::from(MAX_MANTISSA) {
            return None;
        }
        let (mut q, mut r, mut scale) = (whole.low_u128(), self.num % self.den, 0u32);
        while scale < 28 {
            let t = r * U512::from(10u8);
            let digit = (t / self.den).low_u128();
            let next = match q.checked_mul(10).and_then(|v| v.checked_add(digit)) {
                Some(n) if n <= MAX_MANTISSA => n,
                _ => break,
            };
            q = next;
            r = t % self.den;
            scale += 1;
        }
        Decimal::try_from_i128_with_scale(i128::try_from(q).ok()?, scale).ok()
    }
}

impl Exact {
    /// `TotalHotkeyShares`, a U64F64: `bits / 2^64`.
    pub fn fixed_shares(bits: u128) -> Exact {
        Exact {
            num: U512::from(bits),
            den: U512::one() << 64,
        }
    }

    /// `TotalHotkeySharesV2`, a SafeFloat: `mantissa × 10^exponent`; `None` beyond
    /// ±`MAX_EXPONENT`.
    pub fn safe_shares(mantissa: u128, exponent: i64) -> Option<Exact> {
        if exponent.unsigned_abs() > MAX_EXPONENT.unsigned_abs() {
            return None;
        }
        let power = U512::from(10u8).pow(U512::from(exponent.unsigned_abs()));
        Some(if exponent >= 0 {
            Exact {
                num: U512::from(mantissa) * power,
                den: U512::one(),
            }
        } else {
            Exact {
                num: U512::from(mantissa),
                den: power,
            }
        })
    }
}

/// A hotkey's stake accounting on a subnet at one block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Accounting {
    pub block: u64,
    /// `TotalHotkeyAlpha`, rao; `None` when there is no entry.
    pub alpha_rao: Option<u64>,
    /// The total shares' value; `None` when there is no entry.
    pub shares: Option<Exact>,
}

/// The hotkey's alpha and shares at a block as a fraction (alpha per share), or why there is
/// none: no stake or no shares.
pub fn alpha_per_share(state: &Accounting) -> Result<Exact, String> {
    let none = || {
        format!(
            "The validator had no stake then: at block {} it held no alpha or no shares on this \
             subnet (not registered, or nothing staked), so it has no alpha per share.",
            state.block
        )
    };
    let alpha = state.alpha_rao.filter(|&a| a > 0).ok_or_else(none)?;
    let value = state.shares.ok_or_else(none)?;
    if value.num.is_zero() {
        return Err(none());
    }
    Ok(Exact {
        num: U512::from(alpha) * value.den,
        den: value.num,
    })
}

/// `aps(t1) / aps(t0) = alpha1 × shares0 / (alpha0 × shares1)`, exactly.
pub fn growth(t0: &Accounting, t1: &Accounting) -> Result<Exact, String> {
    let a0 = alpha_per_share(t0)?;
    let a1 = alpha_per_share(t1)?;
    Ok(Exact {
        num: a1.num * a0.den,
        den: a1.den * a0.num,
    })
}

/// A realised yield between two blocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Realised {
    pub from_block: u64,
    pub to_block: u64,
    /// The nominal days the window stands for (1, 7, 30 or the window asked).
    pub days: u32,
    /// `aps(t1) / aps(t0)`, exact to 28 places.
    pub growth: Decimal,
    /// `(growth^(365 / days) - 1) × 100`, on the app's 365-day year.
    pub apy_pct: Decimal,
}

/// The delegators' realised yield between `t0` and `t1`, annualised over `days` nominal days.
pub fn realised(t0: &Accounting, t1: &Accounting, days: u32) -> Result<Realised, String> {
    if days == 0 {
        return Err("A window of 0 days has no yield: choose at least 1 day.".to_string());
    }
    let exact = growth(t0, t1)?;
    let far =
        || "The alpha per share changed too much between these blocks to compute.".to_string();
    let g = exact.decimal().ok_or_else(far)?;
    let gained = checked(g.try_sub(Decimal::ONE)).map_err(|_| far())?;
    let apy = annualised(gained, Decimal::from(days)).map_err(|_| far())?;
    let apy_pct = checked(apy.try_mul(Decimal::ONE_HUNDRED)).map_err(|_| far())?;
    Ok(Realised {
        from_block: t0.block,
        to_block: t1.block,
        days,
        growth: g,
        apy_pct,
    })
}

#[cfg(test)]
#[path = "realised_tests.rs"]
mod tests;
