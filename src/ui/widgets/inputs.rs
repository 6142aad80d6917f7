//! Inputs shared by every calculator: each has a visible label, says what is wrong next to
//! itself, and writes straight to its URL parameter. `ParamInput`, `ParamChoice` and
//! `ParamToggle` draw a parameter of a form's table (`ui::param`); `TextInput` is the plain box
//! beneath them, also used where one parameter holds many boxes (the take table's rows).

use crate::calc::field::FieldText;
use crate::calc::param::Spec;
use crate::ui::shell::params::{unless_blank, Params};
use leptos::prelude::*;

/// Where a calculator's inputs write: the page's parameters, with `calc` naming the calculator.
#[derive(Clone, Copy)]
pub struct Edit {
    pub params: Params,
    pub calc: &'static str,
}

impl Edit {
    pub fn set(&self, key: &str, value: Option<String>) {
        self.params.edit(self.calc, &[(key, value)]);
    }

    /// Typed text for `spec`: a blank optional box removes its parameter.
    pub fn typed(&self, spec: Spec, text: String) {
        let value = if spec.optional {
            unless_blank(text)
        } else {
            Some(text)
        };
        self.set(spec.key, value);
    }
}

/// A parameter's text box: its key is the box's id, its label and unit come from its table.
#[component]
pub fn ParamInput(
    spec: Spec,
    #[prop(into)] field: Signal<FieldText>,
    edit: Edit,
    /// A unit that follows another input (the amount's TAO or alpha); else the table's.
    #[prop(optional, into)]
    unit: Option<Signal<String>>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] placeholder: Option<String>,
    #[prop(optional)] inputmode: Option<&'static str>,
) -> impl IntoView {
    let unit =
        unit.or_else(|| (!spec.unit.is_empty()).then(|| Signal::stored(spec.unit.to_string())));
    text_box(
        spec.key.to_string(),
        spec.label.to_string(),
        Signal::derive(move || field.with(|f| f.text.clone())),
        Signal::derive(move || field.with(|f| f.error.clone())),
        Callback::new(move |v| edit.typed(spec, v)),
        Extras {
            unit,
            hint,
            placeholder,
            inputmode,
        },
    )
}

/// A parameter's named values as radio buttons (`buttons`: parameter text and words).
#[component]
pub fn ParamChoice(
    spec: Spec,
    buttons: Vec<(&'static str, &'static str)>,
    #[prop(into)] field: Signal<FieldText>,
    edit: Edit,
) -> impl IntoView {
    view! {
        <Choice
            name=spec.key
            legend=spec.label
            options=buttons
            selected=Signal::derive(move || field.with(|f| f.text.clone()))
            error=Signal::derive(move || field.with(|f| f.error.clone()))
            on_change=Callback::new(move |v| edit.set(spec.key, Some(v)))
        />
    }
}

/// A parameter picked from a list of `(value, text)` options (a subnet).
#[component]
pub fn ParamSelect(
    spec: Spec,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] field: Signal<FieldText>,
    edit: Edit,
) -> impl IntoView {
    view! {
        <Select
            id=spec.key
            label=spec.label
            options=options
            selected=Signal::derive(move || field.with(|f| f.text.clone()))
            error=Signal::derive(move || field.with(|f| f.error.clone()))
            on_change=Callback::new(move |v| edit.typed(spec, v))
        />
    }
}

/// A `0`/`1` parameter as a checkbox.
#[component]
pub fn ParamToggle(
    spec: Spec,
    #[prop(into)] field: Signal<FieldText>,
    edit: Edit,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let hint_view = hint.map(|h| view! { <p class="hint">{h}</p> });
    let error = Signal::derive(move || field.with(|f| f.error.clone()));
    view! {
        <div class="field toggle" class:invalid=move || error.with(Option::is_some)>
            <label for=spec.key class="toggle-label">
                <input
                    type="checkbox"
                    id=spec.key
                    prop:checked=move || field.with(|f| f.text.trim() == "1")
                    on:change:target=move |ev| {
                        let on = ev.target().checked();
                        edit.set(spec.key, Some(if on { "1" } else { "0" }.to_string()))
                    }
                />
                <span>{spec.label}</span>
            </label>
            {hint_view}
            <p class="msg" id=format!("{}-msg", spec.key) aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
}

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
    text_box(
        id,
        label,
        value,
        error,
        on_input,
        Extras {
            unit,
            hint,
            placeholder,
            inputmode,
        },
    )
}

/// A text box's optional parts.
struct Extras {
    unit: Option<Signal<String>>,
    hint: Option<String>,
    placeholder: Option<String>,
    inputmode: Option<&'static str>,
}

fn text_box(
    id: String,
    label: String,
    value: Signal<String>,
    error: Signal<Option<String>>,
    on_input: Callback<String>,
    extras: Extras,
) -> impl IntoView {
    let Extras {
        unit,
        hint,
        placeholder,
        inputmode,
    } = extras;
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
