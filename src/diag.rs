//! Diagnostics: problems found in a story, with file, line, column and a rendered snippet.
//!
//! Rendering uses annotate-snippets (the rustc renderer). Both the quoted source and every
//! message go through [`visible`] first, so nothing from a story file reaches the terminal as
//! a control sequence, C1 controls included.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

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
    /// A text longer than the format allows (docs/format.md, "Limits").
    TooLong,
    /// A list with more items than the format allows.
    TooMany,
    /// The story as a whole is larger than the format allows (files, bytes).
    StoryTooLarge,
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
            TooLong => "too-long",
            TooMany => "too-many",
            StoryTooLarge => "story-too-large",
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

/// At most this many diagnostics are kept and shown per file; the rest are counted.
pub const MAX_SHOWN_PER_FILE: usize = 50;
/// At most this many diagnostics are kept and shown in all; the rest are counted.
pub const MAX_SHOWN: usize = 1_000;
/// A quoted line longer than this (in bytes) is cut to a window around the span.
const LONG_LINE: usize = 400;
/// Characters quoted before and after the span's start on a line that is cut.
const WINDOW_BEFORE: usize = 60;
const WINDOW_AFTER: usize = 120;
/// A span over more lines than this is shown on its first line only.
const MAX_SNIPPET_LINES: usize = 6;
/// Characters of a value quoted in a message ([`excerpt`]).
const EXCERPT_CHARS: usize = 60;

/// A story file's name and text, shared by its diagnostics, with a line index built the
/// first time a diagnostic needs one.
#[derive(Clone)]
pub struct SourceText {
    /// Path shown to the user, relative to the story folder (e.g. `panels/story.toml`).
    pub name: String,
    /// The file's text, without a leading byte order mark: every span is an offset into it.
    pub text: Arc<str>,
    index: OnceLock<LineIndex>,
}

impl std::fmt::Debug for SourceText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SourceText")
            .field("name", &self.name)
            .field("text", &self.text)
            .finish_non_exhaustive()
    }
}

impl SourceText {
    /// A file's text, with a leading UTF-8 byte order mark removed (editors do not count it
    /// as a column, and the TOML parser's spans do not include it).
    pub fn new(name: impl Into<String>, text: &str) -> Arc<Self> {
        Arc::new(Self {
            name: name.into(),
            text: text.strip_prefix('\u{feff}').unwrap_or(text).into(),
            index: OnceLock::new(),
        })
    }

    fn index(&self) -> &LineIndex {
        self.index.get_or_init(|| LineIndex::new(&self.text))
    }

    /// 1-based line and character column of byte `offset` (clamped into the text and down
    /// to a character boundary), from the file's line index: no rescan of the text.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_boundary(&self.text, offset);
        let index = self.index();
        let line = index.line_of(offset);
        let start = index.line_start(line);
        let col = index.chars_before(&self.text, offset) - index.chars_before(&self.text, start);
        (line + 1, col + 1)
    }

    /// Byte range of 0-based line `line`, without its line ending.
    fn line_range(&self, line: usize) -> Range<usize> {
        let index = self.index();
        let start = index.line_start(line);
        let mut end = index
            .starts
            .get(line + 1)
            .map_or(self.text.len(), |&s| s as usize - 1);
        if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        start..end.max(start)
    }
}

/// Where lines start, and how many characters precede every [`CHUNK`]-th byte: line and
/// column of any offset by a binary search and a scan of at most `CHUNK` bytes.
#[derive(Clone, Debug)]
struct LineIndex {
    /// Byte offset of each line's start (the first is 0).
    starts: Vec<u32>,
    /// `chars[k]`: the number of characters in the first `k * CHUNK` bytes.
    chars: Vec<u32>,
}

const CHUNK: usize = 64;

