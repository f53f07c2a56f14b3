//! The DC-only path held to `jpeg-decoder` on the fixtures of `tests/fixtures/jpeg/` (made by
//! its `make.sh` with libjpeg's cjpeg) and on corrupted copies of them.

use std::path::Path;

use image::RgbaImage;

use super::bits::{Bits, extend};
use super::huffman::Table;
use super::{decode_dc, decode_jpeg, decode_jpeg_full};

/// Every fixture, by name, in name order.
fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jpeg");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("tests/fixtures/jpeg")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "jpg"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).expect("fixture"))
        })
        .collect();
    files.sort();
    assert!(
        files.len() >= 20,
        "fixtures missing: run tests/fixtures/jpeg/make.sh"
    );
    files
}

/// What `jpeg-decoder` gives at 1/8 scale (the smallest it decodes to).
fn reference(bytes: &[u8]) -> Option<RgbaImage> {
    decode_jpeg_full(bytes, (1, 1)).ok().map(|(img, _)| img)
}

/// The largest difference of any channel of any pixel.
fn max_diff(a: &RgbaImage, b: &RgbaImage) -> u8 {
    assert_eq!(a.dimensions(), b.dimensions());
    a.as_raw()
        .iter()
        .zip(b.as_raw())
        .map(|(x, y)| x.abs_diff(*y))
        .max()
        .unwrap_or(0)
}

/// Grey is compared exactly; colour within 2 levels (`jpeg-decoder`'s SIMD colour
/// conversion rounds in 16 bits, ours in 20 as its portable code does).
fn tolerance(name: &str) -> u8 {
    if name.starts_with("grey") { 0 } else { 2 }
}

#[test]
fn every_baseline_layout_matches_jpeg_decoder() {
    for (name, bytes) in fixtures().iter().filter(|(n, _)| !n.starts_with("other-")) {
        let ours = decode_dc(bytes).unwrap_or_else(|| panic!("{name}: not taken"));
        let theirs = reference(bytes).unwrap_or_else(|| panic!("{name}: jpeg-decoder failed"));
        assert_eq!(ours.dimensions(), theirs.dimensions(), "{name}");
        let diff = max_diff(&ours, &theirs);
        assert!(diff <= tolerance(name), "{name}: differs by {diff}");
    }
}

/// What the `image` crate writes (the hostile suite's JPEG samples are made with it) is taken.
#[test]
fn jpegs_written_by_the_image_crate_are_taken() {
    use image::{DynamicImage, ImageFormat, RgbImage};
    let rgb = RgbImage::from_fn(70, 50, |x, y| {
        image::Rgb([(x * 3) as u8, (y * 5) as u8, 90])
    });
    for img in [
        DynamicImage::ImageRgb8(rgb.clone()),
        DynamicImage::ImageLuma8(DynamicImage::ImageRgb8(rgb).to_luma8()),
    ] {
        let mut bytes = Vec::new();
        img.write_to(&mut std::io::Cursor::new(&mut bytes), ImageFormat::Jpeg)
            .unwrap();
        let ours = decode_dc(&bytes).expect("taken");
        let theirs = reference(&bytes).unwrap();
        assert!(max_diff(&ours, &theirs) <= 2);
    }
}

#[test]
fn other_kinds_are_left_to_jpeg_decoder() {
    for (name, bytes) in fixtures().iter().filter(|(n, _)| n.starts_with("other-")) {
        assert!(decode_dc(bytes).is_none(), "{name}: taken");
        let public = decode_jpeg(bytes, (1, 1)).map(|(img, size)| (img.into_raw(), size));
        let full = decode_jpeg_full(bytes, (1, 1)).map(|(img, size)| (img.into_raw(), size));
        assert_eq!(public.ok(), full.ok(), "{name}");
    }
}

#[test]
fn decode_jpeg_takes_the_dc_path_only_at_one_eighth() {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jpeg/ycc-2x2-large.jpg"),
    )
    .unwrap();
    let (small, size) = decode_jpeg(&bytes, (10, 10)).unwrap();
    assert_eq!(size, (203, 131));
    assert_eq!(small, decode_dc(&bytes).unwrap());
    // At 1/4 scale the full decoder runs: larger, and the same as the reference.
    let (quarter, _) = decode_jpeg(&bytes, (40, 40)).unwrap();
    assert_eq!(quarter.dimensions(), (51, 33));
    assert_eq!(quarter, decode_jpeg_full(&bytes, (40, 40)).unwrap().0);
}

/// A small deterministic generator for the corruptions.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below.max(1)
    }
}

