//! Reading one field of a JSON object with an error that names it. Amounts may be strings or
//! numbers (serde_json keeps numbers as their text, so nothing passes through f64).

use super::SnapshotError;
use crate::model::num::units::decimal_to_rao;
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::str::FromStr;

/// Where a field sits, for error messages.
#[derive(Clone, Copy)]
pub struct Place<'a> {
    pub netuid: Option<&'a str>,
    pub prefix: &'a str,
}

impl<'a> Place<'a> {
    /// The top of the document.
    pub const TOP: Place<'static> = Place {
        netuid: None,
        prefix: "",
    };

    /// A subnet's row, named by its netuid (or its position before the netuid is known).
    pub fn subnet(label: &'a str) -> Self {
        Place {
            netuid: Some(label),
            prefix: "",
        }
    }

    /// A field nested in this place, such as `economics.`.
    pub fn within(self, prefix: &'a str) -> Self {
        Place { prefix, ..self }
    }

    pub fn error(&self, field: &str, problem: impl Into<String>) -> SnapshotError {
        SnapshotError::Field {
            netuid: self.netuid.map(str::to_string),
            field: format!("{}{}", self.prefix, field),
            problem: problem.into(),
        }
    }
}

pub fn required<'v>(
    obj: &'v Map<String, Value>,
    key: &str,
    at: Place,
) -> Result<&'v Value, SnapshotError> {
    match obj.get(key) {
        None | Some(Value::Null) => Err(at.error(key, "missing; it is required.")),
        Some(v) => Ok(v),
    }
}

fn present<'v>(obj: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    obj.get(key).filter(|v| !v.is_null())
}

/// A field that may be absent or null, read by `read` when it is there.
pub fn optional<T>(
    obj: &Map<String, Value>,
    key: &str,
    at: Place,
    read: impl Fn(&Value, &str, Place) -> Result<T, SnapshotError>,
) -> Result<Option<T>, SnapshotError> {
    present(obj, key).map(|v| read(v, key, at)).transpose()
}

/// The number's text, from a JSON number or a string.
fn number_text<'v>(
    v: &'v Value,
    key: &str,
    at: Place,
) -> Result<std::borrow::Cow<'v, str>, SnapshotError> {
    match v {
        Value::String(s) => Ok(std::borrow::Cow::Borrowed(s.trim())),
        Value::Number(n) => Ok(std::borrow::Cow::Owned(n.to_string())),
        other => Err(at.error(key, format!("expected a number, found {}.", kind(other)))),
    }
}

pub fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

pub fn decimal_value(v: &Value, key: &str, at: Place) -> Result<Decimal, SnapshotError> {
    let text = number_text(v, key, at)?;
    let parsed = if text.contains(['e', 'E']) {
        Decimal::from_scientific(&text)
    } else {
        Decimal::from_str(&text)
    };
    parsed.map_err(|_| {
        let shown = crate::model::words::shorten(&text);
        at.error(key, format!("“{shown}” is not a finite decimal number."))
    })
}

pub fn decimal(obj: &Map<String, Value>, key: &str, at: Place) -> Result<Decimal, SnapshotError> {
    decimal_value(required(obj, key, at)?, key, at)
}

pub fn opt_decimal(
    obj: &Map<String, Value>,
    key: &str,
    at: Place,
) -> Result<Option<Decimal>, SnapshotError> {
    optional(obj, key, at, decimal_value)
}

/// A non-negative decimal amount in TAO or alpha with at most 9 decimals, as rao.
pub fn amount_value(v: &Value, key: &str, at: Place) -> Result<u64, SnapshotError> {
    let d = decimal_value(v, key, at)?;
    if d.is_sign_negative() && !d.is_zero() {
        return Err(at.error(key, "must not be negative."));
    }
    decimal_to_rao(d).ok_or_else(|| {
        if d.normalize().scale() > 9 {
            at.error(key, "has more than 9 decimal places (1 rao = 0.000000001).")
        } else {
            at.error(key, "is too large.")
        }
    })
}

/// An amount from a tool that writes floats: more than 9 decimals (float noise such as
/// `0.30000000000000004`) is cut to whole rao instead of refused.
pub fn amount_lenient_value(v: &Value, key: &str, at: Place) -> Result<u64, SnapshotError> {
    let d = decimal_value(v, key, at)?;
    if d.is_sign_negative() && !d.is_zero() {
        return Err(at.error(key, "must not be negative."));
    }
    decimal_to_rao(d.trunc_with_scale(9)).ok_or_else(|| at.error(key, "is too large."))
}

/// An amount in rao (an integer, as a number or a string).
pub fn rao_value(v: &Value, key: &str, at: Place) -> Result<u64, SnapshotError> {
    let d = decimal_value(v, key, at)?;
    if d.is_sign_negative() && !d.is_zero() {
        return Err(at.error(key, "must not be negative."));
    }
    if d.fract() != Decimal::ZERO {
        return Err(at.error(key, "must be a whole number of rao."));
    }
    use rust_decimal::prelude::ToPrimitive;
    d.to_u64().ok_or_else(|| at.error(key, "is too large."))
}

pub fn amount(obj: &Map<String, Value>, key: &str, at: Place) -> Result<u64, SnapshotError> {
    amount_value(required(obj, key, at)?, key, at)
}

pub fn opt_amount(
    obj: &Map<String, Value>,
    key: &str,
    at: Place,
) -> Result<Option<u64>, SnapshotError> {
    optional(obj, key, at, amount_value)
}

pub fn whole_value(v: &Value, key: &str, at: Place) -> Result<u64, SnapshotError> {
    let d = decimal_value(v, key, at)?;
    use rust_decimal::prelude::ToPrimitive;
    if d.fract() != Decimal::ZERO || d.is_sign_negative() {
        return Err(at.error(key, "must be a whole number, 0 or more."));
    }
    d.to_u64().ok_or_else(|| at.error(key, "is too large."))
}

pub fn whole(obj: &Map<String, Value>, key: &str, at: Place) -> Result<u64, SnapshotError> {
    whole_value(required(obj, key, at)?, key, at)
}

pub fn opt_whole(
    obj: &Map<String, Value>,
    key: &str,
    at: Place,
) -> Result<Option<u64>, SnapshotError> {
    optional(obj, key, at, whole_value)
}

pub fn text(obj: &Map<String, Value>, key: &str, at: Place) -> Result<String, SnapshotError> {
    match required(obj, key, at)? {
        Value::String(s) => Ok(s.clone()),
        other => Err(at.error(key, format!("expected text, found {}.", kind(other)))),
    }
}

pub fn opt_text(
    obj: &Map<String, Value>,
    key: &str,
    at: Place,
) -> Result<Option<String>, SnapshotError> {
    match present(obj, key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(at.error(key, format!("expected text, found {}.", kind(other)))),
    }
}
