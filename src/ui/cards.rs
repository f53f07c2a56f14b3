//! The cover card (before page 1: title, summary, credits, how to begin) and the end card
//! (after the last panel: the end, the story's sources, how to quit or start again).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::commentary::{describe, source_rows};
use super::{ViewCtx, theme, wrap::wrap_rows};
use crate::app::{App, Card};

/// Widest a card's text runs, in columns (for reading).
const MAX_W: u16 = 76;

pub fn draw(app: &App, ctx: &ViewCtx, body: Rect, buf: &mut Buffer) {
    let Some(card) = app.card else { return };
    Clear.render(body, buf);
    let w = body.width.saturating_sub(4).min(MAX_W);
    let inner_w = w.saturating_sub(2);
    let max_rows = usize::from(body.height.saturating_sub(2));
    let mut lines = match card {
        Card::Cover => cover(ctx, inner_w, max_rows),
        Card::End => end(ctx, inner_w, max_rows),
    };
    let hint = match card {
        Card::Cover => ctx.strings.cover_hint,
        Card::End => ctx.strings.end_hint,
    };
    let hint_rows = wrap_rows(&[Span::styled(hint, theme::KEY)], inner_w, 3);
    let room = max_rows.saturating_sub(hint_rows.len() + 1);
    if lines.len() > room {
        lines.truncate(room.saturating_sub(1));
        lines.push(Line::from("…"));
    }
    lines.push(Line::default());
    lines.extend(hint_rows);
    let h = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(body.height);
    let rect = Rect::new(
        body.x + (body.width - w.min(body.width)) / 2,
        body.y + (body.height - h) / 2,
        w.min(body.width),
        h,
    );
    let block = Block::bordered().border_style(theme::FRAME_CURRENT);
    let inner = block.inner(rect);
    block.render(rect, buf);
    Paragraph::new(lines).render(inner, buf);
}

fn heading(text: &str) -> Line<'static> {
    Line::styled(
        text.to_string(),
        theme::HEADING.add_modifier(Modifier::BOLD),
    )
}

fn cover(ctx: &ViewCtx, width: u16, max_rows: usize) -> Vec<Line<'static>> {
    let story = ctx.story;
    let mut out = wrap_rows(
        &[Span::styled(story.title.get(ctx.lang), theme::HEADING)],
        width,
        3,
    );
    out.push(Line::default());
    let slant = theme::slanted(theme::ALT, ctx.strings.italics);
    out.extend(wrap_rows(
        &[Span::styled(story.summary.get(ctx.lang), slant)],
        width,
        max_rows,
    ));
    if !story.credits.is_empty() {
        out.push(Line::default());
        for c in &story.credits {
            let spans = [
                Span::styled(
                    format!("{}{}", ctx.strings.role(&c.role), ctx.strings.speaker_sep),
                    theme::SPEAKER,
                ),
                Span::raw(c.name.as_str()),
            ];
            out.extend(wrap_rows(&spans, width, 2));
        }
    }
    out
}

fn end(ctx: &ViewCtx, width: u16, max_rows: usize) -> Vec<Line<'static>> {
    let story = ctx.story;
    let mut out = vec![heading(ctx.strings.the_end), Line::default()];
    if !story.sources.is_empty() {
        out.push(Line::styled(ctx.strings.sources, theme::HEADING));
    }
    for (i, source) in story.sources.iter().enumerate() {
        if out.len() >= max_rows {
            break;
        }
        let citation = [Span::raw(describe(source, ctx.lang))];
        out.extend(source_rows(i + 1, source, &citation, ctx.lang, width, 4));
    }
    out
}
