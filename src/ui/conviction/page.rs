//! The conviction calculator's page: the lock's inputs, the outlook and the chart.

use super::explain;
use super::form::{
    ConvictionForm, CONVICTION, DAYS, ELIGIBLE, GATE, GATE_RULE, LOCK, MODE, OWNER, OWNER_LOCK, TM,
    TU,
};
use super::report::{run, Report};
use crate::model::conviction::{days, half_life_days, Mode, CODE_DEFAULT_RATE, DOCS_MATURITY_RATE};
use crate::ui::calculator::{Calculator, Inputs, Results};
use crate::ui::chart::{LineChart, LineData, Series};
use crate::ui::data::Data;
use crate::ui::field::FieldText;
use crate::ui::figure::{Figure, Shown};
use crate::ui::format;
use crate::ui::inputs::{Edit, ParamChoice, ParamInput, ParamToggle};
use crate::ui::params::Params;
use crate::ui::pool_fields::PoolFields;
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

fn blocks_as_days(blocks: Decimal) -> String {
    let d = days(blocks);
    if d < Decimal::ONE {
        "within a day".to_string()
    } else {
        format!("{} days", format::tokens(d.ceil()))
    }
}

fn alpha_text(a: Decimal) -> String {
    format!("{} alpha", format::tokens(a.round_dp(4)))
}

