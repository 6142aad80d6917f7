//! How a staked position grows when each epoch's rewards are restaked (SPEC §2):
//! `S_(k+1) = S_k (1 + c / A_k)` with `c = V (1 - take) vtrust`. If the rest of the stake does
//! not grow, `A_k = A_0` and the rate is constant; if everyone restakes too, `A_k = A_0 + k V`
//! and the product has a closed form in Gamma functions, so any horizon costs the same.

use crate::model::num::dec::DecimalOps;
use crate::model::num::fixed_series;
use crate::model::num::precise::{checked, expm1, ln, ln1p, ln_gamma, OutOfRange};
use crate::model::num::tables::GAMMA_STEP_POLY;
use rust_decimal::Decimal;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Growth {
    /// The same rate every epoch (an observed yield, or nobody else restaking). Build it with
    /// `Growth::constant`, which also takes `ln(1 + rate)` once for every horizon.
    Constant { rate: Decimal, log_rate: Decimal },
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
        /// `b = A0 / V` (0 when V or A0 is 0).
        b: Decimal,
        /// The coefficients of `ln Gamma(z + d) - ln Gamma(z)` in powers of `1 / z`, `d = c / V`
        /// (`gamma_step`).
        step: GammaStep,
    },
}

/// `ln Gamma(z + d) - ln Gamma(z)` for one `d` in [0, 1], fast for large `z`: the difference of
/// two Stirling series (DLMF 5.11.8) is `d ln z + sum_(k>=2) (-1)^k (B_k(d) - B_k) / (k (k-1)
/// z^(k-1))` with Bernoulli polynomials B_k; seven terms leave an error under 1e-27 from
/// `z = 1000`. One logarithm instead of two `ln_gamma`, which makes a horizon about three
/// times cheaper (the screener takes a break-even for every subnet). Below 1000, or for `d`
/// outside [0, 1], it is the two `ln_gamma`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GammaStep {
    d: Decimal,
    /// `(-1)^k (B_k(d) - B_k) / (k (k-1))` for k = 2..=8, in `fixed_series`' binary fixed
    /// point (the sum is taken there, a term at a time in `Decimal` was a fifth of a
    /// projection's time).
    terms: Option<[i128; 7]>,
}

/// Where the series takes over from `ln_gamma`.
const SERIES_FROM: i64 = 1000;

impl GammaStep {
    pub fn new(d: Decimal) -> GammaStep {
        GammaStep {
            d,
            terms: Self::terms(d).ok(),
        }
    }

    fn terms(d: Decimal) -> Result<[i128; 7], OutOfRange> {
        if d < Decimal::ZERO || d > Decimal::ONE {
            return Err(OutOfRange);
        }
        let mut powers = [Decimal::ONE; 9];
        for i in 1..9 {
            powers[i] = checked(powers[i - 1].try_mul(d))?;
        }
        let mut terms = [Decimal::ZERO; 7];
        for (term, poly) in terms.iter_mut().zip(GAMMA_STEP_POLY) {
            for (power, c) in powers.iter().zip(poly) {
                if !c.is_zero() {
                    *term = checked(term.try_add(checked(c.try_mul(*power))?))?;
                }
            }
        }
        let mut fixed = [0i128; 7];
        for (f, term) in fixed.iter_mut().zip(terms) {
            *f = fixed_series::fixed(term).ok_or(OutOfRange)?;
        }
        Ok(fixed)
    }

    /// `ln Gamma(z + d) - ln Gamma(z)`, z > 0.
    pub fn at(&self, z: Decimal) -> Result<Decimal, OutOfRange> {
        match self.terms {
            Some(terms) if z >= Decimal::from(SERIES_FROM) => {
                let tail = fixed_series::series_in_inverse(&terms, z).ok_or(OutOfRange)?;
                checked(checked(self.d.try_mul(ln(z)?))?.try_add(tail))
            }
            _ => checked(ln_gamma(checked(z.try_add(self.d))?)?.try_sub(ln_gamma(z)?)),
        }
    }
}

impl Growth {
    /// The same `rate` every epoch.
    pub fn constant(rate: Decimal) -> Result<Growth, OutOfRange> {
        Ok(Growth::Constant {
            rate,
            log_rate: ln1p(rate)?,
        })
    }

