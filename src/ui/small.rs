//! The screen shown when the terminal is too small to read anything.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget};

use super::{ViewCtx, layout::MIN_SIZE, theme, wrap::wrap_str};

pub fn draw(ctx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let text = ctx.strings.enlarge(MIN_SIZE.0, MIN_SIZE.1);
    let lines = wrap_str(&text, theme::WARNING, area.width);
    let rows = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .min(area.height);
    let top = Rect {
        y: area.y + (area.height - rows) / 2,
        height: rows,
        ..area
    };
    Paragraph::new(lines)
        .alignment(ratatui::layout::HorizontalAlignment::Center)
        .render(top, buf);
}
