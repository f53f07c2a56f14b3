//! The layer over the page (commentary or help): a cleared, bordered, scrolling box.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::{ViewCtx, commentary, help, layout, theme};
use crate::app::{App, Overlay};

/// The overlay's inside for the app's terminal size.
fn inner_rect(size: (u16, u16)) -> Rect {
    Block::bordered().inner(layout::overlay_rect(size))
}

/// The open overlay's content, wrapped to `width`, up to `max_rows` lines.
fn content(app: &App, ctx: &ViewCtx, width: u16, max_rows: usize) -> Vec<Line<'static>> {
    match app.overlay {
        Overlay::None => Vec::new(),
        Overlay::Commentary => commentary::lines(app, ctx, width, max_rows),
        Overlay::Help => help::lines(ctx, width, max_rows),
    }
}

/// Rows of content the open overlay shows at once.
pub fn visible_rows(app: &App) -> u16 {
    inner_rect(app.size).height
}

/// The largest useful scroll offset for the open overlay.
pub fn max_scroll(app: &App) -> usize {
    if app.overlay == Overlay::None || layout::too_small(app.size) {
        return 0;
    }
    let inner = inner_rect(app.size);
    let rows = content(app, &ViewCtx::new(app), inner.width, usize::MAX).len();
    rows.saturating_sub(usize::from(inner.height))
}

pub fn draw(app: &App, ctx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let title = match app.overlay {
        Overlay::None => return,
        Overlay::Commentary => ctx.strings.commentary,
        Overlay::Help => ctx.strings.help,
    };
    let rect = layout::overlay_rect((area.width, area.height)).intersection(area);
    Clear.render(rect, buf);
    let block = Block::bordered()
        .style(theme::OVERLAY)
        .border_style(theme::FRAME_CURRENT)
        .title(format!(" {title} "))
        .title_bottom(Line::from(format!(" {} ", ctx.strings.overlay_hint)).right_aligned());
    let inner = block.inner(rect);
    block.render(rect, buf);
    // Only the rows up to the bottom of the box are laid out; the rest is never wrapped.
    let shown = app.scroll.saturating_add(usize::from(inner.height));
    let lines: Vec<Line> = content(app, ctx, inner.width, shown)
        .into_iter()
        .skip(app.scroll)
        .collect();
    Paragraph::new(lines).render(inner, buf);
}
