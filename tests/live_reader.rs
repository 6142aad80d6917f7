//! The chain reader against a pretend node whose states are the bundled snapshot encoded with
//! the runtime's types: it reads back exactly the served values, takes each pool's curve and
//! fee rate from storage, refuses every broken or absurd answer with its sentence, and what it
//! writes (dtao-snapshot/2) imports unchanged. The states are also the browser tests' replay
//! (`tests/browser/fixtures/chain-replay.json`; `DTAO_REGENERATE=1` rewrites it).

mod common;

use common::chain_node::{calibrated, Neurons, NodeState};
use dtao_calc::model::num::units::decimal_to_rao;
use dtao_calc::model::pool::fee::FeeRate;
use dtao_calc::model::pool::weights::TaoWeight;
use dtao_calc::snapshot::chain::rpc::{batch_results, batch_text, Call};
use dtao_calc::snapshot::chain::storage::PoolItem;
use dtao_calc::snapshot::chain::validators::{ss58, Neuron};
use dtao_calc::snapshot::chain::{read, LiveError};
use dtao_calc::snapshot::dtao_snapshot::{self, write::to_json};
use dtao_calc::snapshot::{bundled::bundled, Snapshot};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

const ENDPOINT: &str = "ws://127.0.0.1:9944";
const FETCHED: &str = "2026-11-24T20:00:00Z";
/// The subnet whose pool moves between the two reads.
const MOVED: u16 = 64;

fn block_on<T>(future: impl Future<Output = T>) -> T {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("the pretend node answers at once"),
    }
}

/// The bundled snapshot as the chain of spec 393 holds it, with one subnet's fee rate set.
fn first() -> Snapshot {
    let mut s = bundled();
    s.subnets
        .iter_mut()
        .find(|s| s.netuid == MOVED)
        .unwrap()
        .fee_rate = Some(FeeRate::new(100).unwrap());
    s
}

/// 300 blocks later on a runtime with the newer swap code: subnet 64 bought into and converted
/// to a superellipse, subnet 1 on a 0.4 Balancer weight, the lock rates stored.
fn later() -> Snapshot {
    let mut s = first();
    s.block = s.block.map(|b| b + 300);
    s.runtime.maturity_rate = Some(311_622);
    s.runtime.unlock_rate = Some(934_866);
    let moved = s.subnets.iter_mut().find(|s| s.netuid == MOVED).unwrap();
    moved.tao_in_rao += 1_000_000_000_000;
    moved.alpha_in_rao -= 11_000_000_000_000;
    moved.superellipse = Some(calibrated(moved));
    let one = s.subnets.iter_mut().find(|s| s.netuid == 1).unwrap();
    one.w_tao = Some(TaoWeight::from_parts(400_000_000_000_000_000).unwrap());
    s
}

/// Subnet 64's neurons: four validators with a permit (three with a take stored), two without.
fn neurons(extra_stake: u64) -> Vec<Neurons> {
    let neuron = |i: u8, permit: bool, alpha: u64| Neuron {
        hotkey: [i; 32],
        permit,
        alpha_stake_rao: alpha * 1_000_000_000 + extra_stake,
    };
    vec![Neurons {
        netuid: MOVED,
        list: vec![
            (neuron(11, true, 400_000), Some(11_796)),
            (neuron(12, false, 90_000), None),
            (neuron(13, true, 900_000), Some(0)),
            (neuron(14, true, 150_000), None),
            (neuron(15, false, 5), None),
            (neuron(16, true, 250_000), Some(5_898)),
        ],
    }]
}

