//! JPEG decoded at the size it is shown: the inverse DCT runs at 1/2, 1/4 or 1/8 scale when
//! that still covers the wanted size, so a 12-megapixel photo shown in 120×80 pixels is never
//! held at full size (an 8192×8192 one is decoded to at most 1024×1024). Progressive JPEGs
//! still hold all their coefficients (2 bytes each) while decoding; the budget counts them.
//!
//! At 1/8 scale each 8×8 block is one pixel, its DC term, so a baseline JPEG (grey or YCbCr,
//! one interleaved scan: what cameras and phones write) takes a shorter way: [`decode_dc`]
//! reads the scan for its DC terms only, skipping the AC terms by their code lengths, and
//! gives the picture `jpeg-decoder` would give (same samples, same upsampling; colour within
//! 2 levels, as its SIMD conversion rounds differently). Anything else, corrupt data
//! included, goes to `jpeg-decoder`, so errors stay its errors.

mod bits;
mod color;
mod huffman;
mod scan;
mod segments;

use std::io::Cursor;

use image::RgbaImage;
use jpeg_decoder::{CodingProcess, Decoder, PixelFormat};

use super::budget::DECODES;
use super::error::{ArtError, err};
use super::limits::{KEEP_DIMENSION, KEPT_BYTES, MAX_ALLOC, check_dimensions, too_large};
use super::scale::fit;

/// Whether the bytes start like a JPEG (sniffed, not trusted from the name).
pub fn is_jpeg(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xD8, 0xFF])
}

/// Decodes at the smallest DCT scale whose output covers the image fitted to `want` (and to
/// the kept size). Returns the image and its full size.
pub fn decode_jpeg(bytes: &[u8], want: (u32, u32)) -> Result<(RgbaImage, (u32, u32)), ArtError> {
    decode_with(bytes, want, true)
}

/// As [`decode_jpeg`] but always with `jpeg-decoder`: the reference the DC-only path is held
/// to by its tests and the `jpeg_dc` fuzz target.
#[doc(hidden)]
pub fn decode_jpeg_full(
    bytes: &[u8],
    want: (u32, u32),
) -> Result<(RgbaImage, (u32, u32)), ArtError> {
    decode_with(bytes, want, false)
}

fn decode_with(
    bytes: &[u8],
    want: (u32, u32),
    dc_only: bool,
) -> Result<(RgbaImage, (u32, u32)), ArtError> {
    let mut decoder = Decoder::new(Cursor::new(bytes));
    decoder.set_max_decoding_buffer_size(usize::try_from(MAX_ALLOC).unwrap_or(usize::MAX));
    decoder.read_info().map_err(jpeg_err)?;
    let info = decoder.info().ok_or_else(|| err("the image is corrupt"))?;
    let (w, h) = (u32::from(info.width), u32::from(info.height));
    check_dimensions(w, h)?;
    if info.coding_process == CodingProcess::Lossless {
        return Err(err("this kind of image is not supported"));
    }
    let (tw, th) = fit(
        w,
        h,
        want.0.clamp(1, KEEP_DIMENSION),
        want.1.clamp(1, KEEP_DIMENSION),
    );
    let to_u16 = |v: u32| u16::try_from(v).unwrap_or(u16::MAX);
    let (sw, sh) = decoder.scale(to_u16(tw), to_u16(th)).map_err(jpeg_err)?;
    let (sw, sh) = (u32::from(sw), u32::from(sh));
    let channels = info.pixel_format.pixel_bytes() as u64;
    let scaled = u64::from(sw) * u64::from(sh);
    // Component planes and the interleaved output at the decoded size, and its RGBA copy.
    let mut peak = scaled * (channels * 2 + 4) + KEPT_BYTES;
    if info.coding_process == CodingProcess::DctProgressive {
        let padded = u64::from(w + 15) * u64::from(h + 15);
        peak += padded * channels.min(4) * 2;
    }
    let _permit = DECODES.acquire(peak)?;
    let eighth = (w.div_ceil(8), h.div_ceil(8));
    if dc_only
        && info.coding_process == CodingProcess::DctSequential
        && (sw, sh) == eighth
        && let Some(rgba) = decode_dc(bytes).filter(|img| img.dimensions() == eighth)
    {
        return Ok((rgba, (w, h)));
    }
    let pixels = decoder.decode().map_err(jpeg_err)?;
    let rgba = to_rgba(&pixels, info.pixel_format, sw, sh)?;
    Ok((rgba, (w, h)))
}

/// The picture at 1/8 scale from the DC terms alone, or `None` if this path does not take the
/// file (not baseline grey or YCbCr in one scan, or anything `jpeg-decoder` would refuse).
fn decode_dc(bytes: &[u8]) -> Option<RgbaImage> {
    let layout = segments::read(bytes)?;
    let planes = scan::decode(bytes, &layout)?;
    color::to_rgba(&layout, &planes)
}

/// The decoder's pixels as RGBA. CMYK comes inverted (Adobe), as `image` treats it.
fn to_rgba(px: &[u8], format: PixelFormat, w: u32, h: u32) -> Result<RgbaImage, ArtError> {
    let n = w as usize * h as usize;
    let step = format.pixel_bytes();
    if px.len() < n * step {
        return Err(err("the image is corrupt or truncated"));
    }
    let mut out = Vec::new();
    out.try_reserve_exact(n * 4).map_err(|_| too_large())?;
    let px = &px[..n * step];
    match format {
        PixelFormat::L8 => out.extend(px.iter().flat_map(|&g| [g, g, g, 255])),
        PixelFormat::L16 => out.extend(px.chunks_exact(2).flat_map(|p| [p[0], p[0], p[0], 255])),
        PixelFormat::RGB24 => out.extend(px.chunks_exact(3).flat_map(|p| [p[0], p[1], p[2], 255])),
        PixelFormat::CMYK32 => out.extend(px.chunks_exact(4).flat_map(|p| {
            let k = u16::from(p[3]);
            let c = |v: u8| ((u16::from(v) * k + 127) / 255) as u8;
            [c(p[0]), c(p[1]), c(p[2]), 255]
        })),
    }
    RgbaImage::from_raw(w, h, out).ok_or_else(|| err("the image is corrupt"))
}

fn jpeg_err(e: jpeg_decoder::Error) -> ArtError {
    use jpeg_decoder::Error::*;
    match e {
        Unsupported(_) => err("this kind of image is not supported"),
        Io(_) => err("the image is truncated"),
        Format(text) if text.contains("too large") || text.contains("exceeds") => too_large(),
        _ => err("the image is corrupt or truncated"),
    }
}

#[cfg(test)]
mod tests;
