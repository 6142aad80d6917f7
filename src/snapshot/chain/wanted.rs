//! Everything the reader asks a runtime for, by name: the runtime calls and the storage items,
//! with the pallets an item may live in (a runtime may move one: `AlphaBurned` is in
//! `AlphaAssets` in spec 461). The runtime's schema keeps these (metadata/schema.rs).

pub use super::metadata::Wanted;

pub const DYNAMIC_INFO: &str = "SubnetInfoRuntimeApi_get_all_dynamic_info";
pub const METAGRAPH: &str = "SubnetInfoRuntimeApi_get_selective_metagraph";
/// Spec 459 on: the TAO each block emits now (the storage value `BlockEmission` is stale).
pub const BLOCK_EMISSION: &str = "SubnetInfoRuntimeApi_get_block_emission";
pub const SIM_BUY: &str = "SwapRuntimeApi_sim_swap_tao_for_alpha";
pub const SIM_SELL: &str = "SwapRuntimeApi_sim_swap_alpha_for_tao";
/// Root baskets (`baskets.rs`; spec 461 on, not 393): every validator's `BasketSummary`, and
/// the chain's pricing of every fund, a page at a time (`start_after`, `limit`).
pub const ALL_BASKETS: &str = "BetaBasketRuntimeApi_get_all_validator_baskets";
pub const ALL_PRICING: &str = "BetaBasketRuntimeApi_get_all_beta_pricing";

/// A wallet's positions (issue 32; `positions.rs`): each coldkey's stakes (spec 393 and 461),
/// the part of each subnet's stake its conviction lock holds (461, not 393), and its root
/// basket positions (461, not 393).
pub const STAKE_INFO: &str = "StakeInfoRuntimeApi_get_stake_info_for_coldkeys";
pub const STAKE_AVAILABILITY: &str = "StakeInfoRuntimeApi_get_stake_availability_for_coldkeys";
pub const BASKET_PORTFOLIO: &str = "BetaBasketRuntimeApi_get_root_basket_portfolio";

/// A validator's history (issue 33; `history/`): the chain's price of 1 TAO staked on root
/// with one validator (`BetaPricing.stake_price`; spec 461 on, not 393).
pub const BETA_PRICING: &str = "BetaBasketRuntimeApi_get_beta_pricing";

pub const CALLS: [&str; 11] = [
    DYNAMIC_INFO,
    METAGRAPH,
    BLOCK_EMISSION,
    SIM_BUY,
    SIM_SELL,
    ALL_BASKETS,
    ALL_PRICING,
    STAKE_INFO,
    STAKE_AVAILABILITY,
    BASKET_PORTFOLIO,
    BETA_PRICING,
];

const SUBTENSOR: &[&str] = &["SubtensorModule"];
const SWAP: &[&str] = &["Swap"];

const fn item(pallets: &'static [&'static str], name: &'static str) -> Wanted {
    Wanted { pallets, name }
}

pub const TAO_WEIGHT: Wanted = item(SUBTENSOR, "TaoWeight");
pub const SUBNET_TAO: Wanted = item(SUBTENSOR, "SubnetTAO");
pub const OWNER_CUT: Wanted = item(SUBTENSOR, "SubnetOwnerCut");
/// TAO issued so far, for the block emission where the runtime lacks `get_block_emission`.
pub const TOTAL_ISSUANCE: Wanted = item(SUBTENSOR, "TotalIssuance");
pub const MATURITY_RATE: Wanted = item(SUBTENSOR, "MaturityRate");
pub const UNLOCK_RATE: Wanted = item(SUBTENSOR, "UnlockRate");
pub const DELEGATES: Wanted = item(SUBTENSOR, "Delegates");
pub const PROTOCOL_ALPHA: Wanted = item(SUBTENSOR, "SubnetProtocolAlpha");
pub const ALPHA_BURNED: Wanted = item(&["SubtensorModule", "AlphaAssets"], "AlphaBurned");
pub const FEE_RATE: Wanted = item(SWAP, "FeeRate");
pub const BALANCER: Wanted = item(SWAP, "SwapBalancer");
pub const SUPERELLIPSE: Wanted = item(SWAP, "SwapSuperellipse");
/// Alpha minted for the pool that waits outside it, part of the alpha issuance (SPEC §2). Not
/// in spec 393.
pub const ALPHA_RESERVOIR: Wanted = item(SWAP, "BalancerAlphaReservoir");
/// The TAO emission's terms (issue 31; `emission.rs`): per subnet `MinerBurned` (U96F32) and
/// `SubnetEmissionEnabled`, chain-wide the gate (`EmissionBarRank`, and the U64F64s
/// `EmissionGateExponent`, `EmissionBarQuantile`, `EmissionGateBar`). Not in spec 393.
pub const MINER_BURNED: Wanted = item(SUBTENSOR, "MinerBurned");
pub const EMISSION_ENABLED: Wanted = item(SUBTENSOR, "SubnetEmissionEnabled");
pub const BAR_RANK: Wanted = item(SUBTENSOR, "EmissionBarRank");
pub const GATE_EXPONENT: Wanted = item(SUBTENSOR, "EmissionGateExponent");
pub const BAR_QUANTILE: Wanted = item(SUBTENSOR, "EmissionBarQuantile");
pub const GATE_BAR: Wanted = item(SUBTENSOR, "EmissionGateBar");
/// A coldkey's account (`AccountInfo`), whose `data.free` is its free TAO (positions).
pub const ACCOUNT: Wanted = item(&["System"], "Account");

/// A validator's stake accounting on a subnet and the subnet's pool at a past block (issue 33;
/// `history/`): `TotalHotkeyAlpha` and the total shares, the old `TotalHotkeyShares` (U64F64;
/// spec 393, and 461 where an entry is left) or `TotalHotkeySharesV2` (SafeFloat; 461), and
/// `SubnetAlphaIn` (the pool's alpha; `SubnetTAO` above is its TAO).
pub const HOTKEY_ALPHA: Wanted = item(SUBTENSOR, "TotalHotkeyAlpha");
pub const HOTKEY_SHARES: Wanted = item(SUBTENSOR, "TotalHotkeyShares");
pub const HOTKEY_SHARES_V2: Wanted = item(SUBTENSOR, "TotalHotkeySharesV2");
pub const SUBNET_ALPHA_IN: Wanted = item(SUBTENSOR, "SubnetAlphaIn");

pub const STORAGE: [Wanted; 24] = [
    TAO_WEIGHT,
    SUBNET_TAO,
    OWNER_CUT,
    TOTAL_ISSUANCE,
    MATURITY_RATE,
    UNLOCK_RATE,
    DELEGATES,
    PROTOCOL_ALPHA,
    ALPHA_BURNED,
    FEE_RATE,
    BALANCER,
    SUPERELLIPSE,
    ALPHA_RESERVOIR,
    MINER_BURNED,
    EMISSION_ENABLED,
    BAR_RANK,
    GATE_EXPONENT,
    BAR_QUANTILE,
    GATE_BAR,
    ACCOUNT,
    HOTKEY_ALPHA,
    HOTKEY_SHARES,
    HOTKEY_SHARES_V2,
    SUBNET_ALPHA_IN,
];

/// Names everything above, so a schema kept by an app that wanted less is made again.
pub fn fingerprint() -> u64 {
    let mut text = String::new();
    for c in CALLS {
        text.push_str(c);
        text.push(',');
    }
    for w in STORAGE {
        text.push_str(&w.pallets.join("/"));
        text.push(':');
        text.push_str(w.name);
        text.push(',');
    }
    twox_hash::XxHash64::oneshot(0, text.as_bytes())
}
