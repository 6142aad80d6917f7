//! The pool slippage calculator: what a stake or unstake returns from a subnet's pool.

pub mod page;
mod sections;

pub use page::PoolCalculator;
