//! Diagnostics: problems found in a story, with file, line, column and a rendered snippet.
//!
//! [`Diagnostic`] (model) locates one problem in a [`SourceText`] (source); [`Diags`]
//! (collect) keeps a bounded number of them; `text` renders them as rustc does, `json` as
//! JSON Lines for editors and CI (docs/format.md). Both renderings make every story string
//! safe first: nothing from a story file reaches the terminal as a control sequence.

mod collect;
mod json;
mod kind;
mod model;
mod source;
mod text;

pub use collect::Diags;
pub use json::{JSON_VERSION, StoryCounts, render_json};
pub use kind::Kind;
pub use model::{Diagnostic, Omitted};
pub use source::SourceText;
pub use text::{render_all, visible, visible_line};

/// At most this many diagnostics are kept and shown per file; the rest are counted.
pub const MAX_SHOWN_PER_FILE: usize = 50;
/// At most this many diagnostics are kept and shown in all; the rest are counted.
pub const MAX_SHOWN: usize = 1_000;
/// Characters of a value quoted in a message ([`excerpt`]).
const EXCERPT_CHARS: usize = 60;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
