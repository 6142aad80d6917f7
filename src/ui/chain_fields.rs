//! The chain figures' inputs, folded away: prefilled from the data, open to edit.

use super::chain_figures::ChainFigures;
use super::inputs::TextInput;
use super::params::Params;
use leptos::prelude::*;

#[component]
pub fn ChainFields(
    #[prop(into)] figures: Signal<ChainFigures>,
    params: Params,
    /// The calculator's `calc` value, written with every change.
    calc: &'static str,
) -> impl IntoView {
    let set = move |key: &'static str, value: String| {
        params.edit(calc, &[(key, Some(value))]);
    };
    let text = move |f: fn(&ChainFigures) -> String| Signal::derive(move || figures.with(f));
    let error =
        move |f: fn(&ChainFigures) -> Option<String>| Signal::derive(move || figures.with(f));
    view! {
        <details class="group chain-figures">
            <summary>"Chain figures (prefilled from the data)"</summary>
            <div class="grid2">
                <TextInput id="emission" label="Alpha emission per block" unit="alpha"
                    value=text(|f| f.emission.text.clone()) error=error(|f| f.emission.error())
                    on_input=Callback::new(move |v| set("emission", v)) />
                <TextInput id="epoch_blocks" label="Blocks per epoch" unit="blocks"
                    value=text(|f| f.epoch_blocks.text.clone()) error=error(|f| f.epoch_blocks.error())
                    hint="The subnet's tempo (360; 361 before runtime 423)"
                    on_input=Callback::new(move |v| set("epoch_blocks", v)) />
                <TextInput id="issuance" label="Subnet alpha issuance" unit="alpha"
                    value=text(|f| f.issuance.text.clone()) error=error(|f| f.issuance.error())
                    hint="Alpha in pool + alpha outstanding"
                    on_input=Callback::new(move |v| set("issuance", v)) />
                <TextInput id="alpha_stake" label="Alpha staked on validators (A_v)" unit="alpha"
                    value=text(|f| f.alpha_stake.text.clone()) error=error(|f| f.alpha_stake.error())
                    hint="The alpha-only stake of validators with a permit: the chain shares the alpha dividends over it (not over the stake weight, which adds 0.18 × root TAO)"
                    on_input=Callback::new(move |v| set("alpha_stake", v)) />
                <TextInput id="root_tao" label="TAO staked on root" unit="TAO"
                    value=text(|f| f.root_tao.text.clone()) error=error(|f| f.root_tao.error())
                    on_input=Callback::new(move |v| set("root_tao", v)) />
                <TextInput id="tao_weight" label="TaoWeight"
                    value=text(|f| f.tao_weight.text.clone()) error=error(|f| f.tao_weight.error())
                    hint="Root's weight in the root proportion (0.18)"
                    on_input=Callback::new(move |v| set("tao_weight", v)) />
            </div>
            {move || figures.with(|f| f.alpha_stake_note()).map(|note| view! {
                <p class="note" data-testid="alpha-stake-estimate">{note}</p>
            })}
        </details>
    }
}
