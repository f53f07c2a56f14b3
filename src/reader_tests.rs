//! Every action's effect on the reader state, with the screen's real geometry (the UI's
//! answers about fit and scrolling) and the terminal edge's key and mouse mapping: the layers
//! together, which is why these tests live beside them rather than inside `app/`.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::app::keys::Key;
use crate::app::testing::story;
use crate::app::{Action, App, Geometry, Message, Overlay, Position, View, keymap};
use crate::story::Story;
use crate::term::input;
use crate::ui::GEOMETRY;

const BIG: (u16, u16) = (160, 48);

fn at(page: usize, panel: usize) -> Position {
    Position { page, panel }
}

fn app(s: &Story) -> App<'_> {
    App::new(s, &GEOMETRY, None, BIG)
}

fn run<'s>(s: &'s Story, actions: &[Action]) -> App<'s> {
    let mut a = app(s);
    actions.iter().for_each(|x| a.update(*x));
    a
}

#[test]
fn page_view_turns_pages_and_stops_at_the_ends() {
    let s = story();
    let mut a = app(&s);
    a.update(Action::Prev);
    assert_eq!((a.pos, a.card), (at(0, 0), Some(crate::app::Card::Cover)));
    a.update(Action::Next);
    assert_eq!(
        (a.pos, a.card),
        (at(0, 0), None),
        "the cover opens onto page 1"
    );
    a.update(Action::Next);
    assert_eq!(a.pos, at(1, 0));
    a.update(Action::Next);
    a.update(Action::Next);
    assert_eq!((a.pos, a.card), (at(2, 0), Some(crate::app::Card::End)));
    a.update(Action::Prev);
    assert_eq!(
        (a.pos, a.card),
        (at(2, 0), None),
        "the end card opens onto the last page"
    );
    a.update(Action::Prev);
    assert_eq!(a.pos, at(1, 0));
}

#[test]
fn panel_view_rolls_over_page_edges_but_not_story_ends() {
    let s = story();
    let mut a = run(&s, &[Action::ToggleView]);
    assert_eq!(a.effective_view(), View::Panel);
    a.update(Action::Prev);
    assert_eq!(a.pos, at(0, 0), "no wrap before the first panel: the cover");
    a.update(Action::Next);
    assert_eq!(a.card, None);
    (0..3).for_each(|_| a.update(Action::Next));
    assert_eq!(a.pos, at(0, 3));
    a.update(Action::Next);
    assert_eq!(
        a.pos,
        at(1, 0),
        "right on a page's last panel: next page's first"
    );
    a.update(Action::Prev);
    assert_eq!(
        a.pos,
        at(0, 3),
        "left on a page's first panel: previous page's last"
    );
    (0..20).for_each(|_| a.update(Action::Next));
    assert_eq!(a.pos, at(2, 0), "no wrap after the last panel");
    assert_eq!(a.card, Some(crate::app::Card::End));
}

#[test]
fn page_keys_work_in_both_views() {
    let s = story();
    for view in [vec![], vec![Action::ToggleView]] {
        let mut a = run(&s, &view);
        a.update(Action::NextPage);
        assert_eq!(a.pos, at(1, 0));
        a.update(Action::LastPage);
        assert_eq!(a.pos, at(2, 0));
        a.update(Action::NextPage);
        assert_eq!(a.pos, at(2, 0));
        a.update(Action::FirstPage);
        assert_eq!(a.pos, at(0, 0));
        a.update(Action::PrevPage);
        assert_eq!(a.pos, at(0, 0));
        a.update(Action::JumpOrLast);
        assert_eq!(a.pos, at(2, 0));
    }
}

