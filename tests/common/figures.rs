//! What the figure tests (`tests/figures_*.rs`) share: decimals written as text, rao as tokens,
//! the chain's swap fee written out, and a base query with some parameters replaced. Included
//! by path, so each figure test takes only this, not the pretend node of `common/mod.rs`.
#![allow(dead_code)]

use rust_decimal::Decimal;

pub fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Rao as the page writes them in `data-value`: a decimal of TAO or alpha, normalized.
pub fn tokens(rao: u128) -> Decimal {
    Decimal::from_i128_with_scale(rao as i128, 9).normalize()
}

/// The fee the chain takes: `floor(amount * 33 / 65535)`, one rao less when that is whole (the
/// U64F64 ratio is just under 33/65535; SPEC §1, `pool.md`).
pub fn fee(amount: u128) -> u128 {
    let exact = amount * 33;
    let f = exact / 65_535;
    if exact.is_multiple_of(65_535) && f > 0 {
        f - 1
    } else {
        f
    }
}

/// A stake into an equal-weight pool of (y TAO, x alpha): alpha out for the gross TAO, by
/// x·y = k after the fee.
pub fn stake(y: u128, x: u128, gross: u128) -> u128 {
    let net = gross - fee(gross);
    x * net / (y + net)
}

/// An unstake from an equal-weight pool of (y TAO, x alpha): TAO out for the gross alpha.
pub fn unstake(y: u128, x: u128, gross: u128) -> u128 {
    let net = gross - fee(gross);
    y * net / (x + net)
}

/// `base` with every key of `extra` replaced (or added), `extra` last.
pub fn with_overrides<'a>(
    base: &[(&'a str, &'a str)],
    extra: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut q: Vec<(&str, &str)> = base
        .iter()
        .filter(|(k, _)| !extra.iter().any(|(e, _)| e == k))
        .copied()
        .collect();
    q.extend_from_slice(extra);
    q
}
