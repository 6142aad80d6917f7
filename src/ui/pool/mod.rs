//! The pool slippage calculator: what a stake or unstake returns from a subnet's pool.

pub mod calculator;
pub mod explain;
pub mod form;
mod sections;

pub use calculator::PoolCalculator;
