//! Reading screenshots: does a region show a given PNG, and is a cell text or picture?
//!
//! **Picture match.** The PNG is reduced to a grid of block means (24 blocks across, about 8
//! pixels a block at the lab's sizes; 12 across to search); the screenshot is read through a
//! summed-area table so that any rectangle's block means are cheap. The score is the mean absolute colour error (0-255, averaged over
//! blocks and channels) of the best placement: sizes are the half-block picture's pixels and the
//! PNG fitted (aspect kept) to the art area, slightly smaller too (a protocol may round down);
//! positions range over about one cell around the centred one. Low is a match. A wrong picture,
//! the framed alt text, placeholder glyphs or blank cells score far higher (the tests print both).
//!
//! **Text or picture.** A cell of text holds its background and one ink colour, with
//! anti-aliased pixels in between: every pixel lies near the line from the one colour to the
//! other. A picture cell (sixel, kitty, or a half-block with two colours that are not the
//! background) has pixels off that line.

use std::path::Path;

use image::RgbImage;

use super::layout::{PanelLayout, Rect};

/// Block means of a PNG at two grid sizes: a coarse one to search, a fine one to score.
pub struct Reference {
    /// Natural size of the PNG.
    pub size: (u32, u32),
    coarse: Grid,
    fine: Grid,
}

/// Block means: `gw × gh` blocks.
struct Grid {
    gw: u32,
    gh: u32,
    means: Vec<[f64; 3]>,
}

impl Grid {
    fn new(sat: &Integral, gw: u32) -> Grid {
        let (w, h) = (sat.w, sat.h);
        let gh = ((gw * h) as f64 / w as f64).round().max(1.0) as u32;
        let xs = bounds(0.0, w as f64, gw, w);
        let ys = bounds(0.0, h as f64, gh, h);
        let mut means = Vec::with_capacity((gw * gh) as usize);
        for j in 0..gh as usize {
            for i in 0..gw as usize {
                means.push(sat.mean_px(xs[i], ys[j], xs[i + 1], ys[j + 1]));
            }
        }
        Grid { gw, gh, means }
    }
}

impl Reference {
    pub fn load(path: &Path) -> Reference {
        let img = image::open(path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .to_rgb8();
        let sat = Integral::new(&img);
        Reference {
            size: img.dimensions(),
            coarse: Grid::new(&sat, 12),
            fine: Grid::new(&sat, 24),
        }
    }
}

/// `n + 1` pixel boundaries splitting `[start, start + len)` into `n` blocks, clamped to
/// `[0, max]`.
fn bounds(start: f64, len: f64, n: u32, max: u32) -> Vec<usize> {
    (0..=n)
        .map(|k| {
            (start + len * f64::from(k) / f64::from(n))
                .round()
                .clamp(0.0, f64::from(max)) as usize
        })
        .collect()
}

/// Summed-area table of an RGB image.
pub struct Integral {
    w: u32,
    h: u32,
    /// `(w + 1) × (h + 1)` sums, three channels each.
    sums: Vec<[u64; 3]>,
}

impl Integral {
    pub fn new(img: &RgbImage) -> Integral {
        let (w, h) = img.dimensions();
        let stride = (w + 1) as usize;
        let raw = img.as_raw();
        let mut sums = vec![[0u64; 3]; stride * (h + 1) as usize];
        for y in 0..h as usize {
            let mut row = [0u64; 3];
            for x in 0..w as usize {
                let p = &raw[(y * w as usize + x) * 3..][..3];
                row[0] += u64::from(p[0]);
                row[1] += u64::from(p[1]);
                row[2] += u64::from(p[2]);
                let above = sums[y * stride + x + 1];
                sums[(y + 1) * stride + x + 1] =
                    [above[0] + row[0], above[1] + row[1], above[2] + row[2]];
            }
        }
        Integral { w, h, sums }
    }

