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
///
/// A style change normally resets (`0;…`) and states the whole new style. Between two cells
/// that both have explicit foreground and background colours and the same modifiers (runs of
/// half-block art), only the colour that changed is sent: the same picture in fewer bytes.
pub fn ansi(buf: &Buffer) -> String {
    let mut out = String::with_capacity(buf.content.len() * 8);
    for row in rows(buf) {
        let keep = row
            .iter()
            .rposition(|c| c.symbol() != " " || cell_style(c) != Style::reset())
            .map_or(0, |i| i + 1);
        let mut current: Option<Style> = None;
        for cell in &row[..keep] {
            let style = cell_style(cell);
            match current {
                Some(old) if old == style => {}
                Some(old) if colour_run(old, style) => sgr_delta(&mut out, old, style),
                _ => sgr(&mut out, style),
            }
            current = Some(style);
            out.push_str(cell.symbol());
        }
        out.push_str("\x1b[0m\n");
    }
    out
}

/// Both styles set both colours and share modifiers: only changed colours need sending.
fn colour_run(old: Style, new: Style) -> bool {
    let explicit = |s: Style| {
        s.fg.is_some_and(|c| c != Color::Reset) && s.bg.is_some_and(|c| c != Color::Reset)
    };
    explicit(old) && explicit(new) && old.add_modifier == new.add_modifier
}

fn sgr_delta(out: &mut String, old: Style, new: Style) {
    out.push_str("\x1b[");
    let mut first = true;
    for (was, now, base) in [(old.fg, new.fg, 30), (old.bg, new.bg, 40)] {
        if was != now
            && let Some(c) = now
        {
            if !first {
                out.push(';');
            }
            first = false;
            color(out, c, base);
        }
    }
    out.push('m');
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

fn sgr(out: &mut String, style: Style) {
    out.push_str("\x1b[0");
    let mods = style.add_modifier;
    for (m, code) in [
        (Modifier::BOLD, ";1"),
        (Modifier::DIM, ";2"),
        (Modifier::ITALIC, ";3"),
        (Modifier::UNDERLINED, ";4"),
        (Modifier::SLOW_BLINK, ";5"),
        (Modifier::RAPID_BLINK, ";6"),
        (Modifier::REVERSED, ";7"),
        (Modifier::HIDDEN, ";8"),
        (Modifier::CROSSED_OUT, ";9"),
    ] {
        if mods.contains(m) {
            out.push_str(code);
        }
    }
    for (c, base) in [(style.fg, 30), (style.bg, 40)] {
        if let Some(c) = c.filter(|c| *c != Color::Reset) {
            out.push(';');
            color(out, c, base);
        }
    }
    out.push('m');
}

/// Appends the SGR parameters for a colour; `base` is 30 for foreground, 40 for background.
/// `Reset` appends the default-colour code (39 or 49).
fn color(out: &mut String, c: Color, base: u8) {
    let code = match c {
        Color::Reset => base + 9,
        Color::Black => base,
        Color::Red => base + 1,
        Color::Green => base + 2,
        Color::Yellow => base + 3,
        Color::Blue => base + 4,
        Color::Magenta => base + 5,
        Color::Cyan => base + 6,
        Color::Gray => base + 7,
        Color::DarkGray => base + 60,
        Color::LightRed => base + 61,
        Color::LightGreen => base + 62,
        Color::LightYellow => base + 63,
        Color::LightBlue => base + 64,
        Color::LightMagenta => base + 65,
        Color::LightCyan => base + 66,
        Color::White => base + 67,
        Color::Indexed(i) => {
            let _ = write!(out, "{};5;{i}", base + 8);
            return;
        }
        Color::Rgb(r, g, b) => {
            let _ = write!(out, "{};2;{r};{g};{b}", base + 8);
            return;
        }
    };
    let _ = write!(out, "{code}");
}
