//! The root baskets' values (`src/snapshot/chain/basket_values.rs`) against bytes the app did
//! not make: the Python SDK's codec corpus of spec 461
//! (`../shared/fixtures/bittensor-shape-corpus-spec461.json`, bittensor 11.3.0), whose samples
//! of `BasketSummary`, `BasketHolding`, `BetaPricing` and `BetaPricingPage` hold SCALE bytes and
//! the values the SDK's production codec decodes from them (amounts as integers, hotkeys in
//! SS58, `U64F64` as `{"bits": N}`). Each sample is decoded by the app's decoder with the
//! spec-461 metadata's own type for that struct and read by the app into `RootBasket` and
//! `BasketPricing`; every value must be the SDK's, a fixed-point one `N / 2^64` worked out here
//! through its exact decimal expansion (`N * 5^64 / 10^64`) and rounded to the places the app
//! keeps: 18, or as many as a decimal's 96 bits hold (the corpus's bits are random, up to
//! 2^128, so most of its prices are near 2^64 and keep 8 or 9).

mod common;

use common::runtimes::{self, SPEC_461};
use dtao_calc::snapshot::basket::{BasketHolding, BasketPricing, RootBasket};
use dtao_calc::snapshot::chain::basket_values::{holding, page, pricing, summary};
use dtao_calc::snapshot::chain::metadata::value::decode_all;
use dtao_calc::snapshot::chain::validators::ss58;
use primitive_types::U512;
use rust_decimal::Decimal;
use scale_info::PortableRegistry;
use serde_json::Value as Json;

const PATH: &str = "pallet_subtensor::rpc_info::basket_info::";

/// `bits / 2^64`, the nearest at 18 places or as many as fit 96 bits, from the exact decimal
/// expansion `bits * 5^64` (the value times 10^64), rounded half up.
fn expected(bits: u128) -> Decimal {
    let exact = U512::from(bits) * U512::from(5u8).pow(U512::from(64u8));
    for places in (0..=18usize).rev() {
        let unit = U512::exp10(64 - places);
        let (q, r) = exact.div_mod(unit);
        let q = if r * 2 >= unit { q + 1 } else { q };
        if q < U512::one() << 96 {
            return Decimal::from_i128_with_scale(q.as_u128() as i128, places as u32).normalize();
        }
    }
    panic!("{bits} has no decimal");
}

fn bits(v: &Json) -> u128 {
    v["bits"].to_string().parse().unwrap()
}

fn n(v: &Json) -> u64 {
    v.to_string().parse().unwrap()
}

fn same_holding(ours: &BasketHolding, sdk: &Json) {
    assert_eq!(
        (
            ours.netuid,
            ours.alpha_rao,
            ours.spot_tao_rao,
            ours.realizable_tao_rao
        ),
        (
            n(&sdk["netuid"]) as u16,
            n(&sdk["alpha"]),
            n(&sdk["spot_tao"]),
            n(&sdk["realizable_tao"])
        ),
        "{sdk}"
    );
}

fn same_summary(ours: &RootBasket, sdk: &Json) {
    assert_eq!(ours.hotkey, sdk["hotkey"].as_str().unwrap());
    assert_eq!(
        (
            ours.nav_tao_rao,
            ours.spot_nav_tao_rao,
            ours.shares,
            ours.deposited_tao_rao,
            ours.redeemed_tao_rao
        ),
        (
            n(&sdk["nav_tao"]),
            n(&sdk["spot_nav_tao"]),
            n(&sdk["shares"]),
            n(&sdk["deposited_tao"]),
            n(&sdk["redeemed_tao"])
        ),
        "{sdk}"
    );
    let holdings = sdk["holdings"].as_array().unwrap();
    assert_eq!(ours.holdings.len(), holdings.len());
    for (o, s) in ours.holdings.iter().zip(holdings) {
        same_holding(o, s);
    }
    assert_eq!(ours.pricing, None, "the pricing is another call's");
}

