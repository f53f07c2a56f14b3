//! `comicterm new DIR`: a small complete story to start writing from. One page with two
//! panels, a character, a source and a note citing it, and a placeholder picture drawn here
//! (no copy of the built-in art), in the languages asked for. The files are checked with the
//! same checks as `comicterm check` before anything is written.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use crate::story::load_texts;

mod picture;
mod texts;

use picture::PICTURE;

/// A refusal or failure, with the line to print after `comicterm: `.
#[derive(Debug)]
pub struct Error(pub String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The languages of `--lang en,zh-Hans` (default `en`), in order, without repeats.
pub fn languages(arg: Option<&str>) -> Result<Vec<String>, Error> {
    let mut out: Vec<String> = Vec::new();
    for tag in arg.unwrap_or("en").split(',').map(str::trim) {
        // Tags become TOML keys: letters, digits and `-` only (check has the full rule).
        if tag.is_empty() || !tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return Err(Error(format!(
                "`{}` is not a language tag; use BCP-47 tags such as en or zh-Hans, separated by commas",
                crate::diag::visible(tag)
            )));
        }
        if !out.iter().any(|t| t == tag) {
            out.push(tag.to_string());
        }
    }
    Ok(out)
}

/// Writes the new story into `dir` (created if missing) and returns the files written,
/// relative to `dir`. A non-empty `dir` is refused, and no file is replaced, unless `force`.
pub fn write(dir: &Path, langs: &[String], force: bool) -> Result<Vec<String>, Error> {
    let shown = crate::path_arg::one_line(dir);
    let files = files(dir, langs)?;
    let not_empty = match fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_some(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => false,
        Err(e) => return Err(Error(format!("cannot use {shown}: {e}"))),
    };
    if not_empty && !force {
        return Err(Error(format!(
            "{shown} is not empty; choose a new folder, or add --force to write the story \
             into it (files with the same names are replaced)"
        )));
    }
    let mut written = Vec::new();
    for (name, bytes) in files {
        let path = dir.join(&name);
        write_file(&path, &bytes, force).map_err(|e| {
            Error(format!(
                "cannot write {}: {e}",
                crate::path_arg::one_line(&path)
            ))
        })?;
        written.push(name);
    }
    Ok(written)
}

/// Creates `path` (and its folders). Without `force` an existing file is an error; with it,
/// the file or link is removed first, so a link is replaced rather than written through.
fn write_file(path: &Path, bytes: &[u8], force: bool) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    if force
        && let Ok(meta) = fs::symlink_metadata(path)
        && !meta.is_dir()
    {
        fs::remove_file(path)?;
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// The story's files, checked as `comicterm check` would (the picture aside).
fn files(dir: &Path, langs: &[String]) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let story = texts::story_toml(&story_id(dir), langs);
    let start = texts::start_panel(langs);
    let end = texts::end_panel(langs);
    let outcome = load_texts(&story, &[("01-start.toml", &start), ("02-end.toml", &end)]);
    // The picture is not in the in-memory store, so only its absence may be reported.
    let problems: Vec<String> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.kind != crate::diag::Kind::ArtMissing)
        .map(|d| d.message.clone())
        .collect();
    if let Some(first) = problems.first() {
        return Err(Error(format!(
            "cannot write this story: {}",
            crate::diag::visible(first)
        )));
    }
    let picture =
        picture::placeholder_png().map_err(|e| Error(format!("cannot draw the picture: {e}")))?;
    Ok(vec![
        ("panels/story.toml".into(), story.into_bytes()),
        ("panels/01-start.toml".into(), start.into_bytes()),
        ("panels/02-end.toml".into(), end.into_bytes()),
        (PICTURE.into(), picture),
    ])
}

/// The folder's name as an id (`a-z`, `0-9`, `-`, `_`), or `my-story`.
fn story_id(dir: &Path) -> String {
    let name = dir
        .canonicalize()
        .ok()
        .or_else(|| Some(PathBuf::from(dir)))
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().to_lowercase()))
        .unwrap_or_default();
    let id: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .take(64)
        .collect();
    let id = id.trim_matches('-');
    if id.is_empty() {
        "my-story".into()
    } else {
        id.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_lists_are_split_deduplicated_and_refused_when_unsafe() {
        assert_eq!(languages(None).unwrap(), ["en"]);
        assert_eq!(
            languages(Some("en, zh-Hans,en")).unwrap(),
            ["en", "zh-Hans"]
        );
        assert!(languages(Some("en,\"x\"")).is_err());
        assert!(languages(Some("en,,fr")).is_err());
    }

    #[test]
    fn a_tag_the_checker_refuses_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("s");
        let langs = languages(Some("e")).unwrap();
        let err = write(&target, &langs, false).unwrap_err();
        assert!(err.0.contains("not a language tag"), "{err}");
        assert!(!target.exists());
    }

    #[test]
    fn ids_come_from_the_folder_name() {
        assert_eq!(story_id(Path::new("/x/My Story!")), "my-story");
        assert_eq!(story_id(Path::new("/x/!!!")), "my-story");
        assert_eq!(story_id(Path::new("/x/tale_2")), "tale_2");
    }
}
