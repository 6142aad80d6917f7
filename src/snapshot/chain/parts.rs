//! A live read is several parts; when one fails the others are still used. The parts, what
//! each one fills in, and, for a part that failed, the same figures taken from the data in use,
//! so a page never shows a figure without saying where it came from.

use super::error::LiveError;
use crate::snapshot::Snapshot;

/// A part of a live read that can fail on its own (the head and the subnets' pools cannot: without
/// them there is nothing to show).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// Block emission, TAO weight, root's TAO, the owner cut.
    ChainValues,
    /// `MaturityRate` and `UnlockRate`.
    LockRates,
    /// Each pool's fee rate and curve, and its alpha reservoir.
    Curves,
    /// Alpha the chain bought or burned, which no one stakes.
    EligibleAlpha,
    /// The TAO emission's terms: each subnet's `MinerBurned` and `SubnetEmissionEnabled`, the
    /// gate's rank, exponent, quantile and bar.
    EmissionTerms,
    /// The chosen subnets' validators: permits, alpha stakes, takes.
    Validators,
    /// Every root validator's basket and the chain's pricing of it.
    Baskets,
    /// A wallet's positions (`positions.rs`): the part of each subnet's stake a conviction
    /// lock holds.
    Locks,
    /// A wallet's free TAO (`System::Account`).
    FreeBalances,
    /// A wallet's root basket positions.
    BasketPositions,
}

pub const PARTS: [Part; 10] = [
    Part::ChainValues,
    Part::LockRates,
    Part::Curves,
    Part::EligibleAlpha,
    Part::EmissionTerms,
    Part::Validators,
    Part::Baskets,
    Part::Locks,
    Part::FreeBalances,
    Part::BasketPositions,
];

impl Part {
    /// The part's name in a sentence ("the validators").
    pub fn label(self) -> &'static str {
        match self {
            Part::ChainValues => "chain values (block emission, TAO weight, root stake)",
            Part::LockRates => "lock rates",
            Part::Curves => "pool curves, fee rates and alpha reservoirs",
            Part::EligibleAlpha => "eligible alpha",
            Part::EmissionTerms => {
                "TAO emission terms (miner burn, emission switched off, the gate)"
            }
            Part::Validators => "validators",
            Part::Baskets => "root baskets",
            Part::Locks => "locked stake",
            Part::FreeBalances => "free balances",
            Part::BasketPositions => "root basket positions",
        }
    }

    /// Its short name in data (`dtao-live` answers, the data line).
    pub fn key(self) -> &'static str {
        match self {
            Part::ChainValues => "chain_values",
            Part::LockRates => "lock_rates",
            Part::Curves => "curves",
            Part::EligibleAlpha => "eligible_alpha",
            Part::EmissionTerms => "emission_terms",
            Part::Validators => "validators",
            Part::Baskets => "baskets",
            Part::Locks => "locks",
            Part::FreeBalances => "free_balances",
            Part::BasketPositions => "basket_positions",
        }
    }

    pub fn from_key(key: &str) -> Option<Part> {
        PARTS.into_iter().find(|p| p.key() == key)
    }
}

/// A part that failed, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub part: Part,
    pub why: String,
}

impl Failure {
    pub fn new(part: Part, error: &LiveError) -> Self {
        Failure {
            part,
            why: error.to_string(),
        }
    }
}

/// What a live read gives: the snapshot of the parts that succeeded, and the parts that failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveRead {
    pub snapshot: Snapshot,
    pub failed: Vec<Failure>,
}

/// The data line's note for parts that are not live: "not live: validators, lock rates (from
/// Bundled snapshot)".
pub fn not_live_note(failed: &[Part], from: &str) -> Option<String> {
    if failed.is_empty() {
        return None;
    }
    let names: Vec<&str> = failed.iter().map(|p| p.label()).collect();
    Some(format!("not live: {} (from {from})", names.join(", ")))
}

/// What a partly failed read says next to the data: each failed part and why, and where its
/// figures come from instead.
pub fn partial_sentence(failed: &[Failure], from: &str) -> String {
    let mut out = String::from("Part of the live read failed; the rest is live. ");
    for f in failed {
        out.push_str(&format!("The {}: {} ", f.part.label(), f.why));
    }
    out.push_str(&format!(
        "Those figures are from the data that was in use ({from})."
    ));
    out
}

/// Fill the figures of the `failed` parts of `live` from `previous` (the data in use), subnet by
/// subnet where it has the same subnet (validators only for `validators_of`, the subnets whose
/// validators were asked for); what it lacks stays unknown (the calculators then use their
/// documented defaults and say so). A stored superellipse is not carried over: its parameters
/// define a pool only at the reserves it was stored with.
pub fn fill_from(live: &mut Snapshot, previous: &Snapshot, failed: &[Part], validators_of: &[u16]) {
    for part in failed {
        match part {
            Part::ChainValues => {
                live.block_emission_tao = previous.block_emission_tao;
                live.tao_weight = previous.tao_weight;
                live.root_tao_staked = previous.root_tao_staked;
                live.runtime.owner_cut = previous.runtime.owner_cut;
            }
            Part::LockRates => {
                live.runtime.maturity_rate = previous.runtime.maturity_rate;
                live.runtime.unlock_rate = previous.runtime.unlock_rate;
            }
            Part::Baskets => live.root_baskets = previous.root_baskets.clone(),
            // A wallet's parts are not a snapshot's.
            Part::Locks | Part::FreeBalances | Part::BasketPositions => {}
            Part::EmissionTerms => {
                let (now, before) = (&mut live.runtime, &previous.runtime);
                now.bar_rank = before.bar_rank;
                now.gate_exponent = before.gate_exponent;
                now.bar_quantile = before.bar_quantile;
                now.gate_bar = before.gate_bar;
                for subnet in &mut live.subnets {
                    let before = previous.subnet(subnet.netuid);
                    subnet.miner_burned = before.and_then(|b| b.miner_burned);
                    subnet.emission_enabled = before.and_then(|b| b.emission_enabled);
                }
            }
            Part::Curves | Part::EligibleAlpha | Part::Validators => {
                for subnet in &mut live.subnets {
                    let before = previous.subnet(subnet.netuid);
                    match part {
                        Part::Curves => {
                            subnet.w_tao = before.and_then(|b| b.w_tao);
                            subnet.superellipse = None;
                            subnet.fee_rate = before.and_then(|b| b.fee_rate);
                            subnet.alpha_reservoir_rao = before.and_then(|b| b.alpha_reservoir_rao);
                        }
                        Part::EligibleAlpha => {
                            subnet.eligible_alpha_rao = before.and_then(|b| b.eligible_alpha_rao)
                        }
                        _ if validators_of.contains(&subnet.netuid) => {
                            subnet.validators =
                                before.map(|b| b.validators.clone()).unwrap_or_default();
                            subnet.validator_alpha_stake =
                                before.and_then(|b| b.validator_alpha_stake);
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}
