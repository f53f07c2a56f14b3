//! The module structure runs one way (issue 11): no cycle between the crate's top-level
//! modules, nor between the files of one module. `cargo test --test viewer structure::` checks it by
//! reading the sources: every `crate::a::b` path and `super::x` in non-test code is an edge.
//! Test-only code (`tests.rs`, `testing.rs`, `*_tests.rs`, and everything after a
//! `#[cfg(test)]` line) is left out: tests may use any layer.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn is_test_file(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name == "tests.rs"
        || name == "testing.rs"
        || name.ends_with("_tests.rs")
        || rel.contains("/tests/")
}

/// The file's source before its first `#[cfg(test)]`, without comment lines (a doc link to
/// another module is not a dependency).
fn non_test_source(text: &str) -> String {
    let code = text.find("#[cfg(test)]").map_or(text, |i| &text[..i]);
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Module path of a file: `src/art/store.rs` → `art::store`, `src/art/mod.rs` → `art`.
fn module_of(rel: &str) -> Vec<String> {
    let rel = rel.trim_end_matches(".rs");
    let mut parts: Vec<String> = rel.split('/').map(String::from).collect();
    if parts
        .last()
        .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
    {
        parts.pop();
    }
    parts
}

/// Paths named in `text`: `crate::a::b` as ["a", "b"], `super::x` resolved against `module`.
fn references(text: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let ident = |s: &str| -> Vec<String> {
        s.split("::")
            .map(|p| {
                p.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect::<String>()
            })
            .take_while(|p: &String| {
                !p.is_empty() && p.chars().next().is_some_and(|c| c.is_lowercase())
            })
            .collect()
    };
    for (i, _) in text.match_indices("crate::") {
        out.push(ident(&text[i + "crate::".len()..]));
    }
    for (i, _) in text.match_indices("super::") {
        // `super::super::x` is rare here; one level is resolved.
        if text[..i].ends_with("super::") {
            continue;
        }
        let mut path: Vec<String> = module[..module.len().saturating_sub(1)].to_vec();
        path.extend(ident(&text[i + "super::".len()..]));
        out.push(path);
    }
    out
}

fn graphs() -> (Graph, BTreeMap<String, Graph>) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut top = Graph::new();
    let mut inner: BTreeMap<String, Graph> = BTreeMap::new();
    for file in files {
        let rel = file
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if is_test_file(&rel) || rel == "main.rs" || rel == "lib.rs" {
            continue;
        }
        let module = module_of(&rel);
        let text = std::fs::read_to_string(&file).unwrap();
        for target in references(&non_test_source(&text), &module) {
            let (Some(from), Some(to)) = (module.first(), target.first()) else {
                continue;
            };
            if from != to {
                top.entry(from.clone()).or_default().insert(to.clone());
            } else if let (Some(a), Some(b)) = (module.get(1), target.get(1))
                && a != b
            {
                let g = inner.entry(from.clone()).or_default();
                g.entry(a.clone()).or_default().insert(b.clone());
            }
        }
    }
    (top, inner)
}

/// A cycle in `g`, if any, as the nodes along it.
fn cycle(g: &Graph) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        g: &Graph,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|s| s == n) {
            let mut c = stack[i..].to_vec();
            c.push(n.to_string());
            return Some(c);
        }
        if done.contains(n) {
            return None;
        }
        stack.push(n.to_string());
        for next in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(next, g, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    g.keys()
        .find_map(|n| visit(n, g, &mut Vec::new(), &mut done))
}

#[test]
fn top_level_modules_depend_one_way() {
    let (top, _) = graphs();
    for (from, to) in &top {
        println!(
            "{from} -> {}",
            to.iter().cloned().collect::<Vec<_>>().join(", ")
        );
    }
    assert!(top.contains_key("ui"), "the scan found the crate's modules");
    assert_eq!(cycle(&top), None, "a cycle between top-level modules");
    // The reader state knows nothing of drawing or of the terminal library.
    let app = top.get("app").cloned().unwrap_or_default();
    assert!(
        !app.contains("ui") && !app.contains("term"),
        "app depends on {app:?}"
    );
}

#[test]
fn files_of_a_module_depend_one_way() {
    let (_, inner) = graphs();
    for (module, g) in &inner {
        assert_eq!(cycle(g), None, "a cycle between the files of {module}/");
    }
}

#[test]
fn the_app_does_not_use_the_terminal_library() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let mut files = Vec::new();
    rust_files(&dir, &mut files);
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(
            !text.contains("crossterm"),
            "{} uses crossterm",
            f.display()
        );
    }
}

/// The scanner itself finds a cycle where there is one.
#[test]
fn a_cycle_is_found() {
    let mut g = Graph::new();
    g.entry("a".into()).or_default().insert("b".into());
    g.entry("b".into()).or_default().insert("c".into());
    assert_eq!(cycle(&g), None);
    g.entry("c".into()).or_default().insert("a".into());
    assert_eq!(cycle(&g).map(|c| c.len()), Some(4));
}
