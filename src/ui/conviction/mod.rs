//! The conviction-lock calculator: locked alpha and conviction over time, what the lock costs in
//! liquidity, and when a challenger could take over the subnet.

pub mod page;
mod sections;

pub use page::ConvictionCalculator;
