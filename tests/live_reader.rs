//! The chain reader against pretend nodes of real runtimes (`common/chain_node.rs`): finney
//! spec 393 (V16 metadata) and spec 461 (V15), and runtimes made from 461 (`variants.rs`). Each
//! node serves its runtime's metadata and answers in that runtime's types, following the
//! chain's code for every call; the reader must read them by name, ask as the chain answers
//! (index 0 with the metagraph's fields, `get_block_emission` not the stale `BlockEmission`),
//! keep what did not fail, and check itself against the chain's own quotes. The states are
//! also the browser tests' replay (`tests/browser/fixtures/chain-replay.json`;
//! `DTAO_REGENERATE=1` rewrites it).

mod common;

use common::block_on;
use common::chain_node::{serve_batch, Chain, Neuron, Node, Runtime};
use common::runtimes::{SPEC_393, SPEC_461};
use common::variants;
use dtao_calc::model::num::units::rao_to_decimal;
use dtao_calc::model::pool::fee::FeeRate;
use dtao_calc::model::pool::side::Side;
use dtao_calc::model::pool::weights::TaoWeight;
use dtao_calc::snapshot::chain::parts::{LiveRead, Part};
use dtao_calc::snapshot::chain::quote::{self, ChainQuote};
use dtao_calc::snapshot::chain::read::{MemoryStore, SchemaStore};
use dtao_calc::snapshot::chain::rpc::{Answers, Call};
use dtao_calc::snapshot::chain::validators::ss58;
use dtao_calc::snapshot::chain::{read, LiveError, ReadOptions};
use dtao_calc::snapshot::dtao_snapshot::{self, write::to_json};
use dtao_calc::snapshot::{bundled::bundled, Snapshot};
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};
use std::cell::RefCell;
use std::collections::BTreeMap;

const ENDPOINT: &str = "ws://127.0.0.1:9944";
const FETCHED: &str = "2026-12-07T08:00:00Z";
const TAO: u64 = 1_000_000_000;
/// The subnet whose validators are read.
const CHOSEN: u16 = 64;

/// The vectors' pools (`../shared/vectors/pool.json`) put on subnets 1 and 2, so the node's
/// quotes there are the chain's own results: subnet 1 the weighted pool (0.4 TAO weight, where
/// the runtime stores weights), subnet 2 the 50k TAO / 2.5M alpha pool.
fn with_vector_pools(mut s: Snapshot, weights: bool) -> Snapshot {
    for subnet in &mut s.subnets {
        match subnet.netuid {
            1 if weights => {
                subnet.tao_in_rao = 1_000 * TAO;
                subnet.alpha_in_rao = 10_000 * TAO;
                subnet.w_tao = Some(TaoWeight::from_parts(400_000_000_000_000_000).unwrap());
            }
            2 => {
                subnet.tao_in_rao = 50_000 * TAO;
                subnet.alpha_in_rao = 2_500_000 * TAO;
            }
            _ => {}
        }
    }
    s
}

/// Subnet 64's neurons: four validators with a permit (three with a take stored), two without.
fn neurons() -> BTreeMap<u16, Vec<Neuron>> {
    let neuron = |i: u8, permit: bool, alpha: u64, take: Option<u16>| Neuron {
        hotkey: [i; 32],
        permit,
        alpha_stake_rao: alpha * TAO,
        take,
    };
    BTreeMap::from([(
        CHOSEN,
        vec![
            neuron(11, true, 400_000, Some(11_796)),
            neuron(12, false, 90_000, None),
            neuron(13, true, 900_000, Some(0)),
            neuron(14, true, 150_000, None),
            neuron(15, false, 5, None),
            neuron(16, true, 250_000, Some(5_898)),
        ],
    )])
}