#[component]
pub fn ConvictionCalculator(params: Params, data: Data) -> impl IntoView {
    let form = Memo::new(move |_| {
        data.snapshot
            .with(|s| ConvictionForm::read(|k| params.get(k), s))
    });
    let report = Memo::new(move |_| form.with(run));
    let edit = Edit {
        params,
        calc: "conviction",
    };
    let field = move |f: fn(&ConvictionForm) -> FieldText| Signal::derive(move || form.with(f));
    let shown = move |f: fn(&Report) -> Option<Shown>| {
        Signal::derive(move || report.with(|r| r.as_ref().ok().and_then(f)))
    };
    let missing = move |f: fn(&Report) -> String| {
        Signal::derive(move || {
            report.with(|r| r.as_ref().map(f).unwrap_or_else(|_| "—".to_string()))
        })
    };
    let preset = move |tu: u64, tm: u64| {
        params.edit(
            "conviction",
            &[
                (TU.key, Some(tu.to_string())),
                (TM.key, Some(tm.to_string())),
            ],
        );
    };
    let half_lives = Signal::derive(move || {
        form.with(|f| match (f.tu.ok(), f.tm.ok()) {
            (Some(tu), Some(tm)) => format!(
                "Half-lives: unlock {} days, maturity {} days.",
                format::tokens(half_life_days(tu).round_dp(1)),
                format::tokens(half_life_days(tm).round_dp(1))
            ),
            _ => String::new(),
        })
    });

    view! {
        <Calculator id="conviction" title="Conviction locks"
            lede="If you lock this alpha, how does your conviction grow, what can you no longer sell, and when could a challenger take over the subnet?"
            inputs_label="Conviction lock inputs"
        >
            <Inputs slot>
                <PoolFields source=Memo::new(move |_| form.with(|f| f.source.clone())) data=data params=params calc="conviction" />
                <fieldset class="group">
                    <legend>"Your lock"</legend>
                    <div class="grid2">
                        <ParamInput spec=LOCK.spec() field=field(|f| f.lock.shown()) edit=edit />
                        <ParamInput spec=CONVICTION.spec() field=field(|f| f.conviction.shown()) edit=edit />
                    </div>
                    <ParamChoice spec=MODE.spec() buttons=MODE.buttons() field=field(|f| f.mode.shown()) edit=edit />
                    <ParamInput spec=DAYS.spec() field=field(|f| f.days.shown()) edit=edit hint="1 to 3,650" />
                    <ParamToggle spec=OWNER.spec() field=field(|f| f.owner.shown()) edit=edit
                        hint="Then its conviction equals the locked amount at once." />
                </fieldset>
                <fieldset class="group">
                    <legend>"Rates"</legend>
                    <div class="preset-row" role="group" aria-label="Presets">
                        <button type="button" class="button secondary" id="preset-code"
                            on:click=move |_| preset(CODE_DEFAULT_RATE, CODE_DEFAULT_RATE)>"Code default 934,866 / 934,866"</button>
                        <button type="button" class="button secondary" id="preset-docs"
                            on:click=move |_| preset(CODE_DEFAULT_RATE, DOCS_MATURITY_RATE)>"Mainnet docs 934,866 / 311,622"</button>
                    </div>
                    <div class="grid2">
                        <ParamInput spec=TU.spec() field=field(|f| f.tu.shown()) edit=edit />
                        <ParamInput spec=TM.spec() field=field(|f| f.tm.shown()) edit=edit />
                    </div>
                    <p class="hint" data-testid="conviction-half-lives">{half_lives}</p>
                    <p class="hint">{explain::RATES}</p>
                </fieldset>
                <fieldset class="group">
                    <legend>"Takeover scenario"</legend>
                    <div class="grid2">
                        <ParamInput spec=OWNER_LOCK.spec() field=field(|f| f.owner_lock.shown()) edit=edit />
                        <ParamInput spec=ELIGIBLE.spec() field=field(|f| f.eligible.shown()) edit=edit
                            hint="Prefilled with the alpha outstanding; less burned and protocol alpha if you know them" />
                    </div>
                    <ParamChoice spec=GATE_RULE.spec() buttons=GATE_RULE.buttons() field=field(|f| f.total_rule.shown()) edit=edit />
                    <ParamInput spec=GATE.spec() field=field(|f| f.gate.shown()) edit=edit hint="For the single-hotkey rule; 18 % today" />
                    <p class="hint" data-testid="conviction-age">{move || form.with(|f| match f.subnet_age {
                        Some(age) => format!("The subnet is {} days old (registration block in the data).", format::tokens(days(Decimal::from(age)).floor())),
                        None => "The subnet's age is not in the data; the one-year age gate is left out.".to_string(),
                    })}</p>
                </fieldset>
            </Inputs>
            <Results slot>
                {move || report.with(|r| r.as_ref().err().map(|e| view! {
                    <div tabindex="0" class="verdict rejected" data-testid="conviction-error" role="alert">{e.clone()}</div>
                }))}
                <dl class="figures">
                    <Figure testid="conviction-locked" label="Locked at the horizon" headline=true
                        shown=shown(|r| Some(Shown::new(format!("{} after {} days", alpha_text(r.outlook.horizon.locked), r.horizon_days), format::plain(r.outlook.horizon.locked))))
                        explain=explain::LOCKED />
                    <Figure testid="conviction-score" label="Conviction at the horizon" headline=true
                        shown=shown(|r| Some(Shown::new(alpha_text(r.outlook.horizon.conviction), format::plain(r.outlook.horizon.conviction))))
                        explain=explain::CONVICTION />
                    <Figure testid="conviction-peak" label="Peak conviction"
                        shown=shown(|r| r.outlook.peak.map(|(at, top)| Shown::new(
                            format!("{} {}", alpha_text(top), if at.is_zero() { "now".to_string() } else { format!("after {}", blocks_as_days(at)) }),
                            format::plain(top),
                        )))
                        missing=missing(|_| "No peak: a perpetual lock's conviction keeps approaching the locked amount.".to_string())
                        explain=explain::PEAK />
                    <Figure testid="conviction-gate-days" label="Passes the takeover gate"
                        shown=shown(|r| r.outlook.gate_blocks.map(|b| Shown::new(
                            format!("{} (gate: {})", blocks_as_days(b), alpha_text(r.outlook.gate_level)),
                            format::plain(days(b).ceil()),
                        )))
                        missing=missing(|r| match r.outlook.peak {
                            Some((at, top)) => format!("Never: conviction peaks at {} after {}, below the gate of {}.", alpha_text(top), blocks_as_days(at), alpha_text(r.outlook.gate_level)),
                            None => format!("Never: conviction only approaches the {} locked, below the gate of {}.", alpha_text(r.lock_now), alpha_text(r.outlook.gate_level)),
                        })
                        explain=explain::GATE />
                    <Figure testid="conviction-beat-owner-days" label="Passes the owner"
                        shown=shown(|r| r.outlook.beat_owner_blocks.map(|b| Shown::new(
                            format!("{} (owner's lock: {})", blocks_as_days(b), alpha_text(r.owner_lock)),
                            format::plain(days(b).ceil()),
                        )))
                        missing=missing(|r| format!("Never: the owner's {} stays above your conviction.", alpha_text(r.owner_lock)))
                        explain=explain::BEAT_OWNER />
                    <Figure testid="conviction-takeover-days" label="Earliest takeover"
                        shown=shown(|r| r.outlook.takeover_blocks.map(|b| Shown::new(blocks_as_days(b), format::plain(days(b).ceil()))))
                        missing=missing(|r| match r.outlook.age_left_blocks {
                            None => "Unknown: the subnet's age is not in the data.".to_string(),
                            Some(_) => "Never, as the lines above say.".to_string(),
                        })
                        explain=explain::TAKEOVER />
                    <Figure testid="conviction-liquidity" label="Locked value through the pool"
                        shown=shown(|r| r.liquidity.as_ref().ok().map(|tao| Shown::new(
                            format!("{} TAO you cannot unstake now", format::tokens(tao.round_dp(6))),
                            format::plain(*tao),
                        )))
                        missing=missing(|r| r.liquidity.clone().err().unwrap_or_default())
                        explain=explain::LIQUIDITY />
                </dl>
                <Show when=move || report.with(|r| r.as_ref().is_ok_and(|r| r.your_lock_is_owners))>
                    <p class="note" data-testid="conviction-owner-note">"This is the owner's lock: its conviction is its locked amount, so the takeover lines compare the owner with itself."</p>
                </Show>
            </Results>
            <section class="panel" aria-labelledby="conviction-chart-heading">
                <h3 id="conviction-chart-heading">"Locked alpha and conviction over time"</h3>
                <LineChart
                    id="conviction-chart"
                    title="Locked alpha, your conviction and the owner's, against the gate"
                    data=Signal::derive(move || report.with(|r| match r {
                        Err(_) => LineData { series: vec![], reference: None, markers: vec![], x_label: "Days".into() },
                        Ok(r) => {
                            let pick = |k: usize| r.curve.iter().filter_map(|p| Some((p[0].to_f64()?, p[k].to_f64()?))).collect::<Vec<_>>();
                            let mut series = vec![
                                Series { label: "Locked".into(), points: pick(1) },
                                Series { label: "Your conviction".into(), points: pick(2) },
                            ];
                            if r.owner_lock > Decimal::ZERO {
                                series.push(Series { label: "Owner's conviction".into(), points: pick(3) });
                            }
                            let horizon = f64::from(r.horizon_days);
                            let markers = [("gate", r.outlook.gate_blocks), ("passes owner", r.outlook.beat_owner_blocks)]
                                .into_iter()
                                .filter_map(|(label, b)| {
                                    let d = days(b?).to_f64()?;
                                    (d <= horizon).then(|| (d, label.to_string()))
                                })
                                .collect();
                            LineData {
                                series,
                                reference: r.outlook.gate_level.to_f64().map(|g| (g, "gate".to_string())),
                                markers,
                                x_label: "Days".into(),
                            }
                        }
                    }))
                    description=Signal::derive(move || report.with(|r| match r {
                        Ok(r) => format!(
                            "Over {} days the locked alpha goes from {} to {}; conviction ends at {}.",
                            r.horizon_days, alpha_text(r.lock_now), alpha_text(r.outlook.horizon.locked), alpha_text(r.outlook.horizon.conviction)
                        ),
                        Err(e) => e.clone(),
                    }))
                />
            </section>
            <div class="note aside"><p>"Locked alpha keeps earning emissions while it is locked; only unstaking it is blocked. "{move || form.with(|f| if f.mode.ok() == Some(Mode::Perpetual) { "A perpetual lock never unlocks by itself." } else { "A decaying lock unlocks gradually." })}</p></div>
        </Calculator>
    }
}
