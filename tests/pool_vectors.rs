//! Every case of ../shared/vectors/pool.json through the pool model: the chain's results in rao,
//! `out_rao` within 2 rao for 1/2 weights and 1e-9 relative otherwise, errors by name.

mod common;

use common::{rao, swap_case, swap_outcome};

use dtao_calc::model::pool::weights::TaoWeight;
use dtao_calc::model::pool::Pool;
use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;

fn within(actual: u64, expected: u64, half_weights: bool) -> bool {
    let diff = actual.abs_diff(expected);
    if half_weights {
        diff == 0
    } else {
        diff as f64 <= expected as f64 * 1e-9
    }
}

#[test]
fn every_pool_vector_matches_the_chain() {
    let doc: Value = serde_json::from_str(&common::read_shared("vectors/pool.json")).unwrap();
    let cases = doc["cases"].as_array().expect("cases");
    assert!(
        cases.len() >= 60,
        "expected the full vector set, got {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap_or("?");
        assert_eq!(case["fee_rate"].as_u64(), Some(33), "{name}: fee rate");
        let w =
            TaoWeight::from_decimal(Decimal::from_str(case["w_tao"].as_str().unwrap()).unwrap())
                .unwrap();
        let pool = Pool::dynamic(rao(case, "tao_in_rao"), rao(case, "alpha_in_rao"), w).unwrap();
        let expect = &case["expect"];
        let result = swap_case(&pool, case);
        let Some(done) = swap_outcome(name, expect, result, &mut failures) else {
            continue;
        };
        let half = w.is_half();
        let checks = [
            ("spot_price_rao", pool.chain_spot_price_rao(), true),
            ("amount_in_rao", done.amount_in_rao, true),
            ("fee_rao", done.fee_rao, true),
            ("out_rao", done.out_rao, false),
            ("tao_in_after_rao", done.pool_after.tao_rao, false),
            ("alpha_in_after_rao", done.pool_after.alpha_rao, false),
        ];
        for (key, actual, exact) in checks {
            let expected = rao(expect, key);
            let ok = if exact {
                actual == expected
            } else {
                within(actual, expected, half)
            };
            if !ok {
                failures.push(format!("{name}: {key} {actual} != {expected}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    println!("{} pool vectors match", cases.len());
}
