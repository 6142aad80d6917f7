//! The take page's parts: the rows editor, the comparison table, the switching costs and the
//! earnings chart.

use crate::calc::figure::Shown;
use crate::calc::format;
use crate::calc::format::Style;
use crate::calc::subnet_options::subnet_options;
use crate::calc::take::compare::{Compared, Switching};
use crate::calc::take::explain;
use crate::calc::take::form::{self, TakeForm, FROM_ROW, SWITCH_NETUID};
use crate::calc::take::realised::RealisedLookup;
use crate::calc::take::rows::{apply, to_params, RowChange};
use crate::calc::take::table::{comparison_rows, payback_text};
use crate::model::staking::delegation::MAX_DELEGATES;
use crate::model::staking::switching::SubnetSwitch;
use crate::ui::data::Data;
use crate::ui::shell::summary::style_reader;
use crate::ui::widgets::chart::{LineChartPanel, LineData, Series};
use crate::ui::widgets::disclosure::Disclosure;
use crate::ui::widgets::figure::Figure;
use crate::ui::widgets::inputs::{Edit, ParamSelect, Select, TextInput};
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The validators' rows, each field editable, with buttons to reorder, remove and add.
#[component]
pub fn RowsEditor(form: Memo<TakeForm>, edit: Edit) -> impl IntoView {
    // Every row edit rewrites the seven list parameters together.
    let change = move |change: RowChange| {
        let mut lists = form.with_untracked(|f| f.list_texts());
        apply(&mut lists, &change);
        edit.params.edit(edit.calc, &to_params(lists));
    };
    let row_count = Memo::new(move |_| form.with(|f| f.rows.len()));
    view! {
        <ol class="rows">
            {move || (0..row_count.get()).map(|i| {
                let n = i + 1;
                let row_text = move |f: fn(&form::Row) -> String| Signal::derive(move || form.with(|fm| fm.rows.get(i).map(f).unwrap_or_default()));
                let row_error = move |f: fn(&form::Row) -> Option<String>| Signal::derive(move || form.with(|fm| fm.rows.get(i).and_then(f)));
                let edit = move |list: usize, text: String| change(RowChange::Type { row: i, list, text });
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
                            <TextInput id=format!("row-{n}-hotkey") label="Hotkey" inputmode="text"
                                hint="SS58 address, for what it really paid; optional" placeholder="none"
                                value=row_text(|r| r.hotkey.text.clone()) error=row_error(|r| r.hotkey.error())
                                on_input=Callback::new(move |v| edit(6, v)) />
                        </div>
                        <div class="row-actions">
                            <button type="button" class="button secondary small" aria-label=format!("Move validator {n} up")
                                disabled={move || i == 0} on:click={move |_| change(RowChange::Up(i))}>"↑"</button>
                            <button type="button" class="button secondary small" aria-label=format!("Move validator {n} down")
                                disabled={move || i + 1 >= row_count.get()} on:click={move |_| change(RowChange::Down(i))}>"↓"</button>
                            <button type="button" class="button secondary small" aria-label=format!("Remove validator {n}")
                                disabled={move || row_count.get() <= 1} on:click={move |_| change(RowChange::Remove(i))}>"Remove"</button>
                        </div>
                    </li>
                }
            }).collect_view()}
        </ol>
        <button type="button" class="button secondary" id="take-add-row"
            disabled={move || row_count.get() >= MAX_DELEGATES}
            on:click={move |_| change(RowChange::Add)}>"Add a validator"</button>
    }
}