/// Finney on spec 393: the bundled snapshot, subnet 64 at a fee rate of 100, 10.6M TAO issued
/// (so 0.5 TAO a block, while the stale `BlockEmission` still reads 1), no `SwapBalancer`, no
/// lock rates, no `get_block_emission` in this runtime.
pub fn node_393() -> Node {
    let mut s = with_vector_pools(bundled(), false);
    s.subnets
        .iter_mut()
        .find(|s| s.netuid == CHOSEN)
        .unwrap()
        .fee_rate = Some(FeeRate::new(100).unwrap());
    let chain = Chain {
        snapshot: s,
        neurons: neurons(),
        total_issuance_rao: 10_600_000 * TAO,
        protocol_alpha: BTreeMap::new(),
        burned_alpha: BTreeMap::new(),
        extra: Map::new(),
    };
    Node::new(Runtime::fixture(SPEC_393, 393), chain, 1)
}

/// The same chain on spec 461: 300 blocks later, the lock rates stored, a Balancer weight of
/// 0.4 on subnet 1, takes as `PerU16`, alpha the chain bought and burned on subnet 64.
fn chain_461() -> Chain {
    let mut s = with_vector_pools(bundled(), true);
    s.block = s.block.map(|b| b + 300);
    s.runtime.maturity_rate = Some(311_622);
    s.runtime.unlock_rate = Some(934_866);
    s.subnets
        .iter_mut()
        .find(|s| s.netuid == CHOSEN)
        .unwrap()
        .fee_rate = Some(FeeRate::new(100).unwrap());
    Chain {
        snapshot: s,
        neurons: neurons(),
        total_issuance_rao: 10_600_000 * TAO,
        protocol_alpha: BTreeMap::from([(CHOSEN, 120_000 * TAO)]),
        burned_alpha: BTreeMap::from([(CHOSEN, 3_000 * TAO)]),
        extra: Map::new(),
    }
}

/// The spec-461 node, with the root baskets of two validators of subnet 64 (`BetaBasketRuntimeApi`,
/// values in the Python SDK's JSON style): one priced since block 8,700,000 with 4,000 alpha
/// of subnet 64 and 25 TAO in its root cash slot, one just opened and provisional.
pub fn node_461() -> Node {
    let mut node = Node::new(Runtime::fixture(SPEC_461, 461), chain_461(), 2);
    let fixed = |bits: u128| json!({"bits": bits.to_string()});
    node.baskets = json!([
        {"hotkey": ss58(&[13; 32]), "nav_tao": 60 * TAO, "spot_nav_tao": 61 * TAO,
         "shares": 58 * TAO, "deposited_tao": 59 * TAO, "redeemed_tao": 2 * TAO, "holdings": [
            {"netuid": CHOSEN, "alpha": 4_000 * TAO, "spot_tao": 36 * TAO, "realizable_tao": 35 * TAO},
            {"netuid": 0, "alpha": 25 * TAO, "spot_tao": 25 * TAO, "realizable_tao": 25 * TAO}]},
        {"hotkey": ss58(&[11; 32]), "nav_tao": TAO, "spot_nav_tao": TAO, "shares": TAO,
         "deposited_tao": TAO, "redeemed_tao": 0, "holdings": [
            {"netuid": 0, "alpha": TAO, "spot_tao": TAO, "realizable_tao": TAO}]}
    ]);
    // U64F64 bits: 1.0517… = 61/58 spot, a stake price of 1.03125 (33 * 2^59).
    let pricing = |hotkey: u8, spot: u128, stake: u128, first: u64, provisional: bool| {
        json!({"hotkey": ss58(&[hotkey; 32]), "spot_price": fixed(spot), "display_price": fixed(spot),
            "stake_price": fixed(stake), "staker_yield": fixed(1 << 58), "staker_twr": fixed(stake),
            "bag_index": fixed(1 << 64), "stake_index": fixed(1 << 64), "first_block": first,
            "provisional": provisional, "spot_nav_tao": 61 * TAO, "shares": 58 * TAO,
            "display_shares": fixed(58 << 64)})
    };
    node.pricing_pages = vec![json!({"pricing": [
        pricing(13, (61u128 << 64) / 58, 33 << 59, 8_700_000, false),
        pricing(11, 1 << 64, 1 << 64, 0, true)
    ], "next": null})];
    node
}

