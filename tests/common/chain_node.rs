//! A pretend Subtensor node for tests: chain states built from the bundled snapshot, encoded
//! with the runtime's types (the decoder's, checked against real metadata in dynamic_info.rs),
//! and the answers a node gives to the reader's calls. The same states are written to
//! `tests/browser/fixtures/chain-replay.json` for the browser tests' WebSocket server.

use dtao_calc::model::num::units::decimal_to_rao;
use dtao_calc::model::pool::superellipse::Superellipse;
use dtao_calc::snapshot::chain::keys::hex;
use dtao_calc::snapshot::chain::storage::{root_tao_key, Global, PoolItem};
use dtao_calc::snapshot::chain::validators::{
    self, Neuron, ALPHA_STAKE, FIELDS, HOTKEYS, VALIDATOR_PERMIT,
};
use dtao_calc::snapshot::dynamic_info::DynamicInfo;
use dtao_calc::snapshot::{Snapshot, Subnet};
use parity_scale_codec::{Compact, Encode};
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

/// One block of the pretend chain.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeState {
    pub hash: String,
    pub chain: String,
    pub number: u64,
    pub spec_version: u32,
    pub dynamic_info: String,
    pub storage: Map<String, Value>,
    /// `get_selective_metagraph`'s answers, by the call's argument bytes (hex).
    pub metagraphs: Map<String, Value>,
}

/// The neurons of one subnet and their takes (parts of 65,535; `None`: not stored).
#[derive(Clone, Debug, Default)]
pub struct Neurons {
    pub netuid: u16,
    pub list: Vec<(Neuron, Option<u16>)>,
}

/// `Option<SelectiveMetagraph>` with the three fields the reader asks for.
pub fn metagraph_answer(netuid: u16, neurons: &[Neuron]) -> Vec<u8> {
    let mut out = vec![1];
    out.extend(Compact(netuid).encode());
    for field in 1..FIELDS as u16 {
        let value = match field {
            HOTKEYS => Some(
                neurons
                    .iter()
                    .map(|n| n.hotkey)
                    .collect::<Vec<_>>()
                    .encode(),
            ),
            VALIDATOR_PERMIT => Some(
                neurons
                    .iter()
                    .map(|n| n.permit)
                    .collect::<Vec<_>>()
                    .encode(),
            ),
            ALPHA_STAKE => Some(
                neurons
                    .iter()
                    .map(|n| Compact(n.alpha_stake_rao))
                    .collect::<Vec<_>>()
                    .encode(),
            ),
            _ => None,
        };
        match value {
            Some(bytes) => {
                out.push(1);
                out.extend(bytes);
            }
            None => out.push(0),
        }
    }
    out
}

fn rao(d: Option<Decimal>) -> u64 {
    d.and_then(decimal_to_rao).unwrap_or(0)
}

/// The dynamic info the chain would give for `s`.
pub fn dynamic_info(s: &Subnet) -> DynamicInfo {
    let bytes = |t: &str| t.bytes().map(Compact).collect();
    // I96F32 bits of the moving price, rounded down.
    let moving = s.moving_price.unwrap_or_default() * Decimal::from(1u64 << 32);
    DynamicInfo {
        netuid: s.netuid,
        owner_hotkey: [7; 32],
        owner_coldkey: [8; 32],
        subnet_name: bytes(&s.name),
        token_symbol: bytes(&s.symbol),
        tempo: s.tempo.unwrap_or(360) as u16,
        last_step: 0,
        blocks_since_last_step: 0,
        emission: 0,
        alpha_in: s.alpha_in_rao,
        alpha_out: s.alpha_out_rao.unwrap_or(0),
        tao_in: s.tao_in_rao,
        alpha_out_emission: rao(s.alpha_out_emission),
        alpha_in_emission: rao(s.alpha_in_emission),
        tao_in_emission: rao(s.tao_in_emission),
        pending_alpha_emission: 0,
        pending_root_emission: 0,
        subnet_volume: 0,
        network_registered_at: s.registered_at_block.unwrap_or(0),
        subnet_identity: None,
        moving_price: rust_decimal::prelude::ToPrimitive::to_i128(&moving.floor()).unwrap(),
    }
}

