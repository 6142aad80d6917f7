//! User Timing marks at the steps of starting up (`performance.mark`): the browser's tools and
//! tools/bench read them to tell where the time before the first figure goes (loading and
//! compiling the wasm, reading the bundled snapshot, building the page).

pub const STARTED: &str = "dtao:start";
pub const DATA_READ: &str = "dtao:data-read";
pub const MOUNTED: &str = "dtao:mounted";

pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        // A browser without User Timing loses only the measurement.
        let _ = performance.mark(name);
    }
}
