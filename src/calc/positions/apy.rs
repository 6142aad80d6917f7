//! A stake's modelled APY: the returns calculator on its subnet starting from the alpha held,
//! at its validator's take (every other input at the returns calculator's default), built from
//! typed values; and the links that open the returns and pool calculators on the same stake.

use crate::calc::app_params::{Calc, CALC};
use crate::calc::field::Field;
use crate::calc::pool::form::SIDE;
use crate::calc::pool_source::NETUID;
use crate::calc::returns::form::{Position, ReturnsForm, StartWith, FROM};
use crate::calc::shared_params::{AMOUNT, TAKE};
use crate::model::num::units::rao_to_decimal;
use crate::model::staking::delegation::max_take;
use crate::model::staking::returns::headline;
use crate::snapshot::Snapshot;
use rust_decimal::Decimal;

/// A take as the returns calculator's box is typed: percent, "18" for the chain's maximum
/// (which the box reads as 11,796/65,535), else to 9 decimals.
pub fn take_text(take: Decimal) -> String {
    if take >= max_take() {
        return "18".to_string();
    }
    (take * Decimal::ONE_HUNDRED)
        .round_dp(9)
        .normalize()
        .to_string()
}

/// Rao written as the boxes take them: plain TAO or alpha, every rao.
pub fn amount_text(rao: u64) -> String {
    rao_to_decimal(rao).normalize().to_string()
}

/// Subnet `netuid`'s returns calculator holding `alpha_rao` at `take` (a fraction).
pub fn returns_form(
    snapshot: &Snapshot,
    netuid: u16,
    alpha_rao: u64,
    take: Decimal,
) -> ReturnsForm {
    let take_typed = take_text(take);
    let position = Position {
        amount: Field::new(amount_text(alpha_rao), Ok(alpha_rao)),
        take: Field::new(
            take_typed.clone(),
            (TAKE.parse)(&take_typed).map_err(|e| e.to_string()),
        ),
        ..Position::read(&|_| None)
    };
    let mut form = ReturnsForm::for_subnet(&position, netuid, snapshot);
    form.from = Field::new("alpha", Ok(StartWith::Alpha));
    form
}

/// The returns calculator's APY (today's rate compounded per epoch) for this stake, or why
/// there is none.
pub fn modelled_apy(
    snapshot: &Snapshot,
    netuid: u16,
    alpha_rao: u64,
    take: Option<Decimal>,
) -> Result<Decimal, String> {
    let take = take.ok_or("The subnet is not in the data in use.")?;
    if alpha_rao == 0 {
        return Err("No stake.".into());
    }
    let inputs = returns_form(snapshot, netuid, alpha_rao, take).inputs(snapshot)?;
    headline(&inputs)
        .map(|h| h.apy_pct)
        .map_err(|e| e.to_string())
}

/// The returns calculator on this stake.
pub fn returns_link(netuid: u16, alpha_rao: u64, take: Decimal) -> Vec<(String, String)> {
    vec![
        (CALC.key.into(), Calc::Returns.param().into()),
        (NETUID.key.into(), netuid.to_string()),
        (FROM.key.into(), "alpha".into()),
        (AMOUNT.key.into(), amount_text(alpha_rao)),
        (TAKE.key.into(), take_text(take)),
    ]
}

/// The pool calculator unstaking what can be sold of this stake.
pub fn pool_link(netuid: u16, sellable_rao: u64) -> Vec<(String, String)> {
    vec![
        (CALC.key.into(), Calc::Pool.param().into()),
        (NETUID.key.into(), netuid.to_string()),
        (SIDE.key.into(), "unstake".into()),
        (AMOUNT.key.into(), amount_text(sellable_rao)),
    ]
}
