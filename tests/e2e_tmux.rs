//! End-to-end: the real binary in tmux (isolated server), driven by keys, signals and a
//! forced panic; the terminal must always be given back.
//!
//! Without tmux the tests print a skip notice, unless `CI` is set: then they fail.

use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_comicterm");
const TIMEOUT: Duration = Duration::from_secs(15);

/// One isolated tmux server running one command; killed on drop, even after a failure.
struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts `comicterm ARGS` in a `w`×`h` window, or `None` when tmux is missing (not on CI).
    fn start(name: &str, args: &str, w: u16, h: u16) -> Option<Self> {
        let script = format!("'{BIN}' {args}; echo EXIT=$?; sleep 30");
        Self::start_cmd(name, &["sh", "-c", &script], w, h)
    }

    /// Starts `cmd` in a `w`×`h` window on a fresh server.
    fn start_cmd(name: &str, cmd: &[&str], w: u16, h: u16) -> Option<Self> {
        if !tmux_installed() {
            assert!(
                std::env::var_os("CI").is_none(),
                "tmux is required on CI for the end-to-end tests"
            );
            eprintln!("skipping {name}: tmux is not installed");
            return None;
        }
        let socket = format!("comicterm-test-{}-{name}", std::process::id());
        let t = Self { socket };
        let (w, h) = (w.to_string(), h.to_string());
        let mut args = vec!["-f", "/dev/null", "new-session", "-d", "-x", &w, "-y", &h];
        args.extend_from_slice(cmd);
        t.tmux(&args);
        Some(t)
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out: Output = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p"])
    }

    fn format(&self, f: &str) -> String {
        self.tmux(&["display-message", "-p", f]).trim().to_string()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Polls the screen until `ok` holds; fails with the last screen after the timeout.
    fn wait(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}:\n{screen}\n{}",
                self.diagnose()
            );
            sleep(Duration::from_millis(25));
        }
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait(text, |s| s.contains(text))
    }

    /// Polls until every one of `texts` is on screen at once.
    fn wait_all(&self, texts: &[&str]) -> String {
        self.wait(&texts.join(" + "), |s| texts.iter().all(|t| s.contains(t)))
    }

    /// The viewer's threads and, if gdb is installed, their stacks: for a failure report.
    fn diagnose(&self) -> String {
        let shell = self.format("#{pane_pid}");
        let script = format!(
            "for p in $(pgrep -P {shell}); do ps -L -o pid,tid,stat,wchan:24,comm -p $p; \
             gdb -p $p -batch -ex 'thread apply all bt 12' 2>/dev/null | grep -E '^#|^Thread'; done"
        );
        let out = Command::new("sh").args(["-c", &script]).output();
        out.map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default()
    }

    /// The viewer's process: the child of the pane's shell.
    fn viewer_pid(&self) -> String {
        let shell = self.format("#{pane_pid}");
        let out = Command::new("pgrep").args(["-P", &shell]).output().unwrap();
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .next()
            .expect("the viewer is running")
            .to_string()
    }

    /// The viewer exited with `code` and the terminal is fully restored.
    fn assert_exited_restored(&self, code: i32) {
        self.wait_for(&format!("EXIT={code}"));
        assert_eq!(self.format("#{alternate_on}"), "0", "main screen back");
        assert_eq!(self.format("#{cursor_flag}"), "1", "cursor shown");
        let tty = self.format("#{pane_tty}");
        let out = Command::new("stty")
            .args(["-a", "-F", &tty])
            .output()
            .unwrap();
        let stty = String::from_utf8_lossy(&out.stdout);
        let flags: Vec<&str> = stty.split_whitespace().collect();
        for flag in ["echo", "icanon", "isig"] {
            assert!(flags.contains(&flag), "{flag} restored: {stty}");
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

fn tmux_installed() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn status_line(screen: &str) -> &str {
    screen.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("")
}

#[test]
fn reader_session() {
    let Some(t) = Tmux::start("session", "", 120, 40) else {
        return;
    };
    let s = t.wait_for("Page 1/4");
    assert!(
        s.contains("┌ 1 ") && s.contains("┌ 4 "),
        "page 1 shows its panels:\n{s}"
    );
    assert_eq!(t.format("#{alternate_on}"), "1");

    t.keys(&["Right", "Right", "Right"]);
    t.wait_all(&["Page 4/4", "┌ 16 "]);

    t.keys(&["c"]);
    t.wait_all(&["Commentary", "Panel 13", "[Context]", "Esc close"]);

    t.keys(&["t"]);
    t.wait_all(&["评注", "格 13", "[背景]", "页 4/4", "简体中文"]);

    t.keys(&["?"]);
    t.wait_all(&["帮助 ─", "下一页 / 下一格"]);

    t.keys(&["Escape"]);
    t.wait("help closed", |s| {
        !s.contains("下一页 / 下一格") && !s.contains("评注 ─") && s.contains("页 4/4")
    });

    t.keys(&["g", "PageDown"]);
    t.wait_for("页 2/4");

    t.tmux(&["resize-window", "-x", "100", "-y", "30"]);
    // Redrawn: the frames close on row 29 at column 100, the status bar is row 30.
    let s = t.wait("a 100x30 layout", |s| {
        let rows: Vec<&str> = s.lines().collect();
        rows.len() >= 29
            && rows[28].starts_with('└')
            && rows[28].ends_with('┘')
            && rows[28].chars().count() == 100
            && status_line(s).contains("页 2/4")
    });
    assert!(s.lines().count() <= 30, "{s}");

    t.keys(&["q"]);
    t.assert_exited_restored(0);
}

#[test]
fn typed_page_number_and_panel_view() {
    let Some(t) = Tmux::start("jump", "--lang en", 120, 40) else {
        return;
    };
    t.wait_for("Page 1/4");
    t.keys(&["3"]);
    t.wait_for("Go to page: 3");
    t.keys(&["Enter"]);
    t.wait_for("Page 3/4");
    t.keys(&["Tab"]);
    t.wait_for("panel view");
    t.keys(&["Left"]);
    t.wait_for("Panel 8/16");
    t.keys(&["C-c"]);
    t.assert_exited_restored(0);
}

#[test]
fn signals_restore_the_terminal() {
    for (sig, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let Some(t) = Tmux::start(&format!("sig{sig}"), "", 100, 30) else {
            return;
        };
        t.wait_for("Page 1/4");
        let pid = t.viewer_pid();
        let killed = Command::new("kill")
            .args([&format!("-{sig}"), &pid])
            .status();
        assert!(killed.is_ok_and(|s| s.success()));
        t.assert_exited_restored(code);
    }
}

#[test]
fn panic_restores_the_terminal() {
    let Some(t) = Tmux::start("panic", "--panic-after-frames 3", 100, 30) else {
        return;
    };
    t.wait_for("Page 1/4");
    t.keys(&["Right"]);
    t.wait_for("Page 2/4");
    t.keys(&["Right"]);
    let s = t.wait_for("EXIT=101");
    assert!(
        s.contains("panicked"),
        "the panic message is on the main screen:\n{s}"
    );
    t.assert_exited_restored(101);
}

#[test]
fn ctrl_z_suspends_and_fg_redraws_at_the_new_size() {
    let shell = ["env", "PS1=$ ", "bash", "--norc", "--noprofile", "-i"];
    let Some(t) = Tmux::start_cmd("suspend", &shell, 120, 40) else {
        return;
    };
    t.keys(&["-l", &format!("'{BIN}'")]);
    t.keys(&["Enter"]);
    t.wait_for("Page 1/4");
    let pid = t.viewer_pid();
    t.keys(&["C-z"]);
    t.wait_for("Stopped");
    assert_eq!(
        t.format("#{alternate_on}"),
        "0",
        "main screen while stopped"
    );
    assert_eq!(t.format("#{cursor_flag}"), "1");
    let ps = Command::new("ps")
        .args(["-o", "stat=", "-p", &pid])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&ps.stdout).contains('T'),
        "the viewer is stopped"
    );

    t.tmux(&["resize-window", "-x", "100", "-y", "30"]);
    t.keys(&["fg", "Enter"]);
    t.wait("the viewer redrawn at 100 columns", |s| {
        status_line(s).contains("Page 1/4")
            && s.lines()
                .any(|l| l.starts_with("└") && l.chars().count() == 100)
    });
    assert_eq!(t.format("#{alternate_on}"), "1");
    t.keys(&["q"]);
    t.wait("the main screen", |_| t.format("#{alternate_on}") == "0");
    t.keys(&["-l", "echo EXIT=$?"]);
    t.keys(&["Enter"]);
    t.wait_for("EXIT=0");
    assert_eq!(t.format("#{cursor_flag}"), "1");
}

