//! Terminal graphics protocols (kitty with placeholders or by direct placement, sixel,
//! iTerm2): encoded images per panel and area, cached within a byte budget. Which method a
//! terminal gets is decided in [`super::choose`]; adding a method is a variant of [`Graphic`]
//! and one arm in [`GraphicStore::prepare`].

use std::sync::{Arc, Mutex};

use image::{DynamicImage, RgbaImage};
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui_image::protocol::Protocol;
use ratatui_image::protocol::{iterm2::Iterm2, kitty::Kitty, sixel::Sixel};

use super::choose::Method;
use super::decode::ArtError;
use super::halfblock::{fit, resize};
use super::kitty::KittyImage;
use super::store::{ArtStore, Lru, lock};
use crate::story::ArtRef;

/// Bound for encoded protocol images.
pub const GRAPHIC_BUDGET: usize = 64 * 1024 * 1024;

/// Cell size assumed when the terminal does not say (a common 10×20 px font).
pub const DEFAULT_CELL_PX: (u32, u32) = (10, 20);

/// An image encoded for the terminal, ready to draw: `size` cells.
pub enum Graphic {
    /// Through ratatui-image (kitty placeholders, sixel, iTerm2).
    Encoded(Protocol),
    /// Kitty direct placement.
    KittyDirect(KittyImage),
}

impl Graphic {
    /// Its size in cells.
    pub fn size(&self) -> (u16, u16) {
        match self {
            Graphic::Encoded(p) => (p.size().width, p.size().height),
            Graphic::KittyDirect(k) => k.size(),
        }
    }

    /// Draws it with its top-left corner at `area`'s.
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        use ratatui::widgets::Widget;
        match self {
            Graphic::Encoded(p) => ratatui_image::Image::new(p).render(area, buf),
            Graphic::KittyDirect(k) => k.render(area, buf),
        }
    }
}

impl std::fmt::Debug for Graphic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (w, h) = self.size();
        write!(f, "Graphic({w}×{h})")
    }
}

/// Encoded images by (art cache key, columns, rows).
pub struct GraphicStore {
    method: Method,
    cell_px: (u32, u32),
    passthrough: bool,
    cache: Mutex<Lru<(String, u16, u16), Arc<Graphic>>>,
}

impl GraphicStore {
    /// A store for `method` (a protocol, not half-blocks), for cells of `cell_px` pixels,
    /// wrapping output for tmux when `passthrough`.
    pub fn new(method: Method, cell_px: Option<(u32, u32)>, passthrough: bool) -> Self {
        Self {
            method,
            cell_px: cell_px
                .filter(|(w, h)| (2..=200).contains(w) && (2..=400).contains(h))
                .unwrap_or(DEFAULT_CELL_PX),
            passthrough,
            cache: Mutex::new(Lru::new(GRAPHIC_BUDGET)),
        }
    }

    pub fn method(&self) -> Method {
        self.method
    }

    /// A lookup that changes nothing.
    pub fn get(&self, art: &ArtRef, cols: u16, rows: u16) -> Option<Arc<Graphic>> {
        lock(&self.cache).peek(&(art.cache_key(), cols, rows))
    }

    /// Decodes (through `images`) and encodes the art to fit `cols × rows`.
    pub fn prepare(
        &self,
        images: &ArtStore,
        art: &ArtRef,
        cols: u16,
        rows: u16,
    ) -> Result<Arc<Graphic>, ArtError> {
        let key = (art.cache_key(), cols, rows);
        if let Some(g) = lock(&self.cache).get(&key) {
            return Ok(g);
        }
        let image = images.image(art)?;
        let (scaled, size) = self.scale(&image, cols, rows);
        let bytes = scaled.as_raw().len();
        let fail = |e: String| ArtError(format!("cannot encode the image for this terminal: {e}"));
        let pt = self.passthrough;
        let graphic = match self.method {
            Method::KittyDirect => Graphic::KittyDirect(
                KittyImage::new(&scaled, size.width, size.height).map_err(fail)?,
            ),
            Method::KittyPlaceholders => Graphic::Encoded(Protocol::Kitty(
                Kitty::new(
                    DynamicImage::ImageRgba8(scaled),
                    size,
                    kitty_id(),
                    pt,
                    false,
                )
                .map_err(|e| fail(e.to_string()))?,
            )),
            Method::Sixel => Graphic::Encoded(Protocol::Sixel(
                Sixel::new(DynamicImage::ImageRgba8(scaled), size, pt)
                    .map_err(|e| fail(e.to_string()))?,
            )),
            Method::Iterm2 => Graphic::Encoded(Protocol::ITerm2(
                Iterm2::new(DynamicImage::ImageRgba8(scaled), size, pt)
                    .map_err(|e| fail(e.to_string()))?,
            )),
            Method::Halfblocks | Method::None => {
                return Err(fail("not a graphics protocol".into()));
            }
        };
        let graphic = Arc::new(graphic);
        lock(&self.cache).insert(key, graphic.clone(), bytes);
        Ok(graphic)
    }

    /// The image scaled to the largest size with its aspect ratio that fits `cols × rows`
    /// cells, and the cells it covers.
    fn scale(&self, image: &RgbaImage, cols: u16, rows: u16) -> (RgbaImage, Size) {
        let (cw, ch) = self.cell_px;
        let (w, h) = fit(
            image.width(),
            image.height(),
            u32::from(cols) * cw,
            u32::from(rows) * ch,
        );
        let cells = |px: u32, cell: u32, max: u16| {
            u16::try_from(px.div_ceil(cell))
                .unwrap_or(max)
                .clamp(1, max.max(1))
        };
        let size = Size::new(cells(w, cw, cols), cells(h, ch, rows));
        // Exactly the covered cells' pixels, so no terminal scales it again.
        let (w, h) = (u32::from(size.width) * cw, u32::from(size.height) * ch);
        let (fw, fh) = fit(image.width(), image.height(), w, h);
        (resize(image, fw.max(1), fh.max(1)), size)
    }
}

/// Ids for kitty placeholder images (ratatui-image encodes the id in the placeholder colors).
fn kitty_id() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(1);
    let base = (std::process::id() & 0xff) << 16;
    (base | (NEXT.fetch_add(1, Ordering::Relaxed) & 0xffff)).max(1)
}
