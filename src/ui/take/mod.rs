//! The delegation-take calculator: which validator to delegate to on a subnet, and what each
//! one's take costs over time.

pub mod explain;
pub mod form;

use crate::model::pool::Mechanism;
use crate::model::staking::delegation::{
    compare, Amount, Comparison, Delegate, SwitchOption, MAX_DELEGATES,
};
use crate::model::staking::switching::{switch_subnet, switch_within, Staying, SubnetSwitch};
use crate::snapshot::Snapshot;
use crate::ui::chain_fields::ChainFields;
use crate::ui::chain_figures::ChainFigures;
use crate::ui::chart::{LineChart, LineData, Series};
use crate::ui::data::Data;
use crate::ui::figure::{Figure, Shown};
use crate::ui::format;
use crate::ui::inputs::{Select, TextInput};
use crate::ui::params::{unless_blank, Params};
use crate::ui::pool::calculator::subnet_options;
use crate::ui::pool_fields::PoolFields;
use form::{clean_name, TakeForm, LIST_KEYS, NEW_ROW};
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// A change to the rows' four list parameters at once.
type RowEdit = dyn Fn(&mut [Vec<String>; 6]);

/// The comparison and what it was made on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Compared {
    pub comparison: Comparison,
    pub delegates: Vec<Delegate>,
    pub stake_alpha: Decimal,
    pub price: Decimal,
    pub epoch_blocks: u32,
}

/// The comparison the page shows, or why there is none (pure: the robustness tests run it too).
pub fn run(form: &TakeForm, snapshot: &Snapshot) -> Result<Compared, String> {
    let pool = form.source.pool.clone()?;
    let amount = form.amount.ok().ok_or(crate::ui::pool_source::FIX_FIELDS)?;
    let days = form.days.ok().ok_or(crate::ui::pool_source::FIX_FIELDS)?;
    let tao_usd = form
        .tao_usd
        .value
        .clone()
        .map_err(|_| crate::ui::pool_source::FIX_FIELDS)?;
    let delegates = form.delegates()?;
    let base = form.chain.base(snapshot, form.root)?;
    let price = pool.spot_price();
    let stake_alpha = pool
        .alpha_at_spot(amount)
        .map_err(|_| "The price is out of range.")?;
    let comparison = compare(&crate::model::staking::delegation::DelegationInputs {
        stake_alpha,
        price,
        days,
        pool_per_epoch: base.pool_per_epoch,
        stake_total: base.stake_total + stake_alpha,
        epoch_blocks: base.epoch_blocks,
        delegates: delegates.clone(),
        tao_usd,
    })
    .map_err(|e| e.to_string())?;
    Ok(Compared {
        comparison,
        delegates,
        stake_alpha,
        price,
        epoch_blocks: base.epoch_blocks,
    })
}

/// Both ways out of the validator you are with: to the best one here, or to another subnet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Switching {
    pub from: usize,
    pub best: usize,
    pub same: SwitchOption,
    /// The other subnet and the move there, or why it cannot be computed.
    pub other: Option<Result<(u16, SubnetSwitch), String>>,
}

/// The switching costs the page shows; `None` when there is nothing to switch between.
pub fn switching(
    form: &TakeForm,
    compared: &Compared,
    snapshot: &Snapshot,
) -> Option<Result<Switching, String>> {
    let rows = &compared.comparison.rows;
    let best = rows.iter().find(|r| r.rank == 1)?.index;
    let worst = rows.iter().max_by_key(|r| r.rank)?.index;
    let from = form
        .from_row
        .ok()
        .flatten()
        .unwrap_or(worst)
        .min(rows.len() - 1);
    let staying = Staying {
        stake_alpha: compared.stake_alpha,
        price: compared.price,
        rate_per_epoch: rows[from].rate_per_epoch,
        epoch_blocks: compared.epoch_blocks,
    };
    let same = match switch_within(staying, rows[best].rate_per_epoch) {
        Ok(s) => s,
        Err(e) => return Some(Err(e.to_string())),
    };
    let other = form.switch_to.ok().flatten().map(|netuid| {
        let from_pool = form.source.pool.clone()?;
        let target = snapshot
            .subnet(netuid)
            .ok_or("That subnet is not in the data.")?;
        let to_pool = target.pool().map_err(|e| e.to_string())?;
        let figures = ChainFigures::read(&|_| None, snapshot, Some(target));
        let base = figures
            .base(snapshot, to_pool.mechanism == Mechanism::Stable)
            .map_err(|_| format!("Subnet {netuid} lacks the chain figures for a yield."))?;
        switch_subnet(
            &from_pool,
            &to_pool,
            staying,
            &compared.delegates[best],
            &base,
        )
        .map(|s| (netuid, s))
        .map_err(|e| e.to_string())
    });
    Some(Ok(Switching {
        from,
        best,
        same,
        other,
    }))
}

