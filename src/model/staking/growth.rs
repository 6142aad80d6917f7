//! How a staked position grows when each epoch's rewards are restaked (SPEC §2):
//! `S_(k+1) = S_k (1 + c / A_k)` with `c = V (1 - take) vtrust`. If the rest of the stake does
//! not grow, `A_k = A_0` and the rate is constant; if everyone restakes too, `A_k = A_0 + k V`
//! and the product has a closed form in Gamma functions, so any horizon costs the same.

use crate::model::num::precise::{checked, expm1, ln1p, ln_gamma, OutOfRange};
use rust_decimal::Decimal;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Growth {
    /// The same rate every epoch (an observed yield, or nobody else restaking).
    Constant { rate: Decimal },
    /// Everyone restakes: the alpha sharing each epoch's pool grows by the pool. Build it with
    /// `Growth::diluting`, which also works out the part of the product that does not depend on
    /// the horizon.
    Diluting {
        /// `c = V (1 - take) vtrust`: what the whole stake would earn per epoch at A_k = 1.
        earned: Decimal,
        /// A_0: the alpha sharing the first epoch's pool.
        stake_total: Decimal,
        /// V: the pool added to the stake every epoch.
        pool_per_epoch: Decimal,
        /// `ln Gamma(a) - ln Gamma(b)`, with `a = (A0 + c) / V`, `b = A0 / V`.
        log_start: Decimal,
    },
}

impl Growth {
    /// The diluting growth of a stake of `stake_total` earning `earned` per epoch while the
    /// stake grows by `pool_per_epoch` each epoch.
    pub fn diluting(
        earned: Decimal,
        stake_total: Decimal,
        pool_per_epoch: Decimal,
    ) -> Result<Growth, OutOfRange> {
        let log_start = if pool_per_epoch.is_zero() || stake_total <= Decimal::ZERO {
            Decimal::ZERO
        } else {
            let (a, b) = Self::gamma_arguments(earned, stake_total, pool_per_epoch)?;
            checked(ln_gamma(a)?.checked_sub(ln_gamma(b)?))?
        };
        Ok(Growth::Diluting {
            earned,
            stake_total,
            pool_per_epoch,
            log_start,
        })
    }

    /// `a = (A0 + c) / V` and `b = A0 / V`.
    fn gamma_arguments(
        earned: Decimal,
        stake_total: Decimal,
        pool_per_epoch: Decimal,
    ) -> Result<(Decimal, Decimal), OutOfRange> {
        let b = checked(stake_total.checked_div(pool_per_epoch))?;
        let a = checked(
            stake_total
                .checked_add(earned)
                .and_then(|s| s.checked_div(pool_per_epoch)),
        )?;
        Ok((a, b))
    }

    /// The rate of the first epoch.
    pub fn first_rate(&self) -> Result<Decimal, OutOfRange> {
        match *self {
            Growth::Constant { rate } => Ok(rate),
            Growth::Diluting {
                earned,
                stake_total,
                ..
            } => checked(earned.checked_div(stake_total)),
        }
    }

    /// `S_n / S_0` after `n` payouts.
    pub fn factor(&self, epochs: u64) -> Result<Decimal, OutOfRange> {
        if epochs == 0 {
            return Ok(Decimal::ONE);
        }
        let n = Decimal::from(epochs);
        let log = match *self {
            Growth::Constant { rate } => checked(ln1p(rate)?.checked_mul(n))?,
            Growth::Diluting {
                earned,
                stake_total,
                pool_per_epoch,
                log_start,
            } => {
                if pool_per_epoch.is_zero() {
                    return Ok(Decimal::ONE);
                }
                if stake_total <= Decimal::ZERO {
                    return Err(OutOfRange);
                }
                // prod_(k<n) (A0 + kV + c) / (A0 + kV)
                //   = Gamma(n + a) Gamma(b) / (Gamma(a) Gamma(n + b)), a = (A0 + c) / V, b = A0 / V.
                let (a, b) = Self::gamma_arguments(earned, stake_total, pool_per_epoch)?;
                let later = checked(
                    ln_gamma(checked(n.checked_add(a))?)?
                        .checked_sub(ln_gamma(checked(n.checked_add(b))?)?),
                )?;
                checked(later.checked_sub(log_start))?
            }
        };
        checked(expm1(log)?.checked_add(Decimal::ONE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn diluting_matches_the_epoch_by_epoch_product() {
        let growth = Growth::diluting(d("89.25"), d("1200000"), d("108.8")).unwrap();
        // The same product taken one epoch at a time.
        let (mut s, mut a) = (Decimal::ONE, d("1200000"));
        for _ in 0..500 {
            s *= Decimal::ONE + d("89.25") / a;
            a += d("108.8");
        }
        let closed = growth.factor(500).unwrap();
        assert!((closed - s).abs() < d("1e-20"), "{closed} vs {s}");
        assert_eq!(growth.factor(0).unwrap(), Decimal::ONE);
        let flat = Growth::Constant { rate: d("0.001") };
        assert!((flat.factor(2).unwrap() - d("1.002001")).abs() < d("1e-24"));
    }
}
