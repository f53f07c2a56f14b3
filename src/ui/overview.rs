//! The overview (`o`): every page as a tile holding its panels' pictures on the page's grid,
//! page titles, the reader's place, the cursor and bookmarks. Only the tiles on screen are
//! drawn, so only their art is asked for (a 10,000-panel story costs a screenful).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position as Cell, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Widget};

use super::{ViewCtx, art::draw_art, layout, theme};
use crate::app::{App, Position};
use crate::story::Story;

/// Narrowest tile, in columns.
const TILE_MIN_W: u16 = 28;

/// Lowest tile, in rows (a title and a row of pictures).
const TILE_MIN_H: u16 = 6;

/// Tiles per row and a tile's size, for `pages` pages in `body`: the largest tiles (measured
/// at a page's shape, 20 columns to 9 rows) with which every page fits on screen; when none
/// do, as many a row as are legible, and the rows scroll.
fn grid(pages: usize, body: Rect) -> (u16, u16, u16) {
    let most = (body.width / TILE_MIN_W).max(1);
    let fitting = |n: u16| {
        let rows = u16::try_from(pages.max(1).div_ceil(usize::from(n))).ok()?;
        let w = body.width / n;
        let h = (w * 9 / 20).min(body.height / rows.max(1));
        (h >= TILE_MIN_H).then_some((n, w, h))
    };
    let best = (1..=most)
        .filter_map(fitting)
        .max_by_key(|&(_, w, h)| (w.min(h * 20 / 9), w * h));
    best.unwrap_or_else(|| {
        let w = body.width / most;
        (
            most,
            w,
            (w * 9 / 20).clamp(TILE_MIN_H, body.height.max(TILE_MIN_H)),
        )
    })
}

/// How many page tiles a row of the overview holds at the app's size (Up and Down move the
/// cursor by this many pages).
pub fn columns(app: &App) -> usize {
    let (body, _) = layout::screen(Rect::new(0, 0, app.size.0, app.size.1));
    usize::from(grid(app.story.pages.len(), body).0)
}

/// The tiles on screen: (page index, tile rectangle), for the cursor at `cursor`.
pub fn tiles(story: &Story, body: Rect, cursor: Position) -> Vec<(usize, Rect)> {
    let (per_row, tile_w, tile_h) = grid(story.pages.len(), body);
    let visible_rows = usize::from((body.height / tile_h.max(1)).max(1));
    let per_row = usize::from(per_row);
    let cursor_row = cursor.page / per_row;
    let first_row = (cursor_row + 1).saturating_sub(visible_rows);
    (first_row * per_row..story.pages.len())
        .take(visible_rows * per_row)
        .map(|page| {
            let (row, col) = (page / per_row - first_row, page % per_row);
            let rect = Rect::new(
                body.x + u16::try_from(col).unwrap_or(0) * tile_w,
                body.y + u16::try_from(row).unwrap_or(0) * tile_h,
                tile_w,
                tile_h,
            );
            (page, rect.intersection(body))
        })
        .collect()
}

/// The panel under a screen position in the overview.
pub fn panel_at(app: &App, x: u16, y: u16) -> Option<Position> {
    let cursor = app.overview?;
    let (body, _) = layout::screen(Rect::new(0, 0, app.size.0, app.size.1));
    let at = Cell { x, y };
    tiles(app.story, body, cursor)
        .into_iter()
        .find_map(|(page, tile)| {
            let inner = Block::bordered().inner(tile);
            let rects = layout::page_rects(app.story.pages.get(page)?, inner);
            let panel = rects.iter().position(|r| r.contains(at))?;
            Some(Position { page, panel })
        })
}

pub fn draw(app: &App, ctx: &ViewCtx, body: Rect, buf: &mut Buffer) {
    let Some(cursor) = app.overview else { return };
    Clear.render(body, buf);
    for (index, tile) in tiles(app.story, body, cursor) {
        draw_tile(app, ctx, index, cursor, tile, buf);
    }
}

fn draw_tile(
    app: &App,
    ctx: &ViewCtx,
    index: usize,
    cursor: Position,
    tile: Rect,
    buf: &mut Buffer,
) {
    let Some(page) = app.story.pages.get(index) else {
        return;
    };
    let mut label = ctx.strings.page_label(&(index + 1).to_string());
    if let Some(title) = &page.title {
        label = format!("{label} · {}", title.get(ctx.lang));
    }
    let style = if index == app.pos.page {
        theme::FRAME_CURRENT
    } else {
        theme::FRAME
    };
    let block = Block::bordered()
        .border_style(style)
        .title(Line::from(format!(" {label} ")));
    let inner = block.inner(tile);
    block.render(tile, buf);
    for (i, (panel, rect)) in page
        .panels
        .iter()
        .zip(layout::page_rects(page, inner))
        .enumerate()
    {
        let here = Position {
            page: index,
            panel: i,
        };
        let marked = app.bookmarks.contains(&panel.id);
        let style = match () {
            _ if here == cursor => theme::CURSOR,
            _ if here == app.pos => theme::FRAME_CURRENT,
            _ => theme::FRAME,
        };
        let mark = if marked { "*" } else { "" };
        let frame = Block::bordered()
            .border_style(style)
            .title(Line::from(format!("{}{mark}", panel.number)));
        let art = frame.inner(rect);
        frame.render(rect, buf);
        draw_art(panel, art, buf, ctx);
    }
}
