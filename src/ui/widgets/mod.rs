//! What every page is built from: inputs, figures, disclosures and explanations, the subnet
//! picker, the pool's and the chain's fields, and the charts.

pub mod chain_fields;
pub mod chart;
pub mod clipboard;
pub mod disclosure;
pub mod download;
pub mod explain;
pub mod figure;
pub mod inputs;
pub mod pool_fields;
pub mod read_realised;
pub mod subnet_picker;
