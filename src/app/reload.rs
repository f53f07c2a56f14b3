//! A story saved again while it is read (live reload): the reader's state carried over to
//! the new version, and the problems box for a save that does not load.

use std::collections::BTreeSet;

use super::keys::Keymap;
use super::{App, Card, Geometry, Message, Overlay, Position, View, nav};
use crate::story::Story;

/// What the reader had, free of the old story (which is dropped before the new one is
/// shown): the place by panel id, the view, the open boxes, the language by tag.
#[derive(Debug, Clone)]
pub struct Carry {
    panel_id: Option<String>,
    pos: Position,
    lang: String,
    view: View,
    overlay: Overlay,
    scroll: usize,
    side: bool,
    side_scroll: usize,
    art_alone: bool,
    card: Option<Card>,
    overview: bool,
    bookmarks: BTreeSet<String>,
    keymap: Keymap,
    size: (u16, u16),
    prompt: Option<String>,
    query: String,
    all_languages: bool,
}

impl App<'_> {
    /// The reader's state, to be carried to a reloaded story.
    pub fn carry(&self) -> Carry {
        Carry {
            panel_id: self.panel().map(|p| p.id.clone()),
            pos: self.pos,
            lang: self.lang_tag().to_string(),
            view: self.view,
            overlay: self.overlay,
            scroll: self.scroll,
            side: self.side,
            side_scroll: self.side_scroll,
            art_alone: self.art_alone,
            card: self.card,
            overview: self.overview.is_some(),
            bookmarks: self.bookmarks.clone(),
            keymap: self.keymap.clone(),
            size: self.size,
            prompt: self.search.prompt.clone(),
            query: self.search.query.clone(),
            all_languages: self.search.all_languages,
        }
    }

    /// A save of the story did (`Some`, the diagnostics as `check` prints them) or did not
    /// leave problems: the problems box opens with them, or closes.
    pub fn story_problems(&mut self, report: Option<String>) {
        match report {
            Some(text) => {
                // A `reloaded` from an earlier save is no longer true of what is shown.
                if self.message == Some(Message::Reloaded) {
                    self.message = None;
                }
                self.problems = Some(text);
                self.overlay = Overlay::Problems;
                self.scroll = 0;
            }
            None => {
                self.problems = None;
                if self.overlay == Overlay::Problems {
                    self.overlay = Overlay::None;
                    self.scroll = 0;
                }
            }
        }
    }
}

impl<'s> App<'s> {
    /// The reader of the old version, now on `story`: on the same panel (found by its id),
    /// or on the nearest page if that panel is gone; in the same view, language and boxes.
    /// The status bar says `reloaded`.
    pub fn reloaded(story: &'s Story, geometry: &'s dyn Geometry, carry: Carry) -> Self {
        let mut app = App::new(story, geometry, Some(&carry.lang), carry.size);
        app.keymap = carry.keymap;
        app.view = carry.view;
        app.side = carry.side;
        app.art_alone = carry.art_alone;
        app.bookmarks = carry.bookmarks;
        app.bookmarks.retain(|id| find(story, id).is_some());
        app.search.prompt = carry.prompt;
        app.search.query = carry.query;
        app.search.all_languages = carry.all_languages;
        app.run_search();
        let found = carry.panel_id.as_deref().and_then(|id| find(story, id));
        app.pos = found.unwrap_or_else(|| nav::clamp(story, carry.pos));
        app.card = carry.card;
        app.overview = carry.overview.then_some(app.pos);
        app.refresh_fit();
        // A box that was open stays open (the problems box closes: this version loaded).
        if carry.overlay != Overlay::Problems {
            app.overlay = carry.overlay;
            app.scroll = carry.scroll;
            app.scroll_by(0);
        }
        app.side_scroll = carry.side_scroll;
        app.side_scroll_by(0);
        app.message = Some(Message::Reloaded);
        app
    }
}

