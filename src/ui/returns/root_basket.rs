//! Root's basket on the returns page (subnet 0): what the dividends' alpha is worth at spot and
//! if claimed, the claim's cost, the APY in TAO and where the basket is exposed.

use crate::calc::figure::Shown;
use crate::calc::format;
use crate::calc::returns::form::ReturnsForm;
use crate::calc::returns::root_basket::basket_figures;
use crate::calc::returns::root_basket_words::{exposure_line, note, BASKET};
use crate::calc::returns::root_chain_yield::{chain_yield, sentence};
use crate::ui::data::Data;
use crate::ui::shell::summary::style_reader;
use crate::ui::widgets::figure::{Figure, Figures};
use leptos::prelude::*;

#[component]
pub fn RootBasket(form: Memo<ReturnsForm>, data: Data) -> impl IntoView {
    let style = style_reader();
    let result = Memo::new(move |_| data.snapshot.with(|s| form.with(|f| basket_figures(f, s))));
    let said = move || result.with(|r| r.as_ref().map(note).unwrap_or_else(Clone::clone));
    let exposure = move || {
        result.with(|r| {
            r.as_ref()
                .map(|f| {
                    f.exposure
                        .iter()
                        .map(|e| {
                            view! {
                                <li data-testid=format!("returns-root-exposure-{}", e.netuid)
                                    data-value=format::plain(e.share_pct)>{exposure_line(e, style())}</li>
                            }
                        })
                        .collect_view()
                })
                .ok()
        })
    };
    // The chain's own return, beside the model's: it needs the baskets read from a node.
    let chain = Memo::new(move |_| data.snapshot.with(chain_yield));
    let chain_shown = move |style| {
        chain.with(|c| {
            c.as_ref()
                .ok()
                .map(|y| Shown::new(format::pct(y.apy_pct, style), format::plain(y.apy_pct)))
        })
    };
    let chain_said = move || {
        chain.with(|c| match c {
            Ok(y) => sentence(y, style()),
            Err(why) => why.clone(),
        })
    };
    view! {
        <section class="panel" aria-labelledby="returns-root-basket-title" data-testid="returns-root-basket">
            <h3 id="returns-root-basket-title">"Your root basket"</h3>
            <p class="note" data-testid="returns-root-basket-note">{said}</p>
            <Figures specs=&BASKET result=result />
            <dl class="figures">
                <Figure testid="returns-root-chain-yield" label="The chain's own return, a year" shown=chain_shown
                    missing=Signal::derive(|| "needs live data".to_string())
                    explain="What 1 TAO staked on root with the largest validator at its fund's baseline block is worth now (the chain's BetaPricing stake_price: dividends kept at the value they were credited at), annualised over the days since on a 365-day year. The chain's history, not a model: compare it with the APY above." />
            </dl>
            <p class="note" data-testid="returns-root-chain-yield-note">{chain_said}</p>
            <h4 id="returns-root-exposure-title">"Most exposed to"</h4>
            <ol class="exposure" aria-labelledby="returns-root-exposure-title" data-testid="returns-root-exposure">{exposure}</ol>
        </section>
    }
}
