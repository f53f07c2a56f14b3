//! The real-terminal test lab (issue 9): a private X server (Xvfb) per test, a real terminal
//! emulator in it running the viewer, keys through `xdotool`, screenshots through ImageMagick's
//! `import -window root`, and everything killed on drop, even after a failed assertion.
//!
//! - [`Session`] starts Xvfb on a free display (100 and up), the emulator at a fixed grid and
//!   font, waits until its window is up and quiet, then lets the viewer start (as a person would
//!   type the command into a ready terminal).
//! - [`layout`] finds where each panel's art and text are, from `comicterm render`.
//! - [`score`] compares screenshot regions with the panels' PNGs and tells text from pictures.
//!
//! Every spawned process gets a temporary `HOME` and `XDG_*` folders and nothing else from the
//! caller's environment. Screenshots are kept in a temporary folder whose path is printed.
//! Without the tools a test prints a skip line and passes, unless `CI` is set: then it fails.
#![allow(dead_code)] // Each test uses a different part of it.

pub mod layout;
pub mod score;

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::thread::sleep;
use std::time::{Duration, Instant};

use image::RgbImage;

pub const BIN: &str = env!("CARGO_BIN_EXE_comicterm");
/// The terminal grid every session uses.
pub const COLS: u16 = 120;
pub const ROWS: u16 = 40;
/// A font every Debian with the lab's packages has (fonts-dejavu-core), at a fixed size.
pub const FONT: &str = "DejaVu Sans Mono";
pub const FONT_SIZE: &str = "10";
/// How long a wait polls before giving up (generous: CI machines are busy).
pub const TIMEOUT: Duration = Duration::from_secs(30);
/// The X screen: bigger than any window the lab opens.
const SCREEN: &str = "1280x800x24";
const CLASS: &str = "comicterm-lab";

/// One session at a time: the machine has few cores, and Xvfb + emulator + viewer is a lot.
static SERIAL: Mutex<()> = Mutex::new(());

/// The terminals the lab drives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emulator {
    /// xterm as a VT340 with 256 color registers: sixel graphics.
    XtermSixel,
    /// xterm as it comes (VT420): no graphics protocol.
    XtermPlain,
    /// kitty (Debian 12 ships 0.26.5), software OpenGL.
    Kitty,
}

impl Emulator {
    pub fn name(self) -> &'static str {
        match self {
            Emulator::XtermSixel => "xterm-sixel",
            Emulator::XtermPlain => "xterm-plain",
            Emulator::Kitty => "kitty",
        }
    }

    fn program(self) -> &'static str {
        match self {
            Emulator::XtermSixel | Emulator::XtermPlain => "xterm",
            Emulator::Kitty => "kitty",
        }
    }
}

const INSTALL: &str = "install xvfb xterm kitty imagemagick xdotool fonts-dejavu-core";

/// Whether `program` is on PATH.
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| {
            let p = dir.join(program);
            p.metadata().is_ok_and(|m| {
                m.is_file()
                    && std::os::unix::fs::PermissionsExt::mode(&m.permissions()) & 0o111 != 0
            })
        })
    })
}

/// The tools `emulator` needs, or a skip (fails on CI).
fn tools_present(test: &str, emulator: Emulator) -> bool {
    let missing: Vec<&str> = ["Xvfb", emulator.program(), "import", "xdotool"]
        .into_iter()
        .filter(|p| !on_path(p))
        .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{test}: the test lab needs {missing:?} on CI ({INSTALL})"
    );
    eprintln!(
        "{test}: skipped: {INSTALL} (missing: {})",
        missing.join(", ")
    );
    false
}

/// The folder this process keeps its screenshots in (printed once per test).
/// `COMICTERM_LAB_SHOTS` chooses it (e.g. for CI artifacts); otherwise a new temp folder.
fn shots_root() -> PathBuf {
    static ROOT: Mutex<Option<PathBuf>> = Mutex::new(None);
    let mut root = ROOT.lock().unwrap_or_else(|e| e.into_inner());
    root.get_or_insert_with(|| {
        let dir = match std::env::var_os("COMICTERM_LAB_SHOTS") {
            Some(d) => PathBuf::from(d),
            None => std::env::temp_dir().join(format!(
                "comicterm-lab-{}-{}",
                std::process::id(),
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs())
            )),
        };
        fs::create_dir_all(&dir).expect("the screenshot folder can be created");
        dir
    })
    .clone()
}

