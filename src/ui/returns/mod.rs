//! The staking-return calculator: what staking X TAO into a subnet through a validator for D
//! days returns in TAO, after fees and slippage both ways.

mod history;
pub mod page;
mod root_basket;
mod sections;

pub use page::ReturnsCalculator;
