//! The reading views: the whole page, one panel, or one panel's picture alone.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::panel::{Fit, draw_panel};
use super::{ViewCtx, layout};
use crate::app::App;

/// Page view: every panel of the current page on its grid.
pub fn draw_page(app: &App, ctx: &ViewCtx, body: Rect, buf: &mut Buffer) {
    let Some(page) = app.page() else { return };
    for (i, (panel, rect)) in page
        .panels
        .iter()
        .zip(layout::page_rects(page, body))
        .enumerate()
    {
        let fit = Fit::InPage {
            current: i == app.pos.panel,
        };
        draw_panel(panel, fit, rect, buf, ctx);
    }
}

/// Panel view: the current panel fills the page area.
pub fn draw_single(app: &App, ctx: &ViewCtx, body: Rect, buf: &mut Buffer) {
    if let Some(panel) = app.panel() {
        draw_panel(panel, Fit::Alone, body, buf, ctx);
    }
}

/// `z`: the current panel's picture alone, on the whole page area.
pub fn draw_art_alone(app: &App, ctx: &ViewCtx, body: Rect, buf: &mut Buffer) {
    if let Some(panel) = app.panel() {
        super::art::draw_art(panel, body, buf, ctx);
    }
}
