//! Search hits where they are drawn: every match in a text shown reversed.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::Span;

use super::{ViewCtx, theme};
use crate::search::Where;

/// The byte ranges of the hits in the text at `place` of panel `number`, in the language
/// shown. Hits come in reading order, so the panel's are found by binary search: a frame costs
/// the same with 20 hits or 200,000 elsewhere in the story.
pub fn ranges(ctx: &ViewCtx, number: usize, place: impl Fn(&Where) -> bool) -> Vec<Range<usize>> {
    let Some(lang) = ctx.story.languages.iter().position(|l| l == ctx.lang) else {
        return Vec::new();
    };
    let first = ctx.hits.partition_point(|h| h.number < number);
    ctx.hits[first..]
        .iter()
        .take_while(|h| h.number == number)
        .filter(|h| h.lang == lang && place(&h.place))
        .map(|h| h.range.clone())
        .collect()
}

/// `text` in `style` with each of `ranges` reversed. A range that overlaps an earlier one or
/// does not fall on character boundaries is left unmarked.
pub fn marked<'a>(text: &'a str, style: Style, ranges: &[Range<usize>]) -> Vec<Span<'a>> {
    let mut sorted = ranges.to_vec();
    sorted.sort_by_key(|r| r.start);
    let mut out = Vec::new();
    let mut at = 0;
    for r in sorted {
        let (Some(before), Some(found)) = (text.get(at..r.start), text.get(r.clone())) else {
            continue;
        };
        if !before.is_empty() {
            out.push(Span::styled(before, style));
        }
        out.push(Span::styled(found, style.patch(theme::HIT)));
        at = r.end;
    }
    if at < text.len() || out.is_empty() {
        out.push(Span::styled(&text[at..], style));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(spans: &[Span]) -> String {
        spans
            .iter()
            .map(|s| {
                if s.style == Style::default() {
                    s.content.to_string()
                } else {
                    format!("[{}]", s.content)
                }
            })
            .collect()
    }

    #[test]
    fn every_range_is_marked_in_order_and_bad_ranges_are_skipped() {
        let t = "roses, more roses, 玫瑰";
        let plain = Style::default();
        assert_eq!(
            shown(&marked(t, plain, &[12..17, 0..5])),
            "[roses], more [roses], 玫瑰"
        );
        assert_eq!(
            shown(&marked(t, plain, &[0..5, 2..7])),
            "[roses], more roses, 玫瑰"
        );
        // Inside a CJK character, or past the end: not marked, nothing lost.
        assert_eq!(shown(&marked(t, plain, &[20..22, 30..40])), t);
        assert_eq!(
            shown(&marked(t, plain, &[19..25, 30..40])),
            "roses, more roses, [玫瑰]"
        );
        assert_eq!(shown(&marked("", plain, &[])), "");
    }
}
