//! Reading a story's TOML files from a folder or from the built-in copy.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use crate::diag::{Diagnostic, Kind, SourceText};

/// Largest story TOML file read, in bytes.
pub const MAX_TOML_BYTES: u64 = 4 * 1024 * 1024;

/// The TOML side of a story: `story.toml` and the panel files, by display name.
#[derive(Debug)]
pub struct TomlFiles {
    pub story: Arc<SourceText>,
    pub panels: Vec<Arc<SourceText>>,
}

pub fn source(name: impl Into<String>, text: impl Into<Arc<str>>) -> Arc<SourceText> {
    Arc::new(SourceText {
        name: name.into(),
        text: text.into(),
    })
}

/// A diagnostic for a file that could not be read at all.
pub fn io_error(name: &str, msg: String, hint: &str) -> Diagnostic {
    Diagnostic::new(Kind::Io, &source(name, ""), 0..0, msg).with_hint(hint)
}

/// Reads `DIR/panels/story.toml` and every other `DIR/panels/*.toml`, sorted by name.
pub fn read_dir(dir: &Path) -> Result<TomlFiles, Vec<Diagnostic>> {
    let panels_dir = dir.join("panels");
    let story =
        read_file(&panels_dir.join("story.toml"), "panels/story.toml").map_err(|d| vec![d])?;
    let entries = fs::read_dir(&panels_dir).map_err(|e| {
        vec![io_error(
            "panels",
            format!("cannot list the panels folder: {e}"),
            "",
        )]
    })?;
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".toml") && n != "story.toml")
        .collect();
    names.sort();
    let mut panels = Vec::new();
    let mut errors = Vec::new();
    let read = super::par::map(&names, |name| {
        read_file(&panels_dir.join(name), &format!("panels/{name}"))
    });
    for result in read {
        match result {
            Ok(f) => panels.push(f),
            Err(d) => errors.push(d),
        }
    }
    if errors.is_empty() {
        Ok(TomlFiles { story, panels })
    } else {
        Err(errors)
    }
}

/// Reads one TOML file: a regular file under the size cap, valid UTF-8.
fn read_file(path: &Path, name: &str) -> Result<Arc<SourceText>, Diagnostic> {
    let meta = fs::metadata(path).map_err(|e| {
        let hint = "a story folder holds `panels/story.toml`, the panel files and `assets/`";
        io_error(name, format!("cannot read `{name}`: {e}"), hint)
    })?;
    if !meta.is_file() {
        return Err(io_error(
            name,
            format!("`{name}` is not a regular file"),
            "",
        ));
    }
    if meta.len() > MAX_TOML_BYTES {
        let d = Diagnostic::new(
            Kind::FileTooLarge,
            &source(name, ""),
            0..0,
            format!("`{name}` is larger than 4 MiB"),
        );
        return Err(d.with_hint("split the story or shorten the file"));
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(MAX_TOML_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| io_error(name, format!("cannot read `{name}`: {e}"), ""))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(source(name, text)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let at = text
                .char_indices()
                .nth(valid_chars(e.as_bytes(), valid))
                .map_or(0, |(i, _)| i);
            let file = source(name, text);
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