/// Calls the node received, by method (a `state_call` by the runtime call it names).
#[derive(Default)]
struct Log(RefCell<Vec<String>>);

/// `node` as the app's transport sees it: each batch as JSON-RPC text both ways.
fn ask<'a>(
    node: &'a Node,
    log: &'a Log,
) -> impl FnMut(Vec<Call>) -> std::future::Ready<Result<Answers, LiveError>> + 'a {
    let mut next_id = 1;
    move |calls: Vec<Call>| {
        let first_id = next_id;
        next_id += calls.len() as u64;
        std::future::ready(serve_batch(
            &calls,
            first_id,
            true,
            |name| log.0.borrow_mut().push(name),
            |method, params| node.answer(method, params),
        ))
    }
}

fn read_with(node: &Node, store: &dyn SchemaStore, log: &Log) -> Result<LiveRead, LiveError> {
    let options = ReadOptions {
        endpoint: ENDPOINT,
        fetched_at: FETCHED,
        validators_of: &[CHOSEN, 3, 0, 999],
    };
    block_on(read(&options, store, &|_| {}, ask(node, log)))
}

fn read_from(node: &Node) -> Result<LiveRead, LiveError> {
    read_with(node, &MemoryStore::default(), &Log::default())
}

/// Everything the node served is what the reader read.
fn assert_served(read: &Snapshot, node: &Node) {
    let served = &node.chain.snapshot;
    assert_eq!(read.network, "finney");
    assert_eq!(read.block, served.block);
    assert_eq!(read.runtime.spec_version, Some(node.runtime.spec));
    assert_eq!(read.runtime.maturity_rate, served.runtime.maturity_rate);
    assert_eq!(read.runtime.unlock_rate, served.runtime.unlock_rate);
    assert_eq!(
        read.runtime.block_hash.map(|h| common::chain_node::hex(&h)),
        Some(node.hash.clone())
    );
    assert_eq!(read.tao_weight, served.tao_weight);
    assert_eq!(read.root_tao_staked, served.root_tao_staked);
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
            r.alpha_out_emission,
            s.alpha_out_emission.map(|d| d.round_dp(9).normalize()),
            "{at}"
        );
        assert_eq!(r.tempo, s.tempo, "{at}");
        assert_eq!(r.registered_at_block, s.registered_at_block, "{at}");
        // The moving price to 18 places, as the chain's I96F32 reads it.
        let moving = s.moving_price.unwrap_or_default();
        assert!(
            (r.moving_price.unwrap() - moving).abs() < Decimal::new(1, 9),
            "{at}"
        );
        if s.mechanism == dtao_calc::model::pool::Mechanism::Dynamic {
            assert_eq!(r.fee_rate, Some(s.fee_rate.unwrap_or_default()), "{at}");
            assert_eq!(
                r.w_tao.unwrap_or_default(),
                s.w_tao.unwrap_or_default(),
                "{at}"
            );
        }
        assert_eq!(
            r.superellipse, None,
            "{at}: no runtime so far has the superellipse"
        );
    }
}

/// Subnet 64's validators as read: the four permitted, largest first, with their takes
/// (absent: the default 11,796), and their alpha-only stake.
fn assert_validators(read: &Snapshot) {
    let chosen = read.subnet(CHOSEN).unwrap();
    let v = &chosen.validators;
    assert_eq!(v.len(), 4);
    assert_eq!(v[0].hotkey, ss58(&[13; 32]));
    assert_eq!(
        v.iter().map(|v| v.alpha_stake.unwrap()).collect::<Vec<_>>(),
        [900_000, 400_000, 250_000, 150_000].map(Decimal::from)
    );
    let take = |parts: i64| Some((Decimal::from(parts) / Decimal::from(65_535)).round_dp(6));
    assert_eq!(
        v.iter().map(|v| v.take).collect::<Vec<_>>(),
        vec![take(0), take(11_796), take(5_898), take(11_796)]
    );
    assert_eq!(chosen.validator_alpha_stake, Some(Decimal::from(1_700_000)));
    // Subnet 3 was asked for too: its metagraph is empty, so it has no yield base.
    assert!(read.subnet(3).unwrap().validators.is_empty());
    assert_eq!(read.subnet(3).unwrap().validator_alpha_stake, None);
}

