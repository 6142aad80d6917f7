//! "What staking really paid" (issue 33): the validator's realised yield over 1, 7 and 30 days
//! (and a chosen window) and a backtest of the amount from a date or block, read from an
//! archive node. Read when the visitor asks, or at once when the link asks for a window, a
//! backtest or an archive; cancellable, with its progress; without an archive the modelled
//! figures above stay and this part says what it needs.

use crate::calc::app_params::Calc;
use crate::calc::format;
use crate::calc::returns::form::ReturnsForm;
use crate::calc::returns::history::explain::{meaning, model_gap, no_archive, ModelTerms};
use crate::calc::returns::history::figures::compute;
use crate::calc::returns::history::form::HistoryForm;
use crate::calc::returns::history::params::{
    ARCHIVE, FROM_BLOCK, FROM_DATE, HOTKEY, TO_DATE, WINDOW_DAYS,
};
use crate::calc::returns::history::targets::targets;
use crate::calc::returns::history::validators::choices;
use crate::snapshot::history::History;
use crate::ui::data::Data;
use crate::ui::shell::params::{unless_blank, Params};
use crate::ui::shell::summary::style_reader;
use crate::ui::widgets::chart::{LineChart, LineData, Series};
use crate::ui::widgets::inputs::{Edit, ParamInput, TextInput};
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use std::cell::Cell;
use std::rc::Rc;

/// Labels of the figures, by test id, in the order shown.
const LABELS: [(&str, &str, &str); 8] = [
    ("returns-realised-apy-1", "Realised, last day", "%"),
    ("returns-realised-apy-7", "Realised, last 7 days", "%"),
    ("returns-realised-apy-30", "Realised, last 30 days", "%"),
    ("returns-realised-window", "Realised, your window", "%"),
    (
        "returns-backtest-entry-alpha",
        "Alpha bought at the start",
        "α",
    ),
    ("returns-backtest-alpha-now", "Alpha at the end", "α"),
    ("returns-backtest-exit-tao", "Unstaked at the end", "TAO"),
    ("returns-backtest-vs-root", "The same TAO on root", "TAO"),
];

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

