//! The pool calculator's page: its inputs and headline figures, then its sections.

use super::sections::{MaxForSlippage, MoveStake, RoundTripSection, SlippageChart, TaoEmission};
use crate::calc::app_params::Calc;
use crate::calc::field::FieldText;
use crate::calc::figure::Shown;
use crate::calc::format;
use crate::calc::format::Style;
use crate::calc::pool::chain_quote;
use crate::calc::pool::explain;
use crate::calc::pool::figures::{AT_SPOT, FEE, OTHER_DEFINITIONS, QUOTED_TAIL, SUMMARY};
use crate::calc::pool::form::{amount_unit, PoolForm, AMOUNT, LIMIT, PARTIAL, SIDE, TOL, WHOLE};
use crate::calc::pool::outcome::{PoolOutcome, Priced, Tier};
use crate::model::num::units::{format_rao, rao_to_decimal};
use crate::model::pool::limit::max_gross_within_limit;
use crate::model::pool::side::Side;
use crate::model::words::group_thousands;
use crate::snapshot::chain::quote::ChainQuote;
use crate::ui::data::Data;
use crate::ui::shell::calculator::{Calculator, Chart, Inputs, MoreInputs, Results, Summary};
use crate::ui::shell::params::Params;
use crate::ui::shell::summary::style_reader;
use crate::ui::widgets::explain::Explain;
use crate::ui::widgets::figure::{Figure, FigureRows};
use crate::ui::widgets::inputs::{Edit, ParamChoice, ParamInput, ParamToggle};
use crate::ui::widgets::pool_fields::PoolFields;
use leptos::prelude::*;

