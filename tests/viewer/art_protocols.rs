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
    kitty_view_zlib(false)
}

fn kitty_view_zlib(zlib: bool) -> ArtView {
    let mut view = ArtView::new(
        Arc::new(ArtStore::default()),
        ColorMode::TrueColor,
        Graphics::Kitty,
    );
    view.graphics_store = Some(Arc::new(
        GraphicStore::new(Method::KittyPlaceholders, None, false).with_zlib(zlib),
    ));
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

/// Page 1 drawn once its art is prepared: the kitty transmissions it sends, as (the first
/// chunk's keys, the whole payload decoded from base64), and every byte of them.
fn page_one_transmissions(zlib: bool) -> (Vec<(String, Vec<u8>)>, usize) {
    use base64::Engine;
    let app = frame::app(builtin(), None, (120, 40), &[]);
    let view = kitty_view_zlib(zlib);
    let _ = draw(&app, &view);
    prepare_wanted(&view);
    let text = symbols(&draw(&app, &view));
    let mut images: Vec<(String, Vec<u8>)> = Vec::new();
    let mut bytes = 0;
    for chunk in text.split("\u{1b}_G").skip(1) {
        let body = &chunk[..chunk.find("\u{1b}\\").expect("each chunk ends with ST")];
        bytes += body.len() + 5;
        let (keys, data) = body.split_once(';').expect("keys;payload");
        let data = base64::engine::general_purpose::STANDARD
            .decode(data)
            .expect("base64 payload");
        if keys.contains("a=T") {
            images.push((keys.to_string(), data));
        } else {
            images.last_mut().expect("a first chunk").1.extend(data);
        }
    }
    (images, bytes)
}

#[test]
fn compressed_kitty_images_inflate_to_the_same_pixels_in_fewer_bytes() {
    use std::io::Read;
    let (plain, plain_bytes) = page_one_transmissions(false);
    let (packed, packed_bytes) = page_one_transmissions(true);
    assert_eq!(plain.len(), 4, "one image per panel");
    assert_eq!(packed.len(), 4);
    for ((plain_keys, raw), (keys, deflated)) in plain.iter().zip(&packed) {
        assert!(!plain_keys.contains("o=z"), "{plain_keys}");
        assert!(keys.contains("o=z") && keys.contains("f=32"), "{keys}");
        let size = |k: &str, key: &str| -> usize {
            k.split([',', ';'])
                .find_map(|kv| kv.strip_prefix(key))
                .and_then(|v| v.parse().ok())
                .expect("size key")
        };
        // Same pixel size announced, and the payload inflates to the plain one's pixels.
        assert_eq!(size(keys, "s="), size(plain_keys, "s="));
        assert_eq!(size(keys, "v="), size(plain_keys, "v="));
        assert_eq!(raw.len(), size(keys, "s=") * size(keys, "v=") * 4);
        let mut inflated = Vec::new();
        flate2::read::ZlibDecoder::new(&deflated[..])
            .read_to_end(&mut inflated)
            .expect("a zlib stream");
        assert!(inflated == *raw, "the same RGBA pixels");
    }
    assert!(
        packed_bytes * 4 < plain_bytes,
        "drawn art compresses well: {packed_bytes} vs {plain_bytes} bytes"
    );
}
