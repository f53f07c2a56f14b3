//! Terminal graphics protocols (kitty, sixel, iTerm2) through ratatui-image: detection and
//! encoded images per panel and area, cached within a byte budget.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use image::DynamicImage;
use ratatui::layout::Size;
use ratatui_image::Resize;
use ratatui_image::picker::cap_parser::QueryStdioOptions;
use ratatui_image::picker::{Picker, ProtocolType};
use ratatui_image::protocol::Protocol;

use super::decode::ArtError;
use super::store::{ArtStore, Lru, lock};
use crate::story::ArtRef;

/// Bound for encoded protocol images.
pub const GRAPHIC_BUDGET: usize = 64 * 1024 * 1024;

/// Whether we run inside tmux or screen, where graphics need passthrough.
pub fn in_multiplexer() -> bool {
    std::env::var_os("TMUX").is_some_and(|v| !v.is_empty())
        || std::env::var("TERM").is_ok_and(|t| t.starts_with("tmux") || t.starts_with("screen"))
}

/// Asks the terminal which protocol it speaks and its cell size in pixels. Call after entering
/// the alternate screen and before reading input. `forced` picks the protocol regardless.
/// Returns `None` when only half-blocks are available.
pub fn detect(forced: Option<ProtocolType>) -> Option<Picker> {
    let options = QueryStdioOptions {
        timeout: Duration::from_millis(700),
        ..QueryStdioOptions::default()
    };
    let mut picker = Picker::from_query_stdio_with_options(options).ok()?;
    if let Some(p) = forced {
        picker.set_protocol_type(p);
    }
    (picker.protocol_type() != ProtocolType::Halfblocks).then_some(picker)
}

/// An image encoded for the terminal's protocol, ready to draw.
pub struct Graphic(pub Protocol);

impl std::fmt::Debug for Graphic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Graphic({}×{})",
            self.0.size().width,
            self.0.size().height
        )
    }
}

/// Encoded images by (art cache key, columns, rows).
pub struct GraphicStore {
    picker: Picker,
    cache: Mutex<Lru<(String, u16, u16), Arc<Graphic>>>,
}

impl GraphicStore {
    pub fn new(picker: Picker) -> Self {
        Self {
            picker,
            cache: Mutex::new(Lru::new(GRAPHIC_BUDGET)),
        }
    }

    pub fn protocol_type(&self) -> ProtocolType {
        self.picker.protocol_type()
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
        let dynamic = DynamicImage::ImageRgba8((*image).clone());
        let protocol = self
            .picker
            .new_protocol(dynamic, Size::new(cols, rows), Resize::Fit(None))
            .map_err(|e| ArtError(format!("cannot encode the image for this terminal: {e}")))?;
        let font = self.picker.font_size();
        let size = protocol.size();
        let bytes = usize::from(size.width)
            * usize::from(size.height)
            * usize::from(font.width)
            * usize::from(font.height)
            * 6;
        let graphic = Arc::new(Graphic(protocol));
        lock(&self.cache).insert(key, graphic.clone(), bytes);
        Ok(graphic)
    }
}
