//! Decoding untrusted PNG/JPEG bytes within the limits ([`super::limits`]) and the shared
//! budget ([`super::budget`]), never panicking. Which decoder runs is chosen here: JPEG at
//! the size it is shown ([`super::jpeg`]), PNGs row by row as they are read
//! ([`super::png_stream`]), interlaced PNGs through `image`.

use std::io::{BufRead, Cursor};
use std::panic::{AssertUnwindSafe, catch_unwind};

use image::{ImageFormat, ImageReader, Limits, RgbaImage};

use super::budget::DECODES;
use super::error::{ArtError, err};
use super::jpeg::{decode_jpeg, is_jpeg};
use super::limits::{
    KEEP_DIMENSION, KEPT_BYTES, MAX_ALLOC, MAX_DIMENSION, check_dimensions, too_large,
};
use super::png_stream::decode_png_rows;
use super::read::{Input, read_all};
use super::scale::{fit, resize};

/// A decoded image, at most [`KEEP_DIMENSION`] on each side.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub image: RgbaImage,
    /// Decoded smaller than the kept size (a JPEG shown small): an area needing more pixels
    /// than it has must decode it again.
    pub reduced: bool,
}

/// Decodes PNG or JPEG bytes (sniffed, not trusted from the name) into RGBA, scaled down to
/// at most [`KEEP_DIMENSION`] on each side. A decoder panic becomes an error.
pub fn decode(bytes: &[u8]) -> Result<RgbaImage, ArtError> {
    decode_for(bytes, (KEEP_DIMENSION, KEEP_DIMENSION)).map(|d| d.image)
}

/// Like [`decode`], for showing in at most `want` pixels: a JPEG is then decoded only as
/// large as that needs (DCT scaling), a large PNG averaged down to it; others at the kept
/// size.
pub fn decode_for(bytes: &[u8], want: (u32, u32)) -> Result<Decoded, ArtError> {
    guarded(|| decode_bytes(bytes, want))
}

/// Like [`decode_for`], from opened art: a non-interlaced PNG file is decoded as it is read
/// (never held whole); other files are read whole first.
pub fn decode_input(input: Input, want: (u32, u32)) -> Result<Decoded, ArtError> {
    guarded(|| match input {
        Input::Bytes(bytes) => decode_bytes(&bytes, want),
        Input::File(mut file) => {
            let head = file.fill_buf().map_err(|_| err("the image is truncated"))?;
            if !is_jpeg(head)
                && let Some(done) = decode_png_rows(&mut file, want)
            {
                return done.map(reduced_if_smaller);
            }
            decode_bytes(&read_all(file)?, want)
        }
    })
}

/// Runs a decode; a decoder panic becomes an error.
fn guarded(f: impl FnOnce() -> Result<Decoded, ArtError>) -> Result<Decoded, ArtError> {
    catch_unwind(AssertUnwindSafe(f))
        .unwrap_or_else(|_| Err(err("the image decoder failed on this file")))
}

fn decode_bytes(bytes: &[u8], want: (u32, u32)) -> Result<Decoded, ArtError> {
    if is_jpeg(bytes) {
        let (image, size) = decode_jpeg(bytes, want)?;
        return Ok(reduced_if_smaller((keep_size(image)?, size)));
    }
    if let Some(done) = decode_png_rows(Cursor::new(bytes), want) {
        return done.map(reduced_if_smaller);
    }
    decode_png(bytes).map(|image| Decoded {
        image,
        reduced: false,
    })
}

/// A decoded image with the picture's own size: reduced if narrower than the kept size.
fn reduced_if_smaller((image, (w, h)): (RgbaImage, (u32, u32))) -> Decoded {
    let kept = if w > KEEP_DIMENSION || h > KEEP_DIMENSION {
        fit(w, h, KEEP_DIMENSION, KEEP_DIMENSION).0
    } else {
        w
    };
    let reduced = image.width() < kept;
    Decoded { image, reduced }
}

/// Interlaced PNGs (the row-by-row path cannot take them) through `image`.
fn decode_png(bytes: &[u8]) -> Result<RgbaImage, ArtError> {
    let peak = png_peak(bytes)?;
    let _permit = DECODES.acquire(peak)?;
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| err(format!("cannot read the image: {e}")))?;
    if reader.format() != Some(ImageFormat::Png) {
        return Err(err("not a PNG or JPEG image"));
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DIMENSION);
    limits.max_image_height = Some(MAX_DIMENSION);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let image = reader.decode().map_err(|e| err(describe(&e)))?;
    check_dimensions(image.width(), image.height())?;
    keep_size(image.into_rgba8())
}

