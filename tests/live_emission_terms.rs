//! The TAO emission's terms read live (issue 31, `src/snapshot/chain/emission.rs`) against the
//! real metadata of spec 461 (V15, which has all six items) and finney's spec 393 (V16, which
//! has none). The chain's code cited is RaoFoundation/subtensor: `pallets/subtensor/src/lib.rs`
//! at d19c99e (the storage declarations and their defaults, "lib.rs N") and
//! `pallets/subtensor/src/coinbase/subnet_emissions.rs` at f8ff769 (how they are used,
//! "subnet_emissions.rs N"). Keys are made here as FRAME makes them, and stored values written
//! here from the fixed-point definition (`substrate_fixed`: a UxxFyy is its bits / 2^yy, stored
//! as a little-endian u128), not by the app.

mod common;

use common::chain_node::{hex, Runtime};
use common::emission_terms::*;
use common::runtimes::{SPEC_393, SPEC_461};
use dtao_calc::snapshot::bundled::bundled;
use dtao_calc::snapshot::chain::emission::Terms;
use dtao_calc::snapshot::chain::metadata::Hasher;
use dtao_calc::snapshot::chain::parts::{fill_from, Part};
use dtao_calc::snapshot::chain::read::{self, pool_calls};
use dtao_calc::snapshot::chain::rpc::Call;
use dtao_calc::snapshot::chain::LiveError;
use rust_decimal::Decimal;
use serde_json::json;
use std::collections::HashMap;