#[test]
fn spec_393_reads_every_served_figure_with_the_emission_the_chain_pays() {
    let node = node_393();
    let read = read_from(&node).unwrap();
    assert!(read.failed.is_empty(), "{:?}", read.failed);
    assert_served(&read.snapshot, &node);
    assert_validators(&read.snapshot);
    // No get_block_emission in spec 393: the halving rule on TotalIssuance (10.6M TAO issued:
    // 0.5 TAO), never the stale BlockEmission (1 TAO).
    assert_eq!(read.snapshot.block_emission_tao, Some(Decimal::new(5, 1)));
    // No lock rates, no eligible alpha in this runtime; SubnetOwnerCut unset: its default.
    assert_eq!(
        (
            read.snapshot.runtime.maturity_rate,
            read.snapshot.runtime.unlock_rate
        ),
        (None, None)
    );
    assert_eq!(
        read.snapshot.subnet(CHOSEN).unwrap().eligible_alpha_rao,
        None
    );
    assert_eq!(read.snapshot.runtime.owner_cut, Some(11_796));
}

#[test]
fn spec_461_reads_by_name_the_fields_it_appended_and_retyped() {
    let node = node_461();
    let log = Log::default();
    let read = read_with(&node, &MemoryStore::default(), &log).unwrap();
    assert!(read.failed.is_empty(), "{:?}", read.failed);
    assert_served(&read.snapshot, &node);
    assert_validators(&read.snapshot);
    let s = &read.snapshot;
    // get_block_emission (0.5 TAO), not BlockEmission; the lock rates; the 0.4 weight.
    assert_eq!(s.block_emission_tao, Some(Decimal::new(5, 1)));
    assert!(log
        .0
        .borrow()
        .iter()
        .any(|c| c == "SubnetInfoRuntimeApi_get_block_emission"));
    assert_eq!(
        (s.runtime.maturity_rate, s.runtime.unlock_rate),
        (Some(311_622), Some(934_866))
    );
    assert_eq!(
        s.subnet(1).unwrap().w_tao,
        Some(TaoWeight::from_parts(400_000_000_000_000_000).unwrap())
    );
    // Eligible alpha: alpha outstanding less the chain's own (120,000) and the burned (3,000).
    let chosen = s.subnet(CHOSEN).unwrap();
    assert_eq!(
        chosen.eligible_alpha_rao,
        Some(chosen.alpha_out_rao.unwrap() - 123_000 * TAO)
    );
    assert_eq!(
        s.subnet(1).unwrap().eligible_alpha_rao,
        s.subnet(1).unwrap().alpha_out_rao
    );
    assert_eq!(s.runtime.owner_cut, Some(11_796));
    // The root baskets, each with its pricing (tests/live_baskets.rs has the rest).
    let baskets = s.root_baskets.as_ref().unwrap();
    assert_eq!(baskets.len(), 2);
    assert_eq!(baskets[0].hotkey, ss58(&[13; 32]));
    assert_eq!(baskets[0].holdings[0].alpha_rao, 4_000 * TAO);
    let pricing = baskets[0].pricing.as_ref().unwrap();
    assert_eq!(pricing.stake_price, Decimal::new(103_125, 5));
    assert!(baskets[1].pricing.as_ref().unwrap().provisional);
}

