//! `dtao-snapshot`: read the chain and write the app's own format, for a site owner to publish
//! next to the app (`snapshot.json`, which the app prefers to its bundled snapshot when newer).
//!
//! cargo run --release --features writer --bin dtao-snapshot -- --rpc wss://… --out dist/snapshot.json
//!
//! The reading is the app's own (`snapshot::chain`: the same calls, decoding and checks); the
//! transport is jsonrpsee's WebSocket client. The file is written whole or not at all.

use dtao_calc::snapshot::chain::read::{endpoint, MemoryStore};
use dtao_calc::snapshot::chain::rpc::{Answers, Call};
use dtao_calc::snapshot::chain::{read, LiveError, ReadOptions, FINNEY};
use dtao_calc::snapshot::dtao_snapshot::write::to_json;
use jsonrpsee::core::client::{ClientT, Error as ClientError};
use jsonrpsee::core::params::{ArrayParams, BatchRequestBuilder};
use jsonrpsee::ws_client::{WsClient, WsClientBuilder};
use serde_json::Value;
use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const USAGE: &str =
    "usage: dtao-snapshot [--rpc ws(s)://node] [--out snapshot.json] [--validators all|none|N,N…]
Reads every subnet from a Subtensor node and writes a dtao-snapshot/2 file.
  --rpc         the node's WebSocket address (default wss://entrypoint-finney.opentensor.ai:443)
  --out         the file to write (default snapshot.json); written whole or not at all
  --validators  whose validators (permits, alpha-only stake, takes) to read: every subnet's
                (default), none, or the netuids listed";

/// What `--validators` asks for.
fn validator_netuids(text: &str) -> Result<Vec<u16>, String> {
    match text {
        "all" => Ok((1..=u16::MAX).collect()),
        "none" => Ok(Vec::new()),
        list => list
            .split(',')
            .map(|n| {
                n.trim()
                    .parse::<u16>()
                    .map_err(|_| format!("--validators: “{n}” is not a netuid"))
            })
            .collect(),
    }
}

/// The command line (node, file, whose validators), or a message saying what is wrong with it.
fn arguments(args: &[String]) -> Result<(String, String, Vec<u16>), String> {
    let (mut rpc, mut out) = (FINNEY.to_string(), "snapshot.json".to_string());
    let mut validators = validator_netuids("all")?;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let value = |v: Option<&String>| v.cloned().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--rpc" => rpc = value(rest.next())?,
            "--out" => out = value(rest.next())?,
            "--validators" => validators = validator_netuids(&value(rest.next())?)?,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument “{other}”")),
        }
    }
    Ok((rpc, out, validators))
}

/// `secs` since the epoch as ISO 8601 UTC (days to civil date: Howard Hinnant's algorithm).
fn iso_utc(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let (h, m, s) = (secs % 86_400 / 3600, secs % 3600 / 60, secs % 60);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}Z")
}

fn client_error(e: ClientError, url: &str, method: &str) -> LiveError {
    match e {
        ClientError::RequestTimeout => LiveError::Timeout(REQUEST_SECONDS),
        ClientError::Call(e) => LiveError::Rpc {
            method: method.to_string(),
            code: i64::from(e.code()),
            message: e.message().to_string(),
        },
        ClientError::ParseError(e) => LiveError::Reply {
            method: method.to_string(),
            why: e.to_string(),
        },
        _ => LiveError::Unreachable(url.to_string()),
    }
}

/// How long a batch may take (the metadata, fetched once per runtime, is the largest).
const REQUEST_SECONDS: u32 = 60;

