//! The chain's newer pool curve: a translated exponent-two superellipse (SPEC §1b), following
//! RaoFoundation/subtensor `pallets/swap/src/pallet/superellipse.rs` (runtime spec 473).
//!
//! A pool keeps four integers in Q32 (value x 2^32, unit 1 rao): the scales `a` (alpha) and `b`
//! (TAO) and the centers `Ca`, `Ct`. With `X = Ca - alpha 2^32` and `Y = Ct - tao 2^32`, trades
//! keep `X^2 b^2 + Y^2 a^2` (recomputed from the live reserves each time, payouts rounded down)
//! and the price is `b^2 X / (a^2 Y)` TAO per alpha. Products are taken on 512 bits, as on chain.
//! Unlike Balancer's, this curve ends: at most `Y / 2^32` TAO can ever go in.

use crate::model::num::fixed::ONE_BITS;
use crate::model::pool::weights::WEIGHT_ONE;
use primitive_types::U512;
use std::fmt;

/// Q32: the curve's coordinates are in 2^-32 rao.
const SCALE: u128 = 1 << 32;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Superellipse {
    pub alpha_scale: u128,
    pub tao_scale: u128,
    pub center_alpha: i128,
    pub center_tao: i128,
}

/// The curve maths' own failures (`EllipseError`); the swap reports them as
/// `ReservesOutOfBalance` or an empty fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CurveError {
    InvalidParameters,
    Overflow,
    OutsideDomain,
    InsufficientReserves,
}

impl fmt::Display for CurveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CurveError::InvalidParameters => {
                "The curve's parameters are not valid: both scales must be more than 0."
            }
            CurveError::Overflow => "The numbers overflow what the chain can hold for this curve.",
            CurveError::OutsideDomain => {
                "The reserves lie outside the curve: each center must be beyond its reserve."
            }
            CurveError::InsufficientReserves => "The pool does not hold enough to pay this out.",
        })
    }
}

type CurveResult<T> = Result<T, CurveError>;

fn mul(a: U512, b: U512) -> CurveResult<U512> {
    a.checked_mul(b).ok_or(CurveError::Overflow)
}

fn add(a: U512, b: U512) -> CurveResult<U512> {
    a.checked_add(b).ok_or(CurveError::Overflow)
}

fn sub(a: U512, b: U512) -> CurveResult<U512> {
    a.checked_sub(b).ok_or(CurveError::Overflow)
}

fn div(a: U512, b: U512) -> CurveResult<U512> {
    a.checked_div(b).ok_or(CurveError::InvalidParameters)
}

fn narrow(value: U512) -> CurveResult<u128> {
    if value > U512::from(u128::MAX) {
        return Err(CurveError::Overflow);
    }
    Ok(value.low_u128())
}

fn narrow_amount(value: u128) -> CurveResult<u64> {
    u64::try_from(value).map_err(|_| CurveError::Overflow)
}

fn q32() -> U512 {
    U512::from(SCALE)
}

/// Whether `input` of the input token fits under the curve, and what it pays out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    /// TAO in, alpha out.
    Buy,
    /// Alpha in, TAO out.
    Sell,
}

impl Superellipse {
    /// The curve the chain builds from a Balancer pool (`from_weights`, used by the migration and
    /// by a pool's first trade): `a = floor(alpha w_tao 2^33)`, `b = floor(tao w_alpha 2^33)`,
    /// centers one scale beyond the reserves, so the price and its first-order sensitivity
    /// equal Balancer's at calibration. `w_tao_parts` is Perquintill parts of 10^18.
    pub fn from_weights(alpha: u64, tao: u64, w_tao_parts: u64) -> CurveResult<Self> {
        let weight = u128::from(w_tao_parts);
        let one = u128::from(WEIGHT_ONE);
        if alpha == 0 || tao == 0 || weight == 0 || weight >= one {
            return Err(CurveError::InvalidParameters);
        }
        let a = narrow(div(
            mul(U512::from(alpha), U512::from(weight << 33))?,
            U512::from(one),
        )?)?;
        let b = narrow(div(
            mul(U512::from(tao), U512::from((one - weight) << 33))?,
            U512::from(one),
        )?)?;
        if a == 0 || b == 0 {
            return Err(CurveError::InvalidParameters);
        }
        let center = |reserve: u64, scale: u128| {
            (u128::from(reserve) << 32)
                .checked_add(scale)
                .and_then(|c| i128::try_from(c).ok())
                .ok_or(CurveError::Overflow)
        };
        Ok(Superellipse {
            alpha_scale: a,
            tao_scale: b,
            center_alpha: center(alpha, a)?,
            center_tao: center(tao, b)?,
        })
    }

