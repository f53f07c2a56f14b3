//! One framed panel: number, art and text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use super::{ViewCtx, art::draw_art, layout, lines::panel_text, theme};
use crate::story::Panel;

/// How a panel is laid out inside its frame.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// One cell of the page grid: art above, text below.
    InPage { current: bool },
    /// The whole screen: art beside or above the text.
    Alone,
}

pub fn draw_panel(panel: &Panel, fit: Fit, area: Rect, buf: &mut Buffer, ctx: &ViewCtx) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let style = match fit {
        Fit::InPage { current: false } => theme::FRAME,
        _ => theme::FRAME_CURRENT,
    };
    let mut block = Block::bordered()
        .border_style(style)
        .title(format!(" {} ", panel.number));
    // Badges: a bookmark, and in page view how many notes a panel has (`c` shows the
    // focused one's).
    let mut badges = Vec::new();
    if ctx.bookmarks.is_some_and(|b| b.contains(&panel.id)) {
        badges.push(ctx.strings.bookmark.to_string());
    }
    if matches!(fit, Fit::InPage { .. }) && !panel.notes.is_empty() {
        badges.push(ctx.strings.badge(panel.notes.len()));
    }
    if !badges.is_empty() {
        let badge = Line::from(format!(" {} ", badges.join(" · ")));
        block = block.title(badge.right_aligned().style(theme::BADGE));
    }
    let inner = block.inner(area);
    block.render(area, buf);
    // The layout only asks whether the text fits: one row more than the panel says no.
    let enough = usize::from(inner.height) + 1;
    let (art, text) = match fit {
        Fit::Alone => layout::single_split(inner, |w| panel_text(panel, ctx, w, enough).len()),
        Fit::InPage { .. } => {
            layout::page_split(inner, |w| panel_text(panel, ctx, w, enough).len())
        }
    };
    draw_art(panel, art, buf, ctx);
    Paragraph::new(panel_text(panel, ctx, text.width, usize::from(text.height))).render(text, buf);
}
