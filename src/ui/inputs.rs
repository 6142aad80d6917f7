//! Inputs shared by every calculator: each has a visible label, says what is wrong next to
//! itself, and writes straight to its URL parameter.

use leptos::prelude::*;

/// A typed number (or text) with a unit and its message.
#[component]
pub fn TextInput(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] on_input: Callback<String>,
    #[prop(optional, into)] unit: Option<Signal<String>>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] placeholder: Option<String>,
    /// The on-screen keyboard to offer: decimal by default, `text` for names.
    #[prop(optional)]
    inputmode: Option<&'static str>,
) -> impl IntoView {
    let msg_id = format!("{id}-msg");
    let hint_id = format!("{id}-hint");
    let described = if hint.is_some() {
        format!("{msg_id} {hint_id}")
    } else {
        msg_id.clone()
    };
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            <div class="input-row">
                <input
                    id=id.clone()
                    name=id.clone()
                    type="text"
                    inputmode=inputmode.unwrap_or("decimal")
                    autocomplete="off"
                    spellcheck="false"
                    placeholder=placeholder
                    prop:value=move || value.get()
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby=described
                    on:input:target=move |ev| on_input.run(ev.target().value())
                />
                {unit.map(|u| view! { <span class="unit">{move || u.get()}</span> })}
            </div>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <p class="msg" id=msg_id aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
}

/// One choice among a few, as radio buttons.
#[component]
pub fn Choice(
    #[prop(into)] name: String,
    #[prop(into)] legend: String,
    options: Vec<(&'static str, &'static str)>,
    #[prop(into)] selected: Signal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] on_change: Callback<String>,
) -> impl IntoView {
    let msg_id = format!("{name}-msg");
    view! {
        <fieldset class="field choice" class:invalid=move || error.with(Option::is_some)>
            <legend>{legend}</legend>
            <div class="choice-row">
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let id = format!("{name}-{value}");
                        let for_id = id.clone();
                        view! {
                            <label for=for_id class="choice-option">
                                <input
                                    type="radio"
                                    id=id
                                    name=name.clone()
                                    value=value
                                    prop:checked=move || selected.with(|s| s == value)
                                    on:change=move |_| on_change.run(value.to_string())
                                />
                                <span>{text}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="msg" id=msg_id aria-live="polite">
                {move || error.get()}
            </p>
        </fieldset>
    }
}

/// An on/off option.
#[component]
pub fn Toggle(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] checked: Signal<bool>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] on_change: Callback<bool>,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    view! {
        <div class="field toggle" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone() class="toggle-label">
                <input
                    type="checkbox"
                    id=id.clone()
                    prop:checked=move || checked.get()
                    on:change:target=move |ev| on_change.run(ev.target().checked())
                />
                <span>{label}</span>
            </label>
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            <p class="msg" id=format!("{id}-msg") aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
}

/// A drop-down list of `(value, text)` options.
#[component]
pub fn Select(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] selected: Signal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] on_change: Callback<String>,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            <select
                id=id.clone()
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=format!("{id}-msg")
                on:change:target=move |ev| on_change.run(ev.target().value())
            >
                {move || {
                    let current = selected.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(value, text)| {
                            let is_selected = value == current;
                            view! {
                                <option value=value selected=is_selected>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            <p class="msg" id=format!("{id}-msg") aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
}
