//! Every field each importer reads, pinned to the value in the source's OWN unit, converted by
//! hand in the test: Taostats pool (rao strings), Taostats validator yield (rao stake, APY
//! fractions), btcli (TAO floats; no shared file, so a sample written from SPEC §5), the
//! metagraphed registry dump (TAO numbers) and dtao-snapshot/1 (the shared data file) and /2
//! (a small document with the fields /1 lacks).
//!
//! The expected values never go through the app's own conversions: a TAO text becomes rao by
//! splitting it at the point (`rao_of_text`), a rao text becomes TAO by giving it a scale of 9
//! (`tao_of_rao_text`), and a few values are also written out as literals read off the files.

mod common;

#[path = "common/figures.rs"]
mod shared;
use dtao_calc::model::pool::Mechanism;
use dtao_calc::snapshot::bundled::bundled;
use dtao_calc::snapshot::import::{import, Format};
use dtao_calc::snapshot::{Snapshot, Subnet, Validator};
use rust_decimal::Decimal;
use serde_json::Value;
use shared::d;

/// A JSON value's text as written in the file (serde_json keeps numbers' text here:
/// `arbitrary_precision`), strings unquoted.
fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => panic!("not a number or text: {other}"),
    }
}

/// A decimal amount in TAO or alpha, as its text, to rao by hand: the digits before the point
/// times 10^9 plus the first nine after it (more are cut, as a tool's float noise is).
fn rao_of_text(text: &str) -> u64 {
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    let mut nine: String = frac.chars().take(9).collect();
    while nine.len() < 9 {
        nine.push('0');
    }
    whole.parse::<u64>().unwrap() * 1_000_000_000 + nine.parse::<u64>().unwrap()
}

/// A whole number of rao, as its text, in TAO: the same digits with the point nine places in.
fn tao_of_rao_text(text: &str) -> Decimal {
    Decimal::from_i128_with_scale(text.parse::<i128>().unwrap(), 9)
}

fn whole(v: &Value) -> u64 {
    text_of(v).parse().unwrap()
}

fn subnet(s: &Snapshot, netuid: u16) -> &Subnet {
    s.subnet(netuid)
        .unwrap_or_else(|| panic!("subnet {netuid} missing"))
}

fn raw_row(rows: &[Value], netuid: u64) -> &Value {
    rows.iter()
        .find(|r| r["netuid"].as_u64() == Some(netuid))
        .unwrap_or_else(|| panic!("no row {netuid}"))
}

/// The fields a format does not carry stay empty: an importer that filled one from another
/// field (Taostats' `price` as the moving price, say) fails here.
fn only_pool_fields(s: &Subnet) {
    assert_eq!(s.w_tao, None, "{}", s.netuid);
    assert_eq!(s.superellipse, None, "{}", s.netuid);
    assert_eq!(s.fee_rate, None, "{}", s.netuid);
    assert_eq!(s.validator_alpha_stake, None, "{}", s.netuid);
    assert_eq!(s.eligible_alpha_rao, None, "{}", s.netuid);
    assert!(s.validators.is_empty(), "{}", s.netuid);
}

// ---------------------------------------------------------------------------------------------
// Taostats GET /api/dtao/pool/latest/v1: amounts are strings in RAO.

