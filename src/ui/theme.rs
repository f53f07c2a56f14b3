//! Named styles for everything the viewer draws.

use ratatui::style::{Color, Modifier, Style};

pub const FRAME: Style = Style::new().fg(Color::Gray);
pub const FRAME_CURRENT: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
/// The overview's cursor.
pub const CURSOR: Style = Style::new()
    .fg(Color::Yellow)
    .add_modifier(Modifier::BOLD.union(Modifier::REVERSED));
/// A search hit where it is drawn.
pub const HIT: Style = Style::new().add_modifier(Modifier::REVERSED);
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

/// The colors a screen is drawn in (`--theme`, resolved against the terminal's background).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Palette {
    #[default]
    Dark,
    Light,
    /// The brightest colors on a dark background (`light: false`), the darkest on a light one.
    HighContrast {
        light: bool,
    },
}

impl Palette {
    /// The palette for `theme` on a terminal whose background is `background`, if known.
    pub fn new(theme: Theme, background: Option<(u8, u8, u8)>) -> Self {
        let light = theme.light(background);
        match theme {
            Theme::HighContrast => Palette::HighContrast { light },
            _ if light => Palette::Light,
            _ => Palette::Dark,
        }
    }
}

/// Recolors a drawn screen for `palette`; with `mono` (`NO_COLOR`) every color goes instead,
/// whatever the palette.
pub fn apply(
    buf: &mut ratatui::buffer::Buffer,
    area: ratatui::layout::Rect,
    status_bar: ratatui::layout::Rect,
    palette: Palette,
    mono: bool,
) {
    match palette {
        _ if mono => apply_mono(buf, area, status_bar),
        Palette::Dark => {}
        Palette::Light => apply_light(buf, area),
        Palette::HighContrast { light } => apply_high_contrast(buf, area, light),
    }
}

/// High contrast on a dark background: bright colors, white text where the dark palette
/// has gray, and a white status bar.
fn on_dark_high(c: Color) -> Color {
    match c {
        Color::Yellow => Color::LightYellow,
        Color::Cyan => Color::LightCyan,
        Color::Green => Color::LightGreen,
        Color::Magenta => Color::LightMagenta,
        Color::Red => Color::LightRed,
        Color::Gray => Color::White,
        Color::DarkGray => Color::Gray,
        other => other,
    }
}

/// High contrast on a light background: the darkest shade of each color, black for gray.
fn on_light_high(c: Color) -> Color {
    match c {
        Color::Yellow => Color::Indexed(94),
        Color::Cyan => Color::Indexed(18),
        Color::Green => Color::Indexed(22),
        Color::Magenta => Color::Indexed(90),
        Color::Red => Color::Indexed(124),
        Color::Gray => Color::Black,
        Color::DarkGray => Color::Indexed(238),
        Color::White => Color::Reset,
        other => other,
    }
}

/// Recolors a drawn screen for high contrast. Text on the terminal's background takes the
/// strongest colors; the status bar (gray background) becomes black on white on a dark
/// terminal, white on black on a light one. Art (RGB and the color cube) is never remapped.
pub fn apply_high_contrast(
    buf: &mut ratatui::buffer::Buffer,
    area: ratatui::layout::Rect,
    light: bool,
) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let Some(cell) = buf.cell_mut((x, y)) else {
                continue;
            };
            if cell.bg == Color::Reset {
                cell.fg = if light {
                    on_light_high(cell.fg)
                } else {
                    on_dark_high(cell.fg)
                };
            } else if cell.bg == Color::Gray {
                (cell.fg, cell.bg) = if light {
                    (Color::White, Color::Black)
                } else {
                    (Color::Black, Color::White)
                };
                cell.modifier.insert(Modifier::BOLD);
            }
        }
    }
}