fn amount_text(a: &Amount) -> String {
    signed_amount_text(a, "")
}

/// An amount lost, with its sign on every unit.
fn loss_text(a: &Amount) -> String {
    signed_amount_text(a, "−")
}

/// Alpha, TAO and (when known) dollars, each unit led by `sign`.
fn signed_amount_text(a: &Amount, sign: &str) -> String {
    let usd = a
        .usd
        .map(|u| format!(" · {sign}${}", format::tokens(u.round_dp(2))))
        .unwrap_or_default();
    format!(
        "{sign}{} α ({sign}{} τ{usd})",
        format::tokens(a.alpha.round_dp(4)),
        format::tokens(a.tao.round_dp(4))
    )
}

fn payback_text(days: Option<Decimal>) -> String {
    match days {
        None => "never: the other yield is not higher".to_string(),
        Some(d) if d.is_zero() => "at once".to_string(),
        Some(d) => format!("{} days", format::tokens(d.ceil())),
    }
}

#[component]
pub fn TakeCalculator(params: Params, data: Data) -> impl IntoView {
    let form = Memo::new(move |_| data.snapshot.with(|s| TakeForm::read(|k| params.get(k), s)));
    let result = Memo::new(move |_| data.snapshot.with(|s| form.with(|f| run(f, s))));
    let switching_result = Memo::new(move |_| {
        data.snapshot.with(|s| {
            form.with(|f| result.with(|r| r.as_ref().ok().and_then(|c| switching(f, c, s))))
        })
    });
    let set = move |key: &'static str, value: Option<String>| {
        params.edit("take", &[(key, value)]);
    };
    let text = move |f: fn(&TakeForm) -> String| Signal::derive(move || form.with(f));
    let error = move |f: fn(&TakeForm) -> Option<String>| Signal::derive(move || form.with(f));
    // Every row edit rewrites the four list parameters together.
    let edit_rows = move |change: Box<RowEdit>| {
        let mut lists = form.with_untracked(|f| f.list_texts());
        change(&mut lists);
        let changes: Vec<(&str, Option<String>)> = LIST_KEYS
            .iter()
            .zip(lists)
            .map(|(k, l)| (*k, Some(l.join(","))))
            .collect();
        params.edit("take", &changes);
    };
    let row_count = Memo::new(move |_| form.with(|f| f.rows.len()));
    // Row order changes apply to all four lists at once.
    let move_up = move |i: usize| {
        edit_rows(Box::new(move |lists| {
            for list in lists.iter_mut().filter(|l| i > 0 && i < l.len()) {
                list.swap(i - 1, i);
            }
        }))
    };
    let move_down = move |i: usize| {
        edit_rows(Box::new(move |lists| {
            for list in lists.iter_mut().filter(|l| i + 1 < l.len()) {
                list.swap(i, i + 1);
            }
        }))
    };
    let remove = move |i: usize| {
        edit_rows(Box::new(move |lists| {
            for list in lists.iter_mut().filter(|l| i < l.len()) {
                list.remove(i);
            }
        }))
    };
    let add_row = move || {
        edit_rows(Box::new(|lists| {
            for (list, text) in lists.iter_mut().zip(NEW_ROW) {
                list.push(text.to_string());
            }
        }))
    };
    let row_options = Memo::new(move |_| {
        form.with(|f| {
            f.rows
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    (
                        (i + 1).to_string(),
                        format!("{} · {}", i + 1, r.name.ok().unwrap_or_default()),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let subnets = Memo::new(move |_| data.snapshot.with(|s| subnet_options(s, "Choose a subnet")));

    view! {
        <section class="calc" aria-labelledby="take-title">
            <h2 id="take-title">"Delegation take"</h2>
            <p class="lede">
                "Which validator should you delegate to on this subnet, and what does each one's take cost you over time? Up to eight side by side."
            </p>
            <div class="calc-layout stacked">
                <form class="inputs" on:submit=|ev| ev.prevent_default() aria-label="Delegation take inputs">
                    <PoolFields source=Memo::new(move |_| form.with(|f| f.source.clone())) data=data params=params calc="take" />
                    <fieldset class="group">
                        <legend>"Your stake"</legend>
                        <div class="grid2">
                            <TextInput id="amount" label="Amount" unit="TAO"
                                value=text(|f| f.amount.text.clone()) error=error(|f| f.amount.error())
                                hint="Converted to alpha at the spot price"
                                on_input=Callback::new(move |v| set("amount", Some(v))) />
                            <TextInput id="days" label="Horizon" unit="days"
                                value=text(|f| f.days.text.clone()) error=error(|f| f.days.error())
                                hint="1 to 1,825"
                                on_input=Callback::new(move |v| set("days", Some(v))) />
                        </div>
                        <TextInput id="tao_usd" label="TAO price (optional)" unit="USD"
                            placeholder="none" value=text(|f| f.tao_usd.text.clone()) error=error(|f| f.tao_usd.error())
                            on_input=Callback::new(move |v: String| set("tao_usd", unless_blank(v))) />
                    </fieldset>
                    <fieldset class="group">
                        <legend>"Validators"</legend>
                        <Show when=move || form.with(|f| f.prefilled)>
                            <p class="note" data-testid="take-prefilled">"Filled from the validators in the loaded data, largest stake first."</p>
                        </Show>
                        <p class="msg" aria-live="polite">{move || form.with(|f| f.rows_error.clone())}</p>
                        <ol class="rows">
                            {move || (0..row_count.get()).map(|i| {
                                let n = i + 1;
                                let row_text = move |f: fn(&form::Row) -> String| Signal::derive(move || form.with(|fm| fm.rows.get(i).map(f).unwrap_or_default()));
                                let row_error = move |f: fn(&form::Row) -> Option<String>| Signal::derive(move || form.with(|fm| fm.rows.get(i).and_then(f)));
                                let edit = move |list: usize, value: String| {
                                    edit_rows(Box::new(move |lists| {
                                        if let Some(slot) = lists[list].get_mut(i) {
                                            *slot = if list == 0 { clean_name(&value) } else { value.clone() };
                                        }
                                    }))
                                };
                                view! {
                                    <li class="row-editor" data-testid=format!("take-row-editor-{n}")>
                                        <div class="row-fields">
                                            <TextInput id=format!("row-{n}-name") label=format!("Validator {n}") inputmode="text"
                                                value=row_text(|r| r.name.text.clone()) error=row_error(|r| r.name.error())
                                                placeholder=format!("Validator {n}")
                                                on_input=Callback::new(move |v| edit(0, v)) />
                                            <TextInput id=format!("row-{n}-take") label="Take" unit="%"
                                                value=row_text(|r| r.take.text.clone()) error=row_error(|r| r.take.error())
                                                on_input=Callback::new(move |v| edit(1, v)) />
                                            <TextInput id=format!("row-{n}-vtrust") label="vtrust"
                                                value=row_text(|r| r.vtrust.text.clone()) error=row_error(|r| r.vtrust.error())
                                                on_input=Callback::new(move |v| edit(2, v)) />
                                            <TextInput id=format!("row-{n}-apy") label="Observed APY" unit="%"
                                                placeholder="derive" value=row_text(|r| r.apy.text.clone()) error=row_error(|r| r.apy.error())
                                                on_input=Callback::new(move |v| edit(3, v)) />
                                            <TextInput id=format!("row-{n}-childkey") label="Childkey take" unit="%"
                                                hint="0 unless it works through another owner's child hotkey"
                                                value=row_text(|r| r.childkey.text.clone()) error=row_error(|r| r.childkey.error())
                                                on_input=Callback::new(move |v| edit(4, v)) />
                                            <TextInput id=format!("row-{n}-take-days") label="Days since its take changed" unit="days"
                                                hint="30 or more: it may raise its take at once"
                                                value=row_text(|r| r.take_days.text.clone()) error=row_error(|r| r.take_days.error())
                                                on_input=Callback::new(move |v| edit(5, v)) />
                                        </div>
                                        <div class="row-actions">
                                            <button type="button" class="button secondary small" aria-label=format!("Move validator {n} up")
                                                disabled={move || i == 0} on:click={move |_| move_up(i)}>"↑"</button>
                                            <button type="button" class="button secondary small" aria-label=format!("Move validator {n} down")
                                                disabled={move || i + 1 >= row_count.get()} on:click={move |_| move_down(i)}>"↓"</button>
                                            <button type="button" class="button secondary small" aria-label=format!("Remove validator {n}")
                                                disabled={move || row_count.get() <= 1} on:click={move |_| remove(i)}>"Remove"</button>
                                        </div>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                        <button type="button" class="button secondary" id="take-add-row"
                            disabled={move || row_count.get() >= MAX_DELEGATES}
                            on:click={move |_| add_row()}>"Add a validator"</button>
                    </fieldset>
                    <ChainFields figures=Memo::new(move |_| form.with(|f| f.chain.clone())) params=params calc="take" />
                </form>
                <div class="results" aria-label="Results">
                    {move || result.with(|r| r.as_ref().err().map(|e| view! {
                        <div tabindex="0" class="verdict rejected" data-testid="take-error" role="alert">{e.clone()}</div>
                    }))}
                    {move || form.with(|f| f.root).then(|| data.snapshot.with(ChainFigures::root_dividends_warning)).flatten().map(|w| view! {
                        <p class="note warning" data-testid="root-dividends-warning" role="status">{w}</p>
                    })}
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Validators compared, best first">
                        <table class="take-table" data-testid="take-table">
                            <caption>{move || result.with(|r| match r {
                                Ok(c) => format!("{} α staked ({} payouts), best first", format::tokens(c.stake_alpha.round_dp(6)), c.comparison.epochs),
                                Err(_) => "Validators, best first".to_string(),
                            })}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"#"</th>
                                    <th scope="col">"Validator"</th>
                                    <th scope="col">"Take"</th>
                                    <th scope="col">"Net APY"</th>
                                    <th scope="col">"You earn"</th>
                                    <th scope="col">"Take paid (its income)"</th>
                                    <th scope="col">"Gap to best"</th>
                                    <th scope="col">"If raised to 18 %"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {move || result.with(|r| {
                                    let Ok(c) = r else { return Vec::new() };
                                    let mut rows: Vec<_> = c.comparison.rows.iter().collect();
                                    rows.sort_by_key(|row| row.rank);
                                    rows.into_iter().map(|row| {
                                        let n = row.index + 1;
                                        let d = &c.delegates[row.index];
                                        let raised_value = row.raised.map(|(_, lost)| format::plain(lost.alpha));
                                        let raised_text = row.raised.map(|(_, lost)| loss_text(&lost)).unwrap_or_else(|| "already 18 %".to_string());
                                        view! {
                                            <tr data-testid=format!("take-row-{n}") data-rank=row.rank>
                                                <th scope="row">{row.rank}</th>
                                                <td>{d.name.clone()}</td>
                                                <td>{format::pct(d.take * Decimal::ONE_HUNDRED)}</td>
                                                <td data-testid=format!("take-net-apy-{n}") data-value=format::plain(row.net_apy_pct)>{format::pct(row.net_apy_pct)}</td>
                                                <td data-testid=format!("take-earned-{n}") data-value=format::plain(row.earned.alpha)>{amount_text(&row.earned)}</td>
                                                <td data-testid=format!("take-paid-{n}") data-value=format::plain(row.take_paid.alpha)>{amount_text(&row.take_paid)}</td>
                                                <td data-testid=format!("take-gap-{n}") data-value=format::plain(row.gap.alpha)>{amount_text(&row.gap)}</td>
                                                <td data-testid=format!("take-raised-{n}") data-value=raised_value>{raised_text}</td>
                                            </tr>
                                        }
                                    }).collect::<Vec<_>>()
                                })}
                            </tbody>
                        </table>
                    </div>
                    <dl class="figures explain-list">
                        <div class="figure"><dt>"Net APY"</dt><dd class="explain">{explain::NET_APY}</dd></div>
                        <div class="figure"><dt>"Take paid"</dt><dd class="explain">{explain::PAID}</dd></div>
                        <div class="figure"><dt>"If raised to 18 %"</dt><dd class="explain">{explain::RAISED}</dd></div>
                        <div class="figure"><dt>"Childkey take"</dt><dd class="explain">{explain::CHILDKEY}</dd></div>
                        <div class="figure"><dt>"Gap to best"</dt><dd class="explain">{explain::GAP}</dd></div>
                    </dl>
                </div>
            </div>
            <section class="panel" aria-labelledby="switch-title">
                <h3 id="switch-title">"Switching"</h3>
                <div class="grid2">
                    <Select id="from_row" label="You are with" options=row_options
                        selected=Signal::derive(move || switching_result.with(|s| s.as_ref().and_then(|s| s.as_ref().ok()).map(|s| (s.from + 1).to_string()).unwrap_or_default()))
                        error=error(|f| f.from_row.error())
                        on_change=Callback::new(move |v| set("from_row", Some(v))) />
                    <Select id="switch_netuid" label="Or move to subnet" options=subnets
                        selected=text(|f| f.switch_to.text.clone()) error=error(|f| f.switch_to.error())
                        on_change=Callback::new(move |v: String| set("switch_netuid", unless_blank(v))) />
                </div>
                <dl class="figures">
                    <Figure testid="take-switch-same" label="To the best validator on this subnet"
                        shown=Signal::derive(move || switching_result.with(|s| s.as_ref()?.as_ref().ok().map(|s| {
                            let name = result.with(|r| r.as_ref().ok().map(|c| c.delegates[s.best].name.clone())).unwrap_or_default();
                            Shown::new(
                                format!("{name}: no cost, {} TAO a day more; pays back {}", format::tokens(s.same.daily_gain_tao.round_dp(9)), payback_text(s.same.payback_days)),
                                format::plain(s.same.daily_gain_tao),
                            )
                        })))
                        explain=explain::SAME_SUBNET />
                    <Figure testid="take-switch-other" label="To the other subnet"
                        shown=Signal::derive(move || switching_result.with(|s| match s.as_ref()?.as_ref().ok()?.other.as_ref()? {
                            Ok((netuid, SubnetSwitch { new_apy_pct, option: o })) => Some(Shown::new(
                                format!("Subnet {netuid} at {}: the move costs {} TAO; {} TAO a day {}; pays back {}",
                                    format::pct(*new_apy_pct), format::tokens(o.cost_tao.round_dp(9)),
                                    format::tokens(o.daily_gain_tao.abs().round_dp(9)),
                                    if o.daily_gain_tao >= Decimal::ZERO { "more" } else { "less" },
                                    payback_text(o.payback_days)),
                                o.payback_days.map(format::plain).unwrap_or_default(),
                            )),
                            Err(e) => Some(Shown::new(e.clone(), String::new())),
                        }))
                        missing=Signal::derive(|| "Choose a subnet to compare.".to_string())
                        explain=explain::OTHER_SUBNET />
                </dl>
            </section>
            <section class="panel" aria-labelledby="take-chart-heading">
                <h3 id="take-chart-heading">"Earnings over the horizon"</h3>
                <LineChart
                    id="take-chart"
                    title="Cumulative earnings per validator, alpha"
                    data=Signal::derive(move || result.with(|r| LineData {
                        series: r.as_ref().map(|c| c.comparison.rows.iter().map(|row| Series {
                            label: c.delegates[row.index].name.clone(),
                            points: row.curve.iter().filter_map(|(d, a)| Some((f64::from(*d), a.to_f64()?))).collect(),
                        }).collect()).unwrap_or_default(),
                        reference: None,
                        markers: vec![],
                        x_label: "Days".into(),
                    }))
                    description=Signal::derive(move || result.with(|r| match r {
                        Ok(c) => {
                            let best = c.comparison.rows.iter().find(|r| r.rank == 1);
                            best.map(|b| format!("Earnings in alpha by day; {} earns most: {} alpha.", c.delegates[b.index].name, format::tokens(b.earned.alpha.round_dp(6)))).unwrap_or_default()
                        }
                        Err(e) => e.clone(),
                    }))
                />
            </section>
            <div class="note aside"><p>{explain::MODEL}</p></div>
        </section>
    }
}
