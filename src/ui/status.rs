//! The status bar: title, position, view, language, notes, and any message.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::{ViewCtx, strings::language_name, theme, wrap::wrap_str_rows};
use crate::app::{App, Message, View};

const SEP: &str = " | ";
/// Narrower than this, the title is left out rather than cut to nothing.
const MIN_TITLE: usize = 12;
const TIGHT_SEP: &str = "|";

pub fn draw(app: &App, ctx: &ViewCtx, area: Rect, buf: &mut Buffer) {
    let mut spans = Vec::new();
    if let Some(alert) = alert(app, ctx) {
        spans.push(Span::styled(format!(" {alert} "), theme::STATUS_ALERT));
    }
    let room = usize::from(area.width).saturating_sub(Line::from(spans.clone()).width() + 1);
    spans.push(Span::raw(format!(" {}", info(app, ctx, room))));
    Paragraph::new(Line::from(spans))
        .style(theme::STATUS)
        .render(area, buf);
}

/// What the reader must notice first: a typed number or a message.
fn alert(app: &App, ctx: &ViewCtx) -> Option<String> {
    let s = ctx.strings;
    if let Some(n) = app.pending {
        return Some(s.go_to(n));
    }
    if let Some(typed) = &app.search.prompt {
        let scope = if app.search.all_languages {
            s.all_languages
        } else {
            language_name(ctx.lang)
        };
        return Some(format!("/{}▏ ({scope}: Tab)", crate::text::sanitize(typed)));
    }
    app.message.as_ref().map(|m| match m {
        Message::NoSuchPage { asked, shown } => s.no_such_page(*asked, *shown),
        Message::NoHits => s
            .no_hits
            .replace("{}", &crate::text::sanitize(&app.search.query)),
        Message::Bookmarked(true) => s.bookmarked.0.to_string(),
        Message::Bookmarked(false) => s.bookmarked.1.to_string(),
        Message::Notice(text) => text.clone(),
        Message::Reloaded => s.reloaded.to_string(),
        Message::NoSuchLanguage => {
            let names: Vec<&str> = ctx
                .story
                .languages
                .iter()
                .map(|l| super::strings::language_name(l))
                .collect();
            format!("{}{}", s.no_such_language, names.join(", "))
        }
    })
}

/// Title, page, panel, view, language, notes and the help hint in `room` columns, by priority:
/// the position and `? help` always stay; then the notes hint, the view and the language; the
/// title takes what is left (cut with `…`), or is left out when that is too little.
fn info(app: &App, ctx: &ViewCtx, room: usize) -> String {
    let [page, panel, view, lang, notes] = facts(app, ctx);
    let help = ctx.strings.help_hint.to_string();
    let title = ctx.story.title.get(ctx.lang);
    // Parts in display order with the priority at which they are dropped (higher goes first).
    let mut parts = vec![
        (0, page),
        (0, panel),
        (2, view),
        (3, lang),
        (1, notes),
        (0, help),
    ];
    if let (Some(i), n) = (app.search.current, app.search.hits.len()) {
        let hit = ctx.strings.hit.replace("{}", &format!("{}/{n}", i + 1));
        parts.insert(2, (1, hit));
    }
    let bookmarked = app.panel().is_some_and(|p| app.bookmarks.contains(&p.id));
    if bookmarked {
        parts.insert(2, (2, ctx.strings.bookmark.to_string()));
    }
    for sep in [SEP, TIGHT_SEP] {
        let width = |parts: &[(u8, String)]| {
            parts.iter().map(|(_, p)| p.width()).sum::<usize>() + sep.len() * parts.len()
        };
        let mut kept = parts.clone();
        while width(&kept) > room
            && let Some(worst) = kept.iter().map(|(p, _)| *p).max().filter(|p| *p > 0)
        {
            let at = kept.iter().rposition(|(p, _)| *p == worst).unwrap_or(0);
            kept.remove(at);
        }
        if width(&kept) > room && sep == SEP {
            continue;
        }
        let left = room.saturating_sub(width(&kept));
        let mut out: Vec<String> = kept.into_iter().map(|(_, p)| p).collect();
        // The title comes only after everything else has room.
        if out.len() == parts.len() && left >= MIN_TITLE.min(title.width()) {
            out.insert(0, fit(title, left));
        }
        return out.join(sep);
    }
    parts.retain(|(p, _)| *p == 0);
    parts
        .into_iter()
        .map(|(_, p)| p)
        .collect::<Vec<_>>()
        .join(TIGHT_SEP)
}

fn facts(app: &App, ctx: &ViewCtx) -> [String; 5] {
    let s = ctx.strings;
    let story = ctx.story;
    let total = story.panel_count();
    // The panel in focus, in both views (page view highlights it).
    let panel = format!("{}/{total}", app.panel().map_or(0, |p| p.number));
    // The reading views hint the key that switches them; the others name their own key.
    let view = match (app.effective_view(), app.auto_panel) {
        _ if app.overview.is_some() => s.overview.to_string(),
        _ if app.card == Some(crate::app::Card::Cover) => s.cover.to_string(),
        _ if app.card == Some(crate::app::Card::End) => s.end.to_string(),
        _ if app.art_alone => s.art_alone.to_string(),
        (View::Page, _) => s.with_key(s.page_view, "v"),
        (View::Panel, true) if app.view == View::Page => s.with_key(s.auto_panel, "v"),
        (View::Panel, _) => s.with_key(s.panel_view, "v"),
    };
    [
        s.page_label(&format!("{}/{}", app.pos.page + 1, story.pages.len())),
        s.panel_label(&panel),
        view,
        s.with_key(language_name(ctx.lang), "t"),
        s.notes(app.note_count()),
    ]
}

/// `text` cut to `width` columns, with `…` marking a cut.
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let Some(first) = wrap_str_rows(
        text,
        ratatui::style::Style::new(),
        u16::try_from(width.saturating_sub(1)).unwrap_or(0),
        1,
    )
    .into_iter()
    .next() else {
        return String::new();
    };
    let mut cut: String = first.to_string();
    while cut.width() + 1 > width {
        cut.pop();
    }
    cut + "…"
}
