//! Headless Chromium for the browser tests, with its own profile, home and XDG folders; a
//! skip line when it is missing (a failure when `CI` is set, as in the terminal lab).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const INSTALL: &str = "install it with `apt-get install chromium`";

/// A headless Chromium with its own profile, home and XDG folders (never the real ones).
pub struct Browser {
    exe: PathBuf,
    home: tempfile::TempDir,
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// Chromium, or a skip line (a failure on CI).
pub fn browser(test: &str) -> Option<Browser> {
    let Some(exe) = on_path("chromium") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "{test}: the browser tests need chromium on CI ({INSTALL})"
        );
        eprintln!("{test}: skipped: chromium is missing; {INSTALL}");
        return None;
    };
    let home = tempfile::tempdir().unwrap();
    for d in ["config", "cache", "data", "runtime", "profile"] {
        std::fs::create_dir_all(home.path().join(d)).unwrap();
    }
    Some(Browser { exe, home })
}

/// The folder kept for screenshots and exported files (printed by each test).
pub fn shots(test: &str) -> PathBuf {
    static ROOT: Mutex<Option<PathBuf>> = Mutex::new(None);
    let mut root = ROOT.lock().unwrap_or_else(|e| e.into_inner());
    let dir = root
        .get_or_insert_with(|| match std::env::var_os("COMICTERM_HTML_SHOTS") {
            Some(d) => PathBuf::from(d),
            None => std::env::temp_dir().join(format!("comicterm-html-{}", std::process::id())),
        })
        .clone();
    std::fs::create_dir_all(&dir).unwrap();
    eprintln!(
        "{test}: screenshots and exported files in {}",
        dir.display()
    );
    dir
}

impl Browser {
    /// Runs Chromium on `file` with `extra` arguments; its stdout. Killed after two minutes.
    pub fn run(&self, file: &Path, extra: &[&str]) -> String {
        let h = self.home.path();
        let mut child = Command::new(&self.exe)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ])
            .arg(format!("--user-data-dir={}", h.join("profile").display()))
            .args(extra)
            .arg(format!("file://{}", file.display()))
            .env("HOME", h)
            .env("XDG_CONFIG_HOME", h.join("config"))
            .env("XDG_CACHE_HOME", h.join("cache"))
            .env("XDG_DATA_HOME", h.join("data"))
            .env("XDG_RUNTIME_DIR", h.join("runtime"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromium starts");
        let mut stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut stdout, &mut s).map(|_| s)
        });
        let deadline = Instant::now() + Duration::from_secs(120);
        while child.try_wait().unwrap().is_none() {
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("chromium did not finish on {}", file.display());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        reader.join().unwrap().expect("chromium's output is UTF-8")
    }

    /// The DOM after the page has loaded (and its scripts, if allowed, have run).
    pub fn dom(&self, file: &Path) -> String {
        let dom = self.run(file, &["--dump-dom"]);
        assert!(
            dom.contains("</html>"),
            "no DOM for {}: {dom:?}",
            file.display()
        );
        dom
    }

    /// A screenshot `png` of `file` at `width`×`height`, checked to be a picture with content.
    pub fn screenshot(&self, file: &Path, png: &Path, (width, height): (u32, u32)) {
        let _ = std::fs::remove_file(png);
        self.run(
            file,
            &[
                &format!("--screenshot={}", png.display()),
                &format!("--window-size={width},{height}"),
                "--hide-scrollbars",
            ],
        );
        let img = image::open(png).expect("a screenshot").to_rgb8();
        assert_eq!(img.dimensions(), (width, height), "{}", png.display());
        let colors: std::collections::HashSet<[u8; 3]> = img.pixels().map(|p| p.0).collect();
        assert!(
            colors.len() > 200,
            "{}: {} colours",
            png.display(),
            colors.len()
        );
    }
}
