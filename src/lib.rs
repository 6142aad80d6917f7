//! dtao-calc: a browser calculator for Bittensor subnet economics.
//! `model` is the maths (pure, tested natively), `snapshot` the data, `calc` the calculators'
//! pure part (forms, figures, words), `ui` the Leptos pages.

pub mod calc;
pub mod model;
pub mod snapshot;
pub mod ui;
