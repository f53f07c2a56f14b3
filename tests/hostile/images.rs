//! Hostile images: bombs are refused in milliseconds with bounded memory, oversized and
//! special files are refused before reading, and every truncation and byte flip of the
//! shipped art gives an error or an image, never a panic.
//!
//! The default sweep is sampled (every truncation point in the first 256 bytes, 96 more
//! spread over each file, 96 byte flips per file, for all 16 PNGs, a JPEG made from one
//! and a generated 1300×1040 PNG that takes the row-by-row path); `exhaustive_sweep` (ignored, `cargo test --release --test hostile --
//! --ignored images::exhaustive_sweep`) cuts and flips every byte.

use std::io::Cursor;
use std::process::Command;
use std::time::{Duration, Instant};

use comicterm::art::{ArtError, decode, decode_for, read_bytes};
use comicterm::story::ArtOrigin;

/// What `decode` answers when the decoder panicked (it catches the panic).
pub(crate) const PANICKED: &str = "the image decoder failed on this file";

use crate::support::png::crc32;

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// A PNG claiming `w`×`h` pixels of `depth`-bit RGBA, with `idat` zero bytes compressed as
/// its data: a decompression bomb when the claim is large.
pub(crate) fn png_bomb(w: u32, h: u32, depth: u8, idat_zeros: usize) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[depth, 6, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    // A zlib stream of stored zero blocks is enough to look like the start of real data.
    let mut z = vec![0x78, 0x01];
    let mut left = idat_zeros;
    while left > 0 {
        let n = left.min(65_535);
        left -= n;
        z.push(u8::from(left == 0));
        z.extend_from_slice(&(n as u16).to_le_bytes());
        z.extend_from_slice(&(!(n as u16)).to_le_bytes());
        z.extend(std::iter::repeat_n(0u8, n));
    }
    chunk(&mut out, b"IDAT", &z);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// A small real JPEG with its frame header patched to claim `w`×`h`.
fn jpeg_bomb(w: u16, h: u16) -> Vec<u8> {
    let mut jpeg = small_jpeg();
    let sof = jpeg
        .windows(2)
        .position(|p| p == [0xFF, 0xC0])
        .expect("baseline SOF0");
    jpeg[sof + 5..sof + 7].copy_from_slice(&h.to_be_bytes());
    jpeg[sof + 7..sof + 9].copy_from_slice(&w.to_be_bytes());
    jpeg
}

fn small_jpeg() -> Vec<u8> {
    let img = image::RgbImage::from_fn(64, 48, |x, y| image::Rgb([x as u8 * 4, y as u8 * 5, 90]));
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Jpeg)
        .unwrap();
    out
}

pub(crate) fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Runs in a child process (see `bombs_are_refused_fast_with_bounded_memory`), so that the
/// peak RSS measured is this work's alone.
#[test]
#[ignore]
fn bomb_child() {
    let bombs: Vec<(&str, Vec<u8>)> = vec![
        ("png 20000x20000", png_bomb(20_000, 20_000, 8, 1_500_000)),
        ("png 8192x8192 16-bit", png_bomb(8192, 8192, 16, 1_000_000)),
        ("png 65535x1", png_bomb(65_535, 1, 8, 1000)),
        ("png 1x4000000000", png_bomb(1, 4_000_000_000, 8, 1000)),
        ("jpeg 65500x65500", jpeg_bomb(65_500, 65_500)),
        ("jpeg 9000x100", jpeg_bomb(9000, 100)),
    ];
    let before = vm_hwm_kb();
    for (name, bytes) in &bombs {
        let start = Instant::now();
        let result = decode(bytes);
        let took = start.elapsed();
        let Err(ArtError(msg)) = result else {
            panic!("{name} decoded");
        };
        assert_ne!(msg, PANICKED, "{name}");
        println!(
            "BOMB {name} {} bytes: {msg} in {} us",
            bytes.len(),
            took.as_micros()
        );
        // Timing is reported, not asserted: speed targets live in benchmarks.
    }
    let after = vm_hwm_kb();
    println!("HWM before {before} kB after {after} kB");
}

