//! Robustness: every URL parameter of every calculator and every importer take random inputs
//! without a panic, and every rejection is a sentence. Three cases in four give every parameter a
//! valid value (or leave it out), so the page's computations run (counted, with a floor); the
//! fourth gives one parameter anything at all. Known-bad values are rejected by their field with
//! a message (`known_bad_values_are_rejected`). Importers get documents that are valid most of
//! the time (counted too) as well as documents shaped like their format and any text.

mod common;

use dtao_calc::calc::app_params::Calc;
use dtao_calc::calc::chain_figures::ChainFigures;
use dtao_calc::calc::conviction::{form::ConvictionForm, report};
use dtao_calc::calc::field::Field;
use dtao_calc::calc::format::Style;
use dtao_calc::calc::param_tables;
use dtao_calc::calc::pool::form::PoolForm;
use dtao_calc::calc::pool_source::PoolSource;
use dtao_calc::calc::query::parse_query;
use dtao_calc::calc::returns::form::ReturnsForm;
use dtao_calc::calc::returns::history::form::HistoryForm;
use dtao_calc::calc::screen;
use dtao_calc::calc::screen::form::ScreenForm;
use dtao_calc::calc::take::{compare, form::TakeForm};
use dtao_calc::model::pool::curve::{max_trade_for_slippage, slippage_curve};
use dtao_calc::model::pool::move_stake::move_stake;
use dtao_calc::model::pool::quote::quote;
use dtao_calc::model::pool::round_trip::round_trip;
use dtao_calc::model::staking::returns::project;
use dtao_calc::snapshot::bundled::bundled;
use dtao_calc::snapshot::import::import;
use dtao_calc::snapshot::Snapshot;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestRunner};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

const CASES: u32 = 100_000;
/// The pool page runs its chart curve, largest trade, round trip and move on every case.
const POOL_CASES: u32 = 20_000;
/// At least this share of the cases must reach the computation (three in four are all valid).
const MIN_RAN_PCT: u32 = 60;
/// "Today" for the history dates: 2026-12-01, 00:00 UTC.
const NOW_MS: u64 = 1_796_083_200_000;

fn snapshot() -> &'static Snapshot {
    static SNAPSHOT: OnceLock<Snapshot> = OnceLock::new();
    SNAPSHOT.get_or_init(bundled)
}

/// Values people (and links) put in parameters: numbers of every shape, words, markup, noise.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[-+]?[0-9]{0,12}(\\.[0-9]{0,14})?([eE][-+]?[0-9]{1,4})?",
        2 => "[0-9]{1,3}(,[0-9]{1,3}){0,8}",
        1 => Just(String::new()),
        1 => prop_oneof![Just("NaN"), Just("Infinity"), Just("-0"), Just("1e999"), Just("0x10"), Just("stake"), Just("unstake"), Just("perpetual"), Just("decaying"), Just("single"), Just("total"), Just("tao"), Just("alpha"), Just("1"), Just("0"), Just("64"), Just("0.000000001"), Just("balancer"), Just("superellipse"), Just("entry"), Just("before"), Just("42949672960000000")].prop_map(str::to_string),
        2 => any::<String>(),
        1 => "[ <>&\"'%a-z0-9._,-]{0,40}",
    ]
}

fn check_field<T>(field: &Field<T>, name: &str) -> Result<(), TestCaseError> {
    if let Err(message) = &field.value {
        prop_assert!(
            message.trim().len() > 5,
            "{name}: empty message for {:?}",
            field.text
        );
    }
    Ok(())
}

/// Each field named: a rejected value must come with a message for next to the field.
macro_rules! check {
    ($($field:expr),+ $(,)?) => {
        $(check_field(&$field, stringify!($field))?;)+
    };
}

/// A calculator's result, or why there is none: a sentence, never an empty line.
fn sentence(message: &str) -> Result<(), TestCaseError> {
    prop_assert!(message.trim().len() > 20, "too short: {message:?}");
    Ok(())
}

fn check_source(s: &PoolSource) -> Result<(), TestCaseError> {
    check!(s.netuid, s.tao_in, s.alpha_in, s.w_tao, s.curve, s.fee_rate);
    for field in &s.ellipse {
        check_field(field, "ellipse")?;
    }
    Ok(())
}

fn check_chain(c: &ChainFigures) -> Result<(), TestCaseError> {
    check!(
        c.emission,
        c.issuance,
        c.alpha_stake,
        c.root_tao,
        c.tao_weight,
        c.epoch_blocks,
    );
    Ok(())
}

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    })
}

/// A parameter's valid values; `None` leaves it out of the URL.
type Valid = BoxedStrategy<Option<String>>;

fn always(re: &'static str) -> Valid {
    re.prop_map(Some).boxed()
}

fn sometimes(share: f64, re: &'static str) -> Valid {
    proptest::option::weighted(share, re).boxed()
}

