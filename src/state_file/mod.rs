//! Where the reader left each story, and their bookmarks: saved between runs.
//!
//! One small TOML file per story under `$XDG_STATE_HOME/comicterm/` (default
//! `~/.local/state/comicterm/`), named after the story id (see [`StateDir::path_for`]). The
//! file records the content hash of the story it was written for, so an edited story is
//! resumed by panel id, never by a position that now holds another panel ([`restore`]).
//!
//! Nothing here fails the viewer: a missing, corrupt, truncated, binary, huge or unreadable
//! file loads as "start at the beginning" with a one-line message for the status bar, and a
//! failed save is a message too. Saves are atomic (a temporary file in the same folder, synced,
//! then renamed over the old one), so two viewers on one story leave the last one's file whole.

mod format;
mod hash;
mod io;
mod place;

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::path::PathBuf;

pub use hash::content_hash;
pub(crate) use io::read_capped;
pub use place::{Resume, restore};

/// At most this many bookmarks are kept per story (the rest are dropped when loading).
pub const MAX_BOOKMARKS: usize = 10_000;
/// A state file larger than this is not read (a real one is a few hundred bytes, or about
/// 1 MB with [`MAX_BOOKMARKS`] long panel ids).
pub const MAX_FILE_BYTES: u64 = 4 << 20;

/// Which view the reader was in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SavedView {
    #[default]
    Page,
    Panel,
}

/// The reader's place in a story.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Place {
    /// Page index, 0-based.
    pub page: usize,
    /// Panel index on that page, 0-based.
    pub panel: usize,
    /// The id of that panel: what finds it again in an edited story.
    pub panel_id: String,
    pub view: SavedView,
    /// The story language tag in use (e.g. `zh-Hans`), if any.
    pub language: Option<String>,
    /// Whether the commentary was open.
    pub commentary: bool,
}

/// Everything saved for one story.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Saved {
    /// The story id.
    pub story: String,
    /// [`content_hash`] of the story the place was saved in.
    pub content: u64,
    pub place: Place,
    /// Ids of bookmarked panels.
    pub bookmarks: BTreeSet<String>,
}

/// What loading found: a saved state, or nothing, and a message to show once in the status
/// bar when something was wrong with the file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Loaded {
    pub saved: Option<Saved>,
    pub message: Option<String>,
}

/// The folder that holds the state files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateDir {
    pub dir: PathBuf,
}

impl StateDir {
    /// `$XDG_STATE_HOME/comicterm`, or `$HOME/.local/state/comicterm`; `None` when neither is
    /// set to an absolute path (the XDG rule: relative paths are ignored).
    pub fn from_env(env: impl Fn(&str) -> Option<OsString>) -> Option<Self> {
        xdg_dir(&env, "XDG_STATE_HOME", ".local/state").map(|dir| Self {
            dir: dir.join("comicterm"),
        })
    }

    /// `from_env` on the process environment.
    pub fn from_process_env() -> Option<Self> {
        Self::from_env(|k| std::env::var_os(k))
    }

    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The state file of story `id`: `<id as a file name>-<hash of the id>.toml`. The readable
    /// part keeps only `[a-z0-9_-]` (at most 40 of them); the hash keeps ids that differ only
    /// in the other characters apart.
    pub fn path_for(&self, id: &str) -> PathBuf {
        let slug: String = id
            .chars()
            .map(|c| c.to_ascii_lowercase())
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .take(40)
            .collect();
        self.dir
            .join(format!("{slug}-{:016x}.toml", hash::str_hash(id)))
    }

    /// The saved state of story `id` (see [`story_key`]); never an error (see [`Loaded`]).
    pub fn load(&self, id: &str) -> Loaded {
        let path = self.path_for(id);
        match io::read_capped(&path, MAX_FILE_BYTES) {
            Ok(None) => Loaded::default(),
            Ok(Some(bytes)) => match format::parse(&bytes, id) {
                Ok(saved) => Loaded {
                    saved: Some(saved),
                    message: None,
                },
                Err(why) => problem(&why),
            },
            Err(why) => problem(&why),
        }
    }

    /// Writes `saved` atomically; on failure, a one-line message for the status bar.
    pub fn save(&self, saved: &Saved) -> Result<(), String> {
        let path = self.path_for(&saved.story);
        io::write_atomic(&self.dir, &path, format::write(saved).as_bytes())
            .map_err(|e| crate::diag::visible(&format!("place not saved: {e}")))
    }
}

/// The key a story's state is saved under: its id, and for plain images (whose ids are
/// generic: every folder of images is `images`) also the canonical path, so two folders of
/// images do not share a saved place. A story folder keeps its state when moved.
pub fn story_key(id: &str, source: &crate::story::StorySource) -> String {
    match source {
        crate::story::StorySource::Images(path) => {
            let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            format!("{id}@{}", path.display())
        }
        _ => id.to_string(),
    }
}

fn problem(why: &str) -> Loaded {
    Loaded {
        saved: None,
        message: Some(crate::diag::visible(&format!(
            "saved place not read ({why}); starting at the beginning"
        ))),
    }
}

/// `$VAR` if absolute, else `$HOME/<fallback>` if `HOME` is absolute.
pub(crate) fn xdg_dir(
    env: &impl Fn(&str) -> Option<OsString>,
    var: &str,
    fallback: &str,
) -> Option<PathBuf> {
    let absolute = |v: OsString| Some(PathBuf::from(v)).filter(|p| p.is_absolute());
    env(var)
        .and_then(absolute)
        .or_else(|| env("HOME").and_then(absolute).map(|h| h.join(fallback)))
}

#[cfg(test)]
mod tests;
