//! A panel's captions and balloons as styled, wrapped lines.

use ratatui::text::{Line, Span};

use super::{ViewCtx, theme, wrap::wrap_rows};
use crate::story::{self, LineKind, Panel};

/// `panel`'s lines, wrapped to `width`, at most `max_rows` of them: drawing and the layout
/// rules never need more than a screen's height, and a huge caption costs no more than that.
pub fn panel_text(panel: &Panel, ctx: &ViewCtx, width: u16, max_rows: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for line in &panel.lines {
        let left = max_rows.saturating_sub(out.len());
        if left == 0 {
            break;
        }
        out.extend(wrap_rows(&spans(line, ctx), width, left));
    }
    out
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
    let s = ctx.strings;
    let slant = |style| theme::slanted(style, s.italics);
    let body = match line.kind {
        LineKind::Caption => Span::styled(text, theme::CAPTION),
        LineKind::Narration => Span::styled(text, slant(theme::NARRATION)),
        LineKind::Speech => Span::styled(text, theme::SPEECH),
        LineKind::Thought => Span::styled(
            format!("{}{text}{}", s.thought.0, s.thought.1),
            if s.italics {
                theme::THOUGHT
            } else {
                theme::THOUGHT_CJK
            },
        ),
        LineKind::Sign => Span::styled(format!("{}{text}{}", s.label.0, s.label.1), theme::SIGN),
        LineKind::Sound => Span::styled(format!("*{text}*"), theme::SOUND),
    };
    speaker.into_iter().chain([body]).collect()
}
