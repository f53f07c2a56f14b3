//! The layer over the page (commentary or help): a cleared, bordered, scrolling box.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::{ViewCtx, commentary, help, layout, theme};
use crate::app::{App, Overlay, OverlayRows};

/// The overlay's inside for the app's terminal size.
fn inner_rect(size: (u16, u16)) -> Rect {
    Block::bordered().inner(layout::overlay_rect(size))
}

/// The open overlay's content, wrapped to `width`, up to `max_rows` lines.
fn content(app: &App, ctx: &ViewCtx, width: u16, max_rows: usize) -> Vec<Line<'static>> {
    match app.overlay {
        Overlay::None => Vec::new(),
        Overlay::Commentary => commentary::lines(app, ctx, width, max_rows),
        Overlay::Help => help::lines(&app.keymap, ctx, width, max_rows),
    }
}

/// The open overlay's rows of content, and how many show at once.
pub fn rows(app: &App) -> OverlayRows {
    if app.overlay == Overlay::None || layout::too_small(app.size) {
        return OverlayRows::default();
    }
    let inner = inner_rect(app.size);
    OverlayRows {
        total: content(app, &ViewCtx::new(app), inner.width, usize::MAX).len(),
        visible: usize::from(inner.height),
    }
}

/// How far past the box the content is counted for the position indicator (a bound on the
/// work of one frame; beyond it the total shows as `N+`).
const COUNT_AHEAD: usize = 10_000;

pub fn draw(app: &App, ctx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let title = match app.overlay {
        Overlay::None => return,
        Overlay::Commentary => ctx.strings.commentary,
        Overlay::Help => ctx.strings.help,
    };
    let rect = layout::overlay_rect((area.width, area.height)).intersection(area);
    Clear.render(rect, buf);
    let width = Block::bordered().inner(rect).width;
    let height = usize::from(Block::bordered().inner(rect).height);
    // Rows are laid out only to a bounded distance past the box, never the whole content.
    let limit = app
        .scroll
        .saturating_add(height)
        .saturating_add(COUNT_AHEAD);
    let lines = content(app, ctx, width, limit);
    let counted = lines.len();
    let position = position(app.scroll, height, counted, counted >= limit);
    let block = Block::bordered()
        .style(theme::OVERLAY)
        .border_style(theme::FRAME_CURRENT)
        .title(format!(" {title} "))
        .title_bottom(Line::from(format!(" {position} ")).left_aligned())
        .title_bottom(Line::from(format!(" {} ", ctx.strings.overlay_hint)).right_aligned());
    let inner = block.inner(rect);
    block.render(rect, buf);
    let shown: Vec<Line> = lines.into_iter().skip(app.scroll).take(height).collect();
    Paragraph::new(shown).render(inner, buf);
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
