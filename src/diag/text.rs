//! Diagnostics rendered as text, as rustc does (annotate-snippets): a title with the kind's
//! code, the location, the quoted lines with a caret, the hint, and a closing count. The
//! quoted source and every message go through [`visible`] first, so nothing from a story
//! file reaches the terminal as a control sequence, C1 controls included.

use std::fmt::Write as _;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Diagnostic, Diags, plural};
use crate::text::is_stray_invisible;

/// A quoted line longer than this (in bytes) is cut to a window around the span.
const LONG_LINE: usize = 400;
/// Characters quoted before and after the span's start on a line that is cut.
const WINDOW_BEFORE: usize = 60;
const WINDOW_AFTER: usize = 120;
/// A span over more lines than this is shown on its first line only.
const MAX_SNIPPET_LINES: usize = 6;

impl Diagnostic {
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

/// Text made safe to print: controls become visible pictures (`␛`), other invisible
/// characters become `�`, tabs stay (the renderer expands them).
pub fn visible(s: &str) -> String {
    visible_with_span(s, &(0..0)).0
}

/// [`visible`] on one line: newlines and tabs become pictures too (for a file or folder name
/// in a one-line message).
pub fn visible_line(s: &str) -> String {
    visible(s)
        .chars()
        .map(|c| match c {
            '\n' => '\u{240a}',
            '\t' => '\u{2409}',
            c => c,
        })
        .collect()
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
    use std::sync::Arc;

    use super::*;
    use crate::diag::{Kind, SourceText};

    fn file(text: &str) -> Arc<SourceText> {
        SourceText::new("panels/x.toml", text)
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