    /// The diluting growth of a stake of `stake_total` earning `earned` per epoch while the
    /// stake grows by `pool_per_epoch` each epoch.
    pub fn diluting(
        earned: Decimal,
        stake_total: Decimal,
        pool_per_epoch: Decimal,
    ) -> Result<Growth, OutOfRange> {
        if pool_per_epoch.is_zero() || stake_total <= Decimal::ZERO {
            return Ok(Growth::Diluting {
                earned,
                stake_total,
                pool_per_epoch,
                log_start: Decimal::ZERO,
                b: Decimal::ZERO,
                step: GammaStep::new(Decimal::ZERO),
            });
        }
        let (a, b) = Self::gamma_arguments(earned, stake_total, pool_per_epoch)?;
        let step = GammaStep::new(checked(a.try_sub(b))?);
        Ok(Growth::Diluting {
            earned,
            stake_total,
            pool_per_epoch,
            log_start: step.at(b)?,
            b,
            step,
        })
    }

    /// `a = (A0 + c) / V` and `b = A0 / V`.
    fn gamma_arguments(
        earned: Decimal,
        stake_total: Decimal,
        pool_per_epoch: Decimal,
    ) -> Result<(Decimal, Decimal), OutOfRange> {
        let b = checked(stake_total.try_div(pool_per_epoch))?;
        let a = checked(
            stake_total
                .try_add(earned)
                .and_then(|s| s.try_div(pool_per_epoch)),
        )?;
        Ok((a, b))
    }

    /// The rate of the first epoch.
    pub fn first_rate(&self) -> Result<Decimal, OutOfRange> {
        match *self {
            Growth::Constant { rate, .. } => Ok(rate),
            Growth::Diluting {
                earned,
                stake_total,
                ..
            } => checked(earned.try_div(stake_total)),
        }
    }

    /// `S_n / S_0` after `n` payouts.
    pub fn factor(&self, epochs: u64) -> Result<Decimal, OutOfRange> {
        if epochs == 0 {
            return Ok(Decimal::ONE);
        }
        let n = Decimal::from(epochs);
        let log = match *self {
            Growth::Constant { log_rate, .. } => checked(log_rate.try_mul(n))?,
            Growth::Diluting {
                stake_total,
                pool_per_epoch,
                log_start,
                b,
                step,
                ..
            } => {
                if pool_per_epoch.is_zero() {
                    return Ok(Decimal::ONE);
                }
                if stake_total <= Decimal::ZERO {
                    return Err(OutOfRange);
                }
                // prod_(k<n) (A0 + kV + c) / (A0 + kV)
                //   = Gamma(n + a) Gamma(b) / (Gamma(a) Gamma(n + b)), a = (A0 + c) / V, b = A0 / V.
                let later = step.at(checked(n.try_add(b))?)?;
                checked(later.try_sub(log_start))?
            }
        };
        checked(expm1(log)?.try_add(Decimal::ONE))
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
        let flat = Growth::constant(d("0.001")).unwrap();
        assert!((flat.factor(2).unwrap() - d("1.002001")).abs() < d("1e-24"));
    }

    #[test]
    fn the_gamma_step_series_matches_ln_gamma_to_27_digits() {
        // ln Gamma(z + d) - ln Gamma(z) by mpmath at 40 digits.
        let cases = [
            ("0.82", "1000", "5.664285536639166726442382727"),
            ("0.82", "27654.321", "8.386577892425854560185103476"),
            ("0.82", "5000000", "12.648457730966667387421155134"),
            ("0.999", "27654.321", "10.217309714273439043727217097"),
            ("0.01", "5000000", "0.154249483713983712447087146"),
        ];
        for (d_, z, exact) in cases {
            let series = GammaStep::new(d(d_)).at(d(z)).unwrap();
            assert!((series - d(exact)).abs() < d("1e-25"), "{d_} {z}: {series}");
        }
        let direct = ln_gamma(d("1000.82")).unwrap() - ln_gamma(d("1000")).unwrap();
        assert!((GammaStep::new(d("0.82")).at(d("1000")).unwrap() - direct).abs() < d("1e-23"));
        // Out of the series' range it is the two ln_gamma.
        let wide = GammaStep::new(d("1.5"));
        let direct = ln_gamma(d("2001.5")).unwrap() - ln_gamma(d("2000")).unwrap();
        assert_eq!(wide.at(d("2000")).unwrap(), direct);
    }
}
