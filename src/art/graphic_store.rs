//! Protocol images per panel and area, cached within a byte budget: the art scaled to exactly
//! the pixels of the cells it covers, then encoded ([`super::protocol::encode`]).

use std::sync::{Arc, Mutex};

use image::RgbaImage;
use ratatui::layout::Size;

use super::choose::Method;
use super::error::{ArtError, err};
use super::lru::{Lru, lock};
use super::protocol::{Graphic, encode};
use super::scale::{fit, resize};
use super::store::ArtStore;
use crate::story::ArtRef;

/// Bound for encoded protocol images.
pub const GRAPHIC_BUDGET: usize = 64 * 1024 * 1024;

/// Cell size assumed when the terminal does not say (a common 10×20 px font).
pub const DEFAULT_CELL_PX: (u32, u32) = (10, 20);

/// Encoded images by (art cache key, columns, rows).
pub struct GraphicStore {
    method: Method,
    cell_px: (u32, u32),
    passthrough: bool,
    zlib: bool,
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
            zlib: false,
            cache: Mutex::new(Lru::new(GRAPHIC_BUDGET)),
        }
    }

    /// Kitty placeholder images sent zlib-compressed (`o=z`), for a terminal that said it
    /// inflates them ([`super::Choice::zlib`]).
    pub fn with_zlib(mut self, zlib: bool) -> Self {
        self.zlib = zlib;
        self
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
        let (cw, ch) = self.cell_px;
        let want = (u32::from(cols) * cw, u32::from(rows) * ch);
        let image = images.image_for(art, want)?;
        let (scaled, size) = self.scale(&image, cols, rows);
        let bytes = scaled.as_raw().len();
        let graphic = encode(self.method, scaled, size, self.passthrough, self.zlib)
            .map_err(|e| err(format!("cannot encode the image for this terminal: {e}")))?;
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