/// Pins: Subnet.tao_in_rao (`total_tao`, rao), alpha_in_rao (`alpha_in_pool`, rao),
/// alpha_out_rao (`alpha_staked`, rao), name (`name`, the token glyph), symbol (`symbol`),
/// mechanism (netuid 0 stable), the fields the format lacks (None), and the snapshot's block
/// (`block_number`), taken_at (`timestamp`), network, source and root_tao_staked (root's
/// `total_tao` in TAO). Expected: the raw strings parsed as integers (no conversion: rao is rao),
/// and literals read off the file for subnet 64.
#[test]
fn taostats_pool_fields_in_rao() {
    let text = common::read_shared("fixtures/taostats-pool-latest-2025-04-17.json");
    let raw: Value = serde_json::from_str(&text).unwrap();
    let rows = raw["data"].as_array().unwrap();
    let got = import(&text, &bundled()).unwrap();
    assert_eq!(got.format, Format::TaostatsPool);
    let s = &got.snapshot;

    // Literals from the file, subnet 64: "86112916678925", "230043346255366", "533986923288688".
    let sn64 = subnet(s, 64);
    assert_eq!(sn64.tao_in_rao, 86_112_916_678_925);
    assert_eq!(sn64.alpha_in_rao, 230_043_346_255_366);
    assert_eq!(sn64.alpha_out_rao, Some(533_986_923_288_688));
    assert_eq!(sn64.name, "𝜏");
    assert_eq!(sn64.symbol, "ش");

    for netuid in [0u64, 1, 19, 64, 87] {
        let row = raw_row(rows, netuid);
        let s = subnet(s, netuid as u16);
        let rao = |key: &str| row[key].as_str().unwrap().parse::<u64>().unwrap();
        assert_eq!(s.tao_in_rao, rao("total_tao"), "{netuid} total_tao");
        assert_eq!(
            s.alpha_in_rao,
            rao("alpha_in_pool"),
            "{netuid} alpha_in_pool"
        );
        assert_eq!(s.alpha_out_rao, Some(rao("alpha_staked")), "{netuid}");
        assert_eq!(s.name, row["name"].as_str().unwrap(), "{netuid} name");
        assert_eq!(s.symbol, row["symbol"].as_str().unwrap(), "{netuid} symbol");
        let mechanism = if netuid == 0 {
            Mechanism::Stable
        } else {
            Mechanism::Dynamic
        };
        assert_eq!(s.mechanism, mechanism, "{netuid}");
        // `price` is the spot price, not the moving average: it is not read as one.
        assert_eq!(s.moving_price, None, "{netuid}");
        for none in [
            s.alpha_out_emission,
            s.alpha_in_emission,
            s.tao_in_emission,
            s.total_stake_alpha,
        ] {
            assert_eq!(none, None, "{netuid}");
        }
        for none in [
            s.tempo,
            s.validator_count,
            s.miner_count,
            s.registered_at_block,
        ] {
            assert_eq!(none, None, "{netuid}");
        }
        only_pool_fields(s);
        // The unit check: the reserves' ratio is Taostats' own `price` (TAO per alpha), to
        // 6 digits. Reserves read 10^9 off in either direction would be far from it.
        if netuid != 0 {
            let listed = d(row["price"].as_str().unwrap());
            let ours = Decimal::from(s.tao_in_rao) / Decimal::from(s.alpha_in_rao);
            assert!(
                ((ours - listed) / listed).abs() < d("0.000001"),
                "{netuid}: {ours} vs {listed}"
            );
        }
    }
    // Every pool, the same way.
    for row in rows {
        let s = subnet(s, row["netuid"].as_u64().unwrap() as u16);
        assert_eq!(s.tao_in_rao.to_string(), row["total_tao"].as_str().unwrap());
        assert_eq!(
            s.alpha_out_rao.map(|r| r.to_string()).as_deref(),
            row["alpha_staked"].as_str()
        );
    }
    assert_eq!(s.block, Some(5_373_800));
    assert_eq!(s.taken_at.as_deref(), Some("2025-04-17T21:13:36Z"));
    assert_eq!(s.network, "finney");
    assert_eq!(s.source, "Taostats dtao/pool/latest/v1");
    // Root's total_tao "5710985930652507" rao = 5,710,985.930652507 TAO.
    assert_eq!(s.root_tao_staked, Some(d("5710985.930652507")));
    assert_eq!(s.block_emission_tao, None);
    assert_eq!(s.tao_weight, None);
    // The file lists pools by rank; the snapshot holds them by netuid.
    let netuids: Vec<u16> = s.subnets.iter().map(|s| s.netuid).collect();
    let mut sorted = netuids.clone();
    sorted.sort_unstable();
    assert_eq!(netuids, sorted);
    assert_ne!(rows[0]["netuid"].as_u64(), Some(0));
}

/// Pins: the snapshot's block is the LATEST `block_number` of any row and taken_at the latest
/// `timestamp` (the shared file has one block only, so rows with three are written here: the
/// latest is neither the first nor the last row).
#[test]
fn taostats_pool_block_and_time_are_the_latest_rows() {
    let row = |netuid: u16, block: u64, time: &str| {
        format!(
            r#"{{"netuid":{netuid},"name":"x","symbol":"y","total_tao":"2000000000","alpha_in_pool":"4000000000","block_number":{block},"timestamp":"{time}"}}"#
        )
    };
    let doc = format!(
        r#"{{"pagination":{{}},"data":[{},{},{}]}}"#,
        row(3, 150, "2025-04-17T21:00:00Z"),
        row(4, 200, "2025-04-17T22:00:00Z"),
        row(5, 100, "2025-04-17T20:00:00Z")
    );
    let s = import(&doc, &bundled()).unwrap().snapshot;
    assert_eq!(s.block, Some(200));
    assert_eq!(s.taken_at.as_deref(), Some("2025-04-17T22:00:00Z"));
    // No root pool: no root stake, and these pools (2 TAO / 4 alpha) are dynamic.
    assert_eq!(s.root_tao_staked, None);
    assert_eq!(subnet(&s, 4).tao_in_rao, 2_000_000_000);
    assert_eq!(subnet(&s, 4).mechanism, Mechanism::Dynamic);
}

// ---------------------------------------------------------------------------------------------
// Taostats GET /api/dtao/validator/yield/latest/v1: stake in RAO, APYs as fractions.

