//! Reading a story's TOML files from a folder or from the built-in copy.

use std::fs;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::confine::{self, Refused};
use crate::diag::{Diagnostic, Kind, SourceText};

/// Largest story TOML file read, in bytes.
pub const MAX_TOML_BYTES: u64 = 4 * 1024 * 1024;
/// Most panel files in a story.
pub const MAX_PANEL_FILES: usize = 20_000;
/// Most bytes of TOML in a story, `story.toml` and every panel file together (a generated
/// story of 10,000 panels has 11 MB).
pub const MAX_STORY_BYTES: u64 = 32 * 1024 * 1024;

/// The TOML side of a story: `story.toml` and the panel files, by display name.
#[derive(Debug)]
pub struct TomlFiles {
    pub story: Arc<SourceText>,
    pub panels: Vec<Arc<SourceText>>,
}

pub fn source(name: impl Into<String>, text: impl AsRef<str>) -> Arc<SourceText> {
    SourceText::new(name, text.as_ref())
}

/// A diagnostic for a file that could not be read at all.
pub fn io_error(name: &str, msg: String, hint: &str) -> Diagnostic {
    Diagnostic::new(Kind::Io, &source(name, ""), 0..0, msg).with_hint(hint)
}

/// Reads `ROOT/panels/story.toml` and every other `ROOT/panels/*.toml`, sorted by name.
/// `root` is canonical; every file must lie inside it after resolving links (see [`confine`]).
pub fn read_dir(root: &Path) -> Result<TomlFiles, Vec<Diagnostic>> {
    let panels_dir = root.join("panels");
    let story = read_file(root, &panels_dir.join("story.toml"), "panels/story.toml")
        .map_err(|d| vec![d])?;
    let entries = fs::read_dir(&panels_dir).map_err(|e| {
        vec![io_error(
            "panels",
            format!("cannot list the panels folder: {e}"),
            "",
        )]
    })?;
    let mut names = Vec::new();
    let mut errors = Vec::new();
    let mut listed = 0;
    for entry in entries.filter_map(Result::ok) {
        let raw = entry.file_name();
        if !raw.as_encoded_bytes().ends_with(b".toml") || raw == "story.toml" {
            continue;
        }
        listed += 1;
        if listed > MAX_PANEL_FILES {
            return Err(vec![too_large(
                format!(
                    "the story has more than {} panel files",
                    crate::diag::thousands(MAX_PANEL_FILES)
                ),
                "a story holds at most 20,000 panels; split it into several stories",
            )]);
        }
        match raw.into_string() {
            Ok(name) => names.push(name),
            Err(raw) => {
                let name = visible_name(&format!("panels/{}", raw.to_string_lossy()));
                errors.push(io_error(
                    &name,
                    format!("the file name `{name}` is not valid UTF-8"),
                    "rename the file: panel file names are UTF-8 text",
                ));
            }
        }
    }
    names.sort();
    // The bytes read so far: once past the cap, no more files are read.
    let used = AtomicU64::new(story.text.len() as u64);
    let read = super::par::map(&names, |name| {
        if used.load(Ordering::Relaxed) > MAX_STORY_BYTES {
            return Ok(None);
        }
        let file = read_file(
            root,
            &panels_dir.join(name),
            &visible_name(&format!("panels/{name}")),
        )?;
        let len = file.text.len() as u64;
        let total = used.fetch_add(len, Ordering::Relaxed) + len;
        Ok((total <= MAX_STORY_BYTES).then_some(file))
    });
    if used.into_inner() > MAX_STORY_BYTES {
        return Err(vec![too_large(
            format!(
                "the story's TOML files hold more than {} MiB together",
                MAX_STORY_BYTES / (1024 * 1024)
            ),
            "story.toml and the panel files may hold 32 MiB in all; split the story into several",
        )]);
    }
    let mut panels = Vec::new();
    for result in read {
        match result {
            Ok(f) => panels.extend(f),
            Err(d) => errors.push(d),
        }
    }
    if errors.is_empty() {
        Ok(TomlFiles { story, panels })
    } else {
        Err(errors)
    }
}

/// The story as a whole is over a cap: one error, on the panels folder.
fn too_large(msg: String, hint: &str) -> Diagnostic {
    Diagnostic::new(Kind::StoryTooLarge, &source("panels", ""), 0..0, msg).with_hint(hint)
}

/// A file name made safe to print on one line: controls (newlines too) become pictures.
pub fn visible_name(name: &str) -> String {
    crate::diag::visible_line(name)
}

/// Reads one TOML file under the story folder's rules ([`confine`]), valid UTF-8. A file
/// that is refused is not read, so nothing of it is quoted.
fn read_file(root: &Path, path: &Path, name: &str) -> Result<Arc<SourceText>, Diagnostic> {
    let bytes = confine::read_inside(root, path, MAX_TOML_BYTES).map_err(|refused| {
        let msg = format!("`{name}` {}", refused.reason(MAX_TOML_BYTES));
        match refused {
            Refused::TooLarge(_) => Diagnostic::new(Kind::FileTooLarge, &source(name, ""), 0..0, msg)
                .with_hint("split the story or shorten the file"),
            Refused::Missing(_) => io_error(
                name,
                msg,
                "a story folder holds `panels/story.toml`, the panel files and `assets/`",
            ),
            Refused::Outside => io_error(
                name,
                msg,
                "story files must be inside the story folder; copy the file in instead of linking it",
            ),
            Refused::NotFile | Refused::Io(_) => io_error(name, msg, ""),
        }
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(source(name, text)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let at = text
                .char_indices()
                .nth(valid_chars(e.as_bytes(), valid))
                .map_or(0, |(i, _)| i);
            let file = source(name, &text);
            // A leading byte order mark is not part of the source text.
            let at = at.saturating_sub(text.len() - file.text.len());
            Err(Diagnostic::new(
                Kind::Syntax,
                &file,
                at..at + 1,
                format!("`{name}` is not valid UTF-8"),
            ))
        }
    }
}

fn valid_chars(bytes: &[u8], valid: usize) -> usize {
    std::str::from_utf8(&bytes[..valid]).map_or(0, |s| s.chars().count())
}
