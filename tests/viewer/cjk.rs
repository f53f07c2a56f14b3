//! Chinese text never cuts a frame: at widths 20, 40 and 80 (and a wide one), every panel's and
//! the overlay's side borders stay intact on every row, in every view.

use comicterm::app::{Action, Overlay, Position, View};
use comicterm::ui::layout::{page_rects, screen, too_small};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::support::frame;
use crate::support::story::builtin;

/// The left and right border cells of `r` (between its corners) are all `│`.
fn assert_sides(buf: &Buffer, r: Rect, what: &str) {
    if r.width < 2 || r.height < 3 {
        return;
    }
    for y in r.y + 1..r.bottom() - 1 {
        for x in [r.x, r.right() - 1] {
            let symbol = buf.cell((x, y)).map_or("?", |c| c.symbol());
            assert_eq!(symbol, "│", "{what}: border at ({x},{y}) is {symbol:?}");
        }
    }
}

#[test]
fn cjk_never_crosses_a_frame() {
    let s = builtin();
    for (w, h) in [(20, 30), (40, 30), (80, 24), (80, 60), (160, 48)] {
        for page in 0..s.pages.len() {
            for extra in [
                None,
                Some(Action::ToggleView),
                Some(Action::ToggleCommentary),
            ] {
                let mut app = frame::app(
                    s,
                    Some("zh-Hans"),
                    (w, h),
                    &[Action::GoTo(Position { page, panel: 0 })],
                );
                if let Some(a) = extra {
                    app.update(a);
                }
                let buf = frame::buffer(&app);
                let what = format!("{w}x{h} page {} {extra:?}", page + 1);
                if too_small((w, h)) {
                    assert!(buf.content.iter().all(|c| c.symbol() != "│"), "{what}");
                    continue;
                }
                let (body, _) = screen(buf.area);
                if app.overlay != Overlay::None {
                    assert_sides(
                        &buf,
                        comicterm::ui::overlay::box_rect(&app, buf.area),
                        &what,
                    );
                } else if app.effective_view() == View::Page {
                    for r in page_rects(&s.pages[page], body) {
                        assert_sides(&buf, r, &what);
                    }
                } else {
                    assert_sides(&buf, body, &what);
                }
            }
        }
    }
}
