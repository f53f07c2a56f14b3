//! The status bar: title, position, view, language, notes, and any message.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::{ViewCtx, strings::language_name, theme};
use crate::app::{App, Message, View};

pub fn draw(app: &App, ctx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let mut spans = Vec::new();
    if let Some(alert) = alert(app, ctx) {
        spans.push(Span::styled(format!(" {alert} "), theme::STATUS_ALERT));
    }
    let room = usize::from(area.width).saturating_sub(Line::from(spans.clone()).width());
    spans.push(Span::raw(format!(" {}", info(app, ctx, room))));
    Paragraph::new(Line::from(spans))
        .style(theme::STATUS)
        .render(area, buf);
}

/// What the reader must notice first: a typed number, a message, the automatic view.
fn alert(app: &App, ctx: &ViewCtx) -> Option<String> {
    let s = ctx.strings;
    if let Some(n) = app.pending {
        return Some(s.go_to(n));
    }
    if let Some(Message::NoSuchPage { asked, shown }) = app.message {
        return Some(s.no_such_page(asked, shown));
    }
    (app.auto_panel && app.view == View::Page).then(|| s.auto_panel.to_string())
}

/// Title, page, panel, view, language and notes; the help hint only if it fits in `room`.
fn info(app: &App, ctx: &ViewCtx, room: usize) -> String {
    let s = ctx.strings;
    let story = ctx.story;
    let total = story.panel_count();
    let panel = match (app.effective_view(), app.page()) {
        (View::Page, Some(p)) if p.panels.len() > 1 => {
            let first = p.panels.first().map_or(0, |x| x.number);
            let last = p.panels.last().map_or(0, |x| x.number);
            format!("{first}-{last}/{total}")
        }
        _ => format!("{}/{total}", app.panel().map_or(0, |p| p.number)),
    };
    let view = match app.effective_view() {
        View::Page => s.page_view,
        View::Panel => s.panel_view,
    };
    let mut parts = vec![
        story.title.get(ctx.lang).to_string(),
        format!("{} {}/{}", s.page, app.pos.page + 1, story.pages.len()),
        format!("{} {panel}", s.panel),
        view.to_string(),
        language_name(ctx.lang).to_string(),
        s.notes(app.note_count()),
        s.help_hint.to_string(),
    ];
    if parts.join(" | ").width() + 1 > room {
        parts.pop();
    }
    parts.join(" | ")
}
