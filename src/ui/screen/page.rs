//! The screener's page: the position every subnet is measured at, the summary, the table and
//! the chart of net result against pool depth.

use super::table::ScreenTable;
use crate::calc::app_params::Calc;
use crate::calc::field::FieldText;
use crate::calc::format;
use crate::calc::pool_source::NETUID;
use crate::calc::returns::form::PRICE_CHANGE;
use crate::calc::screen::form::{ScreenForm, AMOUNT, EXIT_FROM, MAX_SLIP, MIN_TAO, QUERY};
use crate::calc::screen::pool_figures::{pool_figures, PoolFigures};
use crate::calc::screen::rows::{row_inputs, row_position, rows_from, shown, tally};
use crate::calc::shared_params::{DAYS, TAKE};
use crate::ui::data::Data;
use crate::ui::shell::calculator::{Calculator, Chart, Inputs, MoreInputs, Results, Summary};
use crate::ui::shell::params::Params;
use crate::ui::shell::summary::is_compact;
use crate::ui::shell::summary::style_reader;
use crate::ui::shell::timing::after_paint;
use crate::ui::widgets::chart::{ScatterChart, ScatterData, ScatterPoint};
use crate::ui::widgets::explain::Explain;
use crate::ui::widgets::inputs::{Edit, ParamChoice, ParamInput};
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Rows a compact embed shows.
const COMPACT_ROWS: usize = 4;

const MODEL: &str = "Each row is the staking-returns calculator on that subnet with your amount, holding period, take and price change (vtrust 1, no childkey, everyone else compounding, the exit into the pool back at today's price unless you choose the pool your stake left): its entry cost (fee and slippage of the stake, as a share of the amount), the yield over the holding period (what the alpha grows by, everyone else compounding too; today's rate as an APY is in the cell's tooltip), and its net result and break-even after both swaps. The exit cost is selling the alpha you bought into that pool at once (fee and slippage, as a share of its spot value there); with today's pool, entry and exit add up to what getting in and out costs when the price comes back. The largest stake and exit are the biggest single trades whose slippage, fee included, stays within your limit (the pool calculator's figure). The last figure is the stake size from which that same net result becomes a loss: getting in and out costs more than the period yields (bigger stakes slip more and dilute their own rewards). It is the returns calculator's figure at every size, so it, the count above and the net column cannot disagree.";

