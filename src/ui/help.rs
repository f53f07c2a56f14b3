//! The help overlay's content: the key table.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{ViewCtx, keyhelp, theme, wrap::wrap_rows};
use crate::app::keys::Keymap;

/// The key table (as bound) and the story's summary, wrapped to `width`; at most `max_rows`
/// lines.
pub fn lines(keymap: &Keymap, ctx: &ViewCtx, width: u16, max_rows: usize) -> Vec<Line<'static>> {
    let mut keys = keyhelp::rows(keymap, ctx.strings.actions);
    let (mouse, does) = ctx.strings.mouse;
    keys.push((mouse.to_string(), does));
    let key_w = keys.iter().map(|(k, _)| k.width()).max().unwrap_or(0) + 2;
    let mut out = Vec::new();
    for (key, what) in &keys {
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
