//! The chosen subnet's validators under the screener (issue 33): their takes and, where read
//! from an archive node this session, what the chain paid their delegators over 30 days.

use crate::calc::screen::realised::{rows, MOST};
use crate::ui::data::Data;
use crate::ui::shell::params::Params;
use crate::ui::shell::summary::style_reader;
use crate::ui::widgets::read_realised::ReadRealised;
use leptos::prelude::*;

#[component]
pub fn RealisedPanel(params: Params, data: Data, chosen: Memo<Option<u16>>) -> impl IntoView {
    let style = style_reader();
    let r = data.realised;
    let lines = Memo::new(move |_| {
        let netuid = chosen.get()?;
        data.snapshot.with(|s| {
            let subnet = s.subnet(netuid)?;
            Some((netuid, r.found.with(|f| rows(subnet, f, style()))))
        })
    });
    let what = Callback::new(move |()| {
        let (netuid, list) = lines
            .get_untracked()
            .ok_or_else(|| "Choose a subnet first.".to_string())?;
        Ok((netuid, list.into_iter().map(|l| l.hotkey).collect()))
    });
    // The section is drawn once per subnet; only the rows follow the yields as they arrive,
    // so the buttons and the status line (a live region) stay in place while it reads.
    let shown =
        Memo::new(move |_| lines.with(|l| l.as_ref().map(|(n, list)| (*n, list.is_empty()))));
    let items = move || {
        lines.with(|l| {
            l.iter()
                .flat_map(|(_, list)| list.iter().cloned().enumerate())
                .map(|(i, l)| {
                    let n = i + 1;
                    view! {
                        <tr data-testid=format!("screen-realised-row-{n}")>
                            <th scope="row" title=l.hotkey.clone()>{l.name}</th>
                            <td>{l.take}</td>
                            <td data-testid=format!("screen-realised-apy-{n}") data-value=l.realised.1>{l.realised.0}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    move || {
        let (netuid, empty) = shown.get()?;
        let body = if empty {
            view! { <p class="note" data-testid="screen-realised-none">{format!("The data lists no validators of subnet {netuid}: live data (“Load other data” → Live from the chain) reads them.")}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap" tabindex="0" role="region" aria-label="Validators' realised yields">
                    <table class="returns-table realised-table" data-testid="screen-realised">
                        <caption class="sr-only">{format!("Subnet {netuid}'s validators, largest stake first")}</caption>
                        <thead><tr><th scope="col">"Validator"</th><th scope="col">"Take"</th><th scope="col">"Realised, 30 days"</th></tr></thead>
                        <tbody>{items}</tbody>
                    </table>
                </div>
                <ReadRealised data=data params=params prefix="screen" what=what />
            }
            .into_any()
        };
        Some(view! {
            <section class="panel" aria-labelledby="screen-realised-title">
                <h3 id="screen-realised-title">{format!("What subnet {netuid}'s validators paid")}</h3>
                <p class="note">{format!("The chain's own record for the {MOST} largest validators: their delegators' alpha per share over the last 30 days, annualised on a 365-day year, read from an archive node (archive=, else the public one). The rows above model the take you chose instead.")}</p>
                {body}
            </section>
        })
    }
}
