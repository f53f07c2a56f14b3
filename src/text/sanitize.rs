//! The one sanitizing step for untrusted text.
//!
//! Convention: escape sequences (CSI, OSC, DCS, SOS, PM, APC, in 7-bit and 8-bit form) are
//! removed **with their payload**; every other C0/C1 control except newline is removed; bidi
//! controls and invisible format characters (zero-width space, BOM, soft hyphen, …) are
//! removed; zero-width joiners, non-joiners and tag characters are kept where they belong to
//! a grapheme (an emoji sequence, a Persian or Indic word) and removed elsewhere, by the rule
//! in [`super::invisible`]; CR and CRLF become LF; tabs expand to spaces at stops of
//! [`TAB_WIDTH`] columns. The result is inert in any terminal and keeps the display width of
//! ordinary text.

use unicode_width::UnicodeWidthStr;

use super::invisible::{ZWJ, ZWNJ, is_contextual, is_invisible_format, is_stray_invisible};

/// Tab stops, in display columns.
pub const TAB_WIDTH: usize = 4;

const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';
const ST8: char = '\u{9c}';

/// Returns `s` with nothing that a terminal could interpret as a command.
pub fn sanitize(s: &str) -> String {
    // Most story text is printable ASCII or ordinary Unicode with nothing to remove.
    if s.chars().all(is_plain) {
        return s.to_string();
    }
    let text = strip_controls(s);
    // Joiners and tags are judged by their neighbours in the text as it will be drawn
    // (without the controls and sequences removed above); tab stops are counted after that.
    let mut out = String::with_capacity(text.len());
    // Tab stops count display columns as ratatui does (per grapheme, so `*` + VS16 is 2):
    // `base` columns end at byte `seg` of `out`; the text after `seg` is measured at a tab.
    let (mut base, mut seg) = (0usize, 0usize);
    for (i, c) in text.char_indices() {
        match c {
            '\n' => {
                out.push('\n');
                (base, seg) = (0, out.len());
            }
            '\t' => {
                let col = base + out[seg..].width();
                let n = TAB_WIDTH - col % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', n));
                (base, seg) = (col + n, out.len());
            }
            c if is_contextual(c) && is_stray_invisible(&text, i) => {}
            c => out.push(c),
        }
    }
    out
}

/// Removes escape sequences, controls other than newline and tab, and the invisible format
/// characters that go wherever they stand; line ends become `\n`.
fn strip_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push('\t'),
            ESC => skip_escape(&mut chars),
            '\u{9b}' => {
                if skip_csi(&mut chars) {
                    skip_escape(&mut chars);
                }
            }
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => {
                if skip_string(&mut chars) {
                    skip_escape(&mut chars);
                }
            }
            c if c.is_control() || is_invisible_format(c) => {}
            c => out.push(c),
        }
    }
    out
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// Skips what follows an ESC: a whole CSI, OSC/DCS/SOS/PM/APC string, or one character.
/// An ESC inside a sequence aborts it and starts a new one (as terminals do), so a sequence
/// hidden in another's payload is removed too. Iterative: nesting depth cannot overflow.
fn skip_escape(chars: &mut Chars) {
    loop {
        let nested = match chars.next() {
            Some('[') => skip_csi(chars),
            Some(']' | 'P' | 'X' | '^' | '_') => skip_string(chars),
            _ => false,
        };
        if !nested {
            return;
        }
    }
}

/// Skips CSI parameters and intermediates up to and including the final byte (0x40–0x7E).
/// Returns true if an ESC interrupted it (the caller continues with a new escape).
fn skip_csi(chars: &mut Chars) -> bool {
    for c in chars.by_ref() {
        if c == ESC {
            return true;
        }
        if ('\u{40}'..='\u{7e}').contains(&c) {
            return false;
        }
    }
    false
}

/// Skips a control string up to its terminator: BEL, ST (`ESC \` or 0x9C), or the end.
/// Returns true if an ESC other than ST interrupted it (a new escape follows).
fn skip_string(chars: &mut Chars) -> bool {
    while let Some(c) = chars.next() {
        match c {
            BEL | ST8 => return false,
            ESC => return chars.next_if_eq(&'\\').is_none(),
            _ => {}
        }
    }
    false
}

/// A character `sanitize` keeps as it is, whatever surrounds it (tabs and line ends are
/// rewritten, joiners and tags depend on their neighbours, so they are not plain).
fn is_plain(c: char) -> bool {
    matches!(c, ' '..='~')
        || (!c.is_control()
            && !is_invisible_format(c)
            && !is_contextual(c)
            && !matches!(c, '\u{2028}' | '\u{2029}'))
}

/// A character that [`sanitize`] would remove, found for `comicterm check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsafe {
    /// Byte offset in the checked string.
    pub offset: usize,
    pub ch: char,
}

