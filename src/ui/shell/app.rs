//! The page: header with the data in use, the calculators, and the footer.

use crate::calc::app_params::{
    compact_embed, embed_problem, Calc, CALC, EMBED, EXACT, LIVE, RPC, SNAPSHOT, SORT,
};
use crate::calc::pool_source::NETUID;
use crate::ui::conviction::ConvictionCalculator;
use crate::ui::data::panel::DataPanel;
use crate::ui::data::Data;
use crate::ui::pool::PoolCalculator;
use crate::ui::positions::PositionsCalculator;
use crate::ui::returns::ReturnsCalculator;
use crate::ui::screen::ScreenCalculator;
use crate::ui::shell::embed_panel::EmbedPanel;
use crate::ui::shell::params::Params;
use crate::ui::shell::summary::Compact;
use crate::ui::take::TakeCalculator;
use leptos::prelude::*;

/// A link to another calculator that keeps the subnet and the data source.
fn calc_href(params: Params, calc: Calc) -> String {
    let mut pairs = vec![(CALC.key.to_string(), calc.param().to_string())];
    for key in [NETUID.key, SNAPSHOT.key, LIVE.key, RPC.key, EXACT.key] {
        if let Some(v) = params.get(key) {
            pairs.push((key.to_string(), v));
        }
    }
    crate::calc::query::to_query(&pairs)
}

/// How the app is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shell {
    /// The website: header, tabs, data loading, the embed panel; the URL holds the state.
    Full,
    /// `embed=1` or `embed=full`, e.g. in an iframe: the calculator (compact, or whole with
    /// `full`), a compact data line and a link to the full calculator.
    Embed,
    /// A script-tag widget in someone else's page: like `Embed`, with its state kept off the
    /// host's URL and storage.
    Widget,
}

/// "Open the full calculator": the app's address with the same parameters, less `embed`.
pub fn full_href(base: &str, params: Params) -> String {
    let mut pairs = params.with_pairs(|p| p.to_vec());
    pairs.retain(|(k, _)| k != EMBED.key);
    format!("{base}{}", crate::calc::query::to_query(&pairs))
}

#[component]
pub fn App(
    params: Params,
    shell: Shell,
    /// The full app's address without the query.
    base: String,
) -> impl IntoView {
    let data = Data::start(
        params,
        shell == Shell::Full,
        shell != Shell::Widget,
        base.clone(),
    );
    provide_context(params);
    provide_context(Compact(
        shell != Shell::Full && compact_embed(params.get_untracked(EMBED.key).as_deref()),
    ));
    let calc = Memo::new(move |_| Calc::from_param(params.get(CALC.key).as_deref()));
    let chosen = Memo::new(move |_| calc.get().0);
    let calculator = move || match chosen.get() {
        Calc::Pool => view! { <PoolCalculator params=params data=data /> }.into_any(),
        Calc::Returns => view! { <ReturnsCalculator params=params data=data /> }.into_any(),
        Calc::Take => view! { <TakeCalculator params=params data=data /> }.into_any(),
        Calc::Conviction => view! { <ConvictionCalculator params=params data=data /> }.into_any(),
        Calc::Screen => view! { <ScreenCalculator params=params data=data /> }.into_any(),
        Calc::Positions => view! { <PositionsCalculator params=params data=data /> }.into_any(),
    };
    let calc_message = move || {
        let embed = params.get(EMBED.key);
        (
            calc.get().1.map(
                |m| view! { <p class="verdict pending" data-testid="calc-error" role="status">{m}</p> },
            ),
            embed_problem(embed.as_deref()).map(
                |m| view! { <p class="verdict pending" data-testid="embed-error" role="status">{m}</p> },
            ),
        )
    };
    if shell != Shell::Full {
        let base = StoredValue::new(base);
        return view! {
            <div class="app embedded" data-testid="embedded">
                {calc_message}
                {calculator}
                <DataPanel data=data params=params compact=true />
                <p class="full-link">
                    <a href=move || full_href(&base.get_value(), params) target="_blank" rel="noopener" data-testid="full-link">
                        "Open the full calculator ↗"
                    </a>
                </p>
            </div>
        }
        .into_any();
    }
    // First on the page: straight to the calculator's inputs, past the tabs, the data bar and
    // the summary.
    let skip = move |ev: web_sys::MouseEvent| {
        ev.prevent_default();
        if let Some(form) = document()
            .get_element_by_id(crate::ui::shell::calculator::INPUTS_ID)
            .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
        {
            let _ = form.focus();
        }
    };
    view! {
        <div class="app">
            <a class="skip-link" href="#calc-inputs" data-testid="skip-to-inputs" on:click=skip>"Skip to the inputs"</a>
            <header class="site-header">
                <div class="brand">
                    <h1>"dtao-calc"</h1>
                    <p class="tagline">"Bittensor subnet economics, computed in your browser"</p>
                </div>
            </header>
            <nav class="tabs" aria-label="Calculators">
                {Calc::ALL
                    .into_iter()
                    .map(|calc| {
                        view! {
                            <a
                                href=move || calc_href(params, calc)
                                aria-current=move || (chosen.get() == calc).then_some("page")
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    // `sort` orders the subnet list, or on the screener its table:
                                    // one calculator's value means nothing to the other.
                                    let crossing = (chosen.get_untracked() == Calc::Screen) != (calc == Calc::Screen);
                                    let mut changes = vec![(CALC.key, Some(calc.param().to_string()))];
                                    if crossing {
                                        changes.push((SORT.key, None));
                                    }
                                    params.navigate(&changes);
                                }
                            >
                                {calc.title()}
                            </a>
                        }
                    })
                    .collect_view()}
            </nav>
            <DataPanel data=data params=params />
            <main>
                {calc_message}
                {calculator}
            </main>
            <EmbedPanel params=params base=base />
            <footer class="site-footer">
                <p>
                    "Figures follow the subtensor chain code (Balancer pool of pallets/swap, runtime spec 425). "
                    "Nothing leaves your browser. Not financial advice."
                </p>
            </footer>
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_calculator_falls_back_with_a_message() {
        assert_eq!(Calc::from_param(None), (Calc::Pool, None));
        assert_eq!(Calc::from_param(Some("pool")), (Calc::Pool, None));
        let (calc, msg) = Calc::from_param(Some("<script>"));
        assert_eq!(calc, Calc::Pool);
        assert!(msg.unwrap().contains("“<script>”"));
    }
}
