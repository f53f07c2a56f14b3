//! The sanitizer's properties on arbitrary text: no control but newline, no bidi or
//! invisible format character, idempotent.
#![no_main]

use comicterm::text::{is_invisible_format, sanitize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let once = sanitize(&s);
    for c in once.chars() {
        assert!(!(c.is_control() && c != '\n'), "U+{:04X}", c as u32);
        assert!(!is_invisible_format(c), "U+{:04X}", c as u32);
    }
    assert_eq!(sanitize(&once), once);
});
