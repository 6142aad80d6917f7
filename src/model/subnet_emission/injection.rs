//! A subnet's TAO for a block split into what goes into its pool and what buys alpha for the
//! protocol (subtensor `coinbase/run_coinbase.rs`, the injection step; SPEC §2): the TAO would
//! bring `tau / price` alpha with it, capped at `rp` of the block's alpha emission; the capped
//! alpha and its TAO at spot go into the pool, and the TAO over that buys alpha at market
//! (`SubnetProtocolAlpha`).

use crate::model::num::dec::DecimalOps;
use crate::model::num::precise::{checked, OutOfRange};
use rust_decimal::Decimal;

/// One block's split of a subnet's TAO.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Injection {
    /// TAO added to the pool.
    pub tao_in: Decimal,
    /// Alpha added to the pool beside it.
    pub alpha_in: Decimal,
    /// TAO that buys alpha at market for the protocol.
    pub chain_buy_tao: Decimal,
}

/// The split of `tao` (the subnet's TAO this block) at spot `price` (TAO per alpha), root
/// proportion `rp` and `alpha_emission` (the block's alpha emission for the subnet's issuance).
/// At price zero everything goes in as TAO.
pub fn split(
    tao: Decimal,
    price: Decimal,
    rp: Decimal,
    alpha_emission: Decimal,
) -> Result<Injection, OutOfRange> {
    if price <= Decimal::ZERO {
        return Ok(Injection {
            tao_in: tao,
            alpha_in: Decimal::ZERO,
            chain_buy_tao: Decimal::ZERO,
        });
    }
    let wanted = checked(tao.try_div(price))?;
    let cap = checked(rp.try_mul(alpha_emission))?;
    let (alpha_in, tao_in) = if wanted > cap {
        (cap, checked(cap.try_mul(price))?)
    } else {
        (wanted, tao)
    };
    Ok(Injection {
        tao_in,
        alpha_in,
        chain_buy_tao: (tao - tao_in).max(Decimal::ZERO),
    })
}
