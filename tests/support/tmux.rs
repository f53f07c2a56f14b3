//! The tmux harness shared by the end-to-end tests: one isolated tmux server per test running
//! one command, polled with `capture-pane`, killed on drop even after a failure.
//!
//! Without tmux a test gets `None` and prints a skip notice, unless `CI` is set: then it fails.
#![allow(dead_code)] // Each test binary uses a different part of it.

use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_comicterm");
/// How long a wait polls before failing (generous: CI machines are busy).
pub const TIMEOUT: Duration = Duration::from_secs(20);

pub struct Tmux {
    socket: String,
    /// The session's HOME and XDG folders: the viewer's saved place and config live here,
    /// never in the real home, and each test starts without either.
    home: tempfile::TempDir,
}

impl Tmux {
    /// Starts `comicterm ARGS` in a `w`×`h` window; its exit code is printed as `EXIT=n`.
    pub fn start(name: &str, args: &str, w: u16, h: u16) -> Option<Self> {
        let script = format!("'{BIN}' {args}; echo EXIT=$?; sleep 30");
        Self::start_cmd(name, &["sh", "-c", &script], w, h)
    }

    /// Starts `cmd` in a `w`×`h` window on a fresh server.
    pub fn start_cmd(name: &str, cmd: &[&str], w: u16, h: u16) -> Option<Self> {
        if !installed() {
            assert!(
                std::env::var_os("CI").is_none(),
                "tmux is required on CI for the end-to-end tests"
            );
            eprintln!("skipping {name}: tmux is not installed");
            return None;
        }
        // Unique per test even when two tests of one binary pass the same name.
        static SERIAL: AtomicUsize = AtomicUsize::new(0);
        let n = SERIAL.fetch_add(1, Ordering::Relaxed);
        let socket = format!("comicterm-test-{}-{n}-{name}", std::process::id());
        let home = tempfile::tempdir().expect("temp home");
        let t = Self { socket, home };
        let (w, h) = (w.to_string(), h.to_string());
        // A fixed locale: the viewer picks its language from it.
        let mut args = vec!["-f", "/dev/null", "new-session", "-d", "-x", &w, "-y", &h];
        args.extend([
            "-e",
            "LANG=C.UTF-8",
            "-e",
            "LC_ALL=C.UTF-8",
            "-e",
            "LC_MESSAGES=",
        ]);
        args.extend_from_slice(cmd);
        t.tmux(&args);
        Some(t)
    }

    /// The session's temporary HOME (its `state/` and `config/` are the XDG folders).
    pub fn home(&self) -> &std::path::Path {
        self.home.path()
    }

    pub fn tmux(&self, args: &[&str]) -> String {
        let home = self.home.path();
        // Nothing from the caller's environment but PATH: no real HOME, no COMICTERM_*.
        let out: Output = Command::new("tmux")
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            // Tests start on page 1; the cover card has its own test (it sets this to on).
            .env("COMICTERM_COVER", "off")
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

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p"])
    }

    pub fn format(&self, f: &str) -> String {
        self.tmux(&["display-message", "-p", f]).trim().to_string()
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Polls the screen until `ok` holds; fails with the last screen after the timeout.
    pub fn wait(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
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

    /// Polls until the screen (trailing blanks trimmed) is exactly `expected`; returns the last
    /// screen seen, for the caller's assertion.
    pub fn wait_frame(&self, expected: &str) -> String {
        let start = Instant::now();
        loop {
            let last = trimmed(&self.screen());
            if last == expected || start.elapsed() >= TIMEOUT {
                return last;
            }
            sleep(Duration::from_millis(50));
        }
    }

    pub fn wait_for(&self, text: &str) -> String {
        self.wait(text, |s| s.contains(text))
    }

    /// Polls window `target` (e.g. `:1`, for a second viewer beside the first) until `text`
    /// is on it; fails with that window's screen after the timeout.
    pub fn wait_in(&self, target: &str, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.tmux(&["capture-pane", "-p", "-t", target]);
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {text} in window {target}:\n{screen}"
            );
            sleep(Duration::from_millis(25));
        }
    }

    /// Polls until every one of `texts` is on screen at once.
    pub fn wait_all(&self, texts: &[&str]) -> String {
        self.wait(&texts.join(" + "), |s| texts.iter().all(|t| s.contains(t)))
    }

    /// The viewer's threads and, if gdb is installed, their stacks: for a failure report.
    pub fn diagnose(&self) -> String {
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
    pub fn viewer_pid(&self) -> String {
        let shell = self.format("#{pane_pid}");
        let out = Command::new("pgrep").args(["-P", &shell]).output().unwrap();
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .next()
            .expect("the viewer is running")
            .to_string()
    }

    /// The pane's terminal flags from `stty -a`.
    pub fn stty(&self) -> Vec<String> {
        let tty = self.format("#{pane_tty}");
        let out = Command::new("stty")
            .args(["-a", "-F", &tty])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .map(str::to_string)
            .collect()
    }

    /// Cooked mode (echo, icanon, isig), main screen, cursor shown.
    pub fn assert_cooked(&self, when: &str) {
        let flags = self.stty();
        for f in ["echo", "icanon", "isig"] {
            assert!(
                flags.iter().any(|x| x == f),
                "{when}: {f} not set: {flags:?}"
            );
        }
        assert_eq!(self.format("#{alternate_on}"), "0", "{when}: main screen");
        assert_eq!(self.format("#{cursor_flag}"), "1", "{when}: cursor shown");
    }

    /// Raw mode on the alternate screen.
    pub fn assert_raw(&self, when: &str) {
        let flags = self.stty();
        for f in ["-echo", "-icanon"] {
            assert!(
                flags.iter().any(|x| x == f),
                "{when}: {f} not set: {flags:?}"
            );
        }
        assert_eq!(
            self.format("#{alternate_on}"),
            "1",
            "{when}: alternate screen"
        );
    }

    /// The viewer exited with `code` and the terminal is fully restored.
    pub fn assert_exited_restored(&self, code: i32) {
        self.wait_for(&format!("EXIT={code}"));
        self.assert_cooked("after exit");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

pub fn installed() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The last non-empty row: the status bar.
pub fn status_line(screen: &str) -> &str {
    screen.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("")
}

/// A screen or frame with trailing spaces and trailing empty lines removed, for comparing
/// the live screen with `comicterm render`.
pub fn trimmed(s: &str) -> String {
    let lines: Vec<&str> = s.lines().map(str::trim_end).collect();
    let keep = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |i| i + 1);
    lines[..keep].join("\n")
}
