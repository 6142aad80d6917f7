//! Copying text to the clipboard: the embed snippets and a figure's exact value.

use leptos::prelude::*;

/// Copy `text`, then call `done` with whether the browser let it.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let promise = window().navigator().clipboard().write_text(text);
    leptos::task::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}