/// Pins: Validator.hotkey (`hotkey.ss58`, not `hex`), name (`name`, "" when null),
/// alpha_stake (`stake` rao / 10^9), apy_1h/apy_1d/apy_7d/apy_30d (`one_hour_apy`...
/// `thirty_day_apy`, fractions as written), apy (the 30-day one), take (not in the format:
/// None), the order per subnet and the count per subnet. Expected: the raw values, the stake
/// by putting the point nine digits in; literals for the first root validator.
#[test]
fn taostats_yield_validator_fields_in_their_units() {
    let text = common::read_shared("fixtures/taostats-validator-yield-2025-04-17.json");
    let raw: Value = serde_json::from_str(&text).unwrap();
    let rows = raw["data"].as_array().unwrap();
    let current = bundled();
    let got = import(&text, &current).unwrap();
    assert_eq!(got.format, Format::TaostatsYield);
    let s = &got.snapshot;

    // Literals: stake "779899178121666" rao = 779,899.178121666 alpha.
    let first = &subnet(s, 0).validators[0];
    assert_eq!(
        first,
        &Validator {
            hotkey: "5GKH9FPPnWSUoeeTJp19wVtd84XqFW4pyK2ijV2GsFbhTrP1".into(),
            name: "Taostats & Corcel".into(),
            take: None,
            alpha_stake: Some(d("779899.178121666")),
            apy: Some(d("0.185606896818915301752")),
            apy_1h: Some(d("0.3752308800971794194682341741")),
            apy_1d: Some(d("0.2430601273486563855654179324")),
            apy_7d: Some(d("0.23927172046185372240705")),
            apy_30d: Some(d("0.185606896818915301752")),
        }
    );

    // Every validator against its row, in the file's order within each subnet.
    let mut seen: std::collections::BTreeMap<u16, usize> = Default::default();
    for row in rows {
        let netuid = row["netuid"].as_u64().unwrap() as u16;
        let index = seen.entry(netuid).or_default();
        let v = &subnet(s, netuid).validators[*index];
        *index += 1;
        assert_eq!(v.hotkey, row["hotkey"]["ss58"].as_str().unwrap());
        assert_eq!(v.name, row["name"].as_str().unwrap_or(""));
        assert_eq!(
            v.alpha_stake,
            Some(tao_of_rao_text(row["stake"].as_str().unwrap()))
        );
        let fraction = |key: &str| Some(d(&text_of(&row[key])));
        assert_eq!(v.apy_1h, fraction("one_hour_apy"), "{}", v.hotkey);
        assert_eq!(v.apy_1d, fraction("one_day_apy"), "{}", v.hotkey);
        assert_eq!(v.apy_7d, fraction("seven_day_apy"), "{}", v.hotkey);
        assert_eq!(v.apy_30d, fraction("thirty_day_apy"), "{}", v.hotkey);
        assert_eq!(v.apy, fraction("thirty_day_apy"), "{}", v.hotkey);
        assert_eq!(v.take, None);
    }
    for (netuid, count) in &seen {
        assert_eq!(subnet(s, *netuid).validators.len(), *count, "{netuid}");
    }
    // A validator with no name in the file (root has two) reads as "".
    assert!(subnet(s, 0).validators.iter().any(|v| v.name.is_empty()));
    // The pools and every other field of the data in use are untouched.
    for (a, b) in s.subnets.iter().zip(&current.subnets) {
        assert_eq!(
            Subnet {
                validators: Vec::new(),
                ..a.clone()
            },
            *b
        );
    }
    assert_eq!(s.block, current.block);
    assert_eq!(s.root_tao_staked, current.root_tao_staked);
}

/// Pins: Validator.apy falls back from 30 days to 7 days to 1 day to 1 hour; a hotkey given
/// as plain text; the summary's counts of added and skipped validators (a subnet not in the
/// data). No shared file lacks a window, so the rows are written here.
#[test]
fn taostats_yield_apy_falls_back_window_by_window() {
    let doc = r#"{"data":[
        {"hotkey":{"ss58":"5A","hex":"0x01"},"name":"a","netuid":64,"stake":"1000000001",
         "one_hour_apy":"0.11","one_day_apy":"0.12","seven_day_apy":"0.17","thirty_day_apy":null},
        {"hotkey":{"ss58":"5B","hex":"0x02"},"name":"b","netuid":64,"stake":"5",
         "one_hour_apy":"0.21","one_day_apy":"0.22"},
        {"hotkey":"5C","name":"c","netuid":64,"one_hour_apy":"0.31","seven_day_apy":null},
        {"hotkey":"5D","name":"d","netuid":4000,"stake":"7","one_day_apy":"0.4"}]}"#;
    let got = import(doc, &bundled()).unwrap();
    assert_eq!(got.format, Format::TaostatsYield);
    let v = &subnet(&got.snapshot, 64).validators;
    assert_eq!(v.len(), 3);
    assert_eq!(v[0].apy, Some(d("0.17")));
    // 1,000,000,001 rao = 1.000000001 alpha.
    assert_eq!(v[0].alpha_stake, Some(d("1.000000001")));
    assert_eq!(v[1].apy, Some(d("0.22")));
    assert_eq!(v[1].alpha_stake, Some(d("0.000000005")));
    assert_eq!(v[2].apy, Some(d("0.31")));
    assert_eq!(v[2].hotkey, "5C");
    assert_eq!(v[2].alpha_stake, None);
    assert_eq!(
        got.summary,
        "Taostats dtao/validator/yield/latest/v1: added 3 validators to 1 subnets; skipped 1 on subnets not in the data in use."
    );
}

