//! The screener's form, rows, pool figures, sort and row markup.

pub mod dash;
pub mod emission_cell;
pub mod form;
pub mod pool_figures;
pub mod realised;
pub mod root_row;
pub mod row_markup;
pub mod rows;
pub mod sort;
