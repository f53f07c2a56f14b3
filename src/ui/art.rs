//! The art area of a panel: the one place that draws artwork.
//!
//! Prepared art is drawn as half-blocks, centered; art that is still being prepared, that
//! failed, or that is turned off shows a framed placeholder with the alt text (and the reason).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use super::{ViewCtx, theme};
use crate::art::{Graphic, HalfBlocks, Shown};
use crate::story::Panel;

/// Draws `panel`'s art into `area`.
pub fn draw_art(panel: &Panel, area: Rect, buf: &mut Buffer, ctx: &ViewCtx) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let status = match (ctx.art, &panel.art) {
        (Some(view), Some(art)) => view.lookup(art, area.width, area.height),
        _ => None,
    };
    match status {
        Some(Shown::Cells(prepared)) => HalfBlocks(&prepared).render(area, buf),
        Some(Shown::Graphic(graphic)) => draw_graphic(&graphic, area, buf),
        Some(Shown::Pending) => placeholder(panel, Some(ctx.strings.preparing), area, buf, ctx),
        Some(Shown::Failed(e)) => placeholder(panel, Some(&e.0), area, buf, ctx),
        None => placeholder(panel, None, area, buf, ctx),
    }
}

/// A protocol image (kitty, sixel, iTerm2), centered in its area.
fn draw_graphic(graphic: &Graphic, area: Rect, buf: &mut Buffer) {
    let (w, h) = graphic.size();
    let (w, h) = (w.min(area.width), h.min(area.height));
    let centered = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    graphic.render(centered, buf);
}

/// The framed alt text, with a one-line note (why the art is not shown) at the bottom.
fn placeholder(panel: &Panel, note: Option<&str>, area: Rect, buf: &mut Buffer, ctx: &ViewCtx) {
    let mut block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::ART_FRAME)
        .title(format!(" {} ", ctx.strings.art));
    if let Some(note) = note {
        block = block.title_bottom(Line::styled(format!(" {note} "), theme::WARNING));
    }
    let inner = block.inner(area);
    block.render(area, buf);
    let rows = usize::from(inner.height);
    let style = theme::slanted(theme::ALT, ctx.strings.italics);
    // A search hit in the alt text is shown reversed, as in the panel's lines.
    let hits = super::hits::ranges(ctx, panel.number, |w| *w == crate::search::Where::Alt);
    let spans = super::hits::marked(panel.alt.get(ctx.lang), style, &hits);
    let alt = super::wrap::wrap_rows(&spans, inner.width, rows);
    Paragraph::new(alt).render(inner, buf);
}
