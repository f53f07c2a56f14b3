//! The DC planes to RGBA, upsampled and colour-converted the way `jpeg-decoder` does it
//! (its "fancy" triangle filters, its fixed-point YCbCr), so both paths give the same picture.

use image::RgbaImage;

use super::scan::Plane;
use super::segments::Layout;

/// One component as the upsampler sees it.
struct Source<'a> {
    plane: &'a Plane,
    /// Samples per row and rows that belong to the image.
    width: usize,
    height: usize,
    /// Whether it is stretched 2× across and down.
    wide: bool,
    tall: bool,
}

/// The image at 1/8 scale: ⌈width/8⌉ × ⌈height/8⌉.
pub fn to_rgba(layout: &Layout, planes: &[Plane]) -> Option<RgbaImage> {
    let (ow, oh) = (layout.width.div_ceil(8), layout.height.div_ceil(8));
    let (hmax, vmax) = (layout.max_h(), layout.max_v());
    let sources: Vec<Source> = layout
        .components
        .iter()
        .zip(planes)
        .map(|(c, plane)| Source {
            plane,
            width: (layout.width * c.h).div_ceil(hmax * 8),
            height: (layout.height * c.v).div_ceil(vmax * 8),
            wide: c.h != hmax && ow != 1,
            tall: c.v != vmax && oh != 1,
        })
        .collect();
    let mut out = Vec::new();
    out.try_reserve_exact(ow * oh * 4).ok()?;
    let mut lines = vec![vec![0u8; ow + 1]; sources.len()];
    for row in 0..oh {
        for (source, line) in sources.iter().zip(lines.iter_mut()) {
            upsample_row(source, row, ow, line);
        }
        match lines.as_slice() {
            [grey] => out.extend(grey[..ow].iter().flat_map(|&g| [g, g, g, 255])),
            [y, cb, cr] => {
                for i in 0..ow {
                    let [r, g, b] = ycbcr_to_rgb(y[i], cb[i], cr[i]);
                    out.extend_from_slice(&[r, g, b, 255]);
                }
            }
            _ => return None,
        }
    }
    RgbaImage::from_raw(ow as u32, oh as u32, out)
}

/// Fills `line[..width]` with row `row` of the output for one component.
fn upsample_row(source: &Source, row: usize, width: usize, line: &mut [u8]) {
    let stride = source.plane.stride;
    let at = |r: usize| &source.plane.data[r * stride..r * stride + source.width];
    if !source.tall {
        let input = at(row);
        if source.wide {
            stretch(input, line);
        } else {
            line[..width].copy_from_slice(&input[..width]);
        }
        return;
    }
    // Between two source rows: the nearer weighs 3, the farther 1.
    let near = row / 2;
    let far = if row.is_multiple_of(2) {
        near.saturating_sub(1)
    } else {
        (near + 1).min(source.height - 1)
    };
    let (near, far) = (at(near), at(far));
    if source.wide {
        blend_stretch(near, far, line);
    } else {
        for i in 0..width {
            line[i] = ((3 * u32::from(near[i]) + u32::from(far[i]) + 2) >> 2) as u8;
        }
    }
}

/// A row stretched 2× across with the triangle filter (`jpeg-decoder`'s H2V1).
fn stretch(input: &[u8], out: &mut [u8]) {
    let n = input.len();
    let s = |i: usize| u32::from(input[i]);
    if n == 1 {
        out[..2].fill(input[0]);
        return;
    }
    out[0] = input[0];
    out[1] = ((s(0) * 3 + s(1) + 2) >> 2) as u8;
    for i in 1..n - 1 {
        let centre = 3 * s(i) + 2;
        out[i * 2] = ((centre + s(i - 1)) >> 2) as u8;
        out[i * 2 + 1] = ((centre + s(i + 1)) >> 2) as u8;
    }
    out[(n - 1) * 2] = ((s(n - 1) * 3 + s(n - 2) + 2) >> 2) as u8;
    out[(n - 1) * 2 + 1] = input[n - 1];
}

/// Two rows blended 3:1 and stretched 2× across (`jpeg-decoder`'s H2V2).
fn blend_stretch(near: &[u8], far: &[u8], out: &mut [u8]) {
    let n = near.len();
    let t = |i: usize| 3 * u32::from(near[i]) + u32::from(far[i]);
    if n == 1 {
        out[..2].fill(((t(0) + 2) >> 2) as u8);
        return;
    }
    let mut t1 = t(0);
    out[0] = ((t1 + 2) >> 2) as u8;
    for i in 1..n {
        let t0 = t1;
        t1 = t(i);
        out[i * 2 - 1] = ((3 * t0 + t1 + 8) >> 4) as u8;
        out[i * 2] = ((3 * t1 + t0 + 8) >> 4) as u8;
    }
    out[n * 2 - 1] = ((t1 + 2) >> 2) as u8;
}

/// JFIF YCbCr to RGB in 20-bit fixed point, as `jpeg-decoder`'s portable path.
#[inline]
fn ycbcr_to_rgb(y: u8, cb: u8, cr: u8) -> [u8; 3] {
    const SHIFT: i32 = 20;
    // In f32, as there: the rounded constants must match to the last bit.
    const fn fixed(x: f32) -> i32 {
        (x * (1 << SHIFT) as f32 + 0.5) as i32
    }
    let y = i32::from(y) * (1 << SHIFT) + (1 << (SHIFT - 1));
    let (cb, cr) = (i32::from(cb) - 128, i32::from(cr) - 128);
    let clamp = |v: i32| (v >> SHIFT).clamp(0, 255) as u8;
    [
        clamp(y + fixed(1.402_00) * cr),
        clamp(y - fixed(0.344_14) * cb - fixed(0.714_14) * cr),
        clamp(y + fixed(1.772_00) * cb),
    ]
}
