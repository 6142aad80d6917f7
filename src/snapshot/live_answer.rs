//! What the live module hands the app, as text: the snapshot of a read in dtao-snapshot/2 with
//! the parts that failed (`{"snapshot": "…", "failed": [{"part": "validators", "why": "…"}]}`),
//! and the chain's quote of a trade (`{"quoted": {"swapped": "…", "fee": "…", "out": "…"}}`
//! in rao, or `{"refused": true}`), and a wallet's positions in dtao-positions/1 with the parts
//! that failed (`{"positions": "…", "failed": […]}`). Written by the module, read by the app;
//! the app checks what it reads like any other data.

use super::chain::parts::{Failure, LiveRead, Part};
use super::chain::positions::PositionsRead;
use super::chain::quote::ChainQuote;
use super::dtao_snapshot;
use super::positions::dtao_positions;
use serde_json::{json, Value};

fn write_failed(failed: &[Failure]) -> Vec<Value> {
    failed
        .iter()
        .map(|f| json!({"part": f.part.key(), "why": f.why}))
        .collect()
}

fn read_failed(value: &Value) -> Result<Vec<Failure>, String> {
    value
        .get("failed")
        .and_then(Value::as_array)
        .ok_or("it does not list failed parts")?
        .iter()
        .map(|f| {
            Some(Failure {
                part: Part::from_key(f.get("part")?.as_str()?)?,
                why: f.get("why")?.as_str()?.to_string(),
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| "a failed part is not one this app knows".to_string())
}

pub fn write_read(read: &LiveRead) -> String {
    json!({"snapshot": dtao_snapshot::write::to_json(&read.snapshot), "failed": write_failed(&read.failed)}).to_string()
}

pub fn write_positions(read: &PositionsRead) -> String {
    json!({"positions": dtao_positions::to_json(&read.positions), "failed": write_failed(&read.failed)}).to_string()
}

pub fn read_positions(text: &str) -> Result<PositionsRead, String> {
    let value: Value = serde_json::from_str(text).map_err(|_| "it is not JSON".to_string())?;
    let positions = value
        .get("positions")
        .and_then(Value::as_str)
        .ok_or("it has no positions")?;
    Ok(PositionsRead {
        positions: dtao_positions::parse(positions).map_err(|e| e.to_string())?,
        failed: read_failed(&value)?,
    })
}

pub fn read_read(text: &str) -> Result<LiveRead, String> {
    let value: Value = serde_json::from_str(text).map_err(|_| "it is not JSON".to_string())?;
    let snapshot = value
        .get("snapshot")
        .and_then(Value::as_str)
        .ok_or("it has no snapshot")?;
    let snapshot = dtao_snapshot::parse(snapshot).map_err(|e| e.to_string())?;
    let failed = read_failed(&value)?;
    Ok(LiveRead { snapshot, failed })
}

pub fn write_quote(quote: &ChainQuote) -> String {
    match quote {
        ChainQuote::Quoted {
            swapped_rao,
            fee_rao,
            out_rao,
        } => json!({"quoted": {"swapped": swapped_rao.to_string(), "fee": fee_rao.to_string(), "out": out_rao.to_string()}}),
        ChainQuote::Refused => json!({"refused": true}),
    }
    .to_string()
}

pub fn read_quote(text: &str) -> Result<ChainQuote, String> {
    let value: Value = serde_json::from_str(text).map_err(|_| "it is not JSON".to_string())?;
    if value.get("refused").and_then(Value::as_bool) == Some(true) {
        return Ok(ChainQuote::Refused);
    }
    let q = value.get("quoted").ok_or("it is not a quote")?;
    let rao = |k: &str| -> Result<u64, String> {
        q.get(k)
            .and_then(Value::as_str)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("its {k} is not rao"))
    };
    Ok(ChainQuote::Quoted {
        swapped_rao: rao("swapped")?,
        fee_rao: rao("fee")?,
        out_rao: rao("out")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::bundled::bundled;

    #[test]
    fn reads_and_quotes_travel_whole() {
        let read = LiveRead {
            snapshot: bundled(),
            failed: vec![Failure {
                part: Part::Validators,
                why: "The node refused state_call.".into(),
            }],
        };
        let back = read_read(&write_read(&read)).unwrap();
        assert_eq!(back.failed, read.failed);
        assert_eq!(back.snapshot.subnets.len(), 129);
        for q in [
            ChainQuote::Refused,
            ChainQuote::Quoted {
                swapped_rao: u64::MAX,
                fee_rao: 1,
                out_rao: 2,
            },
        ] {
            assert_eq!(read_quote(&write_quote(&q)), Ok(q));
        }
        assert!(read_read("{}").is_err());
        assert!(read_read(r#"{"snapshot":"{}","failed":[]}"#).is_err());
        assert!(read_quote(r#"{"quoted":{"out":"-1"}}"#).is_err());
    }
}
