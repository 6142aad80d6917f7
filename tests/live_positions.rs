//! A wallet's positions read live (`src/snapshot/chain/positions.rs`, issue 32), against bytes
//! the app did not make: the Python SDK's recordings of a node of spec 461 (bittensor 11.3.0,
//! `../shared/fixtures/bittensor-golden-spec461.json`: a real
//! `get_stake_info_for_hotkey_coldkey_netuid` answer, a real `System::Account` key and value;
//! `bittensor-shape-corpus-spec461.json`: `StakeInfo`, `StakeAvailability`, `BasketPosition`,
//! `AccountInfo` and the answers' own list and map types, with what the SDK's codec decodes),
//! and pretend nodes of spec 461 (V15) and finney's spec 393 (V16) whose answers the tests'
//! own encoder writes (`common/scale_json.rs`) in the types of that runtime's metadata.
//!
//! What each call answers (RaoFoundation/subtensor):
//! - `get_stake_info_for_coldkeys(coldkeys)`: `pallets/subtensor/src/rpc_info/stake_info.rs`
//!   at 0bb2cb3, `stake_info_rows_for_coldkeys` (from line 58): each coldkey asked, in order,
//!   with a `StakeInfo` per (subnet, hotkey of its `StakingHotkeys`) holding alpha, zero alpha
//!   left out; `locked` is "Legacy; always 0" (line 24), as the golden answer shows.
//! - `get_stake_availability_for_coldkeys(coldkeys, None)`: same file, every subnet where the
//!   coldkey has stake or a lock, `{total, locked, available}` from `stake_availability`
//!   (`staking/lock/lock_availability.rs` at 3482955, lines 59-68; the lock rolled forward to
//!   the block, lines 21-29, the mass `get_coldkey_lock` answers, lines 42-49). Spec 461 only.
//! - `get_root_basket_portfolio(coldkey)`: `runtime/src/lib.rs` at 005a8dc,
//!   `impl BetaBasketRuntimeApi`, a `BasketPosition` per basket the coldkey owns shares of
//!   (`rpc_info/basket_info.rs` at 0b4bc45, lines 46-67). Spec 461 only.
//! - `System::Account(coldkey)`: `frame_system`'s `AccountInfo`, `Blake2_128Concat` keyed,
//!   zero when absent (a `ValueQuery`).

mod common;
#[path = "common/positions_node.rs"]
mod positions_node;

use common::runtimes::{self, SPEC_393, SPEC_461};
use common::scale_json;
use dtao_calc::snapshot::chain::metadata::value::decode_all;
use dtao_calc::snapshot::chain::metadata::Schema;
use dtao_calc::snapshot::chain::parts::Part;
use dtao_calc::snapshot::chain::position_values::{
    basket_position, free, locks, portfolio, stake, stakes_by_coldkey,
};
use dtao_calc::snapshot::chain::positions::account_keys;
use dtao_calc::snapshot::chain::validators::ss58;
use dtao_calc::snapshot::chain::wanted::{self, CALLS, STORAGE};
use dtao_calc::snapshot::live_answer::{read_positions, write_positions};
use dtao_calc::snapshot::positions::{BasketPosition, Stake};
use positions_node::*;
use scale_info::PortableRegistry;
use serde_json::Value as Json;

fn n(v: &Json) -> u128 {
    v.to_string().trim_matches('"').parse().unwrap()
}

fn corpus() -> Json {
    serde_json::from_str(&common::read_shared(
        "fixtures/bittensor-shape-corpus-spec461.json",
    ))
    .unwrap()
}

fn golden() -> Json {
    serde_json::from_str(&common::read_shared(
        "fixtures/bittensor-golden-spec461.json",
    ))
    .unwrap()
}

/// The corpus's samples of the type `id` named `name` (checked to be the metadata's).
fn samples<'c>(corpus: &'c Json, types: &PortableRegistry, id: u32, name: &str) -> &'c [Json] {
    let entry = corpus["types"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .unwrap_or_else(|| panic!("the corpus has no type {id}"));
    assert_eq!(entry["name"], name, "type {id}");
    let list = entry["samples"].as_array().unwrap();
    assert!(!list.is_empty(), "{name}");
    let _ = types.resolve(id).unwrap();
    list
}

fn bytes(s: &Json) -> Vec<u8> {
    scale_json::unhex(s["scale_hex"].as_str().unwrap()).unwrap()
}

fn schema(file: &str, spec: u32) -> Schema {
    Schema::from_metadata(&runtimes::bytes(file), spec, &CALLS, &STORAGE).unwrap()
}