/// Scales a decoded image down to at most [`KEEP_DIMENSION`] on each side.
fn keep_size(image: RgbaImage) -> Result<RgbaImage, ArtError> {
    let (w, h) = image.dimensions();
    if w > KEEP_DIMENSION || h > KEEP_DIMENSION {
        let (kw, kh) = fit(w, h, KEEP_DIMENSION, KEEP_DIMENSION);
        return Ok(resize(&image, kw, kh));
    }
    Ok(image)
}

/// What decoding a PNG on the general path holds at its peak: the decoded image at its own
/// depth, plus its RGBA copy unless it already is RGBA8.
fn png_peak(bytes: &[u8]) -> Result<u64, ArtError> {
    let mut decoder = png::Decoder::new(Cursor::new(bytes));
    let info = decoder
        .read_header_info()
        .map_err(|_| err("not a PNG or JPEG image"))?;
    let (w, h) = (info.width, info.height);
    if w > MAX_DIMENSION || h > MAX_DIMENSION {
        return Err(too_large());
    }
    let bytes_per_pixel = u64::from(info.bytes_per_pixel().max(1) as u32);
    let copy = if info.color_type == png::ColorType::Rgba && info.bit_depth == png::BitDepth::Eight
    {
        0
    } else {
        4
    };
    Ok(u64::from(w) * u64::from(h) * (bytes_per_pixel + copy) + KEPT_BYTES)
}

fn describe(e: &image::ImageError) -> String {
    use image::ImageError::*;
    match e {
        Limits(_) => too_large().0,
        Decoding(_) => "the image is corrupt or truncated".into(),
        Unsupported(_) => "this kind of image is not supported".into(),
        IoError(_) => "the image is truncated".into(),
        other => format!("cannot decode the image: {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png_bytes(w: u32, h: u32, color: png::ColorType, data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(color);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header().unwrap();
        writer.write_image_data(data).unwrap();
        writer.finish().unwrap();
        out
    }

    #[test]
    fn large_pngs_are_averaged_down_to_the_kept_size() {
        // 2048×8 RGB: left half red, right half blue, one green column in the middle.
        let (w, h) = (2048u32, 8u32);
        let mut data = Vec::new();
        for _ in 0..h {
            for x in 0..w {
                data.extend_from_slice(match x {
                    1024 => &[0, 255, 0],
                    x if x < 1024 => &[255, 0, 0],
                    _ => &[0, 0, 255],
                });
            }
        }
        let img = decode(&png_bytes(w, h, png::ColorType::Rgb, &data)).unwrap();
        assert_eq!(img.dimensions(), (1024, 4));
        assert_eq!(img.get_pixel(0, 0).0, [255, 0, 0, 255]);
        assert_eq!(img.get_pixel(1023, 3).0, [0, 0, 255, 255]);
        // Output column 512 averages source columns 1024 (green) and 1025 (blue).
        assert_eq!(img.get_pixel(512, 1).0, [0, 128, 128, 255]);
    }

    #[test]
    fn transparent_pixels_do_not_darken_their_neighbours() {
        // 2048×16 gray+alpha: even columns transparent black, odd columns opaque white.
        let (w, h) = (2048u32, 16u32);
        let row: Vec<u8> = (0..w)
            .flat_map(|x| if x % 2 == 0 { [0, 0] } else { [255, 255] })
            .collect();
        let data = row.repeat(h as usize);
        let img = decode(&png_bytes(w, h, png::ColorType::GrayscaleAlpha, &data)).unwrap();
        assert_eq!(img.dimensions(), (1024, 8));
        let p = img.get_pixel(10, 5).0;
        assert_eq!(
            p,
            [255, 255, 255, 128],
            "opaque pixels' color, half covered"
        );
    }

    #[test]
    fn pngs_twice_the_area_or_more_are_averaged_down_to_it() {
        // 400×200 RGB: columns alternate black and white, so any 2×2 average is mid gray.
        let data: Vec<u8> = (0..200)
            .flat_map(|_| (0..400).flat_map(|x| [if x % 2 == 0 { 0 } else { 255 }; 3]))
            .collect();
        let bytes = png_bytes(400, 200, png::ColorType::Rgb, &data);
        let small = decode_for(&bytes, (50, 50)).unwrap();
        assert_eq!(small.image.dimensions(), (50, 25));
        assert!(small.reduced, "a larger area must decode again");
        assert_eq!(small.image.get_pixel(7, 3).0, [128, 128, 128, 255]);
        // Less than twice the area: the kept size, for the cells' resize.
        let near = decode_for(&bytes, (300, 300)).unwrap();
        assert_eq!(near.image.dimensions(), (400, 200));
        assert!(!near.reduced);
    }

    #[test]
    fn truncated_large_pngs_are_errors() {
        let data = vec![128u8; 1500 * 20 * 3];
        let bytes = png_bytes(1500, 20, png::ColorType::Rgb, &data);
        let cut = &bytes[..bytes.len() / 2];
        assert!(decode(cut).is_err());
    }
}
