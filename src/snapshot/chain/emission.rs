//! The terms of the chain's TAO-emission gate (issue 31; RaoFoundation/subtensor
//! `pallets/subtensor/src/coinbase/subnet_emissions.rs`), read in round 3 (`pools.rs`) in a
//! call of their own, one part (`Part::EmissionTerms`): per dynamic subnet `MinerBurned` (a
//! U96F32 share of the last epoch's miner incentive withheld; above 1 it counts as 1, as the
//! chain's `.min(one)` has it) and `SubnetEmissionEnabled`; chain-wide `EmissionBarRank` (u16)
//! and the U64F64s `EmissionGateExponent`, `EmissionBarQuantile` and `EmissionGateBar`. Nothing
//! stored reads as the item's default in the runtime's metadata. A fixed-point value is read by
//! the fraction bits of its own type. Items the runtime lacks (spec 393 has none) are not asked
//! for and stay unknown; a value the data cannot carry (an exponent outside 1 to 8, a quantile
//! or bar above 1) fails the part, as one that does not read as its type does.

use super::error::LiveError;
use super::keys::hex;
use super::metadata::{fraction_bits, lens, storage_key, Arg, Schema, Value};
use super::state::{changes, dynamic, item, stored_value, State};
use super::wanted::{self, Wanted};
use crate::snapshot::Snapshot;
use rust_decimal::Decimal;
use serde_json::Value as Json;
use std::collections::HashMap;

/// The per-subnet items, then the gate's.
pub const SUBNET_ITEMS: [Wanted; 2] = [wanted::MINER_BURNED, wanted::EMISSION_ENABLED];
pub const GATE_ITEMS: [Wanted; 4] = [
    wanted::BAR_RANK,
    wanted::GATE_EXPONENT,
    wanted::BAR_QUANTILE,
    wanted::GATE_BAR,
];

fn has(schema: &Schema, want: &Wanted) -> bool {
    schema.item(want.name).is_some()
}

/// Whether the runtime has any of the terms.
pub fn in_runtime(schema: &Schema) -> bool {
    SUBNET_ITEMS
        .iter()
        .chain(&GATE_ITEMS)
        .any(|w| has(schema, w))
}

/// The keys of the gate's items the runtime has; a key that cannot be made is left out (reading
/// it then fails the part with the reason). Round 3 asks them, then each dynamic subnet's
/// [`subnet_items`] (`pools.rs`).
pub fn gate_keys(schema: &Schema) -> Vec<String> {
    GATE_ITEMS
        .iter()
        .filter_map(|w| Some(hex(&storage_key(schema, item(schema, w).ok()?, &[]).ok()?)))
        .collect()
}

/// The per-subnet items the runtime has.
pub fn subnet_items(schema: &Schema) -> Vec<Wanted> {
    SUBNET_ITEMS
        .into_iter()
        .filter(|w| has(schema, w))
        .collect()
}

/// The terms as read; `None` where the runtime lacks the item.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Terms {
    pub bar_rank: Option<u16>,
    pub gate_exponent: Option<Decimal>,
    pub bar_quantile: Option<Decimal>,
    pub gate_bar: Option<Decimal>,
    /// Per dynamic subnet, `(MinerBurned, SubnetEmissionEnabled)`.
    pub subnets: HashMap<u16, (Option<Decimal>, Option<bool>)>,
}

/// `bits / 2^fraction_bits` to 18 places, the nearest (a U64F64's last bit is 5.4e-20, so a
/// value written as 0.61 reads 0.61); `None` when it does not fit a decimal.
pub fn fraction(bits: u128, fraction_bits: u32) -> Option<Decimal> {
    const E18: u128 = 1_000_000_000_000_000_000;
    if fraction_bits >= 128 {
        return None;
    }
    let whole = bits >> fraction_bits;
    let part = bits & ((1u128 << fraction_bits) - 1);
    let part = match fraction_bits {
        0 => 0,
        f => part.checked_mul(E18)?.checked_add(1 << (f - 1))? >> f,
    };
    let scaled = whole.checked_mul(E18)?.checked_add(part)?;
    Decimal::try_from_i128_with_scale(i128::try_from(scaled).ok()?, 18)
        .ok()
        .map(|d| d.normalize())
}

/// A stored fixed-point value as a decimal, by its type's fraction bits.
fn fixed(schema: &Schema, want: &Wanted, value: &Value) -> Result<Decimal, String> {
    let bits = fraction_bits(&schema.types, item(schema, want)?.value)
        .ok_or_else(|| format!("{} is no longer a fixed-point number", want.name))?;
    let raw = value
        .uint()
        .ok_or_else(|| format!("{} is {}, not an unsigned number", want.name, value.kind()))?;
    fraction(raw, bits).ok_or_else(|| format!("{} is too large for its number", want.name))
}

