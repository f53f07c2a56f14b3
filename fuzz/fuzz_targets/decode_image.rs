//! Image bytes through the app's decoder and limits. libfuzzer-sys aborts on any panic, even
//! one `decode` would catch, so decoder panics are found too. Each input also goes through
//! `decode_for` at a small area, the path that decodes JPEG at 1/2–1/8 scale.
#![no_main]

use comicterm::art::{KEEP_DIMENSION, decode, decode_for};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(img) = decode(data) {
        assert!(img.width() >= 1 && img.width() <= KEEP_DIMENSION);
        assert!(img.height() >= 1 && img.height() <= KEEP_DIMENSION);
    }
    if let Ok(d) = decode_for(data, (64, 48)) {
        assert!(d.image.width() >= 1 && d.image.width() <= KEEP_DIMENSION);
        assert!(d.image.height() >= 1 && d.image.height() <= KEEP_DIMENSION);
    }
});
