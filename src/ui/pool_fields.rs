//! The "Pool" part of a calculator's form: the subnet picker, the reserves and the weight.
//! Picking a subnet fills the reserves from the data; typing a reserve overrides it.

use super::data::Data;
use super::inputs::{Choice, TextInput};
use super::params::{unless_blank, Params};
use super::pool_source::{CurveKind, PoolSource, ELLIPSE_KEYS, RESERVE_KEYS};
use super::subnet_picker::SubnetPicker;
use leptos::prelude::*;

const ELLIPSE_LABELS: [&str; 4] = [
    "Alpha scale (Q32)",
    "TAO scale (Q32)",
    "Alpha center (Q32)",
    "TAO center (Q32)",
];
const ELLIPSE_HINT: &str = "The four integers the chain stores for the pool (SwapSuperellipse), in units of 2^-32 rao. Leave them empty to build the curve from the weight at these reserves, as the chain's migration does.";
const CALIBRATED_NOTE: &str = "Calibrated from the weight at these reserves (Superellipse::from_weights): the price and its first-order sensitivity match Balancer's; larger trades diverge.";

pub const STABLE_NOTE: &str =
    "Root (subnet 0) is a stable pool: 1 alpha = 1 TAO, no fee and no slippage.";

#[component]
pub fn PoolFields(
    #[prop(into)] source: Signal<PoolSource>,
    data: Data,
    params: Params,
    /// The calculator's `calc` value, written with every change so a shared link says it.
    calc: &'static str,
) -> impl IntoView {
    let set = move |key: &'static str, value: Option<String>| {
        params.edit(calc, &[(key, value)]);
    };
    let text = move |f: fn(&PoolSource) -> String| Signal::derive(move || source.with(f));
    let error = move |f: fn(&PoolSource) -> Option<String>| Signal::derive(move || source.with(f));
    let stable = Memo::new(move |_| source.with(PoolSource::is_stable));
    let clear_reserves = move |netuid: Option<Option<u16>>| {
        let mut changes: Vec<(&str, Option<String>)> = Vec::new();
        if let Some(netuid) = netuid {
            changes.push((
                "netuid",
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
            <div class="grid2">
                <TextInput
                    id="tao_in"
                    label="TAO in pool"
                    unit="TAO"
                    value=text(|s| s.tao_in.text.clone())
                    error=error(|s| s.tao_in.error())
                    on_input=Callback::new(move |v| set("tao_in", Some(v)))
                />
                <TextInput
                    id="alpha_in"
                    label="Alpha in pool"
                    unit="alpha"
                    value=text(|s| s.alpha_in.text.clone())
                    error=error(|s| s.alpha_in.error())
                    on_input=Callback::new(move |v| set("alpha_in", Some(v)))
                />
            </div>
            <div class="grid2">
                <TextInput
                    id="w_tao"
                    label="TAO weight"
                    value=text(|s| s.w_tao.text.clone())
                    error=error(|s| s.w_tao.error())
                    hint="0.01 to 0.99; 0.5 for an even pool"
                    on_input=Callback::new(move |v| set("w_tao", Some(v)))
                />
                <TextInput
                    id="fee_rate"
                    label="Swap fee rate"
                    unit="/ 65,535"
                    value=text(|s| s.fee_rate.text.clone())
                    error=error(|s| s.fee_rate.error())
                    hint="FeeRate in parts of 65,535: 33 (0.0504 %) unless the subnet set another"
                    on_input=Callback::new(move |v| set("fee_rate", Some(v)))
                />
            </div>
            <Choice
                name="curve"
                legend="Pool curve"
                options=vec![("balancer", "Balancer weighted pool"), ("superellipse", "Superellipse (the chain's newer curve)")]
                selected=text(|s| s.curve.text.clone())
                error=error(|s| s.curve.error())
                on_change=Callback::new(move |v| set("curve", Some(v)))
            />
            <Show when=move || source.with(|s| s.curve.ok() == Some(CurveKind::Superellipse))>
                <p class="hint">{ELLIPSE_HINT}</p>
                <div class="grid2">
                    {ELLIPSE_KEYS.iter().enumerate().map(|(i, key)| {
                        let key: &'static str = key;
                        view! {
                            <TextInput
                                id=key
                                label=ELLIPSE_LABELS[i]
                                inputmode="numeric"
                                placeholder="from the weight"
                                value=Signal::derive(move || source.with(|s| s.ellipse[i].text.clone()))
                                error=Signal::derive(move || source.with(|s| s.ellipse[i].error()))
                                on_input=Callback::new(move |v: String| set(key, unless_blank(v)))
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
            <Show when=move || stable.get()>
                <p class="note">{STABLE_NOTE}</p>
            </Show>
        </fieldset>
    }
}
