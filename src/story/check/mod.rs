//! Turning raw TOML structs into the validated model, collecting every problem on the way.

mod grid;
pub mod limits;
mod panel;
mod source;
mod story;

use std::collections::BTreeSet;
use std::sync::Arc;

use toml::Spanned;

use super::model::Text;
use super::raw::{RawText, Str};
use crate::diag::{Diagnostic, Diags, Kind, SourceText, excerpt, thousands};
use crate::text::{find_unsafe, sanitize};

pub use grid::{Unreadable, check_pages};
pub use panel::check_panel;
pub use story::{StoryHead, check_head};
pub use story::{check_languages, unique};

/// Collects diagnostics for one file and knows the story's declared languages.
pub struct Checker<'a> {
    pub file: Arc<SourceText>,
    pub languages: &'a [String],
    pub diags: &'a mut Diags,
}

impl Checker<'_> {
    pub fn error(&mut self, kind: Kind, span: std::ops::Range<usize>, msg: String) {
        if self.diags.keeps(&self.file) {
            let d = Diagnostic::new(kind, &self.file, span, msg);
            self.diags.push(d);
        } else {
            self.diags.omit(kind, &self.file);
        }
    }

    pub fn error_hint(
        &mut self,
        kind: Kind,
        span: std::ops::Range<usize>,
        msg: String,
        hint: String,
    ) {
        self.error_with(kind, span, msg, || hint);
    }

    /// An error whose hint is built only if the error is kept (see [`Diags::keeps`]): for
    /// hints that cost more than the message, such as the nearest known ids.
    pub fn error_with(
        &mut self,
        kind: Kind,
        span: std::ops::Range<usize>,
        msg: String,
        hint: impl FnOnce() -> String,
    ) {
        if self.diags.keeps(&self.file) {
            let d = Diagnostic::new(kind, &self.file, span, msg).with_hint(hint());
            self.diags.push(d);
        } else {
            self.diags.omit(kind, &self.file);
        }
    }

    /// Reports a list longer than `max` (at its first item past the limit, `at`); returns
    /// how many items to check.
    pub fn at_most(
        &mut self,
        len: usize,
        max: usize,
        at: impl FnOnce() -> std::ops::Range<usize>,
        what: &str,
        within: &str,
    ) -> usize {
        if len > max {
            self.error_hint(
                Kind::TooMany,
                at(),
                format!(
                    "{within} has {} {what}; at most {} are allowed",
                    thousands(len),
                    thousands(max)
                ),
                "the limits are listed in docs/format.md (\"Limits\"); this is the first one past it"
                    .into(),
            );
        }
        len.min(max)
    }

    /// Reports `s` if it is longer than `max` characters.
    pub fn at_most_chars(&mut self, s: &Str, what: &str, max: usize) {
        if s.get_ref().char_indices().nth(max).is_some() {
            self.error_hint(
                Kind::TooLong,
                s.span(),
                format!(
                    "{what} is {} characters long; at most {} are allowed",
                    thousands(s.get_ref().chars().count()),
                    thousands(max)
                ),
                "shorten it; the limits are listed in docs/format.md (\"Limits\")".into(),
            );
        }
    }

    /// A plain (single-language) string of at most `max` characters: reports control
    /// characters, emptiness and length, returns the sanitized value.
    pub fn plain(&mut self, s: &Str, what: &str, max: usize) -> String {
        if s.get_ref().trim().is_empty() {
            self.error(Kind::EmptyText, s.span(), format!("{what} is empty"));
        }
        self.at_most_chars(s, what, max);
        self.report_unsafe(s, what);
        sanitize(s.get_ref())
    }

    /// Localized text: every declared language present, no other, none empty, none longer
    /// than `max` characters.
    pub fn text(&mut self, raw: &RawText, what: &str, max: usize) -> Text {
        let map = raw.get_ref();
        let present: BTreeSet<&str> = map.keys().map(|k| k.get_ref().as_str()).collect();
        let missing: Vec<&str> = self
            .languages
            .iter()
            .map(String::as_str)
            .filter(|l| !present.contains(l))
            .collect();
        if !missing.is_empty() {
            self.error_hint(
                Kind::MissingLanguage,
                raw.span(),
                format!("{what} has no text in {}", quote_list(&missing)),
                format!("the story declares {}", quote_list(self.languages)),
            );
        }
        let mut out = Text::default();
        for (lang, value) in map {
            if !self.languages.contains(lang.get_ref()) {
                self.error_hint(
                    Kind::UnknownLanguage,
                    lang.span(),
                    format!(
                        "{what} has text in `{}`, which the story does not declare",
                        lang.get_ref()
                    ),
                    format!("declared languages: {}", quote_list(self.languages)),
                );
                continue;
            }
            let label = format!("{what} ({})", lang.get_ref());
            out.insert(lang.get_ref().clone(), self.plain(value, &label, max));
        }
        out
    }

    /// An id: 1–64 characters of `a-z0-9-_`.
    pub fn id(&mut self, s: &Str, what: &str) -> String {
        let v = s.get_ref();
        let ok = (1..=limits::MAX_ID).contains(&v.len())
            && v.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if !ok {
            self.error_hint(
                Kind::BadValue,
                s.span(),
                format!("{what} `{}` is not a valid id", excerpt(v)),
                "ids are 1 to 64 characters from a-z, 0-9, `-` and `_`".into(),
            );
        }
        sanitize(v)
    }

    /// A value from a closed list; reports anything else with the allowed values as hint.
    pub fn one_of<T: Copy>(&mut self, s: &Str, what: &str, allowed: &[(&str, T)]) -> Option<T> {
        let found = allowed
            .iter()
            .find(|(name, _)| name == s.get_ref())
            .map(|(_, v)| *v);
        if found.is_none() {
            let names: Vec<&str> = allowed.iter().map(|(n, _)| *n).collect();
            self.error_hint(
                Kind::BadValue,
                s.span(),
                format!("unknown {what} `{}`", excerpt(s.get_ref())),
                format!("expected one of {}", quote_list(&names)),
            );
        }
        found
    }

    /// An integer within `range`.
    pub fn int_in(
        &mut self,
        v: &Spanned<i64>,
        what: &str,
        range: std::ops::RangeInclusive<i64>,
    ) -> Option<u16> {
        if range.contains(v.get_ref()) {
            return u16::try_from(*v.get_ref()).ok();
        }
        self.error(
            Kind::BadValue,
            v.span(),
            format!(
                "{what} must be between {} and {}, not {}",
                range.start(),
                range.end(),
                v.get_ref()
            ),
        );
        None
    }

    fn report_unsafe(&mut self, s: &Str, what: &str) {
        let found = find_unsafe(s.get_ref());
        let Some(&first) = found.first() else {
            return;
        };
        let count = found.len();
        // A joiner may stand earlier in the same string where it belongs: point at this one.
        let nth = s.get_ref()[..first.offset].matches(first.ch).count();
        let span = locate_in_source(&self.file.text, s.span(), first.ch, nth);
        let more = if count > 1 {
            format!(" and {} more", count - 1)
        } else {
            String::new()
        };
        self.error_hint(
            Kind::ControlChar,
            span,
            format!("{what} contains {}{more}", first.describe()),
            "control and invisible characters are never shown; remove them".into(),
        );
    }
}

