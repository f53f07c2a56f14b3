//! Search in the viewer: the prompt's text, the hits of the last search and which one the
//! reader is on. The matching itself is [`crate::search`].

use std::sync::Arc;

use unicode_segmentation::UnicodeSegmentation;

use super::{App, Message, Overlay, Position, nav};
use crate::search::{Hit, Index, Scope, Where};

/// Longest query the prompt takes, in characters.
const MAX_QUERY: usize = 200;

#[derive(Debug, Clone, Default)]
pub struct Find {
    /// The prompt's text while it is open (`/` opened it).
    pub prompt: Option<String>,
    /// The last query searched for.
    pub query: String,
    pub hits: Vec<Hit>,
    /// Search every language, not only the one shown (Tab in the prompt).
    pub all_languages: bool,
    /// Which hit the reader is on.
    pub current: Option<usize>,
    /// Built on the first search (the whole story folded once).
    index: Option<Arc<Index>>,
}

impl Find {
    /// The hits in the panel at `pos`, in the current language.
    pub fn hits_at(&self, pos: Position) -> impl Iterator<Item = &Hit> {
        self.hits
            .iter()
            .filter(move |h| h.page == pos.page && h.panel == pos.panel)
    }
}

impl App<'_> {
    pub(super) fn search_start(&mut self) {
        self.search.prompt = Some(String::new());
    }

    pub(super) fn search_input(&mut self, c: char) {
        if let Some(p) = &mut self.search.prompt
            && !c.is_control()
            && p.chars().count() < MAX_QUERY
        {
            p.push(c);
        }
    }

    /// Backspace: the last grapheme (a CJK character, an emoji with its modifiers) goes.
    pub(super) fn search_scope(&mut self) {
        if self.search.prompt.is_some() {
            self.search.all_languages = !self.search.all_languages;
        }
    }

    pub(super) fn search_erase(&mut self) {
        if let Some(p) = &mut self.search.prompt
            && let Some((i, _)) = p.grapheme_indices(true).next_back()
        {
            p.truncate(i);
        }
    }

    /// Enter: search the current language; go to the first hit at or after the reader's
    /// panel (wrapping to the start). No hit: say so and stay.
    pub(super) fn search_submit(&mut self) {
        let Some(query) = self.search.prompt.take() else {
            return;
        };
        if query.trim().is_empty() {
            return;
        }
        self.search.query = query;
        self.run_search();
        let here = (self.pos.page, self.pos.panel);
        let first = self
            .search
            .hits
            .iter()
            .position(|h| (h.page, h.panel) >= here)
            .or((!self.search.hits.is_empty()).then_some(0));
        match first {
            Some(i) => self.show_hit(i),
            None => self.message = Some(Message::NoHits),
        }
    }

    /// Searches the story again for the last query, in the current language.
    pub(super) fn run_search(&mut self) {
        self.search.current = None;
        if self.search.query.is_empty() {
            self.search.hits.clear();
            return;
        }
        let story = self.story;
        let index = self
            .search
            .index
            .get_or_insert_with(|| Arc::new(Index::new(story)))
            .clone();
        let scope = if self.search.all_languages {
            Scope::All
        } else {
            Scope::Lang(self.lang)
        };
        let mut hits = index.search(&self.search.query, scope);
        // One stop per panel place, in reading order, whatever the language.
        hits.sort_by_key(|h| (h.page, h.panel));
        self.search.hits = hits;
    }

    /// `n` / `N`: the next or previous hit, wrapping around the story's ends.
    pub(super) fn search_step(&mut self, forward: bool) {
        let n = self.search.hits.len();
        if n == 0 {
            if !self.search.query.is_empty() {
                self.message = Some(Message::NoHits);
            }
            return;
        }
        let next = match (self.search.current, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.show_hit(next);
    }

    /// Goes to hit `i`; a hit in a note opens the commentary.
    fn show_hit(&mut self, i: usize) {
        let Some(hit) = self.search.hits.get(i) else {
            return;
        };
        let in_note = matches!(hit.place, Where::Note(_));
        let to = nav::clamp(
            self.story,
            Position {
                page: hit.page,
                panel: hit.panel,
            },
        );
        self.search.current = Some(i);
        self.go(Some(to));
        if in_note {
            self.overlay = Overlay::Commentary;
            self.scroll = 0;
        }
    }
}
