//! A result on the page: label, value as a person reads it (rounded, `ui::format`), the
//! full-precision value in `data-value` for tests and scripts, and behind "what is this?" a
//! sentence on what it means with the exact value and a copy of it.

use super::disclosure::Disclosure;
use super::{clipboard, format};
use leptos::prelude::*;

/// A figure's text and its `data-value` (plain decimal, full precision).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    pub value: String,
}

impl Shown {
    pub fn new(text: impl Into<String>, value: impl Into<String>) -> Self {
        Shown {
            text: text.into(),
            value: value.into(),
        }
    }
}

#[component]
pub fn Figure(
    #[prop(into)] testid: String,
    #[prop(into)] label: String,
    #[prop(into)] shown: Signal<Option<Shown>>,
    #[prop(into)] explain: String,
    /// Text when there is no value.
    #[prop(optional, into)]
    missing: Option<Signal<String>>,
    #[prop(optional)] headline: bool,
) -> impl IntoView {
    let missing = missing.unwrap_or_else(|| Signal::derive(|| "—".to_string()));
    // Every rao, whatever the page shows: the value's title and the line under its definition.
    let exact = Signal::derive(move || format::exactly(|| shown.get()));
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        if let Some(value) = shown.with_untracked(|s| s.as_ref().map(|s| s.value.clone())) {
            clipboard::copy(&value, move |done| copied.set(Some(done)));
        }
    };
    let copy_label = StoredValue::new(format!("Copy the exact value of {label}"));
    let named = label.clone();
    let spoken = Signal::derive(move || {
        let value = shown
            .with(|s| s.as_ref().map(|s| s.text.clone()))
            .unwrap_or_else(|| missing.get());
        format!("{named}: {value}. What is this?")
    });
    view! {
        <div class="figure" class:headline=headline>
            <dt>{label}</dt>
            // Not a stop of its own: its "what is this?" below is, named with the figure and its
            // value, so a keyboard user hears each result once and can open its definition.
            <dd
                class="value"
                data-testid=testid
                data-value=move || shown.with(|s| s.as_ref().map(|s| s.value.clone()))
                title=move || exact.with(|s| s.as_ref().map(|s| s.text.clone()))
            >
                {move || shown.with(|s| s.as_ref().map(|s| s.text.clone())).unwrap_or_else(|| missing.get())}
            </dd>
            <dd>
                <Disclosure class="explain" summary="what is this?" label=spoken>
                    <p>{explain.clone()}</p>
                    <Show when=move || exact.with(Option::is_some)>
                        <p class="exact">
                            "Exact: "<span class="exact-text">{move || exact.with(|s| s.as_ref().map(|s| s.text.clone()))}</span>" "
                            <button type="button" class="link-button" aria-label=copy_label.get_value() on:click=copy>"Copy exact value"</button>
                            <span class="copied" role="status">{move || copied.get().map(|ok| if ok { " Copied." } else { " The browser did not allow copying." })}</span>
                        </p>
                    </Show>
                </Disclosure>
            </dd>
        </div>
    }
}

/// One figure of a page's table of figures: where it comes from in the page's result (`T`),
/// what it says when there is none, and what it means.
pub struct FigureSpec<T: 'static> {
    pub testid: &'static str,
    pub label: &'static str,
    pub headline: bool,
    pub pick: fn(&T) -> Option<Shown>,
    pub missing: fn(&T) -> String,
    pub explain: &'static str,
}

/// A page's figures, drawn from its table of `FigureSpec`s, as their own list.
#[component]
pub fn Figures<T: Clone + PartialEq + Send + Sync + 'static>(
    specs: &'static [FigureSpec<T>],
    result: Memo<Result<T, String>>,
) -> impl IntoView {
    view! {
        <dl class="figures">
            <FigureRows specs=specs result=result />
        </dl>
    }
}

/// The rows of a table of `FigureSpec`s, inside a list the page draws (between other figures).
#[component]
pub fn FigureRows<T: Clone + PartialEq + Send + Sync + 'static>(
    specs: &'static [FigureSpec<T>],
    result: Memo<Result<T, String>>,
) -> impl IntoView {
    specs
        .iter()
        .map(|spec| {
            let pick = spec.pick;
            let missing = spec.missing;
            view! {
                <Figure
                    testid=spec.testid
                    label=spec.label
                    headline=spec.headline
                    shown=Signal::derive(move || result.with(|r| r.as_ref().ok().and_then(pick)))
                    missing=Signal::derive(move || result.with(|r| match r {
                        Ok(p) => missing(p),
                        Err(_) => "—".to_string(),
                    }))
                    explain=spec.explain
                />
            }
        })
        .collect_view()
}