#[test]
fn resize_storm_then_a_clean_frame() {
    let Some(t) = Tmux::start("storm", "", 120, 40) else {
        return;
    };
    t.wait_for("Page 1/4");
    let mut seed = 7_u32;
    for _ in 0..60 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let w = 1 + (seed >> 8) % 200;
        let h = 1 + (seed >> 20) % 60;
        t.tmux(&["resize-window", "-x", &w.to_string(), "-y", &h.to_string()]);
    }
    t.tmux(&["resize-window", "-x", "100", "-y", "30"]);
    t.wait("a clean 100x30 frame", |s| {
        let rows: Vec<&str> = s.lines().collect();
        rows.len() >= 29
            && rows[0].starts_with("┌ 1 ")
            && rows[28].ends_with('┘')
            && rows[28].chars().count() == 100
            && status_line(s).contains("Page 1/4")
    });
    t.keys(&["q"]);
    t.assert_exited_restored(0);
}

#[test]
fn a_worker_panic_keeps_the_viewer_up() {
    let Some(t) = Tmux::start("worker", "--panic-in-decoder", 100, 30) else {
        return;
    };
    t.wait_for("Page 1/4");
    t.keys(&["Right"]);
    let s = t.wait_for("Page 2/4");
    assert!(
        !s.contains("panicked"),
        "nothing scribbled on the live screen:\n{s}"
    );
    assert_eq!(t.format("#{alternate_on}"), "1", "still in viewer mode");
    t.keys(&["q"]);
    t.assert_exited_restored(0);
    t.wait_for("test-only panic in an art worker");
}

