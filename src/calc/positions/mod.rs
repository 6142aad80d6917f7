//! "Your positions" (issue 32): a wallet's stakes valued at what selling them would really
//! return. `form` reads the URL, `valuation` values the positions against the subnet data,
//! `apy` builds each stake's returns calculator, `table` writes the rows, `explain` the words.

pub mod apy;
pub mod chart;
pub mod explain;
pub mod form;
pub mod table;
pub mod valuation;
