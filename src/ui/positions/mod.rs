//! "Your positions": a wallet's stakes valued at what selling them would really return.

mod page;
mod table;

pub use page::PositionsCalculator;
