//! OSC 8 hyperlinks for web addresses in the live viewer: a terminal that knows them makes
//! the address clickable, one that does not ignores the sequence. The addresses come from the
//! story: only `http`/`https`, already sanitized (no control character can reach here), and
//! only text drawn underlined in [`super::theme::LINK`] is linked.

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use std::num::NonZeroU16;

/// Whether `url` may become a link.
pub fn is_web(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// One row's stretch of underlined cells: row, first and last column, and its text.
struct Run {
    y: u16,
    x0: u16,
    x1: u16,
    text: String,
}

fn runs(buf: &Buffer, area: Rect) -> Vec<Run> {
    let mut out = Vec::new();
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let linked = |x: u16| {
                buf.cell((x, y))
                    .is_some_and(|c| c.modifier.contains(Modifier::UNDERLINED))
            };
            if !linked(x) {
                x += 1;
                continue;
            }
            let x0 = x;
            let mut text = String::new();
            while x < area.right() && linked(x) {
                text.push_str(buf.cell((x, y)).map_or("", |c| c.symbol()));
                x += 1;
            }
            out.push(Run {
                y,
                x0,
                x1: x - 1,
                text,
            });
        }
    }
    out
}

/// Makes each underlined address in `area` an OSC 8 link. An address wrapped over rows (a
/// run that ends at the area's right edge, continued at the next row's left edge) is one link,
/// opened and closed on each of its rows.
pub fn apply(buf: &mut Buffer, area: Rect) {
    let runs = runs(buf, area);
    let mut i = 0;
    while i < runs.len() {
        let mut j = i;
        let mut url = runs[i].text.clone();
        while j + 1 < runs.len()
            && runs[j].x1 + 1 == area.right()
            && runs[j + 1].x0 == area.left()
            && runs[j + 1].y == runs[j].y + 1
        {
            j += 1;
            url.push_str(&runs[j].text);
        }
        if is_web(&url) {
            runs[i..=j].iter().for_each(|r| link_run(buf, r, &url));
        }
        i = j + 1;
    }
}

fn link_run(buf: &mut Buffer, run: &Run, url: &str) {
    let one = CellDiffOption::ForcedWidth(NonZeroU16::MIN);
    if let Some(cell) = buf.cell_mut((run.x0, run.y)) {
        let symbol = format!("\x1b]8;;{url}\x1b\\{}", cell.symbol());
        cell.set_symbol(&symbol).set_diff_option(one);
    }
    if let Some(cell) = buf.cell_mut((run.x1, run.y)) {
        let symbol = format!("{}\x1b]8;;\x1b\\", cell.symbol());
        cell.set_symbol(&symbol).set_diff_option(one);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    fn underlined(buf: &mut Buffer, y: u16, x: u16, text: &str) {
        buf.set_string(x, y, text, Style::new().add_modifier(Modifier::UNDERLINED));
    }

    #[test]
    fn a_wrapped_address_is_one_link_opened_and_closed_on_each_row() {
        let area = Rect::new(0, 0, 10, 3);
        let mut buf = Buffer::empty(area);
        underlined(&mut buf, 0, 2, "https://");
        underlined(&mut buf, 1, 0, "a.example/");
        underlined(&mut buf, 2, 0, "x");
        apply(&mut buf, area);
        let url = "https://a.example/x";
        let open = format!("\x1b]8;;{url}\x1b\\");
        assert_eq!(buf[(2, 0)].symbol(), format!("{open}h"));
        assert_eq!(buf[(9, 0)].symbol(), "/\x1b]8;;\x1b\\");
        assert_eq!(buf[(0, 1)].symbol(), format!("{open}a"));
        assert_eq!(buf[(0, 2)].symbol(), format!("{open}x\x1b]8;;\x1b\\"));
    }

    #[test]
    fn only_web_addresses_become_links() {
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "ftp://x",
            "http://a b",
        ] {
            assert!(!is_web(bad), "{bad}");
        }
        let area = Rect::new(0, 0, 30, 1);
        let mut buf = Buffer::empty(area);
        underlined(&mut buf, 0, 0, "javascript:alert(1)");
        let before = buf.clone();
        apply(&mut buf, area);
        assert_eq!(buf, before);
    }
}
