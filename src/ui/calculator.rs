//! The frame every calculator page shares: its title and lede, the inputs column (a form that
//! never submits) and the results column, then the page's further sections.

use crate::ui::app_params::Calc;
use leptos::prelude::*;

/// The inputs column's content.
#[slot]
pub struct Inputs {
    children: Children,
}

/// The results column's content.
#[slot]
pub struct Results {
    children: Children,
}

#[component]
pub fn Calculator(
    /// Which calculator: its title, and its `calc` value for the title's id (`{calc}-title`).
    calc: Calc,
    lede: &'static str,
    /// What a screen reader calls the inputs form.
    inputs_label: &'static str,
    /// Inputs above results at every width (for a wide results table).
    #[prop(optional)]
    stacked: bool,
    inputs: Inputs,
    results: Results,
    /// The sections below the two columns.
    children: Children,
) -> impl IntoView {
    let title_id = format!("{}-title", calc.param());
    let title = calc.title();
    let labelled_by = title_id.clone();
    view! {
        <section class="calc" aria-labelledby=labelled_by>
            <h2 id=title_id>{title}</h2>
            <p class="lede">{lede}</p>
            <div class="calc-layout" class:stacked=stacked>
                <form class="inputs" on:submit=|ev| ev.prevent_default() aria-label=inputs_label>
                    {(inputs.children)()}
                </form>
                <div class="results" aria-label="Results">
                    {(results.children)()}
                </div>
            </div>
            {children()}
        </section>
    }
}
