//! A result on the page: label, value as a person reads it (rounded, `calc::format`), the
//! full-precision value in `data-value` for tests and scripts, and behind "what is this?" a
//! sentence on what it means with the exact value and a copy of it.

use crate::calc::figure::{FigureSpec, Shown};
use crate::calc::format::Style;
use crate::ui::shell::summary::style_reader;
use crate::ui::widgets::clipboard;
use crate::ui::widgets::disclosure::Disclosure;
use leptos::prelude::*;
use std::sync::Arc;

/// A figure as written in a given style: the page's (readable or exact), and exact for its
/// title and copy. Reactive: it reads the page's memos.
#[derive(Clone)]
pub struct ShownBy(Arc<dyn Fn(Style) -> Option<Shown> + Send + Sync>);

impl<F: Fn(Style) -> Option<Shown> + Send + Sync + 'static> From<F> for ShownBy {
    fn from(f: F) -> Self {
        ShownBy(Arc::new(f))
    }
}

#[component]
pub fn Figure(
    #[prop(into)] testid: String,
    #[prop(into)] label: String,
    #[prop(into)] shown: ShownBy,
    #[prop(into)] explain: String,
    /// Text when there is no value.
    #[prop(optional, into)]
    missing: Option<Signal<String>>,
    #[prop(optional)] headline: bool,
) -> impl IntoView {
    let missing = missing.unwrap_or_else(|| Signal::derive(|| "—".to_string()));
    // Every rao, whatever the page shows: the value's title and the line under its definition.
    let style = style_reader();
    let exact = Signal::derive({
        let shown = shown.clone();
        move || (shown.0)(style().exactly())
    });
    let shown = Signal::derive(move || (shown.0)(style()));
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
    let style = style_reader();
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
                    shown=move |style| result.with(|r| r.as_ref().ok().and_then(|r| pick(r, style)))
                    missing=Signal::derive(move || result.with(|r| match r {
                        Ok(p) => missing(p, style()),
                        Err(_) => "—".to_string(),
                    }))
                    explain=spec.explain
                />
            }
        })
        .collect_view()
}
