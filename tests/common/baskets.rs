//! Helpers of the root baskets' live tests (`tests/live_baskets.rs`,
//! `tests/live_basket_failures.rs`, which include this file by path): a pretend node of a real
//! runtime serving baskets and pricing pages written in the Python SDK's JSON style (amounts in
//! rao, hotkeys in SS58, `U64F64` as `{"bits": N}`), and whole reads of it, batch by batch.

#![allow(dead_code)]

use crate::common::chain_node::{hex, Chain, Node, Runtime};
use dtao_calc::snapshot::chain::parts::LiveRead;
use dtao_calc::snapshot::chain::read::MemoryStore;
use dtao_calc::snapshot::chain::rpc::Call;
use dtao_calc::snapshot::chain::validators::ss58;
use dtao_calc::snapshot::chain::{read, LiveError, ReadOptions};
use serde_json::{json, Value as Json};
use std::cell::RefCell;
use std::future::Future;

pub const ALL_BASKETS: &str = "BetaBasketRuntimeApi_get_all_validator_baskets";
pub const ALL_PRICING: &str = "BetaBasketRuntimeApi_get_all_beta_pricing";
pub const ONE: u128 = 1 << 64;

pub const OPTIONS: ReadOptions<'static> = ReadOptions {
    endpoint: "ws://127.0.0.1:9944",
    fetched_at: "2026-12-07T08:00:00Z",
    validators_of: &[],
};

/// Validator `i`'s hotkey: SS58, and its bytes as `0x` hex (a page's `next`).
pub fn hotkey(i: u8) -> String {
    ss58(&[i; 32])
}

pub fn account_hex(i: u8) -> String {
    hex(&[i; 32])
}

/// A `BasketSummary` of validator `i`: NAV `nav` rao, spot 10 rao more, shares at par.
pub fn fund(i: u8, nav: u64, holdings: Json) -> Json {
    json!({"hotkey": hotkey(i), "nav_tao": nav, "spot_nav_tao": nav + 10, "shares": nav,
        "deposited_tao": nav + 3, "redeemed_tao": 2, "holdings": holdings})
}

pub fn holding(netuid: u16, alpha: u64, spot: u64, realizable: u64) -> Json {
    json!({"netuid": netuid, "alpha": alpha, "spot_tao": spot, "realizable_tao": realizable})
}

/// A `BetaPricing` of validator `i` with these bits of `stake_price` (the others fixed).
pub fn priced(i: u8, stake_bits: u128, first_block: u64, provisional: bool) -> Json {
    let fixed = |bits: u128| json!({"bits": bits.to_string()});
    json!({"hotkey": hotkey(i), "spot_price": fixed(5 << 62), "display_price": fixed(ONE),
        "stake_price": fixed(stake_bits), "staker_yield": fixed(1 << 57),
        "staker_twr": fixed(stake_bits), "bag_index": fixed(ONE), "stake_index": fixed(ONE),
        "first_block": first_block, "provisional": provisional, "spot_nav_tao": 7,
        "shares": 5, "display_shares": fixed(5 * ONE)})
}

/// A page of pricing and its `next` (validator `i`'s account, or none).
pub fn page(pricing: Vec<Json>, next: Option<u8>) -> Json {
    json!({"pricing": pricing, "next": next.map(account_hex)})
}

/// A node of `runtime` serving the bundled chain.
pub fn node(runtime: Runtime) -> Node {
    let chain = Chain::bundled();
    Node::new(runtime, chain, 5)
}

/// What a read sent, batch by batch (a runtime call by its name).
pub type Batches = Vec<Vec<String>>;

/// A whole read of `node`, each answer passed through `tamper` (the call and the node's answer).
pub fn read_tampered(
    node: &Node,
    tamper: impl Fn(&Call, Result<Json, LiveError>) -> Result<Json, LiveError>,
) -> (Result<LiveRead, LiveError>, Batches) {
    let batches = RefCell::new(Vec::new());
    let ask = |calls: Vec<Call>| {
        let names = calls
            .iter()
            .map(|c| match c.method {
                "state_call" => c.params[0].as_str().unwrap().to_string(),
                m => m.to_string(),
            })
            .collect();
        batches.borrow_mut().push(names);
        let answers = calls
            .iter()
            .map(|c| {
                let answer =
                    node.answer(c.method, &c.params)
                        .map_err(|(code, message)| LiveError::Rpc {
                            method: c.method.into(),
                            code,
                            message,
                        });
                tamper(c, answer)
            })
            .collect();
        std::future::ready(Ok(answers))
    };
    let store = MemoryStore::default();
    let result = {
        let mut read = std::pin::pin!(read(&OPTIONS, &store, &|_| {}, ask));
        let waker = std::task::Waker::noop();
        let std::task::Poll::Ready(result) = read
            .as_mut()
            .poll(&mut std::task::Context::from_waker(waker))
        else {
            panic!("the pretend node answers at once");
        };
        result
    };
    (result, batches.into_inner())
}

pub fn read_node(node: &Node) -> (LiveRead, Batches) {
    let (read, batches) = read_tampered(node, |_, a| a);
    (read.unwrap(), batches)
}

/// The batches that ask for baskets or pricing.
pub fn basket_batches(batches: &Batches) -> Batches {
    batches
        .iter()
        .filter(|b| b.iter().any(|c| c.starts_with("BetaBasketRuntimeApi_")))
        .cloned()
        .collect()
}