/// Copies of `bytes` with one defect each: cut short, a byte changed, or a marker inserted.
fn corruptions(bytes: &[u8], seed: u64, count: usize) -> Vec<Vec<u8>> {
    let mut rng = Lcg(seed);
    (0..count)
        .map(|i| {
            let mut copy = bytes.to_vec();
            let at = rng.next(copy.len());
            match i % 4 {
                0 => copy.truncate(at),
                1 => copy[at] = rng.next(256) as u8,
                2 => copy[at] ^= 1 << rng.next(8),
                _ => {
                    let marker = [0xD0, 0xD3, 0xD9, 0x00, 0xFF, 0xC4][rng.next(6)];
                    copy.splice(at..at, [0xFF, marker]);
                }
            }
            copy
        })
        .collect()
}

#[test]
fn corrupt_files_decode_as_jpeg_decoder_decodes_them() {
    let (mut taken, mut refused) = (0, 0);
    for (n, (name, bytes)) in fixtures().iter().enumerate() {
        for (i, copy) in corruptions(bytes, n as u64, 48).iter().enumerate() {
            let ours = decode_jpeg(copy, (1, 1));
            let theirs = decode_jpeg_full(copy, (1, 1));
            match (ours, theirs) {
                (Ok((ours, a)), Ok((theirs, b))) => {
                    assert_eq!(a, b, "{name} #{i}");
                    let diff = max_diff(&ours, &theirs);
                    assert!(diff <= tolerance(name), "{name} #{i}: differs by {diff}");
                    taken += usize::from(decode_dc(copy).is_some());
                }
                (Err(ours), Err(theirs)) => {
                    assert_eq!(ours.to_string(), theirs.to_string(), "{name} #{i}");
                    refused += 1;
                }
                (ours, theirs) => panic!("{name} #{i}: {:?} but {:?}", ours.err(), theirs.err()),
            }
        }
    }
    // Corrupt files the DC path decodes and ones both refuse: both sides are exercised.
    assert!(
        taken > 100 && refused > 100,
        "taken {taken}, refused {refused}"
    );
}

#[test]
fn huffman_tables_decode_canonical_codes_and_refuse_overfull_ones() {
    // Two codes of length 1 fill the tree: a third of any length is too many.
    assert!(
        Table::new(
            &[2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            &[1, 2, 3]
        )
        .is_none()
    );
    assert!(Table::new(&[0; 16], &[]).is_none());
    // Codes: 0 -> 'a' (1 bit), 10 -> 'b', 110 -> 'c', then 1110_0000_0000 (12 bits) -> 'd'.
    let mut counts = [0u8; 16];
    counts[0..3].fill(1);
    counts[11] = 1;
    let table = Table::new(&counts, b"abcd").unwrap();
    assert_eq!(table.lookup(0x0000), Some((b'a', 1)));
    assert_eq!(table.lookup(0x8000), Some((b'b', 2)));
    assert_eq!(table.lookup(0xC000), Some((b'c', 3)));
    assert_eq!(table.lookup(0xE000), Some((b'd', 12)));
    assert_eq!(table.lookup(0xE010), None, "1110_0000_0001 is no code");
    assert_eq!(table.lookup(0xFFFF), None);
}

#[test]
fn bits_unstuff_ff00_and_read_zeros_after_a_marker() {
    let data = [0xAB, 0xFF, 0x00, 0x12, 0xFF, 0xD9];
    let mut bits = Bits::new(&data, 0);
    assert_eq!(bits.take(8), Some(0xAB));
    assert_eq!(bits.take(8), Some(0xFF));
    assert_eq!(bits.take(8), Some(0x12));
    assert_eq!(bits.take(16), Some(0), "zeros after the marker");
    assert_eq!(bits.take_marker(), Some(0xD9));
    // Without a marker the bytes just end: that is not a scan.
    let mut cut = Bits::new(&[0x12, 0x34], 0);
    assert_eq!(cut.take(8), None);
    // More than a byte of data before the marker is not a clean end.
    let mut early = Bits::new(&[0x12, 0x34, 0xFF, 0xD9], 0);
    assert_eq!(early.take(4), Some(1));
    assert_eq!(early.take_marker(), None);
    // FF 00 where a marker belongs (after fill bytes) is corrupt.
    assert_eq!(Bits::new(&[0xFF, 0xFF, 0x00], 0).take(8), None);
}

#[test]
fn extend_gives_jpeg_magnitudes() {
    assert_eq!(extend(0, 1), -1);
    assert_eq!(extend(1, 1), 1);
    assert_eq!(extend(0b000, 3), -7);
    assert_eq!(extend(0b011, 3), -4);
    assert_eq!(extend(0b100, 3), 4);
    assert_eq!(extend(0x7FF, 11), 2047);
    assert_eq!(extend(0, 11), -2047);
}
