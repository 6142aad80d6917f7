//! The screener, "Compare subnets": every subnet at the user's size, after the cost of getting
//! in and out, in one sortable table and a chart.

pub mod page;
pub mod realised;
pub mod table;

pub use page::ScreenCalculator;