#[cfg(test)]
mod palette_tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    use super::*;
    use Theme;

    /// Row 0: caption, gray text, art (RGB); row 1: the status bar.
    fn screen() -> (Buffer, Rect, Rect) {
        let area = Rect::new(0, 0, 3, 2);
        let mut buf = Buffer::empty(area);
        buf[(0, 0)].set_style(CAPTION);
        buf[(1, 0)].set_style(FRAME);
        buf[(2, 0)]
            .set_fg(Color::Rgb(200, 10, 10))
            .set_bg(Color::Rgb(1, 2, 3));
        for x in 0..3 {
            buf[(x, 1)].set_style(STATUS);
        }
        (buf, area, Rect::new(0, 1, 3, 1))
    }

    fn drawn(palette: Palette, mono: bool) -> Buffer {
        let (mut buf, area, bar) = screen();
        apply(&mut buf, area, bar, palette, mono);
        buf
    }

    #[test]
    fn palettes_follow_the_theme_and_background() {
        let dark_bg = Some((0, 0, 0));
        let light_bg = Some((250, 250, 250));
        assert_eq!(Palette::new(Theme::Auto, dark_bg), Palette::Dark);
        assert_eq!(Palette::new(Theme::Auto, light_bg), Palette::Light);
        assert_eq!(Palette::new(Theme::Auto, None), Palette::Dark);
        assert_eq!(Palette::new(Theme::Dark, light_bg), Palette::Dark);
        assert_eq!(Palette::new(Theme::Light, dark_bg), Palette::Light);
        assert_eq!(
            Palette::new(Theme::HighContrast, None),
            Palette::HighContrast { light: false }
        );
        assert_eq!(
            Palette::new(Theme::HighContrast, light_bg),
            Palette::HighContrast { light: true }
        );
    }

    #[test]
    fn dark_and_light_are_as_before() {
        let (plain, _, _) = screen();
        assert_eq!(drawn(Palette::Dark, false), plain);
        let light = drawn(Palette::Light, false);
        assert_eq!(light[(0, 0)].fg, Color::Indexed(130));
        assert_eq!(
            light[(1, 1)].bg,
            Color::Gray,
            "the status bar keeps its colors"
        );
    }

    #[test]
    fn high_contrast_strengthens_text_and_the_status_bar_but_not_art() {
        let dark = drawn(Palette::HighContrast { light: false }, false);
        assert_eq!(dark[(0, 0)].fg, Color::LightYellow);
        assert_eq!(dark[(1, 0)].fg, Color::White);
        assert_eq!(
            (dark[(0, 1)].fg, dark[(0, 1)].bg),
            (Color::Black, Color::White)
        );
        let light = drawn(Palette::HighContrast { light: true }, false);
        assert_eq!(light[(0, 0)].fg, Color::Indexed(94));
        assert_eq!(light[(1, 0)].fg, Color::Black);
        assert_eq!(
            (light[(0, 1)].fg, light[(0, 1)].bg),
            (Color::White, Color::Black)
        );
        for b in [&dark, &light] {
            assert_eq!(b[(2, 0)].fg, Color::Rgb(200, 10, 10));
            assert_eq!(b[(2, 0)].bg, Color::Rgb(1, 2, 3));
        }
    }

    #[test]
    fn no_color_wins_over_every_palette() {
        let palettes = [
            Palette::Dark,
            Palette::Light,
            Palette::HighContrast { light: false },
            Palette::HighContrast { light: true },
        ];
        for p in palettes {
            let b = drawn(p, true);
            for cell in b.content() {
                assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{p:?}");
            }
            assert!(b[(0, 1)].modifier.contains(Modifier::REVERSED), "{p:?}");
        }
    }
}

/// The color themes (`--theme`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Theme {
    /// Light if the terminal says its background is light, else dark.
    #[default]
    Auto,
    Dark,
    Light,
    /// Brightest colors on a dark background, darkest on a light one (as detected).
    HighContrast,
}

impl Theme {
    /// Whether to use the light palette (or the light variant of high contrast), given the
    /// terminal's background if known.
    pub fn light(self, background: Option<(u8, u8, u8)>) -> bool {
        match self {
            Theme::Auto | Theme::HighContrast => background.is_some_and(is_light),
            Theme::Dark => false,
            Theme::Light => true,
        }
    }
}
