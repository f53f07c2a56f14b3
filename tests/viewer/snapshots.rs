//! Whole-screen snapshots of the built-in story: every page, both views, overlays, both
//! languages, tiny terminals.

use comicterm::app::{Action, App, Position};
use comicterm::story::{Story, StorySource, load};
use comicterm::ui::{self, ViewCtx};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn story() -> Story {
    load(&StorySource::Builtin)
        .story
        .expect("the built-in story loads")
}

fn screen(story: &Story, size: (u16, u16), actions: &[Action]) -> Terminal<TestBackend> {
    let mut app = App::new(story, &comicterm::ui::GEOMETRY, None, size);
    actions.iter().for_each(|a| app.update(*a));
    let mut t = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    t.draw(|f| ui::draw(f, &app, &ViewCtx::new(&app))).unwrap();
    t
}

fn page(n: usize) -> Action {
    Action::GoTo(Position { page: n, panel: 0 })
}

#[test]
fn every_page_in_page_view() {
    let s = story();
    for size in [(80, 24), (160, 48)] {
        for p in 0..s.pages.len() {
            let name = format!("page{}_{}x{}", p + 1, size.0, size.1);
            insta::assert_snapshot!(name, screen(&s, size, &[page(p)]).backend());
        }
    }
}

#[test]
fn every_page_in_chinese_at_160x48() {
    let s = story();
    for p in 0..s.pages.len() {
        let name = format!("page{}_zh_160x48", p + 1);
        let t = screen(&s, (160, 48), &[page(p), Action::NextLanguage]);
        insta::assert_snapshot!(name, t.backend());
    }
}

#[test]
fn panel_view() {
    let s = story();
    let to_panel_6 = [page(1), Action::ToggleView, Action::Next];
    insta::assert_snapshot!(screen(&s, (120, 40), &to_panel_6).backend());
    let mut zh = to_panel_6.to_vec();
    zh.push(Action::NextLanguage);
    insta::assert_snapshot!(screen(&s, (80, 24), &zh).backend());
}

#[test]
fn commentary_overlay() {
    let s = story();
    let page_notes = [page(2), Action::ToggleCommentary];
    insta::assert_snapshot!(screen(&s, (160, 48), &page_notes).backend());
    let panel_notes = [page(2), Action::ToggleView, Action::ToggleCommentary];
    insta::assert_snapshot!(screen(&s, (100, 30), &panel_notes).backend());
    let zh = [
        Action::ToggleCommentary,
        Action::NextLanguage,
        Action::ScrollDown,
    ];
    insta::assert_snapshot!(screen(&s, (100, 30), &zh).backend());
}

#[test]
fn help_overlay() {
    let s = story();
    insta::assert_snapshot!(screen(&s, (100, 30), &[Action::ToggleHelp]).backend());
    let zh = [Action::ToggleHelp, Action::NextLanguage];
    insta::assert_snapshot!(screen(&s, (100, 30), &zh).backend());
}

#[test]
fn typed_number_and_out_of_range_message() {
    let s = story();
    let typing = [Action::Digit(3)];
    insta::assert_snapshot!(screen(&s, (120, 40), &typing).backend());
    let clamped = [Action::Digit(9), Action::Confirm];
    insta::assert_snapshot!(screen(&s, (120, 40), &clamped).backend());
}

#[test]
fn tiny_terminals() {
    let s = story();
    insta::assert_snapshot!(screen(&s, (20, 6), &[]).backend());
    insta::assert_snapshot!(screen(&s, (1, 1), &[]).backend());
    insta::assert_snapshot!(screen(&s, (40, 12), &[]).backend());
}
