//! A position's yield (SPEC §2): the chain's split `V (1 - childkey take) (1 - take) vtrust`
//! shared over the alpha stake with the new position in it, or a yield the user observed; its
//! first epoch's rate, and its growth over every epoch.

use super::{ReturnsError, YieldSpec};
use crate::model::num::dec::DecimalOps;
use crate::model::num::precise::checked;
use crate::model::staking::delegation::kept_share;
use crate::model::staking::emission::rate_from_apy;
use crate::model::staking::growth::Growth;
use rust_decimal::Decimal;

/// For the chain's split: what the stake shares each epoch, `V (1 - childkey take) (1 - take)
/// vtrust`, and the stake sharing it with a new position of `own_new_alpha`.
fn shared(spec: &YieldSpec, own_new_alpha: Decimal) -> Result<(Decimal, Decimal), ReturnsError> {
    let (pool_per_epoch, other_stake, take, childkey_take, vtrust) = match *spec {
        YieldSpec::Derived {
            pool_per_epoch,
            other_stake,
            take,
            childkey_take,
            vtrust,
            ..
        } => (pool_per_epoch, other_stake, take, childkey_take, vtrust),
        YieldSpec::Observed { .. } => return Err(ReturnsError::OutOfRange),
    };
    let stake_total = checked(other_stake.try_add(own_new_alpha))?;
    if stake_total <= Decimal::ZERO {
        return Err(ReturnsError::NoStake);
    }
    let earned = checked(
        pool_per_epoch
            .try_mul(kept_share(take, childkey_take)?)
            .and_then(|v| v.try_mul(vtrust)),
    )?;
    Ok((earned, stake_total))
}

/// The first epoch's rate of a position of `own_new_alpha` new to the stake: what `growth_of`
/// starts from, without the work of the whole path (the screener asks it at many sizes).
pub fn first_rate(
    spec: YieldSpec,
    own_new_alpha: Decimal,
    epoch_blocks: u32,
) -> Result<Decimal, ReturnsError> {
    match spec {
        YieldSpec::Observed { apy } => Ok(rate_from_apy(apy, epoch_blocks)?),
        YieldSpec::Derived { .. } => {
            let (earned, stake_total) = shared(&spec, own_new_alpha)?;
            Ok(checked(earned.try_div(stake_total))?)
        }
    }
}

/// The per-epoch growth of a position of `own_alpha` that is new to the stake or not.
pub fn growth_of(
    spec: YieldSpec,
    own_new_alpha: Decimal,
    epoch_blocks: u32,
) -> Result<Growth, ReturnsError> {
    match spec {
        YieldSpec::Observed { apy } => Ok(Growth::constant(rate_from_apy(apy, epoch_blocks)?)?),
        YieldSpec::Derived {
            pool_per_epoch,
            others_compound,
            ..
        } => {
            let (earned, stake_total) = shared(&spec, own_new_alpha)?;
            Ok(if others_compound {
                Growth::diluting(earned, stake_total, pool_per_epoch)?
            } else {
                Growth::constant(checked(earned.try_div(stake_total))?)?
            })
        }
    }
}
