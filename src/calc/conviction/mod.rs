//! The conviction-lock calculator's form, report, figures and words.

pub mod explain;
pub mod figures;
pub mod form;
pub mod report;
