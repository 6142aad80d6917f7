//! What the live module hands the app, as text: the snapshot of a read in dtao-snapshot/2 with
//! the parts that failed (`{"snapshot": "…", "failed": [{"part": "validators", "why": "…"}]}`),
//! and the chain's quote of a trade (`{"quoted": {"swapped": "…", "fee": "…", "out": "…"}}`
//! in rao, or `{"refused": true}`), and a wallet's positions in dtao-positions/1 with the parts
//! that failed (`{"positions": "…", "failed": […]}`), and a validator's history read from an
//! archive node ([`write_history`]). Written by the module, read by the app;
//! the app checks what it reads like any other data.

use super::chain::parts::{Failure, LiveRead, Part};
use super::chain::positions::PositionsRead;
use super::chain::quote::ChainQuote;
use super::dtao_snapshot;
use super::history::{BlockState, History, PastPool, Shares};
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

/// A validator's history (`chain::history`): `{"history": {"netuid", "hotkey", "points": [{
/// "number", "hash" (0x hex), "timestamp_ms", "spec", "alpha" (rao), "shares" ({"fixed": bits}
/// or {"mantissa", "exponent"}), "pool" ({"tao_in", "alpha_in", "fee", "w_tao"}), "root_price"
/// }]}}`; every integer a decimal string, anything absent `null`.
pub fn write_history(history: &History) -> String {
    let text = |n: &dyn ToString| Value::String(n.to_string());
    let opt = |n: Option<&dyn ToString>| n.map_or(Value::Null, text);
    let points: Vec<Value> = history
        .points
        .iter()
        .map(|p| {
            let shares = match p.shares {
                None => Value::Null,
                Some(Shares::Fixed { bits }) => json!({"fixed": bits.to_string()}),
                Some(Shares::Safe { mantissa, exponent }) => {
                    json!({"mantissa": mantissa.to_string(), "exponent": exponent.to_string()})
                }
            };
            let pool = p.pool.map_or(Value::Null, |q| {
                json!({"netuid": q.netuid, "tao_in": text(&q.tao_in_rao), "alpha_in": text(&q.alpha_in_rao),
                    "fee": opt(q.fee_parts.as_ref().map(|f| f as &dyn ToString)),
                    "w_tao": opt(q.w_tao_parts.as_ref().map(|w| w as &dyn ToString))})
            });
            json!({"number": text(&p.number), "hash": super::chain::keys::hex(&p.hash),
                "timestamp_ms": text(&p.timestamp_ms), "spec": p.spec_version,
                "alpha": opt(p.hotkey_alpha_rao.as_ref().map(|a| a as &dyn ToString)),
                "shares": shares, "pool": pool,
                "root_price": opt(p.root_stake_price.as_ref().map(|d| d as &dyn ToString))})
        })
        .collect();
    json!({"history": {"netuid": history.netuid, "hotkey": history.hotkey, "points": points}})
        .to_string()
}

pub fn read_history(text: &str) -> Result<History, String> {
    let value: Value = serde_json::from_str(text).map_err(|_| "it is not JSON".to_string())?;
    let h = value.get("history").ok_or("it has no history")?;
    fn num<T: std::str::FromStr>(v: &Value, k: &str) -> Result<T, String> {
        v.get(k)
            .and_then(|x| match x {
                Value::String(s) => s.parse().ok(),
                Value::Number(n) => n.to_string().parse().ok(),
                _ => None,
            })
            .ok_or_else(|| format!("its {k} is not a number"))
    }
    fn maybe<T: std::str::FromStr>(v: &Value, k: &str) -> Result<Option<T>, String> {
        match v.get(k) {
            None | Some(Value::Null) => Ok(None),
            Some(_) => num(v, k).map(Some),
        }
    }
    let points = h
        .get("points")
        .and_then(Value::as_array)
        .ok_or("it has no points")?
        .iter()
        .map(|p| {
            let hash = p
                .get("hash")
                .and_then(Value::as_str)
                .and_then(super::chain::keys::unhex)
                .and_then(|b| <[u8; 32]>::try_from(b).ok())
                .ok_or("a point's hash is not 32 bytes")?;
            let shares = match p.get("shares") {
                None | Some(Value::Null) => None,
                Some(s) if s.get("fixed").is_some() => Some(Shares::Fixed {
                    bits: num(s, "fixed")?,
                }),
                Some(s) => Some(Shares::Safe {
                    mantissa: num(s, "mantissa")?,
                    exponent: num(s, "exponent")?,
                }),
            };
            let pool = match p.get("pool") {
                None | Some(Value::Null) => None,
                Some(q) => Some(PastPool {
                    netuid: num(q, "netuid")?,
                    tao_in_rao: num(q, "tao_in")?,
                    alpha_in_rao: num(q, "alpha_in")?,
                    fee_parts: maybe(q, "fee")?,
                    w_tao_parts: maybe(q, "w_tao")?,
                }),
            };
            Ok(BlockState {
                number: num(p, "number")?,
                hash,
                timestamp_ms: num(p, "timestamp_ms")?,
                spec_version: num(p, "spec")?,
                hotkey_alpha_rao: maybe(p, "alpha")?,
                shares,
                pool,
                root_stake_price: maybe(p, "root_price")?,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(History {
        netuid: num(h, "netuid")?,
        hotkey: h
            .get("hotkey")
            .and_then(Value::as_str)
            .ok_or("it has no hotkey")?
            .to_string(),
        points,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::bundled::bundled;

    #[test]
    fn a_history_travels_whole() {
        let point = BlockState {
            number: 5_000,
            hash: [7; 32],
            timestamp_ms: 1_765_000_000_000,
            spec_version: 393,
            hotkey_alpha_rao: Some(u64::MAX),
            shares: Some(Shares::Fixed { bits: u128::MAX }),
            pool: Some(PastPool {
                netuid: 64,
                tao_in_rao: 1,
                alpha_in_rao: 2,
                fee_parts: Some(33),
                w_tao_parts: None,
            }),
            root_stake_price: None,
        };
        let later = BlockState {
            number: 15_000,
            spec_version: 461,
            hotkey_alpha_rao: None,
            shares: Some(Shares::Safe {
                mantissa: 800_000_000_000_000_000_000,
                exponent: -18,
            }),
            pool: None,
            root_stake_price: Some(rust_decimal::Decimal::new(125, 2)),
            ..point.clone()
        };
        let h = History {
            netuid: 64,
            hotkey: "5F".into(),
            points: vec![point, later],
        };
        assert_eq!(read_history(&write_history(&h)), Ok(h));
        assert!(read_history("{}").is_err());
        assert!(read_history(
            r#"{"history":{"netuid":1,"hotkey":"x","points":[{"hash":"0x00"}]}}"#
        )
        .is_err());
    }

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
