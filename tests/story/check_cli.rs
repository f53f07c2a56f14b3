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

fn fixture(dir: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
        .display()
        .to_string()
}

#[test]
fn a_good_story_exits_0_with_a_summary() {
    let out = check(&[&fixture("valid/tiny")]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout,
        "ok: 1 pages, 2 panels, 1 notes (1 established), languages en, zh-Hans\n"
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
        "ok: 1 pages, 2 panels, 1 notes (1 established), languages en, fa\n"
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
fn a_missing_folder_is_a_clear_error() {
    let out = check(&["/nonexistent/story"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("cannot open the story folder"), "{stderr}");
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
