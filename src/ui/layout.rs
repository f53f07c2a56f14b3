//! Where things go on screen: pure functions of the page and the terminal size, shared by
//! drawing, the fit rule and mouse hit-testing.

use ratatui::layout::Rect;

use ratatui::widgets::Block;

use super::{ViewCtx, lines::panel_text};
use crate::story::Page;

/// Below this size the viewer only asks for a bigger terminal.
pub const MIN_SIZE: (u16, u16) = (40, 12);
/// A panel smaller than this in page view is not legible: the viewer switches to panel view.
pub const PANEL_MIN: (u16, u16) = (24, 8);

/// Narrowest terminal that shows the commentary side pane (narrower ones keep the overlay).
pub const SIDE_MIN_WIDTH: u16 = 100;

/// The columns the page gets and the columns the side pane gets, on a terminal `width` wide
/// with the side pane asked for (`side`): the pane takes two fifths, 36 to 70 columns.
pub fn side_split(width: u16, side: bool) -> (u16, u16) {
    if !side || width < SIDE_MIN_WIDTH {
        return (width, 0);
    }
    let pane = (width * 2 / 5).clamp(36, 70);
    (width - pane, pane)
}

/// The terminal size the page is laid out in (narrower by the side pane, if shown).
pub fn page_size(size: (u16, u16), side: bool) -> (u16, u16) {
    (side_split(size.0, side).0, size.1)
}

pub fn too_small(size: (u16, u16)) -> bool {
    size.0 < MIN_SIZE.0 || size.1 < MIN_SIZE.1
}

/// The page area and the status bar (the last row).
pub fn screen(area: Rect) -> (Rect, Rect) {
    let body_h = area.height.saturating_sub(1);
    let body = Rect {
        height: body_h,
        ..area
    };
    let status = Rect {
        y: area.y.saturating_add(body_h),
        height: area.height.min(1),
        ..area
    };
    (body, status)
}

/// The rectangle of each panel of `page` (in the page's order) laid out on `body`.
pub fn page_rects(page: &Page, body: Rect) -> Vec<Rect> {
    let cols = page.cols.max(1);
    let rows = page.rows.max(1);
    page.panels
        .iter()
        .map(|p| {
            let c = p.cell;
            let (x0, x1) = (cut(body.x, body.width, c.col, cols), {
                cut(body.x, body.width, c.col + c.col_span, cols)
            });
            let (y0, y1) = (cut(body.y, body.height, c.row, rows), {
                cut(body.y, body.height, c.row + c.row_span, rows)
            });
            Rect::new(x0, y0, x1.saturating_sub(x0), y1.saturating_sub(y0)).intersection(body)
        })
        .collect()
}

/// The `i`-th of `n` grid lines across `len` cells starting at `start`.
fn cut(start: u16, len: u16, i: u16, n: u16) -> u16 {
    let i = u32::from(i.min(n));
    let off = u32::from(len) * i / u32::from(n);
    start.saturating_add(u16::try_from(off).unwrap_or(u16::MAX))
}

/// Rows of art a panel keeps in page view, however much text it has.
pub const ART_MIN: u16 = 3;
/// The smallest art (columns, rows) page view shows; a page whose art would be smaller is
/// read in panel view instead (no postage stamps).
pub const ART_LEGIBLE: (u16, u16) = (20, 5);

/// Whether every panel of `page` is legible in page view at this terminal size: big enough,
/// and all its text shown beside or below at least [`ART_MIN`] rows of art.
pub fn page_fits(page: &Page, size: (u16, u16), ctx: &ViewCtx) -> bool {
    let (body, _) = screen(Rect::new(0, 0, size.0, size.1));
    page_rects(page, body)
        .iter()
        .zip(&page.panels)
        .all(|(r, p)| {
            let inner = Block::bordered().inner(*r);
            // One row more than fits is enough to tell that it does not.
            let rows = |w: u16| panel_text(p, ctx, w, usize::from(inner.height) + 1).len();
            let (art, text) = page_split(inner, rows);
            let legible =
                p.art.is_none() || (art.width >= ART_LEGIBLE.0 && art.height >= ART_LEGIBLE.1);
            r.width >= PANEL_MIN.0
                && r.height >= PANEL_MIN.1
                && art.height >= ART_MIN.min(inner.height)
                && legible
                && rows(text.width) <= usize::from(text.height)
        })
}

/// The panel (index on `page`) under a screen position, in page view at terminal `size`.
pub fn panel_at(page: &Page, size: (u16, u16), x: u16, y: u16) -> Option<usize> {
    if too_small(size) {
        return None;
    }
    let (body, _) = screen(Rect::new(0, 0, size.0, size.1));
    let pos = ratatui::layout::Position { x, y };
    page_rects(page, body).iter().position(|r| r.contains(pos))
}

