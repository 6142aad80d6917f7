//! Parameters several calculators read the same way: the amount, the holding period, the TAO
//! price and a validator's take. A form that needs another default or words takes one of these
//! with `Param { default: …, ..AMOUNT }`, so the key and the reading stay here.

use crate::calc::param::{Default, Param};
use crate::calc::pool_source::amount_bounds;
use crate::calc::typed::{
    parse_bounded, parse_percent, parse_tokens, parse_whole, Bounds, InputError,
};
use crate::model::staking::delegation::take_from_typed;
use crate::model::staking::returns::MAX_DAYS;
use rust_decimal::Decimal;

pub const AMOUNT: Param<u64> = Param {
    key: "amount",
    label: "Amount",
    default: Default::Text("100"),
    unit: "TAO",
    about: "The position, up to 9 decimals (rao).",
    parse: |t| parse_tokens(t, amount_bounds()),
};

pub const DAYS: Param<u32> = Param {
    key: "days",
    label: "Holding period",
    default: Default::Text("365"),
    unit: "days",
    about: "1 to 1,825 days (5 years).",
    parse: |t| parse_whole(t, 1, u64::from(MAX_DAYS)).map(|d| d as u32),
};

pub const TAO_USD: Param<Decimal> = Param {
    key: "tao_usd",
    label: "TAO price (optional)",
    default: Default::Blank,
    unit: "USD",
    about: "To show figures in dollars as well.",
    parse: |t| {
        parse_bounded(
            t,
            Bounds::new(Decimal::ZERO, false, Decimal::from(10_000_000), 9),
        )
    },
};

pub const TAKE: Param<Decimal> = Param {
    key: "take",
    label: "Validator take",
    default: Default::Text("18"),
    unit: "%",
    about: "0 to 18 %; 18 % is the chain's maximum and default, 11,796/65,535.",
    parse: parse_take,
};

/// A take typed in percent, 0 to 18; 18 % is the chain's maximum, 11,796/65,535.
pub fn parse_take(text: &str) -> Result<Decimal, InputError> {
    parse_percent(text, Bounds::new(Decimal::ZERO, true, Decimal::from(18), 9)).map(take_from_typed)
}

/// vtrust, 0 to 1.
pub fn parse_vtrust(text: &str) -> Result<Decimal, InputError> {
    parse_bounded(text, Bounds::new(Decimal::ZERO, true, Decimal::ONE, 9))
}

/// An observed APY in percent (0 to 100,000).
pub fn parse_apy(text: &str) -> Result<Decimal, InputError> {
    parse_percent(
        text,
        Bounds::new(Decimal::ZERO, true, Decimal::from(100_000), 9),
    )
}
