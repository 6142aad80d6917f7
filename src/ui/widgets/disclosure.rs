//! A disclosure (`details`) whose content is built the first time it is opened, then kept.
//! Most of a page's words and tables sit behind disclosures few people open (definitions, the
//! numbers behind a chart, the data and embed panels): built at start they were half the
//! pool page's elements (388 of 794) and code the browser compiled and ran before the first
//! figure (issue 18). The summary is in the page from the start, so keyboards and screen
//! readers reach it as before; what it holds exists from the moment it opens. Folded inputs
//! (the custom pool, the chain figures) are built with the page: their boxes show the data's
//! values, which say at a glance which data the figures use.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn Disclosure(
    /// The words that open it.
    summary: &'static str,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] testid: Option<&'static str>,
    /// The summary's accessible name, when its words alone do not say enough (a figure's "what
    /// is this?" names the figure and reads its value: one stop for both).
    #[prop(optional, into)]
    label: Option<Signal<String>>,
    children: ChildrenFn,
) -> impl IntoView {
    let opened = RwSignal::new(false);
    // `toggle` fires after the element opens or closes, whatever opened it (a click, the
    // keyboard, find-in-page, a script setting `open`).
    let on_toggle = move |ev: web_sys::Event| {
        let open = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.has_attribute("open"));
        if open && !opened.get_untracked() {
            opened.set(true);
        }
    };
    view! {
        <details class=class data-testid=testid on:toggle=on_toggle>
            <summary aria-label=move || label.map(|l| l.get())>{summary}</summary>
            {move || opened.get().then(|| children())}
        </details>
    }
}
