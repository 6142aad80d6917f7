//! Every subnet from `SubnetInfoRuntimeApi_get_all_dynamic_info`, read by field name from the
//! runtime's own `DynamicInfo` (RaoFoundation/subtensor `pallets/subtensor/src/rpc_info/
//! dynamic_info.rs`): a list of them, each in an `Option` in the runtimes so far. Fields the
//! runtime adds are passed over; a field the app needs that is gone, empty or no longer a
//! number it can use is a sentence naming it.

use super::metadata::{fraction_bits, struct_fields, Named, Schema, Value};
use crate::model::num::units::rao_to_decimal;
use crate::model::pool::Mechanism;
use crate::snapshot::Subnet;
use rust_decimal::Decimal;
use scale_info::TypeDef;

/// The fraction bits of `DynamicInfo`'s moving price in this runtime (I96F32: 32).
fn moving_price_bits(schema: &Schema, output: u32) -> Result<u32, String> {
    let mut id = output;
    // The list's item type.
    if let Some(TypeDef::Sequence(s)) = schema.types.resolve(id).map(|t| &t.type_def) {
        id = s.type_param.id;
    }
    let fields = struct_fields(&schema.types, id).ok_or("DynamicInfo is not a struct")?;
    let (_, ty) = fields
        .iter()
        .find(|(name, _)| name == "moving_price")
        .ok_or("DynamicInfo has no field moving_price")?;
    fraction_bits(&schema.types, *ty)
        .ok_or_else(|| "DynamicInfo's moving_price is no longer a fixed-point number".to_string())
}

/// A fixed-point number's bits as a decimal, to 18 places, rounded down as the chain's own
/// conversions are.
fn fixed(bits: i128, fraction_bits: u32) -> Option<Decimal> {
    let scaled = bits
        .checked_mul(1_000_000_000_000_000_000)?
        .div_euclid(1i128.checked_shl(fraction_bits)?);
    Decimal::try_from_i128_with_scale(scaled, 18)
        .ok()
        .map(|d| d.normalize())
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8_lossy(&bytes).trim().to_string()
}

/// The subnets of the answer (its `None` entries left out), refused with a sentence when a
/// field the app needs cannot be read or a pool cannot be.
pub fn read_subnets(schema: &Schema, output: u32, answer: &Value) -> Result<Vec<Subnet>, String> {
    let bits = moving_price_bits(schema, output)?;
    let list = answer.items().ok_or("the subnet list is not a list")?;
    let mut subnets = Vec::with_capacity(list.len());
    for entry in list {
        if entry.is_none() {
            continue;
        }
        subnets.push(subnet(&Named::new("DynamicInfo", entry), bits)?);
    }
    Ok(subnets)
}

fn subnet(info: &Named, bits: u32) -> Result<Subnet, String> {
    let netuid: u16 = info.number("netuid")?;
    let absurd = |problem: &str| format!("subnet {netuid} from the chain: {problem}");
    let mechanism = if netuid == 0 {
        Mechanism::Stable
    } else {
        Mechanism::Dynamic
    };
    let tao_in: u64 = info.number("tao_in")?;
    let alpha_in: u64 = info.number("alpha_in")?;
    if mechanism == Mechanism::Dynamic && (tao_in == 0 || alpha_in == 0) {
        return Err(absurd("a pool with no TAO or no alpha has no price"));
    }
    let price_bits = info
        .field("moving_price")?
        .int()
        .ok_or("DynamicInfo's moving_price is not a number")?;
    let moving_price =
        fixed(price_bits, bits).ok_or_else(|| absurd("its moving price is out of range"))?;
    if moving_price.is_sign_negative() {
        return Err(absurd("its moving price is negative"));
    }
    let amount = |name: &str| info.number::<u64>(name).map(rao_to_decimal);
    Ok(Subnet {
        name: text(info.bytes("subnet_name")?),
        symbol: text(info.bytes("token_symbol")?),
        alpha_out_rao: Some(info.number("alpha_out")?),
        moving_price: Some(moving_price),
        alpha_out_emission: Some(amount("alpha_out_emission")?),
        alpha_in_emission: Some(amount("alpha_in_emission")?),
        tao_in_emission: Some(amount("tao_in_emission")?),
        tempo: Some(info.number("tempo")?),
        registered_at_block: Some(info.number("network_registered_at")?),
        ..Subnet::with_pool(netuid, mechanism, tao_in, alpha_in)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_point_bits_read_to_18_places_rounded_down() {
        // 395,678,912 / 2^32 = 0.0921261757612228393554…
        assert_eq!(
            fixed(395_678_912, 32),
            Some(Decimal::new(92_126_175_761_222_839, 18))
        );
        assert_eq!(fixed(1 << 32, 32), Some(Decimal::ONE));
        assert_eq!(fixed(1 << 64, 64), Some(Decimal::ONE));
        assert_eq!(fixed(i128::MAX, 32), None);
    }
}