#[test]
fn spec_461_has_the_six_items_with_the_chains_types_and_defaults() {
    let schema = schema(SPEC_461, 461);
    let f64_061 = 5_494_391_545_392_005u128; // 0.61 as an f64 is exactly this / 2^53
    assert_eq!((0.61f64 * 2f64.powi(53)) as u128, f64_061);
    // (item, a map by netuid, value type, default bytes):
    let items = [
        // lib.rs 2451-2461: `MinerBurned: StorageMap<_, Identity, NetUid, U96F32, ValueQuery,
        // DefaultMinerBurned<T>>`, the default `U96F32::saturating_from_num(0.0)`.
        ("MinerBurned", true, "U96F32", le(0)),
        // lib.rs 1807-1808: `SubnetEmissionEnabled: StorageMap<_, Identity, NetUid, bool,
        // ValueQuery, DefaultTrue<T>>` (753: true; registering a subnet writes false for it,
        // subnets/subnet.rs).
        ("SubnetEmissionEnabled", true, "bool", "0x01".into()),
        // lib.rs 2187-2195: `EmissionBarRank: StorageValue<_, u16, ValueQuery,
        // DefaultEmissionBarRank<T>>`, 32 (2190).
        ("EmissionBarRank", false, "u16", "0x2000".into()),
        // lib.rs 2199-2205: `EmissionGateExponent: StorageValue<_, U64F64, …>`, the default
        // `U64F64::saturating_from_num(3)`.
        ("EmissionGateExponent", false, "U64F64", le(3 << 64)),
        // lib.rs 2172-2180: `EmissionBarQuantile: StorageValue<_, U64F64, …>`, the default
        // `U64F64::saturating_from_num(0.61)` (2175) from the f64 0.61: its bits, exactly.
        ("EmissionBarQuantile", false, "U64F64", le(f64_061 << 11)),
        // lib.rs 2212: `EmissionGateBar: StorageValue<_, U64F64, ValueQuery>`, no default of
        // its own: 0, "not yet computed" (subnet_emissions.rs 470: a zero bar, no gate).
        ("EmissionGateBar", false, "U64F64", le(0)),
    ];
    for (name, map, value, default) in items {
        let item = schema.item(name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(
            (item.pallet.as_str(), item.prefix.as_str()),
            ("SubtensorModule", "SubtensorModule")
        );
        let key_type = item
            .key
            .map(|k| schema.types.resolve(k).unwrap().path.segments.clone());
        if map {
            assert_eq!(item.hashers, vec![Hasher::Identity], "{name}");
            assert_eq!(key_type.unwrap().last().unwrap(), "NetUid", "{name}");
        } else {
            assert!(item.hashers.is_empty() && key_type.is_none(), "{name}");
        }
        assert_eq!(written(&schema, item.value), value, "{name}");
        assert_eq!(hex(item.default.as_ref().unwrap()), default, "{name}");
    }
}

#[test]
fn the_terms_call_asks_the_keys_frame_makes() {
    // The pallet prefix every Subtensor tool knows.
    assert_eq!(
        hex(&twox128(b"SubtensorModule")),
        "0x658faa385070e074c85bf6b568cf0555"
    );
    let calls: Vec<Call> = pool_calls(&schema(SPEC_461, 461), &state(461), &[]);
    // The curves, the eligible alpha, then the terms: the gate's four, then per dynamic subnet
    // (not root) its two.
    assert_eq!(calls.len(), 3);
    assert_eq!(calls[2].method, "state_queryStorageAt");
    let mut expected: Vec<String> = GATE.iter().map(|n| key(n, None)).collect();
    for netuid in [7, 64] {
        expected.extend(PER_SUBNET.iter().map(|n| key(n, Some(netuid))));
    }
    assert_eq!(calls[2].params, json!([expected, HASH]));
    // Subnet 64's MinerBurned, whole: prefix, item, 0x4000.
    assert!(expected[6].ends_with("4000") && expected[6].len() == 2 + 2 * 34);
}

#[test]
fn stored_values_read_as_the_fixed_point_definition_says() {
    // The bytes below are the definition's: the bits, little-endian.
    assert_eq!(le(5 << 63), "0x00000000000000800200000000000000");
    assert_eq!(le((61 << 64) / 100), "0xf5285c8fc2f5289c0000000000000000");
    assert_eq!(le(1 << 57), "0x00000000000000020000000000000000");
    assert_eq!(le(1 << 30), "0x00000040000000000000000000000000");
    let pools = round_3(stored(&[
        // Rank 0: the bar at the quantile (subnet_emissions.rs 426-436).
        put("EmissionBarRank", None, "0x0000"),
        // U64F64 2.5: 5 * 2^63; 0.61: floor(61 * 2^64 / 100); 2^-7: 2^57.
        put(
            "EmissionGateExponent",
            None,
            "0x00000000000000800200000000000000",
        ),
        put(
            "EmissionBarQuantile",
            None,
            "0xf5285c8fc2f5289c0000000000000000",
        ),
        put(
            "EmissionGateBar",
            None,
            "0x00000000000000020000000000000000",
        ),
        // U96F32 0.25: 2^30. Subnet 7 switched off (subnet_emissions.rs 49-52: its share goes
        // to the subnets switched on).
        put("MinerBurned", Some(7), "0x00000040000000000000000000000000"),
        put("SubnetEmissionEnabled", Some(7), "0x00"),
    ]));
    assert!(pools.failed.is_empty(), "{:?}", pools.failed);
    let read_gate = (
        Some(0),
        Some(d("2.5")),
        Some(d("0.61")),
        Some(d("0.0078125")),
    );
    let terms = Terms {
        bar_rank: read_gate.0,
        gate_exponent: read_gate.1,
        bar_quantile: read_gate.2,
        gate_bar: read_gate.3,
        // Subnet 64 has nothing stored: the defaults, none burned and switched on.
        subnets: HashMap::from([
            (7, (Some(d("0.25")), Some(false))),
            (64, (Some(Decimal::ZERO), Some(true))),
        ]),
    };
    assert_eq!(pools.terms, Some(terms));
    // Into the snapshot, the stable root left unknown.
    let read = read::finish(
        &schema(SPEC_461, 461),
        &state(461),
        pools,
        &HashMap::new(),
        &OPTIONS,
    )
    .unwrap();
    let s = &read.snapshot;
    assert_eq!(gate(&s.runtime), read_gate);
    let terms_of = |n: u16| {
        s.subnet(n)
            .map(|s| (s.miner_burned, s.emission_enabled))
            .unwrap()
    };
    assert_eq!(terms_of(7), (Some(d("0.25")), Some(false)));
    assert_eq!(terms_of(0), (None, None));
}

#[test]
fn nothing_stored_reads_as_the_chains_defaults() {
    // lib.rs: EmissionBarRank 32 (2190), exponent 3 (2200), quantile the f64 0.61 (2175,
    // 0.60999999999999998667… to 18 places), bar 0 (2212); MinerBurned 0 (2452),
    // SubnetEmissionEnabled true (`DefaultTrue`, 753, 1808).
    let terms = round_3(stored(&[])).terms.unwrap();
    assert_eq!(
        (
            terms.bar_rank,
            terms.gate_exponent,
            terms.bar_quantile,
            terms.gate_bar
        ),
        (
            Some(32),
            Some(d("3")),
            Some(d("0.609999999999999987")),
            Some(Decimal::ZERO)
        )
    );
    assert_eq!(terms.subnets[&7], (Some(Decimal::ZERO), Some(true)));
    // More than all of it burned counts as all (subnet_emissions.rs 364, `.min(one)`): U96F32
    // 1.5 is 3 * 2^31.
    let more = round_3(stored(&[put("MinerBurned", Some(7), &le(3 << 31))]));
    assert_eq!(more.terms.unwrap().subnets[&7].0, Some(Decimal::ONE));
}

#[test]
fn a_term_that_does_not_read_fails_its_part_and_keeps_the_rest() {
    let runtime = "Runtime spec 461 sends data this version cannot read: ";
    let unusable = "The chain's data is not usable: ";
    let refused = LiveError::Rpc {
        method: "state_queryStorageAt".into(),
        code: -32000,
        message: "refused".into(),
    };
    let cases = [
        (
            stored(&[put("MinerBurned", Some(7), "0x000000400000000000000000000000")]),
            format!("{runtime}subnet 7's SubtensorModule::MinerBurned does not read as its type (in bits: the bytes end too soon)."),
        ),
        (
            stored(&[put("SubnetEmissionEnabled", Some(64), "0x02")]),
            format!("{runtime}subnet 64's SubtensorModule::SubnetEmissionEnabled does not read as its type (2 is not a bool)."),
        ),
        (
            stored(&[put("EmissionGateExponent", None, &le(9 << 64))]),
            format!("{unusable}EmissionGateExponent is 9, outside 1 to 8."),
        ),
        (
            stored(&[put("EmissionBarQuantile", None, &le(3 << 63))]),
            format!("{unusable}EmissionBarQuantile is 1.5, outside 0 to 1."),
        ),
        (Err(refused), "The node refused state_queryStorageAt: refused (error -32000).".into()),
    ];
    for (answer, why) in cases {
        let pools = round_3(answer);
        let failed: Vec<(Part, &str)> = pools
            .failed
            .iter()
            .map(|f| (f.part, f.why.as_str()))
            .collect();
        assert_eq!(failed, vec![(Part::EmissionTerms, why.as_str())]);
        assert_eq!(pools.terms, None);
        // The pools' curves and the eligible alpha are read all the same.
        assert!(
            pools.storage.is_some() && pools.unstakeable.is_some(),
            "{why}"
        );
    }
    // A failed part takes its terms from the data in use.
    let (mut live, mut before) = (bundled(), bundled());
    before.runtime.bar_rank = Some(16);
    (
        before.subnets[1].miner_burned,
        before.subnets[1].emission_enabled,
    ) = (Some(d("0.5")), Some(false));
    fill_from(&mut live, &before, &[Part::EmissionTerms], &[]);
    assert_eq!(live.runtime.bar_rank, Some(16));
    assert_eq!(
        (
            live.subnets[1].miner_burned,
            live.subnets[1].emission_enabled
        ),
        (Some(d("0.5")), Some(false))
    );
    assert_eq!(Part::from_key("emission_terms"), Some(Part::EmissionTerms));
}

#[test]
fn spec_393_lacks_the_items_so_the_read_asks_nothing_and_leaves_them_unknown() {
    let old = schema(SPEC_393, 393);
    for name in GATE.iter().chain(&PER_SUBNET) {
        assert!(old.item(name).is_none(), "{name}");
    }
    // Round 3 is the curves alone (no eligible alpha, no terms in this runtime).
    assert_eq!(pool_calls(&old, &state(393), &[]).len(), 1);
    let read = read_node(Runtime::fixture(SPEC_393, 393), &[]);
    assert!(read.failed.is_empty(), "{:?}", read.failed);
    assert_eq!(gate(&read.snapshot.runtime), (None, None, None, None));
    let subnets = &read.snapshot.subnets;
    assert!(subnets
        .iter()
        .all(|s| s.miner_burned.is_none() && s.emission_enabled.is_none()));
    // Spec 461 through the same node: every dynamic subnet's terms, stored or the default.
    let stored = [
        put("MinerBurned", Some(64), &le(1 << 30)),
        put("EmissionBarRank", None, "0x4000"),
    ];
    let read = read_node(Runtime::fixture(SPEC_461, 461), &stored);
    assert!(read.failed.is_empty(), "{:?}", read.failed);
    let s = &read.snapshot;
    assert_eq!(
        (s.runtime.bar_rank, s.runtime.gate_exponent),
        (Some(64), Some(d("3")))
    );
    assert_eq!(s.subnet(64).unwrap().miner_burned, Some(d("0.25")));
    let dynamic = s.subnets.iter().filter(|s| s.netuid != 0);
    assert!(dynamic.clone().all(|s| s.emission_enabled == Some(true)));
    assert_eq!(dynamic.count(), s.subnets.len() - 1);
    assert_eq!(s.subnet(0).unwrap().miner_burned, None);
}
