//! Protocol images (kitty here, as the stateful one): drawn through the same art seam,
//! transmitted once, never consumed by off-screen prefetch, hidden under overlays.

use std::sync::Arc;

use comicterm::app::{Action, App};
use comicterm::art::{ArtStore, ArtView, ColorMode, GraphicStore, Graphics, Look, Method};

use crate::support::frame;
use crate::support::story::builtin;
use comicterm::ui::{self, ViewCtx};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const KITTY_PLACEHOLDER: char = '\u{10EEEE}';

fn kitty_view() -> ArtView {
    let mut view = ArtView::new(
        Arc::new(ArtStore::default()),
        ColorMode::TrueColor,
        Graphics::Kitty,
    );
    view.graphics_store = Some(Arc::new(GraphicStore::new(
        Method::KittyPlaceholders,
        None,
        false,
    )));
    view
}

fn draw(app: &App, view: &ArtView) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, app.size.0, app.size.1));
    ui::render(app, &ViewCtx::with_art(app, view), buf.area, &mut buf);
    buf
}

fn symbols(buf: &Buffer) -> String {
    buf.content().iter().map(|c| c.symbol()).collect()
}

fn prepare_wanted(view: &ArtView) -> usize {
    let jobs = view.take_wanted();
    for job in &jobs {
        assert_eq!(job.look, Look::Graphic);
        comicterm::art::prepare(&view.store, view.graphics_store.as_deref(), job);
    }
    jobs.len()
}

#[test]
fn kitty_images_are_sent_once_and_then_only_referenced() {
    let app = frame::app(builtin(), None, (120, 40), &[]);
    let view = kitty_view();
    let first = draw(&app, &view);
    assert!(
        symbols(&first).contains("preparing"),
        "pending art shows its placeholder"
    );
    assert_eq!(prepare_wanted(&view), 4, "one job per panel on page 1");

    // Off-screen drawing (prefetch) must not consume the one-time transmission.
    let off = view.off_screen();
    let _ = draw(&app, &off);

    let second = draw(&app, &view);
    let text = symbols(&second);
    assert!(
        text.contains(KITTY_PLACEHOLDER),
        "the art is drawn with kitty placeholders"
    );
    let transmissions = text.matches("\u{1b}_G").count();
    assert!(
        transmissions >= 4,
        "each image is transmitted on first draw ({transmissions})"
    );

    let third = symbols(&draw(&app, &view));
    assert!(third.contains(KITTY_PLACEHOLDER));
    assert_eq!(
        third.matches("\u{1b}_G").count(),
        0,
        "nothing is sent again"
    );
}

#[test]
fn protocol_images_are_hidden_under_an_open_overlay() {
    let mut app = frame::app(builtin(), None, (120, 40), &[]);
    let mut view = kitty_view();
    let _ = draw(&app, &view);
    prepare_wanted(&view);
    app.update(Action::ToggleCommentary);
    view.hide_graphics = true;
    let buf = draw(&app, &view);
    assert!(
        !symbols(&buf).contains(KITTY_PLACEHOLDER),
        "no image cells while the overlay is open"
    );
    app.update(Action::ToggleCommentary);
    view.hide_graphics = false;
    assert!(
        symbols(&draw(&app, &view)).contains(KITTY_PLACEHOLDER),
        "and back when it closes"
    );
}
