//! The metadata-driven reader against bytes it did not make: the Python SDK's codec corpus of
//! spec 461 (`../shared/fixtures/bittensor-shape-corpus-spec461.json`: for 797 of the
//! runtime's types, SCALE bytes and what the SDK's production codec decodes from them), its
//! recorded answers of a spec-461 node (`bittensor-golden-spec461.json`: storage keys, stored
//! values, runtime call answers), and the real runtime metadata of specs 393 (V16) and 461
//! (V15).

mod common;

use common::runtimes::{self, SPEC_393, SPEC_461};
use common::scale_json;
use dtao_calc::snapshot::chain::metadata::{storage_key, value, Arg, Schema, Wanted};
use scale_info::{PortableRegistry, TypeDef};
use serde_json::Value as Json;
use std::collections::BTreeSet;

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

fn hex_bytes(v: &Json) -> Vec<u8> {
    scale_json::unhex(v.as_str().unwrap()).unwrap()
}

/// Every type id reachable from `roots` in the registry.
fn reachable(types: &PortableRegistry, roots: impl IntoIterator<Item = u32>) -> BTreeSet<u32> {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<u32> = roots.into_iter().collect();
    while let Some(id) = todo.pop() {
        if !seen.insert(id) {
            continue;
        }
        let Some(ty) = types.resolve(id) else {
            continue;
        };
        todo.extend(ty.type_params.iter().filter_map(|p| p.ty.map(|t| t.id)));
        match &ty.type_def {
            TypeDef::Composite(c) => todo.extend(c.fields.iter().map(|f| f.ty.id)),
            TypeDef::Variant(v) => todo.extend(
                v.variants
                    .iter()
                    .flat_map(|x| x.fields.iter().map(|f| f.ty.id)),
            ),
            TypeDef::Sequence(s) => todo.push(s.type_param.id),
            TypeDef::Array(a) => todo.push(a.type_param.id),
            TypeDef::Tuple(t) => todo.extend(t.fields.iter().map(|f| f.id)),
            TypeDef::Compact(c) => todo.push(c.type_param.id),
            TypeDef::BitSequence(b) => todo.extend([b.bit_store_type.id, b.bit_order_type.id]),
            TypeDef::Primitive(_) => {}
        }
    }
    seen
}

/// The types the app reads in spec 461: its calls' answers and its storage items' values,
/// and everything inside them, with the answers of the calls issues 31 and 32 will read.
fn read_types(types: &PortableRegistry) -> BTreeSet<u32> {
    let names = [
        "DynamicInfo",
        "SelectiveMetagraph",
        "SimSwapResult",
        "StakeInfo",
        "Balancer",
        "PerU16",
        "SafeFloat",
        "BasketSummary",
        "BetaPricing",
        "SubnetPrice",
    ];
    reachable(types, names.iter().map(|n| runtimes::type_id(types, n)))
}

