//! `dtao-snapshot`: read the chain and write the app's own format, for a site owner to publish
//! next to the app (`snapshot.json`, which the app prefers to its bundled snapshot when newer).
//!
//! cargo run --release --features writer --bin dtao-snapshot -- --rpc wss://… --out dist/snapshot.json
//!
//! With `--positions ADDRESS…` it writes those coldkeys' positions instead (dtao-positions/1,
//! `chain::positions`; default file positions.json), for a site that shows a treasury's
//! holdings.
//!
//! The reading is the app's own (`snapshot::chain`: the same calls, decoding and checks); the
//! transport is jsonrpsee's WebSocket client. The file is written whole or not at all.

use dtao_calc::snapshot::chain::positions::{self, PositionsOptions};
use dtao_calc::snapshot::chain::read::{endpoint, MemoryStore};
use dtao_calc::snapshot::chain::rpc::{Answers, Call};
use dtao_calc::snapshot::chain::{read, LiveError, ReadOptions, FINNEY};
use dtao_calc::snapshot::dtao_snapshot::write::to_json;
use dtao_calc::snapshot::positions::{address, dtao_positions};
use jsonrpsee::core::client::{ClientT, Error as ClientError};
use jsonrpsee::core::params::{ArrayParams, BatchRequestBuilder};
use jsonrpsee::ws_client::{WsClient, WsClientBuilder};
use serde_json::Value;
use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const USAGE: &str =
    "usage: dtao-snapshot [--rpc ws(s)://node] [--out FILE] [--validators all|none|N,N…]
                     [--positions ADDRESS…]
Reads every subnet from a Subtensor node and writes a dtao-snapshot/2 file.
  --rpc         the node's WebSocket address (default wss://entrypoint-finney.opentensor.ai:443)
  --out         the file to write (default snapshot.json, or positions.json with --positions);
                written whole or not at all
  --validators  whose validators (permits, alpha-only stake, takes) to read: every subnet's
                (default), none, or the netuids listed
  --positions   instead, the positions of these coldkeys (SS58 addresses, up to 16): their
                stakes, locked parts, root basket positions and free TAO, as dtao-positions/1";

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

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
struct Arguments {
    rpc: String,
    out: String,
    validators: Vec<u16>,
    /// `--positions`: the coldkeys whose positions to write instead of the subnets.
    positions: Option<Vec<String>>,
}

/// The command line, or a message saying what is wrong with it.
fn arguments(args: &[String]) -> Result<Arguments, String> {
    let (mut rpc, mut out) = (FINNEY.to_string(), None);
    let mut validators = validator_netuids("all")?;
    let mut positions: Option<Vec<String>> = None;
    let mut rest = args.iter().peekable();
    while let Some(arg) = rest.next() {
        let value = |v: Option<&String>| v.cloned().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--rpc" => rpc = value(rest.next())?,
            "--out" => out = Some(value(rest.next())?),
            "--validators" => validators = validator_netuids(&value(rest.next())?)?,
            "--positions" => {
                let mut typed = Vec::new();
                while let Some(a) = rest.next_if(|a| !a.starts_with("--")) {
                    typed.push(a.clone());
                }
                let list = address::parse_list(&typed.join(","))
                    .map_err(|e| format!("--positions: {e}"))?;
                if list.is_empty() {
                    return Err("--positions needs one or more SS58 addresses".into());
                }
                positions = Some(list);
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument “{other}”")),
        }
    }
    let out = out.unwrap_or_else(|| match positions {
        Some(_) => "positions.json".into(),
        None => "snapshot.json".into(),
    });
    Ok(Arguments {
        rpc,
        out,
        validators,
        positions,
    })
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

/// Written beside the target, then renamed: a site never serves half a file.
fn write_whole(out: &str, text: &str) -> Result<(), String> {
    let partial = format!("{out}.partial");
    std::fs::write(&partial, format!("{text}\n"))
        .and_then(|_| std::fs::rename(&partial, out))
        .map_err(|e| format!("could not write {out}: {e}"))
}

async fn run(args: &Arguments) -> Result<String, String> {
    let (rpc, out, validators_of) = (&args.rpc, args.out.as_str(), &args.validators);
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
    let store = MemoryStore::default();
    let progress = |text: &str| eprintln!("dtao-snapshot: {text}");
    if let Some(coldkeys) = &args.positions {
        let accounts = positions::accounts(coldkeys)?;
        let options = PositionsOptions {
            endpoint: &url,
            fetched_at: &fetched_at,
            coldkeys: &accounts,
        };
        let read = positions::read(&options, &store, &progress, |calls| {
            batch(&client, &url, calls)
        })
        .await
        .map_err(|e| e.to_string())?;
        if let Some(failed) = read.failed.first() {
            return Err(format!(
                "the {} could not be read: {}",
                failed.part.label(),
                failed.why
            ));
        }
        write_whole(out, &dtao_positions::to_json(&read.positions))?;
        let (stakes, holders) = positions::count(&read);
        return Ok(format!(
            "wrote {out}: {stakes} positions of {holders} coldkeys at block {}",
            read.positions.block.unwrap_or_default()
        ));
    }
    let options = ReadOptions {
        endpoint: &url,
        fetched_at: &fetched_at,
        validators_of,
    };
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
    write_whole(out, &to_json(&snapshot))?;
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
    let parsed = match arguments(&args) {
        Ok(parsed) => parsed,
        Err(why) => {
            if !why.is_empty() {
                eprintln!("dtao-snapshot: {why}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(if why.is_empty() { 0 } else { 2 });
        }
    };
    match run(&parsed).await {
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
        let all = args(&[]).unwrap();
        assert_eq!(
            (
                all.rpc.as_str(),
                all.out.as_str(),
                all.validators.len(),
                all.positions
            ),
            (FINNEY, "snapshot.json", 65_535, None)
        );
        let given = [
            "--rpc",
            "ws://x",
            "--out",
            "a.json",
            "--validators",
            "64, 1",
        ];
        let some = args(&given).unwrap();
        assert_eq!(
            (some.rpc.as_str(), some.out.as_str(), some.validators),
            ("ws://x", "a.json", vec![64, 1])
        );
        assert!(args(&["--validators", "none"])
            .unwrap()
            .validators
            .is_empty());
        assert_eq!(
            args(&["--validators", "x"]).unwrap_err(),
            "--validators: “x” is not a netuid"
        );
        assert_eq!(args(&["--rpc"]).unwrap_err(), "--rpc needs a value");
        assert_eq!(args(&["--what"]).unwrap_err(), "unknown argument “--what”");
    }

    #[test]
    fn positions_take_the_addresses_that_follow() {
        const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
        const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
        let args = |a: &[&str]| arguments(&a.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        let read = args(&["--positions", ALICE, BOB, "--rpc", "ws://x"]).unwrap();
        assert_eq!(
            read.positions,
            Some(vec![ALICE.to_string(), BOB.to_string()])
        );
        assert_eq!(
            (read.rpc.as_str(), read.out.as_str()),
            ("ws://x", "positions.json")
        );
        let out = args(&["--out", "t.json", "--positions", ALICE]).unwrap();
        assert_eq!(out.out, "t.json");
        assert_eq!(
            args(&["--positions"]).unwrap_err(),
            "--positions needs one or more SS58 addresses"
        );
        let bad = args(&["--positions", ALICE, "5Grwva"]).unwrap_err();
        assert!(bad.starts_with("--positions: Address 2:"), "{bad}");
    }
}
