//! TAO emitted per block from the TAO issued so far (RaoFoundation/subtensor
//! `pallets/subtensor/src/coinbase/block_emission.rs`, `get_block_emission_for_issuance`):
//! 1 TAO a block, halved each time issuance passes another half of what is left of the 21M
//! supply: `E = 1e9 rao / 2^h`, `h = floor(log2(1 / (1 - I / 21e15 rao)))`, and nothing once
//! all is issued. The chain computes the logarithm in fixed point; here `h` is found exactly in
//! integers (`2^h (S - I) <= S`), which agrees everywhere but within a rounding of a boundary.

/// The total supply, 21M TAO in rao.
pub const TOTAL_SUPPLY_RAO: u64 = 21_000_000_000_000_000;
/// `DefaultBlockEmission`: 1 TAO.
pub const DEFAULT_BLOCK_EMISSION_RAO: u64 = 1_000_000_000;

/// The block emission, in rao, at `issued` rao (`SubtensorModule::TotalIssuance`).
pub fn block_emission_rao(issued: u64) -> u64 {
    if issued >= TOTAL_SUPPLY_RAO {
        return 0;
    }
    let left = u128::from(TOTAL_SUPPLY_RAO - issued);
    let supply = u128::from(TOTAL_SUPPLY_RAO);
    // The largest h with 2^h * left <= supply.
    let mut halvings = 0u32;
    while halvings < 64 && (left << (halvings + 1)) <= supply {
        halvings += 1;
    }
    DEFAULT_BLOCK_EMISSION_RAO
        .checked_shr(halvings)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAO: u64 = 1_000_000_000;

    #[test]
    fn halvings_come_at_half_and_three_quarters_of_the_supply() {
        assert_eq!(block_emission_rao(0), TAO);
        assert_eq!(block_emission_rao(10_500_000 * TAO - 1), TAO);
        // The first halving (December 2025): SPEC §2's 0.5 TAO a block, 3,600 TAO a day.
        assert_eq!(block_emission_rao(10_500_000 * TAO), TAO / 2);
        assert_eq!(block_emission_rao(15_749_999 * TAO), TAO / 2);
        assert_eq!(block_emission_rao(15_750_000 * TAO), TAO / 4);
        assert_eq!(block_emission_rao(18_375_000 * TAO), TAO / 8);
        assert_eq!(block_emission_rao(TOTAL_SUPPLY_RAO - 1), 0);
        assert_eq!(block_emission_rao(TOTAL_SUPPLY_RAO), 0);
        assert_eq!(block_emission_rao(u64::MAX), 0);
    }

    #[test]
    fn it_is_the_log_rule_written_out() {
        // h = floor(log2(S / (S - I))) by floating point, away from the boundaries.
        for issued_tao in [
            1u64, 5_000_000, 11_000_000, 16_000_000, 19_000_000, 20_900_000,
        ] {
            let issued = issued_tao * TAO;
            let ratio = TOTAL_SUPPLY_RAO as f64 / (TOTAL_SUPPLY_RAO - issued) as f64;
            let h = ratio.log2().floor() as u32;
            assert_eq!(block_emission_rao(issued), TAO >> h, "{issued_tao}");
        }
    }
}