/// Runs the ignored test `name` of this binary in a child process (its own peak memory), with
/// an environment variable set if given; returns its output after asserting it passed.
pub(crate) fn run_child(name: &str, env: Option<(&str, &std::path::Path)>) -> String {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        name,
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ]);
    if let Some((key, value)) = env {
        cmd.env(key, value);
    }
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

#[test]
fn bombs_are_refused_fast_with_bounded_memory() {
    let stdout = run_child("images::bomb_child", None);
    assert_eq!(stdout.matches("BOMB ").count(), 6, "{stdout}");
    print!("{stdout}");
    let line = stdout.lines().find(|l| l.starts_with("HWM")).unwrap();
    let nums: Vec<u64> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    let (before, after) = (nums[0], nums[1]);
    // The bombs claim up to 12 GiB; the files themselves total about 4 MB.
    assert!(
        after - before < 50 * 1024,
        "peak RSS grew {} kB: {stdout}",
        after - before
    );
}

#[test]
fn oversized_and_special_files_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    // 40 MiB sparse junk named .jpg.
    let big = dir.path().join("big.jpg");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(40 << 20).unwrap();
    let fifo = dir.path().join("fifo.png");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let before = vm_hwm_kb();
    for (path, what) in [(&big, "40 MiB"), (&fifo, "FIFO")] {
        let path = path.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let start = Instant::now();
            let r = read_bytes(&ArtOrigin::File(path));
            let _ = tx.send((r.map(|b| b.len()), start.elapsed()));
        });
        match rx.recv_timeout(Duration::from_secs(5)) {
            Ok((r, took)) => {
                assert!(r.is_err(), "{what} read: {r:?}");
                println!("{what} refused in {took:?}");
            }
            Err(_) => panic!("{what} hangs"),
        }
    }
    assert!(
        vm_hwm_kb() - before < 30 * 1024,
        "nothing was read into memory"
    );
}

#[test]
fn format_is_sniffed_not_trusted() {
    let png = std::fs::read("assets/01-invitation.png").unwrap();
    assert!(decode(&png).is_ok());
    assert!(decode(&small_jpeg()).is_ok());
    let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;";
    assert_eq!(decode(gif).unwrap_err().0, "not a PNG or JPEG image");
    assert!(decode(b"").is_err());
    assert!(decode(&png[..8]).is_err());
}

/// Decodes `bytes`; fails on a caught decoder panic. Returns whether it decoded. JPEGs are
/// also decoded for a small area: 1/8 scale for the 640×480 sample, where a baseline JPEG
/// takes the DC-only path (`src/art/jpeg/scan.rs`) and anything it leaves goes to
/// `jpeg-decoder`.
fn decodes(what: &str, bytes: &[u8]) -> bool {
    if what.contains(".jpg")
        && let Err(ArtError(msg)) = decode_for(bytes, (60, 40))
    {
        assert_ne!(msg, PANICKED, "decoder panic on {what}, scaled");
    }
    match decode(bytes) {
        Ok(img) => {
            assert!(img.width() > 0 && img.height() > 0, "{what}");
            true
        }
        Err(ArtError(msg)) => {
            assert_ne!(msg, PANICKED, "decoder panic on {what}");
            false
        }
    }
}

/// The shipped PNGs and a JPEG made from one of them.
pub(crate) fn samples() -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir("assets")
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    v.sort();
    assert_eq!(v.len(), 16);
    let img = image::load_from_memory(&v[0].1).unwrap().to_rgb8();
    let mut jpeg = Vec::new();
    img.write_to(&mut Cursor::new(&mut jpeg), image::ImageFormat::Jpeg)
        .unwrap();
    v.push(("01-invitation.jpg".into(), jpeg));
    // Larger than the kept size (1024), so PNG takes the row-by-row downscaling path.
    let big = image::RgbaImage::from_fn(1300, 1040, |x, y| {
        image::Rgba([(x / 5) as u8, (y / 4) as u8, ((x ^ y) & 0xF0) as u8, 255])
    });
    let mut png = Vec::new();
    big.write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    v.push(("generated 1300x1040.png".into(), png));
    v
}

