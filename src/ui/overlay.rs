//! The layer over the page (commentary or help): a cleared, bordered, scrolling box.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::{ViewCtx, commentary, help, layout, theme};
use crate::app::{App, Overlay, OverlayRows, View};

/// The overlay's inside at its largest, for the app's terminal size (content is wrapped to
/// its width).
fn inner_rect(size: (u16, u16)) -> Rect {
    Block::bordered().inner(layout::overlay_rect(size))
}

/// The box for `rows` rows of content: no taller than the content needs, and for commentary
/// in page view on the half of the page away from the panel it discusses.
fn placed_rect(app: &App, area: Rect, rows: usize) -> Rect {
    let full = layout::overlay_rect((area.width, area.height)).intersection(area);
    let (body, _) = layout::screen(area);
    let needed = u16::try_from(rows.saturating_add(2)).unwrap_or(u16::MAX);
    let height = needed.clamp(full.height.min(8), full.height);
    let focus = (app.overlay == Overlay::Commentary && app.effective_view() == View::Page)
        .then(|| {
            layout::page_rects(app.page()?, body)
                .get(app.pos.panel)
                .copied()
        })
        .flatten();
    let y = match focus {
        // The panel is in the top half: the box goes to the bottom, and the other way round.
        Some(r) if r.y + r.height / 2 < body.y + body.height / 2 => {
            body.bottom().saturating_sub(height + 1).max(full.y)
        }
        Some(_) => full.y,
        None => full.y + (full.height - height) / 2,
    };
    Rect { y, height, ..full }
}

/// The open overlay's content, wrapped to `width`, up to `max_rows` lines.
fn content(app: &App, ctx: &ViewCtx, width: u16, max_rows: usize) -> Vec<Line<'static>> {
    match app.overlay {
        Overlay::None => Vec::new(),
        Overlay::Commentary => commentary::lines(app, ctx, width, max_rows),
        Overlay::Help => help::lines(&app.keymap, ctx, width, max_rows),
        Overlay::Problems => problems(app, width, max_rows),
    }
}

/// The open overlay's rows of content, and how many show at once.
pub fn rows(app: &App) -> OverlayRows {
    if app.overlay == Overlay::None || layout::too_small(app.size) {
        return OverlayRows::default();
    }
    let inner = inner_rect(app.size);
    let total = content(app, &ViewCtx::new(app), inner.width, usize::MAX).len();
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    OverlayRows {
        total,
        visible: usize::from(
            Block::bordered()
                .inner(placed_rect(app, area, total))
                .height,
        ),
    }
}

/// How far past the box the content is counted for the position indicator (a bound on the
/// work of one frame; beyond it the total shows as `N+`).
const COUNT_AHEAD: usize = 10_000;

/// Where the open overlay's box is drawn on a screen of `area` (as [`draw`] places it).
pub fn box_rect(app: &App, area: Rect) -> Rect {
    let largest = Block::bordered().inner(layout::overlay_rect((area.width, area.height)));
    let limit = app
        .scroll
        .saturating_add(usize::from(largest.height))
        .saturating_add(COUNT_AHEAD);
    let rows = content(app, &ViewCtx::new(app), largest.width, limit).len();
    placed_rect(app, area, rows)
}

pub fn draw(app: &App, ctx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let title = match app.overlay {
        Overlay::None => return,
        Overlay::Commentary => ctx.strings.commentary,
        Overlay::Help => ctx.strings.help,
        Overlay::Problems => ctx.strings.problems,
    };
    let largest = Block::bordered().inner(layout::overlay_rect((area.width, area.height)));
    let width = largest.width;
    // Rows are laid out only to a bounded distance past the box, never the whole content.
    let limit = app
        .scroll
        .saturating_add(usize::from(largest.height))
        .saturating_add(COUNT_AHEAD);
    let hint = match app.overlay {
        Overlay::Problems => ctx.strings.problems_hint,
        _ => ctx.strings.overlay_hint,
    };
    let lines = content(app, ctx, width, limit);
    let counted = lines.len();
    let rect = placed_rect(app, area, counted);
    Clear.render(rect, buf);
    let height = usize::from(Block::bordered().inner(rect).height);
    let position = position(app.scroll, height, counted, counted >= limit);
    let block = Block::bordered()
        .style(theme::OVERLAY)
        .border_style(theme::FRAME_CURRENT)
        .title(format!(" {title} "))
        .title_bottom(Line::from(format!(" {position} ")).left_aligned())
        .title_bottom(Line::from(format!(" {hint} ")).right_aligned());
    let inner = block.inner(rect);
    block.render(rect, buf);
    let shown: Vec<Line> = lines.into_iter().skip(app.scroll).take(height).collect();
    Paragraph::new(shown).render(inner, buf);
}

/// The diagnostics of a save that did not load, as `check` prints them: the quoted story
/// lines are made safe (no control sequences); long lines are cut into rows of `width`
/// columns, keeping their leading spaces (the caret lines up with the quoted line).
fn problems(app: &App, width: u16, max_rows: usize) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthChar;
    let text = app.problems.as_deref().unwrap_or_default();
    let width = usize::from(width.max(1));
    let mut out = Vec::new();
    for line in text.lines() {
        let mut row = String::new();
        let mut used = 0;
        for c in crate::text::sanitize(line).chars() {
            let w = c.width().unwrap_or(0);
            if used + w > width {
                out.push(Line::raw(std::mem::take(&mut row)));
                used = 0;
            }
            row.push(c);
            used += w;
        }
        out.push(Line::raw(row));
        if out.len() >= max_rows {
            out.truncate(max_rows);
            break;
        }
    }
    out
}

/// `12–30 / 84 ▼`: the rows in view, of how many, and an arrow while more is below.
fn position(scroll: usize, height: usize, total: usize, more_than: bool) -> String {
    let first = (scroll + 1).min(total);
    let last = (scroll + height).min(total);
    let plus = if more_than { "+" } else { "" };
    let arrow = if last < total { " ▼" } else { "" };
    format!("{first}–{last} / {total}{plus}{arrow}")
}

#[cfg(test)]
mod tests {
    use super::position;

    #[test]
    fn the_position_says_which_rows_of_how_many_and_whether_more_follow() {
        assert_eq!(position(0, 25, 90, false), "1–25 / 90 ▼");
        assert_eq!(position(65, 25, 90, false), "66–90 / 90");
        assert_eq!(position(0, 25, 10, false), "1–10 / 10");
        assert_eq!(position(0, 25, 10_025, true), "1–25 / 10025+ ▼");
        assert_eq!(position(0, 25, 0, false), "0–0 / 0");
    }
}
