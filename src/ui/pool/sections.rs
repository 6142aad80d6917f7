//! The pool calculator's further sections: slippage against size, the largest trade within a
//! slippage, the round trip and moving stake to another subnet.

use crate::calc::figure::Shown;
use crate::calc::format;
use crate::calc::format::Style;
use crate::calc::markup::Markup;
use crate::calc::pool::explain;
use crate::calc::pool::form::{amount_unit, PoolForm, MAX_SLIP, MOVE_AMOUNT, MOVE_TO};
use crate::calc::pool::outcome::PoolOutcome;
use crate::calc::subnet_options::subnet_options;
use crate::model::num::units::{format_rao, rao_to_decimal, RAO_PER_TAO};
use crate::model::pool::curve::{max_trade_for_slippage, slippage_curve, CurvePoint};
use crate::model::pool::move_stake::move_stake;
use crate::model::pool::round_trip::round_trip;
use crate::model::pool::side::Side;
use crate::model::pool::Pool;
use crate::ui::data::Data;
use crate::ui::shell::summary::style_reader;
use crate::ui::widgets::chart::{LogLogChart, LogLogData};
use crate::ui::widgets::disclosure::Disclosure;
use crate::ui::widgets::explain::Explain;
use crate::ui::widgets::figure::Figure;
use crate::ui::widgets::inputs::{Edit, ParamInput, ParamSelect};
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;

fn pool_and_side(inputs: Memo<PoolForm>) -> Memo<Option<(Pool, Side)>> {
    Memo::new(move |_| inputs.with(|i| Some((i.source.pool.clone().ok()?, i.side.ok()?))))
}

/// rao as a float number of tokens: chart geometry only.
fn tokens_f64(rao: u64) -> f64 {
    rao as f64 / RAO_PER_TAO as f64
}

/// The rows behind the chart's points: trade size and slippage, as markup (redrawn whole).
fn curve_rows(curve: &[CurvePoint], style: Style) -> String {
    let mut m = Markup::new();
    for p in curve {
        m.open("tr", &[])
            .element(
                "td",
                &[],
                &format::tokens(rao_to_decimal(p.amount_rao), style),
            )
            .element("td", &[], &format::pct(p.slippage_pct, style))
            .close("tr");
    }
    m.into_string()
}

#[component]
pub fn SlippageChart(inputs: Memo<PoolForm>, outcome: Memo<PoolOutcome>) -> impl IntoView {
    let style = style_reader();
    let pool_side = pool_and_side(inputs);
    let curve: Memo<Vec<CurvePoint>> = Memo::new(move |_| {
        pool_side
            .get()
            .map(|(pool, side)| slippage_curve(&pool, side))
            .unwrap_or_default()
    });
    let data = Signal::derive(move || {
        let unit = pool_side.with(|ps| ps.map(|(_, s)| amount_unit(s)).unwrap_or("TAO"));
        let points = curve.with(|c| {
            c.iter()
                .filter_map(|p| Some((tokens_f64(p.amount_rao), p.slippage_pct.to_f64()?)))
                .collect()
        });
        let marker = outcome.with(|o| match o {
            PoolOutcome::Quoted(q) => {
                Some((tokens_f64(q.swap.taken_rao()), q.slippage_pct.to_f64()?))
            }
            _ => None,
        });
        LogLogData {
            points,
            marker,
            x_unit: unit.to_string(),
        }
    });
    let description = Signal::derive(move || {
        let unit = pool_side.with(|ps| ps.map(|(_, s)| amount_unit(s)).unwrap_or("TAO"));
        let span = curve.with(|c| match (c.first(), c.last()) {
            (Some(a), Some(b)) => format!(
                "Slippage, fee included, rises from {} at {} {unit} to {} at {} {unit}.",
                format::pct(a.slippage_pct, style()),
                format::tokens(rao_to_decimal(a.amount_rao), style()),
                format::pct(b.slippage_pct, style()),
                format::tokens(rao_to_decimal(b.amount_rao), style()),
            ),
            _ => "No trade sizes to plot.".to_string(),
        });
        let here = outcome.with(|o| match o {
            PoolOutcome::Quoted(q) => format!(
                " This trade: {} {unit}, {}.",
                format::tokens(rao_to_decimal(q.swap.taken_rao()), style()),
                format::pct(q.slippage_pct, style())
            ),
            _ => String::new(),
        });
        format!("{span}{here}")
    });
    view! {
        <section class="panel" aria-labelledby="curve-title">
            <h3 id="curve-title">"Slippage against trade size"</h3>
            <LogLogChart
                data=data
                title="Slippage (fee included) against trade size, log scales"
                description=description
                y_unit=" %"
            />
            <p class="chart-caption" data-testid="pool-chart-caption">{move || description.get()}</p>
            <Disclosure summary="Trade size behind each point">
                <table class="curve-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || format!("Trade ({})", pool_side.with(|ps| ps.map(|(_, s)| amount_unit(s)).unwrap_or("TAO")))}</th>
                            <th scope="col">"Slippage, fee included"</th>
                        </tr>
                    </thead>
                    <tbody inner_html=move || curve.with(|c| curve_rows(c, style()))></tbody>
                </table>
            </Disclosure>
        </section>
    }
}

