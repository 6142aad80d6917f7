//! The conviction calculator's page: the lock's inputs, the outlook and the chart.

use super::sections::LockChart;
use crate::calc::app_params::Calc;
use crate::calc::conviction::explain;
use crate::calc::conviction::figures::{FIGURES, SUMMARY};
use crate::calc::conviction::form::{
    ConvictionForm, CONVICTION, DAYS, ELIGIBLE, GATE, GATE_RULE, LOCK, MODE, OWNER, OWNER_LOCK, TM,
    TU,
};
use crate::calc::conviction::report::run;
use crate::calc::field::FieldText;
use crate::calc::format;
use crate::model::conviction::{days, half_life_days, Mode, CODE_DEFAULT_RATE, DOCS_MATURITY_RATE};
use crate::ui::data::Data;
use crate::ui::shell::calculator::{Calculator, Chart, Inputs, MoreInputs, Results, Summary};
use crate::ui::shell::params::Params;
use crate::ui::shell::summary::style_reader;
use crate::ui::shell::summary::{is_compact, Refusal};
use crate::ui::widgets::explain::Explain;
use crate::ui::widgets::figure::Figures;
use crate::ui::widgets::inputs::{Edit, ParamChoice, ParamInput, ParamToggle};
use crate::ui::widgets::pool_fields::PoolFields;
use leptos::prelude::*;
use rust_decimal::Decimal;

#[component]
pub fn ConvictionCalculator(params: Params, data: Data) -> impl IntoView {
    let style = style_reader();
    let form = Memo::new(move |_| {
        data.snapshot
            .with(|s| ConvictionForm::read(|k| params.get(k), s))
    });
    let report = Memo::new(move |_| form.with(run));
    let edit = Edit {
        params,
        calc: Calc::Conviction.param(),
    };
    let field = move |f: fn(&ConvictionForm) -> FieldText| Signal::derive(move || form.with(f));
    let preset = move |tu: u64, tm: u64| {
        params.edit(
            Calc::Conviction.param(),
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
                format::tokens(half_life_days(tu).round_dp(1), style()),
                format::tokens(half_life_days(tm).round_dp(1), style())
            ),
            _ => String::new(),
        })
    });

    let compact = is_compact();
    let lock_details = move || {
        view! {
            <ParamInput spec=CONVICTION.spec() field=field(|f| f.conviction.shown()) edit=edit />
            <ParamChoice spec=MODE.spec() buttons=MODE.buttons() field=field(|f| f.mode.shown()) edit=edit />
            <ParamToggle spec=OWNER.spec() field=field(|f| f.owner.shown()) edit=edit
                hint="Then its conviction equals the locked amount at once." />
        }
    };
    let verdict = move || {
        report.with(|r| match r {
            Err(e) => view! { <Refusal testid="conviction-error" text=e.clone() /> }.into_any(),
            Ok(r) => {
                // The gate's line says whether and when the lock could take the subnet over.
                let gate = &FIGURES[1];
                let passes = (gate.pick)(r, style());
                // "Never" is not a success: it is said in a neutral colour.
                let class = if passes.is_some() { "verdict ok" } else { "verdict pending" };
                let text = passes.map(|s| format!("Passes the takeover gate: {}.", s.text)).unwrap_or_else(|| {
                    let mut why = (gate.missing)(r, style());
                    // A compact embed keeps to the verdict; the full calculator names the lock
                    // that would pass.
                    if compact {
                        if let Some(cut) = why.find(" A lock of ") {
                            why.truncate(cut);
                        }
                    }
                    match why.strip_prefix("Never: ") {
                        Some(rest) => format!("Never passes the takeover gate: {rest}"),
                        None => format!("Takeover gate: {why}"),
                    }
                });
                view! { <div tabindex="0" class=class role="status" data-testid="conviction-verdict">{text}</div> }
                    .into_any()
            }
        })
    };
    view! {
        <Calculator calc=Calc::Conviction
            lede="If you lock this alpha, how does your conviction grow, what can you no longer sell, and when could a challenger take over the subnet?"
            inputs_label="Conviction lock inputs"
            dock=Signal::derive(move || report.with(|r| match r {
                Ok(r) => format!(
                    "After {} days: {} alpha locked · conviction {}",
                    r.horizon_days,
                    format::tokens(r.outlook.horizon.locked, style()),
                    format::tokens(r.outlook.horizon.conviction, style()),
                ),
                Err(e) => e.clone(),
            }))
        >
            <Summary slot>
                {verdict}
                <Figures specs=&SUMMARY result=report />
            </Summary>
            <Inputs slot>
                <PoolFields source=Memo::new(move |_| form.with(|f| f.source.clone())) data=data edit=edit />
                <fieldset class="group">
                    <legend>"Your lock"</legend>
                    <div class="grid2">
                        <ParamInput spec=LOCK.spec() field=field(|f| f.lock.shown()) edit=edit />
                        <ParamInput spec=DAYS.spec() field=field(|f| f.days.shown()) edit=edit hint="1 to 3,650" />
                    </div>
                    {(!compact).then(lock_details)}
                </fieldset>
                <MoreInputs trouble=Signal::derive(move || report.with(Result::is_err))>
                {compact.then(lock_details)}
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
                    <Explain text=explain::RATES summary="About the rates" />
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
                        Some(age) => format!("The subnet is {} days old (registration block in the data).", format::tokens(days(Decimal::from(age)).floor(), style())),
                        None => "The subnet's age is not in the data; the one-year age gate is left out.".to_string(),
                    })}</p>
                </fieldset>
                </MoreInputs>
            </Inputs>
            <Results slot>
                <Figures specs=&FIGURES result=report />
                <Show when=move || report.with(|r| r.as_ref().is_ok_and(|r| r.your_lock_is_owners))>
                    <p class="note" data-testid="conviction-owner-note">"This is the owner's lock: its conviction is its locked amount, so the takeover lines compare the owner with itself."</p>
                </Show>
            </Results>
            <Chart slot>
                <LockChart report=report />
            </Chart>
            <div class="note aside"><p>"Locked alpha keeps earning emissions while it is locked; only unstaking it is blocked. "{move || form.with(|f| if f.mode.ok() == Some(Mode::Perpetual) { "A perpetual lock never unlocks by itself." } else { "A decaying lock unlocks gradually." })}</p></div>
        </Calculator>
    }
}
