//! The take page's summary card: which validator pays you most, what you earn with it, and
//! what the dearest one costs you beside it (the comparison of model::staking::delegation).

use crate::calc::figure::Shown;
use crate::calc::format;
use crate::calc::format::Style;
use crate::calc::take::compare::Compared;
use crate::calc::take::table::{amount_text, loss_text};
use crate::model::staking::delegation::DelegateResult;
use crate::ui::shell::summary::style_reader;
use crate::ui::shell::summary::Refusal;
use crate::ui::widgets::figure::Figure;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// The best and the dearest rows (the same row when there is one validator).
fn ends(c: &Compared) -> Option<(&DelegateResult, &DelegateResult)> {
    let best = c.comparison.rows.iter().min_by_key(|r| r.rank)?;
    let worst = c.comparison.rows.iter().max_by_key(|r| r.rank)?;
    Some((best, worst))
}

fn name(c: &Compared, row: &DelegateResult) -> String {
    c.delegates
        .get(row.index)
        .map(|d| d.name.clone())
        .unwrap_or_default()
}

fn take_text(c: &Compared, row: &DelegateResult, style: Style) -> String {
    c.delegates
        .get(row.index)
        .map(|d| format::pct(d.take * Decimal::ONE_HUNDRED, style))
        .unwrap_or_default()
}

#[component]
pub fn TakeSummary(
    result: Memo<Result<Compared, String>>,
    days: Signal<Option<u32>>,
) -> impl IntoView {
    let style = style_reader();
    let verdict = move || {
        result.with(|r| match r {
            Err(e) => view! { <Refusal testid="take-error" text=e.clone() /> }.into_any(),
            Ok(c) => {
                let text = match ends(c) {
                    Some((best, worst)) if best.index != worst.index => format!(
                        "{} ({} take) pays you most: {} α in {} days; {} ({}) {} α less.",
                        name(c, best),
                        take_text(c, best, style()),
                        format::tokens(best.earned.alpha, style()),
                        days.get().unwrap_or_default(),
                        name(c, worst),
                        take_text(c, worst, style()),
                        format::tokens(worst.gap.alpha.abs(), style()),
                    ),
                    Some((best, _)) => format!(
                        "{} ({} take) earns you {} in {} days; add validators to compare.",
                        name(c, best),
                        take_text(c, best, style()),
                        amount_text(&best.earned, style()),
                        days.get().unwrap_or_default(),
                    ),
                    None => "No validator to compare.".to_string(),
                };
                view! { <div tabindex="0" class="verdict ok" role="status" data-testid="take-verdict">{text}</div> }
                    .into_any()
            }
        })
    };
    let pick = move |f: fn(&Compared, &DelegateResult, &DelegateResult, Style) -> Shown| {
        move |style: Style| {
            result.with(|r| {
                let c = r.as_ref().ok()?;
                let (best, worst) = ends(c)?;
                Some(f(c, best, worst, style))
            })
        }
    };
    view! {
        {verdict}
        <dl class="figures">
            <Figure
                testid="take-best-apy"
                label="Best net APY"
                headline=true
                shown=pick(|c, best, _, style| Shown::new(
                    format!("{} ({})", format::pct(best.net_apy_pct, style), name(c, best)),
                    format::plain(best.net_apy_pct),
                ))
                explain="The highest yield after take among the validators compared: the row ranked first below."
            />
            <Figure
                testid="take-best-earned"
                label="You earn with the best"
                shown=pick(|_, best, _, style| Shown::new(amount_text(&best.earned, style), format::plain(best.earned.alpha)))
                explain="Alpha the best validator leaves you over the horizon, compounded every epoch (and its TAO at today's spot price)."
            />
            <Figure
                testid="take-worst-gap"
                label="The dearest costs you"
                shown=pick(|_, _, worst, style| Shown::new(loss_text(&worst.gap, style), format::plain(worst.gap.alpha)))
                explain="How much less the last-ranked validator leaves you than the best one over the same horizon."
            />
        </dl>
    }
}
