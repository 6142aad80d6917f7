//! Numbers as the chain keeps them: rao and tokens (units), 256/512-bit integers (wide), the
//! chain's U64F64 fixed point (fixed), decimal ln/exp to 28 digits (precise) with
//! their series summed in binary fixed point (fixed_series), exact
//! percentages of integer ratios (ratio), and decimal arithmetic called out of line (dec).

pub mod dec;
pub mod fixed;
pub(crate) mod fixed_series;
pub mod precise;
pub mod ratio;
pub(crate) mod tables;
pub mod units;
pub mod wide;