/// Every state the replay serves, by name.
fn states() -> Vec<(&'static str, NodeState)> {
    let ok = NodeState::new(&first(), 393, 1, &neurons(0));
    let with_info = |tag: u8, info: String| NodeState {
        hash: dtao_calc::snapshot::chain::keys::hex(&[tag; 32]),
        dynamic_info: info,
        ..ok.clone()
    };
    let mut empty_pool = first();
    empty_pool
        .subnets
        .iter_mut()
        .find(|s| s.netuid == 3)
        .unwrap()
        .tao_in_rao = 0;
    let mut heavy = NodeState::new(&first(), 393, 7, &neurons(0));
    heavy.storage.insert(
        dtao_calc::snapshot::chain::keys::hex(&PoolItem::Balancer.key(1)),
        json!(dtao_calc::snapshot::chain::keys::hex(
            &995_000_000_000_000_000u64.to_le_bytes()
        )),
    );
    let info = ok.dynamic_info.clone();
    // A metagraph with one byte more than its type: the runtime's type has changed.
    let mut odd = NodeState::new(&first(), 393, 8, &neurons(0));
    let args = dtao_calc::snapshot::chain::keys::hex(
        &dtao_calc::snapshot::chain::validators::metagraph_args(MOVED),
    );
    let answer = odd.metagraphs[&args].as_str().unwrap().to_string();
    odd.metagraphs.insert(args, json!(format!("{answer}00")));
    vec![
        ("first", ok.clone()),
        (
            "later",
            NodeState::new(&later(), 473, 2, &neurons(1_000_000_000)),
        ),
        ("trailing", with_info(3, format!("{info}000000"))),
        (
            "truncated",
            with_info(4, info[..info.len() / 4 * 2].to_string()),
        ),
        ("garbage", with_info(5, "0xdeadbeef".into())),
        (
            "empty_pool",
            NodeState::new(&empty_pool, 393, 6, &neurons(0)),
        ),
        ("heavy_weight", heavy),
        ("odd_metagraph", odd),
    ]
}

fn state(name: &str) -> NodeState {
    states().into_iter().find(|(n, _)| *n == name).unwrap().1
}

/// Read `node` the way the app does: each round one JSON-RPC batch, as text both ways.
fn read_from(node: &NodeState) -> Result<Snapshot, LiveError> {
    let mut next_id = 1;
    block_on(read(
        ENDPOINT,
        FETCHED,
        &[MOVED, 3, 0, 999],
        |calls: Vec<Call>| {
            let first_id = next_id;
            next_id += calls.len() as u64;
            let sent: Value = serde_json::from_str(&batch_text(&calls, first_id)).unwrap();
            let answers: Vec<Value> = sent
            .as_array()
            .unwrap()
            .iter()
            .rev()
            .map(|c| match node.answer(c["method"].as_str().unwrap(), &c["params"]) {
                Ok(result) => json!({"jsonrpc": "2.0", "id": c["id"], "result": result}),
                Err((code, message)) => json!({"jsonrpc": "2.0", "id": c["id"], "error": {"code": code, "message": message}}),
            })
            .collect();
            std::future::ready(batch_results(
                &Value::Array(answers).to_string(),
                &calls,
                first_id,
            ))
        },
    ))
}

fn assert_served(read: &Snapshot, served: &Snapshot, spec: u32) {
    assert_eq!(read.network, "finney");
    assert_eq!(read.block, served.block);
    assert_eq!(read.runtime.spec_version, Some(spec));
    assert_eq!(read.runtime.maturity_rate, served.runtime.maturity_rate);
    assert_eq!(read.runtime.unlock_rate, served.runtime.unlock_rate);
    assert_eq!(read.tao_weight, served.tao_weight);
    assert_eq!(read.root_tao_staked, served.root_tao_staked);
    assert_eq!(read.block_emission_tao, served.block_emission_tao);
    assert_eq!(read.subnets.len(), served.subnets.len());
    for (r, s) in read.subnets.iter().zip(&served.subnets) {
        let at = format!("subnet {}", s.netuid);
        assert_eq!(
            (r.netuid, &r.name, &r.symbol, r.mechanism),
            (s.netuid, &s.name, &s.symbol, s.mechanism),
            "{at}"
        );
        assert_eq!(
            (r.tao_in_rao, r.alpha_in_rao, r.alpha_out_rao),
            (s.tao_in_rao, s.alpha_in_rao, s.alpha_out_rao),
            "{at}"
        );
        assert_eq!(
            r.alpha_out_emission.and_then(decimal_to_rao),
            s.alpha_out_emission.and_then(decimal_to_rao),
            "{at}"
        );
        assert_eq!(
            r.tao_in_emission,
            s.tao_in_emission.map(|d| d.normalize()),
            "{at}"
        );
        assert_eq!(
            (r.tempo, r.registered_at_block),
            (s.tempo, s.registered_at_block),
            "{at}"
        );
        assert_eq!(
            (r.fee_rate, r.w_tao, r.superellipse),
            (s.fee_rate, s.w_tao, s.superellipse),
            "{at}"
        );
        // The moving price travels as I96F32 bits: within one 2^-32 step.
        let gap = (r.moving_price.unwrap() - s.moving_price.unwrap()).abs();
        assert!(gap < Decimal::new(233, 12), "{at}: {gap}");
    }
}

