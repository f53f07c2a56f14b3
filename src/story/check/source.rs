//! Source checks: ids, dates, addresses, kinds, and the title and description a reader sees.

use std::collections::HashMap;

use super::Checker;
use super::limits::*;
use super::story::unique;
use crate::diag::{Kind, excerpt};
use crate::story::model::{Source, SourceKind, SourceTitle, TitleName};
use crate::story::raw::{RawSource, RawStory, RawTitle};

const SOURCE_KINDS: &[(&str, SourceKind)] = &[
    ("news", SourceKind::News),
    ("law", SourceKind::Law),
    ("official", SourceKind::Official),
    ("translation", SourceKind::Translation),
    ("analysis", SourceKind::Analysis),
    ("reference", SourceKind::Reference),
    ("other", SourceKind::Other),
];

pub fn check_sources(raw: &RawStory, c: &mut Checker) -> Vec<Source> {
    let mut seen = HashMap::new();
    let n = c.at_most(
        raw.source.len(),
        MAX_SOURCES,
        || raw.source[MAX_SOURCES].id.span(),
        "sources",
        "the story",
    );
    raw.source[..n]
        .iter()
        .map(|s| {
            unique(c, &mut seen, &s.id, "source");
            check_source(s, c)
        })
        .collect()
}

fn check_source(s: &RawSource, c: &mut Checker) -> Source {
    if !is_date(s.date.get_ref()) {
        c.error_hint(
            Kind::BadValue,
            s.date.span(),
            format!("`{}` is not a date", excerpt(s.date.get_ref())),
            "write `YYYY`, `YYYY-MM` or `YYYY-MM-DD`".into(),
        );
    }
    if let Some(url) = &s.url {
        let u = url.get_ref();
        if !(u.starts_with("https://") || u.starts_with("http://"))
            || u.contains(char::is_whitespace)
        {
            c.error(
                Kind::BadValue,
                url.span(),
                format!("`{}` is not an http(s) address", excerpt(u)),
            );
        }
    }
    Source {
        id: c.id(&s.id, "source id"),
        title: SourceTitle {
            name: check_title(&s.title, c),
            description: s
                .description
                .as_ref()
                .map(|d| c.text(d, "source description", MAX_DESCRIPTION)),
        },
        publisher: c.plain(&s.publisher, "source publisher", MAX_NAME),
        author: s
            .author
            .as_ref()
            .map(|a| c.plain(a, "source author", MAX_NAME)),
        date: c.plain(&s.date, "source date", MAX_TITLE),
        url: s.url.as_ref().map(|u| c.plain(u, "source url", MAX_URL)),
        kind: c
            .one_of(&s.kind, "source kind", SOURCE_KINDS)
            .unwrap_or(SourceKind::Other),
    }
}

/// A string title is the work's own; a table is our description, which the viewer shows in
/// brackets, so its texts must not bring their own.
fn check_title(title: &toml::Spanned<RawTitle>, c: &mut Checker) -> TitleName {
    if let Some(own) = RawTitle::own(title) {
        return TitleName::Own(c.plain(&own, "source title", MAX_TITLE));
    }
    let Some(ours) = RawTitle::ours(title) else {
        return TitleName::Own(String::new());
    };
    for value in ours.get_ref().values() {
        let t = value.get_ref().trim();
        if t.starts_with('[') && t.ends_with(']') {
            c.error_hint(
                Kind::BadValue,
                value.span(),
                "a title given by language is our description of the work, and the viewer \
                 adds its brackets"
                    .into(),
                "remove the brackets (a string title is the work's own title, shown as written)"
                    .into(),
            );
        }
    }
    TitleName::Ours(c.text(&ours, "source title", MAX_TITLE))
}

fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let num = |p: &str| p.parse::<u32>().unwrap_or(0);
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && (1..=12).contains(&num(m)),
        [y, m, d] => {
            digits(y, 4)
                && digits(m, 2)
                && digits(d, 2)
                && (1..=12).contains(&num(m))
                && (1..=31).contains(&num(d))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(is_date("2016"));
        assert!(is_date("2016-04"));
        assert!(is_date("2016-04-19"));
        assert!(!is_date("2016-13"));
        assert!(!is_date("19 April 2016"));
    }
}
