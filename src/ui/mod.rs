//! The Leptos pages. `query`, `field`, `format` and the calculators' `form` modules are pure;
//! the components read the URL query as their state and write every change back to it.

pub mod app;
pub mod chain_fields;
pub mod chain_figures;
pub mod chart;
pub mod conviction;
pub mod data;
pub mod data_panel;
pub mod field;
pub mod figure;
pub mod format;
pub mod inputs;
pub mod params;
pub mod pool;
pub mod pool_fields;
pub mod pool_source;
pub mod query;
pub mod returns;
pub mod storage;
pub mod subnet_picker;
pub mod take;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The element the app lives in. A saved copy of the page already holds the rendered app
/// there, so it is emptied before mounting, or the app would appear twice.
pub const ROOT_ID: &str = "dtao-calc";

/// Mount the full app into `#dtao-calc` (created if the page lacks it).
pub fn start() {
    console_error_panic_hook::set_once();
    let document = document();
    let root = document.get_element_by_id(ROOT_ID).or_else(|| {
        let el = document.create_element("div").ok()?;
        el.set_id(ROOT_ID);
        document.body()?.append_child(&el).ok()?;
        Some(el)
    });
    let Some(root) = root else {
        leptos::logging::error!("dtao-calc: no element to mount into");
        return;
    };
    root.set_inner_html("");
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let params = params::Params::from_location();
    leptos::mount::mount_to(root, move || view! { <app::App params=params /> }).forget();
}
