//! Reading numbers a person typed or put in a link. Every failure is a sentence that can sit
//! next to the field; nothing here panics.

use crate::model::num::units::{decimal_to_rao, DECIMALS};
use crate::model::words::{group_thousands, shorten};
use rust_decimal::Decimal;
use std::fmt;
use std::str::FromStr;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    Empty,
    NotANumber(String),
    Separator,
    Negative,
    TooManyDecimals {
        max: u32,
    },
    TooLarge {
        max: Decimal,
    },
    TooSmall {
        min: Decimal,
        inclusive: bool,
    },
    NotWhole,
    NotAFlag(String),
    /// A whole sentence from a parser of its own (an address list).
    Invalid(String),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => write!(f, "Enter a number."),
            InputError::NotANumber(raw) => write!(
                f,
                "“{}” is not a number. Use digits and a dot, like 12.5.",
                shorten(raw)
            ),
            InputError::Separator => write!(
                f,
                "Use a dot for decimals, and commas only between groups of three digits, like 1,234.5."
            ),
            InputError::Negative => write!(f, "Must not be negative."),
            InputError::TooManyDecimals { max } if *max == DECIMALS => write!(
                f,
                "At most 9 decimal places: the chain counts in rao (0.000000001)."
            ),
            InputError::TooManyDecimals { max } => write!(f, "At most {max} decimal places."),
            InputError::TooLarge { max } => {
                write!(
                    f,
                    "Too large: at most {}.",
                    group_thousands(&max.normalize().to_string())
                )
            }
            InputError::TooSmall {
                min,
                inclusive: true,
            } => {
                write!(f, "Too small: at least {}.", min.normalize())
            }
            InputError::TooSmall {
                min,
                inclusive: false,
            } => {
                write!(f, "Must be more than {}.", min.normalize())
            }
            InputError::NotWhole => write!(f, "Must be a whole number."),
            InputError::NotAFlag(raw) => write!(f, "“{}” is not 0 or 1.", shorten(raw)),
            InputError::Invalid(sentence) => write!(f, "{sentence}"),
        }
    }
}

/// A plain decimal (`12.5`, `.5`, `1,234.5`, `-3`) or scientific (`1e30`) number.
pub fn parse_decimal(raw: &str) -> Result<Decimal, InputError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(InputError::Empty);
    }
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let negative = text.starts_with('-');
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    // Prefilled boxes show grouped digits ("221,156.585"), so commas every three digits of
    // the whole part read; any other comma, space or mark stays ambiguous ("1,5").
    let ungrouped = super::grouping::ungroup(mantissa).ok_or(InputError::Separator)?;
    let mantissa = ungrouped.as_str();
    let digits_ok = !mantissa.is_empty()
        && mantissa != "."
        && mantissa.chars().all(|c| c.is_ascii_digit() || c == '.')
        && mantissa.matches('.').count() <= 1;
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && e.len() <= 4 && e.chars().all(|c| c.is_ascii_digit())
    });
    if !digits_ok || !exponent_ok {
        return Err(InputError::NotANumber(text.to_string()));
    }
    let too_large = || InputError::TooLarge { max: Decimal::MAX };
    let value = match exponent {
        None => {
            let whole_digits = mantissa
                .split('.')
                .next()
                .unwrap_or("")
                .trim_start_matches('0');
            if whole_digits.len() > 28 {
                return Err(too_large());
            }
            // More than 28 decimal places cannot matter to any figure here; keep 28.
            let kept = match mantissa.split_once('.') {
                Some((w, f)) if f.len() > 28 => format!("{w}.{}", &f[..28]),
                _ => mantissa.to_string(),
            };
            Decimal::from_str(&kept).map_err(|_| too_large())?
        }
        Some(_) => Decimal::from_scientific(body).map_err(|_| {
            if body.contains("e-") || body.contains("E-") {
                InputError::TooManyDecimals { max: 28 }
            } else {
                too_large()
            }
        })?,
    };
    if negative && !value.is_zero() {
        return Ok(-value);
    }
    Ok(value)
}

