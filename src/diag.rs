//! Diagnostics: problems found in a story, with file, line, column and a rendered snippet.
//!
//! Rendering uses annotate-snippets (the rustc renderer). Both the quoted source and every
//! message go through [`visible`] first, so nothing from a story file reaches the terminal as
//! a control sequence, C1 controls included.

use std::fmt::Write as _;
use std::ops::Range;
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

use crate::text::is_stray_invisible;

/// What went wrong, for tests and for the `error[...]` code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Syntax,
    WrongType,
    UnknownKey,
    MissingKey,
    DuplicateKey,
    BadValue,
    DuplicateId,
    UnknownSpeaker,
    SpeakerNotAllowed,
    UnknownSource,
    /// A note's `status` and the number of sources it cites do not fit together.
    StatusCites,
    /// A key that an older version of the format used, with its replacement in the hint.
    ObsoleteKey,
    UnknownPanel,
    UnplacedPanel,
    PanelPlacedTwice,
    MissingLanguage,
    UnknownLanguage,
    EmptyText,
    GridOverlap,
    GridGap,
    GridOutOfBounds,
    ArtPath,
    ArtMissing,
    ArtNotFile,
    ArtTooLarge,
    ArtFormat,
    ControlChar,
    FileTooLarge,
    Io,
}

impl Kind {
    /// A short stable code shown as `error[code]`.
    pub fn code(self) -> &'static str {
        use Kind::*;
        match self {
            Syntax => "syntax",
            WrongType => "wrong-type",
            UnknownKey => "unknown-key",
            MissingKey => "missing-key",
            DuplicateKey => "duplicate-key",
            BadValue => "bad-value",
            DuplicateId => "duplicate-id",
            UnknownSpeaker => "unknown-speaker",
            SpeakerNotAllowed => "speaker-not-allowed",
            UnknownSource => "unknown-source",
            StatusCites => "status-cites",
            ObsoleteKey => "obsolete-key",
            UnknownPanel => "unknown-panel",
            UnplacedPanel => "unplaced-panel",
            PanelPlacedTwice => "panel-placed-twice",
            MissingLanguage => "missing-language",
            UnknownLanguage => "unknown-language",
            EmptyText => "empty-text",
            GridOverlap => "grid-overlap",
            GridGap => "grid-gap",
            GridOutOfBounds => "grid-out-of-bounds",
            ArtPath => "art-path",
            ArtMissing => "art-missing",
            ArtNotFile => "art-not-file",
            ArtTooLarge => "art-too-large",
            ArtFormat => "art-format",
            ControlChar => "control-char",
            FileTooLarge => "file-too-large",
            Io => "io",
        }
    }

    /// Whether the viewer can still open a story with this problem: control characters are
    /// never shown, and a panel whose art is refused shows its alt text and the reason.
    pub fn blocks_viewing(self) -> bool {
        use Kind::*;
        !matches!(
            self,
            ControlChar | ArtPath | ArtMissing | ArtNotFile | ArtTooLarge | ArtFormat
        )
    }
}

/// A story file's name and text, shared by its diagnostics.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// Path shown to the user, relative to the story folder (e.g. `panels/story.toml`).
    pub name: String,
    pub text: Arc<str>,
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
}

