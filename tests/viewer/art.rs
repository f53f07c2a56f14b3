//! Panel art: the built-in pages render real pictures in half-blocks, and broken images fall
//! back to the panel's alt text with a one-line reason, quickly and without panicking.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use comicterm::app::{Action, Position};
use comicterm::art::{ArtStatus, ArtStore, ArtView, ColorMode, Graphics, decode};
use comicterm::story::{Story, StorySource, load};
use comicterm::ui::{self, ViewCtx, layout};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;

use crate::support::frame;
use crate::support::png::{crc32, solid as png};
use crate::support::story::builtin;

/// Draws `page` (0-based) at `size` with art prepared, as `comicterm render` does.
fn draw_page(story: &Story, page: usize, size: (u16, u16), graphics: Graphics) -> Buffer {
    let app = frame::app(
        story,
        None,
        size,
        &[Action::GoTo(Position { page, panel: 0 })],
    );
    let art = ArtView::new(Arc::default(), ColorMode::TrueColor, graphics);
    let mut buf = Buffer::empty(Rect::new(0, 0, size.0, size.1));
    let ctx = ViewCtx::with_art(&app, &art);
    ui::frame(&app, &ctx, buf.area, &mut buf, ui::Missing::PrepareNow);
    buf
}

fn rgb_colors(buf: &Buffer, area: Rect) -> Vec<(u8, u8, u8)> {
    let mut out = Vec::new();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if let Some(cell) = buf.cell((x, y)) {
                for c in [cell.fg, cell.bg] {
                    if let Color::Rgb(r, g, b) = c {
                        out.push((r, g, b));
                    }
                }
            }
        }
    }
    out
}

fn near(c: (u8, u8, u8), target: (u8, u8, u8), tol: i32) -> bool {
    let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).abs();
    d(c.0, target.0) + d(c.1, target.1) + d(c.2, target.2) <= tol
}

const DAVID_HAIR: (u8, u8, u8) = (0xE4, 0x57, 0x2E);
const LI_BLOUSE: (u8, u8, u8) = (0x1F, 0x8A, 0x8A);

#[test]
fn every_page_shows_real_art_in_every_panel() {
    let story = builtin();
    for (p, page) in story.pages.iter().enumerate() {
        let buf = draw_page(story, p, (120, 40), Graphics::Halfblocks);
        let (body, _) = layout::screen(buf.area);
        for (panel, rect) in page.panels.iter().zip(layout::page_rects(page, body)) {
            let colors = rgb_colors(&buf, rect);
            let distinct: HashSet<_> = colors.iter().collect();
            assert!(
                distinct.len() >= 30,
                "page {} panel {}: only {} distinct colors",
                p + 1,
                panel.number,
                distinct.len()
            );
        }
        let all = rgb_colors(&buf, body);
        assert!(
            all.iter().any(|&c| near(c, LI_BLOUSE, 40)),
            "page {}: Li's teal blouse",
            p + 1
        );
    }
}

#[test]
fn the_characters_signature_colors_appear_where_they_do() {
    let story = builtin();
    // David is on pages 1–3 (and fades out on page 4).
    for p in 0..3 {
        let buf = draw_page(story, p, (120, 40), Graphics::Halfblocks);
        let hair = rgb_colors(&buf, buf.area)
            .into_iter()
            .filter(|&c| near(c, DAVID_HAIR, 40))
            .count();
        assert!(
            hair >= 20,
            "page {}: David's red hair ({hair} cells)",
            p + 1
        );
    }
}

