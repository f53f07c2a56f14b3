//! The DC-only JPEG path against `jpeg-decoder`: for any bytes, the app's JPEG decoding at
//! 1/8 scale (which takes the DC-only path when it can) and the full decoder agree. Both
//! refuse with the same message, or both decode to the same size with every channel within
//! 2 levels (the full decoder's SIMD colour conversion rounds differently).
#![no_main]

use comicterm::art::{decode_jpeg, decode_jpeg_full};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match (decode_jpeg(data, (1, 1)), decode_jpeg_full(data, (1, 1))) {
        (Ok((ours, a)), Ok((theirs, b))) => {
            assert_eq!(a, b);
            assert_eq!(ours.dimensions(), theirs.dimensions());
            let diff = ours.as_raw().iter().zip(theirs.as_raw()).map(|(x, y)| x.abs_diff(*y));
            assert!(diff.max().unwrap_or(0) <= 2);
        }
        (Err(ours), Err(theirs)) => assert_eq!(ours.to_string(), theirs.to_string()),
        (ours, theirs) => panic!("{:?} but the full decoder: {:?}", ours.err(), theirs.err()),
    }
});