#[component]
pub fn ScreenCalculator(params: Params, data: Data) -> impl IntoView {
    let style = style_reader();
    let form = Memo::new(move |_| ScreenForm::read(|k| params.get(k)));
    // The figures do not depend on the order, the search or the filter: those redraw only.
    let figures_form = Memo::new(move |_| {
        form.with(|f| ScreenForm {
            sort: ScreenForm::read(|_| None).sort,
            query: ScreenForm::read(|_| None).query,
            min_tao: ScreenForm::read(|_| None).min_tao,
            ..f.clone()
        })
    });
    // The largest trades and the cost-vs-yield threshold do not depend on the amount: typing
    // one keeps them.
    let pool_form = Memo::new(move |_| {
        form.with(|f| {
            let mut none = ScreenForm::read(|_| None);
            none.take = f.take.clone();
            none.days = f.days.clone();
            none.price_change = f.price_change.clone();
            none.exit_from = f.exit_from.clone();
            none.max_slip = f.max_slip.clone();
            none
        })
    });
    // They are also about four fifths of the table's time: the rows are drawn without them
    // first, and they follow once the browser has painted (issue 30).
    let computed = RwSignal::new(None::<(ScreenForm, Vec<PoolFigures>)>);
    let pools = Memo::new(move |_| {
        pool_form.with(|now| {
            computed.with(|c| c.as_ref().filter(|(f, _)| f == now).map(|(_, p)| p.clone()))
        })
    });
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        data.snapshot.track();
        pool_form.track();
        // Figures of other data are not shown while the new ones are computed.
        if computed.with_untracked(Option::is_some) {
            computed.set(None);
        }
        let this = generation.get_value() + 1;
        generation.set_value(this);
        after_paint(move || {
            // Only the latest change is computed.
            if generation.get_value() == this {
                let figures = data.snapshot.with_untracked(|s| {
                    pool_form.with_untracked(|f| (f.clone(), pool_figures(f, s)))
                });
                computed.set(Some(figures));
            }
        });
    });
    // Each subnet's returns form does not depend on the amount either.
    let held = Memo::new(move |_| form.with(row_position));
    let inputs = Memo::new(move |_| data.snapshot.with(|s| held.with(|h| row_inputs(h, s))));
    let all = Memo::new(move |_| {
        data.snapshot.with(|s| {
            figures_form.with(|f| inputs.with(|i| pools.with(|p| rows_from(f, s, i, p.as_deref()))))
        })
    });
    let order = Memo::new(move |_| all.with(|r| form.with(|f| shown(r, f))));
    let chosen = Memo::new(move |_| {
        params
            .get(NETUID.key)
            .and_then(|n| n.trim().parse::<u16>().ok())
    });
    let edit = Edit {
        params,
        calc: Calc::Screen.param(),
    };
    let field = move |f: fn(&ScreenForm) -> FieldText| Signal::derive(move || form.with(f));
    let compact = is_compact();
    let verdict = move || {
        all.with(|r| {
            let t = tally(r);
            if t.total == 0 {
                return view! { <div class="verdict rejected" role="status" data-testid="screen-verdict" tabindex="0">"The data in use has no subnets: load a snapshot with subnets to compare."</div> }.into_any();
            }
            let text = match (&t.best, form.with(|f| f.days.ok())) {
                (Some((n, name, pct, tao)), Some(days)) => format!(
                    "Best at this size: {n} · {name}, {} ({} TAO) after {days} days with both swaps.",
                    format::signed_pct(*pct, style()),
                    format::tokens(*tao, style()),
                ),
                _ => "Fix the fields marked below to compare the subnets.".to_string(),
            };
            let class = if t.best.as_ref().is_some_and(|b| b.2 > Decimal::ZERO) { "verdict ok" } else { "verdict rejected" };
            // A position that does not read has no counts: dashes, not zeros.
            let counted = form.with(|f| f.position_ok());
            let count = move |n: usize| if counted { format::count(n, "subnet", "subnets") } else { "—".to_string() };
            let of_total = if counted { format!("{} of {}", t.positive, t.total) } else { "—".to_string() };
            view! {
                <div class=class role="status" data-testid="screen-verdict" tabindex="0">{text}</div>
                <dl class="figures">
                    <div class="figure" tabindex="0"><dt>"Subnets that gain"</dt>
                        <dd data-testid="screen-count-gain" data-value=t.positive.to_string()>{of_total}</dd></div>
                    <div class="figure" tabindex="0"><dt>"Costs beat the period's yield"</dt>
                        <dd data-testid="screen-count-costly" data-value=t.costly.to_string()>{count(t.costly)}</dd></div>
                    <div class="figure" tabindex="0"><dt>"Refused at this size"</dt>
                        <dd data-testid="screen-count-refused" data-value=t.refused.to_string()>{count(t.refused)}</dd></div>
                </dl>
            }
            .into_any()
        })
    };
    let dock = Signal::derive(move || {
        all.with(|r| match tally(r).best {
            Some((n, name, pct, _)) => {
                format!("Best: {n} · {name}, {}", format::signed_pct(pct, style()))
            }
            None => "No subnet to compare".to_string(),
        })
    });
    let chart_data = Signal::derive(move || {
        let marked = chosen.get();
        let days = form.with(|f| f.days.ok()).unwrap_or(0);
        let points = all.with(|rows| {
            order.with(|order| {
                order
                    .iter()
                    .filter_map(|&i| {
                        let row = &rows[i];
                        let (pct, _) = row.position.as_ref().ok()?.net.clone().ok()?;
                        Some(ScatterPoint {
                            x: row.depth.to_f64()?,
                            y: pct.to_f64()?,
                            label: format!(
                                "{} · {}: {}, {} TAO in pool",
                                row.netuid,
                                row.name,
                                format::signed_pct(pct, style()),
                                format::tokens(row.depth, style())
                            ),
                            marked: marked == Some(row.netuid),
                        })
                    })
                    .collect()
            })
        });
        ScatterData {
            points,
            x_label: "TAO in the pool (log scale)".into(),
            y_unit: " %".into(),
            empty: format!("No subnet has a net result after {days} days to plot."),
        }
    });
    let description = Signal::derive(move || {
        let count = chart_data.with(|d| d.points.len());
        let marked = chosen
            .get()
            .map(|n| format!(" Subnet {n} is marked."))
            .unwrap_or_default();
        format!("Net result against pool depth, one point per subnet shown in the table ({count}).{marked}")
    });
    let amount_unit = Signal::stored("TAO".to_string());
    let filters = move || {
        view! {
            <fieldset class="group">
                <legend>"Table"</legend>
                <div class="grid2">
                    <ParamInput spec=QUERY.spec() field=field(|f| f.query.shown()) edit=edit placeholder="netuid, name or symbol" />
                    <ParamInput spec=MIN_TAO.spec() field=field(|f| f.min_tao.shown()) edit=edit placeholder="0" />
                </div>
            </fieldset>
        }
    };
    // Every row's TAO emission rests on the same terms: said once, not in 129 titles.
    let emission_assumed = move || {
        all.with(|rows| {
            rows.iter()
                .find_map(|r| r.emission.as_ref())
                .map(|e| format!("TAO emission assumes {}", e.assumed))
        })
    };
    view! {
        <Calculator calc=Calc::Screen stacked=true
            lede="Where should your TAO go, and can you get it out again? Every subnet at your size: the cost of getting in and out, the yield, the net result and how much each pool can take."
            inputs_label="Subnet screener inputs"
            dock=dock
        >
            <Summary slot>{verdict}</Summary>
            <Inputs slot>
                <fieldset class="group">
                    <legend>"Position"</legend>
                    <div class="grid2">
                        <ParamInput spec=AMOUNT.spec() field=field(|f| f.amount.shown()) edit=edit unit=amount_unit />
                        <ParamInput spec=DAYS.spec() field=field(|f| f.days.shown()) edit=edit />
                    </div>
                </fieldset>
                <MoreInputs trouble=Signal::derive(move || form.with(|f| !f.position_ok() || f.max_slip.ok().is_none() || f.min_tao.ok().is_none()))>
                <fieldset class="group">
                    <legend>"Assumptions"</legend>
                    <div class="grid2">
                        <ParamInput spec=TAKE.spec() field=field(|f| f.take.shown()) edit=edit />
                        <ParamInput spec=PRICE_CHANGE.spec() field=field(|f| f.price_change.shown()) edit=edit />
                        <ParamInput spec=MAX_SLIP.spec() field=field(|f| f.max_slip.shown()) edit=edit />
                    </div>
                    <ParamChoice spec=EXIT_FROM.spec() buttons=EXIT_FROM.buttons() field=field(|f| f.exit_from.shown()) edit=edit />
                </fieldset>
                {compact.then(filters)}
                </MoreInputs>
                {(!compact).then(filters)}
                <p class="msg" aria-live="polite" data-testid="screen-sort-error">{move || form.with(|f| f.sort.error())}</p>
            </Inputs>
            <Results slot>
                <ScreenTable rows=all shown=order form=form params=params edit=edit chosen=chosen limit=None />
                <p class="note" data-testid="screen-emission-assumed">{emission_assumed}</p>
                {(!compact).then(|| view! { <crate::ui::widgets::download::TableCsv table="screen" /> })}
                {(!compact).then(|| view! { <super::realised::RealisedPanel params=params data=data chosen=chosen /> })}
            </Results>
            <Chart slot>
                {if compact {
                    view! {
                        <ScreenTable rows=all shown=order form=form params=params edit=edit chosen=chosen
                            limit=Some(COMPACT_ROWS) />
                    }
                    .into_any()
                } else {
                    view! {
                        <section class="screen-chart" aria-label="Net result against pool depth">
                            <h3>"Net result against pool depth"</h3>
                            <ScatterChart data=chart_data title="Net result after the holding period against TAO in the pool" description=description />
                        </section>
                    }
                    .into_any()
                }}
            </Chart>
            <div class="note aside"><Explain text=MODEL summary="How this is computed" /></div>
        </Calculator>
    }
}
