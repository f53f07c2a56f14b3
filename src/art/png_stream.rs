//! Non-interlaced PNGs decoded row by row straight into RGBA at the kept size: the image is
//! never held at its own depth, converted to RGBA or resized.

use std::io::Cursor;

use image::RgbaImage;

use super::boxdown::BoxDown;
use super::budget::DECODES;
use super::error::{ArtError, err};
use super::limits::{KEEP_DIMENSION, KEPT_BYTES, MAX_ALLOC, check_dimensions, too_large};
use super::scale::fit;

/// Non-interlaced PNGs are decoded row by row straight into RGBA at the kept size: rows of a
/// large one (wider or taller than [`KEEP_DIMENSION`]) are averaged over each output pixel's
/// source area, rows of a smaller one copied. No full-size image at its own depth is held,
/// converted to RGBA or resized. `None`: interlaced (or no PNG), use the general path.
pub fn decode_png_rows(bytes: &[u8]) -> Option<Result<RgbaImage, ArtError>> {
    let limits = png::Limits {
        bytes: usize::try_from(MAX_ALLOC).unwrap_or(usize::MAX),
    };
    let mut decoder = png::Decoder::new_with_limits(Cursor::new(bytes), limits);
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
    Some(
        DECODES
            .acquire(peak)
            .and_then(|_permit| stream_png(decoder, w, h)),
    )
}

fn stream_png(decoder: png::Decoder<Cursor<&[u8]>>, w: u32, h: u32) -> Result<RgbaImage, ArtError> {
    let mut reader = decoder.read_info().map_err(png_err)?;
    let channels = match reader.output_color_type() {
        (png::ColorType::Grayscale, png::BitDepth::Eight) => 1,
        (png::ColorType::GrayscaleAlpha, png::BitDepth::Eight) => 2,
        (png::ColorType::Rgb, png::BitDepth::Eight) => 3,
        (png::ColorType::Rgba, png::BitDepth::Eight) => 4,
        _ => return Err(err("this kind of image is not supported")),
    };
    if w <= KEEP_DIMENSION && h <= KEEP_DIMENSION {
        let mut out = Vec::with_capacity(w as usize * h as usize * 4);
        rows(&mut reader, h, |_, row| expand(&mut out, row, channels))?;
        return RgbaImage::from_raw(w, h, out).ok_or_else(|| err("the image is corrupt"));
    }
    let (tw, th) = fit(w, h, KEEP_DIMENSION, KEEP_DIMENSION);
    let mut down = BoxDown::new(w, h, tw, th, channels);
    rows(&mut reader, h, |y, row| down.add_row(y, row))?;
    down.finish()
        .ok_or_else(|| err("the image is corrupt or truncated"))
}

/// Feeds the image's `h` rows to `each`; fewer is an error.
fn rows(
    reader: &mut png::Reader<Cursor<&[u8]>>,
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