/// The validators compared, best first, with what each one's hotkey really paid when read.
#[component]
pub fn ComparisonTable(
    result: Memo<Result<Compared, String>>,
    form: Memo<TakeForm>,
    data: Data,
) -> impl IntoView {
    let style = style_reader();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Validators compared, best first">
            <table class="take-table" data-testid="take-table">
                <caption>{move || result.with(|r| match r {
                    Ok(c) => format!("{} α staked ({} payouts), best first", format::tokens(c.stake_alpha.round_dp(6), style()), c.comparison.epochs),
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
                        <th scope="col">"Realised, 30 days"</th>
                    </tr>
                </thead>
                <tbody inner_html=move || result.with(|r| form.with(|f| data.realised.found.with(|found| {
                    comparison_rows(r, &RealisedLookup::new(f, found), style())
                })))></tbody>
            </table>
        </div>
        <crate::ui::widgets::download::TableCsv table="take" />
        <Disclosure class="explain column-meanings" summary="What the columns mean">
            <dl class="figures explain-list">
                <div class="figure"><dt>"Net APY"</dt><dd class="explain">{explain::NET_APY}</dd></div>
                <div class="figure"><dt>"Take paid"</dt><dd class="explain">{explain::PAID}</dd></div>
                <div class="figure"><dt>"If raised to 18 %"</dt><dd class="explain">{explain::RAISED}</dd></div>
                <div class="figure"><dt>"Childkey take"</dt><dd class="explain">{explain::CHILDKEY}</dd></div>
                <div class="figure"><dt>"Gap to best"</dt><dd class="explain">{explain::GAP}</dd></div>
                <div class="figure"><dt>"Realised, 30 days"</dt><dd class="explain">{explain::REALISED}</dd></div>
            </dl>
        </Disclosure>

    }
}

/// From the validator you are with: to the best one here, or to another subnet.
#[component]
pub fn SwitchingPanel(
    form: Memo<TakeForm>,
    result: Memo<Result<Compared, String>>,
    switching: Memo<Option<Result<Switching, String>>>,
    data: Data,
    edit: Edit,
) -> impl IntoView {
    let switching_result = switching;
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
        <section class="panel" aria-labelledby="switch-title">
            <h3 id="switch-title">"Switching"</h3>
            <div class="grid2">
                <Select id=FROM_ROW.key label=FROM_ROW.label options=row_options
                    selected=Signal::derive(move || switching_result.with(|s| s.as_ref().and_then(|s| s.as_ref().ok()).map(|s| (s.from + 1).to_string()).unwrap_or_default()))
                    error=Signal::derive(move || form.with(|f| f.from_row.error()))
                    on_change=Callback::new(move |v| edit.set(FROM_ROW.key, Some(v))) />
                <ParamSelect spec=SWITCH_NETUID.spec() options=subnets
                    field=Signal::derive(move || form.with(|f| f.switch_to.shown())) edit=edit />
            </div>
            <dl class="figures">
                <Figure testid="take-switch-same" label="To the best validator on this subnet"
                    shown=move |style: Style| switching_result.with(|s| s.as_ref()?.as_ref().ok().map(|s| {
                        let name = result.with(|r| r.as_ref().ok().map(|c| c.delegates[s.best].name.clone())).unwrap_or_default();
                        Shown::new(
                            format!("{name}: no cost, {} TAO a day more; pays back {}", format::tokens(s.same.daily_gain_tao.round_dp(9), style), payback_text(s.same.payback_days, style)),
                            format::plain(s.same.daily_gain_tao),
                        )
                    }))
                    explain=explain::SAME_SUBNET />
                <Figure testid="take-switch-other" label="To the other subnet"
                    shown=move |style: Style| switching_result.with(|s| match s.as_ref()?.as_ref().ok()?.other.as_ref()? {
                        Ok((netuid, SubnetSwitch { new_apy_pct, option: o })) => Some(Shown::new(
                            format!("Subnet {netuid} at {}: the move costs {} TAO; {} TAO a day {}; pays back {}",
                                format::pct(*new_apy_pct, style), format::tokens(o.cost_tao.round_dp(9), style),
                                format::tokens(o.daily_gain_tao.abs().round_dp(9), style),
                                if o.daily_gain_tao >= Decimal::ZERO { "more" } else { "less" },
                                payback_text(o.payback_days, style)),
                            o.payback_days.map(format::plain).unwrap_or_default(),
                        )),
                        Err(e) => Some(Shown::new(e.clone(), String::new())),
                    })
                    missing=Signal::derive(|| "Choose a subnet to compare.".to_string())
                    explain=explain::OTHER_SUBNET />
            </dl>
        </section>

    }
}

/// Each validator's cumulative earnings over the horizon.
#[component]
pub fn EarningsChart(result: Memo<Result<Compared, String>>) -> impl IntoView {
    let style = style_reader();
    view! {
        <LineChartPanel
            heading="Earnings over the horizon"
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
                    best.map(|b| format!("Earnings in alpha by day; {} earns most: {} alpha.", c.delegates[b.index].name, format::tokens(b.earned.alpha.round_dp(6), style()))).unwrap_or_default()
                }
                Err(e) => e.clone(),
            }))
        />

    }
}