#[test]
fn the_calls_are_those_the_runtimes_declare() {
    let s461 = schema(SPEC_461, 461);
    let s393 = schema(SPEC_393, 393);
    for name in [
        wanted::STAKE_INFO,
        wanted::STAKE_AVAILABILITY,
        wanted::BASKET_PORTFOLIO,
    ] {
        assert!(s461.call(name).is_some(), "461 has {name}");
    }
    assert!(s393.call(wanted::STAKE_INFO).is_some());
    assert!(s393.call(wanted::STAKE_AVAILABILITY).is_none());
    assert!(s393.call(wanted::BASKET_PORTFOLIO).is_none());
    for s in [&s461, &s393] {
        assert_eq!(s.item("Account").unwrap().pallet, "System");
    }
    // StakeInfo's fields in spec 461's order: the pretend browser node
    // (tests/browser/positions-node.mjs) writes them in this order.
    let types = runtimes::registry(SPEC_461);
    let id = runtimes::type_id(&types, "StakeInfo");
    let fields: Vec<String> = dtao_calc::snapshot::chain::metadata::struct_fields(&types, id)
        .unwrap()
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(
        fields,
        [
            "hotkey",
            "coldkey",
            "netuid",
            "stake",
            "locked",
            "emission",
            "tao_emission",
            "drain",
            "is_registered"
        ]
    );
    let id = runtimes::type_id(&types, "StakeAvailability");
    let fields: Vec<String> = dtao_calc::snapshot::chain::metadata::struct_fields(&types, id)
        .unwrap()
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(fields, ["total", "locked", "available"]);
}

