//! The UI's answers to the app's questions about sizes ([`crate::app::Geometry`]): the same
//! functions that draw decide what fits and how far an overlay scrolls.

use super::{ViewCtx, layout, overlay};
use crate::app::{App, Geometry, OverlayRows};

/// The geometry of the screen as [`super::render`] draws it.
pub struct ScreenGeometry;

/// The one instance the viewer, `render` and the tests give to [`App::new`].
pub static GEOMETRY: ScreenGeometry = ScreenGeometry;

impl Geometry for ScreenGeometry {
    fn page_fits(&self, app: &App) -> bool {
        let ctx = ViewCtx::new(app);
        app.page()
            .is_none_or(|p| layout::page_fits(p, app.size, &ctx))
    }

    fn overlay_rows(&self, app: &App) -> OverlayRows {
        overlay::rows(app)
    }
}
