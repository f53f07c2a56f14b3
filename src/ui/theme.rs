//! Named styles for everything the viewer draws.

use ratatui::style::{Color, Modifier, Style};

pub const FRAME: Style = Style::new().fg(Color::Gray);
pub const FRAME_CURRENT: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
/// A panel frame's "2 notes" badge.
pub const BADGE: Style = Style::new().fg(Color::Yellow);
pub const ART_FRAME: Style = Style::new().fg(Color::DarkGray);
pub const ALT: Style = Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC);
pub const CAPTION: Style = Style::new().fg(Color::Yellow);
pub const NARRATION: Style = Style::new()
    .fg(Color::Yellow)
    .add_modifier(Modifier::ITALIC);
pub const SPEAKER: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const SPEECH: Style = Style::new();
pub const THOUGHT: Style = Style::new().add_modifier(Modifier::ITALIC);
/// Thoughts in CJK: a color instead of a slant.
pub const THOUGHT_CJK: Style = Style::new().fg(Color::Gray);
pub const SIGN: Style = Style::new().fg(Color::Green).add_modifier(Modifier::BOLD);
pub const SOUND: Style = Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD);
pub const STATUS: Style = Style::new().fg(Color::Black).bg(Color::Gray);
pub const STATUS_ALERT: Style = Style::new()
    .fg(Color::White)
    .bg(Color::Red)
    .add_modifier(Modifier::BOLD);
/// Overlays use the terminal's own colors: readable on light and dark backgrounds alike.
pub const OVERLAY: Style = Style::new().fg(Color::Reset).bg(Color::Reset);
pub const HEADING: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const NOTE_KIND: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
pub const DISPUTED: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
pub const CITE: Style = Style::new().fg(Color::Cyan);
pub const KEY: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
pub const WARNING: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);

/// `style`, without its slant where the script is not to be slanted (CJK).
pub fn slanted(style: Style, italics: bool) -> Style {
    if italics {
        style
    } else {
        style.remove_modifier(Modifier::ITALIC)
    }
}

/// Whether a background color is light (relative luminance over one half).
pub fn is_light((r, g, b): (u8, u8, u8)) -> bool {
    let l = 0.2126 * f32::from(r) + 0.7152 * f32::from(g) + 0.0722 * f32::from(b);
    l > 127.5
}

/// The light palette: the named colors above, darkened to read on a light background.
/// Art is drawn in RGB or the 6×6×6 cube and is never remapped.
fn on_light(c: Color) -> Color {
    match c {
        Color::Yellow => Color::Indexed(130),
        Color::Cyan => Color::Indexed(25),
        Color::Green => Color::Indexed(28),
        Color::Magenta => Color::Indexed(127),
        Color::Red => Color::Indexed(160),
        Color::Gray => Color::Indexed(240),
        Color::DarkGray => Color::Indexed(245),
        Color::White => Color::Reset,
        other => other,
    }
}

/// Recolors a drawn screen for a light background (foregrounds only: the status bar keeps
/// its own background and text colors).
pub fn apply_light(buf: &mut ratatui::buffer::Buffer, area: ratatui::layout::Rect) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if let Some(cell) = buf.cell_mut((x, y))
                && cell.bg == Color::Reset
            {
                cell.fg = on_light(cell.fg);
            }
        }
    }
}

/// `NO_COLOR`: every color goes (the terminal's own are used), emphasis stays, and the status
/// bar, which colors alone set apart, is drawn reversed.
pub fn apply_mono(
    buf: &mut ratatui::buffer::Buffer,
    area: ratatui::layout::Rect,
    status_bar: ratatui::layout::Rect,
) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.fg = Color::Reset;
                cell.bg = Color::Reset;
                if status_bar.contains(ratatui::layout::Position { x, y }) {
                    cell.modifier.insert(Modifier::REVERSED);
                }
            }
        }
    }
}
