//! The packaged crate (`cargo package`, what `cargo install comicterm` builds) holds what
//! the build needs: the code, build.rs and the built-in story it compiles in; and not the
//! tests, fixtures, benches, fuzzing or art sources (issue 13). Offline and fast: it only
//! lists the files.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn packaged() -> BTreeSet<String> {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(env!("CARGO"))
        .args([
            "package",
            "--list",
            "--allow-dirty",
            "--offline",
            "-p",
            "comicterm",
        ])
        .current_dir(root)
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// `dir/*.ext` in the repository, as package paths.
fn files(dir: &str, exts: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| exts.iter().any(|x| n.ends_with(x)))
        .map(|n| format!("{dir}/{n}"))
        .collect();
    names.sort();
    names
}

#[test]
fn the_package_has_the_built_in_story_and_what_the_build_needs() {
    let list = packaged();
    let mut needed = vec![
        "Cargo.toml".to_string(),
        "Cargo.lock".into(),
        "build.rs".into(),
        "src/main.rs".into(),
        "src/lib.rs".into(),
        "README.md".into(),
        "LICENSE".into(),
        "docs/format.md".into(),
    ];
    let story = files("panels", &[".toml"]);
    let art = files("assets", &[".png", ".jpg", ".jpeg"]);
    assert!(story.contains(&"panels/story.toml".to_string()) && story.len() > 10);
    assert!(art.len() >= 16, "{art:?}");
    needed.extend(story);
    needed.extend(art);
    for file in &needed {
        assert!(list.contains(file), "`{file}` is not packaged: {list:?}");
    }
    // Every module of the crate (build.rs compiles in nothing else from outside src/).
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().map(Result::unwrap) {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                let rel = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap();
                let rel = rel.to_str().unwrap().to_string();
                assert!(list.contains(&rel), "`{rel}` is not packaged");
            }
        }
    }
}

#[test]
fn the_package_leaves_out_tests_benches_fuzzing_and_sources() {
    for file in packaged() {
        for left_out in [
            "tests/",
            "fuzz/",
            "benches/",
            "bench/",
            "tools/",
            "assets/src/",
            ".ci/",
        ] {
            assert!(!file.starts_with(left_out), "`{file}` is packaged");
        }
    }
}
