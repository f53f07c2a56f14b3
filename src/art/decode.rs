//! Decoding untrusted PNG/JPEG bytes with hard limits, never panicking.

use std::io::{Cursor, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};

use image::{ImageFormat, ImageReader, Limits, RgbaImage};

use crate::story::ArtOrigin;
use crate::story::assets::MAX_ART_BYTES;

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
        ArtOrigin::Archive { archive, entry } => read_entry(archive, entry),
        ArtOrigin::File(path) => {
            let file =
                open_nonblocking(path).map_err(|e| err(format!("cannot open the image: {e}")))?;
            let meta = file
                .metadata()
                .map_err(|e| err(format!("cannot read the image: {e}")))?;
            if !meta.is_file() {
                return Err(err("the image is not a regular file"));
            }
            if meta.len() > MAX_ART_BYTES {
                return Err(err(format!(
                    "the image is larger than {} MiB",
                    MAX_ART_BYTES >> 20
                )));
            }
            let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
            file.take(MAX_ART_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| err(format!("cannot read the image: {e}")))?;
            if bytes.len() as u64 > MAX_ART_BYTES {
                return Err(err(format!(
                    "the image is larger than {} MiB",
                    MAX_ART_BYTES >> 20
                )));
            }
            Ok(bytes.into())
        }
    }
}

/// Reads one entry of a zip archive, refusing entries over the size cap (as declared and as
/// actually inflated, so a lying header cannot make it read more).
fn read_entry(archive: &std::path::Path, entry: &str) -> Result<std::sync::Arc<[u8]>, ArtError> {
    let file =
        std::fs::File::open(archive).map_err(|e| err(format!("cannot open the archive: {e}")))?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file))
        .map_err(|e| err(format!("cannot read the archive: {e}")))?;
    let entry = zip
        .by_name(entry)
        .map_err(|e| err(format!("cannot read the page from the archive: {e}")))?;
    if entry.size() > MAX_ART_BYTES {
        return Err(err(format!(
            "the image is larger than {} MiB",
            MAX_ART_BYTES >> 20
        )));
    }
    let mut bytes = Vec::new();
    entry
        .take(MAX_ART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| err(format!("the page in the archive is damaged: {e}")))?;
    if bytes.len() as u64 > MAX_ART_BYTES {
        return Err(err(format!(
            "the image is larger than {} MiB",
            MAX_ART_BYTES >> 20
        )));
    }
    Ok(bytes.into())
}

/// Opens for reading without blocking: a FIFO swapped in after the story was checked would
/// otherwise block the worker until a writer appears (it is then refused as not a file).
fn open_nonblocking(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK);
    }
    opts.open(path)
}

/// Decodes PNG or JPEG bytes (sniffed, not trusted from the name) into RGBA, scaled down to
/// at most [`KEEP_DIMENSION`] on each side. A decoder panic becomes an error.
pub fn decode(bytes: &[u8]) -> Result<RgbaImage, ArtError> {
    catch_unwind(AssertUnwindSafe(|| decode_inner(bytes)))
        .unwrap_or_else(|_| Err(err("the image decoder failed on this file")))
}

fn decode_inner(bytes: &[u8]) -> Result<RgbaImage, ArtError> {
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
    let image = image.into_rgba8();
    if w > KEEP_DIMENSION || h > KEEP_DIMENSION {
        let (kw, kh) = super::halfblock::fit(w, h, KEEP_DIMENSION, KEEP_DIMENSION);
        return Ok(super::halfblock::resize(&image, kw, kh));
    }
    Ok(image)
}

fn describe(e: &image::ImageError) -> String {
    use image::ImageError::*;
    match e {
        Limits(_) => format!(
            "the image is too large (limit {MAX_DIMENSION}×{MAX_DIMENSION} pixels, {} MiB)",
            MAX_ALLOC >> 20
        ),
        Decoding(_) => "the image is corrupt or truncated".into(),
        Unsupported(_) => "this kind of image is not supported".into(),
        IoError(_) => "the image is truncated".into(),
        other => format!("cannot decode the image: {other}"),
    }
}
