//! The frame every calculator page shares: its title and lede, the summary card (the verdict
//! and three or four key figures: above the inputs on a narrow screen, beside them on a wide
//! one), the inputs (a form that never submits) and the results, the page's chart and its
//! further sections. A compact embed keeps the summary, its inputs and the chart.

use crate::calc::app_params::Calc;
use crate::ui::shell::summary::{is_compact, ExactToggle};
use leptos::prelude::*;

/// The inputs form's id, which the page's skip link moves the focus to.
pub const INPUTS_ID: &str = "calc-inputs";

/// The summary card's content: the verdict and the key figures.
#[slot]
pub struct Summary {
    children: Children,
}

/// The inputs column's content.
#[slot]
pub struct Inputs {
    children: Children,
}

/// The results column's content (the figures not in the summary).
#[slot]
pub struct Results {
    children: Children,
}

/// The page's one chart: below the columns, and the one a compact embed shows.
#[slot]
pub struct Chart {
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
    summary: Summary,
    /// The summary's main figure in a few words, repeated at the foot of a phone's screen while
    /// the inputs are edited.
    #[prop(into)]
    dock: Signal<String>,
    inputs: Inputs,
    results: Results,
    chart: Chart,
    /// The sections below the chart.
    children: Children,
) -> impl IntoView {
    let compact = is_compact();
    let title_id = format!("{}-title", calc.param());
    let summary_id = format!("{}-summary", calc.param());
    let title = calc.title();
    let labelled_by = title_id.clone();
    let summary_label = summary_id.clone();
    view! {
        <section class="calc" class:compact=compact data-calc=calc.param() aria-labelledby=labelled_by>
            <h2 id=title_id>{title}</h2>
            {(!compact).then(|| view! { <p class="lede">{lede}</p> })}
            <div class="calc-layout" class:stacked=stacked>
                <section class="summary" aria-labelledby=summary_label data-testid="summary">
                    <div class="summary-head">
                        <h3 id=summary_id>"In short"</h3>
                        <ExactToggle />
                    </div>
                    {(summary.children)()}
                </section>
                // The skip link's target (`INPUTS_ID`): focusable by script, not a Tab stop.
                <form class="inputs" id=INPUTS_ID tabindex="-1" on:submit=|ev| ev.prevent_default() aria-label=inputs_label>
                    {(inputs.children)()}
                </form>
                {(!compact).then(|| view! {
                    <div class="results" aria-label="More results">
                        {(results.children)()}
                    </div>
                    // A copy of the summary for sighted phone users; screen readers have the card.
                    <p class="summary-dock" aria-hidden="true" data-testid="summary-dock">{dock}</p>
                })}
            </div>
            {(chart.children)()}
            {(!compact).then(children)}
        </section>
    }
}

/// Inputs a compact embed folds away: inline in the full calculator, behind "More inputs" in a
/// compact one (opened when the calculator cannot compute, so every message stays next to its
/// field).
#[component]
pub fn MoreInputs(#[prop(into)] trouble: Signal<bool>, children: Children) -> impl IntoView {
    if is_compact() {
        view! {
            <details class="more-inputs" prop:open=move || trouble.get()>
                <summary>"More inputs"</summary>
                {children()}
            </details>
        }
        .into_any()
    } else {
        children().into_any()
    }
}