// ---------------------------------------------------------------------------------------------
// btcli subnets list --json-output: amounts in TAO (floats).

const BTCLI: &str = r#"{
  "network": "finney", "block": 8791253,
  "total_tao_emitted": 4551234.5, "total_emissions": 0.5, "total_netuids": 4,
  "subnets": {
    "0": {"subnet_name": "root", "symbol": "Τ", "price": 1.0, "market_cap": 0.0, "emission": 0.0,
          "liquidity": {"tao_in": 5445703.100864541, "alpha_in": 1231666.310067355},
          "alpha_out": 4889051.917842904, "supply": 6120718.22791026,
          "tempo": {"blocks_since_last_step": 12, "sn_tempo": 100}},
    "64": {"subnet_name": "Chutes", "symbol": "ش", "price": 0.08698809532973219,
           "market_cap": 510000.1, "emission": 0.012462749, "tao_flow_ema": 12.5,
           "liquidity": {"tao_in": 221156.58516926, "alpha_in": 2542377.6015667},
           "alpha_out": 3319182.111772565, "supply": 5861559.713339265,
           "tempo": {"blocks_since_last_step": 200, "sn_tempo": 360}},
    "4": {"subnet_name": "Targon", "symbol": "δ", "price": 0.058, "market_cap": 1.0,
          "emission": 0.008301682,
          "liquidity": {"tao_in": 138131.6710448039, "alpha_in": 2378047.407901896},
          "alpha_out": 3500496.0946085179, "supply": 2.0,
          "tempo": {"blocks_since_last_step": 5, "sn_tempo": 99}},
    "10": {"subnet_name": "Ten", "price": 0.5, "emission": 0,
           "liquidity": {"tao_in": 3, "alpha_in": 6}}
  }
}"#;

/// Pins: Subnet.tao_in_rao (`liquidity.tao_in`, TAO), alpha_in_rao (`liquidity.alpha_in`),
/// alpha_out_rao (`alpha_out`), name (`subnet_name`), symbol, tao_in_emission (`emission`,
/// TAO per block as written), tempo (`tempo.sn_tempo`, not blocks_since_last_step), mechanism
/// (0 stable), netuid from the key and the order by netuid (keys sort "10" < "4" as text),
/// a float's 10th decimal CUT not rounded, and the snapshot's network and block. Expected:
/// TAO text x 10^9 by hand, and literals.
#[test]
fn btcli_fields_in_tao() {
    let raw: Value = serde_json::from_str(BTCLI).unwrap();
    let got = import(BTCLI, &bundled()).unwrap();
    assert_eq!(got.format, Format::Btcli);
    let s = &got.snapshot;
    let chutes = subnet(s, 64);
    // 221156.58516926 TAO, 2542377.6015667 and 3319182.111772565 alpha.
    assert_eq!(chutes.tao_in_rao, 221_156_585_169_260);
    assert_eq!(chutes.alpha_in_rao, 2_542_377_601_566_700);
    assert_eq!(chutes.alpha_out_rao, Some(3_319_182_111_772_565));
    assert_eq!(chutes.name, "Chutes");
    assert_eq!(chutes.symbol, "ش");
    assert_eq!(chutes.tao_in_emission, Some(d("0.012462749")));
    assert_eq!(chutes.tempo, Some(360));
    // 138131.6710448039: the tenth decimal is cut (…803), not rounded (…804).
    let targon = subnet(s, 4);
    assert_eq!(targon.tao_in_rao, 138_131_671_044_803);
    assert_eq!(targon.alpha_out_rao, Some(3_500_496_094_608_517));
    assert_eq!(targon.tempo, Some(99));
    for netuid in ["0", "4", "64"] {
        let row = &raw["subnets"][netuid];
        let s = subnet(s, netuid.parse().unwrap());
        assert_eq!(
            s.tao_in_rao,
            rao_of_text(&text_of(&row["liquidity"]["tao_in"]))
        );
        assert_eq!(
            s.alpha_in_rao,
            rao_of_text(&text_of(&row["liquidity"]["alpha_in"]))
        );
        assert_eq!(
            s.alpha_out_rao,
            Some(rao_of_text(&text_of(&row["alpha_out"])))
        );
        assert_eq!(s.tao_in_emission, Some(d(&text_of(&row["emission"]))));
        assert_eq!(s.tempo, Some(whole(&row["tempo"]["sn_tempo"])));
        assert_eq!(s.name, row["subnet_name"].as_str().unwrap());
        assert_eq!(s.symbol, row["symbol"].as_str().unwrap());
        // `price` is btcli's spot price: not the moving price.
        assert_eq!(s.moving_price, None);
        assert_eq!(s.alpha_out_emission, None);
        assert_eq!(s.total_stake_alpha, None);
        only_pool_fields(s);
    }
    assert_eq!(subnet(s, 0).mechanism, Mechanism::Stable);
    assert_eq!(subnet(s, 0).tao_in_rao, 5_445_703_100_864_541);
    assert_eq!(subnet(s, 64).mechanism, Mechanism::Dynamic);
    // Whole-number amounts: 3 TAO, 6 alpha; no alpha_out, tempo or symbol given.
    let ten = subnet(s, 10);
    assert_eq!(
        (ten.tao_in_rao, ten.alpha_in_rao),
        (3_000_000_000, 6_000_000_000)
    );
    assert_eq!((ten.alpha_out_rao, ten.tempo), (None, None));
    assert_eq!(ten.symbol, "");
    let netuids: Vec<u16> = s.subnets.iter().map(|s| s.netuid).collect();
    assert_eq!(netuids, [0, 4, 10, 64]);
    assert_eq!(s.network, "finney");
    assert_eq!(s.block, Some(8_791_253));
    assert_eq!(s.source, "btcli subnets list --json-output");
    assert_eq!(s.taken_at, None);
}

