//! Robustness: every URL parameter of every calculator and every importer take 100,000 random
//! inputs each without a panic, and every rejection is a sentence. Each case gives *all* of a
//! calculator's parameters random values at once (so each parameter sees 100,000 of them), reads
//! the form and, when it reads, runs the model.

mod common;

use dtao_calc::model::quote::quote;
use dtao_calc::model::returns::project;
use dtao_calc::snapshot::bundled::bundled;
use dtao_calc::snapshot::import::import;
use dtao_calc::snapshot::Snapshot;
use dtao_calc::ui::app::Calc;
use dtao_calc::ui::chain_figures::ChainFigures;
use dtao_calc::ui::conviction::{self, form::ConvictionForm};
use dtao_calc::ui::field::Field;
use dtao_calc::ui::pool::form::PoolInputs;
use dtao_calc::ui::pool_source::PoolSource;
use dtao_calc::ui::query::parse_query;
use dtao_calc::ui::returns::form::ReturnsForm;
use dtao_calc::ui::take::{self, form::TakeForm};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::OnceLock;

const CASES: u32 = 100_000;

fn snapshot() -> &'static Snapshot {
    static SNAPSHOT: OnceLock<Snapshot> = OnceLock::new();
    SNAPSHOT.get_or_init(|| bundled().unwrap())
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

/// `keys`: the calculator's parameter names, separated by spaces.
fn run(keys: &str, case: impl Fn(&HashMap<String, String>) -> Result<(), TestCaseError>) {
    let keys: Vec<&str> = keys.split_whitespace().collect();
    let strategy = proptest::collection::vec(value(), keys.len());
    runner()
        .run(&strategy, |values| {
            let query: HashMap<String, String> =
                keys.iter().map(|k| k.to_string()).zip(values).collect();
            case(&query)
        })
        .unwrap();
}

#[test]
fn pool_parameters() {
    const KEYS: &str = "calc netuid side amount tao_in alpha_in w_tao curve alpha_scale tao_scale center_alpha center_tao fee_rate tol limit partial whole max_slip move_to move_amount sort";
    run(KEYS, |q| {
        let form = PoolInputs::read(|k| q.get(k).cloned(), snapshot());
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
        );
        match form.trade() {
            Ok((pool, request)) => {
                if let Err(rejection) = quote(&pool, &request) {
                    sentence(&rejection.to_string())?;
                }
            }
            Err(e) => sentence(&e)?,
        }
        Ok(())
    });
}

#[test]
fn returns_parameters() {
    const KEYS: &str = "netuid tao_in alpha_in w_tao curve fee_rate from amount days take childkey vtrust price_change exit_from tao_usd apy compound_others emission issuance alpha_stake root_tao tao_weight epoch_blocks";
    run(KEYS, |q| {
        let form = ReturnsForm::read(|k| q.get(k).cloned(), snapshot());
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
            }
            Err(e) => sentence(&e)?,
        }
        Ok(())
    });
}

#[test]
fn take_parameters() {
    const KEYS: &str = "netuid amount days tao_usd takes names vtrusts apys childkeys take_days from_row switch_netuid emission issuance alpha_stake root_tao tao_weight epoch_blocks";
    run(KEYS, |q| {
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
                row.take_days
            );
        }
        // The page's own computation, switching costs included.
        match take::run(&form, snapshot()) {
            Ok(compared) => match take::switching(&form, &compared, snapshot()) {
                Some(Err(e)) => sentence(&e)?,
                Some(Ok(take::Switching {
                    other: Some(Err(e)),
                    ..
                })) => sentence(&e)?,
                _ => {}
            },
            Err(e) => sentence(&e)?,
        }
        Ok(())
    });
}

#[test]
fn conviction_parameters() {
    const KEYS: &str =
        "netuid lock mode conviction days tu tm owner owner_lock eligible gate gate_rule";
    run(KEYS, |q| {
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
        match conviction::run(&form) {
            Ok(report) => {
                if let Err(e) = &report.liquidity {
                    sentence(e)?;
                }
            }
            Err(e) => sentence(&e)?,
        }
        Ok(())
    });
}

#[test]
fn query_strings() {
    runner()
        .run(&any::<String>(), |raw| {
            let pairs = parse_query(&raw);
            let back = dtao_calc::ui::query::to_query(&pairs);
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
