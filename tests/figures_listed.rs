//! Every figure a calculator's table shows is pinned by name in that calculator's
//! `tests/figures_<calc>.rs` (issue 29): a figure added to a table without a test that computes
//! it another way fails here. Read from the source, like `layers.rs`: each `testid: "…"` of a
//! `figures.rs` in a folder named after the calculator, wherever the layer holding it lives.

use std::path::{Path, PathBuf};

const CALCULATORS: [&str; 3] = ["pool", "returns", "conviction"];

fn figure_tables(calc: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, calc: &str, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src is readable") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                walk(&path, calc, out);
            } else if path.file_name().is_some_and(|n| n == "figures.rs")
                && path
                    .parent()
                    .and_then(Path::file_name)
                    .is_some_and(|p| p == calc)
            {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        calc,
        &mut out,
    );
    out
}

fn testids(text: &str) -> Vec<String> {
    text.split("testid: \"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn every_figure_of_every_table_is_pinned_by_name() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut unpinned = Vec::new();
    for calc in CALCULATORS {
        let tables = figure_tables(calc);
        assert!(
            !tables.is_empty(),
            "no figures.rs for the {calc} calculator"
        );
        let ids: Vec<String> = tables
            .iter()
            .flat_map(|t| testids(&std::fs::read_to_string(t).unwrap()))
            .collect();
        // A table without figures would make this test pass by reading nothing.
        assert!(ids.len() >= 7, "{calc}: only {} figures read", ids.len());
        let tests = std::fs::read_to_string(root.join(format!("tests/figures_{calc}.rs")))
            .unwrap_or_else(|_| panic!("tests/figures_{calc}.rs is missing"));
        unpinned.extend(
            ids.into_iter()
                .filter(|id| !tests.contains(&format!("\"{id}\"")))
                .map(|id| format!("{calc}: {id}")),
        );
    }
    assert!(unpinned.is_empty(), "figures no test names: {unpinned:?}");
}

#[test]
fn testids_reads_each_figure_once() {
    let text = "FigureSpec { testid: \"a-b\", x }, FigureSpec { testid: \"c\" }";
    assert_eq!(testids(text), ["a-b", "c"]);
}
