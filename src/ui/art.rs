//! The art area of a panel: the one place that draws artwork.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use super::{ViewCtx, theme, wrap::wrap_str};
use crate::story::Panel;

/// Draws `panel`'s art into `area`. For now: a framed placeholder with the alt text.
pub fn draw_art(panel: &Panel, area: Rect, buf: &mut Buffer, ctx: &ViewCtx) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::ART_FRAME)
        .title(format!(" {} ", ctx.strings.art));
    let inner = block.inner(area);
    block.render(area, buf);
    let alt = wrap_str(panel.alt.get(ctx.lang), theme::ALT, inner.width);
    Paragraph::new(alt).render(inner, buf);
}
