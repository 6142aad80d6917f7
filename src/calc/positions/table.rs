//! The positions table as markup (one string for the page to parse: 100 rows stay quick) and
//! as CSV with the same figures: each cell's `data-value` is the CSV's field.

use super::apy::{pool_link, returns_link};
use super::valuation::{Kind, Row};
use crate::calc::format::{self, Style};
use crate::calc::markup::Markup;
use crate::calc::query::to_query;
use crate::model::num::units::rao_to_decimal;
use rust_decimal::Decimal;

/// A hotkey or coldkey shortened for a cell: its first and last four letters.
pub fn short(address: &str) -> String {
    let chars: Vec<char> = address.chars().collect();
    if chars.len() <= 12 {
        return address.to_string();
    }
    let head: String = chars[..5].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail}")
}

fn cell(m: &mut Markup, testid: &str, value: Decimal, text: &str) {
    m.element(
        "td",
        &[
            ("data-testid", Some(testid)),
            ("data-value", Some(&format::plain(value))),
        ],
        text,
    );
}

fn words_cell(m: &mut Markup, class: &str, testid: &str, text: &str) {
    m.element(
        "td",
        &[("class", Some(class)), ("data-testid", Some(testid))],
        text,
    );
}

/// The table's head; `coldkeys`: whether a column names each row's coldkey.
pub const HEADER: [&str; 11] = [
    "Subnet",
    "Validator",
    "Stake",
    "Locked",
    "Spot value",
    "Exit value",
    "Exit cost",
    "Cost %",
    "Take",
    "Modelled APY",
    "Open in",
];

/// Every row's `<tr>`, in order. `extra`: the data-source parameters a row's links carry.
pub fn rows_markup(
    rows: &[Row],
    show_coldkey: bool,
    extra: &[(String, String)],
    style: Style,
) -> String {
    let mut m = Markup::new();
    for row in rows {
        row_markup(&mut m, row, show_coldkey, extra, style);
    }
    m.into_string()
}

fn row_markup(
    m: &mut Markup,
    row: &Row,
    show_coldkey: bool,
    extra: &[(String, String)],
    style: Style,
) {
    let id = &row.id;
    m.open(
        "tr",
        &[("data-testid", Some(&format!("position-row-{id}")))],
    );
    m.open("th", &[("scope", Some("row"))]).text(&row.subnet);
    if show_coldkey {
        m.element(
            "small",
            &[("title", Some(&row.coldkey))],
            &format!(" {}", short(&row.coldkey)),
        );
    }
    m.close("th");
    let name = row.validator.clone().unwrap_or_else(|| short(&row.hotkey));
    m.element(
        "td",
        &[
            ("title", Some(&row.hotkey)),
            ("data-testid", Some(&format!("position-validator-{id}"))),
        ],
        &name,
    );
    let unit = match (row.kind, row.netuid) {
        (Kind::Basket, _) => " shares",
        (_, 0) => " TAO",
        _ => " α",
    };
    let amount = match row.kind {
        Kind::Basket => Decimal::from(row.amount_rao),
        Kind::Stake => rao_to_decimal(row.amount_rao),
    };
    let amount_text = match row.kind {
        Kind::Basket => crate::model::words::group_thousands(&row.amount_rao.to_string()),
        Kind::Stake => format::tokens(amount, style),
    };
    cell(
        m,
        &format!("position-alpha-{id}"),
        amount,
        &format!("{amount_text}{unit}"),
    );
    match row.locked_rao {
        Some(locked) if locked > 0 => cell(
            m,
            &format!("position-locked-{id}"),
            rao_to_decimal(locked),
            &format!(
                "{} ({} TAO at spot, not sellable)",
                format::tokens(rao_to_decimal(locked), style),
                format::tokens(rao_to_decimal(row.locked_spot_rao), style)
            ),
        ),
        Some(_) => cell(m, &format!("position-locked-{id}"), Decimal::ZERO, "none"),
        None => words_cell(m, "na", &format!("position-locked-{id}"), "not known"),
    }
    match row.spot_rao {
        Some(spot) => cell(
            m,
            &format!("position-spot-tao-{id}"),
            rao_to_decimal(spot),
            &format::tokens(rao_to_decimal(spot), style),
        ),
        None => words_cell(m, "na", &format!("position-spot-tao-{id}"), "—"),
    }
    match &row.exit {
        Ok(Some(e)) => {
            cell(
                m,
                &format!("position-exit-tao-{id}"),
                rao_to_decimal(e.tao_rao),
                &format::tokens(rao_to_decimal(e.tao_rao), style),
            );
            cell(
                m,
                &format!("position-exit-cost-{id}"),
                rao_to_decimal(e.cost_rao),
                &format::tokens(rao_to_decimal(e.cost_rao), style),
            );
            cell(
                m,
                &format!("position-exit-cost-pct-{id}"),
                e.cost_pct,
                &format::pct(e.cost_pct, style),
            );
        }
        Ok(None) => {
            cell(
                m,
                &format!("position-exit-tao-{id}"),
                Decimal::ZERO,
                "nothing to sell: all locked",
            );
            words_cell(m, "na", &format!("position-exit-cost-{id}"), "—");
            words_cell(m, "na", &format!("position-exit-cost-pct-{id}"), "—");
        }
        Err(why) => {
            m.element(
                "td",
                &[
                    ("class", Some("refused")),
                    ("colspan", Some("3")),
                    ("data-testid", Some(&format!("position-exit-tao-{id}"))),
                ],
                why,
            );
        }
    }
    match row.take {
        Some((take, assumed)) => {
            let text = format!(
                "{}{}",
                format::pct(take * Decimal::ONE_HUNDRED, style),
                if assumed { " (assumed)" } else { "" }
            );
            cell(
                m,
                &format!("position-take-{id}"),
                take * Decimal::ONE_HUNDRED,
                &text,
            );
        }
        None => words_cell(m, "na", &format!("position-take-{id}"), "—"),
    }
    match &row.apy_pct {
        Ok(apy) => cell(
            m,
            &format!("position-apy-{id}"),
            *apy,
            &format::pct(*apy, style),
        ),
        Err(why) => {
            m.element(
                "td",
                &[
                    ("class", Some("na")),
                    ("title", Some(why)),
                    ("data-testid", Some(&format!("position-apy-{id}"))),
                ],
                "—",
            );
        }
    }
    m.open("td", &[("class", Some("links"))]);
    if row.kind == Kind::Stake && row.spot_rao.is_some() {
        let take = row.take.map_or(Decimal::ZERO, |t| t.0);
        let sellable = row.amount_rao.saturating_sub(row.locked_rao.unwrap_or(0));
        let href = |mut pairs: Vec<(String, String)>| {
            pairs.extend(extra.iter().cloned());
            to_query(&pairs)
        };
        m.element(
            "a",
            &[
                (
                    "href",
                    Some(&href(returns_link(row.netuid, row.amount_rao, take))),
                ),
                ("data-testid", Some(&format!("position-returns-link-{id}"))),
            ],
            "Returns",
        );
        m.text(" · ");
        m.element(
            "a",
            &[
                ("href", Some(&href(pool_link(row.netuid, sellable)))),
                ("data-testid", Some(&format!("position-pool-link-{id}"))),
            ],
            "Pool",
        );
    }
    m.close("td").close("tr");
}

