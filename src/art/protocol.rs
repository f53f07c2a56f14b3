//! Terminal graphics protocols (kitty with placeholders or by direct placement, sixel,
//! iTerm2): an image scaled to its cells, encoded for the chosen method. Which method a
//! terminal gets is decided in [`super::choose`]; adding one (tmux passthrough of another
//! protocol, say) is a [`Method`] there, and here a variant of [`Graphic`] if it draws
//! differently and one arm in [`encode`].

use image::{DynamicImage, RgbaImage};
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui_image::protocol::Protocol;
use ratatui_image::protocol::{iterm2::Iterm2, kitty::Kitty, sixel::Sixel};

use super::choose::Method;
use super::kitty::KittyImage;

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

/// Encodes `scaled` (exactly the pixels of `size` cells) for `method`, wrapped for tmux when
/// `passthrough`; kitty placeholder images deflated when `zlib` (a tenth of the bytes or less
/// for drawn art: docs/performance.md).
pub fn encode(
    method: Method,
    scaled: RgbaImage,
    size: Size,
    passthrough: bool,
    zlib: bool,
) -> Result<Graphic, String> {
    let pt = passthrough;
    let text = |e: ratatui_image::errors::Errors| e.to_string();
    Ok(match method {
        Method::KittyDirect => {
            Graphic::KittyDirect(KittyImage::new(&scaled, size.width, size.height)?)
        }
        Method::KittyPlaceholders => Graphic::Encoded(Protocol::Kitty(
            Kitty::new(DynamicImage::ImageRgba8(scaled), size, kitty_id(), pt, zlib)
                .map_err(text)?,
        )),
        Method::Sixel => Graphic::Encoded(Protocol::Sixel(
            Sixel::new(DynamicImage::ImageRgba8(scaled), size, pt).map_err(text)?,
        )),
        Method::Iterm2 => Graphic::Encoded(Protocol::ITerm2(
            Iterm2::new(DynamicImage::ImageRgba8(scaled), size, pt).map_err(text)?,
        )),
        Method::Halfblocks | Method::None => return Err("not a graphics protocol".into()),
    })
}

/// Ids for kitty placeholder images (ratatui-image encodes the id in the placeholder colors).
fn kitty_id() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(1);
    let base = (std::process::id() & 0xff) << 16;
    (base | (NEXT.fetch_add(1, Ordering::Relaxed) & 0xffff)).max(1)
}
