//! The "Pool" part of a calculator's form: the subnet picker, the reserves and the weight.
//! Picking a subnet fills the reserves from the data; typing a reserve overrides it.

use crate::calc::field::FieldText;
use crate::calc::pool_source::{
    CurveKind, PoolSource, ALPHA_IN, CURVE, ELLIPSE, FEE_RATE, NETUID, RESERVE_KEYS, TAO_IN, W_TAO,
};
use crate::ui::data::Data;
use crate::ui::shell::summary::is_compact;
use crate::ui::widgets::explain::Explain;
use crate::ui::widgets::inputs::{Edit, ParamChoice, ParamInput};
use crate::ui::widgets::subnet_picker::SubnetPicker;
use leptos::prelude::*;

const ELLIPSE_HINT: &str = "The superellipse is a proposed curve, not deployed on finney (its code is on the chain's pool-lending branch). These are the four integers that branch stores for a pool (SwapSuperellipse), in units of 2^-32 rao. Leave them empty to build the curve from the weight at these reserves, as the chain's migration does.";
const CALIBRATED_NOTE: &str = "Calibrated from the weight at these reserves (Superellipse::from_weights): the price and its first-order sensitivity match Balancer's; larger trades diverge.";

pub const STABLE_NOTE: &str =
    "Root (subnet 0) is a stable pool: 1 alpha = 1 TAO, no fee and no slippage.";

#[component]
pub fn PoolFields(
    #[prop(into)] source: Signal<PoolSource>,
    data: Data,
    /// Where the inputs write (the calculator's `calc` goes with every change, so a shared link
    /// says it).
    edit: Edit,
) -> impl IntoView {
    let Edit { params, calc } = edit;
    let field = move |f: fn(&PoolSource) -> FieldText| Signal::derive(move || source.with(f));
    let error = move |f: fn(&PoolSource) -> Option<String>| Signal::derive(move || source.with(f));
    let stable = Memo::new(move |_| source.with(PoolSource::is_stable));
    // A compact embed shows the custom pool only when its link types one.
    let compact = is_compact();
    // Open when the link types a pool, no subnet is chosen, or one of its boxes has a message
    // (so the message is in view); picking a subnet folds it.
    let custom_open = Memo::new(move |_| {
        source.with(|s| {
            s.reserves_overridden
                || s.netuid.ok() == Some(None)
                || s.fee_rate.error().is_some()
                || s.w_tao.error().is_some()
                || s.curve.error().is_some()
                || s.ellipse.iter().any(|e| e.error().is_some())
        })
    });
    let clear_reserves = move |netuid: Option<Option<u16>>| {
        let mut changes: Vec<(&str, Option<String>)> = Vec::new();
        if let Some(netuid) = netuid {
            changes.push((
                NETUID.key,
                Some(netuid.map(|n| n.to_string()).unwrap_or_default()),
            ));
        }
        changes.extend(RESERVE_KEYS.iter().map(|k| (*k, None)));
        params.edit(calc, &changes);
    };
    view! {
        <fieldset class="group">
            <legend>"Pool"</legend>
            <SubnetPicker
                data=data
                params=params
                selected=Signal::derive(move || source.with(|s| s.netuid.ok().flatten()))
                error=error(|s| s.netuid.error())
                on_pick=Callback::new(move |netuid: Option<u16>| clear_reserves(Some(netuid)))
            />
            {(!compact || custom_open.get_untracked()).then(|| view! {
            // Built with the page (not when opened): its boxes show the subnet's reserves, which
            // say at a glance which data the figures use.
            <details class="custom-pool" prop:open=move || custom_open.get() data-testid="custom-pool">
                <summary>"Custom pool: reserves, weight, fee and curve"</summary>
            <div class="grid2">
                <ParamInput spec=TAO_IN.spec() field=field(|s| s.tao_in.shown()) edit=edit />
                <ParamInput spec=ALPHA_IN.spec() field=field(|s| s.alpha_in.shown()) edit=edit />
            </div>
            <div class="grid2">
                <ParamInput spec=W_TAO.spec() field=field(|s| s.w_tao.shown()) edit=edit
                    hint="0.01 to 0.99; 0.5 for an even pool" />
                <ParamInput spec=FEE_RATE.spec() field=field(|s| s.fee_rate.shown()) edit=edit
                    hint="FeeRate in parts of 65,535: 33 (0.0504 %) unless the subnet set another" />
            </div>
            <ParamChoice spec=CURVE.spec() buttons=CURVE.buttons() field=field(|s| s.curve.shown()) edit=edit />
            <Show when=move || source.with(|s| s.curve.ok() == Some(CurveKind::Superellipse))>
                <Explain text=ELLIPSE_HINT summary="What are these four numbers?" />
                <div class="grid2">
                    {ELLIPSE.iter().enumerate().map(|(i, param)| {
                        let spec = param.spec();
                        view! {
                            <ParamInput
                                spec=spec
                                inputmode="numeric"
                                placeholder="from the weight"
                                field=Signal::derive(move || source.with(|s| s.ellipse[i].shown()))
                                edit=edit
                            />
                        }
                    }).collect_view()}
                </div>
                <Show when=move || source.with(PoolSource::ellipse_calibrated)>
                    <p class="note" data-testid="pool-curve-calibrated">{CALIBRATED_NOTE}</p>
                </Show>
            </Show>
            <Show when=move || source.with(|s| s.reserves_overridden && s.subnet_label.is_some())>
                <button type="button" class="link-button" on:click=move |_| clear_reserves(None)>
                    {move || format!("Use subnet {}'s reserves", source.with(|s| s.subnet_label.clone().unwrap_or_default()))}
                </button>
            </Show>
            </details>
            })}
            <Show when=move || stable.get()>
                <p class="note">{STABLE_NOTE}</p>
            </Show>
        </fieldset>
    }
}
