//! One problem located in one file, and the count of problems not shown.

use std::ops::Range;
use std::sync::Arc;

use super::source::clamp_span;
use super::text::visible;
use super::{Kind, MAX_SHOWN, MAX_SHOWN_PER_FILE, SourceText, plural, thousands};

/// Errors not shown because of [`MAX_SHOWN_PER_FILE`] or [`MAX_SHOWN`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Omitted {
    /// How many errors.
    pub errors: usize,
    /// How many files they are in that have no error shown (0 for one file's rest).
    pub files: usize,
}

/// One problem, located in one file.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub kind: Kind,
    pub file: Arc<SourceText>,
    pub span: Range<usize>,
    /// 1-based line of `span.start`.
    pub line: usize,
    /// 1-based column of `span.start`, in characters.
    pub col: usize,
    pub message: String,
    pub hint: Option<String>,
    /// `Some` for the closing count of errors that are not shown (`kind` is then the kind of
    /// one of them, one that blocks viewing if any does); rendered as one line.
    pub omitted: Option<Omitted>,
}

impl Diagnostic {
    pub fn new(kind: Kind, file: &Arc<SourceText>, span: Range<usize>, message: String) -> Self {
        let span = clamp_span(&file.text, span);
        let (line, col) = file.line_col(span.start);
        Self {
            kind,
            file: Arc::clone(file),
            span,
            line,
            col,
            message,
            hint: None,
            omitted: None,
        }
    }

    /// The count of errors not shown: the rest of `file`'s (`files == 0`), or errors in
    /// `files` other files (`file` then only names the first of them).
    pub(super) fn summary(kind: Kind, file: &Arc<SourceText>, omitted: Omitted) -> Self {
        let message = if omitted.files == 0 {
            format!(
                "{} more {} in {} not shown (at most {MAX_SHOWN_PER_FILE} per file)",
                thousands(omitted.errors),
                plural(omitted.errors, "error"),
                file.name
            )
        } else {
            format!(
                "{} more {} in {} more {} not shown (at most {} in all)",
                thousands(omitted.errors),
                plural(omitted.errors, "error"),
                thousands(omitted.files),
                plural(omitted.files, "file"),
                thousands(MAX_SHOWN)
            )
        };
        Self {
            omitted: Some(omitted),
            ..Self::new(kind, file, 0..0, message)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// `panels/story.toml:12:9`.
    pub fn location(&self) -> String {
        format!("{}:{}:{}", visible(&self.file.name), self.line, self.col)
    }
}