/// Pins: root_tao_staked from root's pool (`liquidity.tao_in` of subnet 0, TAO), as the
/// Taostats and metagraphed importers do from the same figure (`rows::root_tao_staked`: "for
/// formats that only give root's pool: its TAO reserve"). The btcli importer leaves it None,
/// so after a btcli import every subnet's derived yield lacks "TAO staked on root" although
/// the file has it.
#[test]
fn btcli_root_stake_from_root_pool() {
    let s = import(BTCLI, &bundled()).unwrap().snapshot;
    // Subnet 0's tao_in, 5445703.100864541 TAO.
    assert_eq!(s.root_tao_staked, Some(d("5445703.100864541")));
}

/// Pins: the block from `block_number` when `block` is absent.
#[test]
fn btcli_block_from_block_number() {
    let doc =
        r#"{"block_number": 77, "subnets": {"5": {"liquidity": {"tao_in": 1.5, "alpha_in": 2}}}}"#;
    let s = import(doc, &bundled()).unwrap().snapshot;
    assert_eq!(s.block, Some(77));
    assert_eq!(s.network, "");
    assert_eq!(subnet(&s, 5).tao_in_rao, 1_500_000_000);
}

// ---------------------------------------------------------------------------------------------
// The metagraphed registry dump: amounts are TAO as JSON numbers.