#[test]
fn graphics_none_shows_alt_text_instead() {
    let story = builtin();
    let buf = draw_page(story, 0, (120, 40), Graphics::None);
    assert!(rgb_colors(&buf, buf.area).is_empty(), "no art colors");
    let text: String = (0..40)
        .map(|y| {
            (0..120)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect();
    assert!(
        text.contains("ponytail"),
        "the alt text of panel 1 is shown"
    );
}

fn jpeg() -> Vec<u8> {
    let img = image::RgbImage::from_pixel(16, 16, image::Rgb([30, 30, 200]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

/// A PNG whose header declares `w × h` pixels, followed by a tiny IDAT: a decompression bomb.
fn bomb_png(w: u32, h: u32) -> Vec<u8> {
    let mut bytes = png(1, 1);
    // IHDR data starts at byte 16: width then height, big-endian; fix the CRC after it.
    bytes[16..20].copy_from_slice(&w.to_be_bytes());
    bytes[20..24].copy_from_slice(&h.to_be_bytes());
    let crc = crc32(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    bytes
}

#[test]
fn broken_images_are_refused_with_a_reason() {
    let good = png(40, 30);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated", good[..good.len() / 2].to_vec(), "truncated"),
        (
            "random bytes",
            (0..4096u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                .collect(),
            "not a PNG or JPEG",
        ),
        ("bomb", bomb_png(100_000, 100_000), "too large"),
        ("wide bomb", bomb_png(20_000, 20_000), "too large"),
    ];
    for (name, bytes, reason) in cases {
        let err = decode(&bytes).expect_err(name);
        assert!(err.0.contains(reason), "{name}: {err}");
    }
    assert!(decode(&good).is_ok());
    assert!(decode(&jpeg()).is_ok());
}

/// Peak resident memory of this process's finished children, in KiB.
fn children_peak_kib() -> i64 {
    // SAFETY: getrusage only writes into the struct we pass.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &raw mut usage) };
    assert_eq!(rc, 0);
    usage.ru_maxrss
}

#[test]
fn a_decompression_bomb_is_refused_with_bounded_memory() {
    // Decoding 100000×100000 RGBA would need 40 GB; the header check refuses it first.
    let dir = tempfile::tempdir().unwrap();
    let bomb = dir.path().join("bomb.png");
    std::fs::write(&bomb, bomb_png(100_000, 100_000)).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_comicterm"))
        .args(["render", bomb.to_str().unwrap(), "--size", "40x12"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("too large"));
    let peak_mib = children_peak_kib() / 1024;
    assert!(
        peak_mib < 64,
        "peak memory of the child processes: {peak_mib} MiB"
    );
}

/// A story folder with one panel per broken image, each named in its alt text.
fn faulty_story(dir: &Path) {
    std::fs::create_dir_all(dir.join("panels")).unwrap();
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    let good = png(40, 30);
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("truncated.png", good[..good.len() / 2].to_vec()),
        ("random.png", vec![0x42; 2048]),
        ("photo.png", jpeg()),
        ("huge.png", bomb_png(100_000, 100_000)),
    ];
    for (name, bytes) in &files {
        std::fs::File::create(dir.join("assets").join(name))
            .unwrap()
            .write_all(bytes)
            .unwrap();
    }
    let arts = [
        "missing.png",
        "truncated.png",
        "random.png",
        "photo.png",
        "huge.png",
    ];
    let mut story = String::from(
        "schema = 1\nid = \"faults\"\nlanguages = [\"en\"]\ntitle = { en = \"Faults\" }\nsummary = { en = \"Broken art.\" }\n\n[[page]]\nid = \"p1\"\nrows = 1\ncols = 5\n",
    );
    for (i, art) in arts.iter().enumerate() {
        story += &format!(
            "\n[[page.cell]]\npanel = \"p{i}\"\nrow = 1\ncol = {}\n",
            i + 1
        );
        let panel =
            format!("id = \"p{i}\"\nart = \"assets/{art}\"\nalt = {{ en = \"Alt {art}\" }}\n");
        std::fs::write(dir.join(format!("panels/{i}.toml")), panel).unwrap();
    }
    std::fs::write(dir.join("panels/story.toml"), story).unwrap();
}

#[test]
fn a_panel_with_broken_art_shows_its_alt_text_and_why() {
    let dir = tempfile::tempdir().unwrap();
    faulty_story(dir.path());
    let outcome = load(&StorySource::Dir(dir.path().to_path_buf()));
    let story = outcome
        .story
        .expect("broken art does not stop the story from opening");
    let store = ArtStore::default();
    let reasons: Vec<String> = story
        .panels()
        .map(
            |p| match store.prepare(p.art.as_ref().unwrap(), 20, 10, ColorMode::TrueColor) {
                ArtStatus::Failed(e) => e.0,
                other => panic!("{}: {other:?}", p.alt.get("en")),
            },
        )
        .collect();
    assert!(reasons[0].contains("does not exist"), "{reasons:?}");
    assert!(reasons[1].contains("truncated"), "{reasons:?}");
    assert!(reasons[2].contains("neither PNG nor JPEG"), "{reasons:?}");
    assert!(
        reasons[3].contains("holds JPEG data but is named .png"),
        "{reasons:?}"
    );
    assert!(reasons[4].contains("too large"), "{reasons:?}");
    // The page still draws, each panel with its alt text.
    let buf = draw_page(&story, 0, (200, 30), Graphics::Auto);
    let text: String = (0..30)
        .map(|y| {
            (0..200)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                + "\n"
        })
        .collect();
    for art in ["missing", "truncated", "random", "photo", "huge"] {
        assert!(
            text.contains(&format!("Alt {art}")),
            "alt text of {art}:\n{text}"
        );
    }
}

#[test]
fn check_reports_art_that_cannot_be_decoded() {
    let dir = tempfile::tempdir().unwrap();
    faulty_story(dir.path());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_comicterm"))
        .args(["check", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    for (file, what) in [
        ("panels/0.toml:2:7", "does not exist"),
        ("panels/1.toml:2:7", "truncated"),
        ("panels/2.toml:2:7", "neither PNG nor JPEG"),
        ("panels/3.toml:2:7", "holds JPEG data"),
        ("panels/4.toml:2:7", "too large"),
    ] {
        assert!(stderr.contains(file), "{file} in:\n{stderr}");
        assert!(stderr.contains(what), "{what} in:\n{stderr}");
    }
}

#[test]
fn a_folder_of_images_reads_as_a_comic_in_natural_order() {
    let dir = tempfile::tempdir().unwrap();
    for (name, w) in [("page10.png", 30), ("page2.png", 20), ("page1.jpg", 10)] {
        let bytes = if name.ends_with(".jpg") {
            jpeg()
        } else {
            png(w, 10)
        };
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    std::fs::write(dir.path().join("broken.png"), b"not an image").unwrap();
    std::fs::write(dir.path().join("notes.txt"), b"ignored").unwrap();
    let source = StorySource::from_arg(Some(dir.path()));
    assert!(matches!(source, StorySource::Images(_)));
    let story = load(&source).story.unwrap();
    let alts: Vec<&str> = story.panels().map(|p| p.alt.get("en")).collect();
    assert_eq!(alts, ["broken", "page1", "page2", "page10"]);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_comicterm"))
        .args(["check", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("broken.png"), "{stderr}");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_comicterm"))
        .args([
            "render",
            dir.path().join("page2.png").to_str().unwrap(),
            "--size",
            "40x12",
            "--format",
            "ansi",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let ansi = String::from_utf8(out.stdout).unwrap();
    assert!(ansi.contains("38;2;200;30;30"), "the image's red is drawn");
}

#[test]
fn a_cbz_archive_reads_as_a_comic_and_its_bad_pages_are_reported() {
    use zip::write::SimpleFileOptions;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("comic.cbz");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let deflated =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let entries: Vec<(&str, Vec<u8>)> = vec![
        ("ch1/p10.png", png(30, 10)),
        ("ch1/p2.png", png(20, 10)),
        ("ch1/p1.jpg", jpeg()),
        ("ch1/p3.png", bomb_png(100_000, 100_000)),
        ("__MACOSX/ch1/._p1.png", b"resource fork".to_vec()),
        ("readme.txt", b"not a page".to_vec()),
    ];
    for (name, bytes) in &entries {
        zip.start_file(*name, deflated).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
    let source = StorySource::from_arg(Some(&path));
    let story = load(&source).story.expect("the archive opens");
    let alts: Vec<&str> = story.panels().map(|p| p.alt.get("en")).collect();
    assert_eq!(alts, ["p1", "p2", "p3", "p10"]);
    let store = ArtStore::default();
    let status: Vec<bool> = story
        .panels()
        .map(|p| {
            matches!(
                store.prepare(p.art.as_ref().unwrap(), 20, 10, ColorMode::TrueColor),
                ArtStatus::Ready(_)
            )
        })
        .collect();
    assert_eq!(status, [true, true, false, true], "only the bomb fails");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_comicterm"))
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("p3.png") && stderr.contains("too large"),
        "{stderr}"
    );
}

#[test]
fn a_damaged_archive_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.cbz");
    std::fs::write(&path, b"PK\x03\x04 this is not really a zip").unwrap();
    let outcome = load(&StorySource::from_arg(Some(&path)));
    assert!(outcome.story.is_none());
    assert!(
        outcome.diagnostics[0]
            .message
            .contains("cannot read the archive"),
        "{:?}",
        outcome.diagnostics[0].message
    );
}

#[test]
fn snapshot_of_page_one_with_art_at_80x24() {
    let story = builtin();
    let buf = draw_page(story, 0, (80, 24), Graphics::Halfblocks);
    // The ANSI form keeps the colors, so a change in the art pipeline shows up here.
    insta::assert_snapshot!(comicterm::ui::dump::ansi(&buf));
}

#[test]
fn art_never_touches_the_last_row() {
    let story = builtin();
    for (w, h) in [(80, 24), (120, 40), (60, 20), (200, 60)] {
        for page in 0..story.pages.len() {
            let buf = draw_page(story, page, (w, h), Graphics::Halfblocks);
            let last = Rect::new(0, h - 1, w, 1);
            assert!(
                rgb_colors(&buf, last).is_empty(),
                "page {} at {w}x{h}: art on the last row",
                page + 1
            );
        }
    }
}

#[test]
fn two_files_whose_names_sanitize_alike_keep_their_own_art() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("panels")).unwrap();
    std::fs::create_dir_all(dir.path().join("assets")).unwrap();
    let solid = |rgb: [u8; 3]| {
        let img = image::RgbaImage::from_pixel(8, 8, image::Rgba([rgb[0], rgb[1], rgb[2], 255]));
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    };
    std::fs::write(dir.path().join("assets/a.png"), solid([250, 0, 0])).unwrap();
    std::fs::write(dir.path().join("assets/a\u{200b}.png"), solid([0, 0, 250])).unwrap();
    let story = "schema = 1\nid = \"s\"\nlanguages = [\"en\"]\ntitle = { en = \"T\" }\nsummary = { en = \"S\" }\n\n[[page]]\nid = \"p\"\nrows = 1\ncols = 2\n\n[[page.cell]]\npanel = \"one\"\nrow = 1\ncol = 1\n\n[[page.cell]]\npanel = \"two\"\nrow = 1\ncol = 2\n";
    std::fs::write(dir.path().join("panels/story.toml"), story).unwrap();
    std::fs::write(
        dir.path().join("panels/1.toml"),
        "id = \"one\"\nart = \"assets/a.png\"\nalt = { en = \"red\" }\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("panels/2.toml"),
        "id = \"two\"\nart = \"assets/a\u{200b}.png\"\nalt = { en = \"blue\" }\n",
    )
    .unwrap();
    let story = load(&StorySource::Dir(dir.path().to_path_buf()))
        .story
        .expect("viewable");
    let store = ArtStore::default();
    let first_color = |n: usize| {
        let art = story.pages[0].panels[n].art.as_ref().unwrap();
        match store.prepare(art, 4, 2, ColorMode::TrueColor) {
            ArtStatus::Ready(p) => p.cells[0].0.unwrap(),
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(first_color(0), [250, 0, 0]);
    assert_eq!(
        first_color(1),
        [0, 0, 250],
        "the second file is not served from the first's cache"
    );
}

/// A large archive is opened and indexed once, not once per page: checking 10× the pages
/// costs about 10× the time (it was quadratic: 10,000 entries took over a minute).
#[test]
fn checking_a_large_archive_scales_linearly() {
    use zip::write::SimpleFileOptions;
    let dir = tempfile::tempdir().unwrap();
    let page = png(8, 8);
    let mut took = Vec::new();
    for n in [500usize, 5_000] {
        let path = dir.path().join(format!("pages{n}.cbz"));
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
        let stored =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        for i in 0..n {
            zip.start_file(format!("p{i}.png"), stored).unwrap();
            zip.write_all(&page).unwrap();
        }
        zip.finish().unwrap();
        let start = std::time::Instant::now();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_comicterm"))
            .args(["check", path.to_str().unwrap()])
            .output()
            .unwrap();
        let t = start.elapsed();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        println!("check of a {n}-page archive: {t:?}");
        took.push(t.as_secs_f64());
    }
    // Generous and machine-independent: 10× the pages within 40× the time (quadratic would
    // be 100×), and well under a minute.
    assert!(took[1] < 60.0, "{took:?}");
    assert!(took[1] < took[0].max(0.05) * 40.0, "{took:?}");
}

/// One picture opened alone is titled by its own name, and counted in the singular.
#[test]
fn a_single_image_is_titled_by_its_name() {
    let story = load(&StorySource::from_arg(Some(std::path::Path::new(
        "assets/01-invitation.png",
    ))))
    .story
    .unwrap();
    assert_eq!(story.title.get("en"), "01-invitation");
    assert_eq!(story.summary.get("en"), "1 image");
    let folder = load(&StorySource::from_arg(Some(std::path::Path::new("assets"))))
        .story
        .unwrap();
    assert_eq!(folder.title.get("en"), "assets");
    assert_eq!(folder.summary.get("en"), "16 images");
}
