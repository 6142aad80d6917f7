//! The delegation-take calculator's form, comparison, prefilled rows, table, realised yields
//! and words.

pub mod compare;
pub mod explain;
pub mod form;
pub mod hotkey;
pub mod prefill;
pub mod realised;
pub mod rows;
pub mod table;
