//! End-to-end in tmux, for hostile input and rough terminals: the hostile story in the live
//! viewer (nothing escapes: pane title and clipboard untouched, captured cells clean), a
//! panicking art worker (the viewer keeps running in raw mode on the alternate screen), Ctrl-Z
//! (cooked mode while stopped, raw again after `fg`), and a storm of 300 resizes after which
//! the frame equals `comicterm render` at the final size.
//!
//! Quit, a UI-thread panic and SIGTERM/SIGHUP/SIGINT are covered in `tmux.rs`.
//! Without tmux the tests print a skip notice, unless `CI` is set: then they fail.

use crate::support::hostile as hostile_support;
use crate::support::tmux as tmux_harness;

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use tmux_harness::{BIN, TIMEOUT, Tmux, status_line, trimmed};

/// Starts a shell command line (not just the viewer) in tmux.
fn start_sh(name: &str, cmd: &str, w: u16, h: u16) -> Option<Tmux> {
    Tmux::start_cmd(name, &["sh", "-c", cmd], w, h)
}

#[test]
fn hostile_story_in_the_live_viewer_lets_nothing_escape() {
    let dir = tempfile::tempdir().unwrap();
    let h = hostile_support::write_story(dir.path());
    let cmd = format!(
        "sleep 1; '{BIN}' '{}'; echo EXIT=$?; sleep 30",
        dir.path().display()
    );
    let Some(t) = start_sh("live", &cmd, 120, 40) else {
        return;
    };
    // OSC 52 would become a tmux paste buffer with this on; OSC 0/2 would retitle the pane.
    t.tmux(&["set-option", "-g", "set-clipboard", "on"]);
    let title = t.format("#{pane_title}");
    let pages = h.pages;
    let mut captures = 0;
    let check = |t: &Tmux, what: &str| {
        let screen = t.tmux(&["capture-pane", "-p", "-e"]);
        hostile_support::assert_clean(what, &screen, true);
    };
    for page in 1..=pages {
        let status = format!("Page {page}/{pages}");
        t.wait(&status, |s| status_line(s).contains(&status));
        check(&t, &format!("page {page}"));
        t.keys(&["c"]);
        t.wait_for("Commentary");
        check(&t, &format!("page {page} commentary"));
        t.keys(&["c", "Tab"]);
        t.wait_for("panel view");
        check(&t, &format!("page {page} panel view"));
        t.keys(&["Tab"]);
        t.wait(&status, |s| !s.contains("panel view"));
        captures += 3;
        if page == 1 {
            t.keys(&["?"]);
            t.wait_for("Help");
            check(&t, "help");
            t.keys(&["Escape"]);
            captures += 1;
        }
        t.keys(&["PageDown"]);
    }
    assert_eq!(captures, pages * 3 + 1);
    assert_eq!(
        t.format("#{pane_title}"),
        title,
        "the pane title is unchanged"
    );
    assert_eq!(
        t.tmux(&["list-buffers"]).trim(),
        "",
        "no clipboard write reached tmux"
    );
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_cooked("after quit");
    assert_eq!(t.format("#{pane_title}"), title);
}

/// `--panic-in-decoder`: the first art job panics. With stderr on the terminal, the viewer
/// keeps running in raw mode on the alternate screen, asks for the art again and draws it,
/// turns pages, never draws the panic message over the frame, and prints it on the main
/// screen after quitting.
#[test]
fn a_panicking_art_worker_leaves_the_viewer_running() {
    let cmd = format!("'{BIN}' --lang en --panic-in-decoder; echo EXIT=$?; sleep 30");
    let Some(t) = start_sh("worker", &cmd, 120, 40) else {
        return;
    };
    t.wait_for("Page 1/4");
    // The first art job panicked; the panel showed its placeholder, then art is asked again.
    let s = t.wait("art drawn in every panel after the worker panic", |s| {
        !s.contains("preparing art") && s.contains('▀')
    });
    assert!(
        !s.contains("panicked"),
        "nothing drawn over the frame:\n{s}"
    );
    t.assert_raw("after a worker panic");
    t.keys(&["PageDown"]);
    let s = t.wait_for("Page 2/4");
    assert!(
        !s.contains("panicked"),
        "nothing drawn over the frame:\n{s}"
    );
    t.assert_raw("still running");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_cooked("after quit");
    t.wait_for("test-only panic in an art worker");
}