#[test]
fn the_golden_answer_and_account_read_as_the_sdk_decoded_them() {
    let golden = golden();
    let s461 = schema(SPEC_461, 461);
    let types = runtimes::registry(SPEC_461);
    // The real answer of get_stake_info_for_hotkey_coldkey_netuid: Option<StakeInfo>.
    let call = golden["runtime_calls"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["method"] == "get_stake_info_for_hotkey_coldkey_netuid")
        .unwrap();
    let raw = scale_json::unhex(call["raw_hex"].as_str().unwrap()).unwrap();
    assert_eq!(raw[0], 1, "Some");
    let id = runtimes::type_id(&types, "StakeInfo");
    let value = decode_all(&types, id, &raw[1..]).unwrap();
    scale_json::same(&value, &call["decoded"]).unwrap();
    let d = &call["decoded"];
    let read = stake(&value).unwrap();
    assert_eq!(
        read,
        Stake {
            netuid: n(&d["netuid"]) as u16,
            hotkey: d["hotkey"].as_str().unwrap().into(),
            hotkey_name: None,
            alpha_rao: n(&d["stake"]) as u64,
            locked_rao: None,
        }
    );
    assert_eq!(n(&d["locked"]), 0, "StakeInfo.locked is a legacy 0");
    // The real System::Account key and value of Alice.
    let account = golden["storage_values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["pallet"] == "System" && s["storage_function"] == "Account")
        .unwrap();
    let alice = scale_json::ss58_bytes(account["params"][0].as_str().unwrap()).unwrap();
    assert_eq!(alice, ALICE);
    assert_eq!(account_key(&alice), account["key_hex"].as_str().unwrap());
    assert_eq!(
        account_keys(&s461, &[alice]).unwrap(),
        vec![account_key(&alice)]
    );
    let item = s461.item("Account").unwrap();
    let raw = scale_json::unhex(account["raw_hex"].as_str().unwrap()).unwrap();
    let value = s461.stored(item, Some(&raw)).unwrap().unwrap();
    assert_eq!(
        u128::from(free(&value).unwrap()),
        n(&account["decoded"]["data"]["free"])
    );
    assert_eq!(free(&value).unwrap(), ALICE_FREE);
    // Nothing stored reads as the default: no free TAO.
    assert_eq!(free(&s461.stored(item, None).unwrap().unwrap()), Ok(0));
}

#[test]
fn every_sdk_sample_reads_as_the_sdk_decoded_it() {
    let corpus = corpus();
    assert_eq!(corpus["spec_version"], 461);
    let types = runtimes::registry(SPEC_461);
    let path = "pallet_subtensor::rpc_info::";
    // StakeInfo (a netuid past u16 is refused with a sentence naming it; the corpus's are
    // random 32-bit numbers).
    let id = runtimes::type_id(&types, "StakeInfo");
    let mut read = 0;
    for s in samples(&corpus, &types, id, &format!("{path}stake_info::StakeInfo")) {
        let value = decode_all(&types, id, &bytes(s)).unwrap();
        scale_json::same(&value, &s["decoded"]).unwrap();
        let d = &s["decoded"];
        match u16::try_from(n(&d["netuid"])) {
            Ok(netuid) => {
                let ours = stake(&value).unwrap();
                assert_eq!(
                    (ours.netuid, ours.alpha_rao),
                    (netuid, n(&d["stake"]) as u64)
                );
                assert_eq!(ours.hotkey, d["hotkey"].as_str().unwrap());
                read += 1;
            }
            Err(_) => assert!(stake(&value).unwrap_err().contains("StakeInfo's netuid")),
        }
    }
    let _ = read;
    // The stake answer's list type, `Vec<(AccountId32, Vec<StakeInfo>)>`, is the call's output.
    let s461 = schema(SPEC_461, 461);
    let rt = common::chain_node::Runtime::fixture(SPEC_461, 461);
    let output = |name: &str| -> u32 { rt.calls[name].1 };
    let list = output(wanted::STAKE_INFO);
    let pair = match &types.resolve(list).unwrap().type_def {
        scale_info::TypeDef::Sequence(s) => s.type_param.id,
        other => panic!("{other:?}"),
    };
    for s in samples(&corpus, &types, pair, "tuple") {
        // One coldkey's entry, as a list of one.
        let mut one = vec![4u8];
        one.extend(bytes(s));
        let value = decode_all(&types, list, &one).unwrap();
        let d = &s["decoded"];
        match stakes_by_coldkey(&value) {
            Ok(read) => {
                assert_eq!(ss58(&read[0].0), d[0].as_str().unwrap());
                let theirs: Vec<&Json> = d[1]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|x| n(&x["stake"]) > 0)
                    .collect();
                assert_eq!(read[0].1.len(), theirs.len());
            }
            Err(why) => assert!(why.contains("netuid"), "{why}"),
        }
    }
    // The availability answer, `BTreeMap<AccountId32, BTreeMap<NetUid, StakeAvailability>>`.
    let map = output(wanted::STAKE_AVAILABILITY);
    let mut locks_read = 0;
    for s in samples(&corpus, &types, map, "BTreeMap") {
        let value = decode_all(&types, map, &bytes(s)).unwrap();
        let ours = locks(&value).unwrap();
        let mut count = 0;
        for (coldkey, subnets) in s["decoded"].as_object().unwrap() {
            let coldkey = scale_json::ss58_bytes(coldkey).unwrap();
            for (netuid, a) in subnets.as_object().unwrap() {
                let netuid: u16 = netuid.parse().unwrap();
                assert_eq!(u128::from(ours[&(coldkey, netuid)]), n(&a["locked"]));
                count += 1;
            }
        }
        assert_eq!(ours.len(), count);
        locks_read += count;
    }
    assert!(locks_read >= 3, "{locks_read}");
    // BasketPosition, alone and as the portfolio's list.
    let id = runtimes::type_id(&types, "BasketPosition");
    let list = output(wanted::BASKET_PORTFOLIO);
    for s in samples(
        &corpus,
        &types,
        id,
        &format!("{path}basket_info::BasketPosition"),
    ) {
        let value = decode_all(&types, id, &bytes(s)).unwrap();
        let d = &s["decoded"];
        let theirs = BasketPosition {
            hotkey: d["hotkey"].as_str().unwrap().into(),
            shares: n(&d["beta"]) as u64,
            value_rao: n(&d["value_tao"]) as u64,
            spot_value_rao: n(&d["spot_value_tao"]) as u64,
        };
        assert_eq!(basket_position(&value).unwrap(), theirs);
        let mut one = vec![4u8];
        one.extend(bytes(s));
        assert_eq!(
            portfolio(&decode_all(&types, list, &one).unwrap()).unwrap(),
            vec![theirs]
        );
    }
    // AccountInfo, as System::Account stores it.
    let item = s461.item("Account").unwrap();
    let id = runtimes::type_id(&types, "AccountInfo");
    for s in samples(&corpus, &types, id, "frame_system::AccountInfo") {
        let value = s461.stored(item, Some(&bytes(s))).unwrap().unwrap();
        assert_eq!(
            u128::from(free(&value).unwrap()),
            n(&s["decoded"]["data"]["free"])
        );
    }
}

