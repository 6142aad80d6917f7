//! Every parameter table of the app by name, as the docs pages hold them between
//! `<!-- params:NAME -->` and `<!-- /params -->`. `tools/docs` writes them there; the test
//! `tests/docs.rs` fails when a page is not current.

use crate::calc::param::{markdown_table, Doc};
use crate::calc::{
    app_params, chain_figures, conviction, pool, pool_source, positions, returns, screen, take,
};

/// `(name, parameters)` for every table.
pub fn tables() -> Vec<(&'static str, Vec<Doc>)> {
    vec![
        ("app", app_params::docs()),
        ("pool-source", pool_source::docs()),
        ("pool", pool::form::docs()),
        ("returns", returns::form::docs()),
        ("chain-figures", chain_figures::docs()),
        ("take", take::form::docs()),
        ("conviction", conviction::form::docs()),
        ("screen", screen::form::docs()),
        ("positions", positions::form::docs()),
    ]
}

/// `text` with every generated block replaced by its current table; unknown names are errors.
pub fn regenerate(text: &str) -> Result<String, String> {
    const OPEN: &str = "<!-- params:";
    const CLOSE: &str = "<!-- /params -->";
    let tables = tables();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(OPEN) {
        let after_open = &rest[start + OPEN.len()..];
        let name_end = after_open
            .find(" -->")
            .ok_or("A params marker is not closed with “ -->”.")?;
        let name = &after_open[..name_end];
        let body_start = start + OPEN.len() + name_end + " -->".len();
        let close = rest[body_start..]
            .find(CLOSE)
            .ok_or_else(|| format!("The params block “{name}” has no {CLOSE}."))?;
        let (_, docs) = tables
            .iter()
            .find(|(n, _)| *n == name)
            .ok_or_else(|| format!("No parameter table is called “{name}”."))?;
        out.push_str(&rest[..body_start]);
        out.push('\n');
        out.push_str(&markdown_table(docs));
        out.push_str(CLOSE);
        rest = &rest[body_start + close + CLOSE.len()..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_in_one_table_only_unless_shared_on_purpose() {
        // The same key in two tables means the same parameter read by two calculators
        // (amount, days, tao_usd, take): the forms build those from `shared_params`.
        // The screener reads the returns calculator's position (take, price_change, exit_from) and the
        // pool calculator's max_slip, and its
        // `sort` orders its table where the app's orders the subnet list.
        let shared = [
            "amount",
            "days",
            "tao_usd",
            "take",
            "price_change",
            "exit_from",
            "max_slip",
            "sort",
        ];
        let mut seen: Vec<&str> = Vec::new();
        for (_, docs) in tables() {
            for d in docs {
                assert!(
                    !seen.contains(&d.key) || shared.contains(&d.key),
                    "{} is in two tables",
                    d.key
                );
                seen.push(d.key);
            }
        }
    }

    #[test]
    fn blocks_are_regenerated_and_unknown_names_refused() {
        let page = "Intro\n<!-- params:app -->\nold\n<!-- /params -->\nEnd\n";
        let new = regenerate(page).unwrap();
        assert!(new.starts_with("Intro\n<!-- params:app -->\n| key |"));
        assert!(new.contains("| `calc` |"));
        assert!(new.ends_with("<!-- /params -->\nEnd\n"));
        assert_eq!(regenerate(&new).unwrap(), new);
        assert!(regenerate("<!-- params:nope -->\n<!-- /params -->").is_err());
        assert!(regenerate("<!-- params:app -->\n").is_err());
    }
}