fn is_char_start(b: u8) -> bool {
    b & 0xc0 != 0x80
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == b'\n')
                .map(|(i, _)| to_u32(i + 1)),
        );
        let mut chars = Vec::with_capacity(bytes.len() / CHUNK + 1);
        let mut count = 0;
        chars.push(0);
        for chunk in bytes.chunks(CHUNK) {
            count += chunk.iter().filter(|&&b| is_char_start(b)).count();
            chars.push(to_u32(count));
        }
        Self { starts, chars }
    }

    /// 0-based line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s as usize <= offset)
            .saturating_sub(1)
    }

    fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).map_or(0, |&s| s as usize)
    }

    /// Characters in `text[..offset]`.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let k = offset / CHUNK;
        let base = self.chars.get(k).map_or(0, |&c| c as usize);
        let from = (k * CHUNK).min(offset);
        base + text.as_bytes()[from..offset]
            .iter()
            .filter(|&&b| is_char_start(b))
            .count()
    }
}

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
    fn summary(kind: Kind, file: &Arc<SourceText>, omitted: Omitted) -> Self {
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

    /// Renders the diagnostic with a snippet and caret; `styled` adds colors. Only the lines
    /// around the span are quoted (a window of a long line), so the cost does not grow with
    /// the file.
    pub fn render(&self, styled: bool) -> String {
        let renderer = if styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let message = visible(&self.message);
        if self.omitted.is_some() {
            return renderer.render(&[Group::with_title(Level::NOTE.secondary_title(message))]);
        }
        let (source, span, first_line) = self.snippet();
        let name = visible(&self.file.name).replace('\n', "\u{240a}");
        let hint = self.hint.as_deref().map(visible);
        let snippet = Snippet::source(source.as_str())
            .path(name.as_str())
            .line_start(first_line)
            .annotation(AnnotationKind::Primary.span(span.clone()));
        // The title is one line, so the location is on the second.
        let message = message.replace('\n', " ");
        let mut group = Level::ERROR
            .primary_title(message.as_str())
            .id(self.kind.code())
            .element(snippet);
        if let Some(h) = &hint {
            group = group.element(Level::HELP.message(h.as_str()));
        }
        let out = renderer.render(&[group]);
        // The renderer counts the column in the quoted window; a window cut from a long line
        // starts inside it, so the location is given its true column.
        let shown = source[..span.start].chars().count() + 1;
        if shown == self.col {
            return out;
        }
        let title_end = out.find('\n').unwrap_or(out.len());
        let (title, rest) = out.split_at(title_end);
        let wrong = format!("{name}:{}:{shown}", self.line);
        let right = format!("{name}:{}:{}", self.line, self.col);
        format!("{title}{}", rest.replacen(&wrong, &right, 1))
    }

    /// The quoted source (made visible), the span in it, and its first line's number: the
    /// span's lines, or its first line if it covers many; a window of a long line.
    fn snippet(&self) -> (String, Range<usize>, usize) {
        let file = &self.file;
        let text: &str = &file.text;
        let first = self.line - 1;
        let last_byte = if self.span.end > self.span.start {
            self.span.end - 1
        } else {
            self.span.start
        };
        let last = file.index().line_of(last_byte).max(first);
        let mut lines = file.line_range(first).start..file.line_range(last).end;
        let mut span = self.span.clone();
        if last - first >= MAX_SNIPPET_LINES || lines.len() > LONG_LINE {
            lines = file.line_range(first);
            span.end = span.end.min(lines.end).max(span.start);
        }
        let (mut prefix, mut suffix) = ("", "");
        if lines.len() > LONG_LINE {
            let before = text[lines.start..span.start]
                .char_indices()
                .rev()
                .nth(WINDOW_BEFORE - 1)
                .map_or(lines.start, |(i, _)| lines.start + i);
            let after = text[span.start..lines.end]
                .char_indices()
                .nth(WINDOW_AFTER)
                .map_or(lines.end, |(i, _)| span.start + i);
            if before > lines.start {
                prefix = "…";
            }
            if after < lines.end {
                suffix = "…";
            }
            lines = before..after;
            span.end = span.end.min(after);
        }
        let local = span.start - lines.start..span.end - lines.start;
        let (quoted, local) = visible_with_span(&text[lines], &local);
        let source = format!("{prefix}{quoted}{suffix}");
        let shift = prefix.len();
        (source, local.start + shift..local.end + shift, first + 1)
    }
}

/// Collects diagnostics, keeping at most [`MAX_SHOWN_PER_FILE`] per file and [`MAX_SHOWN`]
/// in all, and counting the rest: memory and output stay bounded however many problems a
/// story has. Files are told apart by name.
#[derive(Debug, Default)]
pub struct Diags {
    kept: Vec<Diagnostic>,
    files: HashMap<String, Tally>,
    /// Files with errors omitted, in the order first seen.
    order: Vec<String>,
    /// Errors in files with none kept (over [`MAX_SHOWN`]).
    others: Option<(Diagnostic, Omitted)>,
    /// Files counted only through an imported summary of other files.
    imported_files: usize,
}

