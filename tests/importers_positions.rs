//! A wallet's positions read from files (issue 32): btcli's `stake list --json-output` (a file
//! made from btcli's source, tests/fixtures/README.md) and this app's `dtao-positions/1`, each
//! field checked in its source's unit against the rao written out by hand; the round trip of
//! `dtao-positions/1`; each refusal naming its place; and each kind of document refused, with
//! where to take it, when given as the other.

use dtao_calc::snapshot::bundled::bundled;
use dtao_calc::snapshot::import::import;
use dtao_calc::snapshot::positions::{
    btcli_stake, dtao_positions, import_positions, is_positions, BasketPosition, Holder, Positions,
    Stake,
};
use dtao_calc::snapshot::{SnapshotError, MAX_BYTES};
use serde_json::{json, Value};

const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
const CHARLIE: &str = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";
const DAVE: &str = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";

fn btcli_fixture() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/btcli-stake-list.json"
    );
    std::fs::read_to_string(path).expect("tests/fixtures/btcli-stake-list.json")
}

fn stake(netuid: u16, hotkey: &str, alpha_rao: u64) -> Stake {
    Stake {
        netuid,
        hotkey: hotkey.to_string(),
        hotkey_name: None,
        alpha_rao,
        locked_rao: None,
    }
}

#[test]
fn btcli_stake_list_reads_each_field_in_its_unit() {
    let (p, line) = import_positions(&btcli_fixture()).unwrap();
    assert_eq!(
        line,
        "btcli stake list --json-output: 1 coldkey, 5 positions read."
    );
    assert_eq!(p.network, "finney");
    assert_eq!(p.source, btcli_stake::LABEL);
    assert_eq!((p.block, p.taken_at.as_deref()), (None, None));
    assert_eq!(p.holders.len(), 1);
    let h = &p.holders[0];
    assert_eq!(h.coldkey, ALICE);
    // free_balance 3.141592653 TAO.
    assert_eq!(h.free_rao, Some(3_141_592_653));
    assert!(h.baskets.is_empty());
    // stake_value in alpha (TAO on root), hotkeys in key order, each hotkey's rows as written
    // (root first, then by spot value); no names, no locked part in btcli's JSON.
    assert_eq!(
        h.stakes,
        vec![
            stake(0, BOB, 10_500_000_000),             // 10.5 TAO
            stake(3, BOB, 250_000_000_000_001),        // 250000.000000001
            stake(64, BOB, 1_234_567_891_234),         // 1234.567891234
            stake(7, CHARLIE, 12_345_678_123_456_790), // 12345678.12345679, the float nearest ...789
            stake(64, CHARLIE, 500_000_000),           // 0.5
        ]
    );
    // The 0.00005-alpha stake on subnet 12 is not in btcli's output at all.
    assert!(p.stakes().all(|(_, s)| s.netuid != 12));
}

fn dtao_document() -> Value {
    json!({"schema": "dtao-positions/1", "network": "finney", "block": 1_234_567,
    "taken_at": "2026-12-07T10:00:00Z", "source": "wss://entrypoint-finney.opentensor.ai:443",
    "coldkeys": [
        {"coldkey": ALICE, "free_tao": "1.5",
         "stakes": [
            {"netuid": 64, "hotkey": BOB, "hotkey_name": "Bob's validator", "alpha": "123.456789", "locked_alpha": "0.5"},
            {"netuid": 0, "hotkey": BOB, "alpha": 2.000000001},
            {"netuid": 64, "hotkey": CHARLIE, "alpha": "0.000000001"}],
         "root_baskets": [{"hotkey": BOB, "shares": "123456789012345678", "value_tao": "99.5", "spot_value_tao": 100}]},
        {"coldkey": DAVE, "stakes": []}
    ]})
}

#[test]
fn dtao_positions_reads_each_field_in_its_unit() {
    let (p, line) = import_positions(&dtao_document().to_string()).unwrap();
    assert_eq!(
        line,
        "dtao-positions/1: 2 coldkeys, 3 positions and 1 root basket position read (block 1,234,567, 2026-12-07)."
    );
    let expected = Positions {
        network: "finney".into(),
        block: Some(1_234_567),
        taken_at: Some("2026-12-07T10:00:00Z".into()),
        source: "wss://entrypoint-finney.opentensor.ai:443".into(),
        holders: vec![
            Holder {
                coldkey: ALICE.into(),
                free_rao: Some(1_500_000_000),
                stakes: vec![
                    Stake {
                        hotkey_name: Some("Bob's validator".into()),
                        locked_rao: Some(500_000_000),
                        ..stake(64, BOB, 123_456_789_000)
                    },
                    stake(0, BOB, 2_000_000_001),
                    stake(64, CHARLIE, 1),
                ],
                baskets: vec![BasketPosition {
                    hotkey: BOB.into(),
                    shares: 123_456_789_012_345_678,
                    value_rao: 99_500_000_000,
                    spot_value_rao: 100_000_000_000,
                }],
            },
            Holder {
                coldkey: DAVE.into(),
                free_rao: None,
                stakes: vec![],
                baskets: vec![],
            },
        ],
    };
    assert_eq!(p, expected);
}