/// The CSV's columns.
pub const CSV_HEADER: [&str; 16] = [
    "coldkey",
    "netuid",
    "subnet",
    "hotkey",
    "validator",
    "kind",
    "amount",
    "locked",
    "spot_tao",
    "exit_tao",
    "exit_cost_tao",
    "exit_cost_pct",
    "exit_when_all_sold_tao",
    "take_pct",
    "modelled_apy_pct",
    "note",
];

/// The rows as CSV fields, the same figures as the cells' `data-value`.
pub fn csv_rows(rows: &[Row]) -> Vec<Vec<String>> {
    let plain = |d: Decimal| format::plain(d);
    rows.iter()
        .map(|r| {
            let (exit, cost, pct, note) = match &r.exit {
                Ok(Some(e)) => (
                    plain(rao_to_decimal(e.tao_rao)),
                    plain(rao_to_decimal(e.cost_rao)),
                    plain(e.cost_pct),
                    String::new(),
                ),
                Ok(None) => (
                    "0".into(),
                    String::new(),
                    String::new(),
                    "all locked".into(),
                ),
                Err(why) => (String::new(), String::new(), String::new(), why.clone()),
            };
            vec![
                r.coldkey.clone(),
                r.netuid.to_string(),
                r.subnet.clone(),
                r.hotkey.clone(),
                r.validator.clone().unwrap_or_default(),
                match r.kind {
                    Kind::Stake => "stake",
                    Kind::Basket => "root basket",
                }
                .into(),
                match r.kind {
                    Kind::Basket => r.amount_rao.to_string(),
                    Kind::Stake => plain(rao_to_decimal(r.amount_rao)),
                },
                r.locked_rao
                    .map(|l| plain(rao_to_decimal(l)))
                    .unwrap_or_default(),
                r.spot_rao
                    .map(|s| plain(rao_to_decimal(s)))
                    .unwrap_or_default(),
                exit,
                cost,
                pct,
                plain(rao_to_decimal(r.in_sequence_rao)),
                r.take
                    .map(|t| plain(t.0 * Decimal::ONE_HUNDRED))
                    .unwrap_or_default(),
                r.apy_pct.as_ref().map(|a| plain(*a)).unwrap_or_default(),
                note,
            ]
        })
        .collect()
}
