//! Reading a wallet's positions in whatever format they come (`dtao-positions/1`, btcli's
//! `stake list --json-output`) and saying in one line what was found. Subnet data is another
//! kind of document (`snapshot::import`); each importer says when it was given the other.

use super::{btcli_stake, dtao_positions, Positions};
use crate::model::words::group_thousands;
use crate::snapshot::{import, SnapshotError, MAX_BYTES};
use serde_json::Value;

/// Whether `value` is a positions document (not subnet data).
pub fn is_positions(value: &Value) -> bool {
    dtao_positions::detect(value) || btcli_stake::detect(value)
}

/// The format's name, for a positions document.
pub fn label(value: &Value) -> Option<&'static str> {
    if dtao_positions::detect(value) {
        Some(dtao_positions::SCHEMA)
    } else if btcli_stake::detect(value) {
        Some(btcli_stake::LABEL)
    } else {
        None
    }
}

/// Read `text` as positions: the positions and one line saying what was read
/// ("btcli stake list --json-output: 1 coldkey, 7 positions read.").
pub fn import_positions(text: &str) -> Result<(Positions, String), SnapshotError> {
    if text.len() > MAX_BYTES {
        return Err(SnapshotError::TooLarge { bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(SnapshotError::Empty);
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => unwrapped(text)
            .and_then(|t| serde_json::from_str(&t).ok())
            .ok_or_else(|| SnapshotError::NotJson(e.to_string()))?,
    };
    let (positions, label) = if dtao_positions::detect(&value) {
        (dtao_positions::from_value(&value)?, dtao_positions::SCHEMA)
    } else if btcli_stake::detect(&value) {
        (btcli_stake::from_value(&value)?, btcli_stake::LABEL)
    } else if let Ok(format) = import::detect(&value) {
        return Err(SnapshotError::UnknownFormat(format!(
            "this is subnet data ({}), not a wallet's positions: load it in the data panel",
            format.label()
        )));
    } else {
        return Err(SnapshotError::UnknownFormat(format!(
            "{}; expected a wallet's positions, {} or {}",
            import::describe(&value),
            dtao_positions::SCHEMA,
            btcli_stake::LABEL
        )));
    };
    let summary = summary(&positions, label);
    Ok((positions, summary))
}

/// "dtao-positions/1: 2 coldkeys, 7 positions and 1 root basket position read (block 1,234,
/// 2026-12-07)."
pub fn summary(positions: &Positions, label: &str) -> String {
    let count = |n: usize, one: &str, many: &str| {
        format!(
            "{} {}",
            group_thousands(&n.to_string()),
            if n == 1 { one } else { many }
        )
    };
    let stakes = positions.stakes().count();
    let baskets: usize = positions.holders.iter().map(|h| h.baskets.len()).sum();
    let mut line = format!(
        "{label}: {}, {}",
        count(positions.holders.len(), "coldkey", "coldkeys"),
        count(stakes, "position", "positions")
    );
    if baskets > 0 {
        line.push_str(&format!(
            " and {}",
            count(baskets, "root basket position", "root basket positions")
        ));
    }
    line.push_str(" read");
    let mut when = Vec::new();
    if let Some(block) = positions.block {
        when.push(format!("block {}", group_thousands(&block.to_string())));
    }
    if let Some(taken) = &positions.taken_at {
        when.push(taken.get(..10).unwrap_or(taken).to_string());
    }
    if !when.is_empty() {
        line.push_str(&format!(" ({})", when.join(", ")));
    }
    line.push('.');
    line
}

/// btcli prints its JSON through a `rich` console, which wraps long lines at the terminal's
/// width, even into a file: a break inside a string (a subnet's name with a space) makes the
/// text no JSON. The text with the line breaks inside strings taken out, when there are any.
fn unwrapped(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped, mut removed) = (false, false, false);
    for c in text.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            } else if c == '\n' || c == '\r' {
                removed = true;
                continue;
            }
        } else if c == '"' {
            in_string = true;
        }
        out.push(c);
    }
    removed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

    #[test]
    fn a_wrapped_btcli_line_still_reads() {
        let text = format!(
            "{{\"stake_info\": {{\"{BOB}\": [{{\"netuid\": 3, \"subnet_name\": \"two\n words\",\n\"stake_value\": 2.5}}]}}, \"coldkey_address\": \"{ALICE}\", \"network\": \"finney\"}}\n"
        );
        let (p, line) = import_positions(&text).unwrap();
        assert_eq!(p.holders[0].stakes[0].alpha_rao, 2_500_000_000);
        assert_eq!(
            line,
            "btcli stake list --json-output: 1 coldkey, 1 position read."
        );
    }

    #[test]
    fn subnet_data_and_other_text_are_refused_with_a_sentence() {
        let e = import_positions(r#"{"schema":"dtao-snapshot/2","subnets":[]}"#).unwrap_err();
        assert!(e.to_string().contains("subnet data"), "{e}");
        let e = import_positions(r#"{"a":1}"#).unwrap_err();
        assert!(e.to_string().contains(dtao_positions::SCHEMA), "{e}");
        assert_eq!(import_positions(" ").unwrap_err(), SnapshotError::Empty);
    }
}
