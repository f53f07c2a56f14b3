//! A story file's text as diagnostics see it, with a line index for line and column.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

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

    pub(super) fn index(&self) -> &LineIndex {
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
    pub(super) fn line_range(&self, line: usize) -> Range<usize> {
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
pub(super) struct LineIndex {
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
    pub(super) fn line_of(&self, offset: usize) -> usize {
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

pub(super) fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

pub(super) fn clamp_span(text: &str, span: Range<usize>) -> Range<usize> {
    let start = floor_boundary(text, span.start);
    let end = floor_boundary(text, span.end.max(span.start)).max(start);
    start..end
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
}