fn same_pricing((hotkey, ours): &(String, BasketPricing), sdk: &Json) {
    assert_eq!(hotkey, sdk["hotkey"].as_str().unwrap());
    let theirs = BasketPricing {
        spot_price: expected(bits(&sdk["spot_price"])),
        stake_price: expected(bits(&sdk["stake_price"])),
        staker_twr: expected(bits(&sdk["staker_twr"])),
        staker_yield: expected(bits(&sdk["staker_yield"])),
        first_block: n(&sdk["first_block"]),
        provisional: sdk["provisional"].as_bool().unwrap(),
    };
    assert_eq!(*ours, theirs, "{sdk}");
}

/// The corpus's samples of `name`, and the metadata's id of that struct, checked to be the
/// corpus's.
fn samples<'c>(corpus: &'c Json, types: &PortableRegistry, name: &str) -> (u32, &'c [Json]) {
    let entry = corpus["types"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == format!("{PATH}{name}"))
        .unwrap_or_else(|| panic!("the corpus has no {name}"));
    let id = runtimes::type_id(types, name);
    assert_eq!(entry["id"], id, "{name}: the corpus's id is the metadata's");
    assert_eq!(
        types.resolve(id).unwrap().path.segments.join("::"),
        format!("{PATH}{name}")
    );
    let list = entry["samples"].as_array().unwrap();
    assert!(list.len() >= 3, "{name}: {} samples", list.len());
    (id, list)
}

#[test]
fn every_sdk_sample_reads_as_the_sdk_decoded_it() {
    let corpus: Json = serde_json::from_str(&common::read_shared(
        "fixtures/bittensor-shape-corpus-spec461.json",
    ))
    .unwrap();
    assert_eq!(corpus["spec_version"], 461);
    let types = runtimes::registry(SPEC_461);
    let bytes = |s: &Json| common::scale_json::unhex(s["scale_hex"].as_str().unwrap()).unwrap();
    let mut priced = 0;

    let (id, list) = samples(&corpus, &types, "BasketSummary");
    for s in list {
        let value = decode_all(&types, id, &bytes(s)).unwrap();
        same_summary(&summary(&value).unwrap(), &s["decoded"]);
    }
    let (id, list) = samples(&corpus, &types, "BasketHolding");
    for s in list {
        let value = decode_all(&types, id, &bytes(s)).unwrap();
        same_holding(&holding(&value).unwrap(), &s["decoded"]);
    }
    let (id, list) = samples(&corpus, &types, "BetaPricing");
    for s in list {
        let value = decode_all(&types, id, &bytes(s)).unwrap();
        same_pricing(&pricing(&types, id, &value).unwrap(), &s["decoded"]);
        priced += 1;
    }
    let (id, list) = samples(&corpus, &types, "BetaPricingPage");
    let mut cursors = 0;
    for s in list {
        let value = decode_all(&types, id, &bytes(s)).unwrap();
        let (ours, next) = page(&types, id, &value).unwrap();
        let theirs = s["decoded"]["pricing"].as_array().unwrap();
        assert_eq!(ours.len(), theirs.len());
        for (o, t) in ours.iter().zip(theirs) {
            same_pricing(o, t);
            priced += 1;
        }
        let sdk_next = s["decoded"]["next"].as_str();
        assert_eq!(next.map(|a| ss58(&a)).as_deref(), sdk_next);
        cursors += usize::from(sdk_next.is_some());
    }
    // Both kinds of page (a cursor and the last), and every price compared.
    assert!(cursors >= 1 && cursors < list.len(), "{cursors}");
    assert_eq!(priced, 9);
}

#[test]
fn the_expected_values_are_the_definition_where_it_is_short() {
    // 1.25 = 5 * 2^62 and 2^-10 are exact in 18 places; 1/3 of a U64F64 is not, and reads
    // to the nearest 18 places.
    assert_eq!(expected(5 << 62), Decimal::new(125, 2));
    assert_eq!(expected(1 << 54), Decimal::new(9_765_625, 10));
    assert_eq!(
        expected(u128::from(u64::MAX) / 3 + 1),
        Decimal::new(333_333_333_333_333_333, 18)
    );
    // The largest U64F64 keeps 9 places: its value, 2^64 - 2^-64, rounds to 2^64.
    assert_eq!(
        expected(u128::MAX),
        Decimal::from_i128_with_scale(18_446_744_073_709_551_616, 0)
    );
}