#[component]
pub fn MaxForSlippage(inputs: Memo<PoolForm>, edit: Edit) -> impl IntoView {
    let pool_side = pool_and_side(inputs);
    let target = Memo::new(move |_| inputs.with(|i| i.max_slip.ok()));
    let max = Memo::new(move |_| {
        let (pool, side) = pool_side.get()?;
        Some(max_trade_for_slippage(&pool, side, target.get()?))
    });
    let unit = move || pool_side.with(|ps| ps.map(|(_, s)| amount_unit(s)).unwrap_or("TAO"));
    view! {
        <section class="panel" aria-labelledby="maxslip-title">
            <h3 id="maxslip-title">"Largest trade within a slippage"</h3>
            <ParamInput spec=MAX_SLIP.spec() field=Signal::derive(move || inputs.with(|i| i.max_slip.shown())) edit=edit />
            <dl class="figures">
                <Figure
                    testid="pool-max-for-slippage"
                    label="Largest trade"
                    shown=move |style: Style| match max.get()? {
                        Ok(Some(rao)) => Some(Shown::new(format!("{} {}", format::tokens(rao_to_decimal(rao), style), unit()), format_rao(rao))),
                        _ => None,
                    }
                    missing=Signal::derive(move || match max.get() {
                        Some(Ok(None)) => "None: the fee alone is more than that, or this pool has no slippage.".to_string(),
                        _ => "—".to_string(),
                    })
                    explain=explain::MAX_FOR_SLIPPAGE
                />
            </dl>
        </section>
    }
}

#[component]
pub fn RoundTripSection(inputs: Memo<PoolForm>) -> impl IntoView {
    let trip = Memo::new(move |_| {
        inputs.with(|i| {
            let (pool, side, amount) = (i.source.pool.clone().ok()?, i.side.ok()?, i.amount.ok()?);
            Some((round_trip(&pool, side, amount), side))
        })
    });
    view! {
        <section class="panel" aria-labelledby="trip-title">
            <h3 id="trip-title">"Round trip"</h3>
            <dl class="figures">
                <Figure
                    testid="pool-round-trip-loss"
                    label="Lost on the way there and back"
                    shown=move |style: Style| match trip.get()? {
                        (Ok(t), side) => Some(Shown::new(
                            format!("{} {} ({})", format::tokens(t.lost, style), side.input_token(), format::pct(t.lost_pct, style)),
                            format::plain(t.lost),
                        )),
                        _ => None,
                    }
                    missing=Signal::derive(move || match trip.get() {
                        Some((Err(r), _)) => r.to_string(),
                        _ => "—".to_string(),
                    })
                    explain=explain::ROUND_TRIP
                />
            </dl>
        </section>
    }
}

