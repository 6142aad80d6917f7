//! What every calculator's summary card shares: whether the calculator is a compact embed, the
//! "exact figures" switch (`exact=1`) and the verdict when there is nothing to show.

use crate::calc::app_params::EXACT;
use crate::calc::format::Style;
use crate::calc::shared_params::TAO_USD;
use crate::calc::typed::parse_flag;
use crate::ui::shell::params::Params;
use leptos::prelude::*;

/// A compact embed (`embed=1`, the widget): the summary, the inputs a reader changes, one chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Compact(pub bool);

/// Whether the calculator being drawn is a compact embed.
pub fn is_compact() -> bool {
    use_context::<Compact>().is_some_and(|c| c.0)
}

/// What `exact` asks for: exact figures or not, or the message for a value that is not 0 or 1
/// (the figures stay readable then).
fn exact_asked(params: Params) -> Result<bool, String> {
    match params.get(EXACT.key) {
        None => Ok(false),
        Some(raw) => parse_flag(&raw).map_err(|e| format!("Exact figures: {e}")),
    }
}

/// How the page writes its figures: exactly or readably as `exact` says (readable when it is
/// bad), in dollars too when `tao_usd` reads. Call it where a component is built (it finds the
/// page's query there) and the result inside reactive closures: a text written in the style
/// redraws when either changes.
pub fn style_reader() -> impl Fn() -> Style + Copy + Send + Sync + 'static {
    let params = use_context::<Params>();
    move || match params {
        None => Style::READABLE,
        Some(p) => Style {
            exact: exact_asked(p).unwrap_or(false),
            tao_usd: TAO_USD.read_optional(&|k| p.get(k)).ok().flatten(),
        },
    }
}

/// The "exact figures" checkbox, with the message for a bad `exact`.
#[component]
pub fn ExactToggle() -> impl IntoView {
    let params = use_context::<Params>();
    let asked = move || params.map(exact_asked).unwrap_or(Ok(false));
    view! {
        <label class="exact-toggle" for="exact">
            <input
                type="checkbox"
                id="exact"
                data-testid="exact-toggle"
                aria-describedby="exact-msg"
                prop:checked=move || asked() == Ok(true)
                on:change:target=move |ev| {
                    if let Some(p) = params {
                        p.set(EXACT.key, ev.target().checked().then(|| "1".to_string()));
                    }
                }
            />
            " Exact figures"
        </label>
        <p class="msg" id="exact-msg" aria-live="polite">{move || asked().err()}</p>
    }
}

/// The summary's verdict when the calculator cannot compute: why, where the figures would be.
#[component]
pub fn Refusal(testid: &'static str, #[prop(into)] text: String) -> impl IntoView {
    view! {
        <div tabindex="0" class="verdict rejected" data-testid=testid role="alert">{text}</div>
    }
}
