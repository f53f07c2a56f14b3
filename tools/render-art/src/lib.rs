//! Render the hand-written SVG sources in `assets/src/` to PNGs in `assets/`.
//!
//! Shared by the `render-art` binary and the drift test, so both use exactly
//! the same rasterization.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use resvg::{tiny_skia, usvg};

/// Errors from reading, parsing, rendering or writing art.
#[derive(Debug)]
pub enum Error {
    /// Filesystem error on a path.
    Io(PathBuf, std::io::Error),
    /// The SVG could not be parsed.
    Parse(usvg::Error),
    /// The SVG has a zero or out-of-range size.
    BadSize(f32, f32),
    /// PNG encoding failed.
    Encode(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io(p, e) => write!(f, "{}: {e}", p.display()),
            Error::Parse(e) => write!(f, "invalid SVG: {e}"),
            Error::BadSize(w, h) => write!(f, "unusable SVG size {w}x{h}"),
            Error::Encode(e) => write!(f, "PNG encoding failed: {e}"),
        }
    }
}

impl std::error::Error for Error {}

/// Result alias for this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// A rendered image: width, height and straight (non-premultiplied) RGBA8 rows.
pub type Rgba = (u32, u32, Vec<u8>);

/// The repository's `assets/` directory.
pub fn assets_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets")
}

/// Lists `NN-name.svg` sources in `src_dir`, sorted by file name.
pub fn list_svgs(src_dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = fs::read_dir(src_dir).map_err(|e| Error::Io(src_dir.to_path_buf(), e))?;
    let mut svgs = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| Error::Io(src_dir.to_path_buf(), e))?
            .path();
        if path.extension().is_some_and(|e| e == "svg") {
            svgs.push(path);
        }
    }
    svgs.sort();
    Ok(svgs)
}

/// The PNG path in `out_dir` for an SVG source (`src/07-park.svg` -> `07-park.png`).
pub fn png_path_for(svg: &Path, out_dir: &Path) -> PathBuf {
    let stem = svg.file_stem().unwrap_or_default();
    out_dir.join(stem).with_extension("png")
}

fn render_pixmap(svg_bytes: &[u8]) -> Result<tiny_skia::Pixmap> {
    // Default options: no fonts are loaded (the `text` feature is off).
    let tree = usvg::Tree::from_data(svg_bytes, &usvg::Options::default()).map_err(Error::Parse)?;
    let size = tree.size();
    let int = size.to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(int.width(), int.height())
        .ok_or(Error::BadSize(size.width(), size.height()))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    Ok(pixmap)
}

/// Renders SVG bytes at the SVG's own width/height.
///
/// Returns `(width, height, rgba)` with straight (demultiplied) alpha, the
/// same pixels that end up in the PNG.
pub fn render_svg(svg_bytes: &[u8]) -> Result<Rgba> {
    let pixmap = render_pixmap(svg_bytes)?;
    let mut rgba = Vec::with_capacity(pixmap.data().len());
    for px in pixmap.pixels() {
        let c = px.demultiply();
        rgba.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    Ok((pixmap.width(), pixmap.height(), rgba))
}

/// Renders SVG bytes straight to PNG bytes (deterministic: no metadata).
pub fn render_svg_to_png(svg_bytes: &[u8]) -> Result<Vec<u8>> {
    render_pixmap(svg_bytes)?
        .encode_png()
        .map_err(|e| Error::Encode(e.to_string()))
}

/// Renders every SVG in `assets/src/` to `assets/`, returning the PNG paths written.
pub fn render_all(assets: &Path) -> Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for svg in list_svgs(&assets.join("src"))? {
        let bytes = fs::read(&svg).map_err(|e| Error::Io(svg.clone(), e))?;
        let png = render_svg_to_png(&bytes).map_err(|e| match e {
            Error::Parse(_) | Error::BadSize(..) | Error::Encode(_) => Error::Io(
                svg.clone(),
                std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()),
            ),
            other => other,
        })?;
        let out = png_path_for(&svg, assets);
        fs::write(&out, png).map_err(|e| Error::Io(out.clone(), e))?;
        written.push(out);
    }
    Ok(written)
}
