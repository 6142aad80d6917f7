//! The calculators' pure part, between the data (`snapshot`) and the pages (`ui`): the
//! URL-parameter language (`param`, `param_tables`, `typed`, `field`, `grouping`, `query`),
//! the inputs several calculators share, how figures are written (`format`, with the display
//! style passed in; `figure`, the figure tables' types; `markup`, escaped HTML), and per
//! calculator its form, figures, words and result. No Leptos and no browser here
//! (`tests/layers.rs`): everything a page shows is computed and tested natively.

pub mod app_params;
pub mod chain_figures;
pub mod chart;
pub mod conviction;
pub mod csv;
pub mod field;
pub mod figure;
pub mod format;
pub mod grouping;
pub mod markup;
pub mod netuid;
pub mod param;
pub mod param_tables;
pub mod pool;
pub mod pool_source;
pub mod positions;
pub mod query;
pub mod returns;
pub mod screen;
pub mod shared_params;
pub mod subnet_options;
pub mod take;
pub mod tao_emission;
pub mod typed;
