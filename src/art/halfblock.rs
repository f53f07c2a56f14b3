//! Drawing prepared art as half-blocks: `▀` with foreground = top pixel, background = bottom,
//! as ordinary cells.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::widgets::Widget;

use super::cells::{CellPair, Prepared};
use super::palette::{ColorMode, ansi256, luma, shade};

/// Draws prepared art centered in its area; never writes outside `area` or the buffer.
pub struct HalfBlocks<'a>(pub &'a Prepared);

impl Widget for HalfBlocks<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let p = self.0;
        let area = area.intersection(buf.area);
        let x0 = area.x + area.width.saturating_sub(p.cols) / 2;
        let y0 = area.y + area.height.saturating_sub(p.rows) / 2;
        let cols = usize::from(p.cols.min(area.width));
        let width = usize::from(buf.area.width);
        for row in 0..p.rows.min(area.height) {
            // One slice per row of the buffer (inside it: `area` is clipped to it).
            let y = usize::from(y0 + row - buf.area.y);
            let start = y * width + usize::from(x0 - buf.area.x);
            let from = usize::from(row) * usize::from(p.cols);
            let (Some(cells), Some(pairs)) = (
                buf.content.get_mut(start..start + cols),
                p.cells.get(from..from + cols),
            ) else {
                continue;
            };
            for (cell, &pair) in cells.iter_mut().zip(pairs) {
                paint(cell, pair, p.mode);
            }
        }
    }
}

fn paint(cell: &mut ratatui::buffer::Cell, (top, bottom): CellPair, mode: ColorMode) {
    if mode == ColorMode::Mono {
        let lum = |p: Option<[u8; 3]>| p.map(luma);
        let l = match (lum(top), lum(bottom)) {
            (Some(a), Some(b)) => (a + b) / 2,
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => return,
        };
        cell.set_symbol(shade(l));
        return;
    }
    let color = |p: [u8; 3]| match mode {
        ColorMode::TrueColor => Color::Rgb(p[0], p[1], p[2]),
        _ => Color::Indexed(ansi256(p)),
    };
    match (top, bottom) {
        (Some(t), Some(b)) => {
            cell.set_symbol("▀").set_fg(color(t)).set_bg(color(b));
        }
        (Some(t), None) => {
            cell.set_symbol("▀").set_fg(color(t)).set_bg(Color::Reset);
        }
        (None, Some(b)) => {
            cell.set_symbol("▄").set_fg(color(b)).set_bg(Color::Reset);
        }
        (None, None) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::RgbaImage;

    #[test]
    fn prepared_art_is_centered_and_clipped() {
        let img = RgbaImage::from_pixel(4, 4, image::Rgba([228, 87, 46, 255]));
        let p = Prepared::new(&img, 10, 2, ColorMode::TrueColor);
        assert_eq!((p.cols, p.rows), (4, 2));
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 2));
        HalfBlocks(&p).render(Rect::new(0, 0, 10, 2), &mut buf);
        // (10 - 4) / 2 = 3 blank columns on the left, art in 3..7.
        assert_eq!(buf[(2, 0)].symbol(), " ");
        assert_eq!(buf[(2, 0)].fg, Color::Reset);
        assert_eq!(buf[(3, 0)].fg, Color::Rgb(228, 87, 46));
        assert_eq!(buf[(6, 1)].bg, Color::Rgb(228, 87, 46));
        assert_eq!(buf[(7, 1)].symbol(), " ");
        // A smaller buffer than the area: nothing is written outside it.
        let mut small = Buffer::empty(Rect::new(0, 0, 3, 1));
        HalfBlocks(&p).render(Rect::new(0, 0, 10, 2), &mut small);
    }

    #[test]
    fn mono_uses_shades_not_colors() {
        let img = RgbaImage::from_pixel(2, 2, image::Rgba([255, 255, 255, 255]));
        let p = Prepared::new(&img, 2, 1, ColorMode::Mono);
        let mut buf = Buffer::empty(Rect::new(0, 0, 2, 1));
        HalfBlocks(&p).render(buf.area, &mut buf);
        assert_eq!(buf[(0, 0)].symbol(), "█");
        assert_eq!(buf[(0, 0)].fg, Color::Reset);
    }
}
