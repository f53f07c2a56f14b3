//! Decoding untrusted PNG/JPEG bytes with hard limits, never panicking.

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use image::{ImageFormat, ImageReader, Limits, RgbaImage};

use super::budget::DECODES;
use crate::story::ArtOrigin;
use crate::story::assets::MAX_ART_BYTES;
use crate::story::confine;

/// Largest accepted width or height, in pixels.
pub const MAX_DIMENSION: u32 = 8192;
/// Most memory a decoder may allocate.
pub const MAX_ALLOC: u64 = 256 * 1024 * 1024;
/// Decoded images are scaled down to fit this square right away, to bound the cache.
pub const KEEP_DIMENSION: u32 = 1024;

/// Why art could not be shown: one line for the panel's placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArtError(pub String);

impl std::fmt::Display for ArtError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn err(msg: impl Into<String>) -> ArtError {
    ArtError(msg.into())
}

/// Reads the art's bytes: a regular file under the size cap, or embedded bytes.
pub fn read_bytes(origin: &ArtOrigin) -> Result<std::sync::Arc<[u8]>, ArtError> {
    match origin {
        ArtOrigin::Embedded(bytes) => Ok(bytes.clone()),
        ArtOrigin::Broken(reason) => Err(err(reason.clone())),
        ArtOrigin::Archive { archive, entry } => archive.read(entry).map(Into::into).map_err(err),
        ArtOrigin::File(path) => confine::read_regular(path, MAX_ART_BYTES)
            .map(Into::into)
            .map_err(|r| err(format!("the image {}", r.reason(MAX_ART_BYTES)))),
    }
}

/// Decodes PNG or JPEG bytes (sniffed, not trusted from the name) into RGBA, scaled down to
/// at most [`KEEP_DIMENSION`] on each side. A decoder panic becomes an error.
pub fn decode(bytes: &[u8]) -> Result<RgbaImage, ArtError> {
    catch_unwind(AssertUnwindSafe(|| decode_inner(bytes)))
        .unwrap_or_else(|_| Err(err("the image decoder failed on this file")))
}

fn decode_inner(bytes: &[u8]) -> Result<RgbaImage, ArtError> {
    if let Some(done) = decode_large_png(bytes) {
        return done;
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return decode_jpeg(bytes);
    }
    let peak = png_peak(bytes)?;
    let _permit = DECODES.acquire(peak)?;
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| err(format!("cannot read the image: {e}")))?;
    match reader.format() {
        Some(ImageFormat::Png | ImageFormat::Jpeg) => {}
        _ => return Err(err("not a PNG or JPEG image")),
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DIMENSION);
    limits.max_image_height = Some(MAX_DIMENSION);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let image = reader.decode().map_err(|e| err(describe(&e)))?;
    let (w, h) = (image.width(), image.height());
    if w == 0 || h == 0 {
        return Err(err("the image is empty"));
    }
    keep_size(image.into_rgba8())
}

/// Scales a decoded image down to at most [`KEEP_DIMENSION`] on each side.
fn keep_size(image: RgbaImage) -> Result<RgbaImage, ArtError> {
    let (w, h) = image.dimensions();
    if w > KEEP_DIMENSION || h > KEEP_DIMENSION {
        let (kw, kh) = super::halfblock::fit(w, h, KEEP_DIMENSION, KEEP_DIMENSION);
        return Ok(super::halfblock::resize(&image, kw, kh));
    }
    Ok(image)
}

/// What decoding a PNG on the general path holds at its peak: the decoded image at its own
/// depth, plus its RGBA copy unless it already is RGBA8 (interlaced and small PNGs).
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

/// The kept image and the scaler's buffers.
const KEPT_BYTES: u64 = 2 * (KEEP_DIMENSION as u64) * (KEEP_DIMENSION as u64) * 4;

/// JPEG straight to RGBA (no RGB image and copy), within the budget: a baseline JPEG holds the
/// output and a band of rows; a progressive one also all its coefficients (2 bytes each).
fn decode_jpeg(bytes: &[u8]) -> Result<RgbaImage, ArtError> {
    use zune_core::bytestream::ZCursor;
    use zune_core::colorspace::ColorSpace;
    use zune_core::options::DecoderOptions;
    let dim = MAX_DIMENSION as usize;
    let options = DecoderOptions::default()
        .jpeg_set_out_colorspace(ColorSpace::RGBA)
        .set_max_width(dim)
        .set_max_height(dim);
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(bytes), options);
    let jpeg_err = |e: zune_jpeg::errors::DecodeErrors| {
        let text = e.to_string();
        if text.contains("width") || text.contains("height") || text.contains("large") {
            too_large()
        } else {
            err("the image is corrupt or truncated")
        }
    };
    decoder.decode_headers().map_err(jpeg_err)?;
    let info = decoder.info().ok_or_else(|| err("the image is corrupt"))?;
    let (w, h) = (u32::from(info.width), u32::from(info.height));
    if w == 0 || h == 0 {
        return Err(err("the image is empty"));
    }
    let pixels = u64::from(w) * u64::from(h);
    let coefficients = if info.sof.is_progressive() {
        pixels * u64::from(info.components) * 2
    } else {
        0
    };
    let _permit = DECODES.acquire(pixels * 4 + coefficients + KEPT_BYTES)?;
    let size = decoder
        .output_buffer_size()
        .ok_or_else(|| err("the image is too large"))?;
    let mut out = Vec::new();
    out.try_reserve_exact(size).map_err(|_| too_large())?;
    out.resize(size, 0);
    decoder.decode_into(&mut out).map_err(jpeg_err)?;
    let image = RgbaImage::from_raw(w, h, out).ok_or_else(|| err("the image is corrupt"))?;
    keep_size(image)
}

