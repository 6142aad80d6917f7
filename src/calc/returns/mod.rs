//! The staking-return calculator's form, figures and words.

pub mod explain;
pub mod figures;
pub mod form;
pub mod history;
pub mod other_exit;
pub mod root_basket;
pub mod root_basket_words;
pub mod root_chain_yield;
