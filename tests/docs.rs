//! The parameter tables in `docs/` (and the README) are the forms' own tables: `tools/docs` writes them, and this
//! fails when a page is not current (with `DTAO_WRITE_DOCS=1` it writes them instead).

use dtao_calc::calc::param_tables::{regenerate, tables};
use std::path::Path;

#[test]
fn docs_parameter_tables_are_current_and_every_table_is_documented() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    let write = std::env::var_os("DTAO_WRITE_DOCS").is_some();
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .expect("docs/ is readable")
        .map(|e| e.expect("a docs entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    pages.sort();
    // The README carries the screener's table too.
    pages.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"));
    let mut all = String::new();
    let mut stale = Vec::new();
    for page in &pages {
        let text = std::fs::read_to_string(page).expect("a docs page is readable");
        let current = regenerate(&text).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
        if current != text {
            if write {
                std::fs::write(page, &current).expect("a docs page is writable");
            } else {
                stale.push(page.display().to_string());
            }
        }
        all.push_str(&current);
    }
    assert!(
        stale.is_empty(),
        "parameter tables out of date in {stale:?}: run tools/docs"
    );
    for (name, docs) in tables() {
        assert!(
            all.contains(&format!("<!-- params:{name} -->")),
            "no docs page holds the table “{name}”"
        );
        for d in docs {
            assert!(
                all.contains(&format!("| `{}` |", d.key)),
                "{} is undocumented",
                d.key
            );
        }
    }
}
