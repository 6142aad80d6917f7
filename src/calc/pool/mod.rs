//! The pool slippage calculator's form, result, figures and words.

pub mod chain_quote;
pub mod explain;
pub mod figures;
pub mod form;
pub mod outcome;
