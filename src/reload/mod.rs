//! Live reload: the story folder is watched while the viewer shows it, and every saved change
//! is loaded again off the UI thread. A story that no longer loads is reported with the same
//! diagnostics `comicterm check` prints; the viewer keeps the last version that loaded.

mod watch;

use std::path::{Path, PathBuf};

use crate::story::{Story, StorySource, load};

pub use watch::{MAX_WAIT, QUIET, Watch, settle};

/// What a reload produced.
#[derive(Debug)]
pub enum Reloaded {
    /// The story as saved now, with the diagnostics it still has (problems that do not stop
    /// it from being shown, e.g. a missing picture), rendered as plain text.
    Story(Box<Story>, Option<String>),
    /// The story no longer loads: `check`'s report, as plain text.
    Broken(String),
}

/// Loads the story folder `dir` again.
pub fn reload(dir: &Path) -> Reloaded {
    let outcome = load(&StorySource::Dir(dir.to_path_buf()));
    let report = (!outcome.diagnostics.is_empty())
        .then(|| crate::diag::render_all(&outcome.diagnostics, false));
    match outcome.story {
        Some(story) => Reloaded::Story(Box::new(story), report),
        None => Reloaded::Broken(report.unwrap_or_default()),
    }
}

/// The folder to watch for a story opened from `source`: story folders only (the built-in
/// story cannot change, and plain images have no story files to edit).
pub fn folder(source: &StorySource) -> Option<PathBuf> {
    match source {
        StorySource::Dir(dir) => Some(dir.clone()),
        StorySource::Builtin | StorySource::Images(_) => None,
    }
}

/// Whether a change to `path` (inside the story folder `root`) can change the story: files
/// under `panels/` and `assets/`, not editors' swap, backup and probe files, nor anything in
/// a hidden folder such as `.git`.
pub fn matters(root: &Path, path: &Path) -> bool {
    let Ok(inside) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = inside.components().map(|c| c.as_os_str().to_string_lossy());
    let Some(top) = parts.next() else {
        return false;
    };
    if top != "panels" && top != "assets" {
        return false;
    }
    let name = inside
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let hidden = inside
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    let editor_litter = name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
        || name.starts_with(".#");
    !hidden && !editor_litter
}

#[cfg(test)]
mod tests;
