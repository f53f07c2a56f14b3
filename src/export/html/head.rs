//! The document's head: the Content-Security-Policy, the style sheet with each page's grid, and
//! the optional language switch.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::story::{Cell, Story};

const STYLE: &str = include_str!("style.css");
const SWITCH: &str = include_str!("switch.js");

/// The class that places a panel on its page's grid.
pub fn cell_class(c: Cell) -> String {
    format!("at-{}-{}-{}-{}", c.row, c.col, c.row_span, c.col_span)
}

/// The class of a page grid with `cols` columns.
pub fn grid_class(cols: u16) -> String {
    format!("cols-{}", cols.max(1))
}

/// A CSS rule for every grid and placement the story uses. Only numbers go into it, never a
/// story string, so the style sheet needs no escaping.
pub fn grid_rules(story: &Story) -> String {
    let cols: BTreeSet<u16> = story.pages.iter().map(|p| p.cols.max(1)).collect();
    let cells: BTreeSet<(u16, u16, u16, u16)> = story
        .panels()
        .map(|p| (p.cell.row, p.cell.col, p.cell.row_span, p.cell.col_span))
        .collect();
    let mut css = String::new();
    for n in cols {
        let _ = writeln!(
            css,
            ".{}{{grid-template-columns:repeat({n},minmax(0,1fr))}}",
            grid_class(n)
        );
    }
    for (row, col, row_span, col_span) in cells {
        let cell = Cell {
            row,
            col,
            row_span,
            col_span,
        };
        let _ = writeln!(
            css,
            ".{}{{grid-area:{}/{}/span {}/span {}}}",
            cell_class(cell),
            u32::from(row) + 1,
            u32::from(col) + 1,
            row_span.max(1),
            col_span.max(1)
        );
    }
    css
}

/// Rules that show one language's variants once the switch picks it (`data-show` on the root).
fn switch_rules(languages: usize) -> String {
    (0..languages)
        .map(|i| {
            format!("html[data-show=\"{i}\"] [data-v]:not([data-v=\"{i}\"]){{display:none}}\n")
        })
        .collect()
}

/// `'sha256-…'` for a CSP source list.
fn hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The language switch's `<script>` element, for the end of the body (it looks for the switch,
/// which must be parsed by then).
pub fn script() -> String {
    format!("<script>{SWITCH}</script>\n")
}

/// Everything from `<head>` to `</head>`. `title` is already escaped; `switch` is the number of
/// languages with a switch (0 for none: then the policy allows no script at all).
pub fn write(title: &str, story: &Story, switch: usize) -> String {
    let style = format!("{STYLE}{}{}", grid_rules(story), switch_rules(switch));
    let script_src = if switch > 0 {
        hash(SWITCH)
    } else {
        "'none'".to_string()
    };
    let csp = format!(
        "default-src 'none'; img-src data:; style-src {}; script-src {script_src}; \
         base-uri 'none'; form-action 'none'",
        hash(&style)
    );
    format!(
        "<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"generator\" content=\"comicterm\">\n\
         <title>{title}</title>\n<style>{style}</style>\n</head>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_placed_one_based_with_spans() {
        let c = Cell {
            row: 1,
            col: 0,
            row_span: 2,
            col_span: 3,
        };
        assert_eq!(cell_class(c), "at-1-0-2-3");
        let story = crate::story::load(&crate::story::StorySource::Builtin)
            .story
            .unwrap();
        let css = grid_rules(&story);
        for page in &story.pages {
            assert!(css.contains(&format!(".cols-{}{{", page.cols)), "{css}");
            for p in &page.panels {
                let rule = format!(
                    ".{}{{grid-area:{}/{}/span {}/span {}}}",
                    cell_class(p.cell),
                    p.cell.row + 1,
                    p.cell.col + 1,
                    p.cell.row_span,
                    p.cell.col_span
                );
                assert!(css.contains(&rule), "{rule} missing from {css}");
            }
        }
    }

    #[test]
    fn the_policy_hashes_exactly_what_the_head_holds() {
        let story = crate::story::load(&crate::story::StorySource::Builtin)
            .story
            .unwrap();
        let head = write("T", &story, 2);
        let style = head
            .split("<style>")
            .nth(1)
            .and_then(|s| s.split("</style>").next())
            .unwrap();
        assert!(head.contains(&format!("style-src {};", hash(style))));
        assert!(head.contains(&format!("script-src {};", hash(SWITCH))));
        assert!(head.contains("default-src 'none'; img-src data:;"));
        let plain = write("T", &story, 0);
        assert!(plain.contains("script-src 'none'"));
        assert_eq!(script(), format!("<script>{SWITCH}</script>\n"));
        // A known SHA-256 (of the empty string), as CSP writes it.
        assert_eq!(
            hash(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
    }
}
