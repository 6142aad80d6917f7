//! Calendar days in UTC, as the history parameters write them (`YYYY-MM-DD`): a day is the
//! number of days since 1970-01-01, converted with the proleptic Gregorian calendar.

use crate::calc::typed::InputError;
use crate::model::words::shorten;
use crate::snapshot::age::{civil_from_days, days_from_civil};
use std::fmt;

/// A UTC calendar day: days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(pub i64);

pub const MS_PER_DAY: u64 = 86_400_000;

/// 2025-02-13: dynamic TAO (subnet pools) went live on finney that day (runtime spec 233);
/// before it no subnet had a pool to stake into.
pub const DTAO_LAUNCH: Day = Day(20_132);

impl Day {
    /// Days since the epoch of a civil date (Howard Hinnant's `days_from_civil`).
    pub fn from_civil(year: i64, month: u32, day: u32) -> Self {
        Day(days_from_civil(year, month, day))
    }

    /// The civil date of this day.
    pub fn civil(self) -> (i64, u32, u32) {
        civil_from_days(self.0)
    }

    /// The day holding `ms` milliseconds since the epoch.
    pub fn of_ms(ms: u64) -> Self {
        Day((ms / MS_PER_DAY) as i64)
    }

    /// 00:00 UTC of the day, ms since the epoch (0 before the epoch).
    pub fn midnight_ms(self) -> u64 {
        u64::try_from(self.0)
            .unwrap_or(0)
            .saturating_mul(MS_PER_DAY)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.civil();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// `YYYY-MM-DD`, a real calendar day.
pub fn parse_day(raw: &str) -> Result<Day, InputError> {
    let text = raw.trim();
    let bad = || {
        InputError::Invalid(format!(
            "“{}” is not a date: write it as YYYY-MM-DD, like 2025-06-01.",
            shorten(text)
        ))
    };
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return Err(bad());
    }
    let (y, m, d): (i64, u32, u32) = (
        y.parse().map_err(|_| bad())?,
        m.parse().map_err(|_| bad())?,
        d.parse().map_err(|_| bad())?,
    );
    let day = Day::from_civil(y, m, d);
    if !(1..=12).contains(&m) || d == 0 || day.civil() != (y, m, d) {
        return Err(InputError::Invalid(format!(
            "{} is not a day of the calendar.",
            shorten(text)
        )));
    }
    Ok(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_and_the_launch_is_2025_02_13() {
        assert_eq!(Day::from_civil(1970, 1, 1), Day(0));
        assert_eq!(DTAO_LAUNCH.to_string(), "2025-02-13");
        assert_eq!(parse_day("2024-02-29"), Ok(Day::from_civil(2024, 2, 29)));
        assert_eq!(Day::of_ms(DTAO_LAUNCH.midnight_ms() + 5), DTAO_LAUNCH);
        for bad in ["2025-02-30", "2025-13-01", "25-01-01", "2025/01/01", "x"] {
            assert!(parse_day(bad).is_err(), "{bad}");
        }
    }
}
