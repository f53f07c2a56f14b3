//! A panel's captions and balloons as styled, wrapped lines.

use ratatui::text::{Line, Span};

use super::{ViewCtx, theme, wrap::wrap_rows};
use crate::story::{self, LineKind, Panel};

/// `panel`'s lines, wrapped to `width`, at most `max_rows` of them: drawing and the layout
/// rules never need more than a screen's height, and a huge caption costs no more than that.
pub fn panel_text(panel: &Panel, ctx: &ViewCtx, width: u16, max_rows: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (i, line) in panel.lines.iter().enumerate() {
        let left = max_rows.saturating_sub(out.len());
        if left == 0 {
            break;
        }
        let mut spans = spans(line, ctx);
        let hits = super::hits::ranges(
            ctx,
            panel.number,
            |w| matches!(w, crate::search::Where::Line { index, .. } if *index == i),
        );
        if !hits.is_empty() {
            spans = highlight(spans, line, &hits, ctx);
        }
        out.extend(wrap_rows(&spans, width, left));
    }
    out
}

/// The line's spans with the hits reversed: the body span (the last) is split where the
/// story text appears in it (thoughts and signs add brackets around it).
fn highlight<'a>(
    mut spans: Vec<Span<'a>>,
    line: &'a story::Line,
    hits: &[std::ops::Range<usize>],
    ctx: &ViewCtx<'a>,
) -> Vec<Span<'a>> {
    let text = line.text.get(ctx.lang);
    let Some(body) = spans.pop() else {
        return spans;
    };
    let content = body.content.to_string();
    let Some(at) = content.find(text) else {
        spans.push(body);
        return spans;
    };
    let style = body.style;
    spans.push(Span::styled(content[..at].to_string(), style));
    spans.extend(super::hits::marked(text, style, hits));
    spans.push(Span::styled(content[at + text.len()..].to_string(), style));
    spans
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
