//! JSON-RPC 2.0 messages: the calls the reader makes and the replies it takes back. The
//! transport (the browser's WebSocket, or jsonrpsee natively) only carries them.

use super::error::LiveError;
use serde_json::{json, Value};

/// One JSON-RPC call.
#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    pub method: &'static str,
    pub params: Value,
}

impl Call {
    pub fn new(method: &'static str, params: Value) -> Self {
        Call { method, params }
    }
}

/// The calls as one JSON-RPC batch, with ids `first_id`, `first_id + 1`, ….
pub fn batch_text(calls: &[Call], first_id: u64) -> String {
    let list: Vec<Value> = calls
        .iter()
        .zip(first_id..)
        .map(|(call, id)| json!({"jsonrpc": "2.0", "id": id, "method": call.method, "params": call.params}))
        .collect();
    Value::Array(list).to_string()
}

/// Each call's own answer, in the calls' order.
pub type Answers = Vec<Result<Value, LiveError>>;

/// The answers of a batch's reply, in the calls' order (a node may answer in any order). The
/// reply as a whole fails when it is not a batch's answer; one refused call fails only itself.
pub fn batch_results(text: &str, calls: &[Call], first_id: u64) -> Result<Answers, LiveError> {
    let first = calls.first().map(|c| c.method).unwrap_or("the batch");
    let reply = |why: String| LiveError::Reply {
        method: first.to_string(),
        why,
    };
    let value: Value = serde_json::from_str(text).map_err(|_| reply("not JSON".into()))?;
    let items = match value {
        Value::Array(items) => items,
        // A node that refuses batches answers with one error object.
        single @ Value::Object(_) => {
            return Err(error_of(&single, first).unwrap_or_else(|| reply("not a list".into())))
        }
        _ => return Err(reply("not a list".into())),
    };
    let mut results: Vec<Option<Result<Value, LiveError>>> = vec![None; calls.len()];
    for item in items {
        let slot = item
            .get("id")
            .and_then(Value::as_u64)
            .and_then(|id| id.checked_sub(first_id))
            .and_then(|i| usize::try_from(i).ok())
            .filter(|i| *i < calls.len());
        let Some(i) = slot else {
            return Err(
                error_of(&item, first).unwrap_or_else(|| reply("an answer to no call".into()))
            );
        };
        let method = calls[i].method;
        results[i] = Some(match (error_of(&item, method), item.get("result")) {
            (Some(error), _) => Err(error),
            (None, Some(result)) => Ok(result.clone()),
            (None, None) => Err(LiveError::Reply {
                method: method.to_string(),
                why: "no result".into(),
            }),
        });
    }
    Ok(results
        .into_iter()
        .zip(calls)
        .map(|(r, call)| {
            r.unwrap_or_else(|| {
                Err(LiveError::Reply {
                    method: call.method.to_string(),
                    why: "no answer".into(),
                })
            })
        })
        .collect())
}

/// Every answer, or the first refusal in the calls' order.
pub fn all(answers: Answers) -> Result<Vec<Value>, LiveError> {
    answers.into_iter().collect()
}

/// The JSON-RPC error an answer carries, if it is one.
fn error_of(item: &Value, method: &str) -> Option<LiveError> {
    let error = item.get("error")?;
    Some(LiveError::Rpc {
        method: method.to_string(),
        code: error.get("code").and_then(Value::as_i64).unwrap_or(0),
        message: error
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or("no message")
            .to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calls() -> Vec<Call> {
        vec![
            Call::new("chain_getBlockHash", json!([])),
            Call::new("system_chain", json!([])),
        ]
    }

    #[test]
    fn a_batch_goes_out_with_ids_and_comes_back_in_order() {
        let text = batch_text(&calls(), 7);
        let sent: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(sent[1]["id"], 8);
        assert_eq!(sent[0]["method"], "chain_getBlockHash");
        let reply = r#"[{"jsonrpc":"2.0","id":8,"result":"Bittensor"},{"jsonrpc":"2.0","id":7,"result":"0x01"}]"#;
        assert_eq!(
            all(batch_results(reply, &calls(), 7).unwrap()).unwrap(),
            vec![json!("0x01"), json!("Bittensor")]
        );
    }

    #[test]
    fn errors_and_bad_replies_are_named() {
        let error = r#"[{"jsonrpc":"2.0","id":8,"error":{"code":-32601,"message":"Method not found"}},{"jsonrpc":"2.0","id":7,"result":"0x01"}]"#;
        // One refused call fails alone; the other answer stands.
        let answers = batch_results(error, &calls(), 7).unwrap();
        assert_eq!(answers[0], Ok(json!("0x01")));
        assert_eq!(
            answers[1].clone().unwrap_err().to_string(),
            "The node refused system_chain: Method not found (error -32601)."
        );
        // Both refused: the first call's error is the one reported, whatever the order.
        let both = r#"[{"id":8,"error":{"code":1,"message":"second"}},{"id":7,"error":{"code":2,"message":"first"}}]"#;
        assert!(all(batch_results(both, &calls(), 7).unwrap())
            .unwrap_err()
            .to_string()
            .contains("first"));
        let refused = r#"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Batched requests are not supported"}}"#;
        assert!(matches!(
            batch_results(refused, &calls(), 7),
            Err(LiveError::Rpc { code: -32600, .. })
        ));
        for bad in [
            "",
            "garbage",
            "[1]",
            "[]",
            "42",
            r#"[{"id":7}]"#,
            r#"[{"id":99,"result":1}]"#,
        ] {
            assert!(
                matches!(
                    batch_results(bad, &calls(), 7).and_then(all),
                    Err(LiveError::Reply { .. })
                ),
                "{bad}"
            );
        }
    }
}