#[test]
fn typed_numbers_jump_and_clamp() {
    let s = story();
    let a = run(&s, &[Action::Digit(2), Action::Confirm]);
    assert_eq!((a.pos, a.pending, a.message), (at(1, 0), None, None));
    let a = run(&s, &[Action::Digit(2), Action::JumpOrLast]);
    assert_eq!(a.pos, at(1, 0));
    let mut a = run(&s, &[Action::Digit(9), Action::Digit(9)]);
    assert_eq!(a.pending, Some(99));
    a.update(Action::Confirm);
    assert_eq!(a.pos, at(2, 0));
    assert_eq!(
        a.message,
        Some(Message::NoSuchPage {
            asked: 99,
            shown: 3
        })
    );
    a.update(Action::Next);
    assert_eq!(a.message, None, "messages last one action");
    let a = run(&s, &[Action::LastPage, Action::Digit(0), Action::Confirm]);
    assert_eq!(a.pos, at(0, 0));
    assert_eq!(a.message, Some(Message::NoSuchPage { asked: 0, shown: 1 }));
    let a = run(&s, &[Action::Digit(9); 30]);
    assert_eq!(a.pending, Some(999_999), "digits are capped");
}

#[test]
fn esc_clears_number_then_overlay_and_never_quits() {
    let s = story();
    let mut a = run(
        &s,
        &[Action::NextPage, Action::ToggleHelp, Action::Digit(3)],
    );
    a.update(Action::Back);
    assert_eq!((a.pending, a.overlay, a.quit), (None, Overlay::Help, false));
    a.update(Action::Back);
    assert_eq!((a.overlay, a.quit), (Overlay::None, false));
    a.update(Action::Back);
    a.update(Action::Back);
    assert!(!a.quit, "Esc once too often keeps the reader's place");
    assert_eq!(a.pos.page, 1);
    assert!(run(&s, &[Action::Quit]).quit);
}

#[test]
fn backspace_erases_a_typed_digit_before_it_turns_pages() {
    let s = story();
    let backspace = Key::Backspace;
    let mut a = run(&s, &[Action::NextPage, Action::Digit(1), Action::Digit(2)]);
    let erase = keymap::map_key(&a, backspace);
    assert_eq!(erase, Some(Action::EraseDigit));
    a.update(Action::EraseDigit);
    assert_eq!(
        (a.pending, a.pos.page),
        (Some(1), 1),
        "12 → 1, no page turned"
    );
    a.update(Action::EraseDigit);
    assert_eq!(a.pending, None);
    assert_eq!(
        keymap::map_key(&a, backspace),
        Some(Action::Prev),
        "then it turns pages again"
    );
}

#[test]
fn in_an_overlay_home_end_and_space_move_within_it() {
    let s = story();
    let mut a = App::new(&s, &GEOMETRY, None, (40, 12));
    a.update(Action::ToggleCommentary);
    for (key, want) in [
        (Key::End, Action::ScrollBottom),
        (Key::Char('G'), Action::ScrollBottom),
        (Key::Home, Action::ScrollTop),
        (Key::Char('g'), Action::ScrollTop),
        (Key::Char(' '), Action::ScrollPageDown),
    ] {
        assert_eq!(keymap::map_key(&a, key), Some(want), "{key:?}");
    }
    let page = a.pos;
    a.update(Action::ScrollBottom);
    assert_eq!(a.scroll, a.max_scroll());
    assert!(a.scroll > 0);
    a.update(Action::ScrollTop);
    assert_eq!(a.scroll, 0);
    assert_eq!(a.pos, page, "the page did not turn");
}

#[test]
fn toggle_view_keeps_the_place() {
    let s = story();
    let mut a = run(&s, &[Action::NextPage, Action::OpenPanel(2)]);
    assert_eq!((a.view, a.pos), (View::Panel, at(1, 2)));
    a.update(Action::Next);
    a.update(Action::Next);
    assert_eq!(a.pos, at(2, 0));
    a.update(Action::ToggleView);
    assert_eq!((a.view, a.pos.page), (View::Page, 2));
    a.update(Action::OpenPanel(7));
    assert_eq!(a.view, View::Page, "no such panel: nothing happens");
}

#[test]
fn overlays_toggle_and_replace_each_other() {
    let s = story();
    let mut a = run(&s, &[Action::ToggleCommentary]);
    assert_eq!(a.overlay, Overlay::Commentary);
    a.update(Action::ToggleHelp);
    assert_eq!(a.overlay, Overlay::Help);
    a.update(Action::ToggleHelp);
    assert_eq!(a.overlay, Overlay::None);
}