/// Where the panel with id `id` is.
fn find(story: &Story, id: &str) -> Option<Position> {
    story.pages.iter().enumerate().find_map(|(page, p)| {
        p.panels
            .iter()
            .position(|panel| panel.id == id)
            .map(|panel| Position { page, panel })
    })
}

#[cfg(test)]
mod tests {
    use super::super::testing::story;
    use super::*;
    use crate::app::{Action, Geometry, OverlayRows};

    /// Everything fits; boxes have 100 rows of which 10 show.
    struct Roomy;
    impl Geometry for Roomy {
        fn page_fits(&self, _: &App) -> bool {
            true
        }
        fn story_fits(&self, _: &App) -> bool {
            true
        }
        fn overlay_rows(&self, _: &App) -> OverlayRows {
            OverlayRows {
                total: 100,
                visible: 10,
            }
        }
        fn side_rows(&self, _: &App) -> OverlayRows {
            OverlayRows {
                total: 50,
                visible: 10,
            }
        }
        fn overview_columns(&self, _: &App) -> usize {
            2
        }
    }

    fn reader(s: &Story) -> App<'_> {
        App::new(s, &Roomy, Some("zh-Hans"), (120, 40))
    }

    #[test]
    fn a_reload_keeps_the_panel_by_id_the_view_language_and_open_boxes() {
        let old = story();
        let mut a = reader(&old);
        for act in [
            Action::NextPage,
            Action::NextPanel,
            Action::ToggleView,
            Action::ToggleCommentary,
            Action::ScrollDown,
            Action::ScrollDown,
            Action::ToggleBookmark,
            Action::ToggleSide,
        ] {
            a.update(act);
        }
        let (pos, id) = (a.pos, a.panel().unwrap().id.clone());
        // The new version has a page before the old ones: the panel moved one page on.
        let mut new = story();
        let first = new.pages[2].clone();
        new.pages.insert(0, first);
        let b = App::reloaded(&new, &Roomy, a.carry());
        assert_eq!(b.panel().unwrap().id, id);
        assert_eq!(b.pos.page, pos.page + 1);
        assert_eq!(b.view, View::Panel);
        assert_eq!(b.lang_tag(), "zh-Hans");
        assert_eq!((b.overlay, b.scroll), (Overlay::Commentary, 2));
        assert!(b.side && b.bookmarks.contains(&id));
        assert_eq!(b.card, None);
        assert_eq!(b.message, Some(Message::Reloaded));
    }

    #[test]
    fn a_panel_that_is_gone_leaves_the_reader_on_the_nearest_page() {
        let old = story();
        let mut a = reader(&old);
        a.update(Action::LastPage);
        let mut new = story();
        new.pages.truncate(2);
        new.pages[1].panels.truncate(1);
        let b = App::reloaded(&new, &Roomy, a.carry());
        assert_eq!(b.pos, Position { page: 1, panel: 0 });
    }

    #[test]
    fn the_problems_box_opens_on_a_broken_save_and_closes_on_the_next_good_one() {
        let s = story();
        let mut a = reader(&s);
        a.update(Action::ToggleHelp);
        a.message = Some(Message::Reloaded);
        a.story_problems(Some("panels/x.toml:1:6: error".into()));
        assert_eq!(a.overlay, Overlay::Problems);
        assert_eq!(a.message, None, "the earlier `reloaded` is gone");
        assert!(a.problems.is_some());
        // Esc hides it; the story keeps its place.
        a.update(Action::Back);
        assert_eq!(a.overlay, Overlay::None);
        a.story_problems(Some("again".into()));
        let b = App::reloaded(&s, &Roomy, a.carry());
        assert_eq!(b.overlay, Overlay::None);
        assert_eq!(b.problems, None);
        let mut c = reader(&s);
        c.update(Action::ToggleCommentary);
        c.story_problems(None);
        assert_eq!(
            c.overlay,
            Overlay::Commentary,
            "a fix closes only the problems box"
        );
    }
}
