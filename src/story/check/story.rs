//! Story-level checks: schema, languages, credits, characters and sources.

use std::collections::HashMap;

use super::{Checker, quote_list};
use crate::diag::Kind;
use crate::story::model::{Character, Credit, Source, SourceKind, Text};
use crate::story::raw::{RawSource, RawStory, Str};

/// Everything in `story.toml` except the pages.
#[derive(Debug)]
pub struct StoryHead {
    pub id: String,
    pub languages: Vec<String>,
    pub title: Text,
    pub summary: Text,
    pub credits: Vec<Credit>,
    pub characters: Vec<Character>,
    pub sources: Vec<Source>,
}

const ROLES: &[(&str, ())] = &[
    ("writer", ()),
    ("artist", ()),
    ("translator", ()),
    ("editor", ()),
    ("researcher", ()),
    ("other", ()),
];

const SOURCE_KINDS: &[(&str, SourceKind)] = &[
    ("news", SourceKind::News),
    ("law", SourceKind::Law),
    ("official", SourceKind::Official),
    ("translation", SourceKind::Translation),
    ("analysis", SourceKind::Analysis),
    ("reference", SourceKind::Reference),
    ("other", SourceKind::Other),
];

/// The declared languages, checked for form and duplicates. Used before any text check.
pub fn check_languages(raw: &RawStory, c: &mut Checker) -> Vec<String> {
    let mut langs: Vec<String> = Vec::new();
    for tag in raw.languages.get_ref() {
        if !is_language_tag(tag.get_ref()) {
            c.error_hint(
                Kind::BadValue,
                tag.span(),
                format!("`{}` is not a language tag", tag.get_ref()),
                "use a BCP-47 tag such as `en` or `zh-Hans`".into(),
            );
        } else if langs.contains(tag.get_ref()) {
            c.error(
                Kind::DuplicateId,
                tag.span(),
                format!("language `{}` is declared twice", tag.get_ref()),
            );
        } else {
            langs.push(tag.get_ref().clone());
        }
    }
    if raw.languages.get_ref().is_empty() {
        c.error(
            Kind::BadValue,
            raw.languages.span(),
            "a story declares at least one language".into(),
        );
    }
    langs
}

pub fn check_head(raw: &RawStory, c: &mut Checker) -> StoryHead {
    if *raw.schema.get_ref() != 1 {
        c.error_hint(
            Kind::BadValue,
            raw.schema.span(),
            format!("unsupported schema version {}", raw.schema.get_ref()),
            "this comicterm reads schema 1".into(),
        );
    }
    let credits = raw
        .credit
        .iter()
        .map(|cr| {
            c.one_of(&cr.role, "credit role", ROLES);
            Credit {
                role: cr.role.get_ref().clone(),
                name: c.plain(&cr.name, "credit name"),
            }
        })
        .collect();
    StoryHead {
        id: c.id(&raw.id, "story id"),
        languages: c.languages.to_vec(),
        title: c.text(&raw.title, "title"),
        summary: c.text(&raw.summary, "summary"),
        credits,
        characters: check_characters(raw, c),
        sources: check_sources(raw, c),
    }
}

fn check_characters(raw: &RawStory, c: &mut Checker) -> Vec<Character> {
    let mut seen = HashMap::new();
    raw.character
        .iter()
        .map(|ch| {
            let id = c.id(&ch.id, "character id");
            unique(c, &mut seen, &ch.id, "character");
            Character {
                id,
                name: c.text(&ch.name, "character name"),
            }
        })
        .collect()
}

fn check_sources(raw: &RawStory, c: &mut Checker) -> Vec<Source> {
    let mut seen = HashMap::new();
    raw.source
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
            format!("`{}` is not a date", s.date.get_ref()),
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
                format!("`{u}` is not an http(s) address"),
            );
        }
    }
    Source {
        id: c.id(&s.id, "source id"),
        title: c.plain(&s.title, "source title"),
        publisher: c.plain(&s.publisher, "source publisher"),
        author: s.author.as_ref().map(|a| c.plain(a, "source author")),
        date: c.plain(&s.date, "source date"),
        url: s.url.as_ref().map(|u| c.plain(u, "source url")),
        kind: c
            .one_of(&s.kind, "source kind", SOURCE_KINDS)
            .unwrap_or(SourceKind::Other),
    }
}

/// Where an id was first used: its file and byte offset (turned into `file:line:col` only
/// when a duplicate needs it, so checking many ids in one big file stays linear).
pub type FirstUse = (std::sync::Arc<crate::diag::SourceText>, usize);

/// Reports `id` if it was seen before; remembers where it was first used otherwise.
pub fn unique(c: &mut Checker, seen: &mut HashMap<String, FirstUse>, id: &Str, what: &str) {
    if let Some((file, offset)) = seen.get(id.get_ref()) {
        let (line, col) = crate::diag::line_col(&file.text, *offset);
        let first = format!("{}:{line}:{col}", crate::diag::visible(&file.name));
        c.error_hint(
            Kind::DuplicateId,
            id.span(),
            format!("{what} id `{}` is used twice", id.get_ref()),
            format!("first used at {first}"),
        );
    } else {
        seen.insert(id.get_ref().clone(), (c.file.clone(), id.span().start));
    }
}

fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
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

/// Known ids as a hint: "known characters: `a`, `b`".
pub fn known(what: &str, ids: impl Iterator<Item = impl AsRef<str>>) -> String {
    let ids: Vec<String> = ids.map(|s| s.as_ref().to_string()).collect();
    if ids.is_empty() {
        format!("the story defines no {what}")
    } else {
        format!("known {what}: {}", quote_list(&ids))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        assert!(is_language_tag("en"));
        assert!(is_language_tag("zh-Hans"));
        assert!(!is_language_tag("e"));
        assert!(!is_language_tag("zh_Hans"));
        assert!(!is_language_tag(""));
    }

    #[test]
    fn dates() {
        assert!(is_date("2016"));
        assert!(is_date("2016-04"));
        assert!(is_date("2016-04-19"));
        assert!(!is_date("2016-13"));
        assert!(!is_date("19 April 2016"));
    }
}
