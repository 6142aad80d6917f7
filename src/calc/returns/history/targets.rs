//! Which blocks a history read asks for: the 1, 7 and 30-day ends (and the window's), the
//! backtest's start and end, and samples between them for its chart, each a real block the
//! archive node finds (`snapshot::chain::history`). The head (today) is always read.

use super::date::Day;
use super::figures::REALISED_DAYS;
use super::form::{From, HistoryForm};
use crate::snapshot::chain::history::Target;

/// The most samples a backtest's chart asks for (one batch each way per sample round).
pub const MOST_SAMPLES: i64 = 26;

/// The targets of `form`'s figures, with today at `now_ms`; duplicates dropped.
pub fn targets(form: &HistoryForm, now_ms: u64) -> Vec<Target> {
    let mut out: Vec<Target> = REALISED_DAYS.iter().map(|&d| Target::DaysAgo(d)).collect();
    if let Ok(Some(w)) = form.window_days.value {
        out.push(Target::DaysAgo(w));
    }
    let date = |d: Day| Target::Date {
        unix_seconds: (d.midnight_ms() / 1000) as i64,
    };
    let today = Day::of_ms(now_ms);
    let end = form.to_date.value.clone().ok().flatten();
    if let Ok(Some(from)) = form.from() {
        match from {
            From::Block(n) => out.push(Target::Block(n)),
            From::Date(d) => {
                out.push(date(d));
                // Samples for the chart: about weekly, at most MOST_SAMPLES, between the start
                // and the end (today without to_date).
                let last = end.unwrap_or(today);
                let span = last.0 - d.0;
                let step = ((span + MOST_SAMPLES - 1) / MOST_SAMPLES).max(7);
                let mut day = d.0 + step;
                while day < last.0 {
                    out.push(date(Day(day)));
                    day += step;
                }
            }
        }
        if let Some(to) = end {
            out.push(date(to));
        }
    }
    let mut unique: Vec<Target> = Vec::with_capacity(out.len());
    for t in out {
        if !unique.contains(&t) {
            unique.push(t);
        }
    }
    unique
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::query::getter;
    use crate::snapshot::bundled::bundled;

    const NOW: u64 = 1_796_601_600_000; // 2026-12-07 00:00 UTC

    #[test]
    fn the_realised_windows_and_a_backtest_with_weekly_samples() {
        let pairs = [
            ("hotkey", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"),
            ("from_date", "2026-11-01"),
            ("window_days", "7"),
        ];
        let form = HistoryForm::read(getter(&pairs), &bundled(), 64, NOW);
        let t = targets(&form, NOW);
        assert_eq!(
            &t[..3],
            &[Target::DaysAgo(1), Target::DaysAgo(7), Target::DaysAgo(30)]
        );
        // The window equals the 7-day end: asked once.
        assert_eq!(t.iter().filter(|x| **x == Target::DaysAgo(7)).count(), 1);
        let start = Target::Date {
            unix_seconds: Day::from_civil(2026, 11, 1).midnight_ms() as i64 / 1000,
        };
        assert_eq!(t[3], start);
        // 36 days: samples every 7 days after the start, before today.
        assert_eq!(t.len(), 4 + 5);
        let block = [("hotkey", pairs[0].1), ("from_block", "7000000")];
        let t = targets(&HistoryForm::read(getter(&block), &bundled(), 64, NOW), NOW);
        assert_eq!(t.last(), Some(&Target::Block(7_000_000)));
    }
}
