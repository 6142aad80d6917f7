//! The returns calculator's view of the chain's past (issue 33): realised yields of a
//! validator and a backtest of a stake, from a `snapshot::history::History` read from an
//! archive node. Parameters (params, date), their reading (form), the figures and the words.

pub mod date;
pub mod explain;
pub mod figures;
pub mod form;
pub mod params;
pub mod points;
pub mod targets;
pub mod validators;