#[test]
fn a_wallet_reads_whole_from_spec_461() {
    let node = PositionsNode::new(SPEC_461, 461);
    let (read, log) = node.read(&[ALICE, BOB, CAROL]).unwrap();
    assert_eq!(read.failed, vec![]);
    let p = &read.positions;
    assert_eq!(p.network, "finney");
    assert_eq!(p.block, Some(BLOCK));
    assert_eq!(
        p.source,
        format!("Read from the chain at {ENDPOINT} (runtime spec 461)")
    );
    assert_eq!(p.holders, expected_holders(true));
    // One round after the head and the metadata: the stakes, the locks, the balances and a
    // portfolio per coldkey.
    for name in [wanted::STAKE_INFO, wanted::STAKE_AVAILABILITY] {
        assert_eq!(log.iter().filter(|c| *c == name).count(), 1, "{name}");
    }
    assert_eq!(
        log.iter()
            .filter(|c| *c == wanted::BASKET_PORTFOLIO)
            .count(),
        3
    );
    // It travels to the app whole (dtao-positions/1 and the failed parts).
    let back = read_positions(&write_positions(&read)).unwrap();
    assert_eq!(back, read);
}

#[test]
fn spec_393_has_no_locks_or_baskets_and_nothing_is_asked_for_them() {
    let node = PositionsNode::new(SPEC_393, 393);
    let (read, log) = node.read(&[ALICE, BOB, CAROL]).unwrap();
    assert_eq!(read.failed, vec![]);
    assert_eq!(read.positions.holders, expected_holders(false));
    assert!(
        !log.iter()
            .any(|c| c == wanted::STAKE_AVAILABILITY || c == wanted::BASKET_PORTFOLIO),
        "{log:?}"
    );
}

#[test]
fn each_optional_part_fails_alone_and_the_stakes_fail_the_read() {
    for (refused, part) in [
        (wanted::STAKE_AVAILABILITY, Part::Locks),
        ("state_queryStorageAt", Part::FreeBalances),
        (wanted::BASKET_PORTFOLIO, Part::BasketPositions),
    ] {
        let mut node = PositionsNode::new(SPEC_461, 461);
        node.refuse.push(refused.to_string());
        let (read, _) = node.read(&[ALICE, BOB, CAROL]).unwrap();
        let failed: Vec<Part> = read.failed.iter().map(|f| f.part).collect();
        assert_eq!(failed, vec![part], "{refused}");
        assert!(read.failed[0].why.contains("refused"), "{:?}", read.failed);
        let mut want = expected_holders(true);
        for h in &mut want {
            match part {
                Part::Locks => h.stakes.iter_mut().for_each(|s| s.locked_rao = None),
                Part::FreeBalances => h.free_rao = None,
                _ => h.baskets.clear(),
            }
        }
        assert_eq!(read.positions.holders, want, "{refused}");
        // The failed part travels to the app by its key.
        assert_eq!(read_positions(&write_positions(&read)).unwrap(), read);
    }
    // Garbled locks fail their part with the runtime's sentence; the rest stays.
    let mut node = PositionsNode::new(SPEC_461, 461);
    node.garble.push(wanted::STAKE_AVAILABILITY.to_string());
    let (read, _) = node.read(&[ALICE, BOB]).unwrap();
    assert_eq!(read.failed.len(), 1);
    assert_eq!(read.failed[0].part, Part::Locks);
    assert!(
        read.failed[0]
            .why
            .starts_with("Runtime spec 461 sends data"),
        "{}",
        read.failed[0].why
    );
    // Without the stakes there is nothing to show: the read fails with the node's sentence.
    for broken in ["refuse", "garble"] {
        let mut node = PositionsNode::new(SPEC_461, 461);
        match broken {
            "refuse" => node.refuse.push(wanted::STAKE_INFO.to_string()),
            _ => node.garble.push(wanted::STAKE_INFO.to_string()),
        }
        let why = node.read(&[ALICE]).unwrap_err().to_string();
        assert!(why.contains("get_stake_info_for_coldkeys"), "{why}");
    }
}

#[test]
fn a_coldkey_without_stake_is_a_holder_with_none() {
    let node = PositionsNode::new(SPEC_461, 461);
    let (read, _) = node.read(&[CAROL]).unwrap();
    let carol = &read.positions.holders[0];
    assert_eq!(carol.coldkey, ss58(&CAROL));
    assert!(carol.stakes.is_empty() && carol.baskets.is_empty());
    assert_eq!(carol.free_rao, Some(0));
}
