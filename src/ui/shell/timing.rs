//! User Timing marks at the steps of starting up (`performance.mark`): the browser's tools and
//! tools/bench read them to tell where the time before the first figure goes (loading and
//! compiling the wasm, reading the bundled snapshot, building the page).

use leptos::prelude::{request_animation_frame, set_timeout};
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

pub const STARTED: &str = "dtao:start";
pub const DATA_READ: &str = "dtao:data-read";
pub const MOUNTED: &str = "dtao:mounted";

pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        // A browser without User Timing loses only the measurement.
        let _ = performance.mark(name);
    }
}

/// Runs `f` once after the browser has painted the page as it is now: a task after the next
/// animation frame (a frame's callbacks run before its paint), or after 100 ms in a page that
/// draws no frames (a hidden tab or frame), whichever comes first.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let slot = Rc::new(Cell::new(Some(f)));
    let run = move || {
        if let Some(f) = slot.take() {
            f();
        }
    };
    let again = run.clone();
    request_animation_frame(move || set_timeout(run, Duration::ZERO));
    set_timeout(again, Duration::from_millis(100));
}