#[test]
fn language_cycles_through_the_story_languages() {
    let s = story();
    let mut a = app(&s);
    assert_eq!(a.lang_tag(), "en");
    a.update(Action::NextLanguage);
    assert_eq!(a.lang_tag(), "zh-Hans");
    a.update(Action::NextLanguage);
    assert_eq!(a.lang_tag(), "en");
    assert_eq!(
        App::new(&s, &GEOMETRY, Some("zh-Hans"), BIG).lang_tag(),
        "zh-Hans"
    );
    assert_eq!(App::new(&s, &GEOMETRY, Some("fr"), BIG).lang_tag(), "en");
}

#[test]
fn scroll_is_clamped_to_content() {
    let s = story();
    let mut a = App::new(&s, &GEOMETRY, None, (40, 12));
    a.update(Action::ToggleCommentary);
    a.update(Action::ScrollUp);
    assert_eq!(a.scroll, 0);
    (0..100).for_each(|_| a.update(Action::ScrollDown));
    let max = a.max_scroll();
    assert!(max > 0);
    assert_eq!(a.scroll, max);
    a.update(Action::ScrollPageUp);
    assert!(a.scroll < max);
    a.update(Action::Resize(160, 48));
    assert_eq!(a.scroll, 0, "a bigger screen shows it all");
    a.update(Action::ToggleCommentary);
    a.update(Action::ScrollDown);
    assert_eq!(a.scroll, 0, "nothing to scroll without an overlay");
}

#[test]
fn small_terminals_switch_to_panel_view_and_back() {
    let s = story();
    let mut a = App::new(&s, &GEOMETRY, None, (60, 14));
    assert!(a.auto_panel);
    assert_eq!((a.view, a.effective_view()), (View::Page, View::Panel));
    a.update(Action::Next);
    assert_eq!(a.pos, at(0, 1), "keys follow the view shown");
    a.update(Action::Resize(120, 40));
    assert!(!a.auto_panel);
    assert_eq!(a.effective_view(), View::Page);
    a.update(Action::LastPage);
    a.update(Action::Resize(60, 14));
    assert!(
        a.auto_panel,
        "the 1x1 page would fit, but the story does not: the view does not flip page by page"
    );
}