#[test]
fn the_metagraph_is_asked_with_index_0_and_a_subnet_0_answer_is_refused() {
    // The chain fills netuid only when index 0 is asked (metagraph.rs, merge_value): asked
    // without it, subnet 64's answer says subnet 0. The reader asks for it, and refuses an
    // answer of another subnet.
    for node in [node_393(), node_461()] {
        let schema = dtao_calc::snapshot::chain::metadata::Schema::from_metadata(
            &node.runtime.metadata,
            node.runtime.spec,
            &dtao_calc::snapshot::chain::wanted::CALLS,
            &dtao_calc::snapshot::chain::wanted::STORAGE,
        )
        .unwrap();
        let args = dtao_calc::snapshot::chain::validators::metagraph_args(&schema, CHOSEN).unwrap();
        assert_eq!(common::chain_node::hex(&args), node.metagraph_args(CHOSEN));
        assert_eq!(
            &args[2..],
            &[16, 0, 0, 52, 0, 57, 0, 67, 0],
            "index 0 first, then 52, 57, 67"
        );
        let without_zero =
            dtao_calc::snapshot::chain::keys::unhex(&node.metagraph(CHOSEN, &[52, 57, 67]))
                .unwrap();
        assert_eq!(
            dtao_calc::snapshot::chain::validators::read_metagraph(&schema, &without_zero, CHOSEN)
                .unwrap_err(),
            "subnet 64's metagraph is of subnet 0"
        );
        let missing =
            dtao_calc::snapshot::chain::keys::unhex(&node.metagraph(999, &[0, 52])).unwrap();
        assert_eq!(
            dtao_calc::snapshot::chain::validators::read_metagraph(&schema, &missing, 999)
                .unwrap_err(),
            "the chain has no metagraph for subnet 999"
        );
    }
}

#[test]
fn a_kept_schema_costs_no_metadata_and_a_new_runtime_one_fetch() {
    let store = MemoryStore::default();
    let metadata_calls = |log: &Log| {
        log.0
            .borrow()
            .iter()
            .filter(|c| c.starts_with("Metadata_"))
            .count()
    };
    let first = Log::default();
    read_with(&node_461(), &store, &first).unwrap();
    // V16 first (spec 461's node has only V15: None), then V15.
    assert_eq!(metadata_calls(&first), 2);
    let again = Log::default();
    read_with(&node_461(), &store, &again).unwrap();
    assert_eq!(metadata_calls(&again), 0);
    // The same rounds as without metadata: head, state, pools, takes.
    let rounds = again
        .0
        .borrow()
        .iter()
        .filter(|c| *c == "chain_getBlockHash")
        .count();
    assert_eq!(rounds, 2, "head and genesis, in round 1");
    let other = Log::default();
    read_with(&node_393(), &store, &other).unwrap();
    assert_eq!(metadata_calls(&other), 1, "spec 393 has V16");
    assert!(store
        .load(&dtao_calc::snapshot::chain::runtime::schema_key(
            &node_461().genesis,
            461
        ))
        .is_some());
}

#[test]
fn an_appended_field_and_a_renamed_type_still_read() {
    let mut chain = chain_461();
    chain.extra.insert("future_field".into(), json!(7));
    let node = Node::new(Runtime::from_metadata(variants::appended(), 462), chain, 3);
    let read = read_from(&node).unwrap();
    assert!(read.failed.is_empty(), "{:?}", read.failed);
    assert_served(&read.snapshot, &node);
    assert_validators(&read.snapshot);
}

#[test]
fn a_needed_field_removed_is_named_with_the_spec() {
    for (field, sentence) in [
        ("alpha_in", "Runtime spec 463 sends data this version cannot read: DynamicInfo has no field alpha_in."),
        ("moving_price", "Runtime spec 463 sends data this version cannot read: DynamicInfo has no field moving_price."),
    ] {
        let node = Node::new(Runtime::from_metadata(variants::removed(field), 463), chain_461(), 4);
        assert_eq!(read_from(&node).unwrap_err().to_string(), sentence);
    }
}