#[test]
fn a_read_returns_exactly_what_the_chain_serves() {
    let read = read_from(&state("first")).unwrap();
    assert_served(&read, &first(), 393);
    assert_eq!(read.taken_at.as_deref(), Some(FETCHED));
    assert_eq!(
        read.subnet(MOVED).unwrap().fee_rate,
        Some(FeeRate::new(100).unwrap())
    );
    assert_eq!(read.subnets.len(), 129);
    // Subnet 64's permitted validators, largest stake first, with the takes stored for them.
    let moved = read.subnet(MOVED).unwrap();
    let got: Vec<(String, Option<Decimal>, Option<Decimal>)> = moved
        .validators
        .iter()
        .map(|v| (v.hotkey.clone(), v.take, v.alpha_stake))
        .collect();
    let want = |i: u8, take: Option<Decimal>, alpha: i64| {
        (ss58(&[i; 32]), take, Some(Decimal::from(alpha)))
    };
    assert_eq!(
        got,
        vec![
            want(13, Some(Decimal::ZERO), 900_000),
            want(11, Some(Decimal::new(179_995, 6)), 400_000),
            want(16, Some(Decimal::new(89_998, 6)), 250_000),
            want(14, None, 150_000),
        ]
    );
    assert!(moved.validators[0].name.starts_with(&ss58(&[13; 32])[..8]));
    assert_eq!(moved.validator_alpha_stake, Some(Decimal::from(1_700_000)));
    // Subnet 3 has no neurons here (no yield base); the others were not asked for.
    assert_eq!(read.subnet(3).unwrap().validator_alpha_stake, None);
    assert!(read.subnet(3).unwrap().validators.is_empty());
    assert_eq!(read.subnet(4).unwrap().validator_alpha_stake, None);
}

#[test]
fn a_later_read_takes_new_reserves_curves_and_lock_rates() {
    let read = read_from(&state("later")).unwrap();
    assert_served(&read, &later(), 473);
    let moved = read.subnet(MOVED).unwrap();
    assert!(moved.superellipse.is_some());
    assert!(moved.pool().unwrap().superellipse().is_some());
    assert_eq!(
        read.subnet(1).unwrap().w_tao.unwrap().tao(),
        Decimal::new(4, 1)
    );
    assert_ne!(moved.tao_in_rao, first().subnet(MOVED).unwrap().tao_in_rao);
    assert_eq!(moved.validator_alpha_stake, Some(Decimal::from(1_700_004)));
}

#[test]
fn what_the_writer_writes_imports_unchanged() {
    for name in ["first", "later"] {
        let read = read_from(&state(name)).unwrap();
        let json = to_json(&read);
        assert!(json.contains("\"schema\": \"dtao-snapshot/2\""));
        assert_eq!(dtao_snapshot::parse(&json).unwrap(), read, "{name}");
    }
}

