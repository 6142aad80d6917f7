//! The Leptos pages. `query`, `field`, `format` and the calculators' `form` modules are pure;
//! the components read the URL query as their state and write every change back to it.

pub mod app;
pub mod app_params;
pub mod calculator;
pub mod chain_fields;
pub mod chain_figures;
pub mod chart;
pub mod clipboard;
pub mod conviction;
pub mod data;
pub mod data_panel;
pub mod disclosure;
pub mod embed;
pub mod embed_panel;
pub mod explain;
pub mod field;
pub mod figure;
pub mod format;
pub mod grouping;
pub mod inputs;
pub mod markup;
pub mod param;
pub mod param_tables;
pub mod params;
pub mod pool;
pub mod pool_fields;
pub mod pool_source;
pub mod query;
pub mod returns;
pub mod screen;
pub mod shared_params;
pub mod storage;
pub mod subnet_picker;
pub mod summary;
pub mod take;
pub mod timing;
pub mod typed;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The element the app lives in. A saved copy of the page already holds the rendered app
/// there, so it is emptied before mounting, or the app would appear twice.
pub const ROOT_ID: &str = "dtao-calc";

/// Mount the app into `#dtao-calc` (created if the page lacks it): the full site, or only the
/// calculator with `embed=1`. Does nothing when a script-tag widget loaded the module; the
/// widget mounts itself with `mount_widget`.
pub fn start() {
    timing::mark(timing::STARTED);
    console_error_panic_hook::set_once();
    if embed::is_widget_page() {
        return;
    }
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
    let embed = params.get_untracked(app_params::EMBED.key);
    let shell = if matches!(embed.as_deref().map(str::trim), Some("1" | "full")) {
        embed::post_height_when_framed(&root);
        app::Shell::Embed
    } else {
        app::Shell::Full
    };
    let base = embed::page_base();
    leptos::mount::mount_to(
        root,
        move || view! { <app::App params=params shell=shell base=base /> },
    )
    .forget();
    timing::mark(timing::MOUNTED);
}

/// Mount a calculator into `host` for a script-tag widget: `query` holds its parameters (from
/// the tag's `data-` attributes) and `base` the address of the full app. The widget's state
/// stays off the host page's URL and storage. (Not exported from the live reader's own module,
/// which must not carry the app.)
#[cfg_attr(not(feature = "live-module"), wasm_bindgen::prelude::wasm_bindgen)]
pub fn mount_widget(host: web_sys::HtmlElement, query: String, base: String) {
    console_error_panic_hook::set_once();
    let params = params::Params::detached(query::parse_query(&query));
    leptos::mount::mount_to(host, move || {
        view! { <app::App params=params shell=app::Shell::Widget base=base /> }
    })
    .forget();
}