#[test]
fn the_superellipse_applies_only_where_the_runtime_has_it_and_the_pool_an_entry() {
    let mut chain = chain_461();
    let moved = chain
        .snapshot
        .subnets
        .iter_mut()
        .find(|s| s.netuid == CHOSEN)
        .unwrap();
    let curve = dtao_calc::model::pool::superellipse::Superellipse::from_weights(
        moved.alpha_in_rao,
        moved.tao_in_rao,
        500_000_000_000_000_000,
    )
    .unwrap();
    moved.superellipse = Some(curve);
    let node = Node::new(
        Runtime::from_metadata(variants::with_superellipse(), 473),
        chain.clone(),
        5,
    );
    let read = read_from(&node).unwrap();
    assert!(read.failed.is_empty(), "{:?}", read.failed);
    assert_eq!(
        read.snapshot.subnet(CHOSEN).unwrap().superellipse,
        Some(curve)
    );
    assert_eq!(
        read.snapshot.subnet(2).unwrap().superellipse,
        None,
        "no entry: Balancer"
    );
    // Spec 461 has no such item: whatever a node might hold, the pool is Balancer.
    let plain = read_from(&Node::new(Runtime::fixture(SPEC_461, 461), chain, 6)).unwrap();
    assert_eq!(plain.snapshot.subnet(CHOSEN).unwrap().superellipse, None);
}

/// The read's failed parts, by part.
fn failed_parts(read: &LiveRead) -> Vec<Part> {
    read.failed.iter().map(|f| f.part).collect()
}

#[test]
fn a_failed_part_keeps_the_rest_and_names_itself() {
    let cases: [(&str, Part, &str); 5] = [
        (
            "SubnetInfoRuntimeApi_get_selective_metagraph",
            Part::Validators,
            "The node refused state_call: SubnetInfoRuntimeApi_get_selective_metagraph refused",
        ),
        ("Delegates", Part::Validators, "reading Delegates failed"),
        ("FeeRate", Part::Curves, "reading FeeRate failed"),
        (
            "SubnetInfoRuntimeApi_get_block_emission",
            Part::ChainValues,
            "The node refused state_call",
        ),
        (
            "MaturityRate",
            Part::LockRates,
            "reading MaturityRate failed",
        ),
    ];
    for (refused, part, why) in cases {
        let mut node = node_461();
        node.refuse = vec![refused.to_string()];
        let read = read_from(&node).unwrap();
        assert_eq!(failed_parts(&read), vec![part], "{refused}");
        assert!(
            read.failed[0].why.contains(why),
            "{refused}: {}",
            read.failed[0].why
        );
        // The pools are live all the same.
        assert_eq!(
            read.snapshot.subnet(2).unwrap().tao_in_rao,
            50_000 * TAO,
            "{refused}"
        );
    }
    // The eligible alpha's items.
    let mut node = node_461();
    node.refuse = vec!["SubnetProtocolAlpha".into()];
    let read = read_from(&node).unwrap();
    assert_eq!(failed_parts(&read), vec![Part::EligibleAlpha]);
    assert_eq!(
        read.snapshot.subnet(CHOSEN).unwrap().eligible_alpha_rao,
        None
    );
    // Without the subnets there is nothing to show: the read fails.
    let mut node = node_461();
    node.refuse = vec!["SubnetInfoRuntimeApi_get_all_dynamic_info".into()];
    assert!(matches!(read_from(&node), Err(LiveError::Rpc { .. })));
}

#[test]
fn a_failed_part_takes_its_figures_from_the_data_in_use_and_says_so() {
    let mut node = node_461();
    node.refuse = vec![
        "SubnetInfoRuntimeApi_get_selective_metagraph".into(),
        "MaturityRate".into(),
    ];
    let read = read_from(&node).unwrap();
    let mut live = read.snapshot.clone();
    let mut before = bundled();
    before.runtime.maturity_rate = Some(1_000);
    before
        .subnets
        .iter_mut()
        .find(|s| s.netuid == CHOSEN)
        .unwrap()
        .validator_alpha_stake = Some(Decimal::from(42));
    let failed = failed_parts(&read);
    dtao_calc::snapshot::chain::parts::fill_from(&mut live, &before, &failed, &[CHOSEN]);
    assert_eq!(live.runtime.maturity_rate, Some(1_000));
    assert_eq!(
        live.subnet(CHOSEN).unwrap().validator_alpha_stake,
        Some(Decimal::from(42))
    );
    // The live parts stay live.
    assert_eq!(live.subnet(2).unwrap().tao_in_rao, 50_000 * TAO);
    assert_eq!(live.block, read.snapshot.block);
    let note =
        dtao_calc::snapshot::chain::parts::not_live_note(&failed, "Bundled snapshot").unwrap();
    assert_eq!(
        note,
        "not live: lock rates, validators (from Bundled snapshot)"
    );
    let sentence =
        dtao_calc::snapshot::chain::parts::partial_sentence(&read.failed, "Bundled snapshot");
    assert!(
        sentence.contains("The validators: The node refused state_call"),
        "{sentence}"
    );
}

