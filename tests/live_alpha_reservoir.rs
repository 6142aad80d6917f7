//! The Balancer alpha reservoir in a subnet's alpha issuance (SPEC §2: `A` is the alpha in the
//! pool, plus the alpha outstanding, plus `Swap::BalancerAlphaReservoir`). RaoFoundation/
//! subtensor: `pallets/swap/src/pallet/mod.rs` at 0249a4a, lines 129-132,
//! `BalancerAlphaReservoir<T> = StorageMap<_, Twox64Concat, NetUid, AlphaBalance, ValueQuery>`;
//! `pallets/swap/src/pallet/impls.rs` there, `fn protocol_alpha_reservoir(netuid)` reads it;
//! and `pallets/subtensor/src/staking/stake_utils/alpha_price.rs` at 0bb2cb3, lines 19-23,
//! `get_alpha_issuance`, the sum of `SubnetAlphaIn`, `SubnetAlphaOut` and
//! `protocol_alpha_reservoir`. Read with the pools' curves (`Part::Curves`), where the runtime
//! has it: spec 461's metadata does, finney's spec 393 not. Keys are made here as FRAME makes
//! them and the stored bytes are written by hand (`AlphaBalance(u64)`: eight bytes,
//! little-endian).

mod common;

use common::chain_node::{hex, Runtime};
use common::emission_terms::{read_node, schema, state, stored, twox128, OPTIONS};
use common::runtimes::{SPEC_393, SPEC_461};
use dtao_calc::snapshot::bundled::bundled;
use dtao_calc::snapshot::chain::metadata::Hasher;
use dtao_calc::snapshot::chain::parts::{fill_from, Part};
use dtao_calc::snapshot::chain::read::{self, pool_calls, read_pools};
use dtao_calc::snapshot::dtao_snapshot::{self, write::to_json};
use std::collections::HashMap;

/// `Swap::BalancerAlphaReservoir`'s key at `netuid`: the pallet's and the item's twox128, then
/// `Twox64Concat` of the netuid's two bytes (xxHash64, seed 0, little-endian, then the bytes).
fn key(netuid: u16) -> String {
    let mut out = twox128(b"Swap");
    out.extend(twox128(b"BalancerAlphaReservoir"));
    let bytes = netuid.to_le_bytes();
    out.extend(twox_hash::XxHash64::oneshot(0, &bytes).to_le_bytes());
    out.extend(bytes);
    hex(&out)
}

#[test]
fn spec_461_has_the_item_keyed_by_netuid_and_393_lacks_it() {
    let s = schema(SPEC_461, 461);
    let item = s.item("BalancerAlphaReservoir").unwrap();
    assert_eq!(
        (item.pallet.as_str(), item.prefix.as_str()),
        ("Swap", "Swap")
    );
    assert_eq!(item.hashers, vec![Hasher::Twox64Concat]);
    let path = |id: u32| s.types.resolve(id).unwrap().path.segments.join("::");
    assert_eq!(path(item.key.unwrap()), "subtensor_runtime_common::NetUid");
    assert_eq!(
        path(item.value),
        "subtensor_runtime_common::currency::AlphaBalance"
    );
    // `ValueQuery` without a default of its own: nothing stored is 0.
    assert_eq!(item.default.as_deref(), Some(&[0u8; 8][..]));
    assert!(schema(SPEC_393, 393)
        .item("BalancerAlphaReservoir")
        .is_none());
}

#[test]
fn the_curves_call_asks_each_dynamic_subnets_reservoir_by_the_key_frame_makes() {
    // The twox128 above is FRAME's: System's prefix, which every Substrate tool knows.
    assert_eq!(
        hex(&twox128(b"System")),
        "0x26aa394eea5630e07c48ae0c9558cef7"
    );
    let calls = pool_calls(&schema(SPEC_461, 461), &state(461), &[]);
    let keys = calls[0].params[0].as_array().unwrap();
    for netuid in [7, 64] {
        assert!(keys.contains(&key(netuid).into()), "subnet {netuid}");
    }
    // Root, stable, has no pool to keep a reservoir for; spec 393 is not asked.
    assert!(!keys.contains(&key(0).into()));
    let old = pool_calls(&schema(SPEC_393, 393), &state(393), &[]);
    let prefix = &key(7)[..2 + 64];
    assert!(!old[0].params[0]
        .as_array()
        .unwrap()
        .iter()
        .any(|k| k.as_str().unwrap().starts_with(prefix)));
}

