//! The reader's state: position, view, overlay, language, scroll, typed number, size.

use super::geometry::Geometry;
use super::keys::Keymap;
use crate::story::{Page, Panel, Story};

/// Where the reader is: a page and a panel on it (both 0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub page: usize,
    pub panel: usize,
}

/// The reader's chosen view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Page,
    Panel,
}

/// The layer drawn over the page, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Overlay {
    #[default]
    None,
    Commentary,
    Help,
    /// What is wrong with the story as last saved (live reload); the last version that
    /// loaded stays on screen.
    Problems,
}

/// A card shown instead of a page: before the first and after the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Card {
    /// Title, summary and credits: where a story opened at its start begins.
    Cover,
    /// The end: the sources, and how to quit or start again.
    End,
}

/// A one-shot message for the status bar, localized when drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The typed page does not exist; the reader was taken to `shown` instead.
    NoSuchPage { asked: usize, shown: usize },
    /// The language asked for (`--lang`) is not one of the story's.
    NoSuchLanguage,
    /// The search found nothing; the reader stays where they were.
    NoHits,
    /// `m` added or removed a bookmark.
    Bookmarked(bool),
    /// The saved place could not be used (a line from the state file's reader).
    Notice(String),
    /// The story was saved again and is shown as it is now.
    Reloaded,
}

/// What the story's fit depends on: terminal size and language.
type FitKey = ((u16, u16), usize);

/// Everything the viewer shows, for one story.
#[derive(Clone)]
pub struct App<'s> {
    pub story: &'s Story,
    /// The screen's answers about sizes (see [`Geometry`]).
    pub geometry: &'s dyn Geometry,
    /// The key table in force.
    pub keymap: Keymap,
    pub pos: Position,
    /// The view the reader chose.
    pub view: View,
    /// The page does not fit legibly: panel view is shown whatever `view` says.
    pub auto_panel: bool,
    pub overlay: Overlay,
    /// Index into `story.languages`.
    pub lang: usize,
    /// Scroll offset of the open overlay, in rows.
    pub scroll: usize,
    /// Digits of a page number being typed.
    pub pending: Option<usize>,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    pub message: Option<Message>,
    /// Whether the story fits in page view, for a (size, language).
    pub(super) story_fit: Option<(FitKey, bool)>,
    /// Search: the prompt, the hits, the one shown.
    pub search: super::find::Find,
    /// The commentary side pane (`C`), and its scroll offset in rows.
    pub side: bool,
    pub side_scroll: usize,
    /// The cover or end card, when one is shown instead of the page.
    pub card: Option<Card>,
    /// The overview's cursor while it is open (`o`).
    pub overview: Option<Position>,
    /// Ids of bookmarked panels (`m`).
    pub bookmarks: std::collections::BTreeSet<String>,
    /// `z`: the current panel's art alone, as large as the terminal allows.
    pub art_alone: bool,
    /// What is wrong with the story as last saved (`check`'s text), while it is wrong.
    pub problems: Option<String>,
    pub quit: bool,
}

impl std::fmt::Debug for App<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("pos", &self.pos)
            .field("view", &self.view)
            .field("auto_panel", &self.auto_panel)
            .field("overlay", &self.overlay)
            .field("lang", &self.lang)
            .field("scroll", &self.scroll)
            .field("pending", &self.pending)
            .field("size", &self.size)
            .field("message", &self.message)
            .field("art_alone", &self.art_alone)
            .field("search", &self.search.prompt)
            .field("bookmarks", &self.bookmarks)
            .finish_non_exhaustive()
    }
}

impl<'s> App<'s> {
    /// A reader on the first page, in the given language if the story has it.
    /// The reader at the start of `story`, in language `lang` (any common spelling: `zh`,
    /// `zh-CN`, `zh_cn`; see [`crate::story::lang::resolve`]); one the story lacks opens the first
    /// language and says so in the status bar.
    /// `geometry` answers for the screen (the UI's: `&comicterm::ui::GEOMETRY`).
    pub fn new(
        story: &'s Story,
        geometry: &'s dyn Geometry,
        lang: Option<&str>,
        size: (u16, u16),
    ) -> Self {
        let found = lang.map(|l| crate::story::lang::resolve(&story.languages, l));
        let message = matches!(found, Some(None)).then_some(Message::NoSuchLanguage);
        let lang = found.flatten().unwrap_or(0);
        let mut app = Self {
            story,
            geometry,
            keymap: Keymap::default(),
            pos: Position::default(),
            view: View::Page,
            auto_panel: false,
            overlay: Overlay::None,
            lang,
            scroll: 0,
            pending: None,
            size,
            message,
            story_fit: None,
            search: super::find::Find::default(),
            bookmarks: std::collections::BTreeSet::new(),
            overview: None,
            card: None,
            side: false,
            side_scroll: 0,
            art_alone: false,
            problems: None,
            quit: false,
        };
        app.refresh_fit();
        app
    }

    /// The view actually drawn.
    pub fn effective_view(&self) -> View {
        if self.auto_panel {
            View::Panel
        } else {
            self.view
        }
    }

    /// The story language tag in use.
    pub fn lang_tag(&self) -> &'s str {
        self.story
            .languages
            .get(self.lang)
            .map_or("en", String::as_str)
    }

    pub fn page(&self) -> Option<&'s Page> {
        self.story.pages.get(self.pos.page)
    }

    pub fn panel(&self) -> Option<&'s Panel> {
        self.page().and_then(|p| p.panels.get(self.pos.panel))
    }

    /// Commentary notes of the current panel (the focused one in page view).
    pub fn note_count(&self) -> usize {
        self.panel().map_or(0, |p| p.notes.len())
    }

    /// Recomputes whether the current page fits the terminal.
    /// Page view is shown only when the whole story fits (so the view does not flip from
    /// page to page), and the current page does.
    pub(super) fn refresh_fit(&mut self) {
        let key = (self.size, self.lang);
        if self.story_fit.is_none_or(|(k, _)| k != key) {
            self.story_fit = Some((key, self.geometry.story_fits(self)));
        }
        let story_fits = self.story_fit.is_some_and(|(_, fits)| fits);
        // The story's fit covers its first pages: only pages past them are asked about
        // (asking costs laying out the page's text, a tenth of a page turn at 240×70).
        let checked = self.pos.page < super::geometry::STORY_FIT_PAGES;
        let page_fits = || checked || self.geometry.page_fits(self);
        self.auto_panel = self.page().is_some() && !(story_fits && page_fits());
    }
}
