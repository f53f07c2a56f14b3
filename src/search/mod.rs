//! Finding text in a story: captions, speech and the other lines, alt text and commentary,
//! in one language or all of them.
//!
//! Matching ignores case for scripts that have it (Unicode lowercase, [`fold::fold_char`])
//! and is exact for CJK. Matches do not overlap (`aa` is found twice in `aaaa`), like a
//! text editor's find. [`Index`] folds the whole story once; each search is then one scan
//! of the folded text (see `benches/search.rs`).

mod command;
mod fold;

use std::fmt;
use std::ops::Range;

pub use command::command;

use crate::story::{LineKind, Story};

/// Which text of a panel a hit is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Where {
    /// The panel's lines, 0-based, with the kind of line (caption, speech, …).
    Line { index: usize, kind: LineKind },
    /// The panel's alt text.
    Alt,
    /// A commentary note, 0-based.
    Note(usize),
}

/// `caption 1`, `speech 2`, `alt`, `note 3` (1-based, for people and scripts).
impl fmt::Display for Where {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Where::Line { index, kind } => write!(f, "{} {}", kind.name(), index + 1),
            Where::Alt => f.write_str("alt"),
            Where::Note(i) => write!(f, "note {}", i + 1),
        }
    }
}

/// One match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Page index, 0-based.
    pub page: usize,
    /// Panel index on the page, 0-based.
    pub panel: usize,
    /// The panel's number across the story, 1-based, as the status bar shows it.
    pub number: usize,
    /// Index of the text's language in `story.languages`.
    pub lang: usize,
    pub place: Where,
    /// Byte range of the match in the text (`text(story, hit)`).
    pub range: Range<usize>,
}

/// Which languages to search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One language, by index in `story.languages`.
    Lang(usize),
    All,
}

/// The text a hit is in.
pub fn text<'s>(story: &'s Story, hit: &Hit) -> &'s str {
    let Some(panel) = story
        .pages
        .get(hit.page)
        .and_then(|p| p.panels.get(hit.panel))
    else {
        return "";
    };
    let lang = story.languages.get(hit.lang).map_or("", String::as_str);
    match hit.place {
        Where::Line { index, .. } => panel.lines.get(index).map_or("", |l| l.text.get(lang)),
        Where::Alt => panel.alt.get(lang),
        Where::Note(i) => panel.notes.get(i).map_or("", |n| n.text.get(lang)),
    }
}

/// One searchable text, folded into [`Index::folded`].
#[derive(Debug, Clone)]
struct Entry {
    /// Where its folded text starts in `folded`.
    start: u32,
    page: u32,
    panel: u32,
    number: u32,
    lang: u16,
    place: Where,
    /// Folded → original byte offsets, when they differ (see [`fold::fold_into`]).
    map: Option<Box<[u32]>>,
}

/// Every text of a story, folded, in reading order: built once, searched many times.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// All folded texts, each followed by a NUL (story text holds no control characters,
    /// and queries lose theirs), so no match runs from one text into the next.
    folded: String,
    entries: Vec<Entry>,
}

impl Index {
    pub fn new(story: &Story) -> Self {
        let mut index = Index::default();
        for (pi, page) in story.pages.iter().enumerate() {
            for (ni, panel) in page.panels.iter().enumerate() {
                let mut add = |place: Where, text: &crate::story::Text| {
                    for (lang, s) in text.iter() {
                        let lang = story.languages.iter().position(|l| l == lang);
                        index.push(pi, ni, panel.number, lang.unwrap_or(0), place, s);
                    }
                };
                for (i, line) in panel.lines.iter().enumerate() {
                    add(
                        Where::Line {
                            index: i,
                            kind: line.kind,
                        },
                        &line.text,
                    );
                }
                add(Where::Alt, &panel.alt);
                for (i, note) in panel.notes.iter().enumerate() {
                    add(Where::Note(i), &note.text);
                }
            }
        }
        index
    }

    fn push(
        &mut self,
        page: usize,
        panel: usize,
        number: usize,
        lang: usize,
        place: Where,
        s: &str,
    ) {
        let start = self.folded.len() as u32;
        let map = fold::fold_into(s, &mut self.folded).map(Vec::into_boxed_slice);
        self.folded.push('\0');
        self.entries.push(Entry {
            start,
            page: page as u32,
            panel: panel as u32,
            number: number as u32,
            lang: lang as u16,
            place,
            map,
        });
    }

    /// Every match of `query` in `scope`, in reading order. An empty query finds nothing.
    pub fn search(&self, query: &str, scope: Scope) -> Vec<Hit> {
        let query: String = fold::fold(query)
            .chars()
            .filter(|c| !c.is_control())
            .collect();
        if query.is_empty() {
            return Vec::new();
        }
        let mut hits = Vec::new();
        let mut entry = 0;
        for (at, _) in self.folded.match_indices(query.as_str()) {
            // Matches come in order: move forward to the entry holding this one.
            while entry + 1 < self.entries.len() && self.entries[entry + 1].start as usize <= at {
                entry += 1;
            }
            let e = &self.entries[entry];
            if let Scope::Lang(l) = scope
                && usize::from(e.lang) != l
            {
                continue;
            }
            let local = at - e.start as usize;
            let orig = |i: usize| e.map.as_ref().map_or(i, |m| m[i] as usize);
            hits.push(Hit {
                page: e.page as usize,
                panel: e.panel as usize,
                number: e.number as usize,
                lang: usize::from(e.lang),
                place: e.place,
                range: orig(local)..orig(local + query.len()),
            });
        }
        hits
    }
}

/// Searches `story` without keeping an index (for one-off searches such as the command).
pub fn search(story: &Story, query: &str, scope: Scope) -> Vec<Hit> {
    Index::new(story).search(query, scope)
}

#[cfg(test)]
mod tests;
