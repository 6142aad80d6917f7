//! Every importer against the real files in ../shared/fixtures (and a btcli sample written from
//! SPEC §5, as no btcli file is shared), the dtao-snapshot/1 round trip, and bad input.

mod common;

use dtao_calc::calc::take::form::TakeForm;
use dtao_calc::model::num::units::rao_to_decimal;
use dtao_calc::model::pool::Mechanism;
use dtao_calc::snapshot::bundled::bundled;
use dtao_calc::snapshot::import::{import, Format};
use dtao_calc::snapshot::{dtao_snapshot, SnapshotError, MAX_BYTES};
use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn taostats_pool_sample_reads_every_pool_in_rao() {
    let text = common::read_shared("fixtures/taostats-pool-latest-2025-04-17.json");
    let raw: Value = serde_json::from_str(&text).unwrap();
    let got = import(&text, &bundled()).unwrap();
    assert_eq!(got.format, Format::TaostatsPool);
    let rows = raw["data"].as_array().unwrap();
    assert_eq!(got.snapshot.subnets.len(), rows.len());
    assert_eq!(rows.len(), 94);
    assert!(
        got.summary
            .starts_with("Taostats dtao/pool/latest/v1: 94 subnets read (block "),
        "{}",
        got.summary
    );
    // Every pool has the TAO in pool of its total_tao and the alpha of its alpha_in_pool.
    for row in rows {
        let netuid = row["netuid"].as_u64().unwrap() as u16;
        let subnet = got.snapshot.subnet(netuid).unwrap();
        assert_eq!(
            subnet.tao_in_rao.to_string(),
            row["total_tao"].as_str().unwrap()
        );
        assert_eq!(
            subnet.alpha_in_rao.to_string(),
            row["alpha_in_pool"].as_str().unwrap()
        );
        assert!(subnet.pool().is_ok());
    }
    let sn64 = got.snapshot.subnet(64).unwrap();
    assert_eq!(rao_to_decimal(sn64.tao_in_rao), d("86112.916678925"));
    assert_eq!(got.snapshot.subnet(0).unwrap().mechanism, Mechanism::Stable);
    let max_block = rows.iter().filter_map(|r| r["block_number"].as_u64()).max();
    assert_eq!(got.snapshot.block, max_block);
    assert_eq!(got.snapshot.date(), Some("2025-04-17"));
    // The spot price from the reserves agrees with Taostats' own price to 6 digits.
    let listed = d(rows.iter().find(|r| r["netuid"] == 64).unwrap()["price"]
        .as_str()
        .unwrap());
    let ours = sn64.pool().unwrap().spot_price();
    assert!(
        ((ours - listed) / listed).abs() < d("0.000001"),
        "{ours} vs {listed}"
    );
}

#[test]
fn taostats_validator_yield_adds_validators_to_the_data_in_use() {
    let text = common::read_shared("fixtures/taostats-validator-yield-2025-04-17.json");
    let current = bundled();
    let got = import(&text, &current).unwrap();
    assert_eq!(got.format, Format::TaostatsYield);
    assert_eq!(got.snapshot.validator_total(), 50);
    assert!(
        got.summary.contains("added 50 validators to 37 subnets"),
        "{}",
        got.summary
    );
    // The pools are untouched.
    for (a, b) in got.snapshot.subnets.iter().zip(&current.subnets) {
        assert_eq!(
            (a.netuid, a.tao_in_rao, a.alpha_in_rao),
            (b.netuid, b.tao_in_rao, b.alpha_in_rao)
        );
    }
    let root = got.snapshot.subnet(0).unwrap();
    assert_eq!(root.validators.len(), 12);
    let first = &root.validators[0];
    assert_eq!(first.name, "Taostats & Corcel");
    assert_eq!(
        first.hotkey,
        "5GKH9FPPnWSUoeeTJp19wVtd84XqFW4pyK2ijV2GsFbhTrP1"
    );
    assert_eq!(first.alpha_stake, Some(d("779899.178121666")));
    assert_eq!(first.apy_30d, Some(d("0.185606896818915301752")));
    assert_eq!(first.apy, first.apy_30d);
    // Loading it onto data without those subnets says so instead of loading nothing.
    let mut tiny = current.clone();
    tiny.subnets.retain(|s| s.netuid == 127);
    assert!(matches!(
        import(&text, &tiny),
        Err(SnapshotError::UnknownFormat(_))
    ));
}

