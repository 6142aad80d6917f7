//! Staking: a new root position's basket (basket), what a stake really earned on chain and a replay of one (realised, backtest), the TAO a block emits (block_emission), what a subnet emits to its stakers (emission), how a position grows (growth), the
//! returns net of the swaps (returns), what a validator's take costs (delegation) and what
//! changing validator or subnet costs (switching).

pub mod backtest;
pub mod basket;
pub mod block_emission;
pub mod delegation;
pub mod emission;
pub mod growth;
pub mod realised;
pub mod returns;
pub mod switching;
