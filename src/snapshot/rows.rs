//! What every importer does with its list of subnets: find the list, read each row as an object
//! with its netuid, refuse a dynamic pool without a price and a subnet listed twice. One place,
//! so every format words these errors alike.

use super::fields::{kind, required, whole, Place};
use super::{SnapshotError, Subnet};
use crate::model::num::units::rao_to_decimal;
use crate::model::pool::Mechanism;
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// The list of subnets (or pools) under `key`; an empty list is no data.
pub fn subnet_list<'v>(
    obj: &'v Map<String, Value>,
    key: &str,
    what: &str,
) -> Result<&'v [Value], SnapshotError> {
    let Value::Array(items) = required(obj, key, Place::TOP)? else {
        return Err(Place::TOP.error(key, format!("expected a list of {what}.")));
    };
    if items.is_empty() {
        return Err(SnapshotError::NoSubnets);
    }
    Ok(items)
}

/// The position of a row in its list as people count, for errors before its netuid is known.
pub fn position(index: usize) -> String {
    format!("#{}", index + 1)
}

/// A row of a list, which must be an object.
pub fn row_object<'v>(item: &'v Value, at: Place) -> Result<&'v Map<String, Value>, SnapshotError> {
    item.as_object()
        .ok_or_else(|| at.error("", format!("expected an object, found {}.", kind(item))))
}

/// The row's `netuid`, 0 to 65535.
pub fn netuid(row: &Map<String, Value>, at: Place) -> Result<u16, SnapshotError> {
    u16::try_from(whole(row, "netuid", at)?).map_err(|_| at.error("netuid", "must be 0 to 65535."))
}

/// A dynamic pool needs both tokens to have a price; a stable one may be empty. The keys are
/// the format's own names for TAO and alpha in the pool.
pub fn priced(
    mechanism: Mechanism,
    (tao_key, tao_in_rao): (&str, u64),
    (alpha_key, alpha_in_rao): (&str, u64),
    at: Place,
) -> Result<(), SnapshotError> {
    if mechanism == Mechanism::Stable || (tao_in_rao > 0 && alpha_in_rao > 0) {
        return Ok(());
    }
    let field = if tao_in_rao == 0 { tao_key } else { alpha_key };
    Err(at.error(
        field,
        "must be more than 0: a pool needs both tokens to have a price.",
    ))
}

/// The netuids read so far, so that a subnet listed twice is refused where it appears.
#[derive(Default)]
pub struct Netuids(BTreeSet<u16>);

impl Netuids {
    pub fn first_time(&mut self, netuid: u16) -> Result<(), SnapshotError> {
        if self.0.insert(netuid) {
            Ok(())
        } else {
            Err(SnapshotError::DuplicateNetuid(netuid))
        }
    }
}

/// The TAO staked on root, for formats that only give root's pool: its TAO reserve.
pub fn root_tao_staked(subnets: &[Subnet]) -> Option<Decimal> {
    subnets
        .iter()
        .find(|s| s.mechanism == Mechanism::Stable)
        .map(|s| rao_to_decimal(s.tao_in_rao))
}