/// Pins: Subnet.tao_in_rao (`economics.tao_in_pool_tao`), alpha_in_rao (`alpha_in_pool`),
/// alpha_out_rao (`alpha_out_pool`), moving_price (`alpha_price_tao`), alpha_out_emission,
/// alpha_in_emission, tao_in_emission (`tao_in_emission_tao`), total_stake_alpha,
/// validator_count and miner_count (in `economics`), tempo and registered_at_block (on the
/// row), name, symbol, mechanism (`subnet_type` root); the snapshot's block
/// (`chain_state.block`, not a row's `block`), taken_at (`captured_at`), network, source and
/// root_tao_staked. Expected: TAO text x 10^9 by hand, decimals as written, literals for 64.
#[test]
fn metagraphed_fields_in_tao() {
    let text = common::read_shared("fixtures/metagraphed-finney-subnets-2026-08-07.json");
    let raw: Value = serde_json::from_str(&text).unwrap();
    let rows = raw["subnets"].as_array().unwrap();
    let got = import(&text, &bundled()).unwrap();
    assert_eq!(got.format, Format::Metagraphed);
    let s = &got.snapshot;

    let chutes = subnet(s, 64);
    assert_eq!(chutes.tao_in_rao, 221_156_585_169_260);
    assert_eq!(chutes.alpha_in_rao, 2_542_377_601_566_700);
    assert_eq!(chutes.alpha_out_rao, Some(3_319_182_111_772_565));
    assert_eq!(chutes.moving_price, Some(d("0.086479119")));
    assert_eq!(chutes.alpha_out_emission, Some(Decimal::ONE));
    assert_eq!(chutes.alpha_in_emission, Some(d("0.143270441")));
    assert_eq!(chutes.tao_in_emission, Some(d("0.012462749")));
    assert_eq!(chutes.total_stake_alpha, Some(d("3938068.737166841")));
    assert_eq!(chutes.tempo, Some(360));
    assert_eq!(chutes.validator_count, Some(19));
    assert_eq!(chutes.miner_count, Some(237));
    assert_eq!(chutes.registered_at_block, Some(4_531_295));
    assert_eq!(
        (chutes.name.as_str(), chutes.symbol.as_str()),
        ("Chutes", "ش")
    );

    for netuid in [0u64, 1, 4, 64, 120] {
        let row = raw_row(rows, netuid);
        let eco = &row["economics"];
        let s = subnet(s, netuid as u16);
        let dec = |key: &str| Some(d(&text_of(&eco[key])));
        assert_eq!(s.tao_in_rao, rao_of_text(&text_of(&eco["tao_in_pool_tao"])));
        assert_eq!(s.alpha_in_rao, rao_of_text(&text_of(&eco["alpha_in_pool"])));
        assert_eq!(
            s.alpha_out_rao,
            Some(rao_of_text(&text_of(&eco["alpha_out_pool"])))
        );
        assert_eq!(s.moving_price, dec("alpha_price_tao"), "{netuid}");
        assert_eq!(s.alpha_out_emission, dec("alpha_out_emission"), "{netuid}");
        assert_eq!(s.alpha_in_emission, dec("alpha_in_emission"), "{netuid}");
        assert_eq!(s.tao_in_emission, dec("tao_in_emission_tao"), "{netuid}");
        assert_eq!(s.total_stake_alpha, dec("total_stake_alpha"), "{netuid}");
        assert_eq!(s.validator_count, Some(whole(&eco["validator_count"])));
        assert_eq!(s.miner_count, Some(whole(&eco["miner_count"])));
        assert_eq!(s.tempo, Some(whole(&row["tempo"])));
        assert_eq!(
            s.registered_at_block,
            Some(whole(&row["registered_at_block"]))
        );
        assert_eq!(s.name, row["name"].as_str().unwrap());
        assert_eq!(s.symbol, row["symbol"].as_str().unwrap());
        let mechanism = if row["subnet_type"] == "root" {
            Mechanism::Stable
        } else {
            Mechanism::Dynamic
        };
        assert_eq!(s.mechanism, mechanism, "{netuid}");
        only_pool_fields(s);
    }
    for row in rows {
        let eco = &row["economics"];
        let s = subnet(s, row["netuid"].as_u64().unwrap() as u16);
        assert_eq!(s.tao_in_rao, rao_of_text(&text_of(&eco["tao_in_pool_tao"])));
        assert_eq!(s.alpha_in_rao, rao_of_text(&text_of(&eco["alpha_in_pool"])));
    }
    assert_eq!(s.subnets.len(), rows.len());
    // chain_state.block 8,791,253; the rows' own "block" differ (root's is 8,791,247).
    assert_eq!(s.block, Some(8_791_253));
    assert_ne!(rows[0]["block"].as_u64(), Some(8_791_253));
    assert_eq!(s.taken_at.as_deref(), Some("2026-08-07T08:35:00Z"));
    assert_eq!(s.network, "finney");
    assert_eq!(s.source, "metagraphed subnet registry dump");
    // Root's tao_in_pool_tao, 5445703.100864541 TAO.
    assert_eq!(s.root_tao_staked, Some(d("5445703.100864541")));
    assert_eq!(subnet(s, 0).mechanism, Mechanism::Stable);
}

/// Pins: a row whose `subnet_type` is "root" is stable whatever its netuid, and a missing
/// optional figure stays None (written here: the shared dump has root on netuid 0 only).
#[test]
fn metagraphed_subnet_type_root_is_stable() {
    let doc = r#"{"schema_version":1,"network":"test","subnets":[
        {"netuid":9,"subnet_type":"root","economics":{"tao_in_pool_tao":0,"alpha_in_pool":0}},
        {"netuid":10,"subnet_type":"application","economics":{"tao_in_pool_tao":1.25,"alpha_in_pool":2.000000001}}]}"#;
    let s = import(doc, &bundled()).unwrap().snapshot;
    assert_eq!(subnet(&s, 9).mechanism, Mechanism::Stable);
    let ten = subnet(&s, 10);
    assert_eq!(ten.mechanism, Mechanism::Dynamic);
    assert_eq!(
        (ten.tao_in_rao, ten.alpha_in_rao),
        (1_250_000_000, 2_000_000_001)
    );
    assert_eq!(
        (ten.moving_price, ten.tempo, ten.alpha_out_rao),
        (None, None, None)
    );
    assert_eq!((s.block, s.taken_at.clone()), (None, None));
    assert_eq!(s.root_tao_staked, Some(Decimal::ZERO));
}

// ---------------------------------------------------------------------------------------------
// dtao-snapshot/1 (the shared data file) and /2: amounts as TAO strings.

