//! The staking-return calculator: what staking X TAO into a subnet through a validator for D
//! days returns in TAO, after fees and slippage both ways.

pub mod explain;
pub mod form;

use crate::model::num::units::rao_to_decimal;
use crate::model::staking::returns::{project, Projection, ReturnsError, TABLE_DAYS};
use crate::ui::chain_fields::ChainFields;
use crate::ui::chain_figures::ChainFigures;
use crate::ui::chart::{LineChart, LineData, Series};
use crate::ui::data::Data;
use crate::ui::figure::{Figure, Shown};
use crate::ui::format;
use crate::ui::inputs::{Choice, TextInput, Toggle};
use crate::ui::params::{unless_blank, Params};
use crate::ui::pool_fields::PoolFields;
use form::{ReturnsForm, StartWith};
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

fn signed_tokens(d: Decimal) -> String {
    if d > Decimal::ZERO {
        format!("+{}", format::tokens(d))
    } else {
        format::tokens(d)
    }
}

fn days_after(days: u32) -> String {
    match days {
        0 => "at once".to_string(),
        1 => "1 day".to_string(),
        n => format!("{n} days"),
    }
}

/// One headline figure: where it comes from in the projection and what it means.
struct FigureSpec {
    testid: &'static str,
    label: &'static str,
    headline: bool,
    pick: fn(&Projection) -> Option<Shown>,
    missing: fn(&Projection) -> String,
    explain: &'static str,
}

fn dash(_: &Projection) -> String {
    "—".to_string()
}

fn exit_shown(
    p: &Projection,
    f: fn(&crate::model::staking::returns::ExitLeg) -> Shown,
) -> Option<Shown> {
    p.horizon.exit.as_ref().ok().map(f)
}

const FIGURES: [FigureSpec; 12] = [
    FigureSpec {
        testid: "returns-net-tao",
        label: "Net result",
        headline: true,
        pick: |p| {
            exit_shown(p, |leg| {
                let usd = leg
                    .net_usd
                    .map(|u| format!(" ≈ {} USD", signed_tokens(u.round_dp(2))))
                    .unwrap_or_default();
                Shown::new(
                    format!(
                        "{} TAO ({}){usd}",
                        signed_tokens(leg.net_tao),
                        format::signed_pct(leg.net_pct)
                    ),
                    format::plain(leg.net_tao),
                )
            })
        },
        missing: dash,
        explain: explain::NET,
    },
    FigureSpec {
        testid: "returns-exit-tao",
        label: "You get back",
        headline: true,
        pick: |p| {
            exit_shown(p, |leg| {
                let tao = rao_to_decimal(leg.tao_rao);
                Shown::new(format!("{} TAO", format::tokens(tao)), format::plain(tao))
            })
        },
        missing: dash,
        explain: explain::EXIT,
    },
    FigureSpec {
        testid: "returns-breakeven-days",
        label: "Break-even",
        headline: false,
        pick: |p| {
            p.breakeven_day
                .map(|d| Shown::new(days_after(d), d.to_string()))
        },
        missing: |_| "Not within 5 years".to_string(),
        explain: explain::BREAKEVEN,
    },
    FigureSpec {
        testid: "returns-apy",
        label: "APY (APR)",
        headline: false,
        pick: |p| {
            Some(Shown::new(
                format!(
                    "{} (APR {})",
                    format::pct(p.apy_pct),
                    format::pct(p.apr_pct)
                ),
                format::plain(p.apy_pct),
            ))
        },
        missing: dash,
        explain: explain::APY,
    },
    FigureSpec {
        testid: "returns-alpha-in",
        label: "Alpha at entry",
        headline: false,
        pick: |p| {
            let a = rao_to_decimal(p.alpha_start_rao);
            Some(Shown::new(
                format!("{} alpha", format::tokens(a)),
                format::plain(a),
            ))
        },
        missing: dash,
        explain: explain::ALPHA_IN,
    },
    FigureSpec {
        testid: "returns-alpha-per-day",
        label: "Alpha earned per day now",
        headline: false,
        pick: |p| {
            Some(Shown::new(
                format!("{} alpha", format::tokens(p.alpha_per_day)),
                format::plain(p.alpha_per_day),
            ))
        },
        missing: dash,
        explain: explain::PER_DAY,
    },
    FigureSpec {
        testid: "returns-alpha-end",
        label: "Alpha at the end",
        headline: false,
        pick: |p| {
            let a = rao_to_decimal(p.horizon.alpha_rao);
            Some(Shown::new(
                format!("{} alpha ({} payouts)", format::tokens(a), p.horizon.epochs),
                format::plain(a),
            ))
        },
        missing: dash,
        explain: explain::ALPHA_END,
    },
    FigureSpec {
        testid: "returns-value-spot",
        label: "Worth at the end spot price",
        headline: false,
        pick: |p| {
            Some(Shown::new(
                format!(
                    "{} TAO at {} TAO per alpha",
                    format::tokens(p.horizon.value_at_spot),
                    format::price(p.horizon.price)
                ),
                format::plain(p.horizon.value_at_spot),
            ))
        },
        missing: dash,
        explain: explain::VALUE_SPOT,
    },
    FigureSpec {
        testid: "returns-entry-fee",
        label: "Entry fee",
        headline: false,
        pick: |p| {
            p.entry.as_ref().map(|q| {
                Shown::new(
                    format!("{} TAO", format::tokens(q.fee)),
                    format::plain(q.fee),
                )
            })
        },
        missing: |_| "None: no entry swap".to_string(),
        explain: explain::ENTRY_FEE,
    },
    FigureSpec {
        testid: "returns-entry-slippage",
        label: "Entry slippage",
        headline: false,
        pick: |p| {
            p.entry.as_ref().map(|_| {
                Shown::new(
                    format!("{} TAO", format::tokens(p.entry_slippage_tao)),
                    format::plain(p.entry_slippage_tao),
                )
            })
        },
        missing: |_| "None: no entry swap".to_string(),
        explain: explain::ENTRY_SLIPPAGE,
    },
    FigureSpec {
        testid: "returns-exit-fee",
        label: "Exit fee",
        headline: false,
        pick: |p| {
            exit_shown(p, |leg| {
                Shown::new(
                    format!("{} TAO", format::tokens(leg.fee_tao)),
                    format::plain(leg.fee_tao),
                )
            })
        },
        missing: dash,
        explain: explain::EXIT_FEE,
    },
    FigureSpec {
        testid: "returns-exit-slippage",
        label: "Exit slippage",
        headline: false,
        pick: |p| {
            exit_shown(p, |leg| {
                Shown::new(
                    format!("{} TAO", format::tokens(leg.slippage_tao)),
                    format::plain(leg.slippage_tao),
                )
            })
        },
        missing: dash,
        explain: explain::EXIT_SLIPPAGE,
    },
];

