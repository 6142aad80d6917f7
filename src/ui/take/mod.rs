//! The delegation-take calculator: which validator to delegate to on a subnet, and what each
//! one's take costs over time.

pub mod compare;
pub mod explain;
pub mod form;
pub mod page;
pub mod prefill;
pub mod rows;
mod sections;
mod summary;

pub use page::TakeCalculator;
