//! The maths of dtao-calc: pure Rust, no browser code. Amounts are integers in rao where the
//! chain uses them, and `rust_decimal` where a figure is shown to a person. Each formula lives
//! in one place, with the subtensor code it follows named beside it.

pub mod conviction;
pub mod curve;
pub mod delegation;
pub mod ellipse_swap;
pub mod emission;
pub mod fee;
pub mod fixed;
pub mod growth;
pub mod input;
pub mod limit;
pub mod move_stake;
pub mod pool;
pub mod precise;
pub mod price_path;
pub mod quote;
pub mod ratio;
pub mod rejection;
pub mod returns;
pub mod round_trip;
pub mod side;
pub mod superellipse;
pub mod swap;
pub mod switching;
pub mod trade;
pub mod units;
pub mod weights;
pub mod wide;
