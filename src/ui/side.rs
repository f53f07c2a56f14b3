//! The commentary side pane (`C`): the current panel's notes beside the page, following the
//! reader, scrolled with its own keys (`J`/`K`). Narrower terminals keep the overlay (`c`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use super::{ViewCtx, commentary, layout, theme};
use crate::app::{App, OverlayRows};

/// The pane's box on a screen of `size`, if the pane is shown.
pub fn rect(app: &App, size: (u16, u16)) -> Option<Rect> {
    let (page_w, pane_w) = layout::side_split(size.0, app.side);
    let (body, _) = layout::screen(Rect::new(0, 0, size.0, size.1));
    (pane_w > 0).then(|| Rect {
        x: body.x + page_w,
        width: pane_w,
        ..body
    })
}

/// The pane's rows of content, and how many show at once.
pub fn rows(app: &App) -> OverlayRows {
    let Some(r) = rect(app, app.size) else {
        return OverlayRows::default();
    };
    let inner = Block::bordered().inner(r);
    OverlayRows {
        total: commentary::lines(app, &ViewCtx::new(app), inner.width, usize::MAX).len(),
        visible: usize::from(inner.height),
    }
}

pub fn draw(app: &App, ctx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let Some(r) = rect(app, (area.width, area.height)) else {
        return;
    };
    let block = Block::bordered()
        .border_style(theme::FRAME)
        .title(format!(" {} ", ctx.strings.commentary))
        .title_bottom(Line::from(" J/K ").right_aligned());
    let inner = block.inner(r);
    block.render(r, buf);
    let height = usize::from(inner.height);
    let limit = app.side_scroll.saturating_add(height);
    let lines = commentary::lines(app, ctx, inner.width, limit);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(app.side_scroll)
        .take(height)
        .collect();
    Paragraph::new(shown).render(inner, buf);
}
