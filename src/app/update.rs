//! The one place where reader state changes.

use super::nav;
use super::{Action, App, Card, Message, Overlay, OverlayRows, Position, View};

/// Longest page number the reader can type.
const MAX_DIGITS: usize = 6;

impl App<'_> {
    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
        }
        if !matches!(
            action,
            Action::Digit(_) | Action::EraseDigit | Action::Resize(..)
        ) {
            let pending = self.pending.take();
            if let (Some(n), Action::Confirm | Action::JumpOrLast) = (pending, action) {
                self.jump_to(n);
                return;
            }
            if pending.is_some() && action == Action::Back {
                return;
            }
        }
        self.apply(action);
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::Next => self.step(true),
            Action::Prev => self.step(false),
            Action::NextPanel => self.walk(true, nav::next_panel(self.story, self.pos)),
            Action::PrevPanel => self.walk(false, nav::prev_panel(self.story, self.pos)),
            Action::ShowCover => self.card = Some(Card::Cover),
            Action::Below => self.go(nav::below(self.story, self.pos)),
            Action::Above => self.go(nav::above(self.story, self.pos)),
            Action::NextNoted => self.go(nav::next_noted(self.story, self.pos)),
            Action::PrevNoted => self.go(nav::prev_noted(self.story, self.pos)),
            Action::ToggleArtAlone => self.art_alone = !self.art_alone,
            Action::ToggleBookmark => self.toggle_bookmark(),
            Action::ToggleOverview => self.toggle_overview(),
            Action::ToggleSide => {
                self.side = !self.side;
                self.side_scroll = 0;
                self.story_fit = None;
                self.refresh_fit();
            }
            Action::SideDown => self.side_scroll_by(1),
            Action::SideUp => self.side_scroll_by(-1),
            Action::Overview(step) => self.overview_move(step),
            Action::OverviewJump => self.overview_jump(),
            Action::OverviewPick(to) => self.overview_pick(to),
            Action::SearchStart => self.search_start(),
            Action::SearchInput(c) => self.search_input(c),
            Action::SearchErase => self.search_erase(),
            Action::SearchScope => self.search_scope(),
            Action::SearchSubmit => self.search_submit(),
            Action::SearchNext => self.search_step(true),
            Action::SearchPrev => self.search_step(false),
            Action::NextPage => self.walk(true, nav::next_page(self.story, self.pos)),
            Action::PrevPage => self.walk(false, nav::prev_page(self.pos)),
            Action::FirstPage => self.go(Some(nav::first_of(0))),
            Action::LastPage | Action::JumpOrLast => self.go(Some(nav::last_page(self.story))),
            Action::Digit(d) => self.type_digit(d),
            Action::EraseDigit => self.pending = self.pending.map(|n| n / 10).filter(|n| *n > 0),
            Action::Confirm => self.open_focused(),
            Action::ToggleView => self.toggle_view(),
            Action::ToggleCommentary => self.toggle_overlay(Overlay::Commentary),
            Action::ToggleHelp => self.toggle_overlay(Overlay::Help),
            Action::NextLanguage => self.next_language(),
            Action::Back => self.back(),
            Action::Quit => self.quit = true,
            Action::Suspend => {}
            Action::ScrollUp => self.scroll_by(-1),
            Action::ScrollDown => self.scroll_by(1),
            Action::ScrollPageUp => self.scroll_by(-self.scroll_page()),
            Action::ScrollPageDown => self.scroll_by(self.scroll_page()),
            Action::ScrollTop => self.scroll = 0,
            Action::ScrollBottom => self.scroll = self.max_scroll(),
            Action::GoTo(to) => self.go(Some(nav::clamp(self.story, to))),
            Action::OpenPanel(i) => self.open_panel(i),
            Action::Resize(w, h) => self.resize(w, h),
        }
    }

    fn step(&mut self, forward: bool) {
        let to = match (self.effective_view(), forward) {
            (View::Panel, true) => nav::next_panel(self.story, self.pos),
            (View::Panel, false) => nav::prev_panel(self.story, self.pos),
            (View::Page, true) => nav::next_page(self.story, self.pos),
            (View::Page, false) => nav::prev_page(self.pos),
        };
        self.walk(forward, to);
    }

    /// A step forward or back in reading order to `to`; past the story's last panel comes
    /// the end card, before its first the cover. Leaving a card shows the panel it stands
    /// beside (the first, or the last), not the one after it.
    fn walk(&mut self, forward: bool, to: Option<Position>) {
        match (self.card, forward) {
            (Some(Card::Cover), true) | (Some(Card::End), false) => self.card = None,
            (Some(_), _) => {}
            (None, _) if to.is_some() => self.go(to),
            (None, true) => self.card = Some(Card::End),
            (None, false) => self.card = Some(Card::Cover),
        }
    }

    /// Moves to `to` (if any); scroll restarts and the page's fit is re-checked.
    pub(super) fn go(&mut self, to: Option<Position>) {
        if to.is_some() {
            self.card = None;
        }
        if let Some(to) = to
            && to != self.pos
        {
            self.pos = to;
            self.scroll = 0;
            self.side_scroll = 0;
            self.refresh_fit();
        }
    }

    fn type_digit(&mut self, d: u8) {
        let digits = self.pending.map_or(0, |n| n.to_string().len());
        if digits < MAX_DIGITS {
            self.pending = Some(self.pending.unwrap_or(0) * 10 + usize::from(d % 10));
        }
    }

    fn jump_to(&mut self, n: usize) {
        let (to, clamped) = nav::page_number(self.story, n);
        if clamped {
            self.message = Some(Message::NoSuchPage {
                asked: n,
                shown: to.page + 1,
            });
        }
        self.go(Some(to));
    }

    fn toggle_view(&mut self) {
        self.view = match self.view {
            View::Page => View::Panel,
            View::Panel => View::Page,
        };
        self.scroll = 0;
    }

    fn toggle_overlay(&mut self, which: Overlay) {
        self.overlay = if self.overlay == which {
            Overlay::None
        } else {
            which
        };
        self.scroll = 0;
    }

    /// Next language. The reader stays on the same panel, and a reader in panel view stays
    /// there even if the page would now fit (only a page that no longer fits leaves page view).
    fn next_language(&mut self) {
        let before = self.effective_view();
        let n = self.story.languages.len().max(1);
        self.lang = (self.lang + 1) % n;
        self.scroll = 0;
        // Hits are per language: the same query, searched again.
        self.run_search();
        self.refresh_fit();
        if before == View::Panel {
            self.view = View::Panel;
        }
    }

    fn toggle_bookmark(&mut self) {
        let Some(id) = self.panel().map(|p| p.id.clone()) else {
            return;
        };
        let added = self.bookmarks.insert(id.clone());
        if !added {
            self.bookmarks.remove(&id);
        }
        self.message = Some(Message::Bookmarked(added));
    }

    /// Esc closes the top layer: the search prompt, the overlay, else the art shown alone.
    fn back(&mut self) {
        if self.search.prompt.take().is_some() || self.overview.take().is_some() {
            return;
        }
        if self.overlay == Overlay::None {
            self.art_alone = false;
        }
        self.overlay = Overlay::None;
        self.scroll = 0;
    }

    /// Enter in page view: the focused panel in panel view.
    fn open_focused(&mut self) {
        if self.effective_view() == View::Page {
            self.open_panel(self.pos.panel);
        }
    }

    fn overlay_rows(&self) -> OverlayRows {
        if self.overlay == Overlay::None {
            return OverlayRows::default();
        }
        self.geometry.overlay_rows(self)
    }

    /// The largest useful scroll offset of the open overlay.
    pub fn max_scroll(&self) -> usize {
        self.overlay_rows().max_scroll()
    }

    /// Scrolls the side pane by `delta` rows, within its content.
    pub(super) fn side_scroll_by(&mut self, delta: isize) {
        let max = if self.side {
            self.geometry.side_rows(self).max_scroll()
        } else {
            0
        };
        self.side_scroll = self.side_scroll.saturating_add_signed(delta).min(max);
    }

    fn scroll_page(&self) -> isize {
        isize::try_from(self.overlay_rows().visible.max(1)).unwrap_or(1)
    }

    /// Scrolls the overlay by `delta` rows, within its content (which may be longer than
    /// 65,535 rows: the offset is a `usize`).
    pub(super) fn scroll_by(&mut self, delta: isize) {
        let max = self.max_scroll();
        self.scroll = self.scroll.saturating_add_signed(delta).min(max);
    }

    fn open_panel(&mut self, index: usize) {
        let exists = self.page().is_some_and(|p| index < p.panels.len());
        if exists {
            self.pos.panel = index;
            self.view = View::Panel;
            self.scroll = 0;
        }
    }

    fn resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
        self.refresh_fit();
        self.side_scroll_by(0);
        self.scroll_by(0);
    }
}
