//! The positions page: whose positions (typed addresses read live, or a file loaded), the
//! totals, the table with its CSV, and the chart of spot against exit value.

use super::table::PositionsTable;
use crate::calc::app_params::{Calc, LIVE};
use crate::calc::csv::csv;
use crate::calc::format;
use crate::calc::positions::chart::{bars, description, height, WIDTH};
use crate::calc::positions::explain;
use crate::calc::positions::form::{PositionsForm, COLDKEYS};
use crate::calc::positions::table::{csv_rows, CSV_HEADER};
use crate::calc::positions::valuation::{value, Valuation};
use crate::model::num::units::rao_to_decimal;
use crate::ui::data::{Data, Origin, Status};
use crate::ui::shell::calculator::{Calculator, Chart, Inputs, Results, Summary};
use crate::ui::shell::params::Params;
use crate::ui::shell::summary::style_reader;
use crate::ui::widgets::download::DownloadCsv;
use crate::ui::widgets::explain::Explain;
use crate::ui::widgets::inputs::{Edit, ParamInput};
use leptos::prelude::*;

#[component]
pub fn PositionsCalculator(params: Params, data: Data) -> impl IntoView {
    let style = style_reader();
    let form = Memo::new(move |_| PositionsForm::read(|k| params.get(k)));
    let edit = Edit {
        params,
        calc: Calc::Positions.param(),
    };
    // Addresses kept on this device fill the box when the link gives none.
    if params.get_untracked(COLDKEYS.key).is_none() {
        if let Some(stored) = data.remembered_coldkeys() {
            params.set(COLDKEYS.key, Some(stored));
        }
    }
    let held = data.positions.held;
    let valuation = Memo::new(move |_| {
        let coldkeys = form.with(|f| f.addresses().map(<[String]>::to_vec).unwrap_or_default());
        held.with(|h| match h {
            None => Valuation::default(),
            Some(h) => data.snapshot.with(|s| {
                // Typed addresses choose among a file's coldkeys; none typed shows them all.
                let keep: Vec<String> = coldkeys
                    .iter()
                    .filter(|c| h.positions.holders.iter().any(|x| &x.coldkey == *c))
                    .cloned()
                    .collect();
                value(&h.positions, &keep, s)
            }),
        })
    });
    let show_coldkey = Memo::new(move |_| {
        held.with(|h| h.as_ref().is_some_and(|h| h.positions.holders.len() > 1))
    });
    // Live data and addresses that read: read their positions, once per set of addresses.
    let read_for = StoredValue::new(None::<Vec<String>>);
    Effect::new(move |_| {
        let live = params.get(LIVE.key).as_deref() == Some("1");
        let Some(keys) = form.with(|f| f.addresses().map(<[String]>::to_vec)) else {
            return;
        };
        if live && !keys.is_empty() && read_for.get_value().as_ref() != Some(&keys) {
            read_for.set_value(Some(keys.clone()));
            data.read_positions(keys);
        }
    });
    let read_now = move |_| {
        let Some(keys) = form.with_untracked(|f| f.addresses().map(<[String]>::to_vec)) else {
            return;
        };
        if keys.is_empty() {
            data.positions.status.set(Some(Status::Failed(
                "Type at least one address to read its positions.".into(),
            )));
            return;
        }
        // Exit values need today's pools too: the data is read live with the positions.
        if !matches!(data.origin.get_untracked(), Origin::Live { .. }) {
            params.set(LIVE.key, Some("1".into()));
            data.load_live(data.endpoint());
        }
        read_for.set_value(Some(keys.clone()));
        data.read_positions(keys);
    };
    let field = Signal::derive(move || form.with(|f| f.coldkeys.shown()));
    let status = move || {
        data.positions.status.with(|s| match s {
            Some(Status::Failed(why)) => view! { <p class="msg" role="alert" data-testid="positions-error">{why.clone()}</p> }.into_any(),
            Some(Status::Partial(text)) => view! { <p class="note warn" role="status" data-testid="positions-status">{text.clone()}</p> }.into_any(),
            Some(Status::Loaded(text)) => view! { <p class="note" role="status" data-testid="positions-status">{text.clone()}</p> }.into_any(),
            None => ().into_any(),
        })
    };
    let figure =
        move |label: &'static str, testid: &'static str, rao: Option<u64>, about: &'static str| {
            let text = move || {
                rao.map_or("—".to_string(), |r| {
                    format::tokens(rao_to_decimal(r), style()) + " TAO"
                })
            };
            let value = rao.map(|r| format::plain(rao_to_decimal(r)));
            view! {
                <div class="figure" tabindex="0" title=about><dt>{label}</dt>
                    <dd data-testid=testid data-value=value>{text}</dd></div>
            }
        };
    let summary = move || {
        valuation.with(|v| {
            let t = &v.totals;
            if t.rows == 0 {
                let text = if held.with(Option::is_none) {
                    "Type your wallet's address and read it from the chain, or load btcli's stake list (or a dtao-positions/1 file) in the data panel."
                } else {
                    "These addresses hold no stake."
                };
                return view! { <div class="verdict pending" role="status" data-testid="positions-verdict" tabindex="0">{text}</div> }.into_any();
            }
            let verdict = explain::verdict(
                &format::tokens(rao_to_decimal(t.exit_rao), style()),
                &format::tokens(rao_to_decimal(t.spot_rao), style()),
                &format::pct(t.cost_pct, style()),
            );
            let out = (!t.out.is_empty()).then(|| {
                view! { <p class="note warn" data-testid="positions-out" data-value=t.out.join(",")>
                    {format!("Not in the exit value: {} (see the rows for why).", t.out.join(", "))}</p> }
            });
            view! {
                <div class="verdict ok" role="status" data-testid="positions-verdict" tabindex="0">{verdict}</div>
                <dl class="figures">
                    {figure("Spot value", "positions-total-spot", Some(t.spot_rao), explain::SPOT)}
                    {figure("Exit value, all sold today", "positions-total-exit", Some(t.exit_rao), explain::EXIT)}
                    {figure("Cost of leaving", "positions-total-cost", Some(t.cost_rao), explain::COST)}
                    {figure("Locked (at spot)", "positions-total-locked", Some(t.locked_spot_rao), explain::LOCKED)}
                    {figure("Free TAO", "positions-free", t.free_rao, explain::FREE)}
                </dl>
                {out}
            }
            .into_any()
        })
    };
    let dock = Signal::derive(move || {
        valuation.with(|v| {
            if v.totals.rows == 0 {
                "No positions".to_string()
            } else {
                format!(
                    "Exit value {} TAO",
                    format::tokens(rao_to_decimal(v.totals.exit_rao), style())
                )
            }
        })
    });
    let against = move || {
        held.with(|h| {
            h.as_ref().map(|h| {
                let block = h
                    .positions
                    .block
                    .map(|b| {
                        format!(
                            " at block {}",
                            crate::model::words::group_thousands(&b.to_string())
                        )
                    })
                    .unwrap_or_default();
                let pools = data.snapshot.with(|s| data.origin.get().dated(s));
                format!("Positions from {}{block}; pools from {pools}.", h.from)
            })
        })
    };
    let make_csv = Callback::new(move |url: String| {
        valuation.with_untracked(|v| csv(&url, &CSV_HEADER, &csv_rows(&v.rows)))
    });
    let chart = Memo::new(move |_| valuation.with(|v| (bars(&v.rows, style()), height(&v.rows))));
    let chart_words = move || valuation.with(|v| description(&v.rows, chart.with(|c| c.0 .1)));
    let remember = move |on: bool| {
        data.remember_coldkeys(on, &form.with_untracked(|f| f.coldkeys.text.clone()))
    };
    view! {
        <Calculator calc=Calc::Positions stacked=true lede=explain::LEDE inputs_label="Your positions inputs" dock=dock>
            <Summary slot>{summary}</Summary>
            <Inputs slot>
                <fieldset class="group">
                    <legend>"Whose positions"</legend>
                    <ParamInput spec=COLDKEYS.spec() field=field edit=edit placeholder="5F… , 5G…" />
                    <div class="row-actions">
                        <button type="button" class="button" data-testid="positions-read" on:click=read_now
                            disabled=move || data.positions.loading.get()>
                            {move || format!("Read from {}", data.endpoint())}
                        </button>
                        {data.may_remember().then(|| view! {
                            <label class="toggle-label" for="positions-remember">
                                <input type="checkbox" id="positions-remember"
                                    prop:checked=move || data.positions.remember.get()
                                    on:change:target=move |ev| remember(ev.target().checked()) />
                                <span>"Remember these addresses on this device"</span>
                            </label>
                        })}
                    </div>
                    <p class="note" data-testid="positions-privacy">{explain::PRIVACY}</p>
                    {status}
                </fieldset>
            </Inputs>
            <Results slot>
                <PositionsTable valuation=valuation params=params show_coldkey=show_coldkey />
                <p class="note" data-testid="positions-source">{against}</p>
                <DownloadCsv table="positions" make=make_csv />
            </Results>
            <Chart slot>
                <section class="positions-chart" aria-label="Spot value against exit value">
                    <h3>"Spot against exit value"</h3>
                    <figure class="chart bars-chart">
                        <svg viewBox=move || format!("0 0 {} {}", WIDTH as u32, chart.with(|c| c.1) as u32)
                            role="img" aria-label=chart_words data-testid="positions-chart"
                            inner_html=move || chart.with(|c| c.0 .0.clone())></svg>
                    </figure>
                </section>
            </Chart>
            <div class="note aside"><Explain text=explain::MODEL summary="How this is computed" /></div>
        </Calculator>
    }
}