impl NodeState {
    /// The chain at `snapshot`'s block, with `pools` stored as the swap pallet would.
    pub fn new(snapshot: &Snapshot, spec_version: u32, tag: u8, neurons: &[Neurons]) -> Self {
        let infos: Vec<Option<DynamicInfo>> = snapshot
            .subnets
            .iter()
            .map(|s| Some(dynamic_info(s)))
            .collect();
        let mut storage = Map::new();
        let mut put = |key: Vec<u8>, value: Vec<u8>| {
            storage.insert(hex(&key), Value::String(hex(&value)));
        };
        if let Some(w) = snapshot.tao_weight {
            let parts = (w * Decimal::from(u64::MAX)).round();
            put(
                Global::TaoWeight.key(),
                u64::try_from(parts).unwrap().encode(),
            );
        }
        if let Some(e) = snapshot.block_emission_tao {
            put(Global::BlockEmission.key(), rao(Some(e)).encode());
        }
        if let Some(r) = snapshot.runtime.maturity_rate {
            put(Global::MaturityRate.key(), r.encode());
        }
        if let Some(r) = snapshot.runtime.unlock_rate {
            put(Global::UnlockRate.key(), r.encode());
        }
        if let Some(root) = snapshot.subnet(0) {
            put(root_tao_key(), root.tao_in_rao.encode());
        }
        for s in &snapshot.subnets {
            if let Some(rate) = s.fee_rate {
                put(PoolItem::FeeRate.key(s.netuid), rate.parts().encode());
            }
            if let Some(w) = s.w_tao {
                put(PoolItem::Balancer.key(s.netuid), w.tao_parts().encode());
            }
            if let Some(c) = s.superellipse {
                let value = (c.alpha_scale, c.tao_scale, c.center_alpha, c.center_tao).encode();
                put(PoolItem::Superellipse.key(s.netuid), value);
            }
        }
        let mut metagraphs = Map::new();
        for subnet in neurons {
            let list: Vec<Neuron> = subnet.list.iter().map(|(n, _)| n.clone()).collect();
            metagraphs.insert(
                hex(&validators::metagraph_args(subnet.netuid)),
                Value::String(hex(&metagraph_answer(subnet.netuid, &list))),
            );
            for (n, take) in &subnet.list {
                if let Some(parts) = take {
                    storage.insert(
                        hex(&validators::delegates_key(&n.hotkey)),
                        Value::String(hex(&parts.encode())),
                    );
                }
            }
        }
        NodeState {
            hash: hex(&[tag; 32]),
            chain: "Bittensor".into(),
            number: snapshot.block.unwrap_or(1),
            spec_version,
            dynamic_info: hex(&infos.encode()),
            storage,
            metagraphs,
        }
    }

    /// What the node answers to one call: its result, or a JSON-RPC error.
    pub fn answer(&self, method: &str, params: &Value) -> Result<Value, (i64, String)> {
        let at_head = |i: usize| params.get(i).and_then(Value::as_str) == Some(self.hash.as_str());
        match method {
            "chain_getBlockHash" => Ok(json!(self.hash)),
            "system_chain" => Ok(json!(self.chain)),
            "chain_getHeader" if at_head(0) => {
                Ok(json!({"number": format!("0x{:x}", self.number), "parentHash": hex(&[0; 32])}))
            }
            "state_getRuntimeVersion" if at_head(0) => Ok(
                json!({"specName": "node-subtensor", "implName": "node-subtensor", "specVersion": self.spec_version, "transactionVersion": 1}),
            ),
            "state_call"
                if at_head(2)
                    && params[0] == "SubnetInfoRuntimeApi_get_all_dynamic_info"
                    && params[1] == "0x" =>
            {
                Ok(json!(self.dynamic_info))
            }
            "state_call"
                if at_head(2) && params[0] == "SubnetInfoRuntimeApi_get_selective_metagraph" =>
            {
                // A subnet given no neurons has an empty metagraph.
                let args = params[1].as_str().unwrap_or("");
                let netuid = dtao_calc::snapshot::chain::keys::unhex(args)
                    .filter(|b| b.len() >= 2)
                    .map(|b| u16::from_le_bytes([b[0], b[1]]))
                    .unwrap_or(0);
                Ok(self
                    .metagraphs
                    .get(args)
                    .cloned()
                    .unwrap_or_else(|| json!(hex(&metagraph_answer(netuid, &[])))))
            }
            "state_queryStorageAt" if at_head(1) => {
                let keys = params[0].as_array().cloned().unwrap_or_default();
                let changes: Vec<Value> = keys
                    .iter()
                    .map(|k| {
                        json!([
                            k,
                            self.storage
                                .get(k.as_str().unwrap_or(""))
                                .cloned()
                                .unwrap_or(Value::Null)
                        ])
                    })
                    .collect();
                Ok(json!([{"block": self.hash, "changes": changes}]))
            }
            _ => Err((-32602, format!("{method}: unknown call or block"))),
        }
    }

    pub fn to_json(&self) -> Value {
        json!({"hash": self.hash, "chain": self.chain, "number": self.number,
            "spec_version": self.spec_version, "dynamic_info": self.dynamic_info,
            "storage": self.storage, "metagraphs": self.metagraphs})
    }
}

/// The curve a pool calibrates when the chain converts it: a superellipse from its Balancer
/// weight at the reserves of the moment (SPEC §1b).
pub fn calibrated(s: &Subnet) -> Superellipse {
    Superellipse::from_weights(
        s.alpha_in_rao,
        s.tao_in_rao,
        s.w_tao.unwrap_or_default().tao_parts(),
    )
    .unwrap()
}
