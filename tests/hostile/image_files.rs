//! Hostile images read from files: a PNG file is decoded as it is read (never held whole), so
//! that path gets the same bombs, truncations, flips, bad CRCs and huge dimensions as the
//! in-memory one, and must answer exactly as decoding the same bytes does.

use std::path::{Path, PathBuf};

use comicterm::art::{ArtError, KEEP_DIMENSION, decode_for, decode_input, open_art};
use comicterm::story::ArtOrigin;

use crate::images::{PANICKED, png_bomb, run_child, samples, vm_hwm_kb};
use crate::support::png::crc32;

/// Decodes the file at `path` for `want` pixels through the file path.
fn from_file(path: &Path, want: (u32, u32)) -> Result<image::RgbaImage, ArtError> {
    open_art(&ArtOrigin::File(path.to_path_buf()))
        .and_then(|input| decode_input(input, want))
        .map(|d| d.image)
}

/// Writes `bytes` to a file and checks that decoding the file answers as decoding the bytes
/// does (the same image, or the same error), at a small area and at the kept size. Returns
/// whether it decoded.
fn same_as_bytes(dir: &Path, what: &str, bytes: &[u8]) -> bool {
    let path: PathBuf = dir.join("art.bin");
    std::fs::write(&path, bytes).unwrap();
    let mut decoded = false;
    for want in [(60, 40), (KEEP_DIMENSION, KEEP_DIMENSION)] {
        let file = from_file(&path, want);
        let mem = decode_for(bytes, want).map(|d| d.image);
        match (&file, &mem) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a.dimensions(), b.dimensions(), "{what} at {want:?}");
                assert!(
                    a.as_raw() == b.as_raw(),
                    "{what} at {want:?}: pixels differ"
                );
                decoded = true;
            }
            (Err(a), Err(b)) => {
                assert_ne!(a.0, PANICKED, "decoder panic on {what}");
                assert_eq!(a.0, b.0, "{what} at {want:?}");
            }
            _ => panic!("{what} at {want:?}: file {file:?} but bytes {mem:?}"),
        }
    }
    decoded
}

