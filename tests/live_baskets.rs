//! The root baskets read live (`src/snapshot/chain/baskets.rs`) from pretend nodes of real
//! runtimes (`common/chain_node.rs`): spec 461 (V15), whose metadata has
//! `BetaBasketRuntimeApi` (RaoFoundation/subtensor `runtime/src/lib.rs` at 005a8dc,
//! `impl BetaBasketRuntimeApi<Block> for Runtime`; the structs in
//! `pallets/subtensor/src/rpc_info/basket_info.rs`), and finney's spec 393 (V16), which has
//! none. The node answers in the runtime's own types from values written in the Python SDK's
//! JSON style; a runtime made from 461 with every basket struct's fields in reverse order must
//! read the same, the reader finding fields by name. Failures are in
//! `live_basket_failures.rs`.

#[path = "common/baskets.rs"]
mod baskets;
mod common;

use baskets::*;
use common::chain_node::Runtime;
use common::runtimes::{self, SPEC_393, SPEC_461};
use dtao_calc::snapshot::basket::{BasketHolding, BasketPricing, RootBasket};
use dtao_calc::snapshot::chain::baskets::{calls, in_runtime, pricing_args, MAX_PAGES};
use dtao_calc::snapshot::chain::metadata::Schema;
use dtao_calc::snapshot::chain::wanted::{CALLS, STORAGE};
use dtao_calc::snapshot::dtao_snapshot::{self, write::to_json};
use frame_metadata::{RuntimeMetadata, RuntimeMetadataPrefixed, META_RESERVED};
use parity_scale_codec::Encode;
use rust_decimal::Decimal;
use scale_info::TypeDef;
use serde_json::json;

const HASH: &str = "0x0505050505050505050505050505050505050505050505050505050505050505";

fn schema(file: &str, spec: u32) -> Schema {
    Schema::from_metadata(&runtimes::bytes(file), spec, &CALLS, &STORAGE).unwrap()
}

#[test]
fn the_calls_are_the_ones_spec_461_declares_and_393_lacks() {
    let RuntimeMetadata::V15(m) = runtimes::metadata(SPEC_461).1 else {
        panic!("spec 461's metadata is V15");
    };
    let api = m
        .apis
        .iter()
        .find(|a| a.name == "BetaBasketRuntimeApi")
        .unwrap();
    let method = |name: &str| api.methods.iter().find(|me| me.name == name).unwrap();
    let path = |id: u32| m.types.resolve(id).unwrap().path.segments.join("::");
    // `fn get_all_validator_baskets() -> Vec<BasketSummary<AccountId32>>`
    let all = method("get_all_validator_baskets");
    assert!(all.inputs.is_empty());
    let TypeDef::Sequence(list) = &m.types.resolve(all.output.id).unwrap().type_def else {
        panic!("a list of summaries");
    };
    assert!(path(list.type_param.id).ends_with("basket_info::BasketSummary"));
    // `fn get_all_beta_pricing(start_after: Option<AccountId32>, limit: u32) -> BetaPricingPage`
    let pricing = method("get_all_beta_pricing");
    let inputs: Vec<(&str, String)> = pricing
        .inputs
        .iter()
        .map(|i| {
            let ty = m.types.resolve(i.ty.id).unwrap();
            let inner = ty
                .type_params
                .iter()
                .filter_map(|p| p.ty)
                .map(|t| path(t.id));
            (
                i.name.as_str(),
                format!("{}{:?}", path(i.ty.id), inner.collect::<Vec<_>>()),
            )
        })
        .collect();
    assert_eq!(
        inputs,
        vec![
            (
                "start_after",
                "Option[\"sp_core::crypto::AccountId32\"]".to_string()
            ),
            ("limit", "[]".to_string())
        ]
    );
    assert!(matches!(
        m.types.resolve(pricing.inputs[1].ty.id).unwrap().type_def,
        TypeDef::Primitive(scale_info::TypeDefPrimitive::U32)
    ));
    assert!(path(pricing.output.id).ends_with("basket_info::BetaPricingPage"));
    // The app asks those names, with the arguments written as those types: None, then 0.
    let s461 = schema(SPEC_461, 461);
    assert!(in_runtime(&s461));
    let asked: Vec<_> = calls(&s461, HASH).into_iter().map(|c| c.params).collect();
    assert_eq!(
        asked,
        vec![
            json!([ALL_BASKETS, "0x", HASH]),
            json!([ALL_PRICING, "0x0000000000", HASH])
        ]
    );
    let after = pricing_args(&s461, Some([7; 32])).unwrap();
    assert_eq!(after.len(), 1 + 32 + 4);
    assert_eq!(
        (after[0], after[1], after[32], &after[33..]),
        (1, 7, 7, &[0u8; 4][..])
    );
    // Spec 393 has no such API.
    let s393 = schema(SPEC_393, 393);
    assert!(!in_runtime(&s393) && s393.call(ALL_PRICING).is_none());
}

#[test]
fn spec_393_asks_nothing_fails_nothing_and_knows_no_baskets() {
    let (read, batches) = read_node(&node(Runtime::fixture(SPEC_393, 393)));
    assert!(read.failed.is_empty(), "{:?}", read.failed);
    assert_eq!(read.snapshot.root_baskets, None);
    assert!(basket_batches(&batches).is_empty(), "{batches:?}");
    // Nor is any written.
    assert!(!to_json(&read.snapshot).contains("root_baskets"));
}