/// Pins every /1 field: Subnet.name, symbol, mechanism (`mechanism` text), tao_in_rao
/// (`tao_in`), alpha_in_rao (`alpha_in`), alpha_out_rao (`alpha_out`), moving_price,
/// alpha_out_emission, alpha_in_emission, tao_in_emission, total_stake_alpha, tempo,
/// validator_count, miner_count, registered_at_block; and the top's network, block, taken_at,
/// source, block_emission_tao, tao_weight, root_tao_staked. Expected: TAO text x 10^9 by hand,
/// decimals and integers as written, literals for 64.
#[test]
fn dtao_snapshot_1_fields_in_tao() {
    let text = common::read_shared("data/snapshot-finney-2026-08-07.json");
    let raw: Value = serde_json::from_str(&text).unwrap();
    let rows = raw["subnets"].as_array().unwrap();
    let got = import(&text, &bundled()).unwrap();
    assert_eq!(got.format, Format::DtaoV1);
    let s = &got.snapshot;

    let chutes = subnet(s, 64);
    assert_eq!(chutes.tao_in_rao, 221_156_585_169_260);
    assert_eq!(chutes.alpha_in_rao, 2_542_377_601_566_700);
    assert_eq!(chutes.alpha_out_rao, Some(3_319_182_111_772_565));
    assert_eq!(chutes.moving_price, Some(d("0.086479119")));
    assert_eq!(chutes.alpha_in_emission, Some(d("0.143270441")));
    assert_eq!(chutes.tao_in_emission, Some(d("0.012462749")));
    assert_eq!(chutes.total_stake_alpha, Some(d("3938068.737166841")));
    assert_eq!(
        (chutes.tempo, chutes.validator_count, chutes.miner_count),
        (Some(360), Some(19), Some(237))
    );
    assert_eq!(chutes.registered_at_block, Some(4_531_295));

    for netuid in [0u64, 1, 4, 64, 120] {
        let row = raw_row(rows, netuid);
        let s = subnet(s, netuid as u16);
        let dec = |key: &str| Some(d(row[key].as_str().unwrap()));
        let rao = |key: &str| rao_of_text(row[key].as_str().unwrap());
        assert_eq!(s.name, row["name"].as_str().unwrap());
        assert_eq!(s.symbol, row["symbol"].as_str().unwrap());
        let mechanism = match row["mechanism"].as_str().unwrap() {
            "stable" => Mechanism::Stable,
            _ => Mechanism::Dynamic,
        };
        assert_eq!(s.mechanism, mechanism, "{netuid}");
        assert_eq!(s.tao_in_rao, rao("tao_in"), "{netuid}");
        assert_eq!(s.alpha_in_rao, rao("alpha_in"), "{netuid}");
        assert_eq!(s.alpha_out_rao, Some(rao("alpha_out")), "{netuid}");
        assert_eq!(s.moving_price, dec("moving_price"), "{netuid}");
        assert_eq!(s.alpha_out_emission, dec("alpha_out_emission"), "{netuid}");
        assert_eq!(s.alpha_in_emission, dec("alpha_in_emission"), "{netuid}");
        assert_eq!(s.tao_in_emission, dec("tao_in_emission"), "{netuid}");
        assert_eq!(s.total_stake_alpha, dec("total_stake_alpha"), "{netuid}");
        assert_eq!(s.tempo, Some(whole(&row["tempo"])), "{netuid}");
        assert_eq!(s.validator_count, Some(whole(&row["validator_count"])));
        assert_eq!(s.miner_count, Some(whole(&row["miner_count"])));
        assert_eq!(
            s.registered_at_block,
            Some(whole(&row["registered_at_block"]))
        );
        only_pool_fields(s);
    }
    for row in rows {
        let s = subnet(s, row["netuid"].as_u64().unwrap() as u16);
        assert_eq!(s.tao_in_rao, rao_of_text(row["tao_in"].as_str().unwrap()));
        assert_eq!(
            s.alpha_out_rao,
            Some(rao_of_text(row["alpha_out"].as_str().unwrap()))
        );
    }
    assert_eq!(s.network, "finney");
    assert_eq!(s.block, Some(8_791_253));
    assert_eq!(s.taken_at.as_deref(), Some("2026-08-07T08:35:00Z"));
    assert_eq!(s.source, raw["source"].as_str().unwrap());
    assert_eq!(s.block_emission_tao, Some(d("0.5")));
    assert_eq!(s.tao_weight, Some(d("0.18")));
    assert_eq!(s.root_tao_staked, Some(d("5445703.100864541")));
    assert_eq!(s.runtime, Default::default());
    // And it is the bundled snapshot.
    assert_eq!(*s, bundled());
}