impl Diagnostic {
    pub fn new(kind: Kind, file: &Arc<SourceText>, span: Range<usize>, message: String) -> Self {
        let span = clamp_span(&file.text, span);
        let (line, col) = line_col(&file.text, span.start);
        Self {
            kind,
            file: Arc::clone(file),
            span,
            line,
            col,
            message,
            hint: None,
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

    /// Renders the diagnostic with a snippet and caret; `styled` adds colors.
    pub fn render(&self, styled: bool) -> String {
        let (source, span) = visible_with_span(&self.file.text, &self.span);
        let name = visible(&self.file.name);
        let message = visible(&self.message);
        let hint = self.hint.as_deref().map(visible);
        let mut snippet = Snippet::source(source.as_str()).path(name.as_str());
        snippet = snippet.annotation(AnnotationKind::Primary.span(span));
        let mut group = Level::ERROR
            .primary_title(message.as_str())
            .id(self.kind.code())
            .element(snippet);
        if let Some(h) = &hint {
            group = group.element(Level::HELP.message(h.as_str()));
        }
        let renderer = if styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.render(&[group])
    }
}

/// Renders every diagnostic and a closing count line.
pub fn render_all(diags: &[Diagnostic], styled: bool) -> String {
    let mut out = String::new();
    for d in diags {
        out.push_str(&d.render(styled));
        out.push_str("\n\n");
    }
    let files: std::collections::BTreeSet<&str> =
        diags.iter().map(|d| d.file.name.as_str()).collect();
    let _ = writeln!(
        out,
        "{} error{} in {} file{}",
        diags.len(),
        if diags.len() == 1 { "" } else { "s" },
        files.len(),
        if files.len() == 1 { "" } else { "s" },
    );
    out
}

fn clamp_span(text: &str, span: Range<usize>) -> Range<usize> {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start);
    let end = floor(span.end.max(span.start)).max(start);
    start..end
}

/// 1-based line and character column of byte `offset`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Text made safe to print: controls become visible pictures (`␛`), other invisible
/// characters become `�`, tabs stay (the renderer expands them).
pub fn visible(s: &str) -> String {
    visible_with_span(s, &(0..0)).0
}

fn visible_with_span(s: &str, span: &Range<usize>) -> (String, Range<usize>) {
    let mut out = String::with_capacity(s.len());
    let (mut start, mut end) = (None, None);
    for (i, c) in s.char_indices() {
        if i >= span.start && start.is_none() {
            start = Some(out.len());
        }
        if i >= span.end && end.is_none() {
            end = Some(out.len());
        }
        match c {
            '\n' | '\t' => out.push(c),
            '\r' if s[i + 1..].starts_with('\n') => {}
            '\0'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('�')),
            '\u{7f}' => out.push('␡'),
            c if c.is_control() || is_stray_invisible(s, i) => out.push('�'),
            c => out.push(c),
        }
    }
    let start = start.unwrap_or(out.len());
    let end = end.unwrap_or(out.len()).max(start);
    (out, start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> Arc<SourceText> {
        Arc::new(SourceText {
            name: "panels/x.toml".into(),
            text: text.into(),
        })
    }

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("你好\nx", 3), (1, 2));
        assert_eq!(line_col("", 0), (1, 1));
    }

    #[test]
    fn rendering_shows_location_caret_and_hint() {
        let d = Diagnostic::new(
            Kind::UnknownKey,
            &file("a = 1\nimg = 2\n"),
            6..9,
            "bad".into(),
        )
        .with_hint("known keys: art");
        let out = d.render(false);
        assert!(out.contains("panels/x.toml:2:1"), "{out}");
        assert!(out.contains("img = 2"), "{out}");
        assert!(out.contains("^^^"), "{out}");
        assert!(out.contains("known keys: art"), "{out}");
        assert!(out.contains("error[unknown-key]"), "{out}");
    }

    #[test]
    fn rendering_never_emits_control_bytes() {
        let src = "t = \"\u{1b}]52;c;eA==\u{7}\u{9b}2J\u{202e}\"\n";
        let d = Diagnostic::new(Kind::ControlChar, &file(src), 5..6, "x\u{1b}[2J".into());
        for styled in [false, true] {
            let out = d.render(styled);
            let cleaned = crate::text::strip_sgr(&out);
            assert!(!cleaned.contains('\u{1b}'), "{cleaned:?}");
            assert!(!cleaned.contains('\u{7}'));
            assert!(!cleaned.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)));
            assert!(!cleaned.contains('\u{202e}'));
        }
    }
}