#[component]
pub fn HistorySection(params: Params, data: Data, form: Memo<ReturnsForm>) -> impl IntoView {
    let style = style_reader();
    let edit = Edit {
        params,
        calc: Calc::Returns.param(),
    };
    let netuid = Memo::new(move |_| form.with(|f| f.source.netuid.ok().flatten()).unwrap_or(0));
    let history_form = Memo::new(move |_| {
        let remembered = data.remembered_archive();
        data.snapshot.with(|s| {
            HistoryForm::read(
                |k| {
                    params
                        .get(k)
                        .or_else(|| (k == ARCHIVE.key).then(|| remembered.clone()).flatten())
                },
                s,
                netuid.get(),
                now_ms(),
            )
        })
    });
    let held = RwSignal::new(None::<History>);
    let status = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let loading = RwSignal::new(false);
    let cancel = StoredValue::new_local(Rc::new(Cell::new(false)));
    let read = move || {
        let f = history_form.get_untracked();
        let (Ok(hotkey), Ok(archive)) = (f.hotkey.value.clone(), f.archive.value.clone()) else {
            error.set(Some(f.errors().join(" ")));
            return;
        };
        if let Some(why) = f.errors().first() {
            error.set(Some(why.clone()));
            return;
        }
        let wanted = targets(&f, now_ms());
        let stop = Rc::new(Cell::new(false));
        cancel.get_value().set(true);
        cancel.set_value(stop.clone());
        loading.set(true);
        error.set(None);
        status.set(Some(format!("Reading the chain's past from {archive}…")));
        let n = netuid.get_untracked();
        leptos::task::spawn_local(async move {
            let progress = move |text: String| status.set(Some(text));
            let read = data
                .read_history(&archive, n, &hotkey, &wanted, progress, stop.clone())
                .await;
            if stop.get() {
                return;
            }
            match read {
                Ok(h) => {
                    data.keep_realised(&h);
                    held.set(Some(h));
                    status.set(None);
                }
                Err(why) => {
                    status.set(None);
                    error.set(Some(no_archive(&archive, why.trim_end_matches('.'))));
                }
            }
            loading.set(false);
        });
    };
    // A link that asks for a window, a backtest or an archive reads at once (once per ask).
    let asked = StoredValue::new(None::<(u16, String, String)>);
    Effect::new(move |_| {
        let wants = [WINDOW_DAYS.key, FROM_DATE.key, FROM_BLOCK.key, ARCHIVE.key]
            .iter()
            .any(|k| params.get(k).is_some());
        let key =
            history_form.with(|f| (netuid.get(), f.hotkey.text.clone(), f.archive.text.clone()));
        if wants && asked.get_value().as_ref() != Some(&key) {
            asked.set_value(Some(key));
            read();
        }
    });
    let stop = move |_| {
        cancel.get_value().set(true);
        loading.set(false);
        status.set(Some("Cancelled: nothing more is read.".into()));
    };
    let figures = Memo::new(move |_| {
        held.with(|h| {
            h.as_ref().map(|h| {
                let amount = form.with(|f| f.amount.ok()).unwrap_or(0);
                history_form.with(|f| compute(h, f, amount))
            })
        })
    });
    let rows = move || {
        figures.with(|fig| {
            let Some(fig) = fig else {
                return ().into_any();
            };
            LABELS
                .iter()
                .filter_map(|(id, label, unit)| {
                    let value = fig.value(id)?;
                    let (text, data_value) = match value {
                        Ok(v) => {
                            let text = if *unit == "%" {
                                format::pct(v, style())
                            } else {
                                format!("{} {unit}", format::tokens(v, style()))
                            };
                            (text, Some(format::plain(v)))
                        }
                        Err(why) => (why, None),
                    };
                    Some(view! {
                        <div class="figure" tabindex="0" title=meaning(id)><dt>{*label}</dt>
                            <dd data-testid=*id data-value=data_value>{text}</dd></div>
                    })
                })
                .collect_view()
                .into_any()
        })
    };
    // Where the model and the chain's 30 days differ by more than a tenth: what the model
    // assumes that the chain may not have done.
    let gap = move || {
        let realised = figures.with(|f| f.as_ref()?.value("returns-realised-apy-30")?.ok())?;
        data.snapshot.with(|s| {
            form.with(|f| {
                let inputs = f.inputs(s).ok()?;
                let model = crate::model::staking::returns::headline(&inputs)
                    .ok()?
                    .apy_pct;
                let hotkey = history_form.with(|h| h.hotkey.text.clone());
                let known = s
                    .subnet(netuid.get())
                    .and_then(|sub| sub.validators.iter().find(|v| v.hotkey == hotkey));
                let terms = ModelTerms {
                    take: f.take.ok()?,
                    data_take: known.and_then(|v| v.take),
                    vtrust: f.vtrust.ok()?,
                    validator_stake: known.and_then(|v| v.alpha_stake),
                    stake_base: s
                        .subnet(netuid.get())
                        .and_then(|sub| sub.validator_alpha_stake),
                };
                model_gap(model, realised, &terms)
            })
        })
    };
    // The backtest's exit value at each sampled block, against the TAO staked.
    let chart = Signal::derive(move || {
        let none = LineData::empty("Days since the stake");
        figures.with(|f| {
            let Some(Some(Ok(b))) = f.as_ref().map(|f| f.backtest.as_ref()) else {
                return none;
            };
            let start = b.series.first().map(|p| p.timestamp_ms).unwrap_or(0);
            let points: Vec<(f64, f64)> = b
                .series
                .iter()
                .filter_map(|p| {
                    let tao = p.exit_tao_rao.as_ref().ok()?;
                    let days = (p.timestamp_ms.saturating_sub(start)) as f64 / 86_400_000.0;
                    Some((
                        days,
                        crate::model::num::units::rao_to_decimal(*tao).to_f64()?,
                    ))
                })
                .collect();
            if points.len() < 2 {
                return none;
            }
            LineData {
                series: vec![Series {
                    label: "Exit value".into(),
                    points,
                }],
                reference: crate::model::num::units::rao_to_decimal(b.amount_rao)
                    .to_f64()
                    .map(|t| (t, "TAO staked".to_string())),
                markers: vec![],
                x_label: "Days since the stake".into(),
            }
        })
    });
    let chart_words = Signal::derive(move || {
        let n = chart.with(|c| c.series.first().map_or(0, |s| s.points.len()));
        format!("What unstaking the position returned at {n} sampled blocks of the backtest, each priced in that block's pool, against the TAO staked.")
    });
    let field = move |f: fn(&HistoryForm) -> crate::calc::field::FieldText| {
        Signal::derive(move || history_form.with(f))
    };
    let hotkey_text = Signal::derive(move || history_form.with(|f| f.hotkey.text.clone()));
    let hotkey_error = Signal::derive(move || history_form.with(|f| f.hotkey.error()));
    // The subnet's validators in the data (live data reads the chosen subnet's), to pick from.
    let choices = Memo::new(move |_| {
        data.snapshot.with(|s| {
            s.subnet(netuid.get())
                .map(|sub| choices(sub, style()))
                .unwrap_or_default()
        })
    });
    let picker = move || {
        let list = choices.get();
        (!list.is_empty()).then(|| {
            let current = hotkey_text.get();
            let options = list
                .into_iter()
                .map(|(hotkey, label)| {
                    let selected = hotkey == current;
                    view! { <option value=hotkey selected=selected>{label}</option> }
                })
                .collect_view();
            view! {
                <div class="field">
                    <label for="hotkey-pick">"Pick one of the subnet's validators"</label>
                    <select id="hotkey-pick" data-testid="returns-hotkey-pick"
                        on:change:target=move |ev| edit.set(HOTKEY.key, unless_blank(ev.target().value()))>
                        {options}
                    </select>
                </div>
            }
        })
    };
    view! {
        <section class="panel history" aria-labelledby="returns-history-title">
            <h3 id="returns-history-title">"What staking really paid"</h3>
            <p class="note">"The chain's own record of this validator: what its delegators earned, and what this amount staked on a past day would be worth now. Read from an archive node; the model above does not need it."</p>
            <div class="grid2">
                <TextInput id=HOTKEY.key label=HOTKEY.label value=hotkey_text error=hotkey_error inputmode="text"
                    on_input=Callback::new(move |v: String| edit.set(HOTKEY.key, unless_blank(v))) />
                {picker}
                <ParamInput spec=WINDOW_DAYS.spec() field=field(|f| f.window_days.shown()) edit=edit placeholder="none" />
                <ParamInput spec=FROM_DATE.spec() field=field(|f| f.from_date.shown()) edit=edit placeholder="YYYY-MM-DD" inputmode="text" />
                <ParamInput spec=FROM_BLOCK.spec() field=field(|f| f.from_block.shown()) edit=edit placeholder="none" />
                <ParamInput spec=TO_DATE.spec() field=field(|f| f.to_date.shown()) edit=edit placeholder="today" inputmode="text" />
                <ParamInput spec=ARCHIVE.spec() field=field(|f| f.archive.shown()) edit=edit inputmode="text" />
            </div>
            <div class="row-actions">
                <button type="button" class="button" data-testid="returns-history-read" disabled=move || loading.get()
                    on:click=move |_| read()>"Read the chain's past"</button>
                <Show when=move || loading.get()>
                    <button type="button" class="button secondary" data-testid="returns-history-cancel" on:click=stop>"Cancel"</button>
                </Show>
            </div>
            <p class="note" role="status" aria-live="polite" data-testid="returns-history-status">{move || status.get()}</p>
            {move || error.get().map(|e| view! { <p class="msg" role="alert" data-testid="returns-history-error">{e}</p> })}
            <dl class="figures" aria-busy=move || loading.get().then_some("true")>{rows}</dl>
            {move || gap().map(|g| view! { <p class="note warning" data-testid="returns-history-gap">{g}</p> })}
            <Show when=move || chart.with(|c| !c.series.is_empty())>
                <LineChart id="returns-backtest-chart" title="Exit value of the backtest's position, TAO" data=chart description=chart_words />
            </Show>
        </section>
    }
}