/// A screenshot of the emulator's window and the grid geometry to read it.
#[derive(Clone)]
pub struct Shot {
    pub img: RgbImage,
    /// Cell size in pixels.
    pub cell: (u32, u32),
    /// Where it was saved (once saved).
    pub path: Option<PathBuf>,
}

impl PartialEq for Shot {
    fn eq(&self, other: &Self) -> bool {
        self.img.as_raw() == other.img.as_raw()
    }
}

/// Xvfb, one emulator in it running one viewer, and their temp folders. Killed on drop.
pub struct Session {
    pub test: String,
    pub emulator: Emulator,
    /// Where this test's screenshots go.
    pub shots: PathBuf,
    display: String,
    xvfb: Child,
    emu: Option<Child>,
    window: String,
    /// Window size in pixels.
    win: (u32, u32),
    pub cell: (u32, u32),
    /// Temp HOME, XDG folders, the go and exit files.
    tmp: tempfile::TempDir,
    shot_no: u32,
    started: Instant,
    _serial: MutexGuard<'static, ()>,
}

impl Session {
    /// Starts `emulator` showing `comicterm ARGS` (ARGS: plain words). `None` (with a skip line)
    /// when the tools are missing outside CI.
    pub fn start(test: &str, emulator: Emulator, args: &[&str]) -> Option<Session> {
        if !tools_present(test, emulator) {
            return None;
        }
        let serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        let started = Instant::now();
        let shots = shots_root().join(test);
        let _ = fs::remove_dir_all(&shots);
        fs::create_dir_all(&shots).unwrap();
        eprintln!("{test}: screenshots in {}", shots.display());
        let tmp = tempfile::Builder::new()
            .prefix("comicterm-lab-home-")
            .tempdir()
            .unwrap();
        for d in [
            "home",
            "config",
            "data",
            "cache",
            "state",
            "runtime",
            "kitty-config",
        ] {
            fs::create_dir_all(tmp.path().join(d)).unwrap();
        }
        fs::set_permissions(
            tmp.path().join("runtime"),
            std::os::unix::fs::PermissionsExt::from_mode(0o700),
        )
        .unwrap();

        let (xvfb, display) = start_xvfb(tmp.path(), &shots);
        let mut s = Session {
            test: test.to_string(),
            emulator,
            shots,
            display,
            xvfb,
            emu: None,
            window: String::new(),
            win: (0, 0),
            cell: (0, 0),
            tmp,
            shot_no: 0,
            started,
            _serial: serial,
        };
        s.start_emulator(args);
        Some(s)
    }

    /// A command with the lab's environment only: temp HOME and XDG folders, the display.
    fn command(&self, program: &str) -> Command {
        let mut c = Command::new(program);
        isolate(&mut c, self.tmp.path());
        c.env("DISPLAY", &self.display);
        c
    }

    fn start_emulator(&mut self, args: &[&str]) {
        let t = self.tmp.path().to_path_buf();
        // The viewer starts once the harness says the terminal is ready (see `start`), as a
        // person types a command into a terminal that is already up; its exit code is kept.
        let script = "printf 'lab: ready'; while [ ! -e \"$LAB_GO\" ]; do sleep 0.05; done; \
                      printf '\\033[H\\033[2J'; \"$LAB_BIN\" $LAB_ARGS; code=$?; \
                      echo \"EXITED $code\"; echo $code > \"$LAB_EXIT\"; exec sleep 600";
        let geometry = format!("{COLS}x{ROWS}+0+0");
        let mut c = match self.emulator {
            Emulator::XtermSixel | Emulator::XtermPlain => {
                let mut c = self.command("xterm");
                if self.emulator == Emulator::XtermSixel {
                    c.args(["-ti", "vt340", "-xrm", "XTerm*decTerminalID: vt340"])
                        .args(["-xrm", "XTerm*numColorRegisters: 256"]);
                }
                c.args(["-name", CLASS, "-fa", FONT, "-fs", FONT_SIZE])
                    .args(["-geometry", &geometry, "-b", "0", "-bw", "0", "+sb", "-u8"])
                    .args(["-xrm", "XTerm*cursorBlink: false"])
                    .args(["-e", "sh", "-c", script]);
                c
            }
            Emulator::Kitty => {
                let mut c = self.command("kitty");
                c.env("LIBGL_ALWAYS_SOFTWARE", "1")
                    .env("KITTY_CONFIG_DIRECTORY", t.join("kitty-config"))
                    .args(["--config", "NONE", "--class", CLASS, "--name", CLASS])
                    .args(["-o", &format!("font_family={FONT}")])
                    .args(["-o", &format!("font_size={FONT_SIZE}")])
                    .args(["-o", &format!("initial_window_width={COLS}c")])
                    .args(["-o", &format!("initial_window_height={ROWS}c")])
                    .args([
                        "-o",
                        "remember_window_size=no",
                        "-o",
                        "window_padding_width=0",
                    ])
                    .args(["-o", "placement_strategy=top-left"])
                    .args([
                        "-o",
                        "cursor_blink_interval=0",
                        "-o",
                        "enable_audio_bell=no",
                    ])
                    .args([
                        "-o",
                        "update_check_interval=0",
                        "-o",
                        "allow_remote_control=no",
                    ])
                    .args(["sh", "-c", script]);
                c
            }
        };
        let t = &t;
        c.env("LAB_GO", t.join("go"))
            .env("LAB_EXIT", t.join("exit"))
            .env("LAB_BIN", BIN)
            .env("LAB_ARGS", args.join(" "));
        let log =
            fs::File::create(self.shots.join(format!("{}.log", self.emulator.name()))).unwrap();
        c.stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log);
        self.emu = Some(c.spawn().expect("the emulator starts"));

