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