/// Ctrl-Z from an interactive shell: the viewer stops with the terminal cooked, on the main
/// screen, cursor shown; after a resize, `fg` makes it raw again, redrawn at the new size.
#[test]
fn ctrl_z_gives_a_cooked_terminal_and_fg_takes_it_back() {
    // No line editing: readline would switch the tty to its own raw mode at the prompt.
    let cmd = "exec env PS1='$ ' bash --norc --noprofile --noediting -i";
    let Some(t) = start_sh("tstp", cmd, 120, 40) else {
        return;
    };
    t.keys(&["-l", &format!("'{BIN}' --lang en")]);
    t.keys(&["Enter"]);
    t.wait_for("Page 1/4");
    t.assert_raw("running");
    let pid = t.viewer_pid();
    t.keys(&["C-z"]);
    t.wait_for("Stopped");
    t.assert_cooked("while stopped");
    let ps = Command::new("ps")
        .args(["-o", "stat=", "-p", &pid])
        .output()
        .unwrap();
    let stat = String::from_utf8_lossy(&ps.stdout);
    assert!(stat.contains('T'), "viewer {pid} state {stat:?}");
    t.tmux(&["resize-window", "-x", "90", "-y", "28"]);
    t.keys(&["fg", "Enter"]);
    t.wait("redrawn at 90x28", |s| {
        status_line(s).contains("Page 1/4")
            && s.lines()
                .any(|l| l.starts_with('└') && l.chars().count() == 90)
    });
    t.assert_raw("after fg");
    t.keys(&["q"]);
    t.wait("the main screen", |_| t.format("#{alternate_on}") == "0");
    t.keys(&["-l", "echo EXIT=$?"]);
    t.keys(&["Enter"]);
    t.wait_for("EXIT=0");
    t.assert_cooked("after quit");
}

