//! The art cache: decoded images and prepared cells, each bounded in bytes, least recently
//! used first out. Shared by the UI thread (lookups) and the workers (preparation).

use std::sync::{Arc, Mutex};

use image::RgbaImage;

use super::cells::Prepared;
use super::decode::decode_input;
use super::error::ArtError;
use super::limits::KEEP_DIMENSION;
use super::lru::{Lru, lock};
use super::palette::ColorMode;
use super::read::open;
use super::scale::fit;
use crate::story::ArtRef;

/// Default bound for decoded images: the current page and its neighbours at up to 1024×1024
/// each (decoded images are only needed again when the area's size changes).
pub const IMAGE_BUDGET: usize = 48 * 1024 * 1024;
/// Default bound for prepared cells (8 bytes a cell: a full 240×70 screen is 134 kB).
pub const PREPARED_BUDGET: usize = 16 * 1024 * 1024;

/// What the UI can draw for a panel's art right now.
#[derive(Debug, Clone)]
pub enum ArtStatus {
    Ready(Arc<Prepared>),
    /// Not prepared for this size yet (a worker may be on it).
    Pending,
    Failed(ArtError),
}

/// Which prepared art: the art's cache key, the area in cells, the color mode.
pub type PreparedKey = (String, u16, u16, ColorMode);

/// A decoded image (or why it failed), and whether it was decoded reduced for a small area.
#[derive(Clone)]
struct Image {
    decoded: Result<Arc<RgbaImage>, ArtError>,
    reduced: bool,
}

impl Image {
    /// Whether it has the pixels an area of `want` pixels needs.
    fn serves(&self, want: (u32, u32)) -> bool {
        match &self.decoded {
            Ok(image) if self.reduced => {
                let (w, h) = image.dimensions();
                let (fw, fh) = fit(w, h, want.0, want.1);
                // One pixel of slack for rounding: a reduced decode covers its target.
                fw <= w + 1 && fh <= h + 1
            }
            _ => true,
        }
    }
}

/// Decoded images and prepared cells.
pub struct ArtStore {
    images: Mutex<Lru<String, Image>>,
    prepared: Mutex<Lru<PreparedKey, Arc<Prepared>>>,
}

impl Default for ArtStore {
    fn default() -> Self {
        Self::with_budgets(IMAGE_BUDGET, PREPARED_BUDGET)
    }
}

impl ArtStore {
    pub fn with_budgets(images: usize, prepared: usize) -> Self {
        Self {
            images: Mutex::new(Lru::new(images)),
            prepared: Mutex::new(Lru::new(prepared)),
        }
    }

    /// A lookup that changes nothing (drawing uses this).
    pub fn status(&self, art: &ArtRef, cols: u16, rows: u16, mode: ColorMode) -> ArtStatus {
        let key = (art.cache_key(), cols, rows, mode);
        if let Some(p) = lock(&self.prepared).peek(&key) {
            return ArtStatus::Ready(p);
        }
        match lock(&self.images).peek(&art.cache_key()) {
            Some(Image {
                decoded: Err(e), ..
            }) => ArtStatus::Failed(e),
            _ => ArtStatus::Pending,
        }
    }

    /// Decodes (once) and prepares the art for this size, blocking the calling thread.
    pub fn prepare(&self, art: &ArtRef, cols: u16, rows: u16, mode: ColorMode) -> ArtStatus {
        let key = (art.cache_key(), cols, rows, mode);
        if let Some(p) = lock(&self.prepared).get(&key) {
            return ArtStatus::Ready(p);
        }
        let want = (u32::from(cols), u32::from(rows) * 2);
        let image = match self.image_for(art, want) {
            Ok(image) => image,
            Err(e) => return ArtStatus::Failed(e),
        };
        let prepared = Arc::new(Prepared::new(&image, cols, rows, mode));
        lock(&self.prepared).insert(key, prepared.clone(), prepared.bytes());
        ArtStatus::Ready(prepared)
    }

    /// The decoded image at the kept size, decoding it on first use. Failures are remembered
    /// too.
    pub fn image(&self, art: &ArtRef) -> Result<Arc<RgbaImage>, ArtError> {
        self.image_for(art, (KEEP_DIMENSION, KEEP_DIMENSION))
    }

    /// The decoded image with at least the pixels an area of `want` pixels shows: decoded
    /// on first use, and again when a larger area needs more than a reduced decode has.
    pub fn image_for(&self, art: &ArtRef, want: (u32, u32)) -> Result<Arc<RgbaImage>, ArtError> {
        let key = art.cache_key();
        if let Some(image) = lock(&self.images).get(&key).filter(|i| i.serves(want)) {
            return image.decoded;
        }
        let decoded = open(&art.origin).and_then(|input| decode_input(input, want));
        let image = match decoded {
            Ok(d) => Image {
                reduced: d.reduced,
                decoded: Ok(Arc::new(d.image)),
            },
            Err(e) => Image {
                decoded: Err(e),
                reduced: false,
            },
        };
        let bytes = image.decoded.as_ref().map_or(64, |i| i.as_raw().len());
        lock(&self.images).insert(key, image.clone(), bytes);
        image.decoded
    }

    /// Bytes held: (decoded images, prepared cells).
    pub fn usage(&self) -> (usize, usize) {
        (lock(&self.images).used(), lock(&self.prepared).used())
    }
}
