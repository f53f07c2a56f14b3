//! The UI's answers to the app's questions about sizes ([`crate::app::Geometry`]): the same
//! functions that draw decide what fits and how far an overlay scrolls.

use super::{ViewCtx, layout, overlay};
use crate::app::geometry::STORY_FIT_PAGES;
use crate::app::{App, Geometry, OverlayRows};

/// The geometry of the screen as [`super::render`] draws it.
pub struct ScreenGeometry;

/// The one instance the viewer, `render` and the tests give to [`App::new`].
pub static GEOMETRY: ScreenGeometry = ScreenGeometry;

impl Geometry for ScreenGeometry {
    fn page_fits(&self, app: &App) -> bool {
        let ctx = ViewCtx::new(app);
        app.page()
            .is_none_or(|p| layout::page_fits(p, layout::page_size(app.size, app.side), &ctx))
    }

    fn story_fits(&self, app: &App) -> bool {
        let ctx = ViewCtx::new(app);
        app.story
            .pages
            .iter()
            .take(STORY_FIT_PAGES)
            .all(|p| layout::page_fits(p, layout::page_size(app.size, app.side), &ctx))
    }

    fn overlay_rows(&self, app: &App) -> OverlayRows {
        overlay::rows(app)
    }

    fn side_rows(&self, app: &App) -> OverlayRows {
        super::side::rows(app)
    }

    fn overview_columns(&self, app: &App) -> usize {
        super::overview::columns(app)
    }
}
