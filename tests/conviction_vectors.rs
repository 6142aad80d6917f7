//! Every case of ../shared/vectors/conviction.json within 1e-9 relative, and the lock model
//! never panics (dt of 0, huge dt, equal rates, tu < tm, anything).

mod common;

use dtao_calc::model::conviction::takeover::{blocks_to_beat, blocks_to_pass};
use dtao_calc::model::conviction::{Lock, LockSpec, Mode, Rates};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;

fn dec(v: &Value) -> Decimal {
    Decimal::from_str(v.as_str().expect("a decimal string")).expect("a decimal")
}

fn close(actual: Decimal, expected: Decimal) -> bool {
    let diff = (actual - expected).abs();
    diff <= expected.abs() * Decimal::new(1, 9) || diff < Decimal::new(1, 20)
}

#[test]
fn every_conviction_vector_matches() {
    let doc: Value = serde_json::from_str(&common::read_shared("vectors/conviction.json")).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert!(
        cases.len() >= 60,
        "expected the full vector set, got {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let spec = LockSpec {
            start: Lock {
                locked: dec(&case["locked"]),
                conviction: dec(&case["conviction"]),
            },
            mode: if case["perpetual"].as_bool().unwrap() {
                Mode::Perpetual
            } else {
                Mode::Decaying
            },
            rates: Rates {
                unlock: case["unlock_rate"].as_u64().unwrap(),
                maturity: case["maturity_rate"].as_u64().unwrap(),
            },
            owner_hotkey: case["owner_hotkey"].as_bool().unwrap(),
        };
        let got = spec.after(case["blocks"].as_u64().unwrap()).unwrap();
        for (key, actual) in [("locked", got.locked), ("conviction", got.conviction)] {
            let expected = dec(&case["expect"][key]);
            if !close(actual, expected) {
                failures.push(format!("case {i}: {key} {actual} != {expected}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    println!("{} conviction vectors match", cases.len());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn never_panics(
        locked in any::<i64>(), conviction in any::<i64>(), scale in 0u32..12, perpetual in any::<bool>(),
        tu in 0u64..u64::MAX, tm in 0u64..u64::MAX, blocks in any::<u64>(), owner in any::<bool>(),
        level in any::<i64>(),
    ) {
        let spec = LockSpec {
            start: Lock { locked: Decimal::new(locked, scale), conviction: Decimal::new(conviction, scale) },
            mode: if perpetual { Mode::Perpetual } else { Mode::Decaying },
            rates: Rates { unlock: tu, maturity: tm },
            owner_hotkey: owner,
        };
        if let Err(e) = spec.after(blocks) {
            prop_assert!(!e.to_string().is_empty());
        }
        let _ = spec.peak();
        let _ = blocks_to_pass(&spec, Decimal::new(level, 2));
        let _ = blocks_to_beat(&spec, &LockSpec { owner_hotkey: true, ..spec });
    }

    #[test]
    fn realistic_locks_stay_sane(
        locked in 1u64..21_000_000, start in 0u64..21_000_000, tu in 1u64..5_000_000, tm in 1u64..5_000_000,
        blocks in 0u64..50_000_000, perpetual in any::<bool>(),
    ) {
        let spec = LockSpec {
            start: Lock { locked: Decimal::from(locked), conviction: Decimal::from(start.min(locked)) },
            mode: if perpetual { Mode::Perpetual } else { Mode::Decaying },
            rates: Rates { unlock: tu, maturity: tm },
            owner_hotkey: false,
        };
        let after = spec.after(blocks).unwrap();
        prop_assert!(after.locked <= Decimal::from(locked));
        prop_assert!(after.conviction >= Decimal::ZERO);
        // Conviction never exceeds what has been locked.
        prop_assert!(after.conviction <= Decimal::from(locked) + Decimal::new(1, 6));
    }
}
