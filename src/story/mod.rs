//! The story: its model ([`model`]), where it comes from ([`StorySource`]) and the loader
//! ([`load`], in `load.rs`) that reads and validates TOML files into it.

pub mod archive;
pub mod assets;
mod builtin;
mod check;
pub mod confine;
mod files;
pub mod images;
pub mod lang;
mod load;
mod model;
mod par;
mod parse;
mod raw;

use std::path::{Path, PathBuf};

pub use load::{load, load_texts};
pub use model::*;

use crate::diag::Diagnostic;

/// Where to load a story from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorySource {
    /// The story compiled into the binary.
    Builtin,
    /// A story folder holding `panels/` and `assets/`.
    Dir(PathBuf),
    /// An image file, a folder of images or a `.cbz` archive: one page per image.
    Images(PathBuf),
}

impl StorySource {
    /// The built-in story, a story folder, or plain images, from a command-line path.
    pub fn from_arg(path: Option<&Path>) -> Self {
        match path {
            None => StorySource::Builtin,
            Some(p)
                if images::is_image_path(p)
                    || images::is_archive_path(p)
                    || (p.is_dir() && images::is_image_folder(p)) =>
            {
                StorySource::Images(p.to_path_buf())
            }
            Some(p) => StorySource::Dir(p.to_path_buf()),
        }
    }
}

/// The result of loading: the story if it can be shown, and every problem found.
#[derive(Debug)]
pub struct LoadOutcome {
    /// `Some` unless a problem stops the story from being shown.
    pub story: Option<Story>,
    pub diagnostics: Vec<Diagnostic>,
}

/// An empty source text named `name`, for diagnostics about a whole file.
pub fn source_named(name: &str) -> std::sync::Arc<crate::diag::SourceText> {
    files::source(crate::diag::visible(name), "")
}