    /// Mean colour of the pixels in `[x0, x1) × [y0, y1)` (already clamped); an empty
    /// rectangle reads as black.
    fn mean_px(&self, x0: usize, y0: usize, x1: usize, y1: usize) -> [f64; 3] {
        if x0 >= x1 || y0 >= y1 {
            return [0.0; 3];
        }
        let stride = (self.w + 1) as usize;
        let n = ((x1 - x0) * (y1 - y0)) as f64;
        let (a, b) = (self.sums[y1 * stride + x1], self.sums[y0 * stride + x0]);
        let (c, d) = (self.sums[y1 * stride + x0], self.sums[y0 * stride + x1]);
        [
            (a[0] + b[0] - c[0] - d[0]) as f64 / n,
            (a[1] + b[1] - c[1] - d[1]) as f64 / n,
            (a[2] + b[2] - c[2] - d[2]) as f64 / n,
        ]
    }
}

/// The error of `grid` drawn over the pixel rectangle `(x, y, w, h)`.
fn error_at(sat: &Integral, g: &Grid, x: f64, y: f64, w: f64, h: f64) -> f64 {
    let xs = bounds(x, w, g.gw, sat.w);
    let ys = bounds(y, h, g.gh, sat.h);
    let mut total = 0.0;
    let mut k = 0;
    for j in 0..g.gh as usize {
        for i in 0..g.gw as usize {
            let m = sat.mean_px(xs[i], ys[j], xs[i + 1], ys[j + 1]);
            let e = g.means[k];
            k += 1;
            total += (m[0] - e[0]).abs() + (m[1] - e[1]).abs() + (m[2] - e[2]).abs();
        }
    }
    total / f64::from(3 * g.gw * g.gh)
}

/// The best score of `reference` in the art area of `panel`, and where (pixels).
#[derive(Debug, Clone, Copy)]
pub struct Match {
    pub score: f64,
    pub at: Rect,
}

/// How well the screenshot shows `reference` in `panel`'s art area (see the module docs).
pub fn best_match(sat: &Integral, cell: (u32, u32), panel: &PanelLayout, r: &Reference) -> Match {
    let area = panel.area.px(cell);
    let hb = panel.halfblocks.px(cell);
    let (iw, ih) = (r.size.0 as f64, r.size.1 as f64);
    let fit = (area.w as f64 / iw).min(area.h as f64 / ih);
    let mut sizes = vec![(hb.w as f64, hb.h as f64)];
    for k in [0.0, 0.02, 0.04] {
        sizes.push((iw * fit * (1.0 - k), ih * fit * (1.0 - k)));
    }
    let (cw, ch) = (cell.0 as f64, cell.1 as f64);
    let (rx, ry) = ((cw + 2.0) as i32, (ch + 2.0) as i32);
    // Coarse: the coarse grid every 2 pixels, for every size; then the fine grid every pixel
    // around the best place of each size.
    let mut best = Match {
        score: f64::MAX,
        at: area,
    };
    for &(w, h) in &sizes {
        let cx = area.x as f64 + (area.w as f64 - w) / 2.0;
        let cy = area.y as f64 + (area.h as f64 - h) / 2.0;
        let mut coarse = (f64::MAX, cx, cy);
        for dy in (-ry..=ry).step_by(2) {
            for dx in (-rx..=rx).step_by(2) {
                let (x, y) = (cx + f64::from(dx), cy + f64::from(dy));
                let e = error_at(sat, &r.coarse, x, y, w, h);
                if e < coarse.0 {
                    coarse = (e, x, y);
                }
            }
        }
        for dy in -1..=1 {
            for dx in -1..=1 {
                let (x, y) = (coarse.1 + f64::from(dx), coarse.2 + f64::from(dy));
                let e = error_at(sat, &r.fine, x, y, w, h);
                if e < best.score {
                    best = Match {
                        score: e,
                        at: Rect {
                            x: x.round().max(0.0) as u32,
                            y: y.round().max(0.0) as u32,
                            w: w.round() as u32,
                            h: h.round() as u32,
                        },
                    };
                }
            }
        }
    }
    best
}

/// The score of `reference` at exactly `at` (pixels): for "is the old picture still there?".
pub fn score_at(sat: &Integral, r: &Reference, at: Rect) -> f64 {
    error_at(
        sat,
        &r.fine,
        at.x as f64,
        at.y as f64,
        at.w as f64,
        at.h as f64,
    )
}

fn dist(a: [f64; 3], b: [f64; 3]) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

/// The distance from `p` to the segment `a`–`b`.
fn off_segment(p: [f64; 3], a: [f64; 3], b: [f64; 3]) -> f64 {
    let ab = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
    let len2 = ab[0] * ab[0] + ab[1] * ab[1] + ab[2] * ab[2];
    if len2 == 0.0 {
        return dist(p, a);
    }
    let t = (((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1] + (p[2] - a[2]) * ab[2]) / len2)
        .clamp(0.0, 1.0);
    dist(p, [a[0] + t * ab[0], a[1] + t * ab[1], a[2] + t * ab[2]])
}

/// What one cell of a screenshot looks like.
#[derive(Debug, Clone, Copy)]
pub struct CellLook {
    /// Share of pixels off the line between the cell's background and its ink (0..1).
    pub off_line: f64,
    /// Share of pixels that differ from `bg` (the expected background; 0..1).
    pub ink: f64,
}

impl CellLook {
    /// Pixels of two or more colours that are not background-and-ink (a textured picture),
    /// or a cell almost all of a colour that is not the background (a flat picture, or a
    /// half-block with two non-background halves): a picture.
    pub fn is_picture(&self) -> bool {
        self.off_line > 0.12 || self.ink > 0.8
    }
}

fn px(img: &RgbImage, x: u32, y: u32) -> [f64; 3] {
    let p = img.get_pixel(x, y).0;
    [f64::from(p[0]), f64::from(p[1]), f64::from(p[2])]
}

/// The most common colour of a pixel rectangle.
pub fn dominant(img: &RgbImage, r: Rect) -> [f64; 3] {
    let mut counts: std::collections::HashMap<[u8; 3], u32> = Default::default();
    for y in r.y..(r.y + r.h).min(img.height()) {
        for x in r.x..(r.x + r.w).min(img.width()) {
            *counts.entry(img.get_pixel(x, y).0).or_default() += 1;
        }
    }
    let best = counts
        .into_iter()
        .max_by_key(|e| e.1)
        .map_or([0; 3], |e| e.0);
    [f64::from(best[0]), f64::from(best[1]), f64::from(best[2])]
}

/// How cell `(cx, cy)` looks; `bg` is the background the caller expects there (`None`: the
/// cell's own most common colour).
pub fn cell_look(
    img: &RgbImage,
    cell: (u32, u32),
    cx: u32,
    cy: u32,
    bg: Option<[f64; 3]>,
) -> CellLook {
    let r = Rect {
        x: cx * cell.0,
        y: cy * cell.1,
        w: cell.0,
        h: cell.1,
    };
    let own = dominant(img, r);
    let bg = bg.unwrap_or(own);
    let mut pixels = vec![];
    for y in r.y..(r.y + r.h).min(img.height()) {
        for x in r.x..(r.x + r.w).min(img.width()) {
            pixels.push(px(img, x, y));
        }
    }
    let n = pixels.len().max(1) as f64;
    // The ink: the pixel farthest from the cell's own background.
    let ink_colour = pixels
        .iter()
        .copied()
        .max_by(|a, b| dist(*a, own).total_cmp(&dist(*b, own)))
        .unwrap_or(own);
    let off = pixels
        .iter()
        .filter(|&&p| off_segment(p, own, ink_colour) > 48.0)
        .count() as f64;
    let ink = pixels.iter().filter(|&&p| dist(p, bg) > 48.0).count() as f64;
    CellLook {
        off_line: off / n,
        ink: ink / n,
    }
}

/// Cells of `region` (cells) that look like a picture, on a screen whose background is `bg`.
pub fn picture_cells(
    img: &RgbImage,
    cell: (u32, u32),
    region: Rect,
    bg: [f64; 3],
) -> Vec<(u32, u32)> {
    let mut out = vec![];
    for cy in region.y..region.y + region.h {
        for cx in region.x..region.x + region.w {
            if cell_look(img, cell, cx, cy, Some(bg)).is_picture() {
                out.push((cx, cy));
            }
        }
    }
    out
}

/// Whether cell `(cx, cy)` is two flat colours, one above the other, as a half-block is
/// (the first and last pixel rows and the few around the middle are left out: a font's `▀`
/// may be anti-aliased at its edges and split the cell a pixel higher or lower).
pub fn is_flat_halves(img: &RgbImage, cell: (u32, u32), cx: u32, cy: u32) -> bool {
    let (cw, ch) = cell;
    let (x0, y0) = (cx * cw, cy * ch);
    let mid = ch / 2;
    let flat = |ys: std::ops::Range<u32>| {
        let pixels: Vec<[f64; 3]> = ys
            .flat_map(|y| (x0..x0 + cw).map(move |x| (x, y)))
            .filter(|&(x, y)| x < img.width() && y < img.height())
            .map(|(x, y)| px(img, x, y))
            .collect();
        let n = pixels.len().max(1) as f64;
        let mut mean = [0.0; 3];
        for p in &pixels {
            for c in 0..3 {
                mean[c] += p[c] / n;
            }
        }
        pixels.iter().all(|&p| dist(p, mean) < 24.0)
    };
    flat(y0 + 1..y0 + mid.saturating_sub(2)) && flat(y0 + mid + 2..y0 + ch - 1)
}