#[component]
pub fn MoveStake(inputs: Memo<PoolForm>, data: Data, edit: Edit) -> impl IntoView {
    let style = style_reader();
    let options = Memo::new(move |_| data.snapshot.with(|s| subnet_options(s, "Choose a subnet")));
    let quote = Memo::new(move |_| {
        let (from, to, amount) = inputs.with(|i| {
            (
                i.source.pool.clone().ok(),
                i.move_to.ok(),
                i.move_amount.ok(),
            )
        });
        let (from, Some(to), amount) = (from?, to?, amount?) else {
            return None;
        };
        let to_pool = data.snapshot.with(|s| s.subnet(to).map(|s| s.pool()))?;
        Some(match to_pool {
            Err(e) => Err(e.to_string()),
            Ok(to_pool) => move_stake(&from, &to_pool, amount).map_err(|e| e.to_string()),
        })
    });
    let shown = move |f: fn(&crate::model::pool::move_stake::MoveQuote, Style) -> Shown| {
        move |style: Style| quote.with(|q| q.as_ref()?.as_ref().ok().map(|m| f(m, style)))
    };
    view! {
        <section class="panel" aria-labelledby="move-title">
            <h3 id="move-title">"Move stake to another subnet"</h3>
            <Explain text=explain::MOVE summary="How a move is charged" />
            // One above the other: the section is narrow, and the subnet list's names are long.
            <ParamInput spec=MOVE_AMOUNT.spec() field=Signal::derive(move || inputs.with(|i| i.move_amount.shown())) edit=edit />
            <ParamSelect spec=MOVE_TO.spec() options=options field=Signal::derive(move || inputs.with(|i| i.move_to.shown())) edit=edit />
            {move || quote.get().and_then(|q| q.err()).map(|e| view! {
                <div class="verdict rejected" data-testid="pool-move-error" role="alert">{e}</div>
            })}
            <dl class="figures">
                <Figure
                    testid="pool-move-tao"
                    label="TAO from the unstake"
                    shown=shown(|m, style| Shown::new(format!("{} TAO", format::tokens(m.unstake.received, style)), format::plain(m.unstake.received)))
                    explain="Leg 1: the alpha sold on this subnet, after its fee and slippage."
                />
                <Figure
                    testid="pool-move-alpha"
                    label="Alpha received on the other subnet"
                    shown=shown(|m, style| Shown::new(format!("{} alpha", format::tokens(m.received_alpha(), style)), format::plain(m.received_alpha())))
                    explain="Leg 2: that TAO staked on the other subnet, after its slippage. It pays no fee: a move pays one swap fee, on the unstake leg (on this leg only when moving from root). Under 0.002 TAO is not restaked and stays free TAO."
                />
                <Figure
                    testid="pool-move-fee"
                    label="Swap fee of the move"
                    shown=shown(|m, style| Shown::new(format!("{} TAO", format::tokens(m.fee_tao, style)), format::plain(m.fee_tao)))
                    explain="One fee per move (move_stake.rs): the unstake leg's alpha fee at this subnet's spot price, or the stake leg's TAO fee when moving from root."
                />
                <Figure
                    testid="pool-move-loss"
                    label="Lost in the move"
                    shown=shown(|m, style| Shown::new(
                        format!("{} TAO ({})", format::tokens(m.lost_tao, style), format::pct(m.lost_pct, style)),
                        format::plain(m.lost_tao),
                    ))
                    explain="Worth before (this subnet's spot price) minus worth after (the other subnet's spot price), in TAO."
                />
            </dl>
            {move || quote.with(|q| match q {
                    Some(Ok(m)) if m.stake.is_none() => Some(view! {
                        <p class="verdict partial" data-testid="pool-move-free" data-value=format::plain(m.free_tao)>
                            {format!("The unstake returns {} TAO, under the 0.002 TAO minimum stake: the chain leaves it as free TAO instead of restaking it.", format::tokens(m.free_tao, style()))}
                        </p>
                    }),
                    _ => None,
                })}
        </section>
    }
}

/// Where the chosen subnet's TAO emission goes (issue 31), folded: every subnet's share is
/// computed only when it opens, so the page's first render does not pay for it.
#[component]
pub fn TaoEmission(inputs: Memo<PoolForm>, data: crate::ui::data::Data) -> impl IntoView {
    let style = style_reader();
    let netuid = Memo::new(move |_| {
        inputs.with(|i| {
            (!i.source.reserves_overridden)
                .then(|| i.source.netuid.ok().flatten())
                .flatten()
        })
    });
    let text = move || {
        let n = netuid.get()?;
        data.snapshot.with(|s| {
            let at = s.subnets.iter().position(|x| x.netuid == n)?;
            let e = crate::calc::tao_emission::emissions(s).swap_remove(at);
            Some(match e {
                Some(e) => crate::calc::tao_emission::sentence(&e, style()),
                None => "This subnet takes no share of the TAO emission.".to_string(),
            })
        })
    };
    view! {
        <Show when=move || netuid.get().is_some()>
            <Disclosure summary="Where this subnet's TAO emission goes" testid="pool-tao-emission-section">
                <p class="note" data-testid="pool-tao-emission">{text}</p>
            </Disclosure>
        </Show>
    }
}