/// A 2×2 interlaced (Adam7) RGBA PNG, written by hand: the row-by-row path cannot take it, so
/// a file of it is read again whole.
fn interlaced_png() -> Vec<u8> {
    let px = |v: u8| [v, 255 - v, 60, 255];
    // Adam7 on 2×2: pass 1 has (0,0), pass 6 has (1,0), pass 7 has row 1; filter 0 each.
    let mut raw = vec![0];
    raw.extend(px(10));
    raw.push(0);
    raw.extend(px(90));
    raw.push(0);
    raw.extend(px(170));
    raw.extend(px(250));
    let mut z = vec![0x78, 0x01, 1];
    z.extend((raw.len() as u16).to_le_bytes());
    z.extend((!(raw.len() as u16)).to_le_bytes());
    z.extend(&raw);
    let (mut a, mut b) = (1u32, 0u32);
    for &v in &raw {
        a = (a + u32::from(v)) % 65_521;
        b = (b + a) % 65_521;
    }
    z.extend(((b << 16) | a).to_be_bytes());
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend(2u32.to_be_bytes());
    ihdr.extend(2u32.to_be_bytes());
    ihdr.extend([8, 6, 0, 0, 1]);
    for (kind, data) in [(b"IHDR", &ihdr[..]), (b"IDAT", &z[..]), (b"IEND", &[][..])] {
        out.extend((data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend(kind);
        out.extend(data);
        let crc = crc32(&out[start..]);
        out.extend(crc.to_be_bytes());
    }
    out
}

/// Where the first IDAT chunk's data starts (its length is the 4 bytes 8 before).
fn idat_data(png: &[u8]) -> usize {
    png.windows(4).position(|w| w == b"IDAT").expect("IDAT") + 4
}

#[test]
fn files_decode_exactly_as_their_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let mut cases: Vec<(String, Vec<u8>)> = samples();
    let interlaced = interlaced_png();
    assert!(same_as_bytes(dir.path(), "interlaced", &interlaced));
    cases.push(("interlaced".into(), interlaced));
    let (mut runs, mut ok) = (0, 0);
    for (name, bytes) in &cases {
        let len = bytes.len();
        // Whole, cut at a spread of points (in the header, the data, the checksums).
        let cuts = [
            0,
            3,
            8,
            20,
            33,
            40,
            len / 7,
            len / 3,
            len / 2,
            len - 13,
            len - 1,
        ];
        for cut in cuts.into_iter().filter(|&c| c <= len) {
            ok += usize::from(same_as_bytes(
                dir.path(),
                &format!("{name}[..{cut}]"),
                &bytes[..cut],
            ));
            runs += 1;
        }
        assert!(same_as_bytes(dir.path(), name, bytes), "{name} decodes");
        // A bad CRC on the header (a critical chunk) is refused; a flipped byte in the image
        // data and a flipped CRC of the first data chunk answer as from memory.
        if name.ends_with(".png") {
            let mut m = bytes.clone();
            m[30] ^= 0x5A;
            assert!(!same_as_bytes(
                dir.path(),
                &format!("{name}, bad IHDR CRC"),
                &m
            ));
            let data = idat_data(bytes);
            let len = u32::from_be_bytes(bytes[data - 8..data - 4].try_into().unwrap()) as usize;
            for at in [data + 40, data + len] {
                let mut m = bytes.clone();
                m[at] ^= 0x5A;
                ok += usize::from(same_as_bytes(dir.path(), &format!("{name} ^ at {at}"), &m));
                runs += 1;
            }
        }
    }
    println!("FILES {runs} damaged files, {ok} gave an image");
    assert!(ok < runs, "cuts must not decode: {ok}/{runs}");
}

/// Runs in a child process: decompression bombs written to files and decoded from them.
#[test]
#[ignore]
fn file_bomb_child() {
    let dir = tempfile::tempdir().unwrap();
    let bombs = [
        ("png 20000x20000", png_bomb(20_000, 20_000, 8, 1_500_000)),
        ("png 8192x8192 16-bit", png_bomb(8192, 8192, 16, 1_000_000)),
        ("png 8192x8192", png_bomb(8192, 8192, 8, 3_000_000)),
        ("png 1x4000000000", png_bomb(1, 4_000_000_000, 8, 1000)),
    ];
    let before = vm_hwm_kb();
    for (name, bytes) in &bombs {
        let path = dir.path().join("bomb.png");
        std::fs::write(&path, bytes).unwrap();
        let Err(ArtError(msg)) = from_file(&path, (120, 80)) else {
            panic!("{name} decoded");
        };
        assert_ne!(msg, PANICKED, "{name}");
        println!("BOMB {name}: {msg}");
    }
    println!("HWM before {before} kB after {} kB", vm_hwm_kb());
}

#[test]
fn file_bombs_are_refused_with_bounded_memory() {
    let stdout = run_child("image_files::file_bomb_child", None);
    assert_eq!(stdout.matches("BOMB ").count(), 4, "{stdout}");
    let line = stdout.lines().find(|l| l.starts_with("HWM")).unwrap();
    let nums: Vec<u64> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    // Up to 512 MiB of pixels claimed; the files are read as decoded, a few MB at most.
    assert!(nums[1] - nums[0] < 50 * 1024, "peak RSS grew: {stdout}");
}

#[test]
fn files_over_the_cap_are_refused_before_decoding() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.png");
    let mut bytes = crate::support::png::solid(4, 4);
    bytes.resize(33 << 20, 0);
    std::fs::write(&big, &bytes).unwrap();
    let e = from_file(&big, (60, 40)).unwrap_err();
    assert!(e.0.contains("MiB") || e.0.contains("large"), "{e:?}");
}
