//! The blocks a history asks for, and their text (`block:N`, `date:YYYY-MM-DD`,
//! `time:<unix seconds>`, `days:N`) as the live module takes them.

/// A block asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Block(u64),
    /// The first block at or after this time (seconds since the epoch; a date is its 00:00
    /// UTC).
    Date {
        unix_seconds: i64,
    },
    /// The first block at or after the head's time minus this many days of 86,400 s.
    DaysAgo(u32),
}

/// The targets as text [`parse_targets`] reads: `block:N`, `time:<unix seconds>`, `days:N`.
pub fn write_targets(targets: &[Target]) -> String {
    targets
        .iter()
        .map(|t| match t {
            Target::Block(n) => format!("block:{n}"),
            Target::Date { unix_seconds } => format!("time:{unix_seconds}"),
            Target::DaysAgo(d) => format!("days:{d}"),
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// The targets of a text such as `block:4920351, date:2025-12-01, time:1765065600, days:7`
/// (also bare numbers of days `7`), or the sentence naming the first bad one.
pub fn parse_targets(text: &str) -> Result<Vec<Target>, String> {
    text.split([',', ' ', '\n'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| {
            let bad = || {
                format!(
                    "“{}” is not a block, date or number of days.",
                    crate::model::words::shorten(t)
                )
            };
            let (kind, value) = t.split_once(':').unwrap_or(("days", t));
            match kind {
                "block" => value.parse().map(Target::Block).map_err(|_| bad()),
                "days" => value.parse().map(Target::DaysAgo).map_err(|_| bad()),
                "time" => value
                    .parse()
                    .map(|unix_seconds| Target::Date { unix_seconds })
                    .map_err(|_| bad()),
                "date" => date_seconds(value)
                    .map(|unix_seconds| Target::Date { unix_seconds })
                    .ok_or_else(bad),
                _ => Err(bad()),
            }
        })
        .collect()
}

/// 00:00 UTC of a `YYYY-MM-DD` date, in seconds since the epoch.
pub fn date_seconds(text: &str) -> Option<i64> {
    let mut parts = text.splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || text.len() != 10 {
        return None;
    }
    Some(crate::snapshot::age::days_from_civil(y, m as u32, d as u32) * 86_400)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::chain::history::search;

    #[test]
    fn targets_read_from_text_and_dates_are_midnight_utc() {
        assert_eq!(date_seconds("2025-12-07"), Some(1_765_065_600));
        assert_eq!(date_seconds("1970-01-01"), Some(0));
        assert_eq!(
            search::when(date_seconds("2024-02-29").unwrap() as u64 * 1000),
            "2024-02-29 00:00 UTC"
        );
        assert_eq!(
            parse_targets("block:5, date:1970-01-02 days:7\n30").unwrap(),
            vec![
                Target::Block(5),
                Target::Date {
                    unix_seconds: 86_400
                },
                Target::DaysAgo(7),
                Target::DaysAgo(30)
            ]
        );
        assert_eq!(
            parse_targets("date:2025-13-01").unwrap_err(),
            "“date:2025-13-01” is not a block, date or number of days."
        );
        assert!(parse_targets("weeks:3").is_err());
        let all = vec![
            Target::Block(1),
            Target::Date { unix_seconds: -5 },
            Target::DaysAgo(30),
        ];
        assert_eq!(parse_targets(&write_targets(&all)).unwrap(), all);
    }
}