/// Points at the `nth` (from 0) `ch` in the source: either written literally or as a TOML
/// escape.
fn locate_in_source(
    text: &str,
    span: std::ops::Range<usize>,
    ch: char,
    nth: usize,
) -> std::ops::Range<usize> {
    let Some(slice) = text.get(span.clone()) else {
        return span;
    };
    let code = ch as u32;
    let mut needles = vec![
        ch.to_string(),
        format!("\\u{code:04X}"),
        format!("\\u{code:04x}"),
        format!("\\U{code:08X}"),
        format!("\\U{code:08x}"),
    ];
    if ch == '\u{1b}' {
        needles.push("\\e".into());
    }
    needles.dedup(); // `\u0007` is both the upper- and the lower-case form
    let mut hits: Vec<(usize, usize)> = needles
        .iter()
        .flat_map(|n| slice.match_indices(n.as_str()).take(nth + 1))
        .map(|(i, m)| (i, m.len()))
        .collect();
    hits.sort_unstable();
    hits.get(nth)
        .or(hits.first())
        .map_or(span.clone(), |&(i, len)| {
            span.start + i..span.start + i + len
        })
}

/// `` `a`, `b` and `c` ``
pub fn quote_list<S: AsRef<str>>(items: &[S]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("`{}`", s.as_ref())).collect();
    match quoted.as_slice() {
        [] => "nothing".into(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
