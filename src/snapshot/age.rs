//! How old a snapshot is, from its ISO 8601 timestamp and the current time. Pure integer date
//! arithmetic, so it is tested natively; the browser supplies "now".

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date of a day number since 1970-01-01 (Howard Hinnant's
/// civil_from_days): year, month, day.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn number(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Seconds since the Unix epoch of `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]`.
pub fn unix_seconds(timestamp: &str) -> Option<i64> {
    let t = timestamp.trim();
    let date = t.get(..10)?;
    let mut parts = date.split('-');
    let year = number(parts.next()?)?;
    let month = number(parts.next()?)?;
    let day = number(parts.next()?)?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let mut seconds = days_from_civil(i64::from(year), month, day) * 86_400;
    let rest = &t[10..];
    if rest.is_empty() {
        return Some(seconds);
    }
    let rest = rest.strip_prefix(['T', ' '])?;
    let clock = rest.get(..8)?;
    let mut hms = clock.split(':');
    let (h, m, s) = (
        number(hms.next()?)?,
        number(hms.next()?)?,
        number(hms.next()?)?,
    );
    if h > 23 || m > 59 || s > 60 {
        return None;
    }
    seconds += i64::from(h * 3600 + m * 60 + s);
    let mut zone = &rest[8..];
    if let Some(frac) = zone.strip_prefix('.') {
        zone = frac.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    match zone {
        "" | "Z" | "z" => Some(seconds),
        _ => {
            let sign = match zone.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let offset = zone.get(1..)?.replace(':', "");
            let (oh, om) = (number(offset.get(..2)?)?, number(offset.get(2..4)?)?);
            Some(seconds - sign * i64::from(oh * 3600 + om * 60))
        }
    }
}

/// Whole days from `timestamp` to `now_unix_seconds` (never negative).
pub fn age_days(timestamp: &str, now_unix_seconds: i64) -> Option<i64> {
    let taken = unix_seconds(timestamp)?;
    Some(((now_unix_seconds - taken).max(0)) / 86_400)
}

/// Data older than this gets a visible warning.
pub const STALE_AFTER_DAYS: i64 = 7;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_timestamps() {
        assert_eq!(unix_seconds("1970-01-01"), Some(0));
        assert_eq!(unix_seconds("2026-08-07T08:35:00Z"), Some(1_786_091_700));
        assert_eq!(
            unix_seconds("2025-04-17T21:13:36.001Z"),
            Some(1_744_924_416)
        );
        assert_eq!(
            unix_seconds("2025-04-17T23:13:36+02:00"),
            Some(1_744_924_416)
        );
        assert_eq!(unix_seconds("2000-02-29T00:00:00Z"), Some(951_782_400));
        assert_eq!(unix_seconds("yesterday"), None);
        assert_eq!(unix_seconds("2026-13-01"), None);
        assert_eq!(unix_seconds("2026-08-07T25:00:00Z"), None);
        assert_eq!(unix_seconds(""), None);
    }

    #[test]
    fn counts_whole_days() {
        let taken = "2026-08-07T08:35:00Z";
        let now = unix_seconds("2026-11-22T12:00:00Z").unwrap();
        assert_eq!(age_days(taken, now), Some(107));
        assert_eq!(age_days(taken, 0), Some(0));
    }
}
