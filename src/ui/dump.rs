//! Serializing a drawn buffer: plain text, or text with SGR colour sequences.

use std::fmt::Write;

use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier, Style};
use unicode_width::UnicodeWidthStr;

/// One line per row, trailing spaces trimmed, each wide character once.
pub fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for row in rows(buf) {
        let line: String = row.iter().map(|c| c.symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Like [`text`], with SGR sequences for colours and modifiers and a reset at each line end.
pub fn ansi(buf: &Buffer) -> String {
    let mut out = String::new();
    for row in rows(buf) {
        let keep = row
            .iter()
            .rposition(|c| c.symbol() != " " || cell_style(c) != Style::reset())
            .map_or(0, |i| i + 1);
        let mut current: Option<Style> = None;
        for cell in &row[..keep] {
            let style = cell_style(cell);
            if current != Some(style) {
                out.push_str(&sgr(style));
                current = Some(style);
            }
            out.push_str(cell.symbol());
        }
        out.push_str("\x1b[0m\n");
    }
    out
}

/// The visible cells of each row: the cells a wide character covers are skipped.
fn rows(buf: &Buffer) -> Vec<Vec<&Cell>> {
    let width = usize::from(buf.area.width);
    if width == 0 {
        return Vec::new();
    }
    buf.content
        .chunks(width)
        .map(|row| {
            let mut skip = 0;
            let mut cells = Vec::new();
            for cell in row {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                skip = cell.symbol().width().saturating_sub(1);
                cells.push(cell);
            }
            cells
        })
        .collect()
}

fn cell_style(cell: &Cell) -> Style {
    Style::reset()
        .fg(cell.fg)
        .bg(cell.bg)
        .add_modifier(cell.modifier)
}

fn sgr(style: Style) -> String {
    let mut codes = vec!["0".to_string()];
    let mods = style.add_modifier;
    for (m, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::SLOW_BLINK, "5"),
        (Modifier::RAPID_BLINK, "6"),
        (Modifier::REVERSED, "7"),
        (Modifier::HIDDEN, "8"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if mods.contains(m) {
            codes.push(code.to_string());
        }
    }
    codes.extend(style.fg.and_then(|c| color(c, 30)));
    codes.extend(style.bg.and_then(|c| color(c, 40)));
    let mut out = String::from("\x1b[");
    let _ = write!(out, "{}m", codes.join(";"));
    out
}

/// SGR parameters for a colour; `base` is 30 for foreground, 40 for background.
fn color(c: Color, base: u8) -> Option<String> {
    let named = |n: u8| Some((base + n).to_string());
    let bright = |n: u8| Some((base + 60 + n).to_string());
    match c {
        Color::Reset => None,
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => bright(0),
        Color::LightRed => bright(1),
        Color::LightGreen => bright(2),
        Color::LightYellow => bright(3),
        Color::LightBlue => bright(4),
        Color::LightMagenta => bright(5),
        Color::LightCyan => bright(6),
        Color::White => bright(7),
        Color::Indexed(i) => Some(format!("{};5;{i}", base + 8)),
        Color::Rgb(r, g, b) => Some(format!("{};2;{r};{g};{b}", base + 8)),
    }
}
