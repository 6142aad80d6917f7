//! The code's shape: `model` imports neither `snapshot` nor `ui`, `snapshot` does not import
//! `ui`, and no module imports another that (through others) imports it back. Read from the
//! source's `crate::`/`super::` paths, leaving out unit tests.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path (`ui::pool::page`) -> its source without its unit tests.
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src is readable") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
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

#[test]
fn layers_only_import_downwards() {
    for (from, to) in imports() {
        for target in to {
            let up = (from.starts_with("model") && !target.starts_with("model"))
                || (from.starts_with("snapshot") && target.starts_with("ui"));
            assert!(!up, "{from} imports {target}, a layer above it");
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