/// Large PNGs (wider or taller than [`KEEP_DIMENSION`], not interlaced) are decoded row by
/// row straight into the kept size, averaging each output pixel's source area: the full-size
/// image is never held, converted to RGBA or resized. `None`: not such a PNG, use the general
/// path.
fn decode_large_png(bytes: &[u8]) -> Option<Result<RgbaImage, ArtError>> {
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
    if w > MAX_DIMENSION || h > MAX_DIMENSION {
        return Some(Err(too_large()));
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
    let (tw, th) = super::halfblock::fit(w, h, KEEP_DIMENSION, KEEP_DIMENSION);
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

/// Area-averaging downscaler fed one source row at a time. Output pixel `(ox, oy)` is the
/// mean of the source columns `xstart[ox]..xstart[ox + 1]` over the source rows that map to
/// `oy`; with alpha, colors are weighted by it, so transparent pixels do not darken others.
/// Rows are summed column by column as they come (a loop the compiler vectorizes); each band
/// of rows is then reduced across columns once.
struct BoxDown {
    /// Source column where each output column starts (`tw + 1` entries, the last is `w`).
    xstart: Vec<usize>,
    h: u32,
    th: u32,
    channels: usize,
    /// Per-source-column sums of the band so far (`w × channels`; with alpha, colors are
    /// premultiplied by it).
    band: Vec<u32>,
    /// Source rows in the band so far, and its output row.
    rows: u32,
    oy: u32,
    out: Vec<u8>,
}

impl BoxDown {
    fn new(w: u32, h: u32, tw: u32, th: u32, channels: usize) -> Self {
        let xstart = (0..=tw)
            .map(|ox| (u64::from(ox) * u64::from(w)).div_ceil(u64::from(tw)) as usize)
            .collect();
        Self {
            xstart,
            h,
            th,
            channels,
            band: vec![0; w as usize * channels],
            rows: 0,
            oy: 0,
            out: Vec::with_capacity(tw as usize * th as usize * 4),
        }
    }

    fn add_row(&mut self, y: u32, data: &[u8]) {
        let oy = (u64::from(y) * u64::from(self.th) / u64::from(self.h)) as u32;
        if oy != self.oy {
            self.flush();
            self.oy = oy;
        }
        let ch = self.channels;
        if ch % 2 == 1 {
            for (s, &v) in self.band.iter_mut().zip(data) {
                *s += u32::from(v);
            }
        } else {
            for (s, p) in self.band.chunks_exact_mut(ch).zip(data.chunks_exact(ch)) {
                let a = u32::from(p[ch - 1]);
                for (s, &v) in s.iter_mut().zip(&p[..ch - 1]) {
                    *s += u32::from(v) * a;
                }
                s[ch - 1] += a;
            }
        }
        self.rows += 1;
    }

    fn flush(&mut self) {
        if self.rows == 0 || self.oy >= self.th {
            return;
        }
        match self.channels {
            1 => self.reduce::<1>(),
            2 => self.reduce::<2>(),
            3 => self.reduce::<3>(),
            _ => self.reduce::<4>(),
        }
        self.band.fill(0);
        self.rows = 0;
    }

    /// Sums the band across each output column's source columns; writes one output row.
    fn reduce<const CH: usize>(&mut self) {
        let alpha = CH.is_multiple_of(2);
        let rows = self.rows as f32;
        for x in self.xstart.windows(2) {
            let mut sum = [0u32; CH];
            for p in self.band[x[0] * CH..x[1] * CH].chunks_exact(CH) {
                for c in 0..CH {
                    sum[c] += p[c];
                }
            }
            let n = (x[1] - x[0]) as f32 * rows;
            // Divide by the pixel count, or by the summed alpha where colors are weighted.
            let (div, a) = if alpha {
                let a = sum[CH - 1] as f32;
                (a, a / n.max(1.0))
            } else {
                (n, 255.0)
            };
            let px = if div > 0.0 {
                let inv = 1.0 / div;
                let c = |v: u32| (v as f32 * inv + 0.5) as u8;
                if CH <= 2 {
                    let g = c(sum[0]);
                    [g, g, g, (a + 0.5) as u8]
                } else {
                    [c(sum[0]), c(sum[1]), c(sum[2]), (a + 0.5) as u8]
                }
            } else {
                [0; 4]
            };
            self.out.extend_from_slice(&px);
        }
    }

    fn finish(mut self) -> Option<RgbaImage> {
        self.flush();
        let (tw, th) = ((self.xstart.len() - 1) as u32, self.th);
        RgbaImage::from_raw(tw, th, self.out)
    }
}

fn too_large() -> ArtError {
    err(format!(
        "the image is too large (limit {MAX_DIMENSION}×{MAX_DIMENSION} pixels, {} MiB)",
        MAX_ALLOC >> 20
    ))
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
    fn truncated_large_pngs_are_errors() {
        let data = vec![128u8; 1500 * 20 * 3];
        let bytes = png_bytes(1500, 20, png::ColorType::Rgb, &data);
        let cut = &bytes[..bytes.len() / 2];
        assert!(decode(cut).is_err());
    }
}