#[derive(Debug, Default)]
struct Tally {
    kept: usize,
    omitted: usize,
    /// An omitted diagnostic (the first blocking one, else the first), for its kind and file.
    example: Option<Diagnostic>,
    /// Counted in [`Diags::others`].
    in_others: bool,
}

impl Diags {
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether a diagnostic in `file` would be kept: if not, [`Diags::omit`] counts it
    /// without building it (its hint may be costly).
    pub fn keeps(&self, file: &SourceText) -> bool {
        let kept = self.files.get(&file.name).map_or(0, |t| t.kept);
        kept < MAX_SHOWN_PER_FILE && (self.kept.len() < MAX_SHOWN)
    }

    /// Counts a diagnostic of `kind` in `file` that is not kept.
    pub fn omit(&mut self, kind: Kind, file: &Arc<SourceText>) {
        self.count_omitted(Diagnostic::new(kind, file, 0..0, String::new()), 1, 0);
    }

    /// Keeps `d` if there is room, else counts it; a summary adds its count.
    pub fn push(&mut self, d: Diagnostic) {
        if let Some(o) = d.omitted {
            self.count_omitted(d, o.errors, o.files);
        } else if self.keeps(&d.file) {
            self.tally(&d.file.name).kept += 1;
            self.kept.push(d);
        } else {
            self.count_omitted(d, 1, 0);
        }
    }

    /// Adds every diagnostic and count of `other` (in its order).
    pub fn append(&mut self, other: Diags) {
        let Diags {
            kept,
            mut files,
            order,
            others,
            imported_files: _,
        } = other;
        kept.into_iter().for_each(|d| self.push(d));
        for name in order {
            if let Some(t) = files.remove(&name)
                && let Some(example) = t.example
            {
                self.count_omitted(example, t.omitted, 0);
            }
        }
        if let Some((d, o)) = others {
            self.push(Diagnostic {
                omitted: Some(o),
                ..d
            });
        }
    }

    fn tally(&mut self, name: &str) -> &mut Tally {
        if !self.files.contains_key(name) {
            self.files.insert(name.to_string(), Tally::default());
        }
        self.files.get_mut(name).expect("just inserted")
    }

    fn count_omitted(&mut self, d: Diagnostic, errors: usize, files: usize) {
        if files > 0 {
            self.imported_files += files;
            self.add_to_others(d, errors, files);
            return;
        }
        let name = d.file.name.clone();
        let t = self.tally(&name);
        if t.kept == 0 {
            let new_file = !t.in_others;
            t.in_others = true;
            self.add_to_others(d, errors, usize::from(new_file));
            return;
        }
        t.omitted += errors;
        let first = t.example.is_none();
        if first
            || (d.kind.blocks_viewing()
                && !t.example.as_ref().is_some_and(|e| e.kind.blocks_viewing()))
        {
            t.example = Some(d);
        }
        if first {
            self.order.push(name);
        }
    }

    fn add_to_others(&mut self, d: Diagnostic, errors: usize, files: usize) {
        match &mut self.others {
            None => self.others = Some((d, Omitted { errors, files })),
            Some((example, o)) => {
                o.errors += errors;
                o.files += files;
                if d.kind.blocks_viewing() && !example.kind.blocks_viewing() {
                    *example = d;
                }
            }
        }
    }

    /// Errors in all, kept or not, and the number of files they are in.
    pub fn totals(&self) -> (usize, usize) {
        let omitted: usize = self.files.values().map(|t| t.omitted).sum();
        let others = self.others.as_ref().map_or(0, |(_, o)| o.errors);
        let files = self
            .files
            .values()
            .filter(|t| t.kept > 0 || t.in_others)
            .count();
        let imported = self.imported_files;
        // A file counted through an imported summary was not seen by name.
        (self.kept.len() + omitted + others, files + imported)
    }

    /// The kept diagnostics, then one summary per file with errors omitted, then one for
    /// the files with none kept.
    pub fn into_vec(mut self) -> Vec<Diagnostic> {
        let mut out = std::mem::take(&mut self.kept);
        for name in &self.order {
            if let Some(t) = self.files.get(name)
                && let Some(example) = &t.example
            {
                out.push(Diagnostic::summary(
                    example.kind,
                    &example.file,
                    Omitted {
                        errors: t.omitted,
                        files: 0,
                    },
                ));
            }
        }
        if let Some((example, o)) = self.others {
            out.push(Diagnostic::summary(example.kind, &example.file, o));
        }
        out
    }
}