#[test]
fn dtao_positions_round_trips_exactly() {
    let p = dtao_positions::from_value(&dtao_document()).unwrap();
    let written = dtao_positions::to_json(&p);
    assert_eq!(dtao_positions::parse(&written).unwrap(), p);
    assert_eq!(
        dtao_positions::to_json(&dtao_positions::parse(&written).unwrap()),
        written
    );
    // btcli's positions written as dtao-positions/1 read back the same.
    let (btcli, _) = import_positions(&btcli_fixture()).unwrap();
    let written = dtao_positions::to_json(&btcli);
    assert_eq!(import_positions(&written).unwrap().0, btcli);
    // The largest amounts and share counts.
    let mut big = p.clone();
    big.holders[0].stakes[0].alpha_rao = u64::MAX;
    big.holders[0].stakes[0].locked_rao = Some(u64::MAX);
    big.holders[0].baskets[0].shares = u64::MAX;
    big.block = None;
    big.taken_at = None;
    let written = dtao_positions::to_json(&big);
    assert_eq!(dtao_positions::parse(&written).unwrap(), big);
}

/// A change to a document, the place its refusal names and words it says.
type Case = (Box<dyn Fn(&mut Value)>, &'static str, &'static str);

/// The document changed by `change`, refused: the message.
fn refused(change: impl Fn(&mut Value)) -> String {
    let mut doc = dtao_document();
    change(&mut doc);
    let e = import_positions(&doc.to_string()).expect_err("refused");
    let message = e.to_string();
    assert!(message.ends_with('.'), "{message}");
    message
}

#[test]
fn each_dtao_positions_refusal_names_its_place() {
    let cases: Vec<Case> = vec![
        (
            Box::new(|d| {
                d["coldkeys"][0]["coldkey"] =
                    json!("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ")
            }),
            "“coldkeys[1].coldkey”",
            "checksum",
        ),
        (
            Box::new(|d| {
                d["coldkeys"][1]["coldkey"] =
                    json!("15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5")
            }),
            "“coldkeys[2].coldkey”",
            "prefix 0",
        ),
        (
            Box::new(|d| d["coldkeys"][0]["stakes"][1]["hotkey"] = json!("5Grwva")),
            "“coldkeys[1].stakes[2].hotkey”",
            "bytes",
        ),
        (
            Box::new(|d| d["coldkeys"][0]["stakes"][0]["locked_alpha"] = json!("123.45679")),
            "“coldkeys[1].stakes[1].locked_alpha”",
            "more than the stake",
        ),
        (
            Box::new(|d| d["coldkeys"][0]["stakes"][2]["netuid"] = json!(65_536)),
            "“coldkeys[1].stakes[3].netuid”",
            "0 to 65535",
        ),
        (
            Box::new(|d| d["coldkeys"][0]["stakes"][2]["netuid"] = json!(-1)),
            "“coldkeys[1].stakes[3].netuid”",
            "whole number",
        ),
        (
            Box::new(|d| d["coldkeys"][0]["stakes"][1]["alpha"] = json!("1.0000000001")),
            "“coldkeys[1].stakes[2].alpha”",
            "9 decimal places",
        ),
        (
            Box::new(|d| d["coldkeys"][0]["stakes"][1]["alpha"] = json!("-1")),
            "“coldkeys[1].stakes[2].alpha”",
            "negative",
        ),
        (
            Box::new(|d| d["coldkeys"][0]["stakes"][1]["alpha"] = Value::Null),
            "“coldkeys[1].stakes[2].alpha”",
            "missing",
        ),
        (
            Box::new(|d| d["coldkeys"][0]["stakes"][2]["hotkey"] = json!(BOB)),
            "“coldkeys[1].stakes[3].hotkey”",
            "twice on subnet 64",
        ),
        (
            Box::new(|d| d["coldkeys"][1]["coldkey"] = json!(ALICE)),
            "“coldkeys[2].coldkey”",
            "more than once",
        ),
        (
            Box::new(|d| d["coldkeys"][0]["free_tao"] = json!("lots")),
            "“coldkeys[1].free_tao”",
            "not a finite decimal",
        ),
        (
            Box::new(|d| d["coldkeys"][1]["stakes"] = json!({})),
            "“coldkeys[2].stakes”",
            "expected a list",
        ),
        (
            Box::new(|d| d["coldkeys"][0]["root_baskets"][0]["shares"] = json!("1.5")),
            "“coldkeys[1].root_baskets[1].shares”",
            "whole number",
        ),
        (
            Box::new(|d| d["coldkeys"][0]["root_baskets"][0]["value_tao"] = json!(true)),
            "“coldkeys[1].root_baskets[1].value_tao”",
            "expected a number",
        ),
        (
            Box::new(|d| {
                let b = d["coldkeys"][0]["root_baskets"][0].clone();
                d["coldkeys"][0]["root_baskets"]
                    .as_array_mut()
                    .unwrap()
                    .push(b)
            }),
            "“coldkeys[1].root_baskets[2].hotkey”",
            "more than once",
        ),
        (
            Box::new(|d| d["coldkeys"] = json!([])),
            "“coldkeys”",
            "at least one",
        ),
        (
            Box::new(|d| d["coldkeys"] = json!(vec![json!({"coldkey": ALICE, "stakes": []}); 17])),
            "“coldkeys”",
            "17 coldkeys: at most 16",
        ),
        (
            Box::new(|d| {
                d["coldkeys"][1]["stakes"] =
                    json!(vec![json!({"netuid": 1, "hotkey": BOB, "alpha": 1}); 1_998])
            }),
            "“coldkeys[2].stakes”",
            "2,001; at most 2,000",
        ),
        (
            Box::new(|d| {
                d.as_object_mut().unwrap().remove("network");
            }),
            "“network”",
            "missing",
        ),
        (
            Box::new(|d| d["block"] = json!("soon")),
            "“block”",
            "not a finite decimal",
        ),
        (
            Box::new(|d| d["coldkeys"][0] = json!([])),
            "“coldkeys[1].”",
            "expected an object",
        ),
    ];
    for (i, (change, place, words)) in cases.iter().enumerate() {
        let message = refused(change);
        assert!(
            message.contains(place) && message.contains(words),
            "case {}: “{message}” should name {place} and say “{words}”",
            i + 1
        );
    }
}

