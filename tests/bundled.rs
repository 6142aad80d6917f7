//! The bundled snapshot (`src/snapshot/bundled/data.rs`) is the shared JSON
//! (`../shared/data`), read by the app's own importer, written out as Rust data. Fails when the
//! file is not what the JSON gives; `tools/bundle` (DTAO_WRITE_BUNDLED=1) writes it again.

mod common;

use dtao_calc::model::pool::Mechanism;
use dtao_calc::snapshot::bundled::{bundled, SOURCE_FILE};
use dtao_calc::snapshot::{dtao_snapshot, Snapshot, Validator};
use rust_decimal::Decimal;
use std::fmt::Write;

const DATA_FILE: &str = "src/snapshot/bundled/data.rs";

fn d(value: Option<Decimal>) -> String {
    match value {
        Some(v) => format!("Some(d({}, {}))", v.mantissa(), v.scale()),
        None => "None".to_string(),
    }
}

fn opt<T: std::fmt::Display>(value: Option<T>) -> String {
    match value {
        Some(v) => format!("Some({v})"),
        None => "None".to_string(),
    }
}

fn validator(v: &Validator) -> String {
    format!(
        "ValidatorRow {{ hotkey: {:?}, name: {:?}, take: {}, alpha_stake: {}, apy: {}, apy_1h: {}, apy_1d: {}, apy_7d: {}, apy_30d: {} }}",
        v.hotkey,
        v.name,
        d(v.take),
        d(v.alpha_stake),
        d(v.apy),
        d(v.apy_1h),
        d(v.apy_1d),
        d(v.apy_7d),
        d(v.apy_30d)
    )
}

/// The Rust source of `bundled/data.rs` for `s`.
fn render(s: &Snapshot) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "//! Written by `tools/bundle` from `../shared/data/{SOURCE_FILE}`,\n\
         //! read by the app's own importer (`snapshot::dtao_snapshot`): the bundled snapshot as\n\
         //! Rust data, so the app parses nothing at start. `tests/bundled.rs` fails when it\n\
         //! differs. Do not edit.\n\
         \n\
         // Not every snapshot has validators or superellipse curves.\n\
         #![allow(unused_imports)]\n\
         use super::{{d, Row, Top, ValidatorRow}};\n\
         use crate::snapshot::Runtime;\n\
         use crate::model::pool::fee::FeeRate;\n\
         use crate::model::pool::superellipse::Superellipse;\n\
         use crate::model::pool::weights::TaoWeight;\n\
         use crate::model::pool::Mechanism;\n"
    );
    let _ = writeln!(
        out,
        "pub const TOP: Top = Top {{\n    network: {:?},\n    block: {},\n    taken_at: {},\n    source: {:?},\n    block_emission_tao: {},\n    tao_weight: {},\n    root_tao_staked: {},\n    runtime: Runtime {{ spec_version: {}, maturity_rate: {}, unlock_rate: {}, owner_cut: {}, block_hash: {}, bar_rank: {}, gate_exponent: {}, bar_quantile: {}, gate_bar: {} }},\n}};\n",
        s.network,
        opt(s.block),
        opt(s.taken_at.as_ref().map(|t| format!("{t:?}"))),
        s.source,
        d(s.block_emission_tao),
        d(s.tao_weight),
        d(s.root_tao_staked),
        opt(s.runtime.spec_version),
        opt(s.runtime.maturity_rate),
        opt(s.runtime.unlock_rate),
        opt(s.runtime.owner_cut),
        opt(s.runtime.block_hash.map(|h| format!("{h:?}"))),
        opt(s.runtime.bar_rank),
        d(s.runtime.gate_exponent),
        d(s.runtime.bar_quantile),
        d(s.runtime.gate_bar),
    );
    let _ = writeln!(out, "pub static SUBNETS: &[Row] = &[");
    for n in &s.subnets {
        let mechanism = match n.mechanism {
            Mechanism::Dynamic => "Dynamic",
            Mechanism::Stable => "Stable",
        };
        let superellipse = match n.superellipse {
            Some(c) => format!(
                "Some(Superellipse {{ alpha_scale: {}, tao_scale: {}, center_alpha: {}, center_tao: {} }})",
                c.alpha_scale, c.tao_scale, c.center_alpha, c.center_tao
            ),
            None => "None".to_string(),
        };
        let validators = n
            .validators
            .iter()
            .map(|v| format!("        {},\n", validator(v)))
            .collect::<String>();
        let validators = if validators.is_empty() {
            "&[]".to_string()
        } else {
            format!("&[\n{validators}    ]")
        };
        let _ = writeln!(
            out,
            "    Row {{\n        netuid: {}, name: {:?}, symbol: {:?}, mechanism: Mechanism::{mechanism},\n        tao_in_rao: {}, alpha_in_rao: {}, alpha_out_rao: {}, w_tao: {},\n        moving_price: {}, alpha_out_emission: {}, alpha_in_emission: {},\n        tao_in_emission: {}, total_stake_alpha: {},\n        tempo: {}, validator_count: {}, miner_count: {}, registered_at_block: {},\n        superellipse: {superellipse}, fee_rate: {}, validator_alpha_stake: {},\n        eligible_alpha_rao: {},\n        validators: {validators},\n    }},",
            n.netuid,
            n.name,
            n.symbol,
            n.tao_in_rao,
            n.alpha_in_rao,
            opt(n.alpha_out_rao),
            opt(n.w_tao.map(|w| format!("TaoWeight::constant({})", w.tao_parts()))),
            d(n.moving_price),
            d(n.alpha_out_emission),
            d(n.alpha_in_emission),
            d(n.tao_in_emission),
            d(n.total_stake_alpha),
            opt(n.tempo),
            opt(n.validator_count),
            opt(n.miner_count),
            opt(n.registered_at_block),
            opt(n.fee_rate.map(|f| format!("FeeRate::constant({})", f.parts()))),
            d(n.validator_alpha_stake),
            opt(n.eligible_alpha_rao),
        );
    }
    let _ = writeln!(out, "];");
    out
}

#[test]
fn the_bundled_data_is_the_shared_snapshot_as_the_importer_reads_it() {
    let json = common::read_shared(&format!("data/{SOURCE_FILE}"));
    let read = dtao_snapshot::parse(&json).expect("the shared snapshot reads");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(DATA_FILE);
    let wanted = render(&read);
    if std::env::var_os("DTAO_WRITE_BUNDLED").is_some() {
        std::fs::write(&path, &wanted).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == wanted,
        "{DATA_FILE} is not ../shared/data/{SOURCE_FILE}: run tools/bundle"
    );
    assert_eq!(
        bundled(),
        read,
        "the bundled snapshot differs from the shared JSON"
    );
}
