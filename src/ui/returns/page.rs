//! The staking-returns page: the position, the validator and the scenario, then the verdict,
//! the figures, the table by holding time and the exit chart.

use super::history::HistorySection;
use super::root_basket::RootBasket;
use super::sections::{ExitChart, HeldForTable};
use crate::calc::app_params::Calc;
use crate::calc::chain_figures::ChainFigures;
use crate::calc::field::FieldText;
use crate::calc::format;
use crate::calc::returns::explain;
use crate::calc::returns::figures::{days_after, signed_tokens, FIGURES, SUMMARY};
use crate::calc::returns::form::{
    ReturnsForm, StartWith, AMOUNT, APY, CHILDKEY, COMPOUND_OTHERS, EXIT_FROM, FROM, PRICE_CHANGE,
    VTRUST,
};
use crate::calc::returns::other_exit::other_exit;
use crate::calc::shared_params::{DAYS, TAKE, TAO_USD};
use crate::model::num::units::rao_to_decimal;
use crate::model::staking::returns::{project, Projection, ReturnsError};
use crate::ui::data::Data;
use crate::ui::shell::calculator::{Calculator, Chart, Inputs, MoreInputs, Results, Summary};
use crate::ui::shell::params::Params;
use crate::ui::shell::summary::style_reader;
use crate::ui::shell::summary::{is_compact, Refusal};
use crate::ui::widgets::chain_fields::ChainFields;
use crate::ui::widgets::explain::Explain;
use crate::ui::widgets::figure::Figures;
use crate::ui::widgets::inputs::{Edit, ParamChoice, ParamInput, ParamToggle};
use crate::ui::widgets::pool_fields::PoolFields;
use leptos::prelude::*;
use rust_decimal::Decimal;