/// Decimal places that matter: `1.500` has one.
pub fn decimal_places(value: Decimal) -> u32 {
    value.normalize().scale()
}

/// The number of significant decimal places as typed (`1.500` has one). Trailing zeros are
/// harmless; anything beyond 28 places is reported here because Decimal cannot hold it.
fn typed_places(raw: &str) -> u32 {
    let text = raw.trim();
    if text.contains(['e', 'E']) {
        return 0;
    }
    match text.split_once('.') {
        Some((_, frac)) => frac.trim_end_matches('0').len() as u32,
        None => 0,
    }
}

/// Rules for a decimal field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounds {
    pub min: Decimal,
    /// Whether `min` itself is allowed.
    pub min_inclusive: bool,
    pub max: Decimal,
    pub max_decimals: u32,
}

impl Bounds {
    pub const fn new(min: Decimal, min_inclusive: bool, max: Decimal, max_decimals: u32) -> Self {
        Bounds {
            min,
            min_inclusive,
            max,
            max_decimals,
        }
    }
}

/// A percentage typed within `bounds` (in percent), as a fraction: "18" is 0.18.
pub fn parse_percent(raw: &str, bounds: Bounds) -> Result<Decimal, InputError> {
    parse_bounded(raw, bounds).map(|p| p / Decimal::ONE_HUNDRED)
}

/// A decimal within bounds.
pub fn parse_bounded(raw: &str, bounds: Bounds) -> Result<Decimal, InputError> {
    let value = parse_decimal(raw).map_err(|e| match e {
        InputError::TooLarge { .. } => InputError::TooLarge { max: bounds.max },
        other => other,
    })?;
    if value.is_sign_negative() && !value.is_zero() && bounds.min >= Decimal::ZERO {
        return Err(InputError::Negative);
    }
    if typed_places(raw).max(decimal_places(value)) > bounds.max_decimals {
        return Err(InputError::TooManyDecimals {
            max: bounds.max_decimals,
        });
    }
    if value > bounds.max {
        return Err(InputError::TooLarge { max: bounds.max });
    }
    let below = if bounds.min_inclusive {
        value < bounds.min
    } else {
        value <= bounds.min
    };
    if below {
        return Err(InputError::TooSmall {
            min: bounds.min,
            inclusive: bounds.min_inclusive,
        });
    }
    Ok(value)
}

/// An amount of TAO or alpha, as rao: at most 9 decimals, within `bounds`.
pub fn parse_tokens(raw: &str, bounds: Bounds) -> Result<u64, InputError> {
    let bounds = Bounds {
        max_decimals: bounds.max_decimals.min(DECIMALS),
        ..bounds
    };
    let value = parse_bounded(raw, bounds)?;
    decimal_to_rao(value).ok_or(InputError::TooLarge { max: bounds.max })
}

/// A whole number in `min..=max`.
pub fn parse_whole(raw: &str, min: u64, max: u64) -> Result<u64, InputError> {
    let value = parse_decimal(raw)?;
    if value.is_sign_negative() && !value.is_zero() {
        return Err(InputError::Negative);
    }
    if value.fract() != Decimal::ZERO {
        return Err(InputError::NotWhole);
    }
    if value > Decimal::from(max) {
        return Err(InputError::TooLarge {
            max: Decimal::from(max),
        });
    }
    if value < Decimal::from(min) {
        return Err(InputError::TooSmall {
            min: Decimal::from(min),
            inclusive: true,
        });
    }
    use rust_decimal::prelude::ToPrimitive;
    value.to_u64().ok_or(InputError::TooLarge {
        max: Decimal::from(max),
    })
}

/// `0` or `1`.
pub fn parse_flag(raw: &str) -> Result<bool, InputError> {
    match raw.trim() {
        "1" => Ok(true),
        "0" => Ok(false),
        other => Err(InputError::NotAFlag(other.to_string())),
    }
}

#[cfg(test)]
mod tests;
