//! The root baskets are one part of a live read (`Part::Baskets`,
//! `src/snapshot/chain/baskets.rs`): a call the node refuses, an answer that does not read as
//! the runtime's type, a field gone from it or a page that never comes fails that part alone,
//! with a sentence; the rest of the read stays live, and the failed part takes its baskets from
//! the data in use. Pretend nodes of spec 461 (`common/chain_node.rs`); the answers are
//! broken here on purpose, the values written in the Python SDK's JSON style.

#[path = "common/baskets.rs"]
mod baskets;
mod common;

use baskets::*;
use common::chain_node::{Node, Runtime};
use common::runtimes::SPEC_461;
use dtao_calc::snapshot::basket::RootBasket;
use dtao_calc::snapshot::bundled::bundled;
use dtao_calc::snapshot::chain::baskets::read_first;
use dtao_calc::snapshot::chain::metadata::Schema;
use dtao_calc::snapshot::chain::parts::{fill_from, not_live_note, Part};
use dtao_calc::snapshot::chain::wanted::{CALLS, STORAGE};
use dtao_calc::snapshot::chain::LiveError;
use serde_json::json;

const RUNTIME: &str = "Runtime spec 461 sends data this version cannot read: ";

fn spec_461() -> Node {
    let mut node = node(Runtime::fixture(SPEC_461, 461));
    node.baskets = json!([fund(1, 5_000, json!([holding(64, 9, 8, 7)]))]);
    node.pricing_pages = vec![page(vec![priced(1, ONE, 100, false)], None)];
    node
}

/// The read's failed parts with their sentences; the pools must be live all the same.
fn failed(node: &Node, tamper: impl Fn(&str) -> Option<String>) -> Vec<(Part, String)> {
    let (read, _) = read_tampered(node, |call, answer| {
        let name = call.params[0].as_str().unwrap_or("");
        match tamper(name) {
            Some(bytes) => Ok(json!(bytes)),
            None => answer,
        }
    });
    let read = read.unwrap();
    let served = bundled();
    assert_eq!(read.snapshot.subnets.len(), served.subnets.len());
    assert_eq!(
        read.snapshot.subnet(64).unwrap().tao_in_rao,
        served.subnet(64).unwrap().tao_in_rao
    );
    assert_eq!(
        read.snapshot.root_baskets, None,
        "a failed part has no baskets"
    );
    read.failed.into_iter().map(|f| (f.part, f.why)).collect()
}

#[test]
fn a_refused_call_fails_the_baskets_alone() {
    for refused in [ALL_BASKETS, ALL_PRICING] {
        let mut node = spec_461();
        node.refuse = vec![refused.to_string()];
        assert_eq!(
            failed(&node, |_| None),
            vec![(
                Part::Baskets,
                format!("The node refused state_call: {refused} refused (error -32000).")
            )]
        );
    }
    // A next page the node does not have.
    let mut node = spec_461();
    node.pricing_pages[0]["next"] = json!(account_hex(9));
    let why = failed(&node, |_| None);
    assert_eq!(why.len(), 1);
    assert_eq!(why[0].0, Part::Baskets);
    assert!(why[0].1.contains("no such page"), "{}", why[0].1);
}

#[test]
fn an_answer_that_does_not_read_fails_the_baskets_alone_and_says_why() {
    let good = spec_461();
    let baskets_bytes = good.runtime.answer(ALL_BASKETS, &good.baskets);
    let cases = [
        // Not a list of summaries; cut short; a byte over.
        (ALL_BASKETS, "0xdeadbeef".to_string(), "BetaBasketRuntimeApi_get_all_validator_baskets does not read as its type ("),
        (ALL_BASKETS, baskets_bytes[..baskets_bytes.len() - 2].to_string(), "BetaBasketRuntimeApi_get_all_validator_baskets does not read as its type (in holdings, in realizable_tao: the bytes end too soon)."),
        (ALL_BASKETS, format!("{baskets_bytes}00"), "BetaBasketRuntimeApi_get_all_validator_baskets does not read as its type (1 bytes are left over)."),
        // A provisional flag of 2.
        (ALL_PRICING, {
            let bytes = good.runtime.answer(ALL_PRICING, &good.pricing_pages[0]);
            let flag = 2 + 2 * (1 + 32 + 7 * 16 + 8);
            format!("{}02{}", &bytes[..flag], &bytes[flag + 2..])
        }, "BetaBasketRuntimeApi_get_all_beta_pricing does not read as its type (in pricing, in provisional: 2 is not a bool)."),
    ];
    for (call, bytes, why) in cases {
        let got = failed(&good, |name| (name == call).then(|| bytes.clone()));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, Part::Baskets);
        assert!(
            got[0].1.starts_with(&format!("{RUNTIME}{why}")),
            "{}",
            got[0].1
        );
    }
}

#[test]
fn a_field_gone_from_the_runtimes_struct_is_named() {
    let schema =
        Schema::from_metadata(&common::runtimes::bytes(SPEC_461), 461, &CALLS, &STORAGE).unwrap();
    let node = spec_461();
    let good = || {
        vec![
            Ok(json!(node.runtime.answer(ALL_BASKETS, &node.baskets))),
            Ok(json!(node
                .runtime
                .answer(ALL_PRICING, &node.pricing_pages[0]))),
        ]
    };
    let read = read_first(&schema, good()).unwrap();
    assert_eq!(read.baskets.len(), 1);
    assert_eq!((read.pages, read.next), (1, None));
    // The same bytes read by a runtime whose summary calls its NAV otherwise.
    let mut renamed = schema.clone();
    for t in &mut renamed.types.types {
        if let scale_info::TypeDef::Composite(c) = &mut t.ty.type_def {
            for f in &mut c.fields {
                if f.name.as_deref() == Some("nav_tao") {
                    f.name = Some("nav".into());
                }
            }
        }
    }
    assert_eq!(
        read_first(&renamed, good()).unwrap_err().to_string(),
        format!("{RUNTIME}BasketSummary has no field nav_tao.")
    );
    // No answer at all.
    let none: Vec<Result<serde_json::Value, LiveError>> = vec![];
    assert!(read_first(&schema, none).is_err());
}

#[test]
fn a_failed_part_takes_its_baskets_from_the_data_in_use_and_is_named() {
    let (mut live, mut before) = (bundled(), bundled());
    let kept = vec![RootBasket {
        hotkey: hotkey(4),
        ..RootBasket::default()
    }];
    before.root_baskets = Some(kept.clone());
    fill_from(&mut live, &before, &[Part::Baskets], &[]);
    assert_eq!(live.root_baskets, Some(kept));
    assert_eq!(
        not_live_note(&[Part::Baskets], "Bundled snapshot").unwrap(),
        "not live: root baskets (from Bundled snapshot)"
    );
    assert_eq!(Part::from_key("baskets"), Some(Part::Baskets));
}
