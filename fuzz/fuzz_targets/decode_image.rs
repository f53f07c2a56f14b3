//! Image bytes through the app's decoder and limits. libfuzzer-sys aborts on any panic, even
//! one `decode` would catch, so decoder panics are found too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(img) = comicterm::art::decode(data) {
        assert!(img.width() >= 1 && img.width() <= comicterm::art::KEEP_DIMENSION);
        assert!(img.height() >= 1 && img.height() <= comicterm::art::KEEP_DIMENSION);
    }
});
