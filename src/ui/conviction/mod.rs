//! The conviction-lock calculator: locked alpha and conviction over time, what the lock costs in
//! liquidity, and when a challenger could take over the subnet.

pub mod explain;
pub mod form;

use crate::model::conviction::{
    curve, days, half_life_days, outlook, Mode, Outlook, CODE_DEFAULT_RATE, DOCS_MATURITY_RATE,
};
use crate::model::num::wide::mul_decimal_floor;
use crate::model::pool::quote::quote;
use crate::model::pool::side::Side;
use crate::model::pool::trade::TradeRequest;
use crate::model::staking::emission::BLOCKS_PER_DAY;
use crate::ui::chart::{LineChart, LineData, Series};
use crate::ui::data::Data;
use crate::ui::figure::{Figure, Shown};
use crate::ui::format;
use crate::ui::inputs::{Choice, TextInput, Toggle};
use crate::ui::params::Params;
use crate::ui::pool_fields::PoolFields;
use form::ConvictionForm;
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Points on the chart's horizon, plus the start.
const CHART_STEPS: u64 = 48;

/// Everything the page shows about the lock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub outlook: Outlook,
    pub horizon_days: u32,
    /// The locked alpha's worth through the pool now, TAO, or why the unstake would fail.
    pub liquidity: Result<Decimal, String>,
    pub your_lock_is_owners: bool,
    pub owner_lock: Decimal,
    pub lock_now: Decimal,
    /// `(day, locked, conviction, owner's conviction)` for the chart.
    pub curve: Vec<[Decimal; 4]>,
}

