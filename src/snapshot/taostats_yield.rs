//! Taostats `GET /api/dtao/validator/yield/latest/v1`: `data: [{hotkey: {ss58, hex}, name,
//! netuid, stake (rao), one_hour_apy, one_day_apy, seven_day_apy, thirty_day_apy}]`, APYs as
//! fractions (SPEC §5). It holds no pools: it adds validators to the subnets already in use.

use super::fields::{kind, opt_decimal, opt_text, optional, rao_value, required, Place};
use super::rows::{netuid, row_object};
use super::{Snapshot, SnapshotError, Validator};
use crate::model::num::units::rao_to_decimal;
use serde_json::Value;
use std::collections::BTreeMap;

pub const LABEL: &str = "Taostats dtao/validator/yield/latest/v1";

pub fn detect(value: &Value) -> bool {
    let Some(row) = value
        .get("data")
        .and_then(Value::as_array)
        .and_then(|rows| rows.first())
    else {
        return false;
    };
    row.get("hotkey").is_some()
        && ["one_day_apy", "seven_day_apy", "thirty_day_apy"]
            .iter()
            .any(|k| row.get(k).is_some())
}

/// Validators per subnet, in the order given.
pub fn validators(value: &Value) -> Result<BTreeMap<u16, Vec<Validator>>, SnapshotError> {
    let obj = value.as_object().ok_or(SnapshotError::NoSubnets)?;
    let Value::Array(rows) = required(obj, "data", Place::TOP)? else {
        return Err(Place::TOP.error("data", "expected a list of validators."));
    };
    let mut by_subnet: BTreeMap<u16, Vec<Validator>> = BTreeMap::new();
    for (index, row) in rows.iter().enumerate() {
        let prefix = format!("data[{}].", index + 1);
        let at = Place::TOP.within(&prefix);
        let row = row_object(row, at)?;
        let netuid = netuid(row, at)?;
        let hotkey = match required(row, "hotkey", at)? {
            Value::String(s) => s.clone(),
            Value::Object(h) => match h.get("ss58") {
                Some(Value::String(s)) => s.clone(),
                _ => return Err(at.error("hotkey.ss58", "missing; it is required.")),
            },
            other => {
                return Err(at.error(
                    "hotkey",
                    format!("expected an address, found {}.", kind(other)),
                ))
            }
        };
        let stake = optional(row, "stake", at, rao_value)?;
        let apy_1h = opt_decimal(row, "one_hour_apy", at)?;
        let apy_1d = opt_decimal(row, "one_day_apy", at)?;
        let apy_7d = opt_decimal(row, "seven_day_apy", at)?;
        let apy_30d = opt_decimal(row, "thirty_day_apy", at)?;
        by_subnet.entry(netuid).or_default().push(Validator {
            name: opt_text(row, "name", at)?.unwrap_or_default(),
            hotkey,
            take: None,
            alpha_stake: stake.map(rao_to_decimal),
            apy: apy_30d.or(apy_7d).or(apy_1d).or(apy_1h),
            apy_1h,
            apy_1d,
            apy_7d,
            apy_30d,
        });
    }
    Ok(by_subnet)
}

/// The snapshot in use with these validators on its subnets (replacing any it had there), and a
/// line saying what happened.
pub fn apply(
    current: &Snapshot,
    by_subnet: BTreeMap<u16, Vec<Validator>>,
) -> Result<(Snapshot, String), SnapshotError> {
    let mut next = current.clone();
    let (mut added, mut subnets, mut skipped) = (0usize, 0usize, 0usize);
    for (netuid, validators) in by_subnet {
        match next.subnets.iter_mut().find(|s| s.netuid == netuid) {
            Some(subnet) => {
                added += validators.len();
                subnets += 1;
                subnet.validators = validators;
            }
            None => skipped += validators.len(),
        }
    }
    if added == 0 {
        return Err(SnapshotError::UnknownFormat(format!(
            "{LABEL}: none of its validators are on a subnet in the data in use"
        )));
    }
    let mut summary = format!("{LABEL}: added {added} validators to {subnets} subnets");
    if skipped > 0 {
        summary.push_str(&format!(
            "; skipped {skipped} on subnets not in the data in use"
        ));
    }
    summary.push('.');
    Ok((next, summary))
}
