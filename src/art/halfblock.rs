//! Half-block art: two pixels per cell (`▀` with foreground = top, background = bottom),
//! prepared once per area size and drawn as ordinary cells.

use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer, images};
use image::RgbaImage;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::widgets::Widget;

/// How art colors reach the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColorMode {
    /// 24-bit colors.
    TrueColor,
    /// The xterm 256-color palette.
    Ansi256,
    /// No colors (`NO_COLOR`): shade characters by brightness.
    Mono,
}

impl ColorMode {
    /// From the environment: `NO_COLOR` wins, then `COLORTERM=truecolor|24bit`.
    pub fn detect() -> Self {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            return ColorMode::Mono;
        }
        match std::env::var("COLORTERM").as_deref() {
            Ok("truecolor" | "24bit") => ColorMode::TrueColor,
            _ => ColorMode::Ansi256,
        }
    }
}

/// One cell: the top and bottom pixel, `None` where transparent.
pub type CellPair = (Option<[u8; 3]>, Option<[u8; 3]>);

/// Art fitted to an area: `cols × rows` cells, to be centered in the area it was made for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    pub cols: u16,
    pub rows: u16,
    pub mode: ColorMode,
    pub cells: Vec<CellPair>,
}

impl Prepared {
    /// Scales `image` to fit `cols × rows` cells (two pixels per cell vertically), keeping
    /// its aspect ratio.
    pub fn new(image: &RgbaImage, cols: u16, rows: u16, mode: ColorMode) -> Self {
        let (pw, ph) = fit(
            image.width(),
            image.height(),
            u32::from(cols),
            u32::from(rows) * 2,
        );
        if pw == 0 || ph == 0 {
            return Self {
                cols: 0,
                rows: 0,
                mode,
                cells: Vec::new(),
            };
        }
        let scaled = resize(image, pw, ph);
        let px = scaled.as_raw();
        let pixel = |x: u32, y: u32| {
            let i = (y as usize * pw as usize + x as usize) * 4;
            px.get(i..i + 4)
                .filter(|p| p[3] >= 128)
                .map(|p| [p[0], p[1], p[2]])
        };
        let rows_out = ph.div_ceil(2);
        let mut cells = Vec::with_capacity(rows_out as usize * pw as usize);
        for r in 0..rows_out {
            cells.extend((0..pw).map(|x| (pixel(x, r * 2), pixel(x, r * 2 + 1))));
        }
        let to_u16 = |v: u32| u16::try_from(v).unwrap_or(u16::MAX);
        Self {
            cols: to_u16(pw),
            rows: to_u16(rows_out),
            mode,
            cells,
        }
    }

    /// Rough memory use, for the cache's bound.
    pub fn bytes(&self) -> usize {
        self.cells.len() * std::mem::size_of::<CellPair>() + std::mem::size_of::<Self>()
    }
}

/// Scales `image` to exactly `w × h` with a triangle (bilinear) filter whose support grows with
/// the reduction, so every source pixel counts (like `imageops::resize` with `Triangle`, but
/// SIMD and in integers; alpha is premultiplied while filtering).
pub fn resize(image: &RgbaImage, w: u32, h: u32) -> RgbaImage {
    if (w, h) == image.dimensions() {
        return image.clone();
    }
    let fast = || {
        let src = images::ImageRef::new(
            image.width(),
            image.height(),
            image.as_raw(),
            PixelType::U8x4,
        )
        .ok()?;
        let mut dst = images::Image::new(w, h, PixelType::U8x4);
        // Premultiplying copies the whole source; opaque images (most art) need not.
        let opaque = image.as_raw().chunks_exact(4).fold(255u8, |a, p| a & p[3]) == 255;
        let options = ResizeOptions::new()
            .resize_alg(ResizeAlg::Convolution(FilterType::Bilinear))
            .use_alpha(!opaque);
        Resizer::new().resize(&src, &mut dst, &options).ok()?;
        RgbaImage::from_raw(w, h, dst.into_vec())
    };
    fast().unwrap_or_else(|| {
        image::imageops::resize(image, w, h, image::imageops::FilterType::Triangle)
    })
}

/// The largest `w × h` with the image's aspect ratio inside `max_w × max_h`.
pub fn fit(iw: u32, ih: u32, max_w: u32, max_h: u32) -> (u32, u32) {
    if iw == 0 || ih == 0 || max_w == 0 || max_h == 0 {
        return (0, 0);
    }
    let (iw, ih, max_w, max_h) = (
        u64::from(iw),
        u64::from(ih),
        u64::from(max_w),
        u64::from(max_h),
    );
    let (w, h) = if iw * max_h <= ih * max_w {
        // Height-bound.
        ((iw * max_h + ih / 2) / ih, max_h)
    } else {
        (max_w, (ih * max_w + iw / 2) / iw)
    };
    let clamp = |v: u64, max: u64| u32::try_from(v.clamp(1, max)).unwrap_or(1);
    (clamp(w, max_w), clamp(h, max_h))
}

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

fn luma(p: [u8; 3]) -> u16 {
    (u16::from(p[0]) * 3 + u16::from(p[1]) * 6 + u16::from(p[2])) / 10
}

/// Brightness to a shade character (light pixels print as dense glyphs on a dark terminal).
fn shade(l: u16) -> &'static str {
    match l {
        0..=40 => " ",
        41..=100 => "░",
        101..=160 => "▒",
        161..=220 => "▓",
        _ => "█",
    }
}

/// Nearest color in the xterm 256 palette (6×6×6 cube or the grey ramp).
pub fn ansi256([r, g, b]: [u8; 3]) -> u8 {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    let level = |v: u8| {
        let i = LEVELS
            .iter()
            .enumerate()
            .min_by_key(|(_, l)| (i32::from(**l) - i32::from(v)).abs());
        i.map_or(0, |(i, _)| i)
    };
    let (ri, gi, bi) = (level(r), level(g), level(b));
    let cube = [LEVELS[ri], LEVELS[gi], LEVELS[bi]];
    let grey_i = ((u16::from(r) + u16::from(g) + u16::from(b)) / 3).saturating_sub(3) / 10;
    let grey_i = grey_i.min(23);
    let grey_v = u8::try_from(8 + grey_i * 10).unwrap_or(238);
    let dist = |c: [u8; 3]| {
        let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
        d(c[0], r) + d(c[1], g) + d(c[2], b)
    };
    let cube_idx = u8::try_from(16 + 36 * ri + 6 * gi + bi).unwrap_or(16);
    if dist([grey_v; 3]) < dist(cube) {
        232 + u8::try_from(grey_i).unwrap_or(0)
    } else {
        cube_idx
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_keeps_aspect_and_bounds() {
        assert_eq!(fit(640, 480, 60, 36), (48, 36));
        assert_eq!(fit(800, 400, 60, 60), (60, 30));
        assert_eq!(fit(1, 1, 10, 4), (4, 4));
        assert_eq!(fit(100_000, 1, 10, 10), (10, 1));
        assert_eq!(fit(0, 5, 10, 10), (0, 0));
    }

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
    fn ansi256_maps_pure_and_grey_colors() {
        assert_eq!(ansi256([255, 0, 0]), 196);
        assert_eq!(ansi256([0, 0, 0]), 16);
        assert_eq!(ansi256([128, 128, 128]), 244);
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
