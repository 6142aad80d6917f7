//! The delegation-take calculator: which validator to delegate to on a subnet, and what each
//! one's take costs over time.

pub mod page;
mod realised;
mod sections;
mod summary;

pub use page::TakeCalculator;
