//! Art paths: syntactic rules, confinement to the story folder, and file checks.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::confine::{self, Refused};
use super::model::ArtOrigin;
use crate::diag::Kind;

pub use super::confine::MAX_ART_BYTES;

/// Where a story's art lives.
#[derive(Debug, Clone)]
pub enum AssetStore {
    /// A story folder on disk (canonicalized), with each path resolved once per load (a large
    /// story shares a few pictures among thousands of panels).
    Dir(
        PathBuf,
        Arc<Mutex<HashMap<String, Result<ArtOrigin, PathProblem>>>>,
    ),
    /// Files compiled into the binary (the built-in story; empty for in-memory test texts), by
    /// relative path. (A `.cbz`'s pictures are [`ArtOrigin::Archive`] entries, read when shown.)
    Embedded(Arc<HashMap<String, Arc<[u8]>>>),
}

/// Why an art path was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathProblem {
    pub kind: Kind,
    pub message: String,
    pub hint: String,
}

fn problem(kind: Kind, message: impl Into<String>, hint: impl Into<String>) -> PathProblem {
    PathProblem {
        kind,
        message: message.into(),
        hint: hint.into(),
    }
}

impl AssetStore {
    /// The art of the story folder `root` (already canonicalized).
    pub fn dir(root: PathBuf) -> Self {
        AssetStore::Dir(root, Arc::default())
    }

    /// Checks `rel` and finds the art it names.
    pub fn resolve(&self, rel: &str) -> Result<ArtOrigin, PathProblem> {
        check_syntax(rel)?;
        match self {
            AssetStore::Dir(root, resolved) => {
                let mut resolved = resolved
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                resolved
                    .entry(rel.to_string())
                    .or_insert_with(|| resolve_file(root, rel).map(ArtOrigin::File))
                    .clone()
            }
            AssetStore::Embedded(files) => {
                let key = rel.trim_start_matches("./");
                let bytes = files.get(key).ok_or_else(|| {
                    problem(
                        Kind::ArtMissing,
                        format!("no file `{rel}` in the story"),
                        "check the file name",
                    )
                })?;
                check_magic(rel, &bytes[..bytes.len().min(16)])?;
                Ok(ArtOrigin::Embedded(Arc::clone(bytes)))
            }
        }
    }
}

/// Rules that need no file system: relative, `/`-separated, no `..`, no NUL or backslash.
pub fn check_syntax(rel: &str) -> Result<(), PathProblem> {
    let hint = "art paths are relative to the story folder, e.g. `assets/01-panel.png`";
    if rel.is_empty() {
        return Err(problem(Kind::ArtPath, "the art path is empty", hint));
    }
    if rel.len() > 1024 {
        return Err(problem(
            Kind::ArtPath,
            "the art path is longer than 1024 bytes",
            hint,
        ));
    }
    if rel.contains('\0') {
        return Err(problem(
            Kind::ArtPath,
            "the art path contains a NUL character",
            hint,
        ));
    }
    if rel.contains('\\') {
        return Err(problem(
            Kind::ArtPath,
            "the art path contains a backslash",
            "use `/` between folders",
        ));
    }
    let bytes = rel.as_bytes();
    if rel.starts_with('/') || (bytes.len() > 1 && bytes[1] == b':') {
        return Err(problem(Kind::ArtPath, "the art path is absolute", hint));
    }
    for comp in Path::new(rel).components() {
        match comp {
            Component::Normal(_) | Component::CurDir => {}
            Component::ParentDir => {
                return Err(problem(
                    Kind::ArtPath,
                    "the art path goes up with `..`",
                    "art must stay inside the story folder",
                ));
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err(problem(Kind::ArtPath, "the art path is absolute", hint));
            }
        }
    }
    if rel.ends_with('/') {
        return Err(problem(
            Kind::ArtNotFile,
            "the art path names a folder",
            hint,
        ));
    }
    Ok(())
}

/// Resolves symlinks and requires a regular file inside `root`, under the size cap, that
/// starts like a PNG or JPEG ([`confine`]'s rules). Never opens anything but a regular file.
fn resolve_file(root: &Path, rel: &str) -> Result<PathBuf, PathProblem> {
    let refused = |r: Refused| {
        let msg = format!("`{rel}` {}", r.reason(MAX_ART_BYTES));
        match r {
            Refused::Missing(_) => problem(
                Kind::ArtMissing,
                msg,
                "check the file name and that the file is in the story folder",
            ),
            Refused::Outside => problem(
                Kind::ArtPath,
                msg,
                "art must stay inside the story folder (a symlink leads out)",
            ),
            Refused::NotFile => problem(Kind::ArtNotFile, msg, "art must be a PNG or JPEG file"),
            Refused::TooLarge(_) => problem(Kind::ArtTooLarge, msg, "scale the image down"),
            Refused::Io(_) => problem(Kind::ArtMissing, msg, "check permissions"),
        }
    };
    let real = confine::resolve_inside(root, &root.join(rel)).map_err(refused)?;
    let (mut file, _) = confine::open_regular(&real, MAX_ART_BYTES).map_err(refused)?;
    let mut head = [0u8; 16];
    let n = file.read(&mut head).map_err(|e| refused(Refused::Io(e)))?;
    check_magic(rel, &head[..n])?;
    Ok(real)
}

/// PNG or JPEG by content, and named for what it is (a `.png` holding JPEG data is refused,
/// so a story behaves the same in every tool).
fn check_magic(rel: &str, head: &[u8]) -> Result<(), PathProblem> {
    let ext = rel
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let actual = if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("png")
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("jpeg")
    } else {
        None
    };
    let named = match ext.as_str() {
        "png" => "png",
        "jpg" | "jpeg" => "jpeg",
        _ => {
            return Err(problem(
                Kind::ArtFormat,
                format!("`{rel}` is not named .png, .jpg or .jpeg"),
                "art must be a PNG or JPEG file",
            ));
        }
    };
    match actual {
        None => Err(problem(
            Kind::ArtFormat,
            format!("`{rel}` is neither PNG nor JPEG data"),
            "convert it to PNG or JPEG",
        )),
        Some(a) if a != named => Err(problem(
            Kind::ArtFormat,
            format!(
                "`{rel}` holds {} data but is named .{ext}",
                a.to_uppercase()
            ),
            format!("rename it to .{}", if a == "png" { "png" } else { "jpg" }),
        )),
        Some(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_rules() {
        for bad in [
            "",
            "../x.png",
            "a/../../x.png",
            "/etc/passwd",
            "C:\\x.png",
            "\\\\?\\C:\\x",
            "..\\x.png",
            "a\0b",
            "c:x.png",
            "assets/",
        ] {
            assert!(check_syntax(bad).is_err(), "{bad:?} accepted");
        }
        assert!(check_syntax(&"a".repeat(5000)).is_err());
        for good in ["./p1.png", "assets/01.png", "a b/c.png"] {
            assert_eq!(check_syntax(good), Ok(()), "{good:?}");
        }
    }
}
