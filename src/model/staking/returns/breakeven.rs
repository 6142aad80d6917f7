//! The break-even: the first whole day on which exiting returns at least the yardstick (SPEC
//! §2). The returns page and the screener (one per subnet) both take it from here.

use super::path::Path;
use super::{Outcome, ReturnsError, MAX_DAYS};
use rust_decimal::Decimal;

impl Path {
    fn breaks_even(&self, day: u32) -> Result<bool, ReturnsError> {
        Ok(self.surplus(day)?.is_some_and(|s| s >= 0))
    }

    /// The first day exiting returns the yardstick.
    pub(super) fn breakeven(&self, horizon: &Outcome) -> Result<Option<u32>, ReturnsError> {
        if self.log_change >= Decimal::ZERO {
            self.breakeven_rising(horizon)
        } else {
            self.breakeven_scan()
        }
    }

    /// When the price does not fall, alpha and its price only grow, so the exit's value rises
    /// with the day and the first day it covers the yardstick is one crossing: found by false
    /// position on the surplus (Illinois variant), a handful of exits instead of a scan.
    fn breakeven_rising(&self, horizon: &Outcome) -> Result<Option<u32>, ReturnsError> {
        let Some(start) = self.surplus(0)? else {
            return self.breakeven_scan();
        };
        if start >= 0 {
            return Ok(Some(0));
        }
        let at_horizon = horizon
            .exit
            .as_ref()
            .ok()
            .map(|leg| i128::from(leg.tao_rao) - i128::from(self.basis_rao));
        let (mut low, mut f_low) = (0u32, start);
        let (mut high, mut f_high) = match at_horizon {
            Some(s) if s >= 0 => (horizon.day, s),
            _ => {
                if let Some(s) = at_horizon {
                    (low, f_low) = (horizon.day, s);
                }
                match self.surplus(MAX_DAYS)? {
                    Some(s) if s >= 0 => (MAX_DAYS, s),
                    Some(_) => return Ok(None),
                    None => return self.breakeven_scan(),
                }
            }
        };
        let mut kept = 0i8;
        while high - low > 1 {
            let span = i128::from(high - low);
            let guess = if f_high > f_low {
                // ceil(span * -f_low / (f_high - f_low)), inside the bracket.
                let step = (span * -f_low + (f_high - f_low) - 1) / (f_high - f_low);
                low + u32::try_from(step.clamp(1, span - 1)).unwrap_or(1)
            } else {
                low + (high - low) / 2
            };
            match self.surplus(guess)? {
                Some(s) if s >= 0 => {
                    (high, f_high) = (guess, s);
                    if kept == 1 {
                        f_low /= 2;
                    }
                    kept = 1;
                }
                Some(s) => {
                    (low, f_low) = (guess, s);
                    if kept == -1 {
                        f_high /= 2;
                    }
                    kept = -1;
                }
                // A refused exit inside the bracket: the values are not to be trusted.
                None => return self.breakeven_scan(),
            }
        }
        Ok(Some(high))
    }

    /// The general search: the price may fall and rise back, so a coarse scan finds the first
    /// bracket and a bisection the day inside it (the exit value is smooth in time).
    fn breakeven_scan(&self) -> Result<Option<u32>, ReturnsError> {
        const GRID: [u32; 24] = [
            0, 1, 2, 3, 5, 7, 10, 14, 21, 30, 45, 60, 90, 120, 180, 270, 365, 450, 540, 730, 900,
            1095, 1460, MAX_DAYS,
        ];
        let mut previous = 0;
        for day in GRID {
            if self.breaks_even(day)? {
                if day == 0 {
                    return Ok(Some(0));
                }
                let (mut low, mut high) = (previous, day);
                while high - low > 1 {
                    let mid = low + (high - low) / 2;
                    if self.breaks_even(mid)? {
                        high = mid;
                    } else {
                        low = mid;
                    }
                }
                return Ok(Some(high));
            }
            previous = day;
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pool::weights::TaoWeight;
    use crate::model::pool::Pool;
    use crate::model::staking::growth::Growth;
    use crate::model::staking::returns::Outcome;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn path(tao: u64, stake_rao: u64, growth: Growth, log_change: Decimal, days: u32) -> Path {
        let pool = Pool::dynamic(tao, tao * 12, TaoWeight::HALF).unwrap();
        let swap = crate::model::pool::trade::execute(
            &pool,
            &crate::model::pool::trade::TradeRequest::plain(
                crate::model::pool::side::Side::Stake,
                stake_rao,
            ),
        )
        .unwrap();
        Path {
            pool: swap.pool_after,
            alpha_start_rao: swap.out_rao,
            basis_rao: stake_rao,
            growth,
            epoch_blocks: 360,
            days,
            log_change,
            held_pool: std::cell::OnceCell::new(),
        }
    }

    /// The false-position search finds the day the scan finds, whenever the price does not fall.
    #[test]
    fn the_rising_search_equals_the_scan() {
        let growths = [
            Growth::constant(d("0.0001")).unwrap(),
            Growth::constant(d("0.000003")).unwrap(),
            Growth::diluting(d("120"), d("3000000"), d("150")).unwrap(),
            Growth::diluting(d("0.9"), d("40"), d("1")).unwrap(),
        ];
        let mut found = 0;
        for growth in growths {
            for (tao, stake) in [
                (1_000_000_000_000_000, 100_000_000_000),
                (5_000_000_000_000, 500_000_000_000),
                (20_000_000_000_000, 4_000_000_000_000),
                (300_000_000_000, 250_000_000_000),
            ] {
                for (change, days) in [("0", 365), ("0.3", 90), ("0.01", 1825)] {
                    let p = path(tao, stake, growth, d(change), days);
                    let horizon: Outcome = p.outcome(days).unwrap();
                    let rising = p.breakeven_rising(&horizon).unwrap();
                    assert_eq!(
                        rising,
                        p.breakeven_scan().unwrap(),
                        "{growth:?} {tao} {stake} {change}"
                    );
                    found += usize::from(rising.is_some_and(|d| d > 1));
                }
            }
        }
        // A third of the cases cross inside the five years, on a day the search has to find.
        assert!(found >= 16, "{found}");
    }
}
