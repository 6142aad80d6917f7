//! The TAO emission's terms in `dtao-snapshot/2` (issue 31, SPEC §2), all optional: per subnet
//! `miner_burned` (`MinerBurned`, 0 to 1) and `emission_enabled` (`SubnetEmissionEnabled`); at
//! the top the gate as the runtime stores it, `emission_bar_rank` (`EmissionBarRank`),
//! `emission_gate_exponent` (1 to 8), `emission_bar_quantile` (0 to 1) and `emission_gate_bar`
//! (the bar it keeps, 0 to 1). Where a term is absent, `calc::tao_emission` says what it assumed.

use crate::snapshot::fields::{kind, opt_decimal, opt_whole, optional, Place};
use crate::snapshot::{Runtime, SnapshotError};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// An optional decimal within `[low, high]`.
fn within(
    obj: &Map<String, Value>,
    key: &str,
    at: Place<'_>,
    low: Decimal,
    high: Decimal,
) -> Result<Option<Decimal>, SnapshotError> {
    let value = opt_decimal(obj, key, at)?;
    match value {
        Some(v) if v < low || v > high => {
            Err(at.error(key, format!("must be between {low} and {high}, not {v}.")))
        }
        _ => Ok(value),
    }
}

/// A subnet's `miner_burned` and `emission_enabled`.
pub fn subnet_terms(
    obj: &Map<String, Value>,
    at: Place<'_>,
) -> Result<(Option<Decimal>, Option<bool>), SnapshotError> {
    let burned = within(obj, "miner_burned", at, Decimal::ZERO, Decimal::ONE)?;
    let enabled = optional(obj, "emission_enabled", at, |v, key, at| {
        v.as_bool()
            .ok_or_else(|| at.error(key, format!("must be true or false, not {}.", kind(v))))
    })?;
    Ok((burned, enabled))
}

/// The gate's terms, into `runtime`.
pub fn gate(
    obj: &Map<String, Value>,
    at: Place<'_>,
    runtime: &mut Runtime,
) -> Result<(), SnapshotError> {
    runtime.bar_rank = opt_whole(obj, "emission_bar_rank", at)?
        .map(|r| {
            u16::try_from(r).map_err(|_| at.error("emission_bar_rank", "must be below 65,536."))
        })
        .transpose()?;
    runtime.gate_exponent = within(
        obj,
        "emission_gate_exponent",
        at,
        Decimal::ONE,
        Decimal::from(8),
    )?;
    runtime.bar_quantile = within(
        obj,
        "emission_bar_quantile",
        at,
        Decimal::ZERO,
        Decimal::ONE,
    )?;
    runtime.gate_bar = within(obj, "emission_gate_bar", at, Decimal::ZERO, Decimal::ONE)?;
    Ok(())
}

/// The same terms written back.
pub fn put_gate(top: &mut Map<String, Value>, runtime: &Runtime) {
    if let Some(rank) = runtime.bar_rank {
        top.insert("emission_bar_rank".into(), rank.into());
    }
    for (key, value) in [
        ("emission_gate_exponent", runtime.gate_exponent),
        ("emission_bar_quantile", runtime.bar_quantile),
        ("emission_gate_bar", runtime.gate_bar),
    ] {
        if let Some(v) = value {
            top.insert(key.into(), v.normalize().to_string().into());
        }
    }
}

pub fn put_subnet_terms(
    m: &mut Map<String, Value>,
    burned: Option<Decimal>,
    enabled: Option<bool>,
) {
    if let Some(b) = burned {
        m.insert("miner_burned".into(), b.normalize().to_string().into());
    }
    if let Some(e) = enabled {
        m.insert("emission_enabled".into(), e.into());
    }
}

#[cfg(test)]
mod tests {
    use super::super::{parse, write::to_json};
    use std::str::FromStr;

    fn with(top: &str, subnet: &str) -> String {
        format!(
            r#"{{"schema":"dtao-snapshot/2","block":1,"taken_at":"2026-12-01T00:00:00Z"{top},"subnets":[{{"netuid":3,"mechanism":"dynamic","tao_in":"10","alpha_in":"100"{subnet}}}]}}"#
        )
    }

    #[test]
    fn the_terms_are_read_and_written_back() {
        let text = with(
            r#","emission_bar_rank":32,"emission_gate_exponent":"3","emission_bar_quantile":"0.61","emission_gate_bar":"0.0041""#,
            r#","miner_burned":"0.25","emission_enabled":false"#,
        );
        let s = parse(&text).unwrap();
        let d = |t: &str| rust_decimal::Decimal::from_str(t).unwrap();
        assert_eq!(s.runtime.bar_rank, Some(32));
        assert_eq!(s.runtime.gate_exponent, Some(d("3")));
        assert_eq!(s.runtime.bar_quantile, Some(d("0.61")));
        assert_eq!(s.runtime.gate_bar, Some(d("0.0041")));
        assert_eq!(s.subnets[0].miner_burned, Some(d("0.25")));
        assert_eq!(s.subnets[0].emission_enabled, Some(false));
        assert_eq!(parse(&to_json(&s)).unwrap(), s);
        // Absent, they stay absent.
        let bare = parse(&with("", "")).unwrap();
        assert_eq!(
            (
                bare.runtime.bar_rank,
                bare.subnets[0].miner_burned,
                bare.subnets[0].emission_enabled
            ),
            (None, None, None)
        );
        assert!(!to_json(&bare).contains("emission"));
    }

    #[test]
    fn a_term_out_of_range_is_named() {
        for (top, subnet, message) in [
            (
                "",
                r#","miner_burned":"1.5""#,
                "Subnet 3, field “miner_burned”: must be between 0 and 1, not 1.5.",
            ),
            (
                "",
                r#","emission_enabled":"yes""#,
                "Subnet 3, field “emission_enabled”: must be true or false, not text.",
            ),
            (
                r#","emission_gate_exponent":"9""#,
                "",
                "Field “emission_gate_exponent”: must be between 1 and 8, not 9.",
            ),
            (
                r#","emission_bar_rank":70000"#,
                "",
                "Field “emission_bar_rank”: must be below 65,536.",
            ),
        ] {
            let error = parse(&with(top, subnet)).unwrap_err().to_string();
            assert!(error.ends_with(message), "{error}");
        }
    }
}
