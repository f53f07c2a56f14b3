//! The help overlay's content: the key table.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{ViewCtx, theme, wrap::wrap};

pub fn lines(ctx: &ViewCtx, width: u16) -> Vec<Line<'static>> {
    let keys = ctx.strings.keys;
    let key_w = keys.iter().map(|(k, _)| k.width()).max().unwrap_or(0) + 2;
    let mut out = Vec::new();
    for (key, what) in keys {
        let pad = " ".repeat(key_w.saturating_sub(key.width()));
        let spans = [
            Span::styled(format!("{key}{pad}"), theme::KEY),
            Span::raw(*what),
        ];
        out.extend(wrap(&spans, width));
    }
    out.push(Line::default());
    let summary = ctx.story.summary.get(ctx.lang);
    out.extend(wrap(&[Span::styled(summary, theme::ALT)], width));
    out
}
