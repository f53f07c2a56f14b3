//! `comicterm check` as a process: exit codes, the summary line, and the error report.

use std::path::PathBuf;
use std::process::{Command, Output};

fn check(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_comicterm"))
        .arg("check")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

use crate::support::story::fixture;

#[test]
fn a_good_story_exits_0_with_a_summary() {
    let out = check(&[&fixture("valid/tiny")]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout,
        "ok: 1 page, 2 panels, 1 note (1 established), languages en, zh-Hans\n"
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn the_built_in_story_passes() {
    let out = check(&[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("ok: 4 pages, 16 panels, "), "{stdout}");
    for status in ["established", "single-source", "disputed", "unverified"] {
        assert!(
            stdout.contains(&format!(" {status}")),
            "notes counted by status: {stdout}"
        );
    }
}

#[test]
fn a_bad_story_exits_1_with_every_error_located() {
    let out = check(&[&fixture("invalid/unknown-panel")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("error[unknown-panel]: no panel file has the id `byee`"),
        "{stderr}"
    );
    assert!(stderr.contains("panels/story.toml:33:9"), "{stderr}");
    assert!(
        stderr.contains("panel = \"byee\""),
        "the offending line is quoted: {stderr}"
    );
    assert!(
        stderr.contains("^^^^^^"),
        "a caret marks the span: {stderr}"
    );
    assert!(stderr.contains("error[unplaced-panel]"), "{stderr}");
    assert!(stderr.contains("panels/02-bye.toml:1:6"), "{stderr}");
    assert!(
        stderr.trim_end().ends_with("2 errors in 2 files"),
        "{stderr}"
    );
}

#[test]
fn errors_never_carry_control_sequences_from_the_story() {
    let out = check(&[&fixture("invalid/control-chars")]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    assert!(!stderr.contains('\u{7}'));
    assert!(stderr.contains("U+001B (escape)"), "{stderr}");
}

#[test]
fn joined_emoji_and_shaped_words_check_ok() {
    let out = check(&[&fixture("valid/graphemes")]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout,
        "ok: 1 page, 2 panels, 1 note (1 established), languages en, fa\n"
    );
}

#[test]
fn a_stray_joiner_and_a_bidi_override_are_located() {
    let out = check(&[&fixture("invalid/stray-joiner")]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    // The stray ZWJ after a (kept) family: its own column, not the family's first joiner.
    assert!(
        stderr.contains("U+200D (zero-width joiner, not between two letters or emoji)"),
        "{stderr}"
    );
    assert!(stderr.contains("panels/01-hello.toml:8:27"), "{stderr}");
    assert!(stderr.contains("U+202E (bidi control)"), "{stderr}");
    assert!(stderr.contains("panels/02-bye.toml:6:20"), "{stderr}");
    assert!(!stderr.contains('\u{202e}'), "{stderr:?}");
    assert!(
        stderr.contains("Hel\u{fffd}lo"),
        "the stray joiner is shown: {stderr}"
    );
    assert!(
        stderr.trim_end().ends_with("2 errors in 2 files"),
        "{stderr}"
    );
}

#[test]
fn a_missing_folder_is_one_line_and_exit_2() {
    let out = check(&["/nonexistent/story"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        "comicterm: no such file or folder: /nonexistent/story\n"
    );
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_comicterm"));
    let home = std::env::temp_dir().join("comicterm-test-home");
    c.env("HOME", &home)
        .env("XDG_CONFIG_HOME", &home)
        .env("XDG_STATE_HOME", &home);
    c
}

#[test]
fn the_viewer_on_a_pipe_says_so_and_writes_no_escape_sequence() {
    let out = bin().stdin(std::process::Stdio::null()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        out.stdout.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("not a terminal") && stderr.contains("export"),
        "{stderr}"
    );
    assert!(!stderr.contains('\x1b'));
}

#[test]
fn write_errors_exit_1_without_panicking() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    for args in [&["check"][..], &["export"], &["render"], &["doctor"]] {
        let out = bin()
            .args(args)
            .env("TERM", "dumb")
            .stdout(full.try_clone().unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(stderr.contains("No space left"), "{args:?}: {stderr}");
    }
}

#[test]
fn doctor_explains_its_choice_without_a_terminal() {
    let out = bin()
        .arg("doctor")
        .env("TERM", "dumb")
        .env_remove("TMUX")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("pictures:        half-blocks"), "{text}");
    assert!(text.contains("because:         TERM is dumb"), "{text}");
    assert!(!text.contains('\x1b'));
}

/// `(kind, message, location)` of every diagnostic in a plain-text report, in order.
fn text_diagnostics(stderr: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut lines = stderr.lines();
    while let Some(line) = lines.next() {
        let Some(rest) = line.strip_prefix("error[") else {
            continue;
        };
        let (kind, message) = rest.split_once("]: ").expect("error[kind]: message");
        let location = lines
            .next()
            .and_then(|l| l.trim_start().strip_prefix("--> "))
            .expect("the location follows the title");
        out.push((kind.into(), message.into(), location.into()));
    }
    out
}

fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn json_reports_every_diagnostic_of_the_text_report_at_the_same_place() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut stories: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    stories.sort();
    assert!(stories.len() > 40, "the broken-story corpus is there");
    let shown = |s: &str| comicterm::diag::visible(s).replace('\n', "\u{240a}");
    for story in stories {
        let path = story.display().to_string();
        let text = check(&[&path]);
        let json = check(&["--format", "json", &path]);
        assert_eq!(json.status.code(), text.status.code(), "{path}: exit codes");
        assert_eq!(json.status.code(), Some(1), "{path}");
        assert!(json.stderr.is_empty(), "{path}: {:?}", json.stderr);
        let stderr = String::from_utf8(text.stderr).unwrap();
        let expected = text_diagnostics(&stderr);
        assert!(!expected.is_empty(), "{path}: {stderr}");
        let records = json_lines(&json.stdout);
        let (summary, records) = records.split_last().unwrap();
        let mut found = Vec::new();
        for r in records.iter().filter(|r| r["type"] == "diagnostic") {
            for field in [
                "version",
                "severity",
                "kind",
                "message",
                "file",
                "line",
                "column",
                "end_line",
                "end_column",
                "hint",
            ] {
                assert!(r.get(field).is_some(), "{path}: no `{field}` in {r}");
            }
            assert_eq!(r["version"], 1);
            assert_eq!(r["severity"], "error");
            let end = (
                r["end_line"].as_u64().unwrap(),
                r["end_column"].as_u64().unwrap(),
            );
            let start = (r["line"].as_u64().unwrap(), r["column"].as_u64().unwrap());
            assert!(end >= start, "{path}: {r}");
            let message = shown(r["message"].as_str().unwrap()).replace('\n', " ");
            let location = format!(
                "{}:{}:{}",
                shown(r["file"].as_str().unwrap()),
                start.0,
                start.1
            );
            found.push((r["kind"].as_str().unwrap().to_string(), message, location));
        }
        assert_eq!(found, expected, "{path}");
        assert_eq!(summary["type"], "summary", "{path}");
        assert_eq!(summary["ok"], false);
        let closing = format!("{} error", summary["errors"].as_u64().unwrap());
        assert!(
            stderr
                .trim_end()
                .lines()
                .last()
                .unwrap()
                .starts_with(&closing),
            "{path}: {stderr}"
        );
    }
}

#[test]
fn json_for_a_good_story_is_one_summary_line() {
    let out = check(&["--format", "json", &fixture("valid/tiny")]);
    assert_eq!(out.status.code(), Some(0));
    let records = json_lines(&out.stdout);
    assert_eq!(records.len(), 1, "{records:?}");
    let s = &records[0];
    assert_eq!(
        (&s["type"], &s["ok"], &s["errors"]),
        (&"summary".into(), &true.into(), &0.into())
    );
    assert_eq!(s["story"]["panels"], 2);
    assert_eq!(
        s["story"]["languages"],
        serde_json::json!(["en", "zh-Hans"])
    );
}

#[test]
fn json_escapes_the_control_characters_of_a_hostile_story() {
    let out = check(&["--format", "json", &fixture("invalid/control-chars")]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
    assert!(!text.contains('\u{202e}'));
    assert!(json_lines(&out.stdout).len() > 1);
}