#[test]
fn every_corpus_sample_decodes_and_the_types_read_give_the_sdks_values() {
    let types = runtimes::registry(SPEC_461);
    let read = read_types(&types);
    assert!(read.len() > 40, "{}", read.len());
    let corpus = corpus();
    assert_eq!(corpus["spec_version"], 461);
    let (mut decoded, mut compared) = (0, 0);
    let mut failures = Vec::new();
    for ty in corpus["types"].as_array().unwrap() {
        let id = ty["id"].as_u64().unwrap() as u32;
        for (i, sample) in ty["samples"].as_array().unwrap().iter().enumerate() {
            let bytes = hex_bytes(&sample["scale_hex"]);
            let at = format!("type {id} {} sample {i}", ty["name"]);
            // Every one of the runtime's types reads to its end...
            let ours = match value::decode_all(&types, id, &bytes) {
                Ok(ours) => ours,
                Err(why) => {
                    failures.push(format!("{at}: does not decode: {why}"));
                    continue;
                }
            };
            decoded += 1;
            // ...and those the app reads give what the SDK's codec gives, number for number.
            if read.contains(&id) {
                compared += 1;
                if let Err(why) = scale_json::same(&ours, &sample["decoded"]) {
                    failures.push(format!("{at}: {why}"));
                }
            }
        }
    }
    println!("{decoded} samples decoded, {compared} compared with the SDK's values");
    assert!(decoded > 2_800, "{decoded}");
    assert!(compared > 150, "{compared}");
    assert!(
        failures.is_empty(),
        "{}:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_tests_encoder_writes_the_corpus_bytes_back() {
    // The pretend node's answers are written by this encoder: it must lay values out as the
    // SDK's codec reads them, for every type the reader meets. Where the SDK's JSON cannot say
    // all the bytes did (it writes `Some(None)` as `null`, like `None`), what the encoder
    // writes must read back as that same JSON.
    let types = runtimes::registry(SPEC_461);
    let read = read_types(&types);
    let corpus = corpus();
    let (mut exact, mut equivalent) = (0, 0);
    let mut failures = Vec::new();
    for ty in corpus["types"].as_array().unwrap() {
        let id = ty["id"].as_u64().unwrap() as u32;
        if !read.contains(&id) {
            continue;
        }
        for (i, sample) in ty["samples"].as_array().unwrap().iter().enumerate() {
            let at = format!("type {id} {} sample {i}", ty["name"]);
            let bytes = match scale_json::encode(&types, id, &sample["decoded"]) {
                Ok(b) => b,
                Err(why) => {
                    failures.push(format!("{at}: {why}"));
                    continue;
                }
            };
            if bytes == hex_bytes(&sample["scale_hex"]) {
                exact += 1;
            } else if value::decode_all(&types, id, &bytes)
                .is_ok_and(|v| scale_json::same(&v, &sample["decoded"]).is_ok())
            {
                equivalent += 1;
            } else {
                failures.push(at);
            }
        }
    }
    assert!(exact > 150, "{exact} exact, {equivalent} equivalent");
    assert!(failures.is_empty(), "{failures:?}");
}

/// A schema of spec 461 that keeps `calls` and `items` (pallet, name).
fn schema_461(calls: &[&str], items: &[(&'static [&'static str], &'static str)]) -> Schema {
    let wanted: Vec<Wanted> = items
        .iter()
        .map(|(pallets, name)| Wanted { pallets, name })
        .collect();
    Schema::from_metadata(&runtimes::bytes(SPEC_461), 461, calls, &wanted).unwrap()
}

/// A spec-461 schema keeping the one storage item an SDK record names, and that item.
fn item_of(record: &Json) -> (Schema, &'static str) {
    let pallet: &'static str = Box::leak(
        record["pallet"]
            .as_str()
            .unwrap()
            .to_string()
            .into_boxed_str(),
    );
    let name: &'static str = Box::leak(
        record["storage_function"]
            .as_str()
            .unwrap()
            .to_string()
            .into_boxed_str(),
    );
    let pallets: &'static [&'static str] = Box::leak(vec![pallet].into_boxed_slice());
    (schema_461(&[], &[(pallets, name)]), name)
}

/// A key part from the SDK's JSON params: an SS58 address, `0x` bytes, or a number.
fn arg(param: &Json) -> Arg {
    match param {
        Json::String(s) => Arg::Account(
            scale_json::ss58_bytes(s)
                .or_else(|| scale_json::unhex(s).and_then(|b| b.try_into().ok()))
                .unwrap(),
        ),
        n => Arg::Uint(u128::from(n.as_u64().unwrap())),
    }
}

