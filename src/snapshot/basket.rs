//! Root baskets (SPEC §2, "Root staking since Root Reborn"): each root validator's fund of the
//! subnet alpha its root dividends paid, as the chain describes it
//! (RaoFoundation/subtensor `pallets/subtensor/src/rpc_info/basket_info.rs`: `BasketSummary`,
//! `BasketHolding`, `BetaPricing`), read live through `BetaBasketRuntimeApi`
//! (`chain/baskets.rs`) and carried in `dtao-snapshot/2` (`dtao_snapshot/baskets.rs`).
//! Amounts are rao; `shares` are the fund's raw share units (minted at par, 1 per rao of
//! value, so `nav_tao_rao / shares` is TAO per share); the pricing's fixed-point ratios
//! (`U64F64` on chain) are decimals, `bits / 2^64` to the nearest 18 places (fewer only when
//! a value is too large for a decimal to hold 18).

use rust_decimal::Decimal;

/// One validator's basket (`BasketSummary`), with the chain's pricing of it where there is
/// one (`BetaPricing`: none while the fund has no shares).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RootBasket {
    /// The validator's hotkey, SS58 (prefix 42) as the app writes hotkeys elsewhere.
    pub hotkey: String,
    /// Realizable NAV: what selling every holding into its pool would return (fee-free).
    pub nav_tao_rao: u64,
    /// Σ price × alpha: the holdings at spot.
    pub spot_nav_tao_rao: u64,
    /// Outstanding shares `P`, raw units.
    pub shares: u64,
    /// Lifetime value deposited into the fund and redeemed out of it.
    pub deposited_tao_rao: u64,
    pub redeemed_tao_rao: u64,
    pub holdings: Vec<BasketHolding>,
    pub pricing: Option<BasketPricing>,
}

/// One holding (`BasketHolding`): the fund's alpha on a subnet (netuid 0: its root cash slot),
/// at spot and if sold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BasketHolding {
    pub netuid: u16,
    pub alpha_rao: u64,
    pub spot_tao_rao: u64,
    pub realizable_tao_rao: u64,
}

/// The chain's own pricing of a fund (`BetaPricing`), spot-marked; none of it prices a claim.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BasketPricing {
    /// Spot NAV over shares: TAO per share at spot.
    pub spot_price: Decimal,
    /// What 1 TAO staked at the fund's baseline is worth now (claim-and-restake,
    /// index-spliced): `stake_price(t1) / stake_price(t0) - 1` is a window's return.
    pub stake_price: Decimal,
    /// The fund's staker total-return accumulator (`BasketTwr`).
    pub staker_twr: Decimal,
    /// A cumulative pending-entitlement mark, not a yield.
    pub staker_yield: Decimal,
    /// The block of the fund's baseline; 0 while provisional.
    pub first_block: u64,
    pub provisional: bool,
}

/// The 32 bytes of an SS58 address of the generic prefix 42 (as Bittensor writes hotkeys),
/// its checksum checked; `None` for anything else.
pub fn ss58_account(text: &str) -> Option<[u8; 32]> {
    let raw = bs58::decode(text).into_vec().ok()?;
    let account: [u8; 32] = raw.get(1..33)?.try_into().ok()?;
    (raw.len() == 35 && crate::snapshot::chain::validators::ss58(&account) == text)
        .then_some(account)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::chain::validators::ss58;

    #[test]
    fn ss58_addresses_of_prefix_42_read_back_and_nothing_else() {
        let alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
        let account = ss58_account(alice).unwrap();
        assert_eq!(ss58(&account), alice);
        assert_eq!(account[0], 0xd4);
        // A changed letter breaks the checksum; Polkadot's prefix 0 is another network's.
        for bad in [
            "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ",
            "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5",
            "5Grwva",
            "",
            "0x01",
        ] {
            assert_eq!(ss58_account(bad), None, "{bad}");
        }
    }
}
