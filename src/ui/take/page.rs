//! The delegation-take calculator's page: your stake, the validators' rows, the comparison,
//! the switching costs and the earnings chart.

use super::realised::RealisedRead;
use super::sections::{ComparisonTable, EarningsChart, RowsEditor, SwitchingPanel};
use super::summary::TakeSummary;
use crate::calc::app_params::Calc;
use crate::calc::chain_figures::ChainFigures;
use crate::calc::field::FieldText;
use crate::calc::shared_params::TAO_USD;
use crate::calc::take::compare::{run, switching};
use crate::calc::take::explain;
use crate::calc::take::form::{TakeForm, AMOUNT, DAYS};
use crate::ui::data::Data;
use crate::ui::shell::calculator::{Calculator, Chart, Inputs, MoreInputs, Results, Summary};
use crate::ui::shell::params::Params;
use crate::ui::shell::summary::is_compact;
use crate::ui::shell::summary::style_reader;
use crate::ui::widgets::chain_fields::ChainFields;
use crate::ui::widgets::explain::Explain;
use crate::ui::widgets::inputs::{Edit, ParamInput};
use crate::ui::widgets::pool_fields::PoolFields;
use leptos::prelude::*;

#[component]
pub fn TakeCalculator(params: Params, data: Data) -> impl IntoView {
    let style = style_reader();
    let form = Memo::new(move |_| data.snapshot.with(|s| TakeForm::read(|k| params.get(k), s)));
    let result = Memo::new(move |_| data.snapshot.with(|s| form.with(|f| run(f, s))));
    let switching_result = Memo::new(move |_| {
        data.snapshot.with(|s| {
            form.with(|f| result.with(|r| r.as_ref().ok().and_then(|c| switching(f, c, s))))
        })
    });
    let edit = Edit {
        params,
        calc: Calc::Take.param(),
    };
    let field = move |f: fn(&TakeForm) -> FieldText| Signal::derive(move || form.with(f));

    let compact = is_compact();
    let tao_usd = move || {
        view! {
            <ParamInput spec=TAO_USD.spec() field=field(|f| f.tao_usd.shown()) edit=edit placeholder="none" />
        }
    };
    view! {
        <Calculator calc=Calc::Take stacked=true
            lede="Which validator should you delegate to on this subnet, and what does each one's take cost you over time? Up to eight side by side."
            inputs_label="Delegation take inputs"
            dock=Signal::derive(move || result.with(|r| match r {
                Ok(c) => c
                    .comparison
                    .rows
                    .iter()
                    .min_by_key(|row| row.rank)
                    .map(|best| format!(
                        "Best: {}, {} net APY",
                        c.delegates.get(best.index).map(|d| d.name.as_str()).unwrap_or_default(),
                        crate::calc::format::pct(best.net_apy_pct, style()),
                    ))
                    .unwrap_or_default(),
                Err(e) => e.clone(),
            }))
        >
            <Summary slot>
                <TakeSummary result=result days=Signal::derive(move || form.with(|f| f.days.ok())) />
            </Summary>
            <Inputs slot>
                <PoolFields source=Memo::new(move |_| form.with(|f| f.source.clone())) data=data edit=edit />
                <fieldset class="group">
                    <legend>"Your stake"</legend>
                    <div class="grid2">
                        <ParamInput spec=AMOUNT.spec() field=field(|f| f.amount.shown()) edit=edit
                            hint="Converted to alpha at the spot price" />
                        <ParamInput spec=DAYS.spec() field=field(|f| f.days.shown()) edit=edit hint="1 to 1,825" />
                    </div>
                    {(!compact).then(tao_usd)}
                </fieldset>
                <MoreInputs trouble=Signal::derive(move || result.with(Result::is_err))>
                {compact.then(tao_usd)}
                <fieldset class="group">
                    <legend>"Validators"</legend>
                    <Show when=move || form.with(|f| f.prefilled)>
                        <p class="note" data-testid="take-prefilled">"Filled from the validators in the loaded data, largest stake first."</p>
                    </Show>
                    <Show when=move || form.with(|f| f.examples)>
                        <p class="note" data-testid="take-no-validators">"These rows are examples: the data in use lists no validators for this subnet. Real ones, with their takes and stakes, come from live data (“Load other data” → Live from the chain, which reads the chosen subnet's validators) or a Taostats validator-yield file; or type each one's take here."</p>
                    </Show>
                    <p class="msg" aria-live="polite" data-testid="take-rows-error">{move || form.with(|f| f.rows_error.clone())}</p>
                    <RowsEditor form=form edit=edit />
                </fieldset>
                <ChainFields figures=Memo::new(move |_| form.with(|f| f.chain.clone())) edit=edit />
                </MoreInputs>
            </Inputs>
            <Results slot>
                {move || form.with(|f| f.root).then(|| data.snapshot.with(ChainFigures::root_dividends_warning)).flatten().map(|w| view! {
                    <p class="note warning" data-testid="root-dividends-warning" role="status">{w}</p>
                })}
                <ComparisonTable result=result form=form data=data />
                <RealisedRead params=params data=data form=form />
            </Results>
            <Chart slot>
                <EarningsChart result=result />
            </Chart>
            <SwitchingPanel form=form result=result switching=switching_result data=data edit=edit />
            <div class="note aside"><Explain text=explain::MODEL summary="How this is computed" /></div>
        </Calculator>
    }
}
