//! Helpers of the positions' live tests (`tests/live_positions.rs`, which includes this file by
//! path): a pretend node of a real runtime (`chain_node.rs` answers the head and the metadata)
//! that also answers a wallet's calls as the chain does (cited in live_positions.rs), in the
//! runtime's own types written by the tests' encoder, and a whole read of it, batch by batch.
//! The same wallet is served to the browser by `tests/browser/positions-node.mjs`.

#![allow(dead_code)]

use crate::common::block_on;
use crate::common::chain_node::{hex, serve_batch, twox128, Chain, Node, Runtime};
use crate::common::{runtimes, scale_json};
use blake2::digest::consts::U16;
use blake2::{Blake2b, Digest};
use dtao_calc::snapshot::chain::positions::{read, PositionsOptions, PositionsRead};
use dtao_calc::snapshot::chain::read::MemoryStore;
use dtao_calc::snapshot::chain::rpc::Call;
use dtao_calc::snapshot::chain::validators::ss58;
use dtao_calc::snapshot::chain::LiveError;
use dtao_calc::snapshot::positions::{BasketPosition, Holder, Stake};
use serde_json::{json, Value as Json};
use std::cell::RefCell;

pub const STAKE_INFO: &str = "StakeInfoRuntimeApi_get_stake_info_for_coldkeys";
pub const AVAILABILITY: &str = "StakeInfoRuntimeApi_get_stake_availability_for_coldkeys";
pub const PORTFOLIO: &str = "BetaBasketRuntimeApi_get_root_basket_portfolio";

pub const ENDPOINT: &str = "ws://pretend-node";
pub const FETCHED: &str = "2026-12-07T08:00:00Z";
pub const BLOCK: u64 = 8_800_000;
pub const TAO: u64 = 1_000_000_000;

