//! Shell integration (issue 13): the completion scripts parse in their shells, and the
//! manual page renders with `man`. A shell or `man` that is not installed is reported and
//! skipped (CI installs them: .ci/run).

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn comicterm(args: &[&str]) -> Output {
    let home = std::env::temp_dir().join("comicterm-test-home");
    let out = Command::new(env!("CARGO_BIN_EXE_comicterm"))
        .args(args)
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", &home)
        .env("XDG_STATE_HOME", &home)
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
    out
}

fn installed(tool: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("skipped: `{tool}` is not installed");
    }
    found
}

/// Runs `cmd` with `input` on stdin; its exit status and stderr.
fn feed(cmd: &mut Command, input: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the tool runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn script(shell: &str) -> Vec<u8> {
    let out = comicterm(&["completions", shell]);
    let text = String::from_utf8(out.stdout).unwrap();
    // The script completes the subcommands and options, not only the name.
    for word in ["check", "render", "export", "new", "completions"] {
        assert!(text.contains(word), "{shell}: no `{word}`");
    }
    for option in ["lang", "format", "force"] {
        // `--lang` in bash and zsh, `-l lang` in fish.
        let found = text.contains(&format!("--{option}")) || text.contains(&format!("-l {option}"));
        assert!(found, "{shell}: no `--{option}`");
    }
    assert!(
        !text.contains("panic-in-decoder"),
        "{shell}: a test-only option is offered"
    );
    assert!(
        !text.contains("generate"),
        "{shell}: a hidden command is offered"
    );
    text.into_bytes()
}

#[test]
fn bash_accepts_the_bash_completions() {
    let script = script("bash");
    if !installed("bash") {
        return;
    }
    let out = feed(Command::new("bash").arg("-n"), &script);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Sourcing it registers the completion function.
    let mut input = script.clone();
    input.extend_from_slice(b"\ncomplete -p comicterm\n");
    let out = feed(&mut Command::new("bash"), &input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("comicterm"));
}

#[test]
fn zsh_accepts_the_zsh_completions() {
    let script = script("zsh");
    assert!(script.starts_with(b"#compdef comicterm"));
    if !installed("zsh") {
        return;
    }
    let out = feed(Command::new("zsh").arg("-n"), &script);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn fish_accepts_the_fish_completions() {
    let script = script("fish");
    if !installed("fish") {
        return;
    }
    let out = feed(Command::new("fish").arg("--no-execute"), &script);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_unknown_shell_is_refused_with_the_known_ones() {
    let out = Command::new(env!("CARGO_BIN_EXE_comicterm"))
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bash") && stderr.contains("fish"),
        "{stderr}"
    );
}

#[test]
fn the_man_page_renders() {
    let page = comicterm(&["man"]).stdout;
    let roff = String::from_utf8(page.clone()).unwrap();
    assert!(roff.contains(".TH comicterm 1"), "{roff}");
    if !installed("man") || !installed("groff") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("comicterm.1");
    std::fs::write(&file, &page).unwrap();
    let out = Command::new("man")
        .arg("-l")
        .arg(&file)
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("MANWIDTH", "80")
        .env("HOME", dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    let text = String::from_utf8_lossy(&out.stdout);
    for word in ["NAME", "SYNOPSIS", "comicterm", "check", "--lang"] {
        assert!(text.contains(word), "no `{word}` in:\n{text}");
    }
}
