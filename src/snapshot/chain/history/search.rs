//! The block for a time (pure): the first block whose `Timestamp::Now` is at or after it. The
//! search starts from the head at 12 seconds a block (7,200 a day), then narrows a bracket of
//! blocks read so far (one before the time, one at or after it) by the secant through them,
//! asking each round for the secant's block, the ones either side, and the bracket's middle, so
//! the bracket at least halves every round whatever the block times are, and a chain of
//! regular blocks is found in a round or two. Block 0 (genesis) has no timestamp (the
//! timestamp inherent sets it from block 1), so it is the bracket's floor at time 0.

use std::collections::BTreeMap;

/// Milliseconds a block takes on finney (12 s; 7,200 blocks a day).
pub const BLOCK_MS: u64 = 12_000;
/// The most rounds a search may take: 2^30 blocks is two centuries of finney.
pub const MAX_ROUNDS: u32 = 30;

/// One search for the first block at or after `target_ms`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Search {
    pub target_ms: u64,
    /// Every block whose time is known: number -> `Timestamp::Now` (ms).
    known: BTreeMap<u64, u64>,
    pub rounds: u32,
}

/// A date in words for a sentence, `YYYY-MM-DD HH:MM UTC`.
pub fn when(ms: u64) -> String {
    let secs = ms / 1000;
    let days = secs / 86_400;
    let (y, m, d) = crate::snapshot::age::civil_from_days(days as i64);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        secs % 86_400 / 3600,
        secs % 3600 / 60
    )
}

impl Search {
    /// A search below the head `(number, ms)`, or the sentence saying why there is none: a
    /// time after the head's is in the future for this chain.
    pub fn new(target_ms: u64, head: (u64, u64)) -> Result<Search, String> {
        if target_ms > head.1 {
            return Err(format!(
                "{} is in the future: the newest block, {}, is from {}.",
                when(target_ms),
                head.0,
                when(head.1)
            ));
        }
        let mut known = BTreeMap::new();
        known.insert(0, 0);
        known.insert(head.0, head.1);
        Ok(Search {
            target_ms,
            known,
            rounds: 0,
        })
    }

    /// What a block's time is now known to be.
    pub fn learn(&mut self, number: u64, ms: u64) {
        // Genesis stays at 0 whatever its storage says.
        if number > 0 {
            self.known.insert(number, ms);
        }
    }

    /// The last block before the time and the first at or after it, among those known.
    fn bracket(&self) -> ((u64, u64), (u64, u64)) {
        let hi = self
            .known
            .iter()
            .find(|(_, t)| **t >= self.target_ms)
            .map(|(n, t)| (*n, *t))
            .unwrap_or((u64::MAX, u64::MAX));
        let lo = self
            .known
            .range(..hi.0)
            .rev()
            .find(|(_, t)| **t < self.target_ms)
            .map(|(n, t)| (*n, *t))
            .unwrap_or((0, 0));
        (lo, hi)
    }

    /// The block, once the first block at or after the time is known.
    pub fn found(&self) -> Option<u64> {
        let (lo, hi) = self.bracket();
        (hi.0 == lo.0 + 1 || (hi.0 == 0)).then_some(hi.0)
    }

    /// The blocks to read next (none once found), and one round counted.
    pub fn probes(&mut self) -> Vec<u64> {
        if self.found().is_some() {
            return vec![];
        }
        self.rounds += 1;
        let (lo, hi) = self.bracket();
        let guess = if lo.0 == 0 {
            // Only the floor below: 12 s a block back from the bracket's top.
            hi.0.saturating_sub((hi.1 - self.target_ms) / BLOCK_MS)
        } else {
            // The secant through the bracket: where the time falls if blocks were even.
            let span = u128::from(hi.0 - lo.0);
            let into = u128::from(self.target_ms - lo.1) * span / u128::from(hi.1 - lo.1).max(1);
            lo.0 + into as u64
        };
        let inside = |n: u64| n > lo.0 && n < hi.0;
        let mut out: Vec<u64> = [
            guess.saturating_sub(1),
            guess,
            guess.saturating_add(1),
            lo.0 + (hi.0 - lo.0) / 2,
        ]
        .into_iter()
        .filter(|n| inside(*n) && !self.known.contains_key(n))
        .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(times: &[u64], target: u64) -> (u64, u32) {
        let head = times.len() as u64 - 1;
        let mut s = Search::new(target, (head, times[head as usize])).unwrap();
        while s.found().is_none() {
            assert!(s.rounds < MAX_ROUNDS);
            for n in s.probes() {
                s.learn(n, times[n as usize]);
            }
        }
        (s.found().unwrap(), s.rounds)
    }

    #[test]
    fn regular_blocks_are_found_in_a_round_and_every_time_exactly() {
        let times: Vec<u64> = (0..2000u64)
            .map(|n| if n == 0 { 0 } else { 1_000_000 + n * BLOCK_MS })
            .collect();
        assert_eq!(run(&times, 1_000_000 + 1500 * BLOCK_MS), (1500, 1));
        assert_eq!(run(&times, 1_000_000 + 1500 * BLOCK_MS - 1).0, 1500);
        for target in (0..25_000_000).step_by(77_777) {
            let (n, _) = run(&times, target);
            assert!(times[n as usize] >= target && (n <= 1 || times[n as usize - 1] < target));
        }
    }

    #[test]
    fn a_future_time_says_so() {
        let e = Search::new(86_400_001, (10, 86_400_000)).unwrap_err();
        assert_eq!(
            e,
            "1970-01-02 00:00 UTC is in the future: the newest block, 10, is from 1970-01-02 00:00 UTC."
        );
        assert_eq!(when(1_765_065_600_000), "2025-12-07 00:00 UTC");
    }
}
