//! The screener, "Compare subnets": every subnet at the user's size, after the cost of getting
//! in and out, in one sortable table and a chart.

pub mod form;
pub mod page;
pub mod pool_figures;
pub mod row_markup;
pub mod rows;
pub mod sort;
pub mod table;

pub use page::ScreenCalculator;
