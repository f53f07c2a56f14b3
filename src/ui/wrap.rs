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
    /// More of a word too long for any line: continues where the last piece stopped.
    More(Vec<Glyph>),
    Space(Glyph),
    Break,
}

/// Wraps `spans` into lines at most `width` columns wide.
pub fn wrap(spans: &[Span<'_>], width: u16) -> Vec<Line<'static>> {
    wrap_rows(spans, width, usize::MAX)
}

/// Wraps `spans` into at most `max_rows` lines: work stops there, so a huge text costs only
/// what is shown (drawing and the layout rules never need more rows than fit on screen).
pub fn wrap_rows(spans: &[Span<'_>], width: u16, max_rows: usize) -> Vec<Line<'static>> {
    if width == 0 || max_rows == 0 {
        return Vec::new();
    }
    let mut out = Lines {
        width,
        lines: Vec::new(),
        cur: Vec::new(),
        cur_w: 0,
    };
    tokens(spans, width, |token| {
        match token {
            Token::Break => out.finish(),
            Token::Space(g) => out.space(g),
            Token::Word(w) => out.word(w),
            Token::More(w) => out.more(w),
        }
        out.lines.len() < max_rows
    });
    if out.lines.len() < max_rows {
        out.finish();
    }
    out.lines.truncate(max_rows);
    out.lines
}

/// Wraps plain text in one style.
pub fn wrap_str(text: &str, style: Style, width: u16) -> Vec<Line<'static>> {
    wrap(&[Span::styled(text.to_string(), style)], width)
}

/// Wraps plain text in one style into at most `max_rows` lines.
pub fn wrap_str_rows(text: &str, style: Style, width: u16, max_rows: usize) -> Vec<Line<'static>> {
    wrap_rows(&[Span::styled(text, style)], width, max_rows)
}

/// Feeds the tokens of `spans` to `sink` until it returns `false`. One token is held back, so
/// closing CJK punctuation can join the word before it.
fn tokens(spans: &[Span<'_>], width: u16, mut sink: impl FnMut(Token) -> bool) {
    let mut held: Option<Token> = None;
    let mut word: Vec<Glyph> = Vec::new();
    let mut word_w: u16 = 0;
    let mut long_word = false;
    let mut emit = |t: Token, held: &mut Option<Token>| match held.replace(t) {
        Some(prev) => sink(prev),
        None => true,
    };
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
            let space = g.chars().all(char::is_whitespace);
            let breaks = g == "\n" || space || glyph.width > 1;
            if breaks && !word.is_empty() {
                let w = std::mem::take(&mut word);
                let t = if long_word {
                    Token::More(w)
                } else {
                    Token::Word(w)
                };
                (word_w, long_word) = (0, false);
                if !emit(t, &mut held) {
                    return;
                }
            }
            let next = if g == "\n" {
                Token::Break
            } else if space {
                Token::Space(Glyph {
                    text: " ".into(),
                    width: 1,
                    ..glyph
                })
            } else if glyph.width > 1 {
                match &mut held {
                    Some(Token::Word(prev)) if no_break_before(g) => {
                        prev.push(glyph);
                        continue;
                    }
                    _ => Token::Word(vec![glyph]),
                }
            } else {
                word_w = word_w.saturating_add(glyph.width);
                word.push(glyph);
                // A word longer than a line is broken anyway: hand it over a line at a
                // time instead of collecting all of it.
                if word_w > width {
                    let w = std::mem::take(&mut word);
                    let t = if long_word {
                        Token::More(w)
                    } else {
                        Token::Word(w)
                    };
                    (word_w, long_word) = (0, true);
                    if !emit(t, &mut held) {
                        return;
                    }
                }
                continue;
            };
            if !emit(next, &mut held) {
                return;
            }
        }
    }
    if !word.is_empty() {
        let t = if long_word {
            Token::More(word)
        } else {
            Token::Word(word)
        };
        if !emit(t, &mut held) {
            return;
        }
    }
    if let Some(last) = held {
        sink(last);
    }
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
        self.more(word);
    }

    /// The rest of a word that did not fit on one line: glyph by glyph, breaking as needed.
    fn more(&mut self, glyphs: Vec<Glyph>) {
        for g in glyphs {
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

    /// Stopping early gives exactly the first rows of the full wrap.
    #[test]
    fn a_row_limit_gives_the_first_rows_of_the_full_wrap() {
        let texts = [
            "the quick brown fox jumps over the lazy dog",
            "a supercalifragilisticexpialidocious word, then more words",
            "你好，世界。David 说：好的。这是一个很长很长的句子，没有空格也能换行。",
            "line one\nline two\n\nafter a blank\n",
            &"x".repeat(300),
            &"词".repeat(120),
            "",
        ];
        for text in texts {
            for width in [1, 3, 7, 10, 33] {
                let full = plain(&wrap_str(text, Style::new(), width));
                for max in 0..=full.len() + 1 {
                    let some = plain(&wrap_str_rows(text, Style::new(), width, max));
                    assert_eq!(
                        some,
                        full[..max.min(full.len())],
                        "{text:?} w{width} max{max}"
                    );
                }
            }
        }
    }

    /// A 4 MB word or text costs what a screen shows, not its size.
    #[test]
    fn a_huge_text_is_wrapped_only_as_far_as_needed() {
        let huge = "a".repeat(4 << 20);
        let start = std::time::Instant::now();
        let rows = wrap_str_rows(&huge, Style::new(), 80, 50);
        let took = start.elapsed();
        assert_eq!(rows.len(), 50);
        assert!(rows.iter().all(|l| l.width() == 80));
        println!("50 rows of a 4 MiB word: {took:?}");
        let spaced = "word ".repeat(800_000);
        let rows = wrap_str_rows(&spaced, Style::new(), 80, 50);
        assert_eq!(rows.len(), 50);
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
