//! The swap fee: 33 of 65,535 (about 0.0504 %) of the input, taken before the swap and paid
//! to the block author (pallets/swap: `FeeRate` default 33, `calculate_fee_amount`).

/// `FeeRate` of every dynamic subnet.
pub const FEE_RATE: u64 = 33;
/// The fee rate is a fraction of `u16::MAX`.
pub const FEE_DENOMINATOR: u64 = u16::MAX as u64;

/// Fee on a requested (gross) amount: `floor(amount * 33 / 65535)`.
pub fn fee_on_gross(gross: u64) -> u64 {
    // < gross, so it fits u64.
    (u128::from(gross) * u128::from(FEE_RATE) / u128::from(FEE_DENOMINATOR)) as u64
}

/// Fee when a price limit cut the trade to `net`: the chain recomputes it on the net amount as
/// `net * 33 / (65535 - 33)` (swap_step.rs, `recalculate_fee`), so that net + fee is what a
/// gross request of that size would have paid.
pub fn fee_on_net(net: u64) -> u64 {
    (u128::from(net) * u128::from(FEE_RATE) / u128::from(FEE_DENOMINATOR - FEE_RATE)) as u64
}

/// What reaches the pool from a gross amount.
pub fn net_of_gross(gross: u64) -> u64 {
    gross - fee_on_gross(gross)
}

/// The largest gross amount whose net is at most `max_net` (the fill-or-kill boundary).
pub fn max_gross_for_net(max_net: u64) -> u64 {
    let estimate =
        u128::from(max_net) * u128::from(FEE_DENOMINATOR) / u128::from(FEE_DENOMINATOR - FEE_RATE);
    let mut gross = u64::try_from(estimate).unwrap_or(u64::MAX);
    // The estimate is within a rao or two of the boundary; settle it exactly.
    while gross < u64::MAX && net_of_gross(gross + 1) <= max_net {
        gross += 1;
    }
    while gross > 0 && net_of_gross(gross) > max_net {
        gross -= 1;
    }
    gross
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fee_matches_chain_examples() {
        assert_eq!(fee_on_gross(5_000_000_000), 2_517_738);
        assert_eq!(fee_on_net(124_841_645_635), 62_895_397);
        assert_eq!(fee_on_gross(2_001_007), 1_007);
    }

    #[test]
    fn max_gross_is_the_exact_boundary() {
        for max_net in [0u64, 1, 2_000_000, 124_841_645_635, 999_999_999_999] {
            let g = max_gross_for_net(max_net);
            assert!(net_of_gross(g) <= max_net);
            assert!(net_of_gross(g + 1) > max_net);
        }
    }
}