/// A deterministic spread of `n` positions over `0..len` (a fixed-step walk).
fn spread(len: usize, n: usize, salt: usize) -> Vec<usize> {
    (0..n)
        .map(|i| (i * len / n + salt * 7919 + i * 131) % len)
        .collect()
}

/// The generated large PNG decodes through unoptimized app code: a quarter of the samples.
fn scaled(name: &str, n: usize) -> usize {
    if name.starts_with("generated") {
        n / 4
    } else {
        n
    }
}

fn sweep(cuts_per_file: usize, flips_per_file: usize, every: bool) -> (usize, usize) {
    let files = samples();
    let (mut runs, mut ok) = (0, 0);
    std::thread::scope(|sc| {
        let handles: Vec<_> = files
            .chunks(files.len().div_ceil(2))
            .map(|chunk| {
                sc.spawn(move || {
                    let (mut runs, mut ok) = (0, 0);
                    for (salt, (name, bytes)) in chunk.iter().enumerate() {
                        let len = bytes.len();
                        let mut cuts: Vec<usize> = if every {
                            (0..len).collect()
                        } else {
                            let mut c: Vec<usize> = (0..256.min(len)).collect();
                            c.extend(spread(len, scaled(name, cuts_per_file), salt));
                            c
                        };
                        cuts.sort_unstable();
                        cuts.dedup();
                        for cut in cuts {
                            ok += usize::from(decodes(&format!("{name}[..{cut}]"), &bytes[..cut]));
                            runs += 1;
                        }
                        let flips: Vec<usize> = if every {
                            (0..len).collect()
                        } else {
                            spread(len, scaled(name, flips_per_file), salt + 1)
                        };
                        let mut m = bytes.clone();
                        for at in flips {
                            m[at] ^= 0xFF;
                            ok += usize::from(decodes(&format!("{name} ^ at {at}"), &m));
                            m[at] ^= 0xFF;
                            runs += 1;
                        }
                    }
                    (runs, ok)
                })
            })
            .collect();
        for h in handles {
            let (r, o) = h.join().unwrap();
            runs += r;
            ok += o;
        }
    });
    println!(
        "SWEEP {runs} decodes, {ok} gave an image, {} an error, 0 panics",
        runs - ok
    );
    (runs, ok)
}

#[test]
fn truncations_and_byte_flips_never_panic() {
    let (runs, ok) = sweep(96, 96, false);
    assert!(runs >= 17 * (256 + 96 + 96) + 256 + 48 - 18 * 8, "{runs}");
    // A cut inside the data must not "decode" the whole image; most cuts fail.
    assert!(ok < runs, "{ok}/{runs}");
}

#[test]
#[ignore]
fn exhaustive_sweep() {
    sweep(0, 0, true);
}

/// A 6000×6000 JPEG (decoded at 1/4 scale, 1500×1500, then kept at 1024×1024).
fn big_jpeg() -> Vec<u8> {
    let (w, h) = (6000u32, 6000u32);
    let pixels = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, 90])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 60)
        .encode_image(&pixels)
        .unwrap();
    jpeg
}

