//! Scaling pixels: the fitted size for an area, and a fast resize to it.

use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer, images};
use image::RgbaImage;

/// Scales `image` to exactly `w × h` with a triangle (bilinear) filter whose support grows with
/// the reduction, so every source pixel counts (like `imageops::resize` with `Triangle`, but
/// SIMD and in integers; alpha is premultiplied while filtering).
pub fn resize(image: &RgbaImage, w: u32, h: u32) -> RgbaImage {
    if (w, h) == image.dimensions() {
        return image.clone();
    }
    let fast = || {
        let src = images::ImageRef::new(
            image.width(),
            image.height(),
            image.as_raw(),
            PixelType::U8x4,
        )
        .ok()?;
        let mut dst = images::Image::new(w, h, PixelType::U8x4);
        // Premultiplying copies the whole source; opaque images (most art) need not.
        let opaque = image.as_raw().chunks_exact(4).fold(255u8, |a, p| a & p[3]) == 255;
        let options = ResizeOptions::new()
            .resize_alg(ResizeAlg::Convolution(FilterType::Bilinear))
            .use_alpha(!opaque);
        Resizer::new().resize(&src, &mut dst, &options).ok()?;
        RgbaImage::from_raw(w, h, dst.into_vec())
    };
    fast().unwrap_or_else(|| {
        image::imageops::resize(image, w, h, image::imageops::FilterType::Triangle)
    })
}

/// The largest `w × h` with the image's aspect ratio inside `max_w × max_h`.
pub fn fit(iw: u32, ih: u32, max_w: u32, max_h: u32) -> (u32, u32) {
    if iw == 0 || ih == 0 || max_w == 0 || max_h == 0 {
        return (0, 0);
    }
    let (iw, ih, max_w, max_h) = (
        u64::from(iw),
        u64::from(ih),
        u64::from(max_w),
        u64::from(max_h),
    );
    let (w, h) = if iw * max_h <= ih * max_w {
        // Height-bound.
        ((iw * max_h + ih / 2) / ih, max_h)
    } else {
        (max_w, (ih * max_w + iw / 2) / iw)
    };
    let clamp = |v: u64, max: u64| u32::try_from(v.clamp(1, max)).unwrap_or(1);
    (clamp(w, max_w), clamp(h, max_h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_keeps_aspect_and_bounds() {
        assert_eq!(fit(640, 480, 60, 36), (48, 36));
        assert_eq!(fit(800, 400, 60, 60), (60, 30));
        assert_eq!(fit(1, 1, 10, 4), (4, 4));
        assert_eq!(fit(100_000, 1, 10, 10), (10, 1));
        assert_eq!(fit(0, 5, 10, 10), (0, 0));
    }
}