    /// Emission injections add what entered the reserves to both centers
    /// (`translate_liquidity`): X, Y, the price and every quote stay the same.
    pub fn translate(&mut self, alpha_delta: u64, tao_delta: u64) -> CurveResult<()> {
        let alpha = self
            .center_alpha
            .checked_add(i128::from(alpha_delta) << 32)
            .ok_or(CurveError::Overflow)?;
        let tao = self
            .center_tao
            .checked_add(i128::from(tao_delta) << 32)
            .ok_or(CurveError::Overflow)?;
        self.center_alpha = alpha;
        self.center_tao = tao;
        Ok(())
    }

    /// `(X, Y)` for these reserves; both must be positive.
    fn coordinates(&self, alpha: u64, tao: u64) -> CurveResult<(U512, U512)> {
        if self.alpha_scale == 0 || self.tao_scale == 0 {
            return Err(CurveError::InvalidParameters);
        }
        let x = self
            .center_alpha
            .checked_sub(i128::from(alpha) << 32)
            .ok_or(CurveError::Overflow)?;
        let y = self
            .center_tao
            .checked_sub(i128::from(tao) << 32)
            .ok_or(CurveError::Overflow)?;
        if x <= 0 || y <= 0 {
            return Err(CurveError::OutsideDomain);
        }
        Ok((U512::from(x as u128), U512::from(y as u128)))
    }

    /// Whether the reserves lie on the tradable part of this curve.
    pub fn check(&self, alpha: u64, tao: u64) -> CurveResult<()> {
        self.coordinates(alpha, tao).map(|_| ())
    }

    fn squares(&self) -> CurveResult<(U512, U512)> {
        Ok((
            mul(U512::from(self.alpha_scale), U512::from(self.alpha_scale))?,
            mul(U512::from(self.tao_scale), U512::from(self.tao_scale))?,
        ))
    }

    /// The spot price as U64F64 bits: `floor(2^64 b^2 X / (a^2 Y))` (`calculate_price`).
    pub fn price_bits(&self, alpha: u64, tao: u64) -> CurveResult<u128> {
        let (x, y) = self.coordinates(alpha, tao)?;
        let (a2, b2) = self.squares()?;
        let numerator = mul(mul(b2, x)?, U512::from(ONE_BITS))?;
        narrow(div(numerator, mul(a2, y)?)?)
    }

    /// Alpha out for an exact net TAO input, rounded down (`buy_output`):
    /// `Y' = Y - d 2^32`, `X' = floor_sqrt(X^2 + floor((Y^2 - Y'^2) a^2 / b^2))`.
    pub fn buy_output(&self, alpha: u64, tao: u64, input: u64) -> CurveResult<u64> {
        self.output(alpha, tao, input, Direction::Buy)
    }

    /// TAO out for an exact net alpha input, rounded down (`sell_output`), the mirror image.
    pub fn sell_output(&self, alpha: u64, tao: u64, input: u64) -> CurveResult<u64> {
        self.output(alpha, tao, input, Direction::Sell)
    }

    fn output(&self, alpha: u64, tao: u64, input: u64, direction: Direction) -> CurveResult<u64> {
        let (input_reserve, output_reserve) = match direction {
            Direction::Buy => (tao, alpha),
            Direction::Sell => (alpha, tao),
        };
        input_reserve
            .checked_add(input)
            .ok_or(CurveError::Overflow)?;
        let (x, y) = self.coordinates(alpha, tao)?;
        if input == 0 {
            return Ok(0);
        }
        let (a2, b2) = self.squares()?;
        // The input's coordinate shrinks, the output's grows; s2 are the matching squared scales.
        let (coord_in, coord_out, in_s2, out_s2) = match direction {
            Direction::Buy => (y, x, a2, b2),
            Direction::Sell => (x, y, b2, a2),
        };
        let new_in = coord_in
            .checked_sub(mul(U512::from(input), q32())?)
            .filter(|v| !v.is_zero())
            .ok_or(CurveError::OutsideDomain)?;
        // The difference form keeps the rounding of the chain.
        let gain = mul(sub(coord_in, new_in)?, add(coord_in, new_in)?)?;
        let new_out =
            add(mul(coord_out, coord_out)?, div(mul(gain, in_s2)?, out_s2)?)?.integer_sqrt();
        let output = narrow(div(sub(new_out, coord_out)?, q32())?)?;
        if output > u128::from(output_reserve) {
            return Err(CurveError::InsufficientReserves);
        }
        narrow_amount(output)
    }

