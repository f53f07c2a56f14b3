//! Story-level checks: schema, languages, credits and characters (sources: `source.rs`).

use std::collections::HashMap;

use super::limits::*;
use super::{Checker, quote_list};
use crate::diag::{Kind, excerpt, thousands};
use crate::story::model::{CREDIT_ROLES, Character, Credit, Source, Text};
use crate::story::raw::{RawStory, Str};

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
    /// Character and source ids, for looking up speakers and citations.
    pub character_ids: Known,
    pub source_ids: Known,
}

/// The declared languages, checked for form and duplicates. Used before any text check.
pub fn check_languages(raw: &RawStory, c: &mut Checker) -> Vec<String> {
    let mut langs: Vec<String> = Vec::new();
    let tags = raw.languages.get_ref();
    let n = c.at_most(
        tags.len(),
        MAX_LANGUAGES,
        || tags[MAX_LANGUAGES].span(),
        "languages",
        "the story",
    );
    for tag in &tags[..n] {
        if !is_language_tag(tag.get_ref()) {
            c.error_hint(
                Kind::BadValue,
                tag.span(),
                format!("`{}` is not a language tag", excerpt(tag.get_ref())),
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
    let n = c.at_most(
        raw.credit.len(),
        MAX_CREDITS,
        || raw.credit[MAX_CREDITS].role.span(),
        "credits",
        "the story",
    );
    let credits = raw.credit[..n]
        .iter()
        .map(|cr| {
            c.one_of(&cr.role, "credit role", &CREDIT_ROLES.map(|r| (r, ())));
            Credit {
                role: cr.role.get_ref().clone(),
                name: c.plain(&cr.name, "credit name", MAX_NAME),
            }
        })
        .collect();
    let mut head = StoryHead {
        id: c.id(&raw.id, "story id"),
        languages: c.languages.to_vec(),
        title: c.text(&raw.title, "title", MAX_TITLE),
        summary: c.text(&raw.summary, "summary", MAX_SUMMARY),
        credits,
        characters: check_characters(raw, c),
        sources: super::source::check_sources(raw, c),
        character_ids: Known::default(),
        source_ids: Known::default(),
    };
    let ids = head.characters.iter().map(|ch| ch.id.as_str());
    head.character_ids = Known::new("characters", ids);
    let ids = head.sources.iter().map(|s| s.id.as_str());
    head.source_ids = Known::new("sources", ids);
    head
}

fn check_characters(raw: &RawStory, c: &mut Checker) -> Vec<Character> {
    let mut seen = HashMap::new();
    let n = c.at_most(
        raw.character.len(),
        MAX_CHARACTERS,
        || raw.character[MAX_CHARACTERS].id.span(),
        "characters",
        "the story",
    );
    raw.character[..n]
        .iter()
        .map(|ch| {
            let id = c.id(&ch.id, "character id");
            unique(c, &mut seen, &ch.id, "character");
            Character {
                id,
                name: c.text(&ch.name, "character name", MAX_NAME),
            }
        })
        .collect()
}

/// Where an id was first used: its file and byte offset (turned into `file:line:col` only
/// when a duplicate needs it, so checking many ids in one big file stays linear).
pub type FirstUse = (std::sync::Arc<crate::diag::SourceText>, usize);

/// Reports `id` if it was seen before; remembers where it was first used otherwise.
pub fn unique(c: &mut Checker, seen: &mut HashMap<String, FirstUse>, id: &Str, what: &str) {
    if let Some((file, offset)) = seen.get(id.get_ref()) {
        c.error_with(
            Kind::DuplicateId,
            id.span(),
            format!("{what} id `{}` is used twice", excerpt(id.get_ref())),
            || {
                let (line, col) = file.line_col(*offset);
                let name = crate::diag::visible(&file.name);
                format!("first used at {name}:{line}:{col}")
            },
        );
    } else {
        seen.insert(id.get_ref().clone(), (c.file.clone(), id.span().start));
    }
}

fn is_language_tag(s: &str) -> bool {
    if s.len() > MAX_LANGUAGE_TAG {
        return false;
    }
    let mut parts = s.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Ids that can be referred to (characters, sources, panels), sorted once: looking one up
/// is a binary search, and a hint names the few nearest to an unknown id.
#[derive(Debug, Default)]
pub struct Known {
    what: &'static str,
    sorted: Vec<String>,
}

/// Ids named in a hint.
const HINT_IDS: usize = 5;

impl Known {
    pub fn new<'s>(what: &'static str, ids: impl Iterator<Item = &'s str>) -> Self {
        let mut sorted: Vec<String> = ids.map(str::to_string).collect();
        sorted.sort_unstable();
        sorted.dedup();
        Self { what, sorted }
    }

    pub fn contains(&self, id: &str) -> bool {
        self.sorted.binary_search_by(|k| k.as_str().cmp(id)).is_ok()
    }

    /// "known sources: `a`, `b`, `c`, `d`, `e` and 9,995 more", nearest to `unknown` first.
    pub fn hint(&self, unknown: &str) -> String {
        self.hint_among(unknown, self.sorted.len(), |_| true)
    }

    /// As [`Known::hint`], among the `count` ids for which `keep` holds, called `what`.
    pub fn hint_among(&self, unknown: &str, count: usize, keep: impl Fn(&str) -> bool) -> String {
        let what = self.what;
        let near = self.nearest(unknown, &keep);
        if near.is_empty() {
            return format!("the story defines no {what}");
        }
        let quoted: Vec<String> = near.iter().map(|id| excerpt(id).into_owned()).collect();
        let rest = count.saturating_sub(near.len());
        if rest == 0 {
            format!("known {what}: {}", quote_list(&quoted))
        } else {
            let listed: Vec<String> = quoted.iter().map(|q| format!("`{q}`")).collect();
            format!(
                "known {what}, nearest first: {} and {} more",
                listed.join(", "),
                thousands(rest)
            )
        }
    }

    /// Up to [`HINT_IDS`] ids kept by `keep`, walking out from where `unknown` would sort:
    /// the ids sharing the longest prefix with it come first.
    fn nearest(&self, unknown: &str, keep: &impl Fn(&str) -> bool) -> Vec<&str> {
        let common = |id: &str| {
            id.bytes()
                .zip(unknown.bytes())
                .take_while(|(a, b)| a == b)
                .count()
        };
        let at = self.sorted.partition_point(|k| k.as_str() < unknown);
        let (mut left, mut right) = (at, at);
        let mut out = Vec::new();
        while out.len() < HINT_IDS && (left > 0 || right < self.sorted.len()) {
            let take_right = match (left.checked_sub(1), self.sorted.get(right)) {
                (Some(l), Some(r)) => common(r) >= common(&self.sorted[l]),
                (None, Some(_)) => true,
                _ => false,
            };
            let id = if take_right {
                right += 1;
                &self.sorted[right - 1]
            } else {
                left -= 1;
                &self.sorted[left]
            };
            if keep(id) {
                out.push(id.as_str());
            }
        }
        out
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
    fn hints_name_a_few_ids_nearest_first() {
        let ids: Vec<String> = (0..10_000).map(|i| format!("src{i:05}")).collect();
        let known = Known::new("sources", ids.iter().map(String::as_str));
        assert!(known.contains("src00042") && !known.contains("src"));
        let hint = known.hint("src0420x");
        assert!(
            hint.starts_with("known sources, nearest first: `src04209`, `src04208`"),
            "{hint}"
        );
        assert!(hint.ends_with(" and 9,995 more"), "{hint}");
        assert!(hint.len() < 200);
        let few = Known::new("characters", ["bo", "ada"].into_iter());
        assert_eq!(few.hint("al"), "known characters: `ada` and `bo`");
        assert_eq!(
            Known::new("sources", std::iter::empty()).hint("x"),
            "the story defines no sources"
        );
    }
}