#[test]
fn storage_keys_are_the_ones_the_sdk_made() {
    // Every hasher the chain uses: Blake2_128Concat (System.Account, Alpha), Identity (Tempo,
    // Keys), Twox64Concat (Multisigs), plain values (Timestamp.Now), maps of three keys.
    let golden = golden();
    let keys = golden["storage_keys"].as_array().unwrap();
    assert!(keys.len() >= 8);
    for k in keys {
        let (schema, name) = item_of(k);
        let item = schema.item(name).unwrap();
        let args: Vec<Arg> = k["params"].as_array().unwrap().iter().map(arg).collect();
        assert_eq!(
            dtao_calc::snapshot::chain::keys::hex(&storage_key(&schema, item, &args).unwrap()),
            k["key_hex"].as_str().unwrap(),
            "{name}"
        );
    }
}

#[test]
fn stored_values_and_call_answers_read_as_the_sdk_read_them() {
    let golden = golden();
    for v in golden["storage_values"].as_array().unwrap() {
        let (schema, name) = item_of(v);
        let item = schema.item(name).unwrap();
        // Nothing stored (NetworksAdded(9999)): the item's default, as the SDK reads it.
        let raw = v["raw_hex"].as_str().map(|_| hex_bytes(&v["raw_hex"]));
        let read = schema.stored(item, raw.as_deref()).unwrap().unwrap();
        scale_json::same(&read, &v["decoded"]).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let calls = golden["runtime_calls"].as_array().unwrap();
    assert!(calls.len() >= 3);
    for c in calls {
        let name = format!(
            "{}_{}",
            c["api"].as_str().unwrap(),
            c["method"].as_str().unwrap()
        );
        let schema = schema_461(&[name.as_str()], &[]);
        let call = schema.call(&name).unwrap();
        // The arguments as the runtime types them: what the SDK sent.
        let mut args = Vec::new();
        for (ty, p) in call.inputs.iter().zip(c["params"].as_array().unwrap()) {
            args.extend(
                dtao_calc::snapshot::chain::metadata::encode::encode(&schema.types, *ty, &arg(p))
                    .unwrap(),
            );
        }
        assert_eq!(
            dtao_calc::snapshot::chain::keys::hex(&args)[2..],
            *c["encoded_params_hex"].as_str().unwrap(),
            "{name}"
        );
        let answer = schema.answer(call, &hex_bytes(&c["raw_hex"])).unwrap();
        scale_json::same(&answer, &c["decoded"]).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn both_runtimes_make_a_small_schema_with_everything_the_reader_asks_for() {
    use dtao_calc::snapshot::chain::wanted::{CALLS, STORAGE};
    for (file, spec, calls, items) in [(SPEC_393, 393, 5, 10), (SPEC_461, 461, 11, 23)] {
        let metadata = runtimes::bytes(file);
        let schema = Schema::from_metadata(&metadata, spec, &CALLS, &STORAGE).unwrap();
        assert_eq!(
            schema.calls.len(),
            calls,
            "spec {spec}: {:?}",
            schema.calls.iter().map(|c| &c.name).collect::<Vec<_>>()
        );
        assert_eq!(
            schema.storage.len(),
            items,
            "spec {spec}: {:?}",
            schema.storage.iter().map(|s| &s.name).collect::<Vec<_>>()
        );
        let kept = schema.to_bytes();
        println!(
            "spec {spec}: metadata {} bytes, schema {} bytes",
            metadata.len(),
            kept.len()
        );
        assert!(kept.len() < 16_000, "{}", kept.len());
        assert_eq!(Schema::from_bytes(&kept), Some(schema.clone()));
        // A kept schema of another format or cut short is made again, not misread.
        assert_eq!(Schema::from_bytes(&kept[..kept.len() - 1]), None);
        let mut other = kept.clone();
        other[0] ^= 1;
        assert_eq!(Schema::from_bytes(&other), None);
        // AlphaBurned moved to its own pallet in 461; it is found there by name.
        if spec == 461 {
            assert_eq!(schema.item("AlphaBurned").unwrap().pallet, "AlphaAssets");
            assert!(schema.item("SwapSuperellipse").is_none());
        }
    }
}
