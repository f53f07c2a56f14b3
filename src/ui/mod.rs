//! Drawing the reader state. Everything here reads [`App`] and never changes it.
//!
//! [`render`] draws into any buffer; the viewer, `render` and the tests all go through it.

mod art;
mod cards;
mod commentary;
pub mod dump;
mod frame;
mod geometry;
mod help;
mod hits;
pub mod keyhelp;
pub mod layout;
mod lines;
mod links;
pub mod overlay;
pub mod overview;
mod page;
mod panel;
mod side;
mod small;
mod status;
pub mod strings;
mod theme;
// For the live viewer (issue 12): the palette of a theme, and recoloring in which NO_COLOR wins.
pub use theme::{Palette, Theme, apply as apply_theme};
pub mod wrap;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{App, View};
use crate::art::ArtView;
use crate::story::Story;
pub use art::draw_art;
pub use commentary::describe as describe_source;
pub use frame::{Missing, frame};
pub use geometry::{GEOMETRY, ScreenGeometry};
use strings::Strings;

/// The read-only context every drawing function gets: story, language, interface strings,
/// and prepared art (without it, panels show their alt text).
#[derive(Clone, Copy)]
pub struct ViewCtx<'a> {
    pub story: &'a Story,
    /// Story language tag, e.g. `en`.
    pub lang: &'a str,
    pub strings: &'static Strings,
    pub art: Option<&'a ArtView>,
    /// The colors (`--theme` against the terminal's background): dark, light, high contrast.
    pub palette: Palette,
    /// `NO_COLOR`: no colors, but emphasis (bold, reverse) stays.
    pub mono: bool,
    /// Make web addresses OSC 8 links (the live viewer; `render` writes plain text).
    pub links: bool,
    /// Search hits to highlight, and bookmarked panels (empty outside the viewer).
    pub hits: &'a [crate::search::Hit],
    pub bookmarks: Option<&'a std::collections::BTreeSet<String>>,
}

impl<'a> ViewCtx<'a> {
    pub fn new(app: &'a App) -> Self {
        let lang = app.lang_tag();
        Self {
            story: app.story,
            lang,
            strings: strings::for_lang(lang),
            art: None,
            palette: Palette::Dark,
            mono: false,
            links: false,
            hits: &app.search.hits,
            bookmarks: Some(&app.bookmarks),
        }
    }

    /// The same context, drawing art from `art`.
    pub fn with_art(app: &'a App, art: &'a ArtView) -> Self {
        Self {
            art: Some(art),
            ..Self::new(app)
        }
    }
}

/// Draws the whole screen into a frame.
pub fn draw(frame: &mut Frame, app: &App, ctx: &ViewCtx) {
    let area = frame.area();
    render(app, ctx, area, frame.buffer_mut());
}

/// Draws the whole screen into `area` of `buf`.
pub fn render(app: &App, ctx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    if layout::too_small((area.width, area.height)) {
        small::draw(ctx, area, buf);
        return;
    }
    let (body, status_bar) = layout::screen(area);
    // The side pane (if shown) takes the right of the page area.
    let body = Rect {
        width: layout::side_split(area.width, app.side).0,
        ..body
    };
    match app.effective_view() {
        _ if app.overview.is_some() => overview::draw(app, ctx, body, buf),
        _ if app.card.is_some() => cards::draw(app, ctx, body, buf),
        _ if app.art_alone => page::draw_art_alone(app, ctx, body, buf),
        View::Page => page::draw_page(app, ctx, body, buf),
        View::Panel => page::draw_single(app, ctx, body, buf),
    }
    side::draw(app, ctx, area, buf);
    status::draw(app, ctx, status_bar, buf);
    overlay::draw(app, ctx, area, buf);
    blank_cut_wide_glyphs(buf, area);
    if ctx.links {
        links::apply(buf, area);
    }
    theme::apply(buf, area, status_bar, ctx.palette, ctx.mono);
}

/// A wide glyph (CJK, emoji) whose right half was drawn over (by an overlay's border or
/// text) becomes a space: otherwise the terminal draws the whole glyph and it eats the
/// cell next to it (the overlay's left border, live, though not in a cell dump).
fn blank_cut_wide_glyphs(buf: &mut Buffer, area: Rect) {
    use unicode_width::UnicodeWidthStr;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right().saturating_sub(1) {
            // Cells carrying a picture's escape sequence (sixel, kitty, iTerm2) are not text.
            let wide = buf.cell((x, y)).is_some_and(|c| {
                c.diff_option == ratatui::buffer::CellDiffOption::None && c.symbol().width() > 1
            });
            let covered = buf
                .cell((x + 1, y))
                .is_some_and(|c| !c.symbol().is_empty() && c.symbol() != " ");
            if wide
                && covered
                && let Some(cell) = buf.cell_mut((x, y))
            {
                cell.set_symbol(" ");
            }
        }
    }
}

/// Whether a background color is light.
pub fn is_light(rgb: (u8, u8, u8)) -> bool {
    theme::is_light(rgb)
}

#[cfg(test)]
mod tests;