#[test]
fn goto_clamps() {
    let s = story();
    let a = run(&s, &[Action::GoTo(at(7, 9))]);
    assert_eq!(a.pos, at(2, 0));
    let a = run(&s, &[Action::GoTo(at(1, 3))]);
    assert_eq!(a.pos, at(1, 3));
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

#[test]
fn keys_map_to_actions_top_layer_first() {
    let s = story();
    let mut a = app(&s);
    let map = |a: &App, e| input::action(a, &e);
    assert_eq!(map(&a, key(KeyCode::Right)), Some(Action::NextPanel));
    assert_eq!(map(&a, key(KeyCode::Char(' '))), Some(Action::Next));
    assert_eq!(map(&a, key(KeyCode::Backspace)), Some(Action::Prev));
    assert_eq!(map(&a, key(KeyCode::PageDown)), Some(Action::NextPage));
    assert_eq!(map(&a, key(KeyCode::Char('7'))), Some(Action::Digit(7)));
    assert_eq!(map(&a, key(KeyCode::Tab)), Some(Action::ToggleView));
    assert_eq!(map(&a, key(KeyCode::Down)), Some(Action::Below));
    assert_eq!(map(&a, key(KeyCode::F(5))), None);
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(map(&a, ctrl_c), Some(Action::Quit));
    let ctrl_z = Event::Key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert_eq!(map(&a, ctrl_z), Some(Action::Suspend));
    assert_eq!(map(&a, Event::Resize(3, 4)), Some(Action::Resize(3, 4)));
    a.update(Action::ToggleCommentary);
    assert_eq!(map(&a, key(KeyCode::Down)), Some(Action::ScrollDown));
    assert_eq!(map(&a, key(KeyCode::Char('k'))), Some(Action::ScrollUp));
    assert_eq!(
        map(&a, key(KeyCode::PageDown)),
        Some(Action::ScrollPageDown)
    );
    assert_eq!(map(&a, key(KeyCode::Right)), Some(Action::NextPanel));
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

#[test]
fn mouse_turns_pages_scrolls_and_opens_panels() {
    let s = story();
    let mut a = app(&s);
    let map = |a: &App, e| input::action(a, &e);
    assert_eq!(
        map(&a, mouse(MouseEventKind::ScrollDown, 0, 0)),
        Some(Action::Next),
        "one step of the view: a page here, a panel in panel view"
    );
    let click = mouse(MouseEventKind::Down(MouseButton::Left), 120, 40);
    assert_eq!(map(&a, click.clone()), Some(Action::OpenPanel(3)));
    let on_status = mouse(MouseEventKind::Down(MouseButton::Left), 5, 47);
    assert_eq!(map(&a, on_status), None);
    a.update(Action::ToggleHelp);
    assert_eq!(
        map(&a, mouse(MouseEventKind::ScrollUp, 0, 0)),
        Some(Action::ScrollUp)
    );
    assert_eq!(map(&a, click), None);
}

/// The end of a commentary longer than 65,535 rows can be reached (the offset was a `u16`),
/// and the box shows that end, not an empty frame.
#[test]
fn a_very_long_commentary_scrolls_to_its_end() {
    let mut s = story();
    let panel = &mut s.pages[0].panels[0];
    let template = panel.notes[0].clone();
    panel.notes = (0..25_000).map(|_| template.clone()).collect();
    // A narrow, very tall terminal: each note wraps to several rows; a page of scrolling is
    // thousands of rows.
    let size = (40, 8_000);
    let mut a = App::new(&s, &GEOMETRY, None, size);
    a.update(Action::ToggleView); // panel view: this panel's notes only
    a.update(Action::ToggleCommentary);
    let max = a.max_scroll();
    assert!(max > usize::from(u16::MAX), "{max}");
    a.scroll = max - 10; // as if paged down this far
    a.update(Action::ScrollPageDown);
    assert_eq!(a.scroll, max, "the last page is reached, past 65,535");
    let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, size.0, size.1));
    crate::ui::render(&a, &crate::ui::ViewCtx::new(&a), buf.area, &mut buf);
    let text: String = buf.content().iter().map(|c| c.symbol()).collect();
    assert!(
        text.contains("Sources"),
        "the sources at the very end are shown"
    );
}

/// Switching language keeps the reader in panel view and on the same panel, even where the
/// page would fit in the other language (the built-in story at some sizes has such pages).
#[test]
fn switching_language_keeps_panel_view_and_the_panel() {
    let s = crate::story::load(&crate::story::StorySource::Builtin)
        .story
        .unwrap();
    let mut relevant = 0;
    let sizes = (60..=140)
        .step_by(8)
        .flat_map(|w| (16..=40).step_by(4).map(move |h| (w, h)));
    for size in sizes {
        for (from, to) in [("en", "zh-Hans"), ("zh-Hans", "en")] {
            for page in 0..s.pages.len() {
                let mut a = App::new(&s, &GEOMETRY, Some(from), size);
                a.update(Action::GoTo(Position { page, panel: 0 }));
                if a.effective_view() != View::Panel {
                    continue;
                }
                let mut other = App::new(&s, &GEOMETRY, Some(to), size);
                other.update(Action::GoTo(Position { page, panel: 0 }));
                relevant += usize::from(other.effective_view() == View::Page);
                a.update(Action::Next);
                let pos = a.pos;
                a.update(Action::NextLanguage);
                assert_eq!(
                    a.effective_view(),
                    View::Panel,
                    "{size:?} {from} page {page}"
                );
                assert_eq!(a.pos, pos);
            }
        }
    }
    assert!(
        relevant > 0,
        "no case where the other language fits the page: the test proves nothing"
    );
}

#[test]
fn a_language_the_story_lacks_opens_the_first_and_says_so() {
    let s = story();
    let a = App::new(&s, &GEOMETRY, Some("fr"), BIG);
    assert_eq!(
        (a.lang_tag(), a.message),
        ("en", Some(Message::NoSuchLanguage))
    );
    let b = App::new(&s, &GEOMETRY, Some("zh-cn"), BIG);
    assert_eq!((b.lang_tag(), b.message), ("zh-Hans", None));
    let mut c = App::new(&s, &GEOMETRY, Some("fr"), BIG);
    c.update(Action::Next);
    assert_eq!(c.message, None, "said once");
}

