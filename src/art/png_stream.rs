//! Large PNGs (wider or taller than the kept size, not interlaced) decoded row by row straight
//! into the kept size: the full-size image is never held, converted to RGBA or resized.

use std::io::Cursor;

use image::RgbaImage;

use super::boxdown::BoxDown;
use super::budget::DECODES;
use super::error::{ArtError, err};
use super::limits::{KEEP_DIMENSION, KEPT_BYTES, MAX_ALLOC, check_dimensions, too_large};
use super::scale::fit;

/// Large PNGs (wider or taller than [`KEEP_DIMENSION`], not interlaced) are decoded row by
/// row straight into the kept size, averaging each output pixel's source area: the full-size
/// image is never held, converted to RGBA or resized. `None`: not such a PNG, use the general
/// path.
pub fn decode_large_png(bytes: &[u8]) -> Option<Result<RgbaImage, ArtError>> {
    let limits = png::Limits {
        bytes: usize::try_from(MAX_ALLOC).unwrap_or(usize::MAX),
    };
    let mut decoder = png::Decoder::new_with_limits(Cursor::new(bytes), limits);
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let info = decoder.read_header_info().ok()?;
    let (w, h) = (info.width, info.height);
    if info.interlaced || (w <= KEEP_DIMENSION && h <= KEEP_DIMENSION) {
        return None;
    }
    if let Err(e) = check_dimensions(w, h) {
        return Some(Err(e));
    }
    // The scaler's row sums and the kept image; the full-size image is never held.
    let peak = u64::from(w) * 64 + KEPT_BYTES;
    Some(
        DECODES
            .acquire(peak)
            .and_then(|_permit| stream_png(decoder, w, h)),
    )
}

fn stream_png(decoder: png::Decoder<Cursor<&[u8]>>, w: u32, h: u32) -> Result<RgbaImage, ArtError> {
    let png_err = |e: png::DecodingError| match e {
        png::DecodingError::LimitsExceeded => too_large(),
        png::DecodingError::IoError(_) => err("the image is truncated"),
        _ => err("the image is corrupt or truncated"),
    };
    let mut reader = decoder.read_info().map_err(png_err)?;
    let channels = match reader.output_color_type() {
        (png::ColorType::Grayscale, png::BitDepth::Eight) => 1,
        (png::ColorType::GrayscaleAlpha, png::BitDepth::Eight) => 2,
        (png::ColorType::Rgb, png::BitDepth::Eight) => 3,
        (png::ColorType::Rgba, png::BitDepth::Eight) => 4,
        _ => return Err(err("this kind of image is not supported")),
    };
    let (tw, th) = fit(w, h, KEEP_DIMENSION, KEEP_DIMENSION);
    let mut down = BoxDown::new(w, h, tw, th, channels);
    let mut y = 0;
    while let Some(row) = reader.next_row().map_err(png_err)? {
        if y >= h {
            break;
        }
        down.add_row(y, row.data());
        y += 1;
    }
    if y < h {
        return Err(err("the image is truncated"));
    }
    down.finish()
        .ok_or_else(|| err("the image is corrupt or truncated"))
}