/// Without art, so that the final frame can equal `render`'s exactly;
/// `tmux::resize_storm_then_a_clean_frame` storms with the art on.
#[test]
fn a_resize_storm_ends_in_the_same_frame_as_render() {
    let cmd = format!("'{BIN}' --lang en --graphics none 2>&1; echo EXIT=$?; sleep 30");
    let Some(t) = start_sh("storm", &cmd, 120, 40) else {
        return;
    };
    t.wait_for("Page 1/4");
    let pid = t.viewer_pid();
    // 300 sizes from 1x1 to 250x80, from a fixed-seed generator, sent as fast as tmux takes
    // them (in batches: one tmux command line holds many `resize-window`s).
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let mut sizes: Vec<(u64, u64)> = (0..298).map(|_| (next(250) + 1, next(80) + 1)).collect();
    sizes.insert(0, (1, 1));
    sizes.push((250, 80));
    let start = Instant::now();
    for batch in sizes.chunks(20) {
        let mut args: Vec<String> = Vec::new();
        for (w, h) in batch {
            if !args.is_empty() {
                args.push(";".into());
            }
            args.extend(
                ["resize-window", "-x", &w.to_string(), "-y", &h.to_string()].map(String::from),
            );
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        t.tmux(&args);
    }
    let storm = start.elapsed();
    assert_eq!(sizes.len(), 300);
    let (w, h) = (97, 31);
    t.tmux(&["resize-window", "-x", &w.to_string(), "-y", &h.to_string()]);

    let out = Command::new(BIN)
        .args([
            "render",
            "--lang",
            "en",
            "--graphics",
            "none",
            "--format",
            "text",
        ])
        .args(["--size", &format!("{w}x{h}")])
        .output()
        .unwrap();
    assert!(out.status.success());
    let expected = trimmed(&String::from_utf8(out.stdout).unwrap());
    let last = t.wait_frame(&expected);
    assert_eq!(
        last, expected,
        "final frame after a {storm:?} storm of 300 resizes"
    );
    // Alive and unharmed.
    assert_eq!(t.viewer_pid(), pid);
    assert!(!t.screen().contains("panicked"));
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_cooked("after the storm");
}

/// Lines without trailing spaces, without trailing empty lines.

#[test]
fn an_external_sigtstp_gives_the_terminal_back_before_stopping() {
    let cmd = format!("'{BIN}' --lang en; echo EXIT=$?; sleep 30");
    let Some(t) = start_sh("ext-tstp", &cmd, 100, 30) else {
        return;
    };
    t.wait_for("Page 1/4");
    let pid = t.viewer_pid();
    let kill = |sig: &str| {
        let ok = Command::new("kill").args([sig, &pid]).status().unwrap();
        assert!(ok.success());
    };
    kill("-TSTP");
    let start = Instant::now();
    let stopped = || {
        let ps = Command::new("ps")
            .args(["-o", "stat=", "-p", &pid])
            .output()
            .unwrap();
        String::from_utf8_lossy(&ps.stdout).contains('T')
    };
    while !stopped() {
        assert!(start.elapsed() < TIMEOUT, "the viewer stops");
        sleep(Duration::from_millis(25));
    }
    t.assert_cooked("stopped by kill -TSTP");
    t.tmux(&["resize-window", "-x", "90", "-y", "28"]);
    kill("-CONT");
    t.wait("redrawn at 90x28", |s| {
        status_line(s).contains("Page 1/4")
            && s.lines()
                .any(|l| l.starts_with('└') && l.chars().count() == 90)
    });
    t.assert_raw("continued");
    t.keys(&["q"]);
    t.assert_exited_restored(0);
}

/// A paste holding `q` and a shell command, into the viewer started from an interactive
/// shell: the paste is one bracketed-paste event that the viewer ignores (it does not quit),
/// and after a real `q` nothing of the paste or of keys typed ahead reaches the shell.
#[test]
fn pasted_and_typed_ahead_text_never_reaches_the_shell() {
    let dir = tempfile::tempdir().unwrap();
    let marker = dir.path().join("pwned");
    let Some(t) = Tmux::start_cmd("paste", &["sh", "-i"], 100, 30) else {
        return;
    };
    t.keys(&["-l", &format!("HOME='{}' '{BIN}'", dir.path().display())]);
    t.keys(&["Enter"]);
    t.wait("page 1", |s| status_line(s).contains("Page 1/"));
    let command = format!("echo pwned > '{}'", marker.display());

    // tmux pastes with bracketed-paste markers when the application asked for them.
    t.tmux(&["set-buffer", "--", &format!("q\n{command}\n")]);
    t.tmux(&["paste-buffer", "-p"]);
    sleep(Duration::from_millis(700));
    assert!(
        status_line(&t.screen()).contains("Page 1/"),
        "a paste quit the viewer:\n{}",
        t.screen()
    );
    assert!(!marker.exists(), "the paste ran in the shell");

    // Keys typed ahead of the viewer: `q` and a command line in one burst (one write to the
    // terminal). What the viewer has not read when it quits is discarded on restore.
    t.keys(&["q", &command, "Enter"]);
    t.wait("the shell", |s| !status_line(s).contains("Page 1/"));
    t.keys(&["-l", "echo SHELL-$((6*7))"]);
    t.keys(&["Enter"]);
    t.wait_for("SHELL-42");
    sleep(Duration::from_millis(300));
    assert!(
        !marker.exists(),
        "typed-ahead input ran in the shell:\n{}",
        t.screen()
    );
}
