//! Embedding: an iframe (`embed=1`) tells its host page how tall it is, so the host can size it;
//! a script-tag widget marks the page so the module does not also mount the full site.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The message an embedded calculator posts to its host: `{type: "dtao-calc:height", height}`.
pub const HEIGHT_MESSAGE: &str = "dtao-calc:height";

/// Whether a script-tag widget loaded the module on this page (it sets `__dtaoCalcWidget`).
pub fn is_widget_page() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__dtaoCalcWidget".into()).ok())
        .is_some_and(|v| v.is_truthy())
}

/// The app's own address without the query: where "open the full calculator" leads.
pub fn page_base() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .filter(|b| !b.starts_with("null"))
        .unwrap_or_default()
}

/// In a frame, post the root's height to the parent whenever it changes.
pub fn post_height_when_framed(root: &web_sys::HtmlElement) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if js_sys::Object::is(&parent, &window) {
        return;
    }
    let observed = root.clone();
    let callback = Closure::<dyn FnMut()>::new(move || {
        let message = js_sys::Object::new();
        let height = f64::from(observed.offset_height());
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from_f64(height));
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(root);
        // Both live as long as the page.
        callback.forget();
        std::mem::forget(observer);
    }
}