#[component]
pub fn ReturnsCalculator(params: Params, data: Data) -> impl IntoView {
    let form = Memo::new(move |_| {
        data.snapshot
            .with(|s| ReturnsForm::read(|k| params.get(k), s))
    });
    let result: Memo<Result<Projection, String>> = Memo::new(move |_| {
        let inputs = data.snapshot.with(|s| form.with(|f| f.inputs(s)))?;
        project(&inputs).map_err(|e: ReturnsError| e.to_string())
    });
    let set = move |key: &'static str, value: Option<String>| {
        params.edit("returns", &[(key, value)]);
    };
    let text = move |f: fn(&ReturnsForm) -> String| Signal::derive(move || form.with(f));
    let error = move |f: fn(&ReturnsForm) -> Option<String>| Signal::derive(move || form.with(f));
    let from_alpha = Memo::new(move |_| form.with(|f| f.from.ok() == Some(StartWith::Alpha)));
    let root = Memo::new(move |_| form.with(|f| f.root));
    let unit = Signal::derive(move || {
        if from_alpha.get() {
            "alpha".to_string()
        } else {
            "TAO".to_string()
        }
    });

    view! {
        <section class="calc" aria-labelledby="returns-title">
            <h2 id="returns-title">"Staking returns"</h2>
            <p class="lede">
                "If you stake into a subnet through a validator and hold, what do you get back in TAO after the fee and slippage both ways? Rewards compound every epoch; on a thin pool the swaps can eat them all."
            </p>
            <div class="calc-layout">
                <form class="inputs" on:submit=|ev| ev.prevent_default() aria-label="Staking return inputs">
                    <PoolFields source=Memo::new(move |_| form.with(|f| f.source.clone())) data=data params=params calc="returns" />
                    <Show when=move || root.get()>
                        <p class="note">{explain::ROOT}</p>
                        {move || data.snapshot.with(ChainFigures::root_dividends_warning).map(|w| view! {
                            <p class="note warning" data-testid="root-dividends-warning" role="status">{w}</p>
                        })}
                    </Show>
                    <fieldset class="group">
                        <legend>"Position"</legend>
                        <Choice
                            name="from"
                            legend="Start from"
                            options=vec![("tao", "TAO to stake"), ("alpha", "Alpha I already hold")]
                            selected=text(|f| f.from.text.clone())
                            error=error(|f| f.from.error())
                            on_change=Callback::new(move |v| set("from", Some(v)))
                        />
                        <div class="grid2">
                            <TextInput
                                id="amount"
                                label="Amount"
                                unit=unit
                                value=text(|f| f.amount.text.clone())
                                error=error(|f| f.amount.error())
                                on_input=Callback::new(move |v| set("amount", Some(v)))
                            />
                            <TextInput
                                id="days"
                                label="Holding period"
                                unit="days"
                                value=text(|f| f.days.text.clone())
                                error=error(|f| f.days.error())
                                hint="1 to 1,825 (5 years)"
                                on_input=Callback::new(move |v| set("days", Some(v)))
                            />
                        </div>
                    </fieldset>
                    <fieldset class="group">
                        <legend>"Validator"</legend>
                        <div class="grid2">
                            <TextInput
                                id="take"
                                label="Validator take"
                                unit="%"
                                value=text(|f| f.take.text.clone())
                                error=error(|f| f.take.error())
                                hint="0 to 18 %; 18 % is the chain's maximum and default, 11,796/65,535"
                                on_input=Callback::new(move |v| set("take", Some(v)))
                            />
                            <TextInput
                                id="childkey"
                                label="Childkey take"
                                unit="%"
                                value=text(|f| f.childkey.text.clone())
                                error=error(|f| f.childkey.error())
                                hint="0 unless the validator works through another owner's child hotkey; taken before its take"
                                on_input=Callback::new(move |v| set("childkey", Some(v)))
                            />
                            <TextInput
                                id="vtrust"
                                label="Validator trust (vtrust)"
                                value=text(|f| f.vtrust.text.clone())
                                error=error(|f| f.vtrust.error())
                                hint="0 to 1; about 1 for a validator in consensus"
                                on_input=Callback::new(move |v| set("vtrust", Some(v)))
                            />
                        </div>
                    </fieldset>
                    <fieldset class="group">
                        <legend>"Scenario"</legend>
                        <div class="grid2">
                            <TextInput
                                id="price_change"
                                label="Alpha price change over the period"
                                unit="%"
                                value=text(|f| f.price_change.text.clone())
                                error=error(|f| f.price_change.error())
                                hint="e.g. -20 for a 20 % fall; steady over the holding period, then held (never extrapolated)"
                                on_input=Callback::new(move |v| set("price_change", Some(v)))
                            />
                            <TextInput
                                id="tao_usd"
                                label="TAO price (optional)"
                                unit="USD"
                                placeholder="none"
                                value=text(|f| f.tao_usd.text.clone())
                                error=error(|f| f.tao_usd.error())
                                on_input=Callback::new(move |v: String| set("tao_usd", unless_blank(v)))
                            />
                        </div>
                        <TextInput
                            id="apy"
                            label="Observed APY (optional)"
                            unit="%"
                            placeholder="derive it from the chain figures"
                            value=text(|f| f.apy.text.clone())
                            error=error(|f| f.apy.error())
                            hint="A yield you have seen (Taostats, TaoYield…); it replaces the derived one."
                            on_input=Callback::new(move |v: String| set("apy", unless_blank(v)))
                        />
                        <Choice
                            name="exit_from"
                            legend="The exit sells into"
                            options=vec![("entry", "the pool as my stake left it"), ("before", "the pool back at its price before my stake")]
                            selected=text(|f| f.exit_from.text.clone())
                            error=error(|f| f.exit_from.error())
                            on_change=Callback::new(move |v| set("exit_from", Some(v)))
                        />
                        <p class="hint" data-testid="returns-exit-from">{move || form.with(|f| explain::exit_from(f.exit_from.ok()))}</p>
                        <Toggle
                            id="compound_others"
                            label="Other stakers compound too"
                            checked=Signal::derive(move || form.with(|f| f.compound_others.ok().unwrap_or(true)))
                            error=error(|f| f.compound_others.error())
                            hint="On: the total stake grows by each epoch's rewards, so yours grows more slowly. Off: today's rate all along (overstates the yield)."
                            on_change=Callback::new(move |on: bool| set("compound_others", Some(if on { "1" } else { "0" }.to_string())))
                        />
                    </fieldset>
                    <ChainFields figures=Memo::new(move |_| form.with(|f| f.chain.clone())) params=params calc="returns" />
                </form>
                <div class="results" aria-label="Results">
                    {move || match result.get() {
                        Err(problem) => view! {
                            <div tabindex="0" class="verdict rejected" data-testid="returns-error" role="alert">{problem}</div>
                        }.into_any(),
                        Ok(p) => {
                            let days = p.horizon.day;
                            let text = match &p.horizon.exit {
                                Ok(leg) => format!(
                                    "After {}: {} TAO back, {} TAO ({}).",
                                    days_after(days),
                                    format::tokens(rao_to_decimal(leg.tao_rao)),
                                    signed_tokens(leg.net_tao),
                                    format::signed_pct(leg.net_pct),
                                ),
                                Err(r) => format!("The exit after {} would be rejected ({}): {r}", days_after(days), r.chain_name()),
                            };
                            let class = match &p.horizon.exit {
                                Ok(leg) if leg.net_tao >= Decimal::ZERO => "verdict ok",
                                _ => "verdict rejected",
                            };
                            view! { <div tabindex="0" class=class role="status" data-testid="returns-verdict">{text}</div> }.into_any()
                        }
                    }}
                    <dl class="figures">
                        {FIGURES
                            .iter()
                            .map(|spec| {
                                let pick = spec.pick;
                                view! {
                                    <Figure
                                        testid=spec.testid
                                        label=spec.label
                                        headline=spec.headline
                                        shown=Signal::derive(move || result.with(|r| r.as_ref().ok().and_then(pick)))
                                        missing=Signal::derive(move || result.with(|r| match r {
                                            Ok(p) => (spec.missing)(p),
                                            Err(_) => "—".to_string(),
                                        }))
                                        explain=spec.explain
                                    />
                                }
                            })
                            .collect_view()}
                    </dl>
                </div>
            </div>
            <section class="panel" aria-labelledby="returns-table-title">
                <h3 id="returns-table-title">"Held for…"</h3>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Held for 1, 7, 30, 90 and 365 days">
                    <table class="returns-table" data-testid="returns-table">
                        <thead>
                            <tr>
                                <th scope="col">"Days"</th>
                                <th scope="col">"Alpha"</th>
                                <th scope="col">"Exit (TAO)"</th>
                                <th scope="col">"Net (TAO)"</th>
                                <th scope="col">"Net"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || result.with(|r| match r {
                                Err(_) => TABLE_DAYS.iter().map(|d| view! { <tr><th scope="row">{*d}</th><td colspan="4">"—"</td></tr> }.into_any()).collect_view(),
                                Ok(p) => p.table.iter().map(|o| {
                                    let alpha = format::tokens(rao_to_decimal(o.alpha_rao));
                                    match &o.exit {
                                        Ok(leg) => view! {
                                            <tr data-testid=format!("returns-row-{}", o.day) data-value=format::plain(leg.net_tao)>
                                                <th scope="row">{o.day}</th>
                                                <td>{alpha}</td>
                                                <td>{format::tokens(rao_to_decimal(leg.tao_rao))}</td>
                                                <td>{signed_tokens(leg.net_tao)}</td>
                                                <td>{format::signed_pct(leg.net_pct)}</td>
                                            </tr>
                                        }.into_any(),
                                        Err(r) => view! {
                                            <tr data-testid=format!("returns-row-{}", o.day)>
                                                <th scope="row">{o.day}</th>
                                                <td>{alpha}</td>
                                                <td colspan="3">{format!("exit rejected ({})", r.chain_name())}</td>
                                            </tr>
                                        }.into_any(),
                                    }
                                }).collect_view(),
                            })}
                        </tbody>
                    </table>
                </div>
            </section>
            <section class="panel" aria-labelledby="returns-chart-heading">
                <h3 id="returns-chart-heading">"What an exit returns over time"</h3>
                <LineChart
                    id="returns-chart"
                    title="TAO returned by exiting on each day, against the TAO staked"
                    data=Signal::derive(move || result.with(|r| match r {
                        Err(_) => LineData { series: vec![], reference: None, markers: vec![], x_label: "Days held".into() },
                        Ok(p) => LineData {
                            series: vec![Series {
                                label: "Exit value".into(),
                                points: p.curve.iter().filter_map(|(d, tao)| Some((f64::from(*d), tao.to_f64()?))).collect(),
                            }],
                            reference: rao_to_decimal(p.basis_rao).to_f64().map(|b| (b, format!("{} TAO in", format::tokens(rao_to_decimal(p.basis_rao))))),
                            markers: p.breakeven_day.map(|d| (f64::from(d), format!("break-even: {}", days_after(d)))).into_iter()
                                .chain(std::iter::once((f64::from(p.horizon.day), format!("{} days", p.horizon.day))))
                                .collect(),
                            x_label: "Days held".into(),
                        },
                    }))
                    description=Signal::derive(move || result.with(|r| match r {
                        Err(e) => e.clone(),
                        Ok(p) => format!(
                            "Exit value in TAO by day held, against {} TAO in. {}",
                            format::tokens(rao_to_decimal(p.basis_rao)),
                            p.breakeven_day.map(|d| format!("It breaks even after {}.", days_after(d))).unwrap_or_else(|| "It does not break even within 5 years.".into())
                        ),
                    }))
                />
            </section>
            <div class="note aside"><p>{explain::MODEL}</p></div>
        </section>
    }
}
