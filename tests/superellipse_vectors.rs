//! Every case of ../shared/vectors/superellipse.json through the model, exactly: the curve
//! rebuilt from its calibration, then each swap's net input, fee, output, refund, what stopped
//! it, the pool and the price after, or the chain's error by name.

mod common;

use common::{rao, swap_case, swap_outcome};

use dtao_calc::model::num::fixed::rao_from_price_bits;
use dtao_calc::model::pool::fee::FeeRate;
use dtao_calc::model::pool::superellipse::Superellipse;
use dtao_calc::model::pool::weights::TaoWeight;
use dtao_calc::model::pool::{Curve, Pool};
use serde_json::Value;

fn int(v: &Value, key: &str) -> u128 {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is not a string"))
        .parse()
        .unwrap_or_else(|e| panic!("{key}: {e}"))
}

fn stored_curve(case: &Value) -> Superellipse {
    Superellipse {
        alpha_scale: int(case, "alpha_scale"),
        tao_scale: int(case, "tao_scale"),
        center_alpha: int(case, "center_alpha") as i128,
        center_tao: int(case, "center_tao") as i128,
    }
}

/// `from_weights` at the calibration reserves, then every injection and trade since, as the
/// chain applied them: injections translate the centers, trades move only the reserves.
fn calibrated_curve(case: &Value) -> Superellipse {
    let cal = &case["calibration"];
    let w = rao(cal, "w_tao_parts");
    let mut curve =
        Superellipse::from_weights(rao(cal, "alpha_in_rao"), rao(cal, "tao_in_rao"), w).unwrap();
    for then in cal["then"].as_array().unwrap() {
        if let Some(inject) = then.get("inject") {
            curve
                .translate(rao(inject, "alpha_rao"), rao(inject, "tao_rao"))
                .unwrap();
        }
    }
    curve
}

fn pool_of(case: &Value) -> Pool {
    let w = TaoWeight::from_parts(rao(&case["calibration"], "w_tao_parts")).unwrap_or_default();
    Pool::dynamic(rao(case, "tao_in_rao"), rao(case, "alpha_in_rao"), w)
        .unwrap()
        .with_curve(Curve::Superellipse(stored_curve(case)))
        .unwrap()
        .with_fee_rate(FeeRate::new(case["fee_rate"].as_u64().unwrap()).unwrap())
}

#[test]
fn every_superellipse_vector_matches_the_chain_exactly() {
    let doc: Value =
        serde_json::from_str(&common::read_shared("vectors/superellipse.json")).unwrap();
    let cases = doc["cases"].as_array().expect("cases");
    assert!(
        cases.len() >= 100,
        "expected the full set, got {}",
        cases.len()
    );
    let mut failures = Vec::new();
    let mut partial_fills = 0;
    for case in cases {
        let name = case["name"].as_str().unwrap_or("?");
        if calibrated_curve(case) != stored_curve(case) {
            failures.push(format!(
                "{name}: calibration does not rebuild the stored curve"
            ));
        }
        let pool = pool_of(case);
        let expect = &case["expect"];
        let result = swap_case(&pool, case);
        let Some(done) = swap_outcome(name, expect, result, &mut failures) else {
            continue;
        };
        if done.is_partial() {
            partial_fills += 1;
        }
        let after = done.pool_after.superellipse().unwrap();
        let checks: [(&str, u128); 9] = [
            ("spot_price_rao", u128::from(pool.chain_spot_price_rao())),
            ("amount_in_rao", u128::from(done.amount_in_rao)),
            ("fee_rao", u128::from(done.fee_rao)),
            ("out_rao", u128::from(done.out_rao)),
            ("refund_rao", u128::from(done.refund_rao())),
            ("tao_in_after_rao", u128::from(done.pool_after.tao_rao)),
            ("alpha_in_after_rao", u128::from(done.pool_after.alpha_rao)),
            (
                "spot_after_bits",
                after
                    .price_bits(done.pool_after.alpha_rao, done.pool_after.tao_rao)
                    .unwrap(),
            ),
            (
                "spot_price_bits",
                stored_curve(case)
                    .price_bits(pool.alpha_rao, pool.tao_rao)
                    .unwrap(),
            ),
        ];
        for (key, actual) in checks {
            let expected = int(expect, key);
            if actual != expected {
                failures.push(format!("{name}: {key} {actual} != {expected}"));
            }
        }
        let spot_after = rao_from_price_bits(int(expect, "spot_after_bits"));
        assert_eq!(
            u128::from(spot_after),
            int(expect, "spot_after_rao"),
            "{name}"
        );
        if expect["partial"].as_bool() != Some(done.is_partial()) {
            failures.push(format!("{name}: partial {}", done.is_partial()));
        }
        if expect["stopped_by"].as_str() != Some(done.stopped_by.as_str()) {
            failures.push(format!(
                "{name}: stopped_by {} != {}",
                done.stopped_by.as_str(),
                expect["stopped_by"]
            ));
        }
        if let Some(fee_tao) = expect.get("author_fee_tao_rao") {
            let expected: u64 = fee_tao.as_str().unwrap().parse().unwrap();
            if done.fee_sale_tao_rao != expected {
                failures.push(format!(
                    "{name}: author fee TAO {} != {expected}",
                    done.fee_sale_tao_rao
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(partial_fills >= 10, "only {partial_fills} partial fills");
    println!("{} superellipse vectors match exactly", cases.len());
}