    /// The largest net TAO input that leaves at least `floor` rao of alpha in the pool
    /// (`max_buy_input_with_reserve_floor`): the curve's capacity for a stake.
    pub fn max_buy_input(&self, alpha: u64, tao: u64, floor: u64) -> CurveResult<u64> {
        self.max_input(alpha, tao, Direction::Buy, floor)
    }

    /// The largest net alpha input that leaves at least `floor` rao of TAO in the pool.
    pub fn max_sell_input(&self, alpha: u64, tao: u64, floor: u64) -> CurveResult<u64> {
        self.max_input(alpha, tao, Direction::Sell, floor)
    }

    fn max_input(
        &self,
        alpha: u64,
        tao: u64,
        direction: Direction,
        floor: u64,
    ) -> CurveResult<u64> {
        let (x, y) = self.coordinates(alpha, tao)?;
        let (a2, b2) = self.squares()?;
        let (coord, coord_out, in_s2, out_s2, output_reserve, room_in_u64) = match direction {
            Direction::Buy => (y, x, a2, b2, alpha, u64::MAX - tao),
            Direction::Sell => (x, y, b2, a2, tao, u64::MAX - alpha),
        };
        let output_reserve = output_reserve
            .checked_sub(floor)
            .ok_or(CurveError::InsufficientReserves)?;
        // floor((floor_sqrt(T) - coord_out) / 2^32) <= reserve  iff  T < (coord_out + (reserve + 1) 2^32)^2,
        // so the input coordinate may shrink to just above sqrt((c^2 s_in - headroom s_out) / s_in).
        let allowance = mul(U512::from(u128::from(output_reserve) + 1), q32())?;
        let headroom = mul(allowance, add(mul(coord_out, U512::from(2))?, allowance)?)?;
        let initial = mul(mul(coord, coord)?, in_s2)?;
        let bound = mul(headroom, out_s2)?;
        let minimum = if initial >= bound {
            add(
                div(sub(initial, bound)?, in_s2)?.integer_sqrt(),
                U512::one(),
            )?
        } else {
            U512::one()
        };
        let room = coord
            .checked_sub(minimum)
            .ok_or(CurveError::OutsideDomain)?;
        let amount = narrow(div(room, q32())?)?;
        Ok(amount.min(u128::from(room_in_u64)) as u64)
    }

    /// The largest net TAO input whose actual post-trade price stays at or below `target_bits`
    /// (`quote_delta_to_price`): an integer search over real quotes, so rounding is included.
    pub fn buy_to_price(&self, alpha: u64, tao: u64, target_bits: u128) -> CurveResult<u64> {
        if target_bits <= self.price_bits(alpha, tao)? {
            return Ok(0);
        }
        let max = self.max_buy_input(alpha, tao, 0)?;
        last_true(max, |input| {
            let output = self.buy_output(alpha, tao, input)?;
            let after = alpha.checked_sub(output).ok_or(CurveError::Overflow)?;
            match self.price_bits(after, tao + input) {
                Ok(price) => Ok(price <= target_bits),
                Err(CurveError::Overflow) => Ok(false),
                Err(e) => Err(e),
            }
        })
    }

    /// The largest net alpha input whose actual post-trade price stays at or above
    /// `target_bits` (`base_delta_to_price`).
    pub fn sell_to_price(&self, alpha: u64, tao: u64, target_bits: u128) -> CurveResult<u64> {
        if target_bits >= self.price_bits(alpha, tao)? {
            return Ok(0);
        }
        let max = self.max_sell_input(alpha, tao, 0)?;
        last_true(max, |input| {
            let output = self.sell_output(alpha, tao, input)?;
            let alpha_after = alpha.checked_add(input).ok_or(CurveError::Overflow)?;
            let tao_after = tao.checked_sub(output).ok_or(CurveError::Overflow)?;
            Ok(self.price_bits(alpha_after, tao_after)? >= target_bits)
        })
    }
}

/// The largest value in `0..=upper` for which `predicate` holds, assuming it holds up to some
/// point and not after (the chain's `last_true`, with the same midpoints).
fn last_true<F>(upper: u64, mut predicate: F) -> CurveResult<u64>
where
    F: FnMut(u64) -> CurveResult<bool>,
{
    let (mut low, mut high) = (0u64, upper);
    while low < high {
        let mid = low + (high - low).div_ceil(2);
        if predicate(mid)? {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    Ok(low)
}

#[cfg(test)]
mod tests;
