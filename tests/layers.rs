//! The code's shape: the layers `model` -> `snapshot` -> `calc` -> `ui` import only downwards,
//! `model::num` (the numbers every formula uses) imports nothing else of the model, `calc` is
//! pure (no Leptos, no browser), and no module imports another that (through others) imports it
//! back. Read from the source's `crate::`/`super::` paths, leaving out unit tests.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path (`ui::pool::page`) -> its source without its unit tests.
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src is readable") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs")
                // A module's unit tests in a file of their own (`x/tests.rs`).
                && path.file_name().is_some_and(|n| n != "tests.rs")
            {
                out.push(path);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    files
        .into_iter()
        .map(|f| {
            let rel = f.strip_prefix(&src).unwrap().with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            let text = std::fs::read_to_string(&f).unwrap();
            let code = match text.find("#[cfg(test)]\nmod tests") {
                Some(i) => text[..i].to_string(),
                None => text,
            };
            (parts.join("::"), code)
        })
        .collect()
}

/// The module a path names: the longest prefix of it that is a module.
fn resolve(modules: &BTreeMap<String, String>, from: &str, path: &[&str]) -> Option<String> {
    let mut full: Vec<&str> = from.split("::").collect();
    let mut rest = path;
    match rest.first() {
        Some(&"crate") => {
            full.clear();
            rest = &rest[1..];
        }
        Some(&"super") => {
            full.pop();
            while rest.first() == Some(&"super") {
                rest = &rest[1..];
            }
        }
        _ => {}
    }
    full.extend_from_slice(rest);
    (1..=full.len())
        .rev()
        .map(|n| full[..n].join("::"))
        .find(|m| modules.contains_key(m))
}

fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let mut edges = BTreeMap::new();
    for (name, code) in &modules {
        let mut to = BTreeSet::new();
        for start in code
            .match_indices("crate::")
            .chain(code.match_indices("super::"))
        {
            let tail: String = code[start.0..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let path: Vec<&str> = tail.split("::").filter(|p| !p.is_empty()).collect();
            if let Some(target) = resolve(&modules, name, &path) {
                // A module using its own parent (where its types live) is not a cycle.
                if target != *name && !name.starts_with(&format!("{target}::")) {
                    to.insert(target);
                }
            }
        }
        edges.insert(name.clone(), to);
    }
    edges
}

/// A module's layer, lowest first; `model::num` below the rest of the model.
fn rank(module: &str) -> usize {
    const LAYERS: [&str; 5] = ["model::num", "model", "snapshot", "calc", "ui"];
    LAYERS
        .iter()
        .position(|l| module == *l || module.starts_with(&format!("{l}::")))
        .unwrap_or(LAYERS.len())
}

#[test]
fn layers_only_import_downwards() {
    let edges = imports();
    for layer in ["model::num", "model", "snapshot", "calc", "ui"] {
        assert!(
            edges.keys().any(|m| m.starts_with(layer)),
            "no module in {layer}: the test would check nothing there"
        );
    }
    for (from, to) in edges {
        for target in to {
            assert!(
                rank(&target) <= rank(&from),
                "{from} imports {target}, a layer above it"
            );
        }
    }
}

#[test]
fn ranks_order_the_layers() {
    assert!(rank("model::num::ratio") < rank("model::pool::rejection"));
    assert!(rank("model::pool") < rank("snapshot::import"));
    assert!(rank("snapshot") < rank("calc::pool::form"));
    assert!(rank("calc::format") < rank("ui::figure"));
    // A name that merely starts like a layer is not in it.
    assert_eq!(rank("calculator"), 5);
}

#[test]
fn the_pure_layer_uses_no_browser_crate() {
    for (name, code) in modules() {
        if rank(&name) != 3 {
            continue;
        }
        for framework in ["leptos", "web_sys", "wasm_bindgen", "js_sys", "gloo"] {
            assert!(
                !code.contains(framework),
                "{name} uses {framework}: calc is the pure layer"
            );
        }
    }
}

#[test]
fn no_module_imports_itself_back() {
    let edges = imports();
    // Depth-first search for a path from each module back to itself.
    for start in edges.keys() {
        let mut stack: Vec<(String, Vec<String>)> = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((at, path)) = stack.pop() {
            for next in &edges[&at] {
                assert!(
                    next != start,
                    "import cycle: {} -> {start}",
                    path.join(" -> ")
                );
                if seen.insert(next.clone()) {
                    let mut p = path.clone();
                    p.push(next.clone());
                    stack.push((next.clone(), p));
                }
            }
        }
    }
}

#[test]
fn tests_and_benches_compute_without_the_pages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut read = 0;
    for dir in ["tests", "benches"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("readable") {
            let path = entry.expect("an entry").path();
            if path.extension().is_some_and(|e| e == "rs") {
                read += 1;
                let code = std::fs::read_to_string(&path).unwrap();
                // Spelled in two pieces so that this file does not find itself.
                let pages = format!("dtao_calc::{}::", "ui");
                assert!(
                    !code.contains(&pages),
                    "{} reaches into the pages: compute through calc",
                    path.display()
                );
            }
        }
    }
    assert!(read > 10, "only {read} files read");
}