/// The chain's quote through `quote::quote`, as the pool page asks it.
fn chain_quote(node: &Node, side: Side, netuid: u16, amount: u64) -> ChainQuote {
    let log = Log::default();
    let at = node.hash.clone();
    let side = match side {
        Side::Stake => quote::Side::Stake,
        Side::Unstake => quote::Side::Unstake,
    };
    block_on(quote::quote(
        &MemoryStore::default(),
        &at,
        side,
        netuid,
        amount,
        ask(node, &log),
    ))
    .unwrap()
}

#[test]
fn the_chains_own_quotes_agree_with_the_calculator_to_the_rao() {
    // The vectors' plain trades on the vectors' pools, as a node of each runtime quotes them
    // (the chain's own results): the calculator's swap of the read pool must match each.
    let quotes = common::chain_node::vector_quotes();
    for node in [node_393(), node_461()] {
        let read = read_from(&node).unwrap().snapshot;
        let mut checked = 0;
        for ((tao, alpha, w, fee, side, amount), expect) in &quotes {
            let Some(subnet) = read.subnets.iter().find(|s| {
                s.tao_in_rao == *tao
                    && s.alpha_in_rao == *alpha
                    && s.w_tao.unwrap_or_default().tao().normalize().to_string() == *w
                    && u64::from(s.fee_rate.unwrap_or_default().parts()) == *fee
            }) else {
                continue;
            };
            let side = Side::from_param(side).unwrap();
            let chain = chain_quote(&node, side, subnet.netuid, *amount);
            let ours =
                dtao_calc::model::pool::swap::swap(&subnet.pool().unwrap(), side, *amount, None);
            match (chain, ours, expect.get("error")) {
                (
                    ChainQuote::Quoted {
                        swapped_rao,
                        fee_rao,
                        out_rao,
                    },
                    Ok(s),
                    None,
                ) => {
                    assert_eq!(
                        (swapped_rao, fee_rao, out_rao),
                        (s.amount_in_rao, s.fee_rao, s.out_rao),
                        "{expect}"
                    );
                }
                (ChainQuote::Refused, Err(_), Some(_)) => {}
                other => panic!("{expect}: {other:?}"),
            }
            checked += 1;
        }
        assert!(checked >= 2, "spec {}: {checked}", node.runtime.spec);
    }
    // A node that quotes 1 rao more: the difference is there to see.
    let mut node = node_461();
    node.quote_extra_rao = 1;
    let ChainQuote::Quoted { out_rao, .. } = chain_quote(&node, Side::Stake, 2, 100 * TAO) else {
        panic!()
    };
    assert_eq!(out_rao, 4_987_512_259_781 + 1);
    // Root: one for one, no fee.
    assert_eq!(
        chain_quote(&node_461(), Side::Stake, 0, 5 * TAO),
        ChainQuote::Quoted {
            swapped_rao: 5 * TAO,
            fee_rao: 0,
            out_rao: 5 * TAO
        }
    );
}

