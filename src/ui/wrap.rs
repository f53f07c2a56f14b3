//! Wrapping styled text by display width: CJK breaks between characters, other scripts at
//! spaces, and no grapheme is ever split or allowed past the width.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

#[derive(Clone)]
struct Glyph {
    text: String,
    width: u16,
    style: Style,
}

enum Token {
    Word(Vec<Glyph>),
    Space(Glyph),
    Break,
}

/// Wraps `spans` into lines at most `width` columns wide.
pub fn wrap(spans: &[Span<'_>], width: u16) -> Vec<Line<'static>> {
    if width == 0 {
        return Vec::new();
    }
    let mut out = Lines {
        width,
        lines: Vec::new(),
        cur: Vec::new(),
        cur_w: 0,
    };
    for token in tokens(spans) {
        match token {
            Token::Break => out.finish(),
            Token::Space(g) => out.space(g),
            Token::Word(w) => out.word(w),
        }
    }
    out.finish();
    out.lines
}

/// Wraps plain text in one style.
pub fn wrap_str(text: &str, style: Style, width: u16) -> Vec<Line<'static>> {
    wrap(&[Span::styled(text.to_string(), style)], width)
}

fn tokens(spans: &[Span<'_>]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word: Vec<Glyph> = Vec::new();
    for span in spans {
        for g in span.content.graphemes(true) {
            let glyph = Glyph {
                text: g.to_string(),
                width: u16::try_from(g.width()).unwrap_or(u16::MAX),
                style: span.style,
            };
            if glyph.width == 0 && g != "\n" {
                if let Some(last) = word.last_mut() {
                    last.text.push_str(g);
                }
                continue;
            }
            let breaks = g == "\n" || g.chars().all(char::is_whitespace) || glyph.width > 1;
            if breaks && !word.is_empty() {
                out.push(Token::Word(std::mem::take(&mut word)));
            }
            if g == "\n" {
                out.push(Token::Break);
            } else if g.chars().all(char::is_whitespace) {
                out.push(Token::Space(Glyph {
                    text: " ".into(),
                    width: 1,
                    ..glyph
                }));
            } else if glyph.width > 1 {
                match out.last_mut() {
                    Some(Token::Word(prev)) if no_break_before(g) => prev.push(glyph),
                    _ => out.push(Token::Word(vec![glyph])),
                }
            } else {
                word.push(glyph);
            }
        }
    }
    if !word.is_empty() {
        out.push(Token::Word(word));
    }
    out
}

/// Closing CJK punctuation, which must not start a line.
fn no_break_before(g: &str) -> bool {
    g.chars()
        .all(|c| "，。、；：！？）」』》〉】〕…—～".contains(c))
}

struct Lines {
    width: u16,
    lines: Vec<Line<'static>>,
    cur: Vec<Glyph>,
    cur_w: u16,
}

impl Lines {
    fn space(&mut self, g: Glyph) {
        if self.cur_w == 0 {
            return;
        }
        if self.cur_w < self.width {
            self.push(g);
        } else {
            self.finish();
        }
    }

    fn word(&mut self, word: Vec<Glyph>) {
        let w: u16 = word.iter().fold(0, |a, g| a.saturating_add(g.width));
        if self.cur_w.saturating_add(w) <= self.width {
            word.into_iter().for_each(|g| self.push(g));
            return;
        }
        if self.cur_w > 0 {
            self.finish();
        }
        for g in word {
            if g.width > self.width {
                continue;
            }
            if self.cur_w.saturating_add(g.width) > self.width {
                self.finish();
            }
            self.push(g);
        }
    }

    fn push(&mut self, g: Glyph) {
        self.cur_w = self.cur_w.saturating_add(g.width);
        self.cur.push(g);
    }

    /// Ends the current line (dropping trailing spaces), even if it is empty.
    fn finish(&mut self) {
        while self.cur.last().is_some_and(|g| g.text == " ") {
            self.cur.pop();
        }
        let mut spans: Vec<Span<'static>> = Vec::new();
        for g in self.cur.drain(..) {
            match spans.last_mut() {
                Some(s) if s.style == g.style => s.content.to_mut().push_str(&g.text),
                _ => spans.push(Span::styled(g.text, g.style)),
            }
        }
        self.lines.push(Line::from(spans));
        self.cur_w = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn wraps_at_spaces() {
        let l = wrap_str("the quick brown fox", Style::new(), 10);
        assert_eq!(plain(&l), ["the quick", "brown fox"]);
    }

    #[test]
    fn cjk_breaks_between_characters_and_never_overflows() {
        for width in 1..12 {
            let l = wrap_str("你好，世界。David 说：好的", Style::new(), width);
            for line in &l {
                assert!(line.width() <= usize::from(width), "{width}: {line}");
            }
        }
        let l = wrap_str("你好世界", Style::new(), 5);
        assert_eq!(plain(&l), ["你好", "世界"]);
        let l = wrap_str("你好世界。", Style::new(), 8);
        assert_eq!(plain(&l), ["你好世", "界。"], "no line starts with 。");
    }

    #[test]
    fn long_words_are_split_and_newlines_kept() {
        let l = wrap_str("abcdefgh\nxy", Style::new(), 3);
        assert_eq!(plain(&l), ["abc", "def", "gh", "xy"]);
        assert!(wrap_str("abc", Style::new(), 0).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn lines_fit_and_no_text_is_lost(text in "[a-z 你好，。\\n]{0,80}", width in 1u16..30) {
            let lines = wrap_str(&text, Style::new(), width);
            let mut kept = String::new();
            for line in &lines {
                proptest::prop_assert!(line.width() <= usize::from(width));
                kept.push_str(&line.to_string());
            }
            let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            let droppable = |c: char| width < 2 && c.len_utf8() > 1;
            let expected: String = squash(&text).chars().filter(|c| !droppable(*c)).collect();
            proptest::prop_assert_eq!(squash(&kept), expected);
        }
    }
}