#[test]
fn each_btcli_refusal_names_its_place() {
    let fixture: Value = serde_json::from_str(&btcli_fixture()).unwrap();
    let cases: Vec<Case> = vec![
        (
            Box::new(|d| d["coldkey_address"] = json!("5Grwva")),
            "“coldkey_address”",
            "bytes",
        ),
        (
            Box::new(|d| d["stake_info"][BOB][1]["stake_value"] = json!(-2.5)),
            "[2].stake_value”",
            "negative",
        ),
        (
            Box::new(|d| {
                d["stake_info"][BOB][2]
                    .as_object_mut()
                    .unwrap()
                    .remove("stake_value");
            }),
            "[3].stake_value”",
            "missing",
        ),
        (
            Box::new(|d| d["stake_info"][CHARLIE][0]["netuid"] = json!(64)),
            "[2].netuid”",
            "appears twice",
        ),
        (
            Box::new(|d| d["stake_info"][CHARLIE][0]["netuid"] = json!(1e6)),
            "[1].netuid”",
            "0 to 65535",
        ),
        (
            Box::new(|d| d["free_balance"] = json!("nothing")),
            "“free_balance”",
            "not a finite decimal",
        ),
        (
            Box::new(|d| d["stake_info"]["5Grwva"] = json!([])),
            "“stake_info.5Grwva”",
            "bytes",
        ),
        (
            Box::new(|d| d["stake_info"][BOB] = json!({})),
            "“stake_info.",
            "expected a list",
        ),
        (
            Box::new(|d| {
                d["stake_info"][DAVE] = json!(vec![json!({"netuid": 1, "stake_value": 1.0}); 1_996])
            }),
            "“stake_info”",
            "2,001 stakes: at most 2,000",
        ),
    ];
    for (i, (change, place, words)) in cases.iter().enumerate() {
        let mut doc = fixture.clone();
        change(&mut doc);
        let message = import_positions(&doc.to_string())
            .expect_err("refused")
            .to_string();
        assert!(
            message.contains(place) && message.contains(words),
            "case {}: “{message}” should name {place} and say “{words}”",
            i + 1
        );
    }
}

#[test]
fn each_kind_of_document_is_sent_where_it_belongs() {
    let current = bundled();
    for text in [btcli_fixture(), dtao_document().to_string()] {
        assert!(is_positions(&serde_json::from_str(&text).unwrap()));
        let message = import(&text, &current).unwrap_err().to_string();
        assert!(
            message.contains("positions") && message.contains("Your positions"),
            "{message}"
        );
    }
    let subnets = dtao_calc::snapshot::dtao_snapshot::write::to_json(&current);
    assert!(!is_positions(&serde_json::from_str(&subnets).unwrap()));
    let message = import_positions(&subnets).unwrap_err().to_string();
    assert!(
        message.contains("subnet data (dtao-snapshot/2)"),
        "{message}"
    );
    let message = import_positions(r#"{"hello": 1}"#).unwrap_err().to_string();
    assert!(
        message.contains("“hello”") && message.contains("dtao-positions/1"),
        "{message}"
    );
}

#[test]
fn empty_large_and_broken_text_are_refused_as_subnet_data_is() {
    let current = bundled();
    let large = " ".repeat(MAX_BYTES + 1);
    for text in ["", "  \n", "{", "not json", large.as_str()] {
        let got = import_positions(text).unwrap_err();
        assert_eq!(got, import(text, &current).unwrap_err(), "{text:.10}");
    }
    assert_eq!(
        import_positions(&large).unwrap_err(),
        SnapshotError::TooLarge {
            bytes: MAX_BYTES + 1
        }
    );
}
