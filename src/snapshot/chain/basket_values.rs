//! `BetaBasketRuntimeApi`'s answers read by field name through the runtime's own types
//! (RaoFoundation/subtensor `pallets/subtensor/src/rpc_info/basket_info.rs` at 0b4bc45:
//! `BasketHolding` lines 9-20, `BasketSummary` 22-44, `BetaPricing` 69-117, `BetaPricingPage`
//! 119-133; spec 461 dropped the summary's `weights`, which is not read), so a runtime that
//! reorders, appends or drops a field the app does not use still reads. Amounts (`TaoBalance`,
//! `AlphaBalance`, `u64`) are rao; a fixed-point ratio is its bits over 2 to the fraction bits
//! its own type declares (`U64F64`: 64), to the nearest 18 places.

use super::metadata::{fraction_bits, struct_fields, Named, Value};
use super::validators::ss58;
use crate::snapshot::basket::{BasketHolding, BasketPricing, RootBasket};
use primitive_types::U256;
use rust_decimal::Decimal;
use scale_info::{PortableRegistry, TypeDef};

/// `bits / 2^fraction_bits` to the nearest 18 places, half up (as `emission::fraction`), or to
/// as many as a decimal's 96 bits hold when the whole part leaves less room (above about
/// 7.9e10: no real price, but the type allows up to 2^64); `None` when not even a whole number
/// fits.
pub fn fixed_nearest(bits: u128, fraction_bits: u32) -> Option<Decimal> {
    if fraction_bits > 128 {
        return None;
    }
    let limit = U256::one() << 96;
    let half = match fraction_bits {
        0 => U256::zero(),
        f => U256::one() << (f - 1),
    };
    (0..=18u32).rev().find_map(|places| {
        let scaled = U256::from(bits) * U256::exp10(places as usize);
        let mantissa = (scaled + half) >> fraction_bits;
        (mantissa < limit)
            .then(|| Decimal::try_from_i128_with_scale(mantissa.as_u128() as i128, places).ok())
            .flatten()
            .map(|d| d.normalize())
    })
}

/// An account field, as the app writes hotkeys.
fn account(named: &Named, name: &str) -> Result<String, String> {
    let bytes = named.bytes(name)?;
    let account: [u8; 32] = bytes
        .try_into()
        .map_err(|_| format!("{}'s {name} is not an account", named.what))?;
    Ok(ss58(&account))
}

/// A `BasketHolding`.
pub fn holding(value: &Value) -> Result<BasketHolding, String> {
    let h = Named::new("BasketHolding", value);
    Ok(BasketHolding {
        netuid: h.number("netuid")?,
        alpha_rao: h.number("alpha")?,
        spot_tao_rao: h.number("spot_tao")?,
        realizable_tao_rao: h.number("realizable_tao")?,
    })
}

/// A `BasketSummary`, unpriced (the pricing is another call's).
pub fn summary(value: &Value) -> Result<RootBasket, String> {
    let s = Named::new("BasketSummary", value);
    Ok(RootBasket {
        hotkey: account(&s, "hotkey")?,
        nav_tao_rao: s.number("nav_tao")?,
        spot_nav_tao_rao: s.number("spot_nav_tao")?,
        shares: s.number("shares")?,
        deposited_tao_rao: s.number("deposited_tao")?,
        redeemed_tao_rao: s.number("redeemed_tao")?,
        holdings: s
            .list("holdings")?
            .iter()
            .map(holding)
            .collect::<Result<_, _>>()?,
        pricing: None,
    })
}

/// The type of the field `name` of the struct type `id`.
fn field_type(types: &PortableRegistry, id: u32, what: &str, name: &str) -> Result<u32, String> {
    let fields = struct_fields(types, id).ok_or_else(|| format!("{what} is not a struct"))?;
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, ty)| *ty)
        .ok_or_else(|| format!("{what} has no field {name}"))
}

