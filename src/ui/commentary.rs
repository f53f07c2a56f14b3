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
            Span::raw(describe(source, ctx.lang)),
            Span::raw(gap),
            Span::styled(url.to_string(), style),
        ];
        out.extend(source_rows(
            n,
            source,
            &spans,
            ctx.lang,
            width,
            max_rows - out.len(),
        ));
    }
}

/// Source `n`: `[n] ` and `citation` wrapped to `width`, then its description in `lang` (if
/// the story gives one) on rows of its own, indented under the citation; at most `max_rows`.
pub fn source_rows(
    n: usize,
    source: &Source,
    citation: &[Span],
    lang: &str,
    width: u16,
    max_rows: usize,
) -> Vec<Line<'static>> {
    let number = format!("[{n}] ");
    let mut spans = vec![Span::styled(number.clone(), theme::CITE)];
    spans.extend_from_slice(citation);
    let mut out = wrap_rows(&spans, width, max_rows);
    let Some(description) = source.title.description(lang) else {
        return out;
    };
    let indent = u16::try_from(number.len()).unwrap_or(0);
    let indent = if indent < width / 2 { indent } else { 0 };
    let left = max_rows.saturating_sub(out.len());
    let rows = wrap_rows(&[Span::raw(description)], width - indent, left);
    let pad = " ".repeat(usize::from(indent));
    out.extend(rows.into_iter().map(|row| {
        let mut spans = vec![Span::raw(pad.clone())];
        spans.extend(row.spans);
        Line::from(spans)
    }));
    out
}

/// "Title. Author. Publisher, 2024-05." in `lang`: the work's own title as written, or our
/// description of it in brackets.
pub fn describe(source: &Source, lang: &str) -> String {
    title(source, lang) + &source.details()
}

/// A source's title in `lang` with what follows it: `Title.`, `[Our description].`,
/// `［我们的描述］`.
fn title(source: &Source, lang: &str) -> String {
    match source.title.get(lang) {
        (own, false) => format!("{own}."),
        (ours, true) => {
            let (open, close) = super::strings::for_lang(lang).supplied;
            format!("{open}{ours}{close}")
        }
    }
}
