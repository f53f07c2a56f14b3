//! What the reader state needs to know about the screen, answered by the drawing side.
//!
//! The app decides where the reader goes; only the UI knows how big things are once drawn
//! (text wraps, boxes have borders). Rather than the app calling into the UI (a cycle), the
//! UI implements this trait and the app is given one at construction: dependencies run
//! story → app → ui → term.

use super::App;

pub trait Geometry: Sync {
    /// Whether every panel of the app's current page is legible in page view at the app's
    /// terminal size and language.
    fn page_fits(&self, app: &App) -> bool;

    /// For the open overlay: rows of content in all, and rows shown at once.
    fn overlay_rows(&self, app: &App) -> OverlayRows;
}

/// How much of an overlay there is and how much shows at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OverlayRows {
    pub total: usize,
    pub visible: usize,
}

impl OverlayRows {
    /// The largest useful scroll offset.
    pub fn max_scroll(self) -> usize {
        self.total.saturating_sub(self.visible)
    }
}
