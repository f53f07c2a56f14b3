//! Whole-screen snapshots of the built-in story: every page, both views, overlays, both
//! languages, tiny terminals.

use comicterm::app::{Action, Position};
use comicterm::story::Story;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::support::frame;
use crate::support::story::builtin;

fn screen(story: &Story, size: (u16, u16), actions: &[Action]) -> Terminal<TestBackend> {
    frame::terminal(&frame::app(story, None, size, actions))
}

fn page(n: usize) -> Action {
    Action::GoTo(Position { page: n, panel: 0 })
}

/// Every page at 160x48, each with its own grid. At 80x24 no page fits, so each page shows its
/// first panel in panel view: pages 2 and 3 have page 1's layout with other story text, and
/// are left out; page 4 stays (its panel number, 13, takes two digits in the frame's title).
#[test]
fn every_page_in_page_view() {
    let s = builtin();
    for size in [(80, 24), (160, 48)] {
        for p in 0..s.pages.len() {
            if size == (80, 24) && (p == 1 || p == 2) {
                continue;
            }
            let name = format!("page{}_{}x{}", p + 1, size.0, size.1);
            insta::assert_snapshot!(name, screen(s, size, &[page(p)]).backend());
        }
    }
}

#[test]
fn every_page_in_chinese_at_160x48() {
    let s = builtin();
    for p in 0..s.pages.len() {
        let name = format!("page{}_zh_160x48", p + 1);
        let t = screen(s, (160, 48), &[page(p), Action::NextLanguage]);
        insta::assert_snapshot!(name, t.backend());
    }
}

#[test]
fn panel_view() {
    let s = builtin();
    let to_panel_6 = [page(1), Action::ToggleView, Action::Next];
    insta::assert_snapshot!(screen(s, (120, 40), &to_panel_6).backend());
    let mut zh = to_panel_6.to_vec();
    zh.push(Action::NextLanguage);
    insta::assert_snapshot!(screen(s, (80, 24), &zh).backend());
}

#[test]
fn commentary_overlay() {
    let s = builtin();
    let page_notes = [page(2), Action::ToggleCommentary];
    insta::assert_snapshot!(screen(s, (160, 48), &page_notes).backend());
    let panel_notes = [page(2), Action::ToggleView, Action::ToggleCommentary];
    insta::assert_snapshot!(screen(s, (100, 30), &panel_notes).backend());
    let zh = [
        Action::ToggleCommentary,
        Action::NextLanguage,
        Action::ScrollDown,
    ];
    insta::assert_snapshot!(screen(s, (100, 30), &zh).backend());
}

#[test]
fn help_overlay() {
    let s = builtin();
    insta::assert_snapshot!(screen(s, (100, 30), &[Action::ToggleHelp]).backend());
    let zh = [Action::ToggleHelp, Action::NextLanguage];
    insta::assert_snapshot!(screen(s, (100, 30), &zh).backend());
}

#[test]
fn typed_number_and_out_of_range_message() {
    let s = builtin();
    let typing = [Action::Digit(3)];
    insta::assert_snapshot!(screen(s, (120, 40), &typing).backend());
    let clamped = [Action::Digit(9), Action::Confirm];
    insta::assert_snapshot!(screen(s, (120, 40), &clamped).backend());
}

#[test]
fn tiny_terminals() {
    let s = builtin();
    insta::assert_snapshot!(screen(s, (20, 6), &[]).backend());
    insta::assert_snapshot!(screen(s, (1, 1), &[]).backend());
    insta::assert_snapshot!(screen(s, (40, 12), &[]).backend());
}

/// Chinese sources (issue 16): the commentary box of panel 1 scrolled to its end, where the
/// sources it cites are listed with their descriptions and our own titles in brackets; the
/// cover card with its credit roles; the end card listing every source.
#[test]
fn chinese_sources_cover_and_end() {
    let s = builtin();
    for size in [(80, 24), (160, 48)] {
        let (w, h) = size;
        let notes = [
            Action::NextLanguage,
            Action::ToggleCommentary,
            Action::ScrollBottom,
        ];
        let name = format!("sources_zh_{w}x{h}");
        insta::assert_snapshot!(name, screen(s, size, &notes).backend());
        let cover = [Action::NextLanguage, Action::ShowCover];
        let name = format!("cover_zh_{w}x{h}");
        insta::assert_snapshot!(name, screen(s, size, &cover).backend());
    }
    let last = Position {
        page: s.pages.len() - 1,
        panel: s.pages.last().unwrap().panels.len() - 1,
    };
    let end = [
        Action::NextLanguage,
        Action::GoTo(last),
        Action::ToggleView,
        Action::Next,
    ];
    insta::assert_snapshot!("end_zh_160x48", screen(s, (160, 48), &end).backend());
}