/// Splits a panel's inside into art and text for panel view: side by side when wide, art on
/// top when tall. The text gets the room it really needs (the narrowest column, or the
/// fewest rows, in which it fits) and the art the rest, up to the size a 4:3 picture can use;
/// room the art cannot use goes back to the text. Text beside the art is centred vertically.
/// A panel without text gives the art everything. `text_rows` says how many rows the text
/// takes at a given width.
pub fn single_split(inner: Rect, text_rows: impl Fn(u16) -> usize) -> (Rect, Rect) {
    if text_rows(inner.width.max(1)) == 0 {
        return (
            inner,
            Rect {
                width: 0,
                height: 0,
                ..inner
            },
        );
    }
    if u32::from(inner.width) >= 3 * u32::from(inner.height) {
        beside_split(inner, &text_rows)
    } else {
        above_split(inner, &text_rows)
    }
}

/// The narrowest width in `lo..=hi` at which the text takes at most `rows` rows (`hi` if
/// none): text rows only shrink as the width grows, so a binary search.
fn narrowest(lo: u16, hi: u16, rows: usize, text_rows: &impl Fn(u16) -> usize) -> u16 {
    let (mut lo, mut hi) = (lo.min(hi), hi);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if text_rows(mid) <= rows {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    hi
}

fn beside_split(inner: Rect, text_rows: &impl Fn(u16) -> usize) -> (Rect, Rect) {
    let rows = usize::from(inner.height);
    let most_text = inner.width - scale(inner.width, 25);
    let text_w = narrowest(scale(inner.width, 20).max(16), most_text, rows, text_rows);
    // A 4:3 picture in `height` rows of half-blocks is `height * 8 / 3` columns wide.
    let art_fit = u16::try_from(u32::from(inner.height) * 8 / 3).unwrap_or(u16::MAX);
    let art_w = inner.width.saturating_sub(text_w + 1).min(art_fit);
    let (art, text) = side_by_side(inner, art_w);
    let used = u16::try_from(text_rows(text.width)).unwrap_or(u16::MAX);
    let top = text.height.saturating_sub(used) / 2;
    let text = Rect {
        y: text.y + top,
        height: text.height - top,
        ..text
    };
    (art, text)
}

fn above_split(inner: Rect, text_rows: &impl Fn(u16) -> usize) -> (Rect, Rect) {
    let need = u16::try_from(text_rows(inner.width)).unwrap_or(u16::MAX);
    let least_art = scale(inner.height, 25);
    let art_fit = u16::try_from(u32::from(inner.width) * 3 / 8).unwrap_or(u16::MAX);
    let art_h = inner
        .height
        .saturating_sub(need.saturating_add(1))
        .max(least_art)
        .min(art_fit.max(least_art));
    stacked(inner, art_h)
}

fn scale(len: u16, percent: u16) -> u16 {
    u16::try_from(u32::from(len) * u32::from(percent) / 100).unwrap_or(len)
}

/// Art on the left (`art_w` columns), a one-column gap, text on the right.
fn side_by_side(inner: Rect, art_w: u16) -> (Rect, Rect) {
    let art = Rect {
        width: art_w,
        ..inner
    };
    let text = Rect {
        x: inner.x + art_w + 1,
        width: inner.width.saturating_sub(art_w + 1),
        ..inner
    };
    (art, text)
}

/// Art on top (`art_h` rows), text below.
fn stacked(inner: Rect, art_h: u16) -> (Rect, Rect) {
    let art = Rect {
        height: art_h,
        ..inner
    };
    let text = Rect {
        y: inner.y + art_h,
        height: inner.height - art_h,
        ..inner
    };
    (art, text)
}

/// Splits a panel's inside for page view: art above and text below (art keeps at least
/// [`ART_MIN`] rows), or art beside the text when that shows the art larger (wide cells).
/// `text_rows` gives the rows the panel's text needs at a width.
pub fn page_split(inner: Rect, text_rows: impl Fn(u16) -> usize) -> (Rect, Rect) {
    let text_h = u16::try_from(text_rows(inner.width)).unwrap_or(u16::MAX);
    let art_h = inner
        .height
        .saturating_sub(text_h)
        .max(ART_MIN.min(inner.height));
    let above = stacked(inner, art_h);
    let beside = (30..=60)
        .rev()
        .step_by(5)
        .map(|p| side_by_side(inner, scale(inner.width, p)))
        .find(|(_, text)| text.width >= 16 && text_rows(text.width) <= usize::from(text.height));
    // Only for a clear gain, so most panels keep the same, stacked look.
    match beside {
        Some(b) if art_width(b.0) * 4 > art_width(above.0) * 5 => b,
        _ => above,
    }
}

/// How wide (in half-block pixels) a 4:3 picture fitted into `r` would be.
fn art_width(r: Rect) -> u32 {
    u32::from(r.width).min(u32::from(r.height) * 8 / 3)
}

/// The overlay's box: most of the page area, centred.
pub fn overlay_rect(size: (u16, u16)) -> Rect {
    let (body, _) = screen(Rect::new(0, 0, size.0, size.1));
    let w = body.width.saturating_sub(4).clamp(body.width.min(30), 100);
    let h = body.height.saturating_sub(2).max(body.height.min(8));
    Rect::new(
        body.x + (body.width - w) / 2,
        body.y + (body.height - h) / 2,
        w,
        h,
    )
}