fn one_of(options: &[&'static str]) -> Valid {
    proptest::sample::select(options.to_vec())
        .prop_map(|s| Some(s.to_string()))
        .boxed()
}

/// A subnet of the bundled data.
fn netuid() -> Valid {
    let netuids: Vec<String> = snapshot()
        .subnets
        .iter()
        .map(|s| s.netuid.to_string())
        .collect();
    proptest::sample::select(netuids).prop_map(Some).boxed()
}

/// Run `CASES` queries over `spec` (each parameter with its valid values): three in four all
/// valid, one in four with one parameter set to any value. `case` returns whether the page's
/// computation ran; at least `MIN_RAN_PCT` % of the cases must reach it.
fn run(
    name: &str,
    cases: u32,
    tables: &[&str],
    spec: Vec<(&'static str, Valid)>,
    case: impl Fn(&HashMap<String, String>) -> Result<bool, TestCaseError>,
) {
    let keys: Vec<&str> = spec.iter().map(|(k, _)| *k).collect();
    // Every parameter of the calculator's tables has a generator here.
    for (table, docs) in param_tables::tables() {
        if tables.contains(&table) {
            for d in docs {
                assert!(
                    keys.contains(&d.key),
                    "{name}: no generator for `{}` ({table})",
                    d.key
                );
            }
        }
    }
    let valid: Vec<Valid> = spec.into_iter().map(|(_, v)| v).collect();
    let bad = proptest::option::weighted(0.25, (0..keys.len(), value()));
    let ran = AtomicU32::new(0);
    let total = AtomicU32::new(0);
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        // One fixed sequence of queries, so the share of cases that reach the computation (a
        // count over random inputs) cannot fall under `MIN_RAN_PCT` on an unlucky draw in CI.
        // The importer fuzzing explores new inputs on every run.
        rng_seed: RngSeed::Fixed(0x6474_616f),
        ..Config::default()
    })
    .run(&(valid, bad), |(values, bad)| {
        let mut query: HashMap<String, String> = keys
            .iter()
            .zip(values)
            .filter_map(|(k, v)| v.map(|v| (k.to_string(), v)))
            .collect();
        if let Some((i, v)) = bad {
            query.insert(keys[i].to_string(), v);
        }
        total.fetch_add(1, Ordering::Relaxed);
        if case(&query)? {
            ran.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    })
    .unwrap();
    let (ran, total) = (ran.into_inner(), total.into_inner());
    println!("{name}: the computation ran on {ran} of {total} cases");
    assert!(
        ran * 100 >= total * MIN_RAN_PCT,
        "{name}: the computation ran on only {ran} of {total} cases"
    );
}

#[test]
fn pool_parameters() {
    let spec = vec![
        ("calc", one_of(&["pool"])),
        ("netuid", netuid()),
        ("side", one_of(&["stake", "unstake"])),
        ("amount", always("[1-9][0-9]{0,4}(\\.[0-9]{1,9})?")),
        ("tao_in", sometimes(0.15, "[1-9][0-9]{1,6}(\\.[0-9]{1,3})?")),
        ("alpha_in", sometimes(0.15, "[1-9][0-9]{2,7}")),
        ("w_tao", sometimes(0.15, "0\\.[1-9][0-9]?")),
        (
            "curve",
            proptest::option::weighted(
                0.3,
                proptest::sample::select(vec!["balancer", "superellipse"]).prop_map(String::from),
            )
            .boxed(),
        ),
        ("alpha_scale", Just(None).boxed()),
        ("tao_scale", Just(None).boxed()),
        ("center_alpha", Just(None).boxed()),
        ("center_tao", Just(None).boxed()),
        ("fee_rate", sometimes(0.2, "[0-9]{1,3}")),
        ("tol", sometimes(0.4, "[0-9](\\.[0-9]{1,2})?")),
        ("limit", Just(None).boxed()),
        ("partial", one_of(&["0", "1"])),
        ("whole", one_of(&["0", "1"])),
        ("max_slip", always("[1-9](\\.[0-9])?")),
        (
            "move_to",
            proptest::option::weighted(0.5, netuid().prop_map(Option::unwrap)).boxed(),
        ),
        ("move_amount", always("[1-9][0-9]{0,3}")),
        ("sort", one_of(&["tao", "price", "netuid"])),
        ("tao_usd", sometimes(0.3, "[1-9][0-9]{0,3}")),
    ];
    run("pool", POOL_CASES, &["pool-source", "pool"], spec, |q| {
        let form = PoolForm::read(|k| q.get(k).cloned(), snapshot());
        let _ = Calc::from_param(q.get("calc").map(String::as_str));
        check_source(&form.source)?;
        check!(
            form.side,
            form.amount,
            form.tol,
            form.limit,
            form.partial,
            form.whole,
            form.max_slip,
            form.move_to,
            form.move_amount,
            form.tao_usd,
        );
        let (pool, request) = match form.trade() {
            Ok(trade) => trade,
            Err(e) => {
                sentence(&e)?;
                return Ok(false);
            }
        };
        match quote(&pool, &request) {
            Err(rejection) => sentence(&rejection.to_string())?,
            // What the summary says of it: cost, tier, the least at the tolerance, sold back.
            Ok(q) => {
                let priced = dtao_calc::calc::pool::outcome::Priced::of(&form, &q);
                sentence(&priced.verdict(Style::READABLE))?;
            }
        }
        // Everything else the page computes from the same inputs.
        let _ = slippage_curve(&pool, request.side);
        if let Some(slip) = form.max_slip.ok() {
            if let Err(e) = max_trade_for_slippage(&pool, request.side, slip) {
                sentence(&e.to_string())?;
            }
        }
        if let Err(e) = round_trip(&pool, request.side, request.amount_rao) {
            sentence(&e.to_string())?;
        }
        if let (Some(Some(to)), Some(amount)) = (form.move_to.ok(), form.move_amount.ok()) {
            if let Some(Ok(to_pool)) = snapshot().subnet(to).map(|s| s.pool()) {
                if let Err(e) = move_stake(&pool, &to_pool, amount) {
                    sentence(&e.to_string())?;
                }
            }
        }
        Ok(true)
    });
}

#[test]
fn returns_parameters() {
    let spec = vec![
        ("netuid", netuid()),
        ("tao_in", sometimes(0.1, "[1-9][0-9]{1,6}")),
        ("alpha_in", sometimes(0.1, "[1-9][0-9]{2,7}")),
        ("w_tao", sometimes(0.1, "0\\.[1-9][0-9]?")),
        (
            "curve",
            proptest::option::weighted(
                0.2,
                proptest::sample::select(vec!["balancer", "superellipse"]).prop_map(String::from),
            )
            .boxed(),
        ),
        ("fee_rate", sometimes(0.1, "[0-9]{1,3}")),
        ("from", one_of(&["tao", "alpha"])),
        ("amount", always("[1-9][0-9]{0,4}(\\.[0-9]{1,9})?")),
        ("days", always("[1-9][0-9]{0,2}")),
        ("take", sometimes(0.5, "1?[0-7](\\.[0-9]{1,3})?")),
        ("childkey", sometimes(0.2, "1?[0-7]")),
        ("vtrust", sometimes(0.3, "0\\.[0-9]{1,3}|1")),
        ("price_change", sometimes(0.5, "-?[0-9]{1,2}(\\.[0-9])?")),
        ("exit_from", one_of(&["entry", "before"])),
        ("tao_usd", sometimes(0.3, "[1-9][0-9]{0,3}")),
        ("apy", sometimes(0.2, "[0-9]{1,2}(\\.[0-9])?")),
        ("compound_others", one_of(&["0", "1"])),
        ("emission", Just(None).boxed()),
        ("issuance", Just(None).boxed()),
        ("alpha_stake", sometimes(0.1, "[1-9][0-9]{3,6}")),
        ("root_tao", Just(None).boxed()),
        ("tao_weight", Just(None).boxed()),
        ("epoch_blocks", sometimes(0.1, "36[01]")),
        ("hotkey", sometimes(0.1, "5[1-9A-HJ-NP-Za-km-z]{47}")),
        ("window_days", sometimes(0.3, "[1-9][0-9]{0,2}")),
        (
            "from_date",
            sometimes(0.3, "202[4-7]-(0[1-9]|1[0-2])-([0-2][1-9]|3[01])"),
        ),
        ("from_block", sometimes(0.1, "[1-9][0-9]{0,7}")),
        (
            "to_date",
            sometimes(0.2, "202[5-7]-(0[1-9]|1[0-2])-[0-2][1-9]"),
        ),
        (
            "archive",
            sometimes(0.2, "wss?://[a-z]{1,10}\\.[a-z]{2,3}(:[0-9]{2,4})?"),
        ),
    ];
    run("returns", CASES, &["returns", "chain-figures"], spec, |q| {
        let form = ReturnsForm::read(|k| q.get(k).cloned(), snapshot());
        let netuid = form.source.netuid.ok().flatten().unwrap_or(0);
        let history = HistoryForm::read(|k| q.get(k).cloned(), snapshot(), netuid, NOW_MS);
        check!(
            history.hotkey,
            history.window_days,
            history.from_date,
            history.from_block,
            history.to_date,
            history.archive,
        );
        if let Err(e) = history.from() {
            sentence(&e)?;
        }
        check_source(&form.source)?;
        check_chain(&form.chain)?;
        check!(
            form.from,
            form.amount,
            form.days,
            form.take,
            form.childkey,
            form.vtrust,
            form.price_change,
            form.exit_from,
            form.tao_usd,
            form.apy,
            form.compound_others,
        );
        match form.inputs(snapshot()) {
            Ok(inputs) => {
                if let Err(e) = project(&inputs) {
                    sentence(&e.to_string())?;
                }
                Ok(true)
            }
            Err(e) => {
                sentence(&e)?;
                Ok(false)
            }
        }
    });
}

#[test]
fn take_parameters() {
    let spec = vec![
        ("netuid", netuid()),
        ("amount", always("[1-9][0-9]{0,4}")),
        ("days", always("[1-9][0-9]{0,2}")),
        ("tao_usd", sometimes(0.3, "[1-9][0-9]{0,3}")),
        ("takes", sometimes(0.7, "1?[0-7](,1?[0-7]){0,3}")),
        (
            "names",
            sometimes(0.3, "[A-Za-z]{1,8}(,[A-Za-z]{1,8}){0,3}"),
        ),
        (
            "vtrusts",
            sometimes(0.3, "(0\\.[0-9]|1)(,(0\\.[0-9]|1)){0,3}"),
        ),
        ("apys", sometimes(0.2, "[0-9]{0,2}(,[0-9]{0,2}){0,3}")),
        ("childkeys", sometimes(0.3, "[0-9](,[0-9]){0,3}")),
        ("take_days", sometimes(0.3, "[0-9]{1,2}(,[0-9]{1,2}){0,3}")),
        (
            "hotkeys",
            sometimes(
                0.2,
                "(5[1-9A-HJ-NP-Za-km-z]{47})?(,(5[1-9A-HJ-NP-Za-km-z]{47})?){0,3}",
            ),
        ),
        ("from_row", one_of(&["1"])),
        (
            "switch_netuid",
            proptest::option::weighted(0.5, netuid().prop_map(Option::unwrap)).boxed(),
        ),
        ("emission", Just(None).boxed()),
        ("issuance", Just(None).boxed()),
        ("alpha_stake", Just(None).boxed()),
        ("root_tao", Just(None).boxed()),
        ("tao_weight", Just(None).boxed()),
        ("epoch_blocks", Just(None).boxed()),
    ];
    run("take", CASES, &["take", "chain-figures"], spec, |q| {
        let form = TakeForm::read(|k| q.get(k).cloned(), snapshot());
        check_source(&form.source)?;
        check_chain(&form.chain)?;
        check!(
            form.amount,
            form.days,
            form.tao_usd,
            form.from_row,
            form.switch_to
        );
        for row in &form.rows {
            check!(
                row.name,
                row.take,
                row.vtrust,
                row.apy,
                row.childkey,
                row.take_days,
                row.hotkey
            );
        }
        // The page's own computation, switching costs included.
        match compare::run(&form, snapshot()) {
            Ok(compared) => {
                match compare::switching(&form, &compared, snapshot()) {
                    Some(Err(e)) => sentence(&e)?,
                    Some(Ok(compare::Switching {
                        other: Some(Err(e)),
                        ..
                    })) => sentence(&e)?,
                    _ => {}
                }
                Ok(true)
            }
            Err(e) => {
                sentence(&e)?;
                Ok(false)
            }
        }
    });
}

/// The screener recomputes every subnet per case, so it runs fewer cases; a row never panics
/// and every missing figure says why in a sentence.
#[test]
fn screen_parameters() {
    let spec = vec![
        ("amount", always("[1-9][0-9]{0,6}(\\.[0-9]{1,9})?")),
        ("days", always("[1-9][0-9]{0,3}")),
        ("take", sometimes(0.5, "1?[0-7](\\.[0-9]{1,3})?")),
        ("price_change", sometimes(0.5, "-?[0-9]{1,2}(\\.[0-9])?")),
        ("exit_from", one_of(&["entry", "before"])),
        ("max_slip", sometimes(0.5, "[0-9]{1,2}(\\.[0-9]{1,3})?")),
        (
            "sort",
            sometimes(
                0.5,
                "-?(netuid|depth|entry|exit|apy|net|breakeven|max_stake|max_exit|cost_yield)",
            ),
        ),
        ("q", sometimes(0.3, "[a-z0-9 ]{0,6}")),
        ("min_tao", sometimes(0.3, "[0-9]{1,6}")),
    ];
    run("screen", 120, &["screen"], spec, |q| {
        let form = ScreenForm::read(|k| q.get(k).cloned());
        check!(
            form.amount,
            form.days,
            form.take,
            form.price_change,
            form.exit_from,
            form.max_slip,
            form.sort,
            form.query,
            form.min_tao,
        );
        let all = screen::rows::rows(&form, snapshot());
        prop_assert_eq!(all.len(), snapshot().subnets.len());
        let order = screen::rows::shown(&all, &form);
        prop_assert!(order.iter().all(|&i| i < all.len()));
        let mut computed = false;
        for row in &all {
            match &row.position {
                Ok(_) => computed = true,
                Err(screen::rows::Missing::Refused(why)) => sentence(why)?,
                Err(_) => {}
            }
            if let Err(why) = &row.cost_yield {
                sentence(why)?;
            }
        }
        Ok(computed)
    });
}

#[test]
fn conviction_parameters() {
    let spec = vec![
        ("netuid", netuid()),
        ("lock", always("[1-9][0-9]{0,5}")),
        ("mode", one_of(&["perpetual", "decaying"])),
        ("conviction", sometimes(0.3, "[0-9]{1,4}")),
        ("days", always("[1-9][0-9]{0,2}")),
        ("tu", sometimes(0.3, "[1-9][0-9]{5}")),
        ("tm", sometimes(0.3, "[1-9][0-9]{5}")),
        ("owner", one_of(&["0", "1"])),
        ("owner_lock", sometimes(0.5, "[0-9]{1,6}")),
        ("eligible", sometimes(0.3, "[1-9][0-9]{6}")),
        ("gate", sometimes(0.3, "[1-9][0-9]?")),
        ("gate_rule", one_of(&["single", "total"])),
    ];
    run("conviction", CASES, &["conviction"], spec, |q| {
        let form = ConvictionForm::read(|k| q.get(k).cloned(), snapshot());
        check_source(&form.source)?;
        check!(
            form.lock,
            form.mode,
            form.conviction,
            form.days,
            form.tu,
            form.tm,
            form.owner,
            form.owner_lock,
            form.eligible,
            form.gate,
            form.total_rule,
        );
        match report::run(&form) {
            Ok(report) => {
                if let Err(e) = &report.liquidity {
                    sentence(e)?;
                }
                Ok(true)
            }
            Err(e) => {
                sentence(&e)?;
                Ok(false)
            }
        }
    });
}

#[test]
fn query_strings() {
    runner()
        .run(&any::<String>(), |raw| {
            let pairs = parse_query(&raw);
            let back = dtao_calc::calc::query::to_query(&pairs);
            prop_assert_eq!(parse_query(&back), pairs);
            Ok(())
        })
        .unwrap();
}

/// Any JSON value, a few levels deep, with the strings and numbers importers meet.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (any::<i64>(), 0u32..20)
            .prop_map(|(m, s)| json!(rust_decimal::Decimal::new(m, s).to_string())),
        value().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z_]{1,12}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A document shaped like `template`, every field replaced by a random value half the time.
