//! The take table's rows as markup (redrawn whole, issue 18), and how its amounts are written:
//! alpha, TAO and, when a TAO price is given, dollars.

use crate::calc::format::{self, Style};
use crate::calc::markup::Markup;
use crate::calc::take::compare::Compared;
use crate::calc::take::realised::RealisedLookup;
use crate::model::staking::delegation::Amount;
use rust_decimal::Decimal;

/// An amount: alpha, TAO and (when a TAO price is given) dollars.
pub fn amount_text(a: &Amount, style: Style) -> String {
    signed_amount_text(a, "", style)
}

/// An amount lost, with its sign on every unit.
pub fn loss_text(a: &Amount, style: Style) -> String {
    signed_amount_text(a, "−", style)
}

/// Alpha, TAO and (when known) dollars, each unit led by `sign`.
fn signed_amount_text(a: &Amount, sign: &str, style: Style) -> String {
    let usd = style
        .usd(a.tao)
        .map(|u| format!(" · {sign}${}", format::tokens(u.round_dp(2), style)))
        .unwrap_or_default();
    format!(
        "{sign}{} α ({sign}{} τ{usd})",
        format::tokens(a.alpha.round_dp(4), style),
        format::tokens(a.tao.round_dp(4), style)
    )
}

pub fn payback_text(days: Option<Decimal>, style: Style) -> String {
    match days {
        None => "never: the other yield is not higher".to_string(),
        Some(d) if d.is_zero() => "at once".to_string(),
        Some(d) => format!("{} days", format::tokens(d.ceil(), style)),
    }
}

/// The comparison's rows, best first, as markup: the table is redrawn whole (issue 18). Each
/// row's realised yield comes from `realised`, by the row's index.
pub fn comparison_rows(
    result: &Result<Compared, String>,
    realised: &RealisedLookup,
    style: Style,
) -> String {
    let mut m = Markup::new();
    let Ok(c) = result else {
        return String::new();
    };
    let mut rows: Vec<_> = c.comparison.rows.iter().collect();
    crate::model::order::sort_by_key(&mut rows, |row| row.rank);
    for row in rows {
        let n = row.index + 1;
        let d = &c.delegates[row.index];
        let figure = |m: &mut Markup, id: &str, value: Decimal, text: &str| {
            let (testid, value) = (format!("take-{id}-{n}"), format::plain(value));
            m.element(
                "td",
                &[("data-testid", Some(&testid)), ("data-value", Some(&value))],
                text,
            );
        };
        let rank = row.rank.to_string();
        m.open(
            "tr",
            &[
                ("data-testid", Some(&format!("take-row-{n}"))),
                ("data-rank", Some(&rank)),
            ],
        )
        .element("th", &[("scope", Some("row"))], &rank)
        .element("td", &[], &d.name)
        .element(
            "td",
            &[],
            &format::pct(d.take * Decimal::ONE_HUNDRED, style),
        );
        figure(
            &mut m,
            "net-apy",
            row.net_apy_pct,
            &format::pct(row.net_apy_pct, style),
        );
        figure(
            &mut m,
            "earned",
            row.earned.alpha,
            &amount_text(&row.earned, style),
        );
        figure(
            &mut m,
            "paid",
            row.take_paid.alpha,
            &amount_text(&row.take_paid, style),
        );
        figure(&mut m, "gap", row.gap.alpha, &amount_text(&row.gap, style));
        match row.raised {
            Some((_, lost)) => figure(&mut m, "raised", lost.alpha, &loss_text(&lost, style)),
            None => {
                let testid = format!("take-raised-{n}");
                m.element("td", &[("data-testid", Some(&testid))], "already 18 %");
            }
        }
        let (text, value) = realised.cell(row.index, style);
        let testid = format!("take-realised-apy-{n}");
        m.element(
            "td",
            &[
                ("data-testid", Some(&testid)),
                ("data-value", value.as_deref()),
            ],
            &text,
        );
        m.close("tr");
    }
    m.into_string()
}