/// Pins the fields /1 lacks, in a /2 document written here: Subnet.w_tao (top-level
/// `w_tao`, and a `curve` of kind balancer, whose weight wins), superellipse (the four Q32
/// integers as written), fee_rate (parts of 65,535), validator_alpha_stake (alpha),
/// eligible_alpha_rao (`eligible_alpha` in alpha, x 10^9); Validator.hotkey, name, take,
/// alpha_stake, apy, apy_1h/1d/7d/30d (each a different number, so a swap fails); the top's
/// spec_version, maturity_rate, unlock_rate, owner_cut and block_hash (hex to 32 bytes).
#[test]
fn dtao_snapshot_2_fields() {
    let doc = r#"{"schema":"dtao-snapshot/2","network":"devnet","block":9000000,
      "taken_at":"2026-11-24T00:00:00Z","source":"test","spec_version":461,
      "maturity_rate":311622,"unlock_rate":934866,"owner_cut":11796,
      "block_hash":"0x00112233445566778899aabbccddeeff00112233445566778899aabbccddeef0",
      "subnets":[
        {"netuid":7,"mechanism":"dynamic","tao_in":"0.0005","alpha_in":"0.01","fee_rate":1000,
         "validator_alpha_stake":"1234.5","eligible_alpha":"4321.000000123","alpha_out":"5000",
         "curve":{"kind":"superellipse","alpha_scale":"42949672960000000","tao_scale":"2147483648000000",
                  "center_alpha":"85899345920000000","center_tao":"4294967296000000"},
         "validators":[{"hotkey":"5Hk","name":"Val","take":"0.09","alpha_stake":"250.000000001",
                        "apy":"0.5","apy_1h":"0.61","apy_1d":"0.62","apy_7d":"0.67","apy_30d":"0.63"},
                       {"hotkey":"5Hl"}]},
        {"netuid":8,"mechanism":"dynamic","tao_in":"10","alpha_in":"100","w_tao":"0.3",
         "curve":{"kind":"balancer","w_tao":"0.4"}},
        {"netuid":9,"mechanism":"dynamic","tao_in":"10","alpha_in":"100","w_tao":"0.25"}]}"#;
    let got = import(doc, &bundled()).unwrap();
    assert_eq!(got.format, Format::DtaoV2);
    let s = &got.snapshot;
    let seven = subnet(s, 7);
    assert_eq!(seven.tao_in_rao, 500_000);
    assert_eq!(seven.alpha_in_rao, 10_000_000);
    assert_eq!(seven.alpha_out_rao, Some(5_000_000_000_000));
    assert_eq!(seven.fee_rate.map(|f| f.parts()), Some(1000));
    assert_eq!(seven.validator_alpha_stake, Some(d("1234.5")));
    assert_eq!(seven.eligible_alpha_rao, Some(4_321_000_000_123));
    let curve = seven.superellipse.expect("a superellipse");
    assert_eq!(curve.alpha_scale, 42_949_672_960_000_000);
    assert_eq!(curve.tao_scale, 2_147_483_648_000_000);
    assert_eq!(curve.center_alpha, 85_899_345_920_000_000);
    assert_eq!(curve.center_tao, 4_294_967_296_000_000);
    assert_eq!(seven.w_tao, None);
    assert_eq!(
        seven.validators[0],
        Validator {
            hotkey: "5Hk".into(),
            name: "Val".into(),
            take: Some(d("0.09")),
            alpha_stake: Some(d("250.000000001")),
            apy: Some(d("0.5")),
            apy_1h: Some(d("0.61")),
            apy_1d: Some(d("0.62")),
            apy_7d: Some(d("0.67")),
            apy_30d: Some(d("0.63")),
        }
    );
    assert_eq!(
        seven.validators[1],
        Validator {
            hotkey: "5Hl".into(),
            ..Default::default()
        }
    );
    // The curve's weight, 0.4, over the subnet's own 0.3; 0.25 where there is no curve.
    let weight = |n: u16| subnet(s, n).w_tao.map(|w| w.tao());
    assert_eq!(weight(8), Some(d("0.4")));
    assert_eq!(weight(9), Some(d("0.25")));
    assert_eq!(subnet(s, 8).superellipse, None);
    assert_eq!(s.runtime.spec_version, Some(461));
    assert_eq!(s.runtime.maturity_rate, Some(311_622));
    assert_eq!(s.runtime.unlock_rate, Some(934_866));
    assert_eq!(s.runtime.owner_cut, Some(11_796));
    let mut hash = [0u8; 32];
    for (i, b) in hash.iter_mut().enumerate() {
        *b = [
            0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd,
            0xee, 0xff,
        ][i % 16];
    }
    hash[31] = 0xf0;
    assert_eq!(s.runtime.block_hash, Some(hash));
    assert_eq!(s.network, "devnet");
    assert_eq!(s.block, Some(9_000_000));
    assert_eq!(s.source, "test");
    assert_eq!(
        got.summary,
        "dtao-snapshot/2: 3 subnets and 2 validators read (block 9,000,000, 2026-11-24)."
    );
}

/// The hand conversions themselves, against values whose rao are known.
#[test]
fn the_hand_conversions() {
    assert_eq!(rao_of_text("221156.58516926"), 221_156_585_169_260);
    assert_eq!(rao_of_text("0.5"), 500_000_000);
    assert_eq!(rao_of_text("7"), 7_000_000_000);
    assert_eq!(rao_of_text("1.0000000019"), 1_000_000_001);
    assert_eq!(tao_of_rao_text("779899178121666"), d("779899.178121666"));
}