#[test]
fn mouse_wheel_turns_pages_and_a_click_opens_a_panel() {
    let Some(t) = Tmux::start("mouse", "", 120, 40) else {
        return;
    };
    t.wait_for("Page 1/4");
    // SGR mouse reports, as a terminal sends them with mouse capture on (1-based x;y).
    t.keys(&["-l", "\x1b[<65;10;10M"]);
    t.wait_for("Page 2/4");
    t.keys(&["-l", "\x1b[<64;10;10M"]);
    t.wait_for("Page 1/4");
    t.keys(&["-l", "\x1b[<0;90;5M\x1b[<0;90;5m"]);
    t.wait_all(&["Panel 2/16", "panel view"]);
    t.keys(&["q"]);
    t.assert_exited_restored(0);
}

#[test]
fn the_live_viewer_draws_art_in_colored_cells() {
    let Some(t) = Tmux::start("art", "--graphics halfblocks", 120, 40) else {
        return;
    };
    t.wait_for("Page 1/4");
    // Art is prepared by workers; poll until the colored half-blocks arrive.
    let colored = |s: &str| s.matches("38;2;").count() + s.matches("38;5;").count();
    let start = Instant::now();
    let mut screen = String::new();
    while start.elapsed() < TIMEOUT {
        screen = t.tmux(&["capture-pane", "-e", "-p"]);
        if colored(&screen) >= 200 && screen.contains('▀') {
            break;
        }
        sleep(Duration::from_millis(100));
    }
    assert!(
        colored(&screen) >= 200,
        "half-block art in color ({} colored runs):\n{screen}",
        colored(&screen)
    );
    t.keys(&["q"]);
    t.assert_exited_restored(0);
}