/// Alice and Bob of Substrate's dev accounts; Carol here is any account without stake.
pub const ALICE: [u8; 32] =
    hex32("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
pub const BOB: [u8; 32] = hex32("8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48");
pub const CAROL: [u8; 32] = [0x44; 32];
pub const H1: [u8; 32] = [0x11; 32];
pub const H2: [u8; 32] = [0x22; 32];
pub const H3: [u8; 32] = [0x33; 32];
/// Alice's free balance in the SDK's recorded `System::Account` (the golden fixture).
pub const ALICE_FREE: u64 = 999_998_999_833_753;

const fn digit(c: u8) -> u8 {
    if c <= b'9' {
        c - b'0'
    } else {
        c - b'a' + 10
    }
}

const fn hex32(text: &str) -> [u8; 32] {
    let b = text.as_bytes();
    let mut out = [0u8; 32];
    let mut i = 0;
    while i < 32 {
        out[i] = digit(b[2 * i]) << 4 | digit(b[2 * i + 1]);
        i += 1;
    }
    out
}

/// Each coldkey's stakes as the chain lists them, by subnet then hotkey: (netuid, hotkey,
/// alpha rao). Bob's zero row is one the chain leaves out; the reader drops it too.
pub fn stakes(coldkey: &[u8; 32]) -> Vec<(u16, [u8; 32], u64)> {
    match *coldkey {
        ALICE => vec![(0, H2, 1_000 * TAO), (64, H1, 50_000 * TAO)],
        BOB => vec![
            (1, H1, 7_000 * TAO),
            (2, H3, 0),
            (64, H1, 3 * TAO),
            (64, H3, 1_234_567_890),
        ],
        _ => vec![],
    }
}

/// The alpha each coldkey's lock holds per subnet now (`StakeAvailability.locked`).
pub fn locked(coldkey: &[u8; 32], netuid: u16) -> u64 {
    match (*coldkey, netuid) {
        (ALICE, 64) => 20_000 * TAO,
        (BOB, 64) => 4 * TAO,
        _ => 0,
    }
}

/// Each coldkey's basket positions: (hotkey, beta, beta_total, nav, value, spot value).
pub fn baskets(coldkey: &[u8; 32]) -> Vec<([u8; 32], u64, u64, u64, u64, u64)> {
    match *coldkey {
        ALICE => vec![(
            H2,
            400 * TAO,
            2_000 * TAO,
            2_500 * TAO,
            500 * TAO,
            510 * TAO,
        )],
        _ => vec![],
    }
}

/// What the reader should make of the wallet (`locks_and_baskets`: the runtime has them).
pub fn expected_holders(locks_and_baskets: bool) -> Vec<Holder> {
    let lock = |v: u64| locks_and_baskets.then_some(v);
    let stake = |netuid, hotkey: [u8; 32], alpha, locked| Stake {
        netuid,
        hotkey: ss58(&hotkey),
        hotkey_name: None,
        alpha_rao: alpha,
        locked_rao: lock(locked),
    };
    let alice_basket = BasketPosition {
        hotkey: ss58(&H2),
        shares: 400 * TAO,
        value_rao: 500 * TAO,
        spot_value_rao: 510 * TAO,
    };
    vec![
        Holder {
            coldkey: ss58(&ALICE),
            free_rao: Some(ALICE_FREE),
            stakes: vec![
                stake(0, H2, 1_000 * TAO, 0),
                stake(64, H1, 50_000 * TAO, 20_000 * TAO),
            ],
            baskets: if locks_and_baskets {
                vec![alice_basket]
            } else {
                vec![]
            },
        },
        Holder {
            coldkey: ss58(&BOB),
            free_rao: Some(0),
            // Bob's lock of 4 TAO on subnet 64: his larger position there (3 TAO) first.
            stakes: vec![
                stake(1, H1, 7_000 * TAO, 0),
                stake(64, H1, 3 * TAO, 3 * TAO),
                stake(64, H3, 1_234_567_890, TAO),
            ],
            baskets: vec![],
        },
        Holder {
            coldkey: ss58(&CAROL),
            free_rao: Some(0),
            stakes: vec![],
            baskets: vec![],
        },
    ]
}

/// `System::Account`'s key, computed here: twox128 of the pallet and the item, then
/// Blake2_128Concat of the account.
pub fn account_key(account: &[u8; 32]) -> String {
    let mut key = twox128(b"System");
    key.extend(twox128(b"Account"));
    key.extend(Blake2b::<U16>::digest(account));
    key.extend(account);
    hex(&key)
}

fn accounts(args: &[u8]) -> Vec<[u8; 32]> {
    // A compact length below 64 (one byte), then the accounts.
    let n = usize::from(args[0] >> 2);
    (0..n)
        .map(|i| args[1 + 32 * i..33 + 32 * i].try_into().unwrap())
        .collect()
}

pub struct PositionsNode {
    pub node: Node,
    /// Runtime calls or methods refused with an error, and calls answered with bytes that are
    /// not their type.
    pub refuse: Vec<String>,
    pub garble: Vec<String>,
}

impl PositionsNode {
    pub fn new(file: &str, spec: u32) -> PositionsNode {
        let mut node = Node::new(Runtime::fixture(file, spec), Chain::bundled(), 5);
        node.number = BLOCK;
        PositionsNode {
            node,
            refuse: vec![],
            garble: vec![],
        }
    }

    fn runtime(&self) -> &Runtime {
        &self.node.runtime
    }

    /// The wallet's answer to `state_call(name, args)`, in the SDK's JSON style.
    fn call(&self, name: &str, args: &[u8]) -> Option<Json> {
        let info = |c: &[u8; 32], (netuid, hotkey, alpha): (u16, [u8; 32], u64)| {
            json!({"hotkey": hex(&hotkey), "coldkey": hex(c), "netuid": netuid, "stake": alpha,
                "locked": 0, "emission": 0, "tao_emission": 0, "drain": 0, "is_registered": true})
        };
        Some(match name {
            STAKE_INFO => json!(accounts(args)
                .iter()
                .map(|c| json!([
                    hex(c),
                    stakes(c)
                        .into_iter()
                        .map(|s| info(c, s))
                        .collect::<Vec<_>>()
                ]))
                .collect::<Vec<_>>()),
            AVAILABILITY => {
                assert_eq!(args.last(), Some(&0), "netuids None");
                let mut asked = accounts(args);
                asked.sort();
                json!(asked
                    .iter()
                    .map(|c| {
                        let mut subnets: Vec<u16> = stakes(c).iter().map(|s| s.0).collect();
                        subnets.dedup();
                        let rows: Vec<Json> = subnets
                            .into_iter()
                            .map(|n| {
                                let total: u64 = stakes(c).iter().filter(|s| s.0 == n).map(|s| s.2).sum();
                                let l = locked(c, n);
                                json!([n, {"total": total, "locked": l, "available": total.saturating_sub(l)}])
                            })
                            .collect();
                        json!([hex(c), rows])
                    })
                    .collect::<Vec<_>>())
            }
            PORTFOLIO => {
                let c: [u8; 32] = args.try_into().unwrap();
                json!(baskets(&c)
                    .into_iter()
                    .map(|(h, beta, total, nav, value, spot)| json!({"hotkey": hex(&h), "beta": beta,
                        "beta_total": total, "nav_tao": nav, "value_tao": value, "spot_value_tao": spot}))
                    .collect::<Vec<_>>())
            }
            _ => return None,
        })
    }

    /// Alice's `System::Account` as the SDK recorded it, in this runtime's `AccountInfo`.
    fn alice_account(&self) -> String {
        let golden: Json = serde_json::from_str(&crate::common::read_shared(
            "fixtures/bittensor-golden-spec461.json",
        ))
        .unwrap();
        let stored = golden["storage_values"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["pallet"] == "System" && s["storage_function"] == "Account")
            .unwrap();
        let types = &self.runtime().types;
        let bytes = scale_json::encode(
            types,
            runtimes::type_id(types, "AccountInfo"),
            &stored["decoded"],
        )
        .unwrap();
        if self.runtime().spec == 461 {
            assert_eq!(
                hex(&bytes),
                stored["raw_hex"].as_str().unwrap(),
                "the SDK's own bytes"
            );
        }
        hex(&bytes)
    }

    fn answer(&self, method: &str, params: &Json) -> Result<Json, (i64, String)> {
        let name = params[0].as_str().unwrap_or("");
        let refused = |w: &str| self.refuse.iter().any(|r| r == w);
        if refused(method) || (method == "state_call" && refused(name)) {
            return Err((
                -32000,
                format!(
                    "{} refused",
                    if method == "state_call" { name } else { method }
                ),
            ));
        }
        if method == "state_call" && self.runtime().calls.contains_key(name) {
            let args = scale_json::unhex(params[1].as_str().unwrap()).unwrap();
            if let Some(json) = self.call(name, &args) {
                if self.garble.iter().any(|g| g == name) {
                    return Ok(json!("0x0102"));
                }
                return Ok(json!(self.runtime().answer(name, &json)));
            }
        }
        if method == "state_queryStorageAt" {
            let changes: Vec<Json> = params[0]
                .as_array()
                .unwrap()
                .iter()
                .map(|k| {
                    let k = k.as_str().unwrap();
                    let value = (k == account_key(&ALICE)).then(|| self.alice_account());
                    json!([k, value])
                })
                .collect();
            return Ok(json!([{"block": self.node.hash, "changes": changes}]));
        }
        self.node.answer(method, params)
    }

    /// A whole read of `coldkeys`, and the runtime calls (and other methods) asked, in order.
    pub fn read(&self, coldkeys: &[[u8; 32]]) -> Result<(PositionsRead, Vec<String>), LiveError> {
        let log = RefCell::new(Vec::new());
        let mut next_id = 1;
        let ask = |calls: Vec<Call>| {
            let first_id = next_id;
            next_id += calls.len() as u64;
            std::future::ready(serve_batch(
                &calls,
                first_id,
                true,
                |name| log.borrow_mut().push(name),
                |method, params| self.answer(method, params),
            ))
        };
        let options = PositionsOptions {
            endpoint: ENDPOINT,
            fetched_at: FETCHED,
            coldkeys,
        };
        let read = block_on(read(&options, &MemoryStore::default(), &|_| {}, ask))?;
        Ok((read, log.into_inner()))
    }
}
