//! Command-line errors (issue 13): a path that cannot be a story is one short line on stderr
//! and exit code 2, for the viewer and every command taking a PATH; an unknown `--lang`
//! names the languages the story has.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str]) -> Output {
    let home = std::env::temp_dir().join("comicterm-test-home");
    Command::new(env!("CARGO_BIN_EXE_comicterm"))
        .args(args)
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", &home)
        .env("XDG_STATE_HOME", &home)
        .env("NO_COLOR", "1")
        .env("TERM", "dumb")
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

/// The viewer (no subcommand) and every command that takes a PATH, with `path` appended.
fn every_command(path: &str) -> Vec<Vec<String>> {
    [&[][..], &["check"], &["render"], &["export"]]
        .iter()
        .map(|pre| {
            let mut v: Vec<String> = pre.iter().map(|s| s.to_string()).collect();
            v.push(path.to_string());
            v
        })
        .collect()
}

fn assert_one_line(out: &Output, expected: &str, args: &[String]) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert_eq!(stderr, format!("{expected}\n"), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}");
}

use crate::support::story::fixture;

#[test]
fn a_missing_path_is_one_line_and_exit_2() {
    for args in every_command("/nonexistent") {
        let args_ref: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(&args_ref);
        assert_one_line(
            &out,
            "comicterm: no such file or folder: /nonexistent",
            &args,
        );
    }
}

#[test]
fn a_folder_or_file_that_is_not_a_story_is_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "hello").unwrap();
    for path in [dir.path(), text.as_path()] {
        let shown = path.display().to_string();
        for args in every_command(&shown) {
            let args_ref: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = run(&args_ref);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
            assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
            assert!(
                stderr.starts_with(&format!("comicterm: not a story: {shown} (")),
                "{stderr}"
            );
            assert!(stderr.contains("comicterm new DIR"), "{stderr}");
        }
    }
}

#[test]
fn an_unreadable_folder_says_permission_denied() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        eprintln!("skipped: root reads every folder");
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let shown = locked.display().to_string();
    let out = run(&["check", &shown]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o700)).unwrap();
    assert_one_line(
        &out,
        &format!("comicterm: permission denied: {shown}"),
        &["check".into(), shown.clone()],
    );
}

#[test]
fn a_path_with_control_characters_is_shown_safely() {
    let out = run(&["check", "/nonexistent/\u{1b}]0;owned\u{7}\nx"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr:?}");
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
}

#[test]
fn a_broken_story_still_gets_its_located_diagnostics() {
    let out = run(&["check", &fixture("invalid/no-story-file")]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("panels/story.toml"), "{stderr}");
}

#[test]
fn an_unknown_language_names_the_story_languages_in_every_command() {
    let tiny = fixture("valid/tiny");
    let cases: [&[&str]; 3] = [
        &["render", "--lang", "xx", &tiny],
        &["export", "--lang", "xx", &tiny],
        &["check", "--lang", "xx", &tiny],
    ];
    for args in cases {
        let out = run(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("`xx`") && stderr.contains("en, zh-Hans"),
            "{args:?}: {stderr}"
        );
    }
    assert!(Path::new(&tiny).join("panels/story.toml").exists());
}
