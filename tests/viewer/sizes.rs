//! The built-in story at every view, overlay and language, at sizes from 0×0 to 300×100:
//! no panic, and nothing drawn past the frame's width.

use std::sync::OnceLock;

use comicterm::app::{Action, App, Position};
use comicterm::story::{Story, StorySource, load};
use comicterm::ui::{ViewCtx, dump, render};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

const VIEWS: [&[Action]; 6] = [
    &[],
    &[Action::ToggleView],
    &[Action::ToggleCommentary, Action::ScrollPageDown],
    &[Action::ToggleHelp, Action::ScrollDown],
    &[Action::NextLanguage, Action::ToggleCommentary],
    &[Action::NextLanguage, Action::ToggleView, Action::Digit(7)],
];

/// The built-in story, loaded once for all cases.
fn story() -> &'static Story {
    static STORY: OnceLock<Story> = OnceLock::new();
    STORY.get_or_init(|| load(&StorySource::Builtin).story.unwrap())
}

fn check(w: u16, h: u16, page: usize, view: usize) {
    let mut app = App::new(story(), &comicterm::ui::GEOMETRY, None, (w, h));
    app.update(Action::GoTo(Position { page, panel: 1 }));
    VIEWS[view].iter().for_each(|a| app.update(*a));
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    render(&app, &ViewCtx::new(&app), buf.area, &mut buf);
    for line in dump::text(&buf).lines() {
        assert!(line.width() <= usize::from(w), "{w}x{h}: {line}");
    }
}

#[test]
fn edge_sizes() {
    for (w, h) in [
        (0, 0),
        (1, 1),
        (0, 5),
        (5, 0),
        (300, 1),
        (1, 100),
        (300, 100),
        (39, 11),
        (40, 12),
    ] {
        for page in 0..4 {
            for view in 0..VIEWS.len() {
                check(w, h, page, view);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_size_any_view(w in 0u16..=300, h in 0u16..=100, page in 0usize..4, view in 0usize..VIEWS.len()) {
        check(w, h, page, view);
    }
}
