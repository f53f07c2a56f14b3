//! The commentary overlay's content: notes grouped by panel, then the numbered sources.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{ViewCtx, theme, wrap::wrap_rows};
use crate::app::App;
use crate::search::Where;
use crate::story::{Note, Panel, Source};

/// Every note of the current panel (the focused one in page view: panel frames with notes
/// carry a badge, and `[`/`]` move between them), wrapped to `width`; at most `max_rows`
/// lines (work stops there).
pub fn lines(app: &App, ctx: &ViewCtx, width: u16, max_rows: usize) -> Vec<Line<'static>> {
    let panels: Vec<&Panel> = app.panel().into_iter().collect();
    let mut cited = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for panel in panels.iter().filter(|p| !p.notes.is_empty()) {
        if !out.is_empty() {
            out.push(Line::default());
        }
        let head = ctx.strings.panel_label(&panel.number.to_string());
        out.push(Line::styled(head, theme::HEADING));
        for (i, note) in panel.notes.iter().enumerate() {
            let left = max_rows.saturating_sub(out.len());
            let hits = super::hits::ranges(ctx, panel.number, |w| *w == Where::Note(i));
            out.extend(wrap_rows(
                &note_spans(note, &hits, ctx, &mut cited),
                width,
                left,
            ));
        }
        if out.len() >= max_rows {
            out.truncate(max_rows);
            return out;
        }
    }
    if out.is_empty() {
        return wrap_rows(&[Span::raw(ctx.strings.no_notes)], width, max_rows);
    }
    append_sources(&mut out, &cited, ctx, width, max_rows);
    out.truncate(max_rows);
    out
}

fn note_spans<'a>(
    note: &'a Note,
    hits: &[std::ops::Range<usize>],
    ctx: &ViewCtx<'a>,
    cited: &mut std::collections::BTreeSet<usize>,
) -> Vec<Span<'a>> {
    let s = ctx.strings;
    let (open, close) = s.label;
    let mut spans = vec![Span::styled(
        format!("{open}{}{close}{}", s.kind(note.kind), s.gap),
        theme::NOTE_KIND,
    )];
    if let Some(status) = s.status(note.status) {
        let (open, close) = s.aside;
        spans.push(Span::styled(
            format!("{open}{status}{close}{}", s.gap),
            theme::DISPUTED,
        ));
    }
    // Search hits in this note are shown reversed, as in the panels.
    let text = note.text.get(ctx.lang);
    spans.extend(super::hits::marked(text, Style::default(), hits));
    // The story's numbers, in order: `[1] [2] [5]`, never `[2] [1] [5]`.
    let mut numbers: Vec<usize> = note
        .cites
        .iter()
        .filter_map(|id| ctx.story.source_number(id))
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    for n in numbers {
        cited.insert(n);
        spans.push(Span::styled(format!(" [{n}]"), theme::CITE));
    }
    spans
}

fn append_sources(
    out: &mut Vec<Line<'static>>,
    cited: &std::collections::BTreeSet<usize>,
    ctx: &ViewCtx,
    width: u16,
    max_rows: usize,
) {
    if cited.is_empty() {
        return;
    }
    out.push(Line::default());
    out.push(Line::styled(ctx.strings.sources, theme::HEADING));
    for &n in cited {
        if out.len() >= max_rows {
            return;
        }
        let Some(source) = ctx.story.sources.get(n - 1) else {
            continue;
        };
        let url = source.url.as_deref().unwrap_or_default();
        // Web addresses are underlined: the terminal edge makes them OSC 8 links.
        let style = if super::links::is_web(url) {
            theme::LINK
        } else {
            theme::CITE
        };
        let gap = if url.is_empty() { "" } else { " " };
        let spans = [
            Span::styled(format!("[{n}] "), theme::CITE),
            Span::raw(describe(source)),
            Span::raw(gap),
            Span::styled(url.to_string(), style),
        ];
        out.extend(wrap_rows(&spans, width, max_rows - out.len()));
    }
}

/// "Title. Author. Publisher, 2024-05."
pub fn describe(source: &Source) -> String {
    let author = source
        .author
        .as_deref()
        .map(|a| format!(" {a}."))
        .unwrap_or_default();
    format!(
        "{}.{author} {}, {}.",
        source.title, source.publisher, source.date
    )
}