#[test]
fn the_writers_file_imports_unchanged() {
    for node in [node_393(), node_461()] {
        let read = read_from(&node).unwrap().snapshot;
        let json = to_json(&read);
        let back = dtao_snapshot::parse(&json).unwrap();
        assert_eq!(back, read);
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["spec_version"], node.runtime.spec);
        assert_eq!(value["block_hash"], json!(node.hash));
        if node.runtime.spec == 461 {
            let chosen = value["subnets"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["netuid"] == CHOSEN)
                .unwrap();
            let out = rao_to_decimal(read.subnet(CHOSEN).unwrap().alpha_out_rao.unwrap());
            assert_eq!(
                chosen["eligible_alpha"],
                json!((out - Decimal::from(123_000)).normalize().to_string())
            );
        }
    }
}

#[test]
fn broken_answers_are_refused_with_a_sentence() {
    let node = node_461();
    let info = node.dynamic_info();
    let with_info = |answer: String| {
        let mut n = node.clone();
        n.chain.extra.insert("_".into(), json!(null));
        (n, answer)
    };
    let _ = with_info;
    let cases = [
        (format!("{info}000000"), "Runtime spec 461 sends data this version cannot read: its subnet list does not read as its own type (3 bytes are left over)."),
        (info[..info.len() / 4 * 2].to_string(), "Runtime spec 461 sends data this version cannot read: its subnet list does not read as its own type ("),
        ("0xdeadbeef".to_string(), "Runtime spec 461 sends data this version cannot read: its subnet list does not read as its own type ("),
    ];
    for (answer, sentence) in cases {
        let store = MemoryStore::default();
        let log = Log::default();
        let options = ReadOptions {
            endpoint: ENDPOINT,
            fetched_at: FETCHED,
            validators_of: &[],
        };
        let mut inner = ask(&node, &log);
        let e = block_on(read(&options, &store, &|_| {}, |calls: Vec<Call>| {
            let bad = calls
                .iter()
                .position(|c| c.params[0] == "SubnetInfoRuntimeApi_get_all_dynamic_info");
            let answer = answer.clone();
            let mut result = block_on(inner(calls));
            if let (Some(i), Ok(list)) = (bad, result.as_mut()) {
                list[i] = Ok(json!(answer));
            }
            std::future::ready(result)
        }))
        .unwrap_err();
        assert!(e.to_string().starts_with(sentence), "{e}");
    }
}

/// The quotes the browser tests ask for: the vectors' trades on subnets 1 and 2, and root.
fn browser_quotes() -> Vec<(Side, u16, u64)> {
    vec![
        (Side::Stake, 2, 100 * TAO),
        (Side::Unstake, 2, 10_000 * TAO),
        (Side::Stake, 1, 10 * TAO),
        (Side::Unstake, 1, 100 * TAO),
    ]
}

#[test]
fn the_browser_replay_is_these_states() {
    let mut plus_one = node_461();
    plus_one.quote_extra_rao = 1;
    plus_one.hash = common::chain_node::hex(&[9; 32]);
    let mut no_validators = node_461();
    no_validators.refuse = vec!["SubnetInfoRuntimeApi_get_selective_metagraph".into()];
    no_validators.hash = common::chain_node::hex(&[10; 32]);
    let states = json!({
        "s393": node_393().to_replay(SPEC_393, &browser_quotes()),
        "s461": node_461().to_replay(SPEC_461, &browser_quotes()),
        "s461_plus_one": plus_one.to_replay(SPEC_461, &browser_quotes()),
        "s461_no_validators": no_validators.to_replay(SPEC_461, &browser_quotes()),
    });
    let replay = serde_json::to_string_pretty(&json!({
        "about": "Written by tests/live_reader.rs (DTAO_REGENERATE=1): pretend nodes of runtime specs 393 and 461, their answers in each runtime's own types; the metadata is read from ../shared.",
        "states": states,
    }))
    .unwrap()
        + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser/fixtures/chain-replay.json");
    if std::env::var_os("DTAO_REGENERATE").is_some() {
        std::fs::write(&path, &replay).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == replay,
        "{} is not current: DTAO_REGENERATE=1 cargo test --test live_reader",
        path.display()
    );
}
