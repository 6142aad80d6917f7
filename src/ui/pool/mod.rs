//! The pool slippage calculator: what a stake or unstake returns from a subnet's pool.

pub mod chain_quote;
pub mod explain;
pub mod figures;
pub mod form;
pub mod outcome;
pub mod page;
mod sections;

pub use page::PoolCalculator;