/// One round: the calls as one JSON-RPC batch, each call's answer in the calls' order.
async fn batch(client: &WsClient, url: &str, calls: Vec<Call>) -> Result<Answers, LiveError> {
    let first = calls.first().map(|c| c.method).unwrap_or("a batch");
    let mut builder = BatchRequestBuilder::new();
    for call in &calls {
        let mut params = ArrayParams::new();
        for p in call.params.as_array().into_iter().flatten() {
            params
                .insert(p)
                .map_err(|e| client_error(ClientError::ParseError(e), url, call.method))?;
        }
        builder
            .insert(call.method, params)
            .map_err(|e| client_error(ClientError::ParseError(e), url, call.method))?;
    }
    let response = client
        .batch_request::<Value>(builder)
        .await
        .map_err(|e| client_error(e, url, first))?;
    let answers: Answers = response
        .into_iter()
        .zip(&calls)
        .map(|(r, call)| {
            r.map_err(|e| client_error(ClientError::Call(e.into_owned()), url, call.method))
        })
        .collect();
    if answers.len() != calls.len() {
        return Err(LiveError::reply(first, "not one answer per call"));
    }
    Ok(answers)
}

async fn run(rpc: &str, out: &str, validators_of: &[u16]) -> Result<String, String> {
    let url = endpoint(rpc).map_err(|e| e.to_string())?;
    let client = WsClientBuilder::default()
        .connection_timeout(Duration::from_secs(10))
        .request_timeout(Duration::from_secs(u64::from(REQUEST_SECONDS)))
        .max_response_size(64 << 20)
        .build(&url)
        .await
        .map_err(|_| LiveError::Unreachable(url.clone()).to_string())?;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let fetched_at = iso_utc(now);
    let options = ReadOptions {
        endpoint: &url,
        fetched_at: &fetched_at,
        validators_of,
    };
    let store = MemoryStore::default();
    let progress = |text: &str| eprintln!("dtao-snapshot: {text}");
    let live = read(&options, &store, &progress, |calls| {
        batch(&client, &url, calls)
    })
    .await
    .map_err(|e| e.to_string())?;
    // A site's file is whole or not written: a part that failed is named instead.
    if let Some(failed) = live.failed.first() {
        return Err(format!(
            "the {} could not be read: {}",
            failed.part.label(),
            failed.why
        ));
    }
    let snapshot = live.snapshot;
    // Written beside the target, then renamed: a site never serves half a file.
    let partial = format!("{out}.partial");
    std::fs::write(&partial, to_json(&snapshot) + "\n")
        .and_then(|_| std::fs::rename(&partial, out))
        .map_err(|e| format!("could not write {out}: {e}"))?;
    Ok(format!(
        "wrote {out}: {} subnets of {} at block {} (runtime spec {})",
        snapshot.subnets.len(),
        snapshot.network,
        snapshot.block.unwrap_or_default(),
        snapshot.runtime.spec_version.unwrap_or_default()
    ))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (rpc, out, validators) = match arguments(&args) {
        Ok(parsed) => parsed,
        Err(why) => {
            if !why.is_empty() {
                eprintln!("dtao-snapshot: {why}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(if why.is_empty() { 0 } else { 2 });
        }
    };
    match run(&rpc, &out, &validators).await {
        Ok(done) => {
            println!("{done}");
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("dtao-snapshot: {why} Nothing was written.");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_utc_iso() {
        assert_eq!(iso_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_utc(1_795_550_400), "2026-11-24T20:00:00Z");
        assert_eq!(iso_utc(951_782_400), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn arguments_are_read_or_refused() {
        let args = |a: &[&str]| arguments(&a.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        let (rpc, out, all) = args(&[]).unwrap();
        assert_eq!(
            (rpc.as_str(), out.as_str(), all.len()),
            (FINNEY, "snapshot.json", 65_535)
        );
        let given = [
            "--rpc",
            "ws://x",
            "--out",
            "a.json",
            "--validators",
            "64, 1",
        ];
        let (rpc, out, some) = args(&given).unwrap();
        assert_eq!(
            (rpc.as_str(), out.as_str(), some),
            ("ws://x", "a.json", vec![64, 1])
        );
        assert!(args(&["--validators", "none"]).unwrap().2.is_empty());
        assert_eq!(
            args(&["--validators", "x"]).unwrap_err(),
            "--validators: “x” is not a netuid"
        );
        assert_eq!(args(&["--rpc"]).unwrap_err(), "--rpc needs a value");
        assert_eq!(args(&["--what"]).unwrap_err(), "unknown argument “--what”");
    }
}