/// The report the page shows, or why there is none (pure: the robustness tests run it too).
pub fn run(form: &ConvictionForm) -> Result<Report, String> {
    let challenger = form.lock_spec()?;
    let owner = form.owner_spec()?;
    let gate = form.gate_spec()?;
    let eligible = form
        .eligible
        .ok()
        .ok_or(crate::ui::pool_source::FIX_FIELDS)?;
    let horizon_days = form.days.ok().ok_or(crate::ui::pool_source::FIX_FIELDS)?;
    let horizon_blocks = u64::from(horizon_days) * u64::from(BLOCKS_PER_DAY);
    let outlook = outlook(
        &challenger,
        &owner,
        eligible,
        gate,
        horizon_blocks,
        form.subnet_age,
    )
    .map_err(|e| e.to_string())?;
    let liquidity = form.source.pool.clone().and_then(|pool| {
        let rao = mul_decimal_floor(1_000_000_000, challenger.start.locked)
            .ok_or("The lock is out of range.")?;
        let request = TradeRequest {
            side: Side::Unstake,
            amount_rao: rao,
            protection: None,
            closes_position: true,
        };
        quote(&pool, &request)
            .map(|q| q.received)
            .map_err(|r| format!("{} ({})", r, r.chain_name()))
    });
    let curve =
        curve(&challenger, &owner, horizon_blocks, CHART_STEPS).map_err(|e| e.to_string())?;
    Ok(Report {
        outlook,
        horizon_days,
        liquidity,
        your_lock_is_owners: challenger.owner_hotkey,
        owner_lock: owner.start.locked,
        lock_now: challenger.start.locked,
        curve,
    })
}

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
    let set = move |key: &'static str, value: Option<String>| {
        params.edit("conviction", &[(key, value)]);
    };
    let text = move |f: fn(&ConvictionForm) -> String| Signal::derive(move || form.with(f));
    let error =
        move |f: fn(&ConvictionForm) -> Option<String>| Signal::derive(move || form.with(f));
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
            &[("tu", Some(tu.to_string())), ("tm", Some(tm.to_string()))],
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
        <section class="calc" aria-labelledby="conviction-title">
            <h2 id="conviction-title">"Conviction locks"</h2>
            <p class="lede">
                "If you lock this alpha, how does your conviction grow, what can you no longer sell, and when could a challenger take over the subnet?"
            </p>
            <div class="calc-layout">
                <form class="inputs" on:submit=|ev| ev.prevent_default() aria-label="Conviction lock inputs">
                    <PoolFields source=Memo::new(move |_| form.with(|f| f.source.clone())) data=data params=params calc="conviction" />
                    <fieldset class="group">
                        <legend>"Your lock"</legend>
                        <div class="grid2">
                            <TextInput id="lock" label="Alpha to lock" unit="alpha"
                                value=text(|f| f.lock.text.clone()) error=error(|f| f.lock.error())
                                on_input=Callback::new(move |v| set("lock", Some(v))) />
                            <TextInput id="conviction" label="Conviction you start with" unit="alpha"
                                value=text(|f| f.conviction.text.clone()) error=error(|f| f.conviction.error())
                                on_input=Callback::new(move |v| set("conviction", Some(v))) />
                        </div>
                        <Choice name="mode" legend="Mode"
                            options=vec![("decaying", "Decaying (default): unlocks over time"), ("perpetual", "Perpetual: stays locked")]
                            selected=text(|f| f.mode.text.clone()) error=error(|f| f.mode.error())
                            on_change=Callback::new(move |v| set("mode", Some(v))) />
                        <TextInput id="days" label="Horizon" unit="days"
                            value=text(|f| f.days.text.clone()) error=error(|f| f.days.error())
                            hint="1 to 3,650" on_input=Callback::new(move |v| set("days", Some(v))) />
                        <Toggle id="owner" label="The lock is on the subnet owner's hotkey"
                            checked=Signal::derive(move || form.with(|f| f.owner.ok().unwrap_or(false)))
                            error=error(|f| f.owner.error())
                            hint="Then its conviction equals the locked amount at once."
                            on_change=Callback::new(move |on: bool| set("owner", Some(if on { "1" } else { "0" }.to_string()))) />
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
                            <TextInput id="tu" label="UnlockRate" unit="blocks"
                                value=text(|f| f.tu.text.clone()) error=error(|f| f.tu.error())
                                on_input=Callback::new(move |v| set("tu", Some(v))) />
                            <TextInput id="tm" label="MaturityRate" unit="blocks"
                                value=text(|f| f.tm.text.clone()) error=error(|f| f.tm.error())
                                on_input=Callback::new(move |v| set("tm", Some(v))) />
                        </div>
                        <p class="hint" data-testid="conviction-half-lives">{half_lives}</p>
                        <p class="hint">{explain::RATES}</p>
                    </fieldset>
                    <fieldset class="group">
                        <legend>"Takeover scenario"</legend>
                        <div class="grid2">
                            <TextInput id="owner_lock" label="The owner's locked alpha" unit="alpha"
                                value=text(|f| f.owner_lock.text.clone()) error=error(|f| f.owner_lock.error())
                                on_input=Callback::new(move |v| set("owner_lock", Some(v))) />
                            <TextInput id="eligible" label="Eligible alpha" unit="alpha"
                                value=text(|f| f.eligible.text.clone()) error=error(|f| f.eligible.error())
                                hint="Prefilled with the alpha outstanding; less burned and protocol alpha if you know them"
                                on_input=Callback::new(move |v| set("eligible", Some(v))) />
                        </div>
                        <Choice name="gate_rule" legend="Gate (it has changed)"
                            options=vec![("single", "One hotkey above a share of eligible alpha (since Aug 2026)"), ("total", "Total conviction × 10 ≥ alpha outstanding (before)")]
                            selected=text(|f| f.total_rule.text.clone()) error=error(|f| f.total_rule.error())
                            on_change=Callback::new(move |v| set("gate_rule", Some(v))) />
                        <TextInput id="gate" label="Gate share" unit="%"
                            value=text(|f| f.gate.text.clone()) error=error(|f| f.gate.error())
                            hint="For the single-hotkey rule; 18 % today"
                            on_input=Callback::new(move |v| set("gate", Some(v))) />
                        <p class="hint" data-testid="conviction-age">{move || form.with(|f| match f.subnet_age {
                            Some(age) => format!("The subnet is {} days old (registration block in the data).", format::tokens(days(Decimal::from(age)).floor())),
                            None => "The subnet's age is not in the data; the one-year age gate is left out.".to_string(),
                        })}</p>
                    </fieldset>
                </form>
                <div class="results" aria-label="Results">
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
                </div>
            </div>
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
        </section>
    }
}