/// Page view has a focus: Right/Left go panel by panel (over page edges), Down/Up on the
/// page's grid, Enter opens the focused panel.
#[test]
fn the_focus_moves_through_page_view_and_enter_opens_it() {
    let s = story();
    let mut a = app(&s);
    a.update(Action::NextPanel);
    assert_eq!((a.pos, a.effective_view()), (at(0, 1), View::Page));
    a.update(Action::Below);
    assert_eq!(a.pos, at(0, 3), "panel 4 is below panel 2");
    a.update(Action::Below);
    assert_eq!(a.pos, at(0, 3), "nothing below the bottom row");
    a.update(Action::Above);
    assert_eq!(a.pos, at(0, 1));
    a.update(Action::NextPanel);
    a.update(Action::NextPanel);
    a.update(Action::NextPanel);
    assert_eq!(
        a.pos,
        at(1, 0),
        "after the page's last panel: the next page"
    );
    a.update(Action::PrevPanel);
    assert_eq!(a.pos, at(0, 3));
    // Page two: 5 spans both rows on the left; 6 spans two columns on top; 7 and 8 below 6.
    a.update(Action::GoTo(at(1, 1)));
    a.update(Action::Below);
    assert_eq!(
        a.pos,
        at(1, 2),
        "below the wide panel: the leftmost it overlaps"
    );
    a.update(Action::GoTo(at(1, 0)));
    a.update(Action::Below);
    assert_eq!(a.pos, at(1, 0), "the tall panel has nothing below");
    a.update(Action::Confirm);
    assert_eq!((a.view, a.pos), (View::Panel, at(1, 0)));
    a.update(Action::Confirm);
    assert_eq!(a.view, View::Panel, "Enter in panel view does nothing more");
}

#[test]
fn brackets_jump_between_panels_with_notes() {
    let s = story();
    let mut a = app(&s);
    a.update(Action::NextNoted);
    assert_eq!(a.pos, at(0, 2));
    a.update(Action::NextNoted);
    assert_eq!(a.pos, at(1, 0), "over the page edge");
    a.update(Action::NextNoted);
    assert_eq!(
        a.pos,
        at(1, 0),
        "no later panel has notes: the place is kept"
    );
    a.update(Action::PrevNoted);
    a.update(Action::PrevNoted);
    assert_eq!(a.pos, at(0, 0));
    a.update(Action::PrevNoted);
    assert_eq!(a.pos, at(0, 0));
}

#[test]
fn the_art_alone_toggles_and_esc_leaves_it() {
    let s = story();
    let mut a = run(&s, &[Action::ToggleArtAlone]);
    assert!(a.art_alone);
    a.update(Action::NextPanel);
    assert!(a.art_alone, "it stays while the reader moves");
    a.update(Action::ToggleCommentary);
    a.update(Action::Back);
    assert!(a.art_alone, "the first Esc closes the box on top");
    a.update(Action::Back);
    assert!(!a.art_alone);
    a.update(Action::ToggleArtAlone);
    a.update(Action::ToggleArtAlone);
    assert!(!a.art_alone);
}

/// The key table answers by layer: a typed number takes Backspace, an open box the scroll
/// keys, and the rest falls through to reading.
#[test]
fn the_key_table_answers_top_layer_first() {
    let s = story();
    let mut a = app(&s);
    let k = |a: &App, key| keymap::map_key(a, key);
    assert_eq!(k(&a, Key::Char('z')), Some(Action::ToggleArtAlone));
    assert_eq!(k(&a, Key::Char(']')), Some(Action::NextNoted));
    assert_eq!(k(&a, Key::Char('5')), Some(Action::Digit(5)));
    assert_eq!(k(&a, Key::Backspace), Some(Action::Prev));
    assert_eq!(k(&a, Key::Ctrl('z')), Some(Action::Suspend));
    assert_eq!(k(&a, Key::Char('x')), None);
    a.update(Action::ToggleHelp);
    assert_eq!(k(&a, Key::Char('j')), Some(Action::ScrollDown));
    assert_eq!(
        k(&a, Key::Char('l')),
        Some(Action::NextPanel),
        "falls through"
    );
    assert_eq!(k(&a, Key::Char('q')), Some(Action::Quit));
}