fn expected_fund_1() -> RootBasket {
    RootBasket {
        hotkey: hotkey(1),
        nav_tao_rao: 5_000_000_000_000,
        spot_nav_tao_rao: 5_000_000_000_010,
        shares: 5_000_000_000_000,
        deposited_tao_rao: 5_000_000_000_003,
        redeemed_tao_rao: 2,
        holdings: vec![
            BasketHolding {
                netuid: 64,
                alpha_rao: 90_000_000_000_000,
                spot_tao_rao: 4_100_000_000_000,
                realizable_tao_rao: 4_000_000_000_000,
            },
            BasketHolding {
                netuid: 0,
                alpha_rao: 1_000_000_000_000,
                spot_tao_rao: 1_000_000_000_000,
                realizable_tao_rao: 1_000_000_000_000,
            },
        ],
        // U64F64 bits: 1.25 is 5 * 2^62, 1.0625 is 17 * 2^60, 2^-7 is 2^57.
        pricing: Some(BasketPricing {
            spot_price: Decimal::new(125, 2),
            stake_price: Decimal::new(10_625, 4),
            staker_twr: Decimal::new(10_625, 4),
            staker_yield: Decimal::new(78_125, 7),
            first_block: 8_790_000,
            provisional: false,
        }),
    }
}

fn node_with_two_pages(runtime: Runtime) -> common::chain_node::Node {
    let mut node = node(runtime);
    node.baskets = json!([
        fund(
            1,
            5_000_000_000_000,
            json!([
                holding(64, 90_000_000_000_000, 4_100_000_000_000, 4_000_000_000_000),
                holding(0, 1_000_000_000_000, 1_000_000_000_000, 1_000_000_000_000)
            ])
        ),
        fund(2, 0, json!([])),
    ]);
    // Page 1 prices fund 1 and names a next page; page 2 a fund with no basket (left out).
    node.pricing_pages = vec![
        page(vec![priced(1, 17 << 60, 8_790_000, false)], Some(1)),
        page(vec![priced(3, ONE, 0, true)], None),
    ];
    node
}

#[test]
fn spec_461_reads_every_basket_and_follows_the_pricing_pages() {
    let (read, batches) = read_node(&node_with_two_pages(Runtime::fixture(SPEC_461, 461)));
    assert!(read.failed.is_empty(), "{:?}", read.failed);
    let unpriced = RootBasket {
        hotkey: hotkey(2),
        spot_nav_tao_rao: 10,
        deposited_tao_rao: 3,
        redeemed_tao_rao: 2,
        ..RootBasket::default()
    };
    assert_eq!(
        read.snapshot.root_baskets,
        Some(vec![expected_fund_1(), unpriced])
    );
    // The last rounds: the baskets with the first page, then the page after fund 1.
    assert_eq!(
        basket_batches(&batches),
        vec![
            vec![ALL_BASKETS.to_string(), ALL_PRICING.into()],
            vec![ALL_PRICING.into()]
        ]
    );
    assert_eq!(batches.last().unwrap(), &vec![ALL_PRICING.to_string()]);
    // The writer's file carries them back unchanged.
    let json = to_json(&read.snapshot);
    assert_eq!(dtao_snapshot::parse(&json).unwrap(), read.snapshot);
}

#[test]
fn at_most_eight_pages_are_asked_and_the_funds_past_them_stay_unpriced() {
    let mut node = node(Runtime::fixture(SPEC_461, 461));
    node.baskets = json!((1..=10)
        .map(|i| fund(i, 1_000, json!([])))
        .collect::<Vec<_>>());
    node.pricing_pages = (1..=10u8)
        .map(|i| page(vec![priced(i, ONE, 100, false)], (i < 10).then_some(i)))
        .collect();
    let (read, batches) = read_node(&node);
    assert!(read.failed.is_empty(), "{:?}", read.failed);
    let pages = basket_batches(&batches).concat();
    assert_eq!(
        pages.iter().filter(|c| *c == ALL_PRICING).count(),
        MAX_PAGES
    );
    assert_eq!(MAX_PAGES, 8);
    let baskets = read.snapshot.root_baskets.unwrap();
    let priced: Vec<bool> = baskets.iter().map(|b| b.pricing.is_some()).collect();
    assert_eq!(priced, [[true; 8].as_slice(), &[false; 2]].concat());
}

/// Spec 461's metadata with the fields of every basket struct in reverse order.
fn reversed() -> Vec<u8> {
    let RuntimeMetadata::V15(mut m) = runtimes::metadata(SPEC_461).1 else {
        panic!("spec 461's metadata is V15");
    };
    for name in [
        "BasketSummary",
        "BasketHolding",
        "BetaPricing",
        "BetaPricingPage",
    ] {
        let t = m
            .types
            .types
            .iter_mut()
            .find(|t| t.ty.path.segments.last().map(String::as_str) == Some(name))
            .unwrap();
        let TypeDef::Composite(c) = &mut t.ty.type_def else {
            panic!("{name} is a struct");
        };
        c.fields.reverse();
    }
    RuntimeMetadataPrefixed(META_RESERVED, RuntimeMetadata::V15(m)).encode()
}

#[test]
fn fields_in_another_order_read_the_same_by_name() {
    let original = node_with_two_pages(Runtime::fixture(SPEC_461, 461));
    let turned = node_with_two_pages(Runtime::from_metadata(reversed(), 461));
    // The same values are other bytes in the turned runtime...
    let bytes = |n: &common::chain_node::Node| n.runtime.answer(ALL_BASKETS, &n.baskets);
    assert_ne!(bytes(&original), bytes(&turned));
    // ...and read the same.
    let (a, _) = read_node(&original);
    let (b, _) = read_node(&turned);
    assert!(b.failed.is_empty(), "{:?}", b.failed);
    assert_eq!(b.snapshot.root_baskets, a.snapshot.root_baskets);
    assert_eq!(b.snapshot.root_baskets.unwrap()[0], expected_fund_1());
}