/// `value` when within `low..=high`, else the part fails naming it.
fn within(
    value: Option<Decimal>,
    name: &str,
    low: u8,
    high: u8,
) -> Result<Option<Decimal>, LiveError> {
    match value {
        Some(v) if v < Decimal::from(low) || v > Decimal::from(high) => Err(LiveError::Absurd(
            format!("{name} is {v}, outside {low} to {high}."),
        )),
        _ => Ok(value),
    }
}

/// The terms call's answer.
pub fn read_terms(
    schema: &Schema,
    state: &State,
    answer: Result<Json, LiveError>,
) -> Result<Terms, LiveError> {
    let stored = changes(&answer?)?;
    let runtime = |why: String| LiveError::Runtime {
        spec: schema.spec_version,
        why,
    };
    let value = |w: &Wanted, keys: &[Arg]| -> Result<Option<Value>, String> {
        if !has(schema, w) {
            return Ok(None);
        }
        stored_value(schema, &stored, w, keys)
    };
    let decimal = |w: &Wanted, keys: &[Arg]| -> Result<Option<Decimal>, String> {
        value(w, keys)?.map(|v| fixed(schema, w, &v)).transpose()
    };
    let rank = value(&wanted::BAR_RANK, &[]).map_err(runtime)?;
    let mut terms = Terms {
        bar_rank: rank
            .map(|v| lens::number(&v, || wanted::BAR_RANK.name.into()))
            .transpose()
            .map_err(runtime)?,
        gate_exponent: decimal(&wanted::GATE_EXPONENT, &[]).map_err(runtime)?,
        bar_quantile: decimal(&wanted::BAR_QUANTILE, &[]).map_err(runtime)?,
        gate_bar: decimal(&wanted::GATE_BAR, &[]).map_err(runtime)?,
        subnets: HashMap::new(),
    };
    terms.gate_exponent = within(terms.gate_exponent, wanted::GATE_EXPONENT.name, 1, 8)?;
    terms.bar_quantile = within(terms.bar_quantile, wanted::BAR_QUANTILE.name, 0, 1)?;
    terms.gate_bar = within(terms.gate_bar, wanted::GATE_BAR.name, 0, 1)?;
    for netuid in dynamic(state) {
        let key = [Arg::Uint(u128::from(netuid))];
        let of_subnet = |e: String| runtime(format!("subnet {netuid}'s {e}"));
        let burned = decimal(&wanted::MINER_BURNED, &key).map_err(of_subnet)?;
        let enabled = value(&wanted::EMISSION_ENABLED, &key)
            .and_then(|v| {
                v.map(|v| {
                    v.bool().ok_or_else(|| {
                        format!(
                            "{} is {}, not a yes/no",
                            wanted::EMISSION_ENABLED.name,
                            v.kind()
                        )
                    })
                })
                .transpose()
            })
            .map_err(of_subnet)?;
        // The chain takes at most all of it (subnet_emissions.rs, `get_shares`: `.min(one)`).
        let burned = burned.map(|b| b.min(Decimal::ONE));
        terms.subnets.insert(netuid, (burned, enabled));
    }
    Ok(terms)
}

/// Put the terms into the read's snapshot.
pub fn apply(terms: &Terms, snapshot: &mut Snapshot) {
    let r = &mut snapshot.runtime;
    r.bar_rank = terms.bar_rank;
    r.gate_exponent = terms.gate_exponent;
    r.bar_quantile = terms.bar_quantile;
    r.gate_bar = terms.gate_bar;
    for s in &mut snapshot.subnets {
        if let Some((burned, enabled)) = terms.subnets.get(&s.netuid) {
            s.miner_burned = *burned;
            s.emission_enabled = *enabled;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_point_bits_read_to_18_places_the_nearest() {
        // U96F32: 0.25 is 2^30 bits; U64F64: 3 is 3 * 2^64.
        assert_eq!(fraction(1 << 30, 32), Some(Decimal::new(25, 2)));
        assert_eq!(fraction(3 << 64, 64), Some(Decimal::from(3)));
        // floor(0.61 * 2^64), 0.08 of a bit under 0.61: the nearest 18 places are 0.61.
        assert_eq!(fraction((61 << 64) / 100, 64), Some(Decimal::new(61, 2)));
        // The last bit of a U64F64, 5.4e-20, reads 0; of a U96F32, 2.3e-10, to the place.
        assert_eq!(fraction(1, 64), Some(Decimal::ZERO));
        assert_eq!(fraction(1, 32), Some(Decimal::new(232_830_644, 18)));
        assert_eq!(fraction(7, 0), Some(Decimal::from(7)));
        assert_eq!(fraction(u128::MAX, 32), None);
        assert_eq!(fraction(1, 128), None);
    }
}
