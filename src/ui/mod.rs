//! The Leptos pages: components only, over `calc` (their forms, figures and words). The
//! components read the URL query as their state and write every change back to it.

pub mod conviction;
pub mod data;
pub mod pool;
pub mod positions;
pub mod returns;
pub mod screen;
pub mod shell;
pub mod take;
pub mod widgets;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The element the app lives in. A saved copy of the page already holds the rendered app
/// there, so it is emptied before mounting, or the app would appear twice.
pub const ROOT_ID: &str = "dtao-calc";

/// Mount the app into `#dtao-calc` (created if the page lacks it): the full site, or only the
/// calculator with `embed=1`. Does nothing when a script-tag widget loaded the module; the
/// widget mounts itself with `mount_widget`.
pub fn start() {
    shell::timing::mark(shell::timing::STARTED);
    console_error_panic_hook::set_once();
    if shell::embed::is_widget_page() {
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
    let params = shell::params::Params::from_location();
    let embed = params.get_untracked(crate::calc::app_params::EMBED.key);
    let shell = if matches!(embed.as_deref().map(str::trim), Some("1" | "full")) {
        shell::embed::post_height_when_framed(&root);
        shell::app::Shell::Embed
    } else {
        shell::app::Shell::Full
    };
    let base = shell::embed::page_base();
    leptos::mount::mount_to(
        root,
        move || view! { <shell::app::App params=params shell=shell base=base /> },
    )
    .forget();
    shell::timing::mark(shell::timing::MOUNTED);
}

/// Mount a calculator into `host` for a script-tag widget: `query` holds its parameters (from
/// the tag's `data-` attributes) and `base` the address of the full app. The widget's state
/// stays off the host page's URL and storage. (Not exported from the live reader's own module,
/// which must not carry the app.)
#[cfg_attr(not(feature = "live-module"), wasm_bindgen::prelude::wasm_bindgen)]
pub fn mount_widget(host: web_sys::HtmlElement, query: String, base: String) {
    console_error_panic_hook::set_once();
    let params = shell::params::Params::detached(crate::calc::query::parse_query(&query));
    leptos::mount::mount_to(host, move || {
        view! { <shell::app::App params=params shell=shell::app::Shell::Widget base=base /> }
    })
    .forget();
}