#[component]
pub fn ReturnsCalculator(params: Params, data: Data) -> impl IntoView {
    let style = style_reader();
    let form = Memo::new(move |_| {
        data.snapshot
            .with(|s| ReturnsForm::read(|k| params.get(k), s))
    });
    let result: Memo<Result<Projection, String>> = Memo::new(move |_| {
        let inputs = data.snapshot.with(|s| form.with(|f| f.inputs(s)))?;
        project(&inputs).map_err(|e: ReturnsError| e.to_string())
    });
    // The other exit's result, when it differs by more than a tenth of the position.
    let other = Memo::new(move |_| {
        let inputs = data.snapshot.with(|s| form.with(|f| f.inputs(s))).ok()?;
        result.with(|r| other_exit(&inputs, r.as_ref().ok()?))
    });
    let edit = Edit {
        params,
        calc: Calc::Returns.param(),
    };
    let field = move |f: fn(&ReturnsForm) -> FieldText| Signal::derive(move || form.with(f));
    let from_alpha = Memo::new(move |_| form.with(|f| f.from.ok() == Some(StartWith::Alpha)));
    let root = Memo::new(move |_| form.with(|f| f.root));
    let unit = Signal::derive(move || {
        if from_alpha.get() {
            "alpha".to_string()
        } else {
            "TAO".to_string()
        }
    });

    let compact = is_compact();
    let start_with = move || {
        view! {
            <ParamChoice spec=FROM.spec() buttons=FROM.buttons() field=field(|f| f.from.shown()) edit=edit />
        }
    };
    let verdict = move || match result.get() {
        Err(problem) => view! { <Refusal testid="returns-error" text=problem /> }.into_any(),
        Ok(p) => {
            let days = p.headline.horizon.day;
            let text = match &p.headline.horizon.exit {
                Ok(leg) => format!(
                    "After {}: {} TAO back, {} TAO ({}).",
                    days_after(days),
                    format::tokens(rao_to_decimal(leg.tao_rao), style()),
                    signed_tokens(leg.net_tao, style()),
                    format::signed_pct(leg.net_pct, style()),
                ),
                Err(r) => format!(
                    "The exit after {} would be rejected ({}): {r}",
                    days_after(days),
                    r.chain_name()
                ),
            };
            let class = match &p.headline.horizon.exit {
                Ok(leg) if leg.net_tao >= Decimal::ZERO => "verdict ok",
                _ => "verdict rejected",
            };
            let other = other.get().map(|o| {
                let value = format::plain(o.net_tao);
                view! {
                    <p class="note warning" data-testid="returns-other-exit" data-value=value
                        data-exit=o.exit_from.as_param() role="status">
                        {o.sentence(&days_after(days), style())}
                    </p>
                }
            });
            view! {
                <div tabindex="0" class=class role="status" data-testid="returns-verdict">{text}</div>
                {other}
            }
            .into_any()
        }
    };

    view! {
        <Calculator calc=Calc::Returns
            lede="If you stake into a subnet through a validator and hold, what do you get back in TAO after the fee and slippage both ways? Rewards compound every epoch; on a thin pool the swaps can eat them all."
            inputs_label="Staking return inputs"
            dock=Signal::derive(move || result.with(|r| match r {
                Ok(p) => match &p.headline.horizon.exit {
                    Ok(leg) => format!(
                        "Net result {} TAO ({}) after {}",
                        signed_tokens(leg.net_tao, style()),
                        format::signed_pct(leg.net_pct, style()),
                        days_after(p.headline.horizon.day),
                    ),
                    Err(r) => format!("The exit would be rejected ({})", r.chain_name()),
                },
                Err(e) => e.clone(),
            }))
        >
            <Summary slot>
                {verdict}
                <Figures specs=&SUMMARY result=result />
            </Summary>
            <Inputs slot>
                <PoolFields source=Memo::new(move |_| form.with(|f| f.source.clone())) data=data edit=edit />
                <Show when=move || root.get()>
                    <p class="note">{explain::ROOT}</p>
                    {move || data.snapshot.with(ChainFigures::root_dividends_warning).map(|w| view! {
                        <p class="note warning" data-testid="root-dividends-warning" role="status">{w}</p>
                    })}
                </Show>
                <fieldset class="group">
                    <legend>"Position"</legend>
                    {(!compact).then(start_with)}
                    <div class="grid2">
                        <ParamInput spec=AMOUNT.spec() field=field(|f| f.amount.shown()) edit=edit unit=unit />
                        <ParamInput spec=DAYS.spec() field=field(|f| f.days.shown()) edit=edit hint="1 to 1,825 (5 years)" />
                    </div>
                </fieldset>
                <MoreInputs trouble=Signal::derive(move || result.with(Result::is_err))>
                {compact.then(start_with)}
                <fieldset class="group">
                    <legend>"Validator"</legend>
                    <div class="grid2">
                        <ParamInput spec=TAKE.spec() field=field(|f| f.take.shown()) edit=edit
                            hint="0 to 18 %; 18 % is the chain's maximum and default, 11,796/65,535" />
                        <ParamInput spec=CHILDKEY.spec() field=field(|f| f.childkey.shown()) edit=edit
                            hint="0 unless the validator works through another owner's child hotkey; taken before its take" />
                        <ParamInput spec=VTRUST.spec() field=field(|f| f.vtrust.shown()) edit=edit
                            hint="0 to 1; about 1 for a validator in consensus" />
                    </div>
                </fieldset>
                <fieldset class="group">
                    <legend>"Scenario"</legend>
                    <div class="grid2">
                        <ParamInput spec=PRICE_CHANGE.spec() field=field(|f| f.price_change.shown()) edit=edit
                            hint="e.g. -20 for a 20 % fall; steady over the holding period, then held (never extrapolated)" />
                        <ParamInput spec=TAO_USD.spec() field=field(|f| f.tao_usd.shown()) edit=edit placeholder="none" />
                    </div>
                    <ParamInput spec=APY.spec() field=field(|f| f.apy.shown()) edit=edit
                        placeholder="derive it from the chain figures"
                        hint="A yield you have seen (Taostats, TaoYield…); it replaces the derived one." />
                    <ParamChoice spec=EXIT_FROM.spec() buttons=EXIT_FROM.buttons() field=field(|f| f.exit_from.shown()) edit=edit />
                    <p class="hint" data-testid="returns-exit-from">{move || form.with(|f| explain::exit_from(f.exit_from.ok()))}</p>
                    <ParamToggle spec=COMPOUND_OTHERS.spec() field=field(|f| f.compound_others.shown()) edit=edit
                        hint="On: the total stake grows by each epoch's rewards, so yours grows more slowly. Off: today's rate all along (overstates the yield)." />
                </fieldset>
                <ChainFields figures=Memo::new(move |_| form.with(|f| f.chain.clone())) edit=edit />
                </MoreInputs>
            </Inputs>
            <Results slot>
                <Figures specs=&FIGURES result=result />
            </Results>
            <Chart slot>
                <ExitChart result=result />
            </Chart>
            <Show when=move || root.get()>
                <RootBasket form=form data=data />
            </Show>
            <HeldForTable result=result />
            {(!compact).then(|| view! { <HistorySection params=params data=data form=form /> })}
            <div class="note aside"><Explain text=explain::MODEL summary="How this is computed" /></div>
        </Calculator>
    }
}
