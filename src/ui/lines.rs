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
        if let Some(range) = hit_in(panel, i, ctx) {
            spans = highlight(spans, line, range, ctx);
        }
        out.extend(wrap_rows(&spans, width, left));
    }
    out
}

/// The byte range of a search hit in line `i` of `panel`, in the language shown.
fn hit_in(panel: &Panel, i: usize, ctx: &ViewCtx) -> Option<std::ops::Range<usize>> {
    let lang = ctx.story.languages.iter().position(|l| l == ctx.lang)?;
    ctx.hits
        .iter()
        .find(|h| {
            h.number == panel.number
                && h.lang == lang
                && matches!(h.place, crate::search::Where::Line { index, .. } if index == i)
        })
        .map(|h| h.range.clone())
}

/// The line's spans with the hit's text reversed: the body span (the last) is split where
/// the story text appears in it (thoughts and signs add brackets around it).
fn highlight<'a>(
    mut spans: Vec<Span<'a>>,
    line: &'a story::Line,
    range: std::ops::Range<usize>,
    ctx: &ViewCtx<'a>,
) -> Vec<Span<'a>> {
    let text = line.text.get(ctx.lang);
    let Some(body) = spans.pop() else {
        return spans;
    };
    let content = body.content.to_string();
    let (Some(at), Some(found)) = (content.find(text), text.get(range.clone())) else {
        spans.push(body);
        return spans;
    };
    let (start, end) = (at + range.start, at + range.end);
    let style = body.style;
    spans.push(Span::styled(content[..start].to_string(), style));
    spans.push(Span::styled(found.to_string(), style.patch(theme::HIT)));
    spans.push(Span::styled(content[end..].to_string(), style));
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