#[test]
fn metagraphed_dump_gives_the_bundled_snapshot() {
    let text = common::read_shared("fixtures/metagraphed-finney-subnets-2026-08-07.json");
    let got = import(&text, &bundled()).unwrap();
    assert_eq!(got.format, Format::Metagraphed);
    let bundled = bundled();
    assert_eq!(got.snapshot.block, bundled.block);
    assert_eq!(got.snapshot.taken_at, bundled.taken_at);
    assert_eq!(got.snapshot.network, bundled.network);
    assert_eq!(got.snapshot.subnets, bundled.subnets);
    assert!(
        got.summary
            .contains("129 subnets read (block 8,791,253, 2026-08-07)"),
        "{}",
        got.summary
    );
}

const BTCLI_SAMPLE: &str = r#"{
  "total_tao_emitted": 4551234.5, "total_emissions": 0.5, "total_rate": 12.3, "total_netuids": 3,
  "emission_percentage": 51.2,
  "subnets": {
    "0": {"subnet_name": "root", "price": 1.0, "market_cap": 0.0, "emission": 0.0,
          "liquidity": {"tao_in": 5445703.100864541, "alpha_in": 1231666.310067355},
          "alpha_out": 4889051.917842904, "supply": 6120718.22791026,
          "tempo": {"blocks_since_last_step": 12, "sn_tempo": 100}},
    "64": {"subnet_name": "Chutes", "price": 0.08698809532973219, "market_cap": 510000.1,
           "emission": 0.012462749, "tao_flow_ema": 12.5,
           "liquidity": {"tao_in": 221156.58516926, "alpha_in": 2542377.6015667},
           "alpha_out": 3319182.111772565, "supply": 5861559.713339265,
           "tempo": {"blocks_since_last_step": 200, "sn_tempo": 360}},
    "4": {"subnet_name": "Targon", "price": 0.1, "market_cap": 1.0, "emission": 0.01,
          "liquidity": {"tao_in": 138131.67104480300000001, "alpha_in": 1381316.71044803},
          "alpha_out": 1.0, "supply": 2.0, "tempo": {"blocks_since_last_step": 5, "sn_tempo": 360}}
  }
}"#;

#[test]
fn btcli_subnets_list_reads_amounts_in_tao() {
    let got = import(BTCLI_SAMPLE, &bundled()).unwrap();
    assert_eq!(got.format, Format::Btcli);
    assert_eq!(got.snapshot.subnets.len(), 3);
    let chutes = got.snapshot.subnet(64).unwrap();
    assert_eq!(chutes.name, "Chutes");
    assert_eq!(chutes.tao_in_rao, 221_156_585_169_260);
    assert_eq!(chutes.alpha_in_rao, 2_542_377_601_566_700);
    assert_eq!(chutes.tempo, Some(360));
    assert_eq!(chutes.tao_in_emission, Some(d("0.012462749")));
    // Float noise beyond a rao is cut, not refused.
    assert_eq!(
        got.snapshot.subnet(4).unwrap().tao_in_rao,
        138_131_671_044_803
    );
    assert_eq!(got.snapshot.subnet(0).unwrap().mechanism, Mechanism::Stable);
    assert_eq!(got.snapshot.block, None);
    assert_eq!(
        got.summary,
        "btcli subnets list --json-output: 3 subnets read."
    );
}

#[test]
fn dtao_snapshot_round_trips_with_validators() {
    let yield_text = common::read_shared("fixtures/taostats-validator-yield-2025-04-17.json");
    let with_validators = import(&yield_text, &bundled()).unwrap().snapshot;
    let json = dtao_snapshot::write::to_json(&with_validators);
    let back = import(&json, &bundled()).unwrap();
    assert_eq!(back.format, Format::DtaoV2);
    assert_eq!(back.snapshot, with_validators);
    assert!(
        back.summary.contains("129 subnets and 50 validators read"),
        "{}",
        back.summary
    );
    // And the bundled file itself survives the trip.
    let plain = bundled();
    assert_eq!(
        dtao_snapshot::parse(&dtao_snapshot::write::to_json(&plain)).unwrap(),
        plain
    );
}

