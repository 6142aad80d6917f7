//! Reading subnet data in whatever format it comes: detect the format, parse it, and say in one
//! line what was found. Validator lists (Taostats yield) are added to the data in use.

use super::{
    btcli, dtao_snapshot, metagraphed, positions, taostats_pool, taostats_yield, Snapshot,
    SnapshotError, MAX_BYTES,
};
use crate::model::words::group_thousands;
use serde_json::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// This app's own, `dtao-snapshot/1`.
    DtaoV1,
    /// This app's own, `dtao-snapshot/2` (curves, fee rates, alpha-only stake).
    DtaoV2,
    TaostatsPool,
    TaostatsYield,
    Btcli,
    Metagraphed,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::DtaoV1 => dtao_snapshot::SCHEMA_V1,
            Format::DtaoV2 => dtao_snapshot::SCHEMA,
            Format::TaostatsPool => taostats_pool::LABEL,
            Format::TaostatsYield => taostats_yield::LABEL,
            Format::Btcli => btcli::LABEL,
            Format::Metagraphed => metagraphed::LABEL,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub snapshot: Snapshot,
    pub format: Format,
    /// "Taostats dtao/pool/latest/v1: 94 subnets read (block 5,373,800, 2025-04-17)."
    pub summary: String,
}

/// Read `text` in any supported format. `current` is the data in use, which a validator list
/// is added to; it is never changed here.
pub fn import(text: &str, current: &Snapshot) -> Result<Imported, SnapshotError> {
    if text.len() > MAX_BYTES {
        return Err(SnapshotError::TooLarge { bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(SnapshotError::Empty);
    }
    let value: Value =
        serde_json::from_str(text).map_err(|e| SnapshotError::NotJson(e.to_string()))?;
    let format = detect(&value)?;
    let (snapshot, summary) = match format {
        Format::DtaoV1 | Format::DtaoV2 => counted(dtao_snapshot::from_value(&value)?, format),
        Format::TaostatsPool => counted(taostats_pool::from_value(&value)?, format),
        Format::Btcli => counted(btcli::from_value(&value)?, format),
        Format::Metagraphed => counted(metagraphed::from_value(&value)?, format),
        Format::TaostatsYield => {
            taostats_yield::apply(current, taostats_yield::validators(&value)?)?
        }
    };
    Ok(Imported {
        snapshot,
        format,
        summary,
    })
}

/// Which format `value` is in.
pub fn detect(value: &Value) -> Result<Format, SnapshotError> {
    if let Some(schema) = value.get("schema") {
        return match schema.as_str() {
            Some(dtao_snapshot::SCHEMA_V1) => Ok(Format::DtaoV1),
            Some(dtao_snapshot::SCHEMA) => Ok(Format::DtaoV2),
            Some(positions::dtao_positions::SCHEMA) => Err(not_subnet_data(value)),
            Some(other) => {
                let shown: String = other.chars().take(40).collect();
                Err(SnapshotError::UnknownFormat(format!(
                    "schema “{shown}” is not supported; this app reads {} and {}",
                    dtao_snapshot::SCHEMA_V1,
                    dtao_snapshot::SCHEMA
                )))
            }
            None => Err(SnapshotError::UnknownFormat(
                "“schema” should be the text dtao-snapshot/2 (or /1)".to_string(),
            )),
        };
    }
    if positions::import::is_positions(value) {
        return Err(not_subnet_data(value));
    }
    if taostats_yield::detect(value) {
        return Ok(Format::TaostatsYield);
    }
    if taostats_pool::detect(value) {
        return Ok(Format::TaostatsPool);
    }
    if btcli::detect(value) {
        return Ok(Format::Btcli);
    }
    if metagraphed::detect(value) {
        return Ok(Format::Metagraphed);
    }
    if value
        .get("data")
        .and_then(Value::as_array)
        .is_some_and(Vec::is_empty)
    {
        return Err(SnapshotError::NoSubnets);
    }
    Err(SnapshotError::UnknownFormat(format!(
        "{}; expected dtao-snapshot/1 or /2, Taostats pool or validator-yield, btcli subnets list, or the metagraphed registry dump",
        describe(value)
    )))
}

/// A wallet's positions given as subnet data: where they go instead.
fn not_subnet_data(value: &Value) -> SnapshotError {
    let label = positions::import::label(value).unwrap_or("positions");
    SnapshotError::UnknownFormat(format!(
        "this is a wallet's positions ({label}), not subnet data: open “Your positions” to load it"
    ))
}

/// What a document of no known format looks like, in words.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let keys: Vec<String> = map
                .keys()
                .take(6)
                .map(|k| format!("“{}”", crate::model::words::shorten(k)))
                .collect();
            if keys.is_empty() {
                "an empty JSON object".to_string()
            } else {
                format!("a JSON object with {}", keys.join(", "))
            }
        }
        Value::Array(items) => format!("a JSON list of {} items", items.len()),
        Value::String(_) => "a JSON string".to_string(),
        Value::Number(_) => "a JSON number".to_string(),
        Value::Bool(_) => "true or false".to_string(),
        Value::Null => "null".to_string(),
    }
}

fn counted(snapshot: Snapshot, format: Format) -> (Snapshot, String) {
    let mut summary = format!("{}: {} subnets", format.label(), snapshot.subnets.len());
    let validators = snapshot.validator_total();
    if validators > 0 {
        summary.push_str(&format!(" and {validators} validators"));
    }
    summary.push_str(" read");
    let mut when = Vec::new();
    if let Some(block) = snapshot.block {
        when.push(format!("block {}", group_thousands(&block.to_string())));
    }
    if let Some(date) = snapshot.date() {
        when.push(date.to_string());
    }
    if !when.is_empty() {
        summary.push_str(&format!(" ({})", when.join(", ")));
    }
    summary.push('.');
    (snapshot, summary)
}