/// Runs in a child process: the 8192×8192 JPEG named by `COMICTERM_HUGE_JPEG` decoded for a
/// 120×40 half-block area and at the kept size; the peak RSS is this work's alone.
#[test]
#[ignore]
fn huge_jpeg_child() {
    let Some(path) = std::env::var_os("COMICTERM_HUGE_JPEG") else {
        return;
    };
    let bytes = std::fs::read(path).unwrap();
    let before = vm_hwm_kb();
    let small = decode_for(&bytes, (120, 80)).unwrap_or_else(|e| panic!("{e}"));
    let kept = decode(&bytes).unwrap_or_else(|e| panic!("{e}"));
    println!(
        "SIZES {} {} {} {}",
        small.image.width(),
        small.image.height(),
        kept.width(),
        kept.height()
    );
    println!("HWM before {before} kB after {} kB", vm_hwm_kb());
}

/// An 8192×8192 JPEG (the largest accepted) is never allocated at full size (192 MiB as RGB):
/// for a small area it is decoded at 1/8 scale (1024×1024), and the kept size needs no more.
#[test]
fn huge_jpegs_are_decoded_at_the_size_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.jpg");
    let (w, h) = (8192u32, 8192u32);
    let pixels = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x / 32) as u8, (y / 32) as u8, ((x ^ y) / 64) as u8])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 50)
        .encode_image(&pixels)
        .unwrap();
    drop(pixels);
    std::fs::write(&path, jpeg).unwrap();
    let stdout = run_child(
        "images::huge_jpeg_child",
        Some(("COMICTERM_HUGE_JPEG", &path)),
    );
    print!("{stdout}");
    let nums = |tag: &str| -> Vec<u64> {
        // With one test thread the first line follows libtest's `test name ... `.
        let line = stdout
            .lines()
            .find_map(|l| l.find(tag).map(|i| &l[i..]))
            .unwrap();
        line.split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect()
    };
    // The small area gets the 1/8 decode (1024×1024) as it is; the kept size is the same.
    assert_eq!(nums("SIZES"), [1024, 1024, 1024, 1024]);
    let hwm = nums("HWM");
    let grew_mb = (hwm[1] - hwm[0]) / 1024;
    println!("peak grew {grew_mb} MB");
    assert!(
        grew_mb < 40,
        "peak RSS grew {grew_mb} MB decoding an 8192x8192 JPEG"
    );
}

/// Runs in a child process: four threads decode the big JPEG named by `COMICTERM_BIG_JPEG` at
/// once (as the viewer's workers and `check` may); the peak RSS is this work's alone.
#[test]
#[ignore]
fn concurrent_child() {
    let Some(path) = std::env::var_os("COMICTERM_BIG_JPEG") else {
        return;
    };
    let bytes = std::fs::read(path).unwrap();
    let before = vm_hwm_kb();
    let start = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                let image = decode(&bytes).unwrap_or_else(|e| panic!("{e}"));
                assert!(image.width() <= comicterm::art::KEEP_DIMENSION);
            });
        }
    });
    println!("DECODED 4 in {} ms", start.elapsed().as_millis());
    println!("HWM before {before} kB after {} kB", vm_hwm_kb());
}

/// Decoding is bounded by one shared budget, not per picture: four 6000×6000 JPEGs decoded
/// at once stay within the budget (512 MiB). Decoded whole, each took about 250 MB (RGB,
/// then an RGBA copy) and three fit the budget together; DCT scaling now needs about 25 MB.
#[test]
fn concurrent_decodes_share_one_memory_budget() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jpg");
    std::fs::write(&path, big_jpeg()).unwrap();
    let stdout = run_child(
        "images::concurrent_child",
        Some(("COMICTERM_BIG_JPEG", &path)),
    );
    print!("{stdout}");
    let line = stdout.lines().find(|l| l.starts_with("HWM")).unwrap();
    let nums: Vec<u64> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    let grew_mb = (nums[1] - nums[0]) / 1024;
    let budget_mb = comicterm::art::DECODE_BUDGET >> 20;
    println!("peak grew {grew_mb} MB; budget {budget_mb} MiB");
    // The budget bounds it (with room for what decoders hold beyond their estimate).
    assert!(
        grew_mb < budget_mb * 5 / 4,
        "peak grew {grew_mb} MB over a {budget_mb} MiB budget"
    );
}
