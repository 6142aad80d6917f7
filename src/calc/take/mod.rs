//! The delegation-take calculator's form, comparison, prefilled rows, table and words.

pub mod compare;
pub mod explain;
pub mod form;
pub mod prefill;
pub mod rows;
pub mod table;
