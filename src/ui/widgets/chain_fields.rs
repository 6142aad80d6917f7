//! The chain figures' inputs, folded away: prefilled from the data, open to edit.

use crate::calc::chain_figures::{
    ChainFigures, ALPHA_STAKE, EMISSION, EPOCH_BLOCKS, ISSUANCE, ROOT_TAO, TAO_WEIGHT,
};
use crate::calc::field::FieldText;
use crate::ui::widgets::inputs::{Edit, ParamInput};
use leptos::prelude::*;

#[component]
pub fn ChainFields(
    #[prop(into)] figures: Signal<ChainFigures>,
    /// Where the inputs write (the calculator's `calc` goes with every change, so a shared link
    /// says it).
    edit: Edit,
) -> impl IntoView {
    let field = move |f: fn(&ChainFigures) -> FieldText| Signal::derive(move || figures.with(f));
    view! {
        // Open when a figure the calculation needs does not read, so its message is in view.
        <details class="group chain-figures" prop:open=move || figures.with(|f| f.problem(false).is_some())>
            <summary>"Chain figures (prefilled from the data)"</summary>
            <div class="grid2">
                <ParamInput spec=EMISSION.spec() field=field(|f| f.emission.shown()) edit=edit />
                <ParamInput spec=EPOCH_BLOCKS.spec() field=field(|f| f.epoch_blocks.shown()) edit=edit
                    hint="The subnet's tempo (360; 361 before runtime 423)" />
                <ParamInput spec=ISSUANCE.spec() field=field(|f| f.issuance.shown()) edit=edit
                    hint="Alpha in pool + alpha outstanding" />
                <ParamInput spec=ALPHA_STAKE.spec() field=field(|f| f.alpha_stake.shown()) edit=edit
                    hint="The alpha-only stake of validators with a permit: the chain shares the alpha dividends over it (not over the stake weight, which adds 0.18 × root TAO)" />
                <ParamInput spec=ROOT_TAO.spec() field=field(|f| f.root_tao.shown()) edit=edit />
                <ParamInput spec=TAO_WEIGHT.spec() field=field(|f| f.tao_weight.shown()) edit=edit
                    hint="Root's weight in the root proportion (0.18)" />
            </div>
            {move || figures.with(|f| f.alpha_stake_note()).map(|note| view! {
                <p class="note" data-testid="alpha-stake-estimate">{note}</p>
            })}
        </details>
    }
}