/// `o` opens the overview on the reader's panel; its keys move the cursor, not the reader;
/// Enter goes there; Esc closes without moving.
#[test]
fn the_overview_moves_its_cursor_and_jumps() {
    let s = story();
    let mut a = run(&s, &[Action::NextPanel, Action::ToggleOverview]);
    assert_eq!(a.overview, Some(at(0, 1)));
    let k = |a: &App, key| keymap::map_key(a, key);
    assert_eq!(
        k(&a, Key::Right),
        Some(Action::Overview(
            crate::app::overview::OverviewStep::NextPanel
        ))
    );
    assert_eq!(
        k(&a, Key::Char('z')),
        None,
        "reading keys stay out of the overview"
    );
    assert_eq!(k(&a, Key::Char('?')), Some(Action::ToggleHelp));
    // At 160×48 the three pages sit two to a row: Down is the page below, PgDn the next.
    assert_eq!(GEOMETRY.overview_columns(&a), 2);
    a.update(k(&a, Key::Down).unwrap());
    assert_eq!(a.overview, Some(at(2, 0)), "Down: the tile below");
    a.update(k(&a, Key::Down).unwrap());
    assert_eq!(a.overview, Some(at(2, 0)), "no row below: it stays");
    a.update(k(&a, Key::Up).unwrap());
    assert_eq!(a.overview, Some(at(0, 0)), "Up: the tile above");
    for key in [Key::PageDown, Key::Right, Key::Right] {
        let action = k(&a, key).unwrap();
        a.update(action);
    }
    assert_eq!(a.overview, Some(at(1, 2)));
    assert_eq!(a.pos, at(0, 1), "the reader has not moved");
    a.update(k(&a, Key::Enter).unwrap());
    assert_eq!((a.overview, a.pos), (None, at(1, 2)));
    a.update(Action::ToggleOverview);
    a.update(Action::Overview(
        crate::app::overview::OverviewStep::PrevPage,
    ));
    a.update(Action::Back);
    assert_eq!(
        (a.overview, a.pos),
        (None, at(1, 2)),
        "Esc: closed, not moved"
    );
    a.update(Action::ToggleOverview);
    a.update(Action::OverviewPick(at(2, 0)));
    assert_eq!((a.overview, a.pos), (None, at(2, 0)), "a click jumps");
}

/// `m` bookmarks the panel and says so; again removes it.
#[test]
fn m_toggles_a_bookmark_on_the_current_panel() {
    let s = story();
    let mut a = run(&s, &[Action::NextPage, Action::ToggleBookmark]);
    assert!(a.bookmarks.contains("p5"));
    assert_eq!(a.message, Some(Message::Bookmarked(true)));
    a.update(Action::ToggleBookmark);
    assert!(a.bookmarks.is_empty());
    assert_eq!(a.message, Some(Message::Bookmarked(false)));
}

/// The search prompt takes keys; Enter goes to the first hit from here; n/N step and wrap;
/// no hit keeps the place and says so.
#[test]
fn search_prompt_hits_and_steps() {
    let s = story();
    let mut a = run(&s, &[Action::NextPage]);
    a.update(Action::SearchStart);
    assert_eq!(
        keymap::map_key(&a, Key::Char('q')),
        Some(Action::SearchInput('q'))
    );
    for c in "BANGx".chars() {
        a.update(Action::SearchInput(c));
    }
    a.update(Action::SearchErase);
    assert_eq!(a.search.prompt.as_deref(), Some("BANG"));
    a.update(Action::SearchSubmit);
    assert_eq!(
        a.pos,
        at(1, 0),
        "the first hit at or after the reader's panel"
    );
    assert_eq!(
        a.search.hits.len(),
        9,
        "one sound line in each of the 9 panels"
    );
    a.update(Action::SearchPrev);
    assert_eq!(a.pos, at(0, 3));
    for _ in 0..5 {
        a.update(Action::SearchNext);
    }
    assert_eq!(a.pos, at(2, 0));
    a.update(Action::SearchNext);
    assert_eq!(a.pos, at(0, 0), "wraps to the start");
    a.update(Action::SearchStart);
    "zebra"
        .chars()
        .for_each(|c| a.update(Action::SearchInput(c)));
    a.update(Action::SearchSubmit);
    assert_eq!(
        (a.pos, a.message.clone()),
        (at(0, 0), Some(Message::NoHits))
    );
    a.update(Action::SearchStart);
    a.update(Action::Back);
    assert_eq!(a.search.prompt, None, "Esc closes the prompt");
}

