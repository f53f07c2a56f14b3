//! Checks that the modules of `art/` depend on each other one way: reads every `super::` and
//! `crate::art::` path in the sources (test modules left out) and looks for a cycle.
//! Run: `cargo test --lib art::deps`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Graph = BTreeMap<String, BTreeSet<String>>;

/// Which sibling modules each module of `src/art` names.
fn art_graph() -> Graph {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/art");
    let mut files = Vec::new();
    collect(&dir, true, &mut files);
    let modules: BTreeSet<String> = files.iter().map(|(m, _, _)| m.clone()).collect();
    let mut graph = Graph::new();
    for (module, depth, text) in &files {
        // Code only: test modules and comments (doc links are not imports) left out.
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
        let text: String = code
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .map(|l| format!("{l}\n"))
            .collect();
        let deps = graph.entry(module.clone()).or_default();
        let parent = "super::".repeat(*depth);
        for name in names_after(&text, &parent).chain(names_after(&text, "crate::art::")) {
            assert!(
                modules.contains(&name),
                "{module} reaches `{name}` through art/mod.rs: name the module that defines it"
            );
            if name != *module {
                deps.insert(name);
            }
        }
    }
    graph
}

/// (module, how many `super::` reach `art`, source) for every file; `x/y.rs` and `x/mod.rs`
/// belong to `x`.
fn collect(dir: &Path, top: bool, out: &mut Vec<(String, usize, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let path = e.path();
        if path.is_dir() {
            let mut inner = Vec::new();
            collect(&path, false, &mut inner);
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            out.extend(inner.into_iter().map(|(_, d, t)| (name.clone(), d + 1, t)));
        } else if path.extension().is_some_and(|x| x == "rs") {
            let stem = path.file_stem().unwrap().to_string_lossy().to_string();
            let text = || std::fs::read_to_string(&path).unwrap();
            // `art/mod.rs` is the face (it names every module); a folder's `mod.rs` is that
            // module, one `super::` from art. This checker is no module of art.
            match stem.as_str() {
                "tests" | "deps" => {}
                "mod" if top => {}
                "mod" => out.push((stem, 0, text())),
                _ => out.push((stem, 1, text())),
            }
        }
    }
}

/// The first name of each path after `prefix` (`prefix{a::X, b}` gives `a` and `b`).
fn names_after<'a>(text: &'a str, prefix: &'a str) -> impl Iterator<Item = String> + 'a {
    text.match_indices(prefix).flat_map(move |(i, _)| {
        let before = text[..i].chars().next_back();
        let rest = &text[i + prefix.len()..];
        let ident = |s: &str| -> String {
            s.trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        };
        // `super::super::x` read as `super::` is a longer path, not this one.
        if before.is_some_and(|c| c == ':' || c.is_alphanumeric()) || rest.starts_with("super") {
            return Vec::new();
        }
        match rest.strip_prefix('{') {
            Some(group) => split_top(group).into_iter().map(&ident).collect(),
            None => vec![ident(rest)],
        }
        .into_iter()
        .filter(|n| !n.is_empty() && n != "self")
        .collect::<Vec<_>>()
    })
}

/// The comma-separated parts of a `{...}` group up to its closing brace.
fn split_top(group: &str) -> Vec<&str> {
    let (mut depth, mut start, mut parts) = (0, 0, Vec::new());
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                parts.push(&group[start..i]);
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts
}

/// A cycle in the graph, as the path that closes it.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(n: &str, g: &Graph, path: &mut Vec<String>, done: &mut BTreeSet<String>) -> bool {
        if let Some(i) = path.iter().position(|p| p == n) {
            path.drain(..i);
            path.push(n.to_string());
            return true;
        }
        if done.contains(n) {
            return false;
        }
        path.push(n.to_string());
        for d in g.get(n).into_iter().flatten() {
            if visit(d, g, path, done) {
                return true;
            }
        }
        path.pop();
        done.insert(n.to_string());
        false
    }
    let mut done = BTreeSet::new();
    for n in graph.keys() {
        let mut path = Vec::new();
        if visit(n, graph, &mut path, &mut done) {
            return Some(path);
        }
    }
    None
}

#[test]
fn art_modules_depend_one_way() {
    let graph = art_graph();
    let edges: usize = graph.values().map(BTreeSet::len).sum();
    assert!(
        graph.len() >= 20 && edges >= 30,
        "the sources were read: {graph:?}"
    );
    assert!(graph["store"].contains("decode") && graph["job"].contains("store"));
    // A folder module's `mod.rs` counts: `jpeg/mod.rs` takes its budget permit.
    assert!(graph["jpeg"].contains("budget"), "{:?}", graph["jpeg"]);
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle in src/art: {}", cycle.join(" -> "));
    }
}

#[test]
fn the_checker_finds_cycles_and_grouped_imports() {
    let text = "use super::{a::X, b::{Y, Z}};\nuse super::c;\nx = crate::art::d::f();";
    let names: Vec<_> = names_after(text, "super::")
        .chain(names_after(text, "crate::art::"))
        .collect();
    assert_eq!(names, ["a", "b", "c", "d"]);
    let deep: Vec<_> = names_after("use super::super::e::F;", "super::super::").collect();
    assert_eq!(deep, ["e"]);
    let mut g = Graph::new();
    for (a, b) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")] {
        g.entry(a.into()).or_default().insert(b.into());
    }
    assert_eq!(find_cycle(&g).unwrap(), ["a", "b", "c", "a"]);
    g.get_mut("c").unwrap().remove("a");
    assert_eq!(find_cycle(&g), None);
}
