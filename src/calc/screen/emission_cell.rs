//! A row's TAO emission cell: its share of each block's TAO, and that TAO a day into the pool
//! and into chain buys (`calc::tao_emission`).

use super::dash::dash;
use super::rows::RowData;
use crate::calc::format;
use crate::calc::format::Style;
use crate::calc::markup::Markup;

/// Its share of the block's TAO (`data-vs-bar`: over the gate's bar, also in the title), and
/// below it that TAO a day into the pool and into chain buys.
pub fn emission_cell(m: &mut Markup, row: &RowData, style: Style) {
    let n = row.netuid;
    let Some(e) = &row.emission else {
        let why = if row.root {
            "Root takes no share of the TAO emission."
        } else {
            "This subnet takes no share of the TAO emission in the data."
        };
        return dash(m, why);
    };
    let vs_bar = e.vs_bar.map(format::plain);
    // What the shares assume is the same for every row: the table says it once, below it.
    let title = e.vs_bar.map(|v| {
        format!(
            "{} x the gate's bar ({}): at 1 the gate halves a share.",
            format::plain(v.round_dp(2)),
            e.bar
        )
    });
    m.open(
        "td",
        &[
            ("data-testid", Some(&format!("screen-tao-share-{n}"))),
            ("data-value", Some(&format::plain(e.share_pct))),
            ("data-vs-bar", vs_bar.as_deref()),
            ("title", title.as_deref()),
        ],
    )
    .text(&format::pct(e.share_pct, style));
    m.empty("br", &[]).open("span", &[("class", Some("sub"))]);
    match &e.per_day {
        Ok((pool, buys)) => {
            for (i, (id, tao, words)) in [
                ("injection", pool, " in pool"),
                ("chain-buys", buys, " bought"),
            ]
            .into_iter()
            .enumerate()
            {
                if i > 0 {
                    m.text(" · ");
                }
                m.element(
                    "span",
                    &[
                        ("data-testid", Some(&format!("screen-{id}-{n}"))),
                        ("data-value", Some(&format::plain(*tao))),
                    ],
                    &format::tokens(*tao, style),
                )
                .text(words);
            }
            m.text(", TAO a day");
        }
        Err(why) => {
            m.text(why);
        }
    }
    m.close("span").close("td");
}