#[component]
pub fn PoolCalculator(params: Params, data: Data) -> impl IntoView {
    let style = style_reader();
    let inputs = Memo::new(move |_| data.snapshot.with(|s| PoolForm::read(|k| params.get(k), s)));
    let edit = Edit {
        params,
        calc: Calc::Pool.param(),
    };

    let outcome = Memo::new(move |_| inputs.with(PoolOutcome::of));
    let side = Memo::new(move |_| inputs.with(|i| i.side.ok().unwrap_or(Side::Stake)));
    let capacity = Memo::new(move |_| {
        let pool = inputs.with(|i| i.source.pool.clone().ok())?;
        let side = side.get();
        crate::model::pool::ellipse_swap::capacity(&pool, side)?
            .ok()
            .map(|gross| (side, gross))
    });
    let limit_max = Memo::new(move |_| {
        inputs.with(|i| {
            let (pool, request) = i.trade().ok()?;
            let protection = request.protection?;
            Some(max_gross_within_limit(
                &pool,
                request.side,
                protection.limit_price_rao,
            ))
        })
    });

    let quoted =
        Memo::new(move |_| outcome.with(|o| o.quote().cloned().ok_or_else(|| "—".to_string())));
    let priced = Memo::new(move |_| {
        quoted.with(|q| match q {
            Ok(q) => Ok(inputs.with(|f| Priced::of(f, q))),
            Err(e) => Err(e.clone()),
        })
    });
    let field = move |f: fn(&PoolForm) -> FieldText| Signal::derive(move || inputs.with(f));
    let trouble = Signal::derive(move || !matches!(outcome.get(), PoolOutcome::Quoted(_)));

    view! {
        <Calculator calc=Calc::Pool
            lede="What a stake (TAO → alpha) or unstake (alpha → TAO) really returns from a subnet's pool: fee, price impact, slippage and price protection, computed the way the chain does."
            inputs_label="Pool calculator inputs"
            dock=Signal::derive(move || outcome.with(|o| match o {
                PoolOutcome::Quoted(q) => format!(
                    "You receive {} {} · slippage {}",
                    format::tokens(q.received, style()),
                    q.swap.side.output_token(),
                    format::pct(q.slippage_pct, style()),
                ),
                PoolOutcome::Rejected(r) => format!("The chain rejects this trade ({})", r.chain_name()),
                PoolOutcome::Problem(p) => p.clone(),
            }))
        >
            <Summary slot>
                <Verdict outcome=outcome priced=priced />
                <dl class="figures">
                    <FigureRows specs=&SUMMARY result=priced />
                </dl>
            </Summary>
            <Inputs slot>
                <PoolFields
                    source=Memo::new(move |_| inputs.with(|i| i.source.clone()))
                    data=data
                    edit=edit
                />
                <fieldset class="group">
                    <legend>"Trade"</legend>
                    <ParamChoice spec=SIDE.spec() buttons=SIDE.buttons() field=field(|i| i.side.shown()) edit=edit />
                    <ParamInput spec=AMOUNT.spec() field=field(|i| i.amount.shown()) edit=edit
                        unit=Signal::derive(move || amount_unit(side.get()).to_string()) />
                    <Show when=move || side.get() == Side::Unstake>
                        <ParamToggle spec=WHOLE.spec() field=field(|i| i.whole.shown()) edit=edit
                            hint="The chain refuses unstakes worth under 0.002 TAO unless they close the position." />
                    </Show>
                </fieldset>
                <MoreInputs trouble=trouble>
                <ParamInput spec=crate::calc::shared_params::TAO_USD.spec() field=field(|i| i.tao_usd.shown()) edit=edit placeholder="none" />
                <fieldset class="group">
                    <legend>"Price protection"</legend>
                    <ParamInput spec=TOL.spec() field=field(|i| i.tol.shown()) edit=edit placeholder="off"
                        hint="Empty: no limit (plain add_stake / remove_stake). btcli defaults to 0.5 %, the newer SDK to 5 %." />
                    <ParamInput spec=LIMIT.spec() field=field(|i| i.limit.shown()) edit=edit placeholder="none"
                        hint="The limit price a wallet sends (add_stake_limit / remove_stake_limit). When set, it replaces the tolerance." />
                    <ParamToggle spec=PARTIAL.spec() field=field(|i| i.partial.shown()) edit=edit
                        hint="Off (fill or kill): the whole trade fails if it would pass the limit. On: it stops at the limit and the rest stays with you." />
                </fieldset>
                </MoreInputs>
            </Inputs>
            <Results slot>
                <p class="hint" data-testid="pool-curve" data-value=move || inputs.with(|i| i.source.pool.as_ref().ok().map(|p| p.curve.name()).unwrap_or_default())>
                    {move || inputs.with(|i| i.source.pool.as_ref().ok().map(|p| explain::curve_line(p, i.source.ellipse_calibrated())))}
                </p>
                {move || capacity.get().map(|(side, gross)| view! {
                    <p class="note" data-testid="pool-capacity" data-value=format::plain(rao_to_decimal(gross)) title=explain::CAPACITY>
                        {format!("This pool can take at most {} {} in one {}; past that the rest is refunded.", format::tokens(rao_to_decimal(gross), style()), side.input_token(), side)}
                    </p>
                })}
                <ChainQuoteLine inputs=inputs data=data />
                <dl class="figures">
                    <FigureRows specs=&FEE result=quoted />
                    <FigureRows specs=&AT_SPOT result=quoted />
                    <Figure
                        testid="pool-spot-price"
                        label="Spot price"
                        shown=move |_: Style| inputs.with(|i| i.source.pool.as_ref().ok().map(|p| {
                            let price = p.spot_price();
                            Shown::new(
                                format!("{} TAO per alpha (chain: {} rao)", format::price(price), group_thousands(&p.chain_spot_price_rao().to_string())),
                                format::plain(price),
                            )
                        }))
                        explain=explain::SPOT
                    />
                    <FigureRows specs=&QUOTED_TAIL result=quoted />
                    <Figure
                        testid="pool-max-amount"
                        label="Most you can trade within your limit"
                        shown=move |style: Style| {
                            let unit = amount_unit(side.get());
                            match limit_max.get()? {
                                Ok(Some(max)) => Some(Shown::new(format!("{} {}", format::tokens(rao_to_decimal(max), style), unit), format_rao(max))),
                                _ => None,
                            }
                        }
                        missing=Signal::derive(move || match limit_max.get() {
                            None => "No limit set: type a price tolerance.".to_string(),
                            Some(Ok(None)) => "No bound: the limit never binds on this pool.".to_string(),
                            Some(Err(_)) => "None: the limit is already passed.".to_string(),
                            Some(Ok(Some(_))) => String::new(),
                        })
                        explain=explain::MAX_IN_LIMIT
                    />
                </dl>
                <details class="other-definitions" data-testid="pool-other-definitions">
                    <summary>"Other definitions of slippage"</summary>
                    <p class="hint">"Tools count slippage differently; the cost above is the chain's own way. These are the others, for comparing with what a wallet or the docs show."</p>
                    <dl class="figures">
                        <FigureRows specs=&OTHER_DEFINITIONS result=quoted />
                    </dl>
                </details>
            </Results>
            <Chart slot>
                <SlippageChart inputs=inputs outcome=outcome />
            </Chart>
            <div class="sections">
                <MaxForSlippage inputs=inputs edit=edit />
                <RoundTripSection inputs=inputs />
                <MoveStake inputs=inputs data=data edit=edit />
                <TaoEmission inputs=inputs data=data />
            </div>
            <div class="note aside">
                <Explain text=explain::SPLITTING summary="Why splitting a trade does not help" />
            </div>
        </Calculator>
    }
}

