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

    /// Whether every page of the story (the first [`STORY_FIT_PAGES`] of a longer one) is
    /// legible in page view at the app's size and language. Asked once per size and language:
    /// the view then does not flip between page and panel view from page to page.
    fn story_fits(&self, app: &App) -> bool;

    /// For the open overlay: rows of content in all, and rows shown at once.
    fn overlay_rows(&self, app: &App) -> OverlayRows;

    /// For the commentary side pane: rows of content in all, and rows shown at once.
    fn side_rows(&self, app: &App) -> OverlayRows;

    /// How many page tiles a row of the overview holds (Up and Down in it move by a row).
    fn overview_columns(&self, app: &App) -> usize;
}

/// How many pages [`Geometry::story_fits`] looks at; pages beyond are checked as they are
/// reached (a bound on the work of a resize in a 10,000-page story).
pub const STORY_FIT_PAGES: usize = 500;

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
