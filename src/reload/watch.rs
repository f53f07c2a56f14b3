//! The watcher thread: file events in, one reload per burst of saves out.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher};

use super::{Reloaded, matters, reload};

/// How long the folder must be quiet before it is loaded again: an editor's save is often
/// several events (write a temp file, rename it, change attributes), and a formatter may
/// rewrite the file right after.
pub const QUIET: Duration = Duration::from_millis(200);

/// The longest a reload waits for quiet: a folder written to without pause (a generator, a
/// sync tool) is still loaded about once a second.
pub const MAX_WAIT: Duration = Duration::from_secs(1);

/// A running watch; dropping it stops the watching and ends its thread.
pub struct Watch {
    _watcher: notify::RecommendedWatcher,
}

impl Watch {
    /// Watches the story folder `root`; `send` gets each reload (and returns false once
    /// nobody listens any more, which ends the thread).
    pub fn start(
        root: &Path,
        send: impl Fn(Reloaded) -> bool + Send + 'static,
    ) -> notify::Result<Self> {
        let (tx, rx) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(tx)?;
        // Events name absolute paths: the folder is watched by its real path (a relative or
        // linked one would not be their prefix); it is loaded by the path it was given.
        let real = std::fs::canonicalize(root)?;
        watcher.watch(&real, RecursiveMode::Recursive)?;
        let given = root.to_path_buf();
        thread::Builder::new()
            .name("story-watch".into())
            .spawn(move || run(&real, &given, &rx, &send))?;
        Ok(Self { _watcher: watcher })
    }
}

type Events = Receiver<notify::Result<notify::Event>>;

fn run(root: &Path, given: &Path, events: &Events, send: &dyn Fn(Reloaded) -> bool) {
    loop {
        // Wait for a change that matters, then for the folder to settle.
        match events.recv() {
            Ok(Ok(event)) if changes_story(root, &event) => {}
            Ok(_) => continue,
            Err(_) => return,
        }
        if !settle(events, QUIET, MAX_WAIT) {
            return;
        }
        if !send(reload(given)) {
            return;
        }
    }
}

/// Waits until no event has come for `quiet`, or `max` has passed; false when the watcher
/// is gone.
pub fn settle<T>(events: &Receiver<T>, quiet: Duration, max: Duration) -> bool {
    let start = std::time::Instant::now();
    loop {
        match events.recv_timeout(quiet) {
            Ok(_) if start.elapsed() >= max => return true,
            Ok(_) => {}
            Err(RecvTimeoutError::Timeout) => return true,
            Err(RecvTimeoutError::Disconnected) => return false,
        }
    }
}

fn changes_story(root: &Path, event: &notify::Event) -> bool {
    let kind = matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
    );
    kind && event
        .paths
        .iter()
        .any(|p| matters(root, p) || is_part(root, p))
}

/// `panels` or `assets` themselves (a folder replaced as a whole, e.g. by `git checkout`).
fn is_part(root: &Path, path: &Path) -> bool {
    [PathBuf::from("panels"), PathBuf::from("assets")]
        .iter()
        .any(|p| path == root.join(p))
}
