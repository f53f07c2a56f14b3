//! The placeholder picture, drawn when the story is written (no copy of the built-in art).

/// Where the picture goes, relative to the story folder.
pub(super) const PICTURE: &str = "assets/placeholder.png";
const PICTURE_SIZE: (u32, u32) = (320, 180);

/// A sun over two green hills under a sky fading to pale, as a small RGB PNG.
pub(super) fn placeholder_png() -> Result<Vec<u8>, png::EncodingError> {
    let (w, h) = PICTURE_SIZE;
    let mut pixels = Vec::with_capacity((w * h * 3) as usize);
    for y in 0..h {
        for x in 0..w {
            pixels.extend_from_slice(&placeholder_pixel(x as f32, y as f32, h as f32));
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&pixels)?;
    writer.finish()?;
    Ok(out)
}

fn placeholder_pixel(x: f32, y: f32, h: f32) -> [u8; 3] {
    let hill = |cx: f32, top: f32, width: f32| top + ((x - cx) / width).powi(2) * h;
    let (sun_dx, sun_dy) = (x - 230.0, y - 55.0);
    if y > hill(90.0, 110.0, 160.0).min(hill(250.0, 125.0, 140.0)) {
        let shade = (y / h * 60.0) as u8;
        [60 - shade / 2, 150 - shade, 70 - shade / 2]
    } else if sun_dx * sun_dx + sun_dy * sun_dy < 26.0 * 26.0 {
        [250, 210, 80]
    } else {
        let t = y / h;
        [(110.0 + 120.0 * t) as u8, (170.0 + 70.0 * t) as u8, 235]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_picture_is_a_png_of_its_size() {
        let bytes = placeholder_png().unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let info = decoder.read_info().unwrap();
        assert_eq!((info.info().width, info.info().height), PICTURE_SIZE);
    }
}