#[test]
fn stored_bytes_read_as_the_reservoir_and_into_the_issuance() {
    // 12,345 rao on subnet 7; nothing stored on 64 (0).
    let s461 = schema(SPEC_461, 461);
    let curves = stored(&[(key(7), "0x3930000000000000".into())]);
    let pools = read_pools(
        &s461,
        &state(461),
        &[],
        vec![curves, stored(&[]), stored(&[])],
    );
    assert!(pools.failed.is_empty(), "{:?}", pools.failed);
    let reservoir = |n: u16| pools.storage.as_ref().unwrap()[&n].alpha_reservoir;
    assert_eq!((reservoir(7), reservoir(64)), (Some(12_345), Some(0)));
    let mut with_out = state(461);
    for s in &mut with_out.subnets {
        s.alpha_out_rao = Some(1_000);
    }
    let read = read::finish(&s461, &with_out, pools, &HashMap::new(), &OPTIONS).unwrap();
    let subnet = |n: u16| read.snapshot.subnet(n).unwrap().clone();
    assert_eq!(subnet(7).alpha_reservoir_rao, Some(12_345));
    assert_eq!(subnet(0).alpha_reservoir_rao, None);
    // A = alpha in (9,000 TAO) + out (1,000 rao) + the reservoir.
    assert_eq!(
        subnet(7).alpha_issuance_rao(),
        Some(9_000_000_000_000 + 1_000 + 12_345)
    );
    // Seven bytes are no AlphaBalance: the curves fail, named, and the rest stays.
    let bad = stored(&[(key(7), "0x39300000000000".into())]);
    let pools = read_pools(&s461, &state(461), &[], vec![bad, stored(&[]), stored(&[])]);
    let failed: Vec<(Part, &str)> = pools
        .failed
        .iter()
        .map(|f| (f.part, f.why.as_str()))
        .collect();
    assert_eq!(failed, vec![(Part::Curves, "Runtime spec 461 sends data this version cannot read: subnet 7's Swap::BalancerAlphaReservoir does not read as its type (the bytes end too soon).")]);
    assert!(pools.unstakeable.is_some() && pools.terms.is_some());
}

#[test]
fn a_whole_read_has_the_reservoir_where_the_runtime_does() {
    let read = read_node(
        Runtime::fixture(SPEC_461, 461),
        &[(key(64), "0x00e40b5402000000".into())],
    );
    assert!(read.failed.is_empty(), "{:?}", read.failed);
    let chosen = read.snapshot.subnet(64).unwrap();
    assert_eq!(chosen.alpha_reservoir_rao, Some(10_000_000_000));
    assert_eq!(
        chosen.alpha_issuance_rao(),
        Some(chosen.alpha_in_rao + chosen.alpha_out_rao.unwrap() + 10_000_000_000)
    );
    // Root's yield base sums that issuance.
    let sources = read.snapshot.root_dividend_sources();
    assert!(sources.iter().any(|(_, a, _)| *a
        == dtao_calc::model::num::units::rao_to_decimal(chosen.alpha_issuance_rao().unwrap())));
    // Carried in the writer's file and back; the other dynamic subnets read 0.
    let json = to_json(&read.snapshot);
    assert!(json.contains("\"alpha_reservoir\": \"10\""));
    assert_eq!(dtao_snapshot::parse(&json).unwrap(), read.snapshot);
    assert_eq!(
        read.snapshot.subnet(1).unwrap().alpha_reservoir_rao,
        Some(0)
    );
    // Spec 393 has none: unknown, and issuance is the pool and the outstanding alone.
    let old = read_node(Runtime::fixture(SPEC_393, 393), &[]);
    assert!(old
        .snapshot
        .subnets
        .iter()
        .all(|s| s.alpha_reservoir_rao.is_none()));
    assert!(!to_json(&old.snapshot).contains("alpha_reservoir"));
}

#[test]
fn the_format_refuses_a_bad_reservoir_and_a_failed_part_keeps_the_one_in_use() {
    let doc = |value: &str| {
        format!(
            r#"{{"schema":"dtao-snapshot/2","block":1,"taken_at":"2026-12-01T00:00:00Z","subnets":[{{"netuid":3,"mechanism":"dynamic","tao_in":"10","alpha_in":"100","alpha_out":"5","alpha_reservoir":{value}}}]}}"#
        )
    };
    let s = dtao_snapshot::parse(&doc("\"0.000012345\"")).unwrap();
    assert_eq!(s.subnets[0].alpha_reservoir_rao, Some(12_345));
    assert_eq!(s.subnets[0].alpha_issuance_rao(), Some(105_000_012_345));
    for (value, problem) in [
        ("\"-1\"", "must not be negative."),
        (
            "\"0.0000000001\"",
            "has more than 9 decimal places (1 rao = 0.000000001).",
        ),
        ("true", "expected a number, found true/false."),
    ] {
        assert_eq!(
            dtao_snapshot::parse(&doc(value)).unwrap_err().to_string(),
            format!("Subnet 3, field “alpha_reservoir”: {problem}")
        );
    }
    let (mut live, mut before) = (bundled(), bundled());
    before.subnets[1].alpha_reservoir_rao = Some(77);
    fill_from(&mut live, &before, &[Part::Curves], &[]);
    assert_eq!(live.subnets[1].alpha_reservoir_rao, Some(77));
}
