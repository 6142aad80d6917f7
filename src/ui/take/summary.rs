//! The take page's summary card: which validator pays you most, what you earn with it, and
//! what the dearest one costs you beside it (the comparison of model::staking::delegation).

use super::compare::Compared;
use super::sections::{amount_text, loss_text};
use crate::model::staking::delegation::DelegateResult;
use crate::ui::figure::{Figure, Shown};
use crate::ui::format;
use crate::ui::summary::Refusal;
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

fn take_text(c: &Compared, row: &DelegateResult) -> String {
    c.delegates
        .get(row.index)
        .map(|d| format::pct(d.take * Decimal::ONE_HUNDRED))
        .unwrap_or_default()
}

#[component]
pub fn TakeSummary(
    result: Memo<Result<Compared, String>>,
    days: Signal<Option<u32>>,
) -> impl IntoView {
    let verdict = move || {
        result.with(|r| match r {
            Err(e) => view! { <Refusal testid="take-error" text=e.clone() /> }.into_any(),
            Ok(c) => {
                let text = match ends(c) {
                    Some((best, worst)) if best.index != worst.index => format!(
                        "{} ({} take) pays you most: {} α in {} days; {} ({}) {} α less.",
                        name(c, best),
                        take_text(c, best),
                        format::tokens(best.earned.alpha),
                        days.get().unwrap_or_default(),
                        name(c, worst),
                        take_text(c, worst),
                        format::tokens(worst.gap.alpha.abs()),
                    ),
                    Some((best, _)) => format!(
                        "{} ({} take) earns you {} in {} days; add validators to compare.",
                        name(c, best),
                        take_text(c, best),
                        amount_text(&best.earned),
                        days.get().unwrap_or_default(),
                    ),
                    None => "No validator to compare.".to_string(),
                };
                view! { <div tabindex="0" class="verdict ok" role="status" data-testid="take-verdict">{text}</div> }
                    .into_any()
            }
        })
    };
    let pick = move |f: fn(&Compared, &DelegateResult, &DelegateResult) -> Shown| {
        Signal::derive(move || {
            result.with(|r| {
                let c = r.as_ref().ok()?;
                let (best, worst) = ends(c)?;
                Some(f(c, best, worst))
            })
        })
    };
    view! {
        {verdict}
        <dl class="figures">
            <Figure
                testid="take-best-apy"
                label="Best net APY"
                headline=true
                shown=pick(|c, best, _| Shown::new(
                    format!("{} ({})", format::pct(best.net_apy_pct), name(c, best)),
                    format::plain(best.net_apy_pct),
                ))
                explain="The highest yield after take among the validators compared: the row ranked first below."
            />
            <Figure
                testid="take-best-earned"
                label="You earn with the best"
                shown=pick(|_, best, _| Shown::new(amount_text(&best.earned), format::plain(best.earned.alpha)))
                explain="Alpha the best validator leaves you over the horizon, compounded every epoch (and its TAO at today's spot price)."
            />
            <Figure
                testid="take-worst-gap"
                label="The dearest costs you"
                shown=pick(|_, _, worst| Shown::new(loss_text(&worst.gap), format::plain(worst.gap.alpha)))
                explain="How much less the last-ranked validator leaves you than the best one over the same horizon."
            />
        </dl>
    }
}