/// Before the first panel is the cover, after the last the end card; leaving a card shows
/// the panel beside it; a jump leaves any card.
#[test]
fn cards_sit_before_the_first_and_after_the_last_panel() {
    use crate::app::Card;
    let s = story();
    let mut a = run(&s, &[Action::ShowCover]);
    a.update(Action::Prev);
    assert_eq!((a.card, a.pos), (Some(Card::Cover), at(0, 0)));
    a.update(Action::NextPanel);
    assert_eq!(
        (a.card, a.pos),
        (None, at(0, 0)),
        "the cover opens onto panel 1"
    );
    a.update(Action::PrevPanel);
    assert_eq!(a.card, Some(Card::Cover));
    a.update(Action::LastPage);
    assert_eq!((a.card, a.pos), (None, at(2, 0)));
    a.update(Action::Next);
    assert_eq!(a.card, Some(Card::End));
    a.update(Action::Next);
    assert_eq!(
        (a.card, a.pos),
        (Some(Card::End), at(2, 0)),
        "nothing after the end"
    );
    a.update(Action::PrevPanel);
    assert_eq!((a.card, a.pos), (None, at(2, 0)), "back to the last panel");
    a.update(Action::NextPage);
    a.update(Action::FirstPage);
    assert_eq!((a.card, a.pos), (None, at(0, 0)), "Home starts again");
}

/// `C` shows the side pane; `J`/`K` scroll it within its content; moving to another panel
/// starts its notes at the top.
#[test]
fn the_side_pane_scrolls_on_its_own_keys() {
    let mut s = story();
    let template = s.pages[0].panels[0].notes[0].clone();
    s.pages[0].panels[0].notes = vec![template; 40];
    let mut a = App::new(&s, &GEOMETRY, None, (120, 30));
    assert_eq!(
        keymap::map_key(&a, Key::Char('C')),
        Some(Action::ToggleSide)
    );
    a.update(Action::ToggleSide);
    assert!(a.side);
    a.update(Action::SideUp);
    assert_eq!(a.side_scroll, 0);
    (0..500).for_each(|_| a.update(Action::SideDown));
    let max = a.side_scroll;
    assert!(max > 0, "40 notes do not fit in 29 rows");
    a.update(Action::SideDown);
    assert_eq!(a.side_scroll, max, "clamped to the content");
    a.update(Action::SideUp);
    assert_eq!(a.side_scroll, max - 1);
    a.update(Action::NextPanel);
    assert_eq!(a.side_scroll, 0);
}

/// Tab in the prompt searches every language: a Chinese word is found while reading English.
#[test]
fn tab_in_the_prompt_searches_every_language() {
    let s = story();
    let mut a = app(&s);
    a.update(Action::SearchStart);
    "冷静"
        .chars()
        .for_each(|c| a.update(Action::SearchInput(c)));
    assert_eq!(keymap::map_key(&a, Key::Tab), Some(Action::SearchScope));
    a.update(Action::SearchScope);
    a.update(Action::SearchSubmit);
    assert_eq!(
        a.search.hits.len(),
        9,
        "one thought in each panel, in Chinese"
    );
    assert_eq!(a.lang_tag(), "en", "the reader keeps their language");
    a.update(Action::SearchStart);
    "冷静"
        .chars()
        .for_each(|c| a.update(Action::SearchInput(c)));
    a.update(Action::SearchScope);
    a.update(Action::SearchSubmit);
    assert_eq!(a.message, Some(Message::NoHits), "English only: not found");
}