/// A `BetaPricing` of type `id`: its hotkey and what the app keeps of it.
pub fn pricing(
    types: &PortableRegistry,
    id: u32,
    value: &Value,
) -> Result<(String, BasketPricing), String> {
    const WHAT: &str = "BetaPricing";
    let p = Named::new(WHAT, value);
    let ratio = |name: &str| -> Result<Decimal, String> {
        let bits = fraction_bits(types, field_type(types, id, WHAT, name)?)
            .ok_or_else(|| format!("{WHAT}'s {name} is no longer a fixed-point number"))?;
        let field = p.field(name)?;
        let raw = field.uint().ok_or_else(|| {
            format!(
                "{WHAT}'s {name} is {}, not an unsigned number",
                field.kind()
            )
        })?;
        fixed_nearest(raw, bits)
            .ok_or_else(|| format!("{WHAT}'s {name} is too large for its number"))
    };
    let provisional = p.field("provisional")?;
    let pricing = BasketPricing {
        spot_price: ratio("spot_price")?,
        stake_price: ratio("stake_price")?,
        staker_twr: ratio("staker_twr")?,
        staker_yield: ratio("staker_yield")?,
        first_block: p.number("first_block")?,
        provisional: provisional.bool().ok_or_else(|| {
            format!(
                "{WHAT}'s provisional is {}, not a yes/no",
                provisional.kind()
            )
        })?,
    };
    Ok((account(&p, "hotkey")?, pricing))
}

/// One page of pricing: each fund's, and the cursor of the next page (`None`: the last).
pub type Page = (Vec<(String, BasketPricing)>, Option<[u8; 32]>);

/// A `BetaPricingPage` of type `id`.
pub fn page(types: &PortableRegistry, id: u32, value: &Value) -> Result<Page, String> {
    const WHAT: &str = "BetaPricingPage";
    let list = field_type(types, id, WHAT, "pricing")?;
    let item = match types.resolve(list).map(|t| &t.type_def) {
        Some(TypeDef::Sequence(s)) => s.type_param.id,
        _ => return Err(format!("{WHAT}'s pricing is no longer a list")),
    };
    let p = Named::new(WHAT, value);
    let pricing = p
        .list("pricing")?
        .iter()
        .map(|v| pricing(types, item, v))
        .collect::<Result<_, _>>()?;
    let next = match p.optional("next") {
        None => None,
        Some(v) => Some(
            v.bytes()
                .and_then(|b| <[u8; 32]>::try_from(b).ok())
                .ok_or_else(|| format!("{WHAT}'s next is {}, not an account", v.kind()))?,
        ),
    };
    Ok((pricing, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_point_reads_to_the_nearest_18_places_or_as_many_as_fit() {
        // U64F64: 1.25 is 5 * 2^62; the last bit, 5.4e-20, reads 0.
        assert_eq!(fixed_nearest(5 << 62, 64), Some(Decimal::new(125, 2)));
        assert_eq!(fixed_nearest(1, 64), Some(Decimal::ZERO));
        // floor(0.61 * 2^64) is 0.08 of a bit under 0.61: nearest at 18 places, 0.61.
        assert_eq!(
            fixed_nearest((61 << 64) / 100, 64),
            Some(Decimal::new(61, 2))
        );
        // 2^63 + 0.5: 19 whole digits leave room for 9 places (2^96 is 7.9e28).
        let big = fixed_nearest((1 << 127) | (1 << 63), 64).unwrap();
        assert_eq!(
            big,
            Decimal::from_i128_with_scale(92_233_720_368_547_758_085, 1)
        );
        // The largest U64F64, 2^64 - 2^-64, rounds up to 2^64 at 9 places.
        assert_eq!(
            fixed_nearest(u128::MAX, 64),
            Some(Decimal::from_i128_with_scale(18_446_744_073_709_551_616, 0))
        );
        assert_eq!(fixed_nearest(7, 0), Some(Decimal::from(7)));
        assert_eq!(fixed_nearest(u128::MAX, 0), None);
        assert_eq!(fixed_nearest(1, 129), None);
    }
}
