//! The committed PNGs in `assets/` must be exactly what their SVG sources render to.
//! If this fails, run `cargo run -p render-art --release` and commit the PNGs.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use render_art::{assets_dir, list_svgs, png_path_for, render_svg};

/// Decodes a PNG to `(width, height, rgba8)`.
fn decode_png(path: &Path) -> Result<(u32, u32, Vec<u8>), String> {
    let file = File::open(path).map_err(|e| format!("missing PNG: {e}"))?;
    let mut decoder = png::Decoder::new(BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let mut buf = vec![0; reader.output_buffer_size().ok_or("PNG too large")?];
    let info = reader.next_frame(&mut buf).map_err(|e| e.to_string())?;
    buf.truncate(info.buffer_size());
    if info.bit_depth != png::BitDepth::Eight {
        return Err(format!("unexpected bit depth {:?}", info.bit_depth));
    }
    let rgba = match info.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        png::ColorType::GrayscaleAlpha => buf
            .chunks_exact(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        png::ColorType::Grayscale => buf.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        other => return Err(format!("unexpected color type {other:?}")),
    };
    Ok((info.width, info.height, rgba))
}

#[test]
fn committed_pngs_match_their_svg_sources() {
    let assets = assets_dir();
    let svgs = list_svgs(&assets.join("src")).expect("list assets/src");
    assert!(!svgs.is_empty(), "no SVG sources found in assets/src");

    let mut failures = Vec::new();
    for svg in &svgs {
        let name = svg.file_name().unwrap().to_string_lossy().into_owned();
        let png_path = png_path_for(svg, &assets);
        let png_name = png_path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(svg).expect("read SVG");
        let (w, h, fresh) = match render_svg(&bytes) {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        let (pw, ph, committed) = match decode_png(&png_path) {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{png_name}: {e}"));
                continue;
            }
        };
        if (pw, ph) != (w, h) {
            failures.push(format!(
                "{png_name}: size {pw}x{ph}, but {name} renders at {w}x{h}"
            ));
            continue;
        }
        let differing = fresh
            .chunks_exact(4)
            .zip(committed.chunks_exact(4))
            .filter(|(a, b)| a != b)
            .count();
        if differing > 0 {
            failures.push(format!(
                "{png_name}: {differing} pixels differ from a fresh render of {name}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "committed PNGs drifted from their SVG sources \
         (run `cargo run -p render-art --release`):\n  {}",
        failures.join("\n  ")
    );
}

#[test]
fn every_png_has_a_source() {
    let assets = assets_dir();
    let mut orphans = Vec::new();
    for entry in std::fs::read_dir(&assets).expect("read assets") {
        let path = entry.expect("dir entry").path();
        if path.extension().is_some_and(|e| e == "png") {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            if !assets.join("src").join(format!("{stem}.svg")).exists() {
                orphans.push(stem);
            }
        }
    }
    assert!(
        orphans.is_empty(),
        "PNGs without an SVG source: {orphans:?}"
    );
}
