//! The maths of dtao-calc: pure Rust, no browser code. Amounts are integers in rao where the
//! chain uses them, and `rust_decimal` where a figure is shown to a person. Each formula lives
//! in one place, with the subtensor code it follows named beside it.

pub mod conviction;
pub mod num;
pub mod order;
pub mod pool;
pub mod positions;
pub mod screen;
pub mod staking;
pub mod subnet_emission;
pub mod words;