fn shaped(template: Value) -> impl Strategy<Value = String> {
    let keys: Vec<String> = match &template {
        Value::Object(m) => m.keys().cloned().collect(),
        _ => Vec::new(),
    };
    (
        proptest::collection::vec((any::<bool>(), json_value()), keys.len()),
        proptest::collection::vec(proptest::collection::btree_map(
            prop_oneof!["netuid|name|symbol|mechanism|tao_in|alpha_in|alpha_out|w_tao|total_tao|alpha_in_pool|alpha_staked|hotkey|stake|one_day_apy|seven_day_apy|thirty_day_apy|liquidity|subnet_name|economics|tempo".prop_map(String::from)],
            json_value(),
            0..8,
        ), 0..5),
    )
        .prop_map(move |(fields, rows)| {
            let mut doc = template.clone();
            if let Value::Object(map) = &mut doc {
                for ((replace, random), key) in fields.into_iter().zip(&keys) {
                    let rows_value = Value::Array(rows.iter().map(|r| Value::Object(r.clone().into_iter().collect())).collect());
                    let entry = map.get_mut(key).unwrap();
                    if replace {
                        *entry = random;
                    } else if entry.is_array() {
                        *entry = rows_value;
                    }
                }
            }
            doc.to_string()
        })
}

fn import_runs(name: &str, documents: impl Strategy<Value = String>) {
    runner()
        .run(&documents, |text| {
            if let Err(e) = import(&text, snapshot()) {
                prop_assert!(e.to_string().len() > 10, "{name}: {e:?}");
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn dtao_snapshot_importer() {
    import_runs(
        "dtao-snapshot/1",
        shaped(
            json!({"schema": "dtao-snapshot/1", "network": "finney", "block": 1, "taken_at": "2026-08-07", "subnets": []}),
        ),
    );
}

#[test]
fn dtao_snapshot_2_importer_with_its_optional_parts() {
    // Issue 31's parts of dtao-snapshot/2: the emission terms, the alpha reservoir and the
    // root baskets with their holdings and pricing, shaken like every other document.
    import_runs(
        "dtao-snapshot/2",
        shaped(
            json!({"schema": "dtao-snapshot/2", "network": "finney", "block": 9_000_000,
            "taken_at": "2026-11-24T00:00:00Z", "emission_bar_rank": 32, "emission_gate_exponent": "3",
            "emission_bar_quantile": "0.61", "emission_gate_bar": "0.004",
            "subnets": [{"netuid": 64, "mechanism": "dynamic", "tao_in": "10", "alpha_in": "100",
                "alpha_out": "50", "alpha_reservoir": "1", "miner_burned": "0.25", "emission_enabled": true}],
            "root_baskets": [{"hotkey": "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
                "nav_tao": "60", "spot_nav_tao": "61", "shares": "58000000000", "deposited_tao": "59",
                "redeemed_tao": "2", "holdings": [{"netuid": 64, "alpha": "4000", "spot_tao": "36", "realizable_tao": "35"}],
                "pricing": {"spot_price": "1.05", "stake_price": "1.03125", "staker_twr": "1.03125",
                    "staker_yield": "0.0039", "first_block": 8_700_000, "provisional": false}}]}),
        ),
    );
}

#[test]
fn taostats_pool_importer() {
    import_runs(
        "taostats pool",
        shaped(json!({"pagination": {}, "data": []})),
    );
}

#[test]
fn taostats_yield_importer() {
    import_runs(
        "taostats yield",
        shaped(
            json!({"pagination": {}, "data": [{"hotkey": {"ss58": "5F"}, "netuid": 1, "one_day_apy": "0.1"}]}),
        ),
    );
}

#[test]
fn btcli_importer() {
    import_runs(
        "btcli",
        shaped(json!({"subnets": {"1": {"liquidity": {"tao_in": 1, "alpha_in": 1}}}})),
    );
}

#[test]
fn metagraphed_importer() {
    import_runs(
        "metagraphed",
        shaped(
            json!({"schema_version": 1, "captured_at": "2026-08-07", "chain_state": {"block": 1}, "subnets": [{"netuid": 1, "economics": {}}]}),
        ),
    );
}

#[test]
fn any_text_importer() {
    import_runs(
        "any text",
        prop_oneof![any::<String>(), json_value().prop_map(|v| v.to_string())],
    );
}

/// Values no numeric field takes: not numbers, negative, too precise, beyond any range.
const BAD_NUMBERS: [&str; 6] = ["NaN", "-1", "1.0000000001", "1e30", "abc", "<script>"];

/// Each parameter with values it must refuse, and the field that must say so.
fn refuses<F>(
    read: impl Fn(&HashMap<String, String>) -> F,
    key: &str,
    bad: &[&str],
    field: impl Fn(&F) -> Option<String>,
) {
    for value in bad {
        let query: HashMap<String, String> = [(key.to_string(), value.to_string())].into();
        let form = read(&query);
        let message = field(&form).unwrap_or_else(|| panic!("{key}={value} was accepted"));
        assert!(message.trim().len() > 10, "{key}={value}: “{message}”");
    }
}

#[test]
fn known_bad_values_are_rejected() {
    let pool = |q: &HashMap<String, String>| PoolForm::read(|k| q.get(k).cloned(), snapshot());
    refuses(pool, "amount", &BAD_NUMBERS, |f| f.amount.error());
    let positions = |q: &HashMap<String, String>| {
        dtao_calc::calc::positions::form::PositionsForm::read(|k| q.get(k).cloned())
    };
    refuses(
        positions,
        "coldkeys",
        &[
            "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ",
            "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5",
            "abc",
            "0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d",
        ],
        |f| f.coldkeys.error(),
    );
    refuses(pool, "amount", &["0", "21000001"], |f| f.amount.error());
    refuses(pool, "tol", &BAD_NUMBERS, |f| f.tol.error());
    refuses(pool, "limit", &BAD_NUMBERS, |f| f.limit.error());
    refuses(pool, "max_slip", &BAD_NUMBERS, |f| f.max_slip.error());
    refuses(pool, "move_amount", &BAD_NUMBERS, |f| f.move_amount.error());
    refuses(pool, "tao_in", &BAD_NUMBERS, |f| f.source.tao_in.error());
    refuses(pool, "alpha_in", &BAD_NUMBERS, |f| {
        f.source.alpha_in.error()
    });
    refuses(pool, "w_tao", &BAD_NUMBERS, |f| f.source.w_tao.error());
    refuses(pool, "w_tao", &["0.005", "0.995", "1"], |f| {
        f.source.w_tao.error()
    });
    refuses(pool, "fee_rate", &BAD_NUMBERS, |f| {
        f.source.fee_rate.error()
    });
    refuses(pool, "fee_rate", &["10001", "65535"], |f| {
        f.source.fee_rate.error()
    });
    refuses(pool, "alpha_scale", &BAD_NUMBERS, |f| {
        f.source.ellipse[0].error()
    });
    refuses(pool, "center_tao", &["NaN", "1.5", "1e30", "abc"], |f| {
        f.source.ellipse[3].error()
    });
    refuses(pool, "netuid", &["9999", "-1", "abc"], |f| {
        f.source.netuid.error()
    });
    refuses(pool, "move_to", &["9999", "abc"], |f| f.move_to.error());
    refuses(pool, "side", &["sideways", "1"], |f| f.side.error());
    refuses(pool, "curve", &["cubic", "1"], |f| f.source.curve.error());
    refuses(pool, "partial", &["2", "yes"], |f| f.partial.error());
    refuses(pool, "whole", &["2", "yes"], |f| f.whole.error());

    let returns =
        |q: &HashMap<String, String>| ReturnsForm::read(|k| q.get(k).cloned(), snapshot());
    refuses(returns, "amount", &BAD_NUMBERS, |f| f.amount.error());
    refuses(returns, "days", &["0", "1826", "1.5", "NaN", "-1"], |f| {
        f.days.error()
    });
    refuses(returns, "take", &BAD_NUMBERS, |f| f.take.error());
    refuses(returns, "take", &["18.0001", "19"], |f| f.take.error());
    refuses(returns, "childkey", &BAD_NUMBERS, |f| f.childkey.error());
    refuses(returns, "vtrust", &["1.5", "-0.1", "NaN"], |f| {
        f.vtrust.error()
    });
    refuses(returns, "price_change", &["-100", "NaN", "1e30"], |f| {
        f.price_change.error()
    });
    refuses(returns, "tao_usd", &BAD_NUMBERS, |f| f.tao_usd.error());
    refuses(returns, "apy", &BAD_NUMBERS, |f| f.apy.error());
    refuses(returns, "from", &["btc"], |f| f.from.error());
    refuses(returns, "exit_from", &["later", "1"], |f| {
        f.exit_from.error()
    });
    refuses(returns, "compound_others", &["2"], |f| {
        f.compound_others.error()
    });
    refuses(returns, "alpha_stake", &BAD_NUMBERS, |f| {
        f.chain.alpha_stake.error()
    });
    refuses(returns, "epoch_blocks", &["0", "1.5", "NaN"], |f| {
        f.chain.epoch_blocks.error()
    });
    let history = |q: &HashMap<String, String>| {
        HistoryForm::read(|k| q.get(k).cloned(), snapshot(), 64, NOW_MS)
    };
    refuses(
        history,
        "hotkey",
        &["abc", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ"],
        |f| f.hotkey.error(),
    );
    refuses(history, "window_days", &["0", "366", "1.5", "NaN"], |f| {
        f.window_days.error()
    });
    refuses(
        history,
        "from_date",
        &["2025-02-12", "2026-12-02", "2025-02-30", "13/02/2025"],
        |f| f.from_date.error(),
    );
    refuses(history, "from_block", &["0", "1.5", "-1", "NaN"], |f| {
        f.from_block.error()
    });
    refuses(history, "to_date", &["2026-12-02", "x"], |f| {
        f.to_date.error()
    });
    refuses(
        history,
        "archive",
        &["https://archive.example", "archive", "wss://"],
        |f| f.archive.error(),
    );

    let take = |q: &HashMap<String, String>| TakeForm::read(|k| q.get(k).cloned(), snapshot());
    refuses(take, "takes", &BAD_NUMBERS, |f| f.rows[0].take.error());
    refuses(take, "takes", &["19"], |f| f.rows[0].take.error());
    refuses(take, "childkeys", &BAD_NUMBERS, |f| {
        f.rows[0].childkey.error()
    });
    refuses(take, "take_days", &["-1", "1.5", "NaN", "1e30"], |f| {
        f.rows[0].take_days.error()
    });
    refuses(take, "vtrusts", &["1.5", "NaN"], |f| {
        f.rows[0].vtrust.error()
    });
    refuses(take, "amount", &BAD_NUMBERS, |f| f.amount.error());

    let lock =
        |q: &HashMap<String, String>| ConvictionForm::read(|k| q.get(k).cloned(), snapshot());
    refuses(lock, "lock", &BAD_NUMBERS, |f| f.lock.error());
    refuses(lock, "days", &["0", "NaN", "-1"], |f| f.days.error());
    refuses(lock, "tu", &BAD_NUMBERS, |f| f.tu.error());
    refuses(lock, "tm", &BAD_NUMBERS, |f| f.tm.error());
    refuses(lock, "gate", &BAD_NUMBERS, |f| f.gate.error());
    refuses(lock, "mode", &["forever"], |f| f.mode.error());
}

/// A valid dtao-snapshot/2 document: 1 to 12 subnets with random reserves, curves and fees.
fn valid_dtao_document() -> impl Strategy<Value = String> {
    let subnet = (
        1u16..500,
        1u64..10_000_000,
        1u64..20_000_000,
        proptest::option::of(1u64..99),
        prop_oneof![Just("none"), Just("balancer"), Just("superellipse")],
        proptest::option::of(0u64..=10_000),
        proptest::option::of(1u64..5_000_000),
    );
    proptest::collection::vec(subnet, 1..12).prop_map(|rows| {
        let mut seen = std::collections::BTreeSet::new();
        let subnets: Vec<Value> = rows
            .into_iter()
            .filter(|r| seen.insert(r.0))
            .map(|(netuid, tao, alpha, w, curve, fee, stake)| {
                let w_parts = w.unwrap_or(50) * 10_000_000_000_000_000;
                let mut s = json!({"netuid": netuid, "mechanism": "dynamic",
                    "tao_in": tao.to_string(), "alpha_in": alpha.to_string()});
                if let Some(w) = w {
                    s["w_tao"] = json!(format!("0.{w:02}"));
                }
                match curve {
                    "balancer" => s["curve"] = json!({"kind": "balancer", "w_tao": format!("0.{:02}", w.unwrap_or(50))}),
                    "superellipse" => {
                        let c = dtao_calc::model::pool::superellipse::Superellipse::from_weights(
                            alpha * 1_000_000_000, tao * 1_000_000_000, w_parts).unwrap();
                        s["curve"] = json!({"kind": "superellipse",
                            "alpha_scale": c.alpha_scale.to_string(), "tao_scale": c.tao_scale.to_string(),
                            "center_alpha": c.center_alpha.to_string(), "center_tao": c.center_tao.to_string()});
                    }
                    _ => {}
                }
                if let Some(fee) = fee {
                    s["fee_rate"] = json!(fee);
                }
                if let Some(stake) = stake {
                    s["validator_alpha_stake"] = json!(stake.to_string());
                }
                s
            })
            .collect();
        json!({"schema": "dtao-snapshot/2", "network": "finney", "block": 9_000_000,
            "taken_at": "2026-11-24T00:00:00Z", "subnets": subnets})
        .to_string()
    })
}

/// Subnets for the other formats: unique netuids with reserves in whole TAO and alpha.
fn pools() -> impl Strategy<Value = Vec<(u16, u64, u64)>> {
    proptest::collection::vec((1u16..500, 1u64..10_000_000, 1u64..20_000_000), 1..12).prop_map(
        |rows| {
            let mut seen = std::collections::BTreeSet::new();
            rows.into_iter().filter(|r| seen.insert(r.0)).collect()
        },
    )
}

/// Valid documents of every format, each with its name.
fn valid_documents() -> impl Strategy<Value = (&'static str, String)> {
    let rao = |tokens: u64| (u128::from(tokens) * 1_000_000_000).to_string();
    prop_oneof![
        valid_dtao_document().prop_map(|d| ("dtao-snapshot/2", d)),
        pools().prop_map(move |rows| {
            let data: Vec<Value> = rows.iter().map(|(n, tao, alpha)| json!({"netuid": n, "name": "x",
                "total_tao": rao(*tao), "alpha_in_pool": rao(*alpha), "price": "0.1",
                "block_number": 5_373_800, "timestamp": "2025-04-17T00:00:00Z"})).collect();
            ("taostats pool", json!({"pagination": {}, "data": data}).to_string())
        }),
        pools().prop_map(|rows| {
            let subnets: serde_json::Map<String, Value> = rows.iter().map(|(n, tao, alpha)| (n.to_string(), json!({
                "subnet_name": "x", "price": 0.1, "alpha_out": 1000.5,
                "liquidity": {"tao_in": *tao as f64 + 0.25, "alpha_in": alpha}, "tempo": {"sn_tempo": 360}}))).collect();
            ("btcli", json!({"subnets": subnets}).to_string())
        }),
        pools().prop_map(|rows| {
            let subnets: Vec<Value> = rows.iter().map(|(n, tao, alpha)| json!({"netuid": n, "name": "x",
                "subnet_type": if *n == 0 { "root" } else { "dynamic" }, "tempo": 360,
                "economics": {"tao_in_pool_tao": tao, "alpha_in_pool": alpha, "alpha_out_pool": alpha / 2 + 1,
                    "total_stake_alpha": alpha, "alpha_out_emission": "1"}})).collect();
            ("metagraphed", json!({"schema_version": 1, "captured_at": "2026-08-07T00:00:00Z",
                "chain_state": {"block": 8_791_253}, "subnets": subnets}).to_string())
        }),
        proptest::collection::vec((0usize..20, "[1-9A-HJ-NP-Za-km-z]{48}", 0u64..1_000_000, 0u32..5_000), 1..20).prop_map(|rows| {
            let netuids: Vec<u16> = snapshot().subnets.iter().map(|s| s.netuid).collect();
            let data: Vec<Value> = rows.into_iter().map(|(i, hotkey, stake, apy)| json!({
                "hotkey": {"ss58": hotkey}, "name": "v", "netuid": netuids[i % netuids.len()],
                "stake": (u128::from(stake) * 1_000_000_000).to_string(),
                "one_day_apy": format!("0.{apy:04}"), "thirty_day_apy": apy as f64 / 10_000.0})).collect();
            ("taostats yield", json!({"pagination": {}, "data": data}).to_string())
        }),
    ]
}

#[test]
fn valid_documents_import_and_their_pools_trade() {
    let imported = AtomicU32::new(0);
    let total = AtomicU32::new(0);
    TestRunner::new(Config {
        cases: 20_000,
        failure_persistence: None,
        ..Config::default()
    })
    .run(&valid_documents(), |(format, text)| {
        total.fetch_add(1, Ordering::Relaxed);
        let got = import(&text, snapshot()).map_err(|e| {
            TestCaseError::fail(format!(
                "{format}: a valid document was refused: {e}\n{text}"
            ))
        })?;
        imported.fetch_add(1, Ordering::Relaxed);
        for s in &got.snapshot.subnets {
            let pool = s.pool().unwrap();
            let request = dtao_calc::model::pool::trade::TradeRequest::plain(
                dtao_calc::model::pool::side::Side::Stake,
                1_000_000_000,
            );
            if let Err(r) = quote(&pool, &request) {
                prop_assert!(r.to_string().len() > 20);
            }
        }
        Ok(())
    })
    .unwrap();
    let (imported, total) = (imported.into_inner(), total.into_inner());
    println!("importers: {imported} of {total} valid documents imported");
    assert_eq!(imported, total, "every valid document imports");
}

/// A valid SS58 address (prefix 42) of a random account.
fn address() -> impl Strategy<Value = String> {
    any::<[u8; 32]>().prop_map(|a| dtao_calc::snapshot::chain::validators::ss58(&a))
}

/// An amount of rao as a decimal string, or as a JSON number one time in three.
fn amount_json(rao: u64, as_number: bool) -> Value {
    let text = dtao_calc::model::num::units::format_rao(rao);
    if as_number {
        serde_json::from_str(&text).unwrap()
    } else {
        json!(text)
    }
}

/// A valid dtao-positions/1 document (1 to 4 coldkeys, up to 12 stakes and 2 baskets each)
/// and its stakes' rao in order.
fn valid_positions_document() -> impl Strategy<Value = (String, Vec<u64>)> {
    let stake = (
        0u16..1_100,
        0usize..4,
        0u64..=u64::MAX / 2,
        proptest::option::of(0u64..=100),
        any::<bool>(),
        proptest::option::of("[ a-zA-Z0-9τ'\"\\\\]{0,20}"),
    );
    let basket = (
        0usize..4,
        any::<u64>(),
        0u64..u64::MAX / 2,
        0u64..u64::MAX / 2,
    );
    let holder = (
        address(),
        proptest::option::of(0u64..21_000_000_000_000_000),
        proptest::collection::vec(stake, 0..12),
        proptest::collection::vec(basket, 0..3),
    );
    (
        proptest::collection::vec(holder, 1..5),
        proptest::collection::vec(address(), 4),
        proptest::option::of(0u64..20_000_000),
    )
        .prop_map(|(holders, hotkeys, block)| {
            let mut coldkeys = std::collections::BTreeSet::new();
            let mut rao = Vec::new();
            let list: Vec<Value> = holders
                .into_iter()
                .filter(|h| coldkeys.insert(h.0.clone()))
                .map(|(coldkey, free, stakes, baskets)| {
                    let mut pairs = std::collections::BTreeSet::new();
                    let stakes: Vec<Value> = stakes
                        .into_iter()
                        .filter(|s| pairs.insert((s.0, s.1)))
                        .map(|(netuid, hk, alpha, locked_pct, number, name)| {
                            rao.push(alpha);
                            let mut s = json!({"netuid": netuid, "hotkey": hotkeys[hk],
                                "alpha": amount_json(alpha, number)});
                            if let Some(pct) = locked_pct {
                                let locked = (u128::from(alpha) * u128::from(pct) / 100) as u64;
                                s["locked_alpha"] = amount_json(locked, !number);
                            }
                            if let Some(name) = name {
                                s["hotkey_name"] = json!(name);
                            }
                            s
                        })
                        .collect();
                    let mut seen = std::collections::BTreeSet::new();
                    let baskets: Vec<Value> = baskets
                        .into_iter()
                        .filter(|b| seen.insert(b.0))
                        .map(|(hk, shares, value, spot)| {
                            json!({"hotkey": hotkeys[hk], "shares": if shares % 2 == 0 { json!(shares) } else { json!(shares.to_string()) },
                                "value_tao": amount_json(value, false), "spot_value_tao": amount_json(spot, true)})
                        })
                        .collect();
                    let mut h = json!({"coldkey": coldkey, "stakes": stakes});
                    if let Some(free) = free {
                        h["free_tao"] = amount_json(free, false);
                    }
                    if !baskets.is_empty() {
                        h["root_baskets"] = json!(baskets);
                    }
                    h
                })
                .collect();
            let mut doc = json!({"schema": "dtao-positions/1", "network": "finney", "coldkeys": list});
            if let Some(block) = block {
                doc["block"] = json!(block);
                doc["taken_at"] = json!("2026-12-07T10:00:00Z");
            }
            (doc.to_string(), rao)
        })
}

/// A valid btcli `stake list --json-output` document (one coldkey, up to 6 hotkeys with up to 8
/// subnets each), amounts written as Python writes `rao / 10^9` (the float nearest, in its
/// shortest form), and its stakes' rao in the order the importer reads them (hotkeys sorted,
/// each hotkey's rows as written).
fn valid_btcli_stake_document() -> impl Strategy<Value = (String, Vec<u64>)> {
    use dtao_calc::model::num::units::format_rao;
    // Any stake btcli writes (more than 0.00009), up to the 21 million supply.
    let row = (
        0u16..1_100,
        prop_oneof![
            90_001u64..8_388_608_000_000_000,
            90_001u64..21_000_000_000_000_000
        ],
        any::<bool>(),
    );
    (
        address(),
        proptest::collection::btree_map(address(), proptest::collection::vec(row, 1..8), 1..6),
        0u64..8_388_608_000_000_000,
    )
        .prop_map(|(coldkey, by_hotkey, free)| {
            // Correctly rounded, as Python's `int / int`.
            let tao = |rao: u64| -> f64 { format_rao(rao).parse().unwrap() };
            let mut rao = Vec::new();
            let stake_info: serde_json::Map<String, Value> = by_hotkey
                .into_iter()
                .map(|(hotkey, rows)| {
                    let mut seen = std::collections::BTreeSet::new();
                    let rows: Vec<Value> = rows
                        .into_iter()
                        .filter(|r| seen.insert(r.0))
                        .map(|(netuid, stake, registered)| {
                            rao.push(stake);
                            json!({"netuid": netuid, "subnet_name": "Apex AI", "value": tao(stake) * 0.03,
                                "stake_value": tao(stake), "rate": 0.03, "registered": registered,
                                "emission": {"alpha": 2.7777777777777776e-09, "tao": 0.0}, "claimable": 0.0})
                        })
                        .collect();
                    (hotkey, Value::Array(rows))
                })
                .collect();
            let doc = json!({"stake_info": stake_info, "coldkey_address": coldkey, "network": "finney",
                "free_balance": tao(free), "total_tao_value": 1.0, "total_swapped_tao_value": 0.30000000000000004});
            (doc.to_string(), rao)
        })
}

/// `doc` with its `pick`-th value (counting every value, containers included, depth first)
/// replaced by `random`.
fn damaged(mut doc: Value, pick: usize, random: Value) -> String {
    fn count(v: &Value) -> usize {
        1 + match v {
            Value::Array(items) => items.iter().map(count).sum(),
            Value::Object(map) => map.values().map(count).sum(),
            _ => 0,
        }
    }
    fn replace(v: &mut Value, pick: &mut usize, random: &Value) -> bool {
        if *pick == 0 {
            *v = random.clone();
            return true;
        }
        *pick -= 1;
        match v {
            Value::Array(items) => items.iter_mut().any(|i| replace(i, pick, random)),
            Value::Object(map) => map.values_mut().any(|i| replace(i, pick, random)),
            _ => false,
        }
    }
    let mut pick = pick % count(&doc);
    replace(&mut doc, &mut pick, &random);
    doc.to_string()
}

/// Positions documents, valid or with one value anywhere replaced by any JSON: read as
/// positions and as subnet data, each gives positions or a sentence, never a panic.
fn positions_runs(name: &str, documents: impl Strategy<Value = String>) {
    use dtao_calc::snapshot::positions::import_positions;
    runner()
        .run(&documents, |text| {
            if let Err(e) = import_positions(&text) {
                prop_assert!(e.to_string().len() > 10, "{name}: {e:?}");
            }
            if let Err(e) = import(&text, snapshot()) {
                prop_assert!(e.to_string().len() > 10, "{name}: {e:?}");
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn dtao_positions_importer() {
    positions_runs(
        "dtao-positions/1",
        (valid_positions_document(), any::<usize>(), json_value()).prop_map(
            |((doc, _), pick, random)| damaged(serde_json::from_str(&doc).unwrap(), pick, random),
        ),
    );
}

#[test]
fn btcli_stake_list_importer() {
    positions_runs(
        "btcli stake list",
        prop_oneof![
            (valid_btcli_stake_document(), any::<usize>(), json_value()).prop_map(
                |((doc, _), pick, random)| damaged(
                    serde_json::from_str(&doc).unwrap(),
                    pick,
                    random
                )
            ),
            shaped(
                json!({"stake_info": {}, "coldkey_address": "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
                "network": "finney", "free_balance": 1.5, "stakes": []})
            ),
        ],
    );
}

#[test]
fn valid_positions_documents_import_and_round_trip() {
    use dtao_calc::snapshot::positions::{dtao_positions, import_positions};
    let documents = prop_oneof![
        valid_positions_document().prop_map(|(d, r)| ("dtao-positions/1", d, r)),
        valid_btcli_stake_document().prop_map(|(d, r)| ("btcli stake list", d, r)),
    ];
    TestRunner::new(Config {
        cases: 20_000,
        failure_persistence: None,
        ..Config::default()
    })
    .run(&documents, |(format, text, rao)| {
        let (positions, summary) = import_positions(&text).map_err(|e| {
            TestCaseError::fail(format!(
                "{format}: a valid document was refused: {e}\n{text}"
            ))
        })?;
        let read: Vec<u64> = positions.stakes().map(|(_, s)| s.alpha_rao).collect();
        prop_assert_eq!(read.len(), rao.len());
        for (got, want) in read.iter().zip(&rao) {
            // btcli's floats hold every rao below 2^23 tokens, and are 1.9 and (from 2^24)
            // 3.7 rao apart above.
            let slack = match *want {
                0..8_388_608_000_000_000 => 0,
                8_388_608_000_000_000..16_777_216_000_000_000 => 2,
                _ => 4,
            };
            prop_assert!(
                got.abs_diff(*want) <= slack,
                "{}: {} read as {}",
                format,
                want,
                got
            );
        }
        prop_assert!(
            summary.contains(&format!(" {} position", rao.len())),
            "{}",
            summary
        );
        let written = dtao_positions::to_json(&positions);
        prop_assert_eq!(&dtao_positions::parse(&written).unwrap(), &positions);
        let refused = import(&text, snapshot()).unwrap_err().to_string();
        prop_assert!(refused.contains("Your positions"), "{}", refused);
        valued(&positions)?;
        Ok(())
    })
    .unwrap();
}

/// Positions valued against the bundled data: a row per stake and basket, every refusal a
/// sentence, no sale above its spot value, and selling a subnet's stakes in turn never
/// returning more than selling each alone. (A basket's figures are the chain's, whatever a
/// document says of them.)
fn valued(positions: &dtao_calc::snapshot::positions::Positions) -> Result<(), TestCaseError> {
    use dtao_calc::calc::positions::valuation::{value, Kind};
    let v = value(positions, &[], snapshot());
    let baskets: usize = positions.holders.iter().map(|h| h.baskets.len()).sum();
    prop_assert_eq!(v.rows.len(), positions.stakes().count() + baskets);
    let mut alone: u128 = 0;
    for row in &v.rows {
        match &row.exit {
            Err(why) => sentence(why)?,
            Ok(Some(e)) if row.kind == Kind::Stake => {
                prop_assert!(e.tao_rao <= row.spot_rao.unwrap_or(0), "{}", row.id);
                prop_assert!(
                    row.in_sequence_rao <= e.tao_rao.saturating_add(2),
                    "{}",
                    row.id
                );
                alone += u128::from(e.tao_rao);
            }
            Ok(_) => {}
        }
        if let Err(why) = &row.apy_pct {
            sentence(why)?;
        }
    }
    let sequence: u128 = v
        .rows
        .iter()
        .filter(|r| r.kind == Kind::Stake && matches!(r.exit, Ok(Some(_))))
        .map(|r| u128::from(r.in_sequence_rao))
        .sum();
    prop_assert!(sequence <= alone + 2 * v.rows.len() as u128);
    Ok(())
}

/// The positions page's parameters: any addresses, any link; the valuation of a wallet on
/// every bundled subnet (and one gone) for the addresses that read.
#[test]
fn positions_parameters() {
    use dtao_calc::calc::positions::form::PositionsForm;
    use dtao_calc::snapshot::positions::{Holder, Positions, Stake};
    const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
    let holder = |coldkey: &str, scale: u64| Holder {
        coldkey: coldkey.into(),
        free_rao: Some(scale),
        stakes: snapshot()
            .subnets
            .iter()
            .map(|s| s.netuid)
            .chain([9_999])
            .map(|netuid| Stake {
                netuid,
                hotkey: ALICE.into(),
                hotkey_name: None,
                alpha_rao: scale.saturating_mul(u64::from(netuid % 200) + 1),
                locked_rao: Some(scale / 2),
            })
            .collect(),
        baskets: vec![],
    };
    let wallet = Positions {
        holders: vec![holder(ALICE, 1_000_000_000), holder(BOB, 1 << 55)],
        ..Positions::default()
    };
    let spec = vec![
        (
            "coldkeys",
            one_of(&[
                "",
                ALICE,
                BOB,
                "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY,5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",
            ]),
        ),
        ("positions", sometimes(0.3, "https://[a-z]{1,8}\\.example/[a-z]{1,8}\\.json")),
    ];
    run("positions", 400, &["positions"], spec, |q| {
        let form = PositionsForm::read(|k| q.get(k).cloned());
        check!(form.coldkeys);
        let Some(keys) = form.addresses() else {
            return Ok(false);
        };
        let v = dtao_calc::calc::positions::valuation::value(&wallet, keys, snapshot());
        for row in &v.rows {
            if let Err(why) = &row.exit {
                sentence(why)?;
            }
        }
        // Subnet 9999 is not in the data: its rows are out, by name.
        let gone = v.rows.iter().filter(|r| r.netuid == 9_999).count();
        prop_assert_eq!(
            v.totals
                .out
                .iter()
                .filter(|id| id.starts_with("9999"))
                .count(),
            gone
        );
        Ok(true)
    });
}

/// Spec 461's real metadata and the schema the reader makes of it.
fn runtime_461() -> &'static (Vec<u8>, dtao_calc::snapshot::chain::metadata::Schema) {
    static RUNTIME: OnceLock<(Vec<u8>, dtao_calc::snapshot::chain::metadata::Schema)> =
        OnceLock::new();
    RUNTIME.get_or_init(|| {
        let bytes = common::runtimes::bytes(common::runtimes::SPEC_461);
        let schema = dtao_calc::snapshot::chain::metadata::Schema::from_metadata(
            &bytes,
            461,
            &dtao_calc::snapshot::chain::wanted::CALLS,
            &dtao_calc::snapshot::chain::wanted::STORAGE,
        )
        .unwrap();
        (bytes, schema)
    })
}

#[test]
fn cut_and_damaged_metadata_give_a_sentence() {
    use dtao_calc::snapshot::chain::metadata::Schema;
    use dtao_calc::snapshot::chain::wanted::{CALLS, STORAGE};
    let (bytes, _) = runtime_461();
    // Cut anywhere (a few hundred places, and every early byte), or with bytes flipped: each
    // case reads 400 KB of metadata twice, so fewer cases than elsewhere.
    let mut runner = TestRunner::new(Config {
        cases: 300,
        failure_persistence: None,
        ..Config::default()
    });
    let cuts = (0..bytes.len()).prop_map(|n| n);
    runner
        .run(&(cuts, any::<u8>(), 0usize..4_000), |(cut, byte, at)| {
            if let Err(e) = Schema::from_metadata(&bytes[..cut], 461, &CALLS, &STORAGE) {
                sentence(&e)?;
            }
            let mut damaged = bytes.clone();
            let at = at.min(damaged.len() - 1);
            damaged[at] ^= byte;
            match Schema::from_metadata(&damaged, 461, &CALLS, &STORAGE) {
                Err(e) => sentence(&e)?,
                // A flip the decoder cannot see (in a doc string, a name) still makes a schema.
                Ok(schema) => prop_assert!(Schema::from_bytes(&schema.to_bytes()).is_some()),
            }
            Ok(())
        })
        .unwrap();
    for n in 0..64 {
        assert!(Schema::from_metadata(&bytes[..n], 461, &CALLS, &STORAGE).is_err());
    }
    assert!(Schema::from_metadata(&[0; 64], 461, &CALLS, &STORAGE).is_err());
}

#[test]
fn random_and_cut_answers_read_or_give_a_sentence() {
    let (_, schema) = runtime_461();
    let mut runner = runner();
    let answers = prop_oneof![
        any::<Vec<u8>>(),
        // A list of a few subnets' worth of plausible compact numbers and bytes.
        proptest::collection::vec(any::<u8>(), 0..3_000).prop_map(|mut v| {
            v.insert(0, 8);
            v
        }),
    ];
    runner
        .run(&answers, |bytes| {
            for call in &schema.calls {
                if let Err(e) = schema.answer(call, &bytes) {
                    sentence(&e)?;
                }
            }
            for item in &schema.storage {
                if let Err(e) = schema.stored(item, Some(&bytes)) {
                    sentence(&e)?;
                }
            }
            Ok(())
        })
        .unwrap();
}