        self.find_window();
        // The terminal shows the shell's `lab: ready` and is quiet: then the viewer may start
        // (a terminal still starting up may miss the viewer's queries).
        self.wait("the terminal is up", |sh| {
            let bg = score::dominant(
                &sh.img,
                layout::Rect {
                    x: 0,
                    y: 0,
                    w: sh.img.width(),
                    h: sh.img.height(),
                },
            );
            (0..10)
                .filter(|&x| score::cell_look(&sh.img, sh.cell, x, 0, Some(bg)).ink > 0.02)
                .count()
                >= 8
        });
        fs::write(t.join("go"), "").unwrap();
    }

    /// Waits for the emulator's window, focuses it, and measures the cell size.
    fn find_window(&mut self) {
        let start = Instant::now();
        loop {
            let out = self
                .command("xdotool")
                .args(["search", "--onlyvisible", "--classname", CLASS])
                .output()
                .expect("xdotool runs");
            for id in String::from_utf8_lossy(&out.stdout).split_whitespace() {
                let geo = self
                    .command("xdotool")
                    .args(["getwindowgeometry", "--shell", id])
                    .output()
                    .expect("xdotool runs");
                let geo = String::from_utf8_lossy(&geo.stdout).into_owned();
                let field = |k: &str| {
                    geo.lines()
                        .find_map(|l| l.strip_prefix(k)?.strip_prefix('='))
                        .and_then(|v| v.trim().parse::<u32>().ok())
                        .unwrap_or(0)
                };
                let (w, h) = (field("WIDTH"), field("HEIGHT"));
                if w >= u32::from(COLS) * 4 && h >= u32::from(ROWS) * 8 {
                    assert_eq!(
                        (field("X"), field("Y")),
                        (0, 0),
                        "{}: the window is at the screen's top-left",
                        self.test
                    );
                    self.window = id.to_string();
                    self.win = (w, h);
                    self.cell = (w / u32::from(COLS), h / u32::from(ROWS));
                    // Focus fails while the window is not yet viewable: try again.
                    let focused = self
                        .command("xdotool")
                        .args(["windowfocus", id])
                        .output()
                        .is_ok_and(|o| o.status.success());
                    if focused {
                        self.run("xdotool", &["mousemove", "20", "20"]);
                        return;
                    }
                }
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "{}: the {} window did not appear; see {}",
                self.test,
                self.emulator.name(),
                self.shots.display()
            );
            self.check_alive();
            sleep(Duration::from_millis(100));
        }
    }

    fn run(&self, program: &str, args: &[&str]) {
        let out = self.command(program).args(args).output().expect("runs");
        assert!(
            out.status.success(),
            "{program} {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn check_alive(&mut self) {
        if let Some(emu) = self.emu.as_mut()
            && let Ok(Some(status)) = emu.try_wait()
        {
            panic!(
                "{}: {} exited early ({status}); its log:\n{}\nXvfb {}'s log:\n{}",
                self.test,
                self.emulator.name(),
                self.log(),
                self.display,
                fs::read_to_string(self.shots.join("xvfb.log")).unwrap_or_default()
            );
        }
    }

    /// The emulator's stdout and stderr so far.
    pub fn log(&self) -> String {
        fs::read_to_string(self.shots.join(format!("{}.log", self.emulator.name())))
            .unwrap_or_default()
    }

    /// Sends keys (xdotool names: `Right`, `c`, `Escape`, `q`) to the focused window.
    pub fn key(&self, key: &str) {
        self.run("xdotool", &["key", "--clearmodifiers", key]);
    }

    /// A screenshot of the root window, cropped to the emulator's window.
    pub fn shot(&mut self) -> Shot {
        let out = self
            .command("import")
            .args(["-window", "root", "-depth", "8", "ppm:-"])
            .output()
            .expect("import runs");
        assert!(
            out.status.success(),
            "import: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let full = parse_ppm(&out.stdout).expect("import writes a PPM");
        let (w, h) = (self.win.0.min(full.width()), self.win.1.min(full.height()));
        let img = image::imageops::crop_imm(&full, 0, 0, w, h).to_image();
        Shot {
            img,
            cell: self.cell,
            path: None,
        }
    }

    /// Polls screenshots until two in a row are equal and `ok` holds on it, or the timeout;
    /// saves the last one as `NN-step.png` and returns it (the caller asserts what it needs,
    /// with scores, so a timeout is not a failure here).
    pub fn wait(&mut self, step: &str, ok: impl Fn(&Shot) -> bool) -> Shot {
        let start = Instant::now();
        let mut last = self.shot();
        let mut polls = 1;
        loop {
            polls += 1;
            sleep(Duration::from_millis(150));
            self.check_alive();
            let next = self.shot();
            let timed_out = start.elapsed() > TIMEOUT;
            if (next == last && ok(&next)) || timed_out {
                if timed_out {
                    eprintln!("{}: {step}: timed out waiting", self.test);
                }
                eprintln!(
                    "{}: {step}: {polls} screenshots, {:.1} s",
                    self.test,
                    start.elapsed().as_secs_f64()
                );
                return self.save(step, next);
            }
            last = next;
        }
    }

    /// Saves `shot` in this test's screenshot folder.
    pub fn save(&mut self, step: &str, mut shot: Shot) -> Shot {
        self.shot_no += 1;
        let path = self.shots.join(format!("{:02}-{step}.png", self.shot_no));
        shot.img.save(&path).expect("the screenshot is saved");
        shot.path = Some(path);
        shot
    }

    /// The viewer's exit code, once the shell after it has written it.
    pub fn exit_code(&self) -> Option<i32> {
        let path = self.tmp.path().join("exit");
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if let Ok(s) = fs::read_to_string(&path)
                && s.ends_with('\n')
            {
                return s.trim().parse().ok();
            }
            sleep(Duration::from_millis(50));
        }
        None
    }

    /// `comicterm ARGS` without a terminal (render, export), same isolated environment.
    pub fn comicterm(args: &[&str]) -> String {
        lab_comicterm(args)
    }

    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

/// Runs the viewer binary with `args` (render, export) in an isolated environment.
pub fn lab_comicterm(args: &[&str]) -> String {
    let tmp = tempfile::tempdir().unwrap();
    for d in ["home", "config", "data", "cache", "state", "runtime"] {
        fs::create_dir_all(tmp.path().join(d)).unwrap();
    }
    let mut c = Command::new(BIN);
    isolate(&mut c, tmp.path());
    let out = c.args(args).output().expect("comicterm runs");
    assert!(
        out.status.success(),
        "comicterm {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Nothing from the caller's environment but PATH; HOME and XDG folders under `tmp`.
fn isolate(c: &mut Command, tmp: &Path) {
    c.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LANG", "C.UTF-8")
        .env("HOME", tmp.join("home"))
        .env("XDG_CONFIG_HOME", tmp.join("config"))
        .env("XDG_DATA_HOME", tmp.join("data"))
        .env("XDG_CACHE_HOME", tmp.join("cache"))
        .env("XDG_STATE_HOME", tmp.join("state"))
        .env("XDG_RUNTIME_DIR", tmp.join("runtime"))
        // The lab's sessions start on page 1 (the cover card is tested in tmux).
        .env("COMICTERM_COVER", "off")
        .env("XDG_CONFIG_DIRS", tmp.join("config"))
        .env("XDG_DATA_DIRS", "/usr/local/share:/usr/share");
}

/// Starts Xvfb on a free display; returns it and `:N`. Numbers from 100 up, spread by the
/// process id, so that the lab keeps clear of the displays people and other tools hard-code
/// (`:0`, `:1`, `:99`) and of parallel test processes. Xvfb reports the number on
/// `-displayfd` once it accepts connections.
fn start_xvfb(tmp: &Path, shots: &Path) -> (Child, String) {
    let log_path = shots.join("xvfb.log");
    let mut tried = vec![];
    for attempt in 0..8u32 {
        let n = 100 + (std::process::id() * 7 + attempt * 131) % 800;
        let taken = Path::new(&format!("/tmp/.X{n}-lock")).exists()
            || Path::new(&format!("/tmp/.X11-unix/X{n}")).exists();
        if taken {
            continue;
        }
        tried.push(n);
        let mut c = Command::new("Xvfb");
        isolate(&mut c, tmp);
        let log = fs::File::create(&log_path).unwrap();
        let mut child = c
            .arg(format!(":{n}"))
            .args(["-displayfd", "1", "-screen", "0", SCREEN])
            .args(["-nolisten", "tcp", "-dpi", "96", "-noreset"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .expect("Xvfb starts");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        match rx.recv_timeout(TIMEOUT) {
            Ok(line) if line.trim() == n.to_string() => return (child, format!(":{n}")),
            _ => kill_tree(&mut child), // taken meanwhile, or failed: the next number
        }
    }
    panic!(
        "Xvfb did not start on any of the displays {tried:?}; its last log: {}",
        fs::read_to_string(&log_path).unwrap_or_default()
    );
}

/// A binary PPM (P6, maxval 255) as written by ImageMagick.
fn parse_ppm(bytes: &[u8]) -> Option<RgbImage> {
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while bytes.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        if bytes[i] == b'#' {
            while *bytes.get(i)? != b'\n' {
                i += 1;
            }
            continue;
        }
        let start = i;
        while !bytes.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        fields.push(std::str::from_utf8(&bytes[start..i]).ok()?.to_string());
    }
    i += 1; // the single whitespace after maxval
    let (w, h): (u32, u32) = (fields[1].parse().ok()?, fields[2].parse().ok()?);
    if fields[0] != "P6" || fields[3] != "255" {
        return None;
    }
    let data = bytes.get(i..i + (w * h * 3) as usize)?.to_vec();
    RgbImage::from_raw(w, h, data)
}

/// Every process whose parent chain leads to `pid`, deepest last.
fn descendants(pid: u32) -> Vec<u32> {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    if let Ok(dir) = fs::read_dir("/proc") {
        for e in dir.flatten() {
            let Some(p) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
                continue;
            };
            let mut stat = String::new();
            if fs::File::open(e.path().join("stat"))
                .and_then(|mut f| f.read_to_string(&mut stat))
                .is_err()
            {
                continue;
            }
            // pid (comm) state ppid ...: comm may hold spaces and parentheses.
            let Some(rest) = stat.rfind(')').map(|k| &stat[k + 1..]) else {
                continue;
            };
            if let Some(ppid) = rest.split_whitespace().nth(1).and_then(|v| v.parse().ok()) {
                parents.push((p, ppid));
            }
        }
    }
    let mut out = vec![];
    let mut frontier = vec![pid];
    while let Some(p) = frontier.pop() {
        for &(c, pp) in &parents {
            if pp == p && !out.contains(&c) {
                out.push(c);
                frontier.push(c);
            }
        }
    }
    out
}

fn signal_tree(child: &Child, signal: libc::c_int) {
    let mut tree = descendants(child.id());
    tree.reverse();
    tree.push(child.id());
    for p in tree {
        // SAFETY: kill(2) on a process we started or found among its descendants.
        unsafe {
            libc::kill(p as libc::pid_t, signal);
        }
    }
}

/// Ends `child` and every process under it: SIGTERM first (Xvfb then removes its socket and
/// lock file), SIGKILL for whatever still runs after a second.
fn kill_tree(child: &mut Child) {
    signal_tree(child, libc::SIGTERM);
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(1) {
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        sleep(Duration::from_millis(20));
    }
    if child.try_wait().ok().flatten().is_none() {
        signal_tree(child, libc::SIGKILL);
    }
    let _ = child.wait();
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Some(mut emu) = self.emu.take() {
            kill_tree(&mut emu);
        }
        kill_tree(&mut self.xvfb);
        eprintln!(
            "{}: {} session took {:.1} s; screenshots in {}",
            self.test,
            self.emulator.name(),
            self.started.elapsed().as_secs_f64(),
            self.shots.display()
        );
    }
}
