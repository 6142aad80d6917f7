//! Explanations on demand: a definition behind a small "what is this?" disclosure, so pages
//! open on their figures, while every definition stays one key press away and is read by
//! screen readers (a `details` element, its text built when first opened).

use crate::ui::widgets::disclosure::Disclosure;
use leptos::prelude::*;

#[component]
pub fn Explain(
    #[prop(into)] text: String,
    /// The disclosure's words; "what is this?" unless given.
    #[prop(optional)]
    summary: Option<&'static str>,
) -> impl IntoView {
    view! {
        <Disclosure class="explain" summary=summary.unwrap_or("what is this?")>
            <p>{text.clone()}</p>
        </Disclosure>
    }
}
