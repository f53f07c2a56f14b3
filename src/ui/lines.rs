//! A panel's captions and balloons as styled, wrapped lines.

use ratatui::text::{Line, Span};

use super::{ViewCtx, theme, wrap::wrap};
use crate::story::{self, LineKind, Panel};

/// All of `panel`'s lines, wrapped to `width`.
pub fn panel_text(panel: &Panel, ctx: &ViewCtx, width: u16) -> Vec<Line<'static>> {
    panel
        .lines
        .iter()
        .flat_map(|l| wrap(&spans(l, ctx), width))
        .collect()
}

fn spans<'a>(line: &'a story::Line, ctx: &ViewCtx<'a>) -> Vec<Span<'a>> {
    let text = line.text.get(ctx.lang);
    let speaker = line
        .speaker
        .as_deref()
        .and_then(|id| ctx.story.character(id))
        .map(|c| {
            let name = c.name.get(ctx.lang);
            Span::styled(format!("{name}{}", ctx.strings.speaker_sep), theme::SPEAKER)
        });
    let body = match line.kind {
        LineKind::Caption => Span::styled(text, theme::CAPTION),
        LineKind::Narration => Span::styled(text, theme::NARRATION),
        LineKind::Speech => Span::styled(text, theme::SPEECH),
        LineKind::Thought => Span::styled(format!("({text})"), theme::THOUGHT),
        LineKind::Sign => Span::styled(format!("[{text}]"), theme::SIGN),
        LineKind::Sound => Span::styled(format!("*{text}*"), theme::SOUND),
    };
    speaker.into_iter().chain([body]).collect()
}