impl Unsafe {
    /// A short human name: `U+001B (escape)`.
    pub fn describe(&self) -> String {
        let name = match self.ch {
            ESC => "escape",
            BEL => "bell",
            '\r' => "carriage return",
            '\u{80}'..='\u{9f}' => "C1 control",
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {
                "bidi control"
            }
            '\u{61c}' => "bidi control",
            '\u{200b}' => "zero-width space",
            '\u{feff}' => "byte order mark",
            '\u{ad}' => "soft hyphen",
            ZWJ => "zero-width joiner, not between two letters or emoji",
            ZWNJ => "zero-width non-joiner, not between two letters",
            '\u{e0020}'..='\u{e007f}' => "tag character, not in a 🏴 flag sequence",
            c if c.is_control() => "control character",
            _ => "invisible format character",
        };
        format!("U+{:04X} ({name})", self.ch as u32)
    }
}

/// Every character in `s` that is not shown as written: controls other than newline and
/// tab, invisible format characters, and joiners and tag characters that belong to no
/// grapheme (the rule of [`is_stray_invisible`], which `sanitize` applies too). CRLF line
/// ends are accepted.
pub fn find_unsafe(s: &str) -> Vec<Unsafe> {
    let mut found = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((offset, ch)) = it.next() {
        if ch == '\r' && it.peek().is_some_and(|&(_, n)| n == '\n') {
            continue;
        }
        let bad = (ch.is_control() && ch != '\n' && ch != '\t') || is_stray_invisible(s, offset);
        if bad {
            found.push(Unsafe { offset, ch });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_whole_sequences() {
        assert_eq!(sanitize("A\x1b]52;c;ZXZpbA==\x07B"), "AB");
        assert_eq!(sanitize("A\x1b]0;pwned\x1b\\B"), "AB");
        assert_eq!(sanitize("A\x1b[2J\x1b[HB"), "AB");
        assert_eq!(sanitize("A\x1bPq#0;2;0;0;0\x1b\\B"), "AB");
        assert_eq!(sanitize("A\x1b_Gf=100;AAAA\x1b\\B"), "AB");
        assert_eq!(sanitize("A\u{9b}31mB"), "AB");
        assert_eq!(sanitize("A\u{9d}8;;http://x\u{9c}B"), "AB");
        assert_eq!(sanitize("A\x1bcB"), "AB");
        assert_eq!(sanitize("A\x1b]8;;unterminated"), "A");
    }

    #[test]
    fn an_escape_inside_a_sequence_starts_a_new_one() {
        // The less CVE-2022-46663 shape: an OSC 8 with an embedded escape.
        assert_eq!(sanitize("A\x1b]8;;http://x\x1b[2J\x07B"), "AB");
        assert_eq!(sanitize("A\x1b[12\x1b]0;pwned\x07B"), "AB");
        assert_eq!(sanitize("A\u{9d}0;x\x1b]52;c;eA==\x07B"), "AB");
        assert_eq!(sanitize("A\u{9b}1\x1b]0;t\x1b\\B"), "AB");
        assert_eq!(sanitize(&"\x1b]\x1b[".repeat(100_000)), "");
    }

    #[test]
    fn tabs_and_line_ends() {
        assert_eq!(sanitize("a\tb"), "a   b");
        assert_eq!(sanitize("abcd\tb"), "abcd    b");
        assert_eq!(sanitize("你\tb"), "你  b");
        assert_eq!(sanitize("x\r\ny"), "x\ny");
        assert_eq!(sanitize("x\ry"), "x\ny");
        // `*` + VS16 is one 2-column grapheme to ratatui: the stop is counted the same way.
        assert_eq!(sanitize("*\u{fe0f}\tb"), "*\u{fe0f}  b");
    }

    #[test]
    fn removes_bidi_and_invisible() {
        for c in [
            '\u{202e}', '\u{2066}', '\u{200b}', '\u{feff}', '\u{ad}', '\u{200d}',
        ] {
            assert_eq!(sanitize(&format!("a{c}b")), "ab", "{:04X}", c as u32);
        }
    }

    #[test]
    fn keeps_ordinary_text() {
        let s = "小李在外宣办公室工作。“你好”— David said… café";
        assert_eq!(sanitize(s), s);
    }

    #[test]
    fn finds_unsafe_characters_with_offsets() {
        let found = find_unsafe("ab\u{1b}[2Jc\u{202e}d\r\ne");
        let chars: Vec<char> = found.iter().map(|u| u.ch).collect();
        assert_eq!(chars, vec!['\u{1b}', '\u{202e}']);
        assert_eq!(found[0].offset, 2);
        assert_eq!(found[0].describe(), "U+001B (escape)");
    }
}
