//! The snapshot compiled into the app, so every calculator works offline:
//! finney at block 8,791,253 (2026-08-07), 129 subnets. It is held as Rust constants
//! (`bundled/data.rs`, written by `tools/bundle` from `../shared/data`'s JSON through this app's
//! own importer), so starting the app parses nothing: reading the JSON at start took 11-15 ms of
//! the first render (issue 18). Every value is checked while compiling (decimals, weights and
//! fee rates are built by `const fn`s that refuse what is out of range), and `tests/bundled.rs`
//! checks that the data is exactly what the importer reads from the shared JSON.

// Generated (tools/bundle), laid out a subnet to a few lines.
#[rustfmt::skip]
mod data;

use super::{Runtime, Snapshot, Subnet, Validator};
use crate::model::pool::fee::FeeRate;
use crate::model::pool::superellipse::Superellipse;
use crate::model::pool::weights::TaoWeight;
use crate::model::pool::Mechanism;
use rust_decimal::Decimal;

/// The JSON file `data.rs` was written from, in `../shared/data`.
pub const SOURCE_FILE: &str = "snapshot-finney-2026-08-07.json";

/// A decimal from its mantissa and scale, at compile time: `d(86_479_119, 9)` is 0.086479119.
/// A mantissa beyond 96 bits or a scale beyond 28 fails the build.
pub const fn d(mantissa: i128, scale: u32) -> Decimal {
    let magnitude = mantissa.unsigned_abs();
    assert!(magnitude >> 96 == 0, "decimal mantissa beyond 96 bits");
    Decimal::from_parts(
        magnitude as u32,
        (magnitude >> 32) as u32,
        (magnitude >> 64) as u32,
        mantissa < 0,
        scale,
    )
}

/// The snapshot's own fields.
pub struct Top {
    pub network: &'static str,
    pub block: Option<u64>,
    pub taken_at: Option<&'static str>,
    pub source: &'static str,
    pub block_emission_tao: Option<Decimal>,
    pub tao_weight: Option<Decimal>,
    pub root_tao_staked: Option<Decimal>,
    pub runtime: Runtime,
}

/// A subnet, field for field as `Subnet`, with texts that live in the program.
pub struct Row {
    pub netuid: u16,
    pub name: &'static str,
    pub symbol: &'static str,
    pub mechanism: Mechanism,
    pub tao_in_rao: u64,
    pub alpha_in_rao: u64,
    pub alpha_out_rao: Option<u64>,
    pub w_tao: Option<TaoWeight>,
    pub moving_price: Option<Decimal>,
    pub alpha_out_emission: Option<Decimal>,
    pub alpha_in_emission: Option<Decimal>,
    pub tao_in_emission: Option<Decimal>,
    pub total_stake_alpha: Option<Decimal>,
    pub tempo: Option<u64>,
    pub validator_count: Option<u64>,
    pub miner_count: Option<u64>,
    pub registered_at_block: Option<u64>,
    pub superellipse: Option<Superellipse>,
    pub fee_rate: Option<FeeRate>,
    pub validator_alpha_stake: Option<Decimal>,
    pub eligible_alpha_rao: Option<u64>,
    pub validators: &'static [ValidatorRow],
}

/// A validator, field for field as `Validator`.
pub struct ValidatorRow {
    pub hotkey: &'static str,
    pub name: &'static str,
    pub take: Option<Decimal>,
    pub alpha_stake: Option<Decimal>,
    pub apy: Option<Decimal>,
    pub apy_1h: Option<Decimal>,
    pub apy_1d: Option<Decimal>,
    pub apy_7d: Option<Decimal>,
    pub apy_30d: Option<Decimal>,
}

/// The bundled snapshot.
pub fn bundled() -> Snapshot {
    from_rows(&data::TOP, data::SUBNETS)
}

fn from_rows(top: &Top, rows: &[Row]) -> Snapshot {
    Snapshot {
        network: top.network.to_string(),
        block: top.block,
        taken_at: top.taken_at.map(str::to_string),
        source: top.source.to_string(),
        block_emission_tao: top.block_emission_tao,
        tao_weight: top.tao_weight,
        root_tao_staked: top.root_tao_staked,
        runtime: top.runtime,
        subnets: rows.iter().map(subnet).collect(),
        root_baskets: None,
    }
}

fn subnet(row: &Row) -> Subnet {
    Subnet {
        netuid: row.netuid,
        name: row.name.to_string(),
        symbol: row.symbol.to_string(),
        mechanism: row.mechanism,
        tao_in_rao: row.tao_in_rao,
        alpha_in_rao: row.alpha_in_rao,
        alpha_out_rao: row.alpha_out_rao,
        alpha_reservoir_rao: None,
        w_tao: row.w_tao,
        moving_price: row.moving_price,
        alpha_out_emission: row.alpha_out_emission,
        alpha_in_emission: row.alpha_in_emission,
        tao_in_emission: row.tao_in_emission,
        total_stake_alpha: row.total_stake_alpha,
        tempo: row.tempo,
        validator_count: row.validator_count,
        miner_count: row.miner_count,
        registered_at_block: row.registered_at_block,
        superellipse: row.superellipse,
        fee_rate: row.fee_rate,
        validator_alpha_stake: row.validator_alpha_stake,
        eligible_alpha_rao: row.eligible_alpha_rao,
        miner_burned: None,
        emission_enabled: None,
        validators: row.validators.iter().map(validator).collect(),
    }
}

fn validator(v: &ValidatorRow) -> Validator {
    Validator {
        hotkey: v.hotkey.to_string(),
        name: v.name.to_string(),
        take: v.take,
        alpha_stake: v.alpha_stake,
        apy: v.apy,
        apy_1h: v.apy_1h,
        apy_1d: v.apy_1d,
        apy_7d: v.apy_7d,
        apy_30d: v.apy_30d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_snapshot_reads_whole() {
        let s = bundled();
        assert_eq!(s.block, Some(8_791_253));
        assert_eq!(s.subnets.len(), 129);
        assert_eq!(s.date(), Some("2026-08-07"));
        let chutes = s.subnet(64).unwrap();
        assert_eq!(chutes.name, "Chutes");
        assert_eq!(chutes.tao_in_rao, 221_156_585_169_260);
        assert_eq!(chutes.moving_price, Some(Decimal::new(86_479_119, 9)));
        assert_eq!(s.deepest_dynamic_subnet().unwrap().netuid, 64);
        for subnet in &s.subnets {
            assert!(subnet.pool().is_ok(), "subnet {}", subnet.netuid);
        }
    }

    #[test]
    fn constant_decimals_keep_mantissa_sign_and_scale() {
        for (m, s) in [
            (0, 0),
            (86_479_119, 9),
            (-5, 1),
            ((1i128 << 96) - 1, 28),
            (-(1i128 << 95), 3),
        ] {
            let got = d(m, s);
            assert_eq!((got.mantissa(), got.scale()), (m, s), "{m}e-{s}");
        }
    }
}