#[test]
fn bad_input_gets_a_clear_message() {
    let current = bundled();
    let good = common::read_shared("data/snapshot-finney-2026-08-07.json");
    let message = |text: &str| import(text, &current).unwrap_err().to_string();

    assert!(
        message(&good[..good.len() / 2]).starts_with("This is not valid JSON (EOF while parsing")
    );
    assert_eq!(
        message("   "),
        "There is nothing to read: the text is empty."
    );
    assert!(message("<html>404</html>")
        .starts_with("This is not valid JSON (expected value at line 1 column 1"));
    assert_eq!(
        message(&" ".repeat(MAX_BYTES + 1)),
        "Too large: 5.0 MB, and the limit is 5 MB."
    );
    let ten_mb = format!("{{\"pad\":\"{}\"}}", "x".repeat(10_000_000));
    assert_eq!(
        message(&ten_mb),
        "Too large: 10.0 MB, and the limit is 5 MB."
    );
    assert!(
        message(&format!("{}1{}", "[".repeat(5000), "]".repeat(5000))).contains("recursion limit")
    );
    assert!(message("[1, 2, 3]").starts_with("Unknown data format: a JSON list of 3 items"));
    assert!(
        message(r#"{"hello": 1}"#).starts_with("Unknown data format: a JSON object with “hello”")
    );
    assert_eq!(
        message(r#"{"schema": "dtao-snapshot/3", "subnets": []}"#),
        "Unknown data format: schema “dtao-snapshot/3” is not supported; this app reads dtao-snapshot/1 and dtao-snapshot/2."
    );
    assert_eq!(message(r#"{"data": []}"#), "The data holds no subnets.");

    let pool = |netuid: &str, total: &str, alpha: &str| {
        format!(
            r#"{{"netuid": {netuid}, "name": "x", "total_tao": {total}, "alpha_in_pool": {alpha}}}"#
        )
    };
    let taostats =
        |rows: &[String]| format!(r#"{{"pagination": {{}}, "data": [{}]}}"#, rows.join(","));
    assert_eq!(
        message(&taostats(&[pool("5", "\"-10\"", "\"100\"")])),
        "Subnet 5, field “total_tao”: must not be negative."
    );
    assert_eq!(
        message(&taostats(&[pool("5", "\"0\"", "\"100\"")])),
        "Subnet 5, field “total_tao”: must be more than 0: a pool needs both tokens to have a price."
    );
    assert_eq!(
        message(&taostats(&[pool("5", "\"NaN\"", "\"100\"")])),
        "Subnet 5, field “total_tao”: “NaN” is not a finite decimal number."
    );
    assert_eq!(
        message(&taostats(&[pool("5", "\"Infinity\"", "\"100\"")])),
        "Subnet 5, field “total_tao”: “Infinity” is not a finite decimal number."
    );
    assert_eq!(
        message(&taostats(&[pool("5", "[1]", "\"100\"")])),
        "Subnet 5, field “total_tao”: expected a number, found a list."
    );
    assert_eq!(
        message(&taostats(&[pool("\"five\"", "\"1\"", "\"100\"")])),
        "Subnet #1, field “netuid”: “five” is not a finite decimal number."
    );
    assert_eq!(
        message(&taostats(&[
            pool("5", "\"1\"", "\"1\""),
            pool("5", "\"2\"", "\"2\"")
        ])),
        "Subnet 5 appears more than once."
    );
    // A name with markup is kept as text; the page shows it as text, never as HTML.
    let html = import(
        &taostats(&[r#"{"netuid": 5, "name": "<script>alert(1)</script>", "total_tao": "1000000000", "alpha_in_pool": "1000000000"}"#.to_string()]),
        &current,
    )
    .unwrap();
    assert_eq!(html.snapshot.subnets[0].name, "<script>alert(1)</script>");
}

#[test]
fn imported_validators_fill_the_take_calculator() {
    let text = common::read_shared("fixtures/taostats-validator-yield-2025-04-17.json");
    let snapshot = import(&text, &bundled()).unwrap().snapshot;
    let form = TakeForm::read(|k| (k == "netuid").then(|| "0".to_string()), &snapshot);
    assert!(form.prefilled);
    assert_eq!(
        form.rows.len(),
        8,
        "at most 8 of root's 12, largest stake first"
    );
    assert_eq!(form.rows[0].name.ok().unwrap(), "Taostats & Corcel");
    // Their observed (30-day) APY is the delegator's yield: 0.1856… as 18.56… %, to 9 decimals.
    assert_eq!(form.rows[0].apy.text, "18.560689682");
    assert!(form.rows.iter().all(|r| r.apy.error().is_none()));
    assert_eq!(form.delegates().unwrap().len(), 8);
}

#[test]
fn dtao_snapshot_2_carries_curve_fee_and_alpha_only_stake() {
    // The chain's test pool from the superellipse vectors, as a /2 subnet.
    let doc = r#"{"schema":"dtao-snapshot/2","block":9000000,"taken_at":"2026-11-24T00:00:00Z","subnets":[
        {"netuid":0,"mechanism":"stable","tao_in":"1000","alpha_in":"1000"},
        {"netuid":7,"mechanism":"dynamic","tao_in":"0.0005","alpha_in":"0.01","fee_rate":1000,
         "validator_alpha_stake":"1234.5","total_stake_alpha":"9999","alpha_out":"5000",
         "curve":{"kind":"superellipse","alpha_scale":"42949672960000000","tao_scale":"2147483648000000",
                  "center_alpha":"85899345920000000","center_tao":"4294967296000000"}},
        {"netuid":8,"mechanism":"dynamic","tao_in":"10","alpha_in":"100","curve":{"kind":"balancer","w_tao":"0.4"}}]}"#;
    let got = import(doc, &bundled()).unwrap();
    assert_eq!(got.format, Format::DtaoV2);
    let seven = got.snapshot.subnet(7).unwrap();
    let pool = seven.pool().unwrap();
    assert_eq!(pool.fee().parts(), 1000);
    let curve = pool.superellipse().expect("a superellipse pool");
    assert_eq!(curve.alpha_scale, 42_949_672_960_000_000);
    // Its price is the chain's U64F64 figure: 0.05 TAO per alpha, one step under.
    assert_eq!(pool.chain_spot_price_rao(), 49_999_999);
    assert_eq!(seven.validator_alpha_stake, Some(d("1234.5")));
    let eight = got.snapshot.subnet(8).unwrap().pool().unwrap();
    assert!(eight.superellipse().is_none());
    assert_eq!(eight.w_tao.tao(), d("0.4"));
    // Written back as /2, it reads the same.
    let json = dtao_snapshot::write::to_json(&got.snapshot);
    assert!(json.contains("\"dtao-snapshot/2\""));
    assert_eq!(dtao_snapshot::parse(&json).unwrap(), got.snapshot);

    let current = bundled();
    let with = |subnet: &str| {
        let text = format!(
            r#"{{"schema":"dtao-snapshot/2","block":1,"taken_at":"2026-11-24T00:00:00Z","subnets":[{subnet}]}}"#
        );
        import(&text, &current).unwrap_err().to_string()
    };
    assert_eq!(
        with(
            r#"{"netuid":7,"mechanism":"dynamic","tao_in":"1","alpha_in":"1","curve":{"kind":"cubic"}}"#
        ),
        "Subnet 7, field “curve.kind”: “cubic” is neither balancer nor superellipse."
    );
    assert_eq!(
        with(
            r#"{"netuid":7,"mechanism":"dynamic","tao_in":"1","alpha_in":"1","curve":{"kind":"superellipse","alpha_scale":"0","tao_scale":"1","center_alpha":"1","center_tao":"1"}}"#
        ),
        "Subnet 7, field “curve.alpha_scale”: must be more than 0."
    );
    // Reserves beyond the centers are off the curve.
    assert!(with(r#"{"netuid":7,"mechanism":"dynamic","tao_in":"1","alpha_in":"1","curve":{"kind":"superellipse","alpha_scale":"1","tao_scale":"1","center_alpha":"5","center_tao":"5"}}"#)
        .starts_with("Subnet 7, field “curve”: This superellipse does not fit the reserves."));
    assert_eq!(
        with(r#"{"netuid":7,"mechanism":"dynamic","tao_in":"1","alpha_in":"1","fee_rate":70000}"#),
        "Subnet 7, field “fee_rate”: The fee rate is a whole number of parts of 65,535, from 0 to 10000 (the chain's maximum)."
    );
}
