//! Numbers as the chain keeps them: rao and tokens (units), 256/512-bit integers (wide), the
//! chain's U64F64 fixed point (fixed), decimal ln/exp to 28 digits (precise), and exact
//! percentages of integer ratios (ratio).

pub mod fixed;
pub mod precise;
pub mod ratio;
pub(crate) mod tables;
pub mod units;
pub mod wide;