#[test]
fn broken_and_absurd_answers_are_refused_with_a_sentence() {
    let cases = [
        ("trailing", "Runtime spec 393 sends data this version cannot read: its subnet list has 3 bytes more than spec 393's type."),
        ("empty_pool", "The chain's data is not usable: Subnet 3 from the chain: a pool with no TAO or no alpha has no price; the data is not used."),
        ("heavy_weight", "The chain's data is not usable: subnet 1: The TAO weight must be between 0.01 and 0.99 (the chain keeps both weights at 0.01 or more)."),
    ];
    for (name, message) in cases {
        assert_eq!(
            read_from(&state(name)).unwrap_err().to_string(),
            message,
            "{name}"
        );
    }
    assert_eq!(
        read_from(&state("odd_metagraph")).unwrap_err().to_string(),
        "Runtime spec 393 sends data this version cannot read: subnet 64's metagraph has 1 bytes more than its type."
    );
    for name in ["truncated", "garbage"] {
        let e = read_from(&state(name)).unwrap_err();
        assert!(
            matches!(e, LiveError::Runtime { spec: 393, .. }),
            "{name}: {e:?}"
        );
    }
    let mut unknown = state("first");
    unknown.hash = "0x12".into();
    assert!(matches!(read_from(&unknown), Err(LiveError::Reply { .. })));
}

#[test]
fn the_browser_replay_is_these_states() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser/fixtures/chain-replay.json");
    let mut all = serde_json::Map::new();
    for (name, node) in states() {
        all.insert(name.to_string(), node.to_json());
    }
    let text = serde_json::to_string_pretty(&json!({
        "about": "States of a pretend finney node for tests/browser/live-server.mjs, written by tests/live_reader.rs (DTAO_REGENERATE=1): the bundled snapshot encoded with runtime spec 393's types. A subnet without a metagraph here has one with no neurons: SelectiveMetagraph's field count and the three fields the reader asks for are below.",
        "metagraph": {"fields": dtao_calc::snapshot::chain::validators::FIELDS, "asked": dtao_calc::snapshot::chain::validators::ASKED},
        "states": all,
    }))
    .unwrap()
        + "\n";
    if std::env::var_os("DTAO_REGENERATE").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        kept == text,
        "{} is stale: run DTAO_REGENERATE=1 cargo test --test live_reader",
        path.display()
    );
}

/// Random and cut answers in every place the reader decodes: a sentence, never a panic.
#[test]
fn any_answer_is_read_or_refused_with_a_sentence() {
    use dtao_calc::snapshot::chain::keys::hex;
    use dtao_calc::snapshot::chain::read::{finish, pool_calls, read_pools, read_state, Head};
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};
    let ok = state("first");
    let head = Head {
        hash: ok.hash.clone(),
        chain: "Bittensor".into(),
    };
    let good = read_state(
        head.clone(),
        &[
            ok.answer("chain_getHeader", &json!([ok.hash])).unwrap(),
            ok.answer("state_getRuntimeVersion", &json!([ok.hash]))
                .unwrap(),
            json!(ok.dynamic_info),
            ok.answer("state_queryStorageAt", &json!([[], ok.hash]))
                .unwrap(),
        ],
    )
    .unwrap();
    let pool_keys: Vec<Value> = pool_calls(&good, &[]).remove(0).params[0]
        .as_array()
        .unwrap()
        .clone();
    let real = dtao_calc::snapshot::chain::keys::unhex(&ok.dynamic_info).unwrap();
    let mut runner = TestRunner::new(Config {
        cases: 100_000,
        failure_persistence: None,
        ..Config::default()
    });
    let bytes = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..200),
        (0..real.len()).prop_map(move |cut| real[..cut].to_vec()),
    ];
    let case = (
        bytes,
        0..pool_keys.len(),
        proptest::collection::vec(any::<u8>(), 0..80),
    );
    runner
        .run(&case, |(info, key, value)| {
            let results = [
                json!({"number": "0x10"}),
                json!({"specVersion": 393}),
                json!(hex(&info)),
                json!([]),
            ];
            if let Err(e) = read_state(head.clone(), &results) {
                prop_assert!(e.to_string().ends_with('.'), "{e}");
            }
            let stored = json!([{"changes": [[pool_keys[key], hex(&value)]]}]);
            let read = read_pools(&good, &[MOVED], &[stored, json!(hex(&value))])
                .and_then(|pools| finish(&good, &pools, &[], ENDPOINT, FETCHED));
            if let Err(e) = read {
                prop_assert!(e.to_string().ends_with('.'), "{e}");
            }
            Ok(())
        })
        .unwrap();
}
