//! Non-interlaced PNGs decoded row by row, as they are read, straight into RGBA at the size
//! they are shown (or kept): the image is never held at its own depth, converted to RGBA or
//! resized, and a file is never held whole.

use std::io::{BufRead, Seek};

use image::RgbaImage;

use super::boxdown::BoxDown;
use super::budget::DECODES;
use super::error::{ArtError, err};
use super::limits::{KEEP_DIMENSION, KEPT_BYTES, MAX_ALLOC, check_dimensions, too_large};
use super::scale::fit;

/// A decoded image and the PNG's own width and height.
pub type WithSize = (RgbaImage, (u32, u32));

/// Non-interlaced PNGs are decoded row by row straight into RGBA. Rows are averaged over each
/// output pixel's source area when the image is at least twice the size that fits `want`
/// (it is decoded to that size) or larger than [`KEEP_DIMENSION`] (decoded to the kept size),
/// else copied. No full-size image at its own depth is held, converted to RGBA or resized.
/// Returns the image and the PNG's own size; `None`: interlaced (or no PNG), use the general
/// path.
pub fn decode_png_rows<R: BufRead + Seek>(
    input: R,
    want: (u32, u32),
) -> Option<Result<WithSize, ArtError>> {
    let limits = png::Limits {
        bytes: usize::try_from(MAX_ALLOC).unwrap_or(usize::MAX),
    };
    let mut decoder = png::Decoder::new_with_limits(input, limits);
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let info = decoder.read_header_info().ok()?;
    let (w, h) = (info.width, info.height);
    if info.interlaced {
        return None;
    }
    if let Err(e) = check_dimensions(w, h) {
        return Some(Err(e));
    }
    // The scaler's row sums (or a row) and the kept image; the full-size image is never held.
    let peak = u64::from(w) * 64 + KEPT_BYTES;
    let target = target_size(w, h, want);
    Some(
        DECODES
            .acquire(peak)
            .and_then(|_permit| stream_png(decoder, (w, h), target))
            .map(|image| (image, (w, h))),
    )
}

/// The size to decode to: fitted to `want` when the image has at least twice the pixels on
/// each side (an area average of fewer is blocky; the cells' resize does better from the
/// kept size), else the kept size.
fn target_size(w: u32, h: u32, want: (u32, u32)) -> (u32, u32) {
    let (tw, th) = fit(
        w,
        h,
        want.0.clamp(1, KEEP_DIMENSION),
        want.1.clamp(1, KEEP_DIMENSION),
    );
    if w >= tw * 2 && h >= th * 2 {
        (tw, th)
    } else if w > KEEP_DIMENSION || h > KEEP_DIMENSION {
        fit(w, h, KEEP_DIMENSION, KEEP_DIMENSION)
    } else {
        (w, h)
    }
}

fn stream_png<R: BufRead + Seek>(
    decoder: png::Decoder<R>,
    (w, h): (u32, u32),
    (tw, th): (u32, u32),
) -> Result<RgbaImage, ArtError> {
    let mut reader = decoder.read_info().map_err(png_err)?;
    let channels = match reader.output_color_type() {
        (png::ColorType::Grayscale, png::BitDepth::Eight) => 1,
        (png::ColorType::GrayscaleAlpha, png::BitDepth::Eight) => 2,
        (png::ColorType::Rgb, png::BitDepth::Eight) => 3,
        (png::ColorType::Rgba, png::BitDepth::Eight) => 4,
        _ => return Err(err("this kind of image is not supported")),
    };
    if (tw, th) == (w, h) {
        let mut out = Vec::with_capacity(w as usize * h as usize * 4);
        rows(&mut reader, h, |_, row| expand(&mut out, row, channels))?;
        return RgbaImage::from_raw(w, h, out).ok_or_else(|| err("the image is corrupt"));
    }
    let mut down = BoxDown::new(w, h, tw, th, channels);
    rows(&mut reader, h, |y, row| down.add_row(y, row))?;
    down.finish()
        .ok_or_else(|| err("the image is corrupt or truncated"))
}

/// Feeds the image's `h` rows to `each`; fewer is an error.
fn rows<R: BufRead + Seek>(
    reader: &mut png::Reader<R>,
    h: u32,
    mut each: impl FnMut(u32, &[u8]),
) -> Result<(), ArtError> {
    let mut y = 0;
    while y < h {
        match reader.next_row() {
            Ok(Some(row)) => each(y, row.data()),
            Ok(None) => break,
            Err(e) => return Err(png_err(e)),
        }
        y += 1;
    }
    if y < h {
        return Err(err("the image is truncated"));
    }
    Ok(())
}

/// Appends one row of 8-bit gray, gray+alpha, RGB or RGBA pixels as RGBA.
fn expand(out: &mut Vec<u8>, row: &[u8], channels: usize) {
    match channels {
        1 => out.extend(row.iter().flat_map(|&g| [g, g, g, 255])),
        2 => out.extend(row.chunks_exact(2).flat_map(|p| [p[0], p[0], p[0], p[1]])),
        3 => out.extend(row.chunks_exact(3).flat_map(|p| [p[0], p[1], p[2], 255])),
        _ => out.extend_from_slice(row),
    }
}

fn png_err(e: png::DecodingError) -> ArtError {
    match e {
        png::DecodingError::LimitsExceeded => too_large(),
        png::DecodingError::IoError(_) => err("the image is truncated"),
        _ => err("the image is corrupt or truncated"),
    }
}
