//! The help overlay's content: the key table.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{ViewCtx, theme, wrap::wrap_rows};

/// The key table and the story's summary, wrapped to `width`; at most `max_rows` lines.
pub fn lines(ctx: &ViewCtx, width: u16, max_rows: usize) -> Vec<Line<'static>> {
    let keys = ctx.strings.keys;
    let key_w = keys.iter().map(|(k, _)| k.width()).max().unwrap_or(0) + 2;
    let mut out = Vec::new();
    for (key, what) in keys {
        let pad = " ".repeat(key_w.saturating_sub(key.width()));
        let spans = [
            Span::styled(format!("{key}{pad}"), theme::KEY),
            Span::raw(*what),
        ];
        out.extend(wrap_rows(&spans, width, max_rows.saturating_sub(out.len())));
    }
    if let Some(art) = ctx.art {
        let line = ctx
            .strings
            .pictures
            .replace("{}", ctx.strings.method(art.method()));
        out.extend(wrap_rows(
            &[Span::styled(
                line,
                theme::slanted(theme::ALT, ctx.strings.italics),
            )],
            width,
            max_rows.saturating_sub(out.len()),
        ));
    }
    out.push(Line::default());
    let summary = ctx.story.summary.get(ctx.lang);
    let left = max_rows.saturating_sub(out.len());
    out.extend(wrap_rows(
        &[Span::styled(
            summary,
            theme::slanted(theme::ALT, ctx.strings.italics),
        )],
        width,
        left,
    ));
    out.truncate(max_rows);
    out
}