/// Renders the diagnostics (at most [`MAX_SHOWN_PER_FILE`] per file and [`MAX_SHOWN`] in
/// all, then how many more) and a closing count line.
pub fn render_all(diags: &[Diagnostic], styled: bool) -> String {
    let mut shown = Diags::new();
    for d in diags {
        shown.push(d.clone());
    }
    let (errors, files) = shown.totals();
    let mut out = String::new();
    for d in shown.into_vec() {
        out.push_str(&d.render(styled));
        out.push_str("\n\n");
    }
    let _ = writeln!(
        out,
        "{} {} in {} {}",
        errors,
        plural(errors, "error"),
        files,
        plural(files, "file"),
    );
    out
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

/// `12,345`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A value from a story file, short enough to quote in a message: its first characters,
/// then `…` if there is more.
pub fn excerpt(s: &str) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(EXCERPT_CHARS) {
        None => s.into(),
        Some((i, _)) => format!("{}…", &s[..i]).into(),
    }
}

fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn clamp_span(text: &str, span: Range<usize>) -> Range<usize> {
    let start = floor_boundary(text, span.start);
    let end = floor_boundary(text, span.end.max(span.start)).max(start);
    start..end
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
        SourceText::new("panels/x.toml", text)
    }

    /// Line and column the slow way, as before the index.
    fn naive_line_col(text: &str, offset: usize) -> (usize, usize) {
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[line_start..].chars().count() + 1)
    }

    /// The whole-file rendering used before windows, for comparison on small files.
    fn whole_file_render(d: &Diagnostic) -> String {
        let (source, span) = visible_with_span(&d.file.text, &d.span);
        let name = visible(&d.file.name);
        let message = visible(&d.message);
        let hint = d.hint.as_deref().map(visible);
        let snippet = Snippet::source(source.as_str())
            .path(name.as_str())
            .annotation(AnnotationKind::Primary.span(span));
        let mut group = Level::ERROR
            .primary_title(message.as_str())
            .id(d.kind.code())
            .element(snippet);
        if let Some(h) = &hint {
            group = group.element(Level::HELP.message(h.as_str()));
        }
        Renderer::plain().render(&[group])
    }

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(file("ab\ncd").line_col(4), (2, 2));
        assert_eq!(file("你好\nx").line_col(3), (1, 2));
        assert_eq!(file("").line_col(0), (1, 1));
        // Past the end or inside a character: clamped, never a panic.
        assert_eq!(file("你").line_col(2), (1, 1));
        assert_eq!(file("ab").line_col(99), (1, 3));
    }

    #[test]
    fn the_line_index_agrees_with_a_scan_everywhere() {
        let mut text = String::new();
        for i in 0..400 {
            text.push_str(["a", "é", "你", "😀", "\n", "\r\n", "\t", "xyz"][i * 7 % 8]);
            if i % 97 == 0 {
                text.push_str(&"long line ".repeat(30));
            }
        }
        let f = file(&text);
        for offset in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            assert_eq!(
                f.line_col(offset),
                naive_line_col(&text, offset),
                "{offset}"
            );
        }
    }

    #[test]
    fn a_byte_order_mark_is_not_a_column() {
        let f = file("\u{feff}id = 1\nx = 2\n");
        assert_eq!(&*f.text, "id = 1\nx = 2\n");
        assert_eq!(f.line_col(5), (1, 6));
        let d = Diagnostic::new(Kind::BadValue, &f, 5..6, "bad".into());
        assert!(d.render(false).contains("panels/x.toml:1:6"));
    }

    #[test]
    fn small_files_render_as_the_whole_file_renderer_did() {
        let text =
            "a = 1\nimg = 2\nb = { en = \"x\",\n  zh = \"y\" }\n\tc = \"\u{1b}\u{202e}\"\r\nlast";
        let spans = [0..1, 6..9, 14..38, 43..52, 53..59, 6..6, 50..200, 200..300];
        for span in spans {
            let d = Diagnostic::new(Kind::UnknownKey, &file(text), span.clone(), "bad".into())
                .with_hint("known keys: art");
            assert_eq!(d.render(false), whole_file_render(&d), "{span:?}");
        }
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
    fn a_long_line_is_quoted_as_a_window_with_the_true_column() {
        let mut text = String::from("x = 1\ncites = [");
        for i in 0..50_000 {
            text.push_str(&format!("\"s{i}\", "));
        }
        text.push_str("]\n");
        let at = text.find("\"s40000\"").unwrap();
        let d = Diagnostic::new(Kind::UnknownSource, &file(&text), at..at + 8, "no".into());
        let out = d.render(false);
        assert!(out.len() < 2_000, "{} bytes", out.len());
        let col = text[6..at].chars().count() + 1;
        assert!(out.contains(&format!("panels/x.toml:2:{col}")), "{out}");
        assert!(out.contains("\"s40000\""), "{out}");
        assert!(out.contains('…'), "{out}");
        assert!(out.contains("^^^^^^^^"), "{out}");
    }

    #[test]
    fn a_span_over_many_lines_quotes_its_first_line() {
        let text = format!("t = \"\"\"\n{}\"\"\"\n", "line\n".repeat(10_000));
        let d = Diagnostic::new(Kind::EmptyText, &file(&text), 4..text.len() - 1, "x".into());
        let out = d.render(false);
        assert!(out.len() < 1_000, "{out}");
        assert!(out.contains("panels/x.toml:1:5"), "{out}");
        assert!(out.contains("t = \"\"\""), "{out}");
    }

    #[test]
    fn excerpts_cut_long_values() {
        assert_eq!(excerpt("short"), "short");
        let long = "é".repeat(1000);
        let e = excerpt(&long);
        assert_eq!(e.chars().count(), EXCERPT_CHARS + 1);
        assert!(e.ends_with('…'));
        assert_eq!(thousands(9_998), "9,998");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(12), "12");
    }

    #[test]
    fn at_most_a_few_diagnostics_per_file_then_a_count() {
        let a = file(&"x\n".repeat(500));
        let b = SourceText::new("panels/b.toml", "y\n");
        let mut all = Vec::new();
        for i in 0..120 {
            all.push(Diagnostic::new(
                Kind::BadValue,
                &a,
                2 * i..2 * i + 1,
                format!("a{i}"),
            ));
        }
        all.push(Diagnostic::new(Kind::ControlChar, &b, 0..1, "b".into()));
        let out = render_all(&all, false);
        assert_eq!(out.matches("error[bad-value]").count(), MAX_SHOWN_PER_FILE);
        assert!(
            out.contains("error[control-char]"),
            "the other file is still shown"
        );
        assert!(
            out.contains("70 more errors in panels/x.toml not shown (at most 50 per file)"),
            "{out}"
        );
        assert!(out.trim_end().ends_with("121 errors in 2 files"), "{out}");
        // The loader's collector keeps the same and says whether an omitted one blocks.
        let mut diags = Diags::new();
        all.into_iter().for_each(|d| diags.push(d));
        let list = diags.into_vec();
        assert_eq!(list.len(), MAX_SHOWN_PER_FILE + 2);
        let summary = list.last().unwrap();
        assert_eq!(
            summary.omitted,
            Some(Omitted {
                errors: 70,
                files: 0
            })
        );
        assert!(summary.kind.blocks_viewing());
        // Rendering the collected list again gives the same report.
        assert_eq!(render_all(&list, false), out);
    }

    #[test]
    fn past_the_total_cap_whole_files_are_counted() {
        let files: Vec<Arc<SourceText>> = (0..100)
            .map(|i| SourceText::new(format!("panels/{i:03}.toml"), "x\n"))
            .collect();
        let mut diags = Diags::new();
        for f in &files {
            for _ in 0..20 {
                diags.push(Diagnostic::new(Kind::ControlChar, f, 0..1, "c".into()));
            }
        }
        assert_eq!(diags.totals(), (2_000, 100));
        let list = diags.into_vec();
        assert_eq!(list.len(), MAX_SHOWN + 1);
        let last = list.last().unwrap();
        assert_eq!(
            last.omitted,
            Some(Omitted {
                errors: 1_000,
                files: 50
            })
        );
        assert!(
            !last.kind.blocks_viewing(),
            "only control characters were omitted"
        );
        let out = render_all(&list, false);
        assert!(
            out.contains("1,000 more errors in 50 more files not shown"),
            "{out}"
        );
        assert!(
            out.trim_end().ends_with("2000 errors in 100 files"),
            "{out}"
        );
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