/// In live mode, the chain's own quote of the same plain trade beside the calculator's, and
/// whether they agree to the rao (`chain_quote.rs`).
#[component]
fn ChainQuoteLine(inputs: Memo<PoolForm>, data: Data) -> impl IntoView {
    let style = style_reader();
    let ask = Memo::new(move |_| {
        let endpoint = data.live_endpoint()?;
        Some(
            data.snapshot
                .with(|s| inputs.with(|f| chain_quote::ask(f, s, Some(&endpoint)))),
        )
    });
    // The last answer, with what it answered; a newer ask replaces it when it comes.
    let answer = RwSignal::new(None::<(chain_quote::QuoteAsk, Result<ChainQuote, String>)>);
    Effect::new(move |_| {
        if let Some(Ok(asked)) = ask.get() {
            leptos::task::spawn_local(async move {
                let quote = data.chain_quote(&asked).await;
                answer.set(Some((asked, quote)));
            });
        }
    });
    move || {
        let asking = ask.get()?;
        Some(match (asking, answer.get()) {
            (Err(why), _) => view! {
                <p class="hint" data-testid="pool-chain-quote-off">{why}</p>
            }
            .into_any(),
            (Ok(now), Some((asked, Ok(quote)))) if asked == now => {
                let v = inputs.with(|f| chain_quote::verdict(f, &asked, &quote, style()));
                let class = if v.difference_rao == Some(0) { "verdict ok" } else { "verdict pending" };
                view! {
                    <p class=class data-testid="pool-chain-quote" data-value=v.chain_out.unwrap_or_default()
                        data-difference=v.difference_rao.map(|d| d.to_string()).unwrap_or_default() role="status">
                        <strong>"The chain's own quote: "</strong>{v.text}
                    </p>
                }
                .into_any()
            }
            (Ok(now), Some((asked, Err(why)))) if asked == now => view! {
                <p class="verdict pending" data-testid="pool-chain-quote-error" role="status">
                    {format!("The chain's own quote could not be had: {why}")}
                </p>
            }
            .into_any(),
            _ => view! {
                <p class="hint" data-testid="pool-chain-quote-pending">"Asking the chain for its own quote of this trade…"</p>
            }
            .into_any(),
        })
    }
}

/// The trade's status: accepted (partially or whole) with what it costs and how much that
/// should worry the trader (`pool-warning`, its tier in `data-tier`, in words as well as
/// colour), refused by the chain, or waiting for input.
#[component]
fn Verdict(outcome: Memo<PoolOutcome>, priced: Memo<Result<Priced, String>>) -> impl IntoView {
    let style = style_reader();
    move || {
        match outcome.get() {
        PoolOutcome::Problem(problem) => view! {
            <div tabindex="0" class="verdict pending" data-testid="pool-input-problem" role="status">
                {problem}
            </div>
        }
        .into_any(),
        PoolOutcome::Rejected(rejection) => view! {
            <div
                tabindex="0"
                class="verdict rejected"
                data-testid="pool-error"
                data-error=rejection.chain_name()
                role="alert"
            >
                <strong>{format!("The chain rejects this trade ({})", rejection.chain_name())}</strong>
                <p>{rejection.to_string()}</p>
            </div>
        }
        .into_any(),
        PoolOutcome::Quoted(q) if q.swap.is_partial() => {
            let side = q.swap.side;
            let reason = explain::partial_reason(&q.swap);
            view! {
                <div tabindex="0" class="verdict partial" data-testid="pool-partial" data-value=format::plain(q.unfilled) role="status">
                    <p>{format!(
                        "Partial fill: {reason}, so the chain takes {} {} of this {} and refunds the rest.",
                        format::tokens(rao_to_decimal(q.swap.taken_rao()), style()),
                        side.input_token(),
                        side,
                    )}</p>
                    <p>"Refunded: "<strong data-testid="pool-refund" data-value=format::plain(q.unfilled)>
                        {format!("{} {}", format::tokens(q.unfilled, style()), side.input_token())}
                    </strong></p>
                </div>
            }
            .into_any()
        }
        PoolOutcome::Quoted(_) => {
            let Ok(p) = priced.get() else {
                return view! { <div class="verdict pending" role="status">"—"</div> }.into_any();
            };
            let (class, role) = match p.tier {
                Tier::Plain => ("verdict ok", "status"),
                Tier::Notice | Tier::Warning => ("verdict pending", "status"),
                Tier::Danger => ("verdict rejected", "alert"),
            };
            view! {
                <div tabindex="0" class=class role=role data-testid="pool-warning" data-tier=p.tier.name()>
                    {p.verdict(style())}
                </div>
            }
            .into_any()
        }
    }
    }
}
