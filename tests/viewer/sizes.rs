//! The built-in story at every view, overlay and language, at sizes from 0×0 to 300×100:
//! no panic, and nothing drawn past the frame's width.

use comicterm::app::{Action, Position};
use comicterm::ui::dump;
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

use crate::support::frame;
use crate::support::story::builtin;

const VIEWS: [&[Action]; 6] = [
    &[],
    &[Action::ToggleView],
    &[Action::ToggleCommentary, Action::ScrollPageDown],
    &[Action::ToggleHelp, Action::ScrollDown],
    &[Action::NextLanguage, Action::ToggleCommentary],
    &[Action::NextLanguage, Action::ToggleView, Action::Digit(7)],
];

fn check(w: u16, h: u16, page: usize, view: usize) {
    let mut app = frame::app(
        builtin(),
        None,
        (w, h),
        &[Action::GoTo(Position { page, panel: 1 })],
    );
    VIEWS[view].iter().for_each(|a| app.update(*a));
    let buf = frame::buffer(&app);
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
