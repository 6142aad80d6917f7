//! dtao-calc: a browser calculator for Bittensor subnet economics.
//! `model` is the maths (pure, tested natively), `snapshot` the data, `ui` the Leptos pages.

pub mod model;
pub mod snapshot;
pub mod ui;
