//! The real-terminal test lab (issue 9): the viewer in real emulators under Xvfb, looked at as
//! a person sees it. Each test starts one emulator, reads the built-in story's page 1, opens and
//! closes the commentary, turns to page 2 and quits, and checks screenshots at every step:
//!
//! 1. page 1: each panel's art region matches the panel's PNG; text regions hold text;
//! 2. Space: page 2's regions match page 2's PNGs, the old pictures are gone, and no picture
//!    is left anywhere outside page 2's art areas (no sixel bands, no kitty images);
//! 3. `c`: the commentary overlay holds text and no picture pixels; `Esc` brings the pictures
//!    back;
//! 4. `q`: the viewer exits 0 and the terminal shows its normal screen again.
//!
//! Screenshots are kept in a temporary folder printed by every test (`COMICTERM_LAB_SHOTS`
//! chooses it). Needs `xvfb xterm kitty imagemagick xdotool fonts-dejavu-core`: without them the
//! tests print a skip line and pass, unless `CI` is set. See tests/support/lab/mod.rs.

use crate::support::lab;

use std::collections::HashMap;
use std::path::PathBuf;

use lab::layout::{self, PageLayout, Rect};
use lab::score::{self, Integral, Reference};
use lab::{Emulator, ROWS, Session, Shot};

/// A panel's picture is there when its best score is below this (mean colour error, 0-255).
const MATCH: f64 = 30.0;

type Refs = HashMap<PathBuf, Reference>;

fn refs(pages: &[&PageLayout]) -> Refs {
    let mut out = Refs::new();
    for p in pages.iter().flat_map(|p| &p.panels) {
        out.entry(p.png.clone())
            .or_insert_with(|| Reference::load(&p.png));
    }
    out
}

/// The screen's background: the most common colour above the status bar.
fn background(shot: &Shot) -> [f64; 3] {
    let (w, h) = shot.img.dimensions();
    score::dominant(
        &shot.img,
        Rect {
            x: 0,
            y: 0,
            w,
            h: h - shot.cell.1,
        },
    )
}

/// Per panel: its best match, the score of another panel's PNG in its area, and of its PNG in
/// another panel's area.
struct PageScores {
    rows: Vec<(u32, score::Match, f64, f64)>,
}

impl PageScores {
    fn of(shot: &Shot, page: &PageLayout, refs: &Refs) -> PageScores {
        let sat = Integral::new(&shot.img);
        let n = page.panels.len();
        let rows = page
            .panels
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let other = &page.panels[(i + 1) % n];
                let right = score::best_match(&sat, shot.cell, p, &refs[&p.png]);
                let wrong_png = score::best_match(&sat, shot.cell, p, &refs[&other.png]).score;
                let wrong_region = score::best_match(&sat, shot.cell, other, &refs[&p.png]).score;
                (p.number, right, wrong_png, wrong_region)
            })
            .collect();
        PageScores { rows }
    }

    /// Whether every panel shows its picture (the cheap part of [`PageScores::of`]).
    fn all_match(shot: &Shot, page: &PageLayout, refs: &Refs) -> bool {
        let sat = Integral::new(&shot.img);
        page.panels
            .iter()
            .all(|p| score::best_match(&sat, shot.cell, p, &refs[&p.png]).score < MATCH)
    }

    fn table(&self) -> String {
        let mut s = String::from(
            "  panel  score(own PNG)  at (px)              other PNG here  own PNG elsewhere\n",
        );
        for (n, m, wp, wr) in &self.rows {
            s += &format!(
                "  {n:>5}  {:>14.1}  {:<20} {wp:>14.1}  {wr:>17.1}\n",
                m.score,
                format!("{}x{}+{}+{}", m.at.w, m.at.h, m.at.x, m.at.y),
            );
        }
        s
    }
}

/// Check 1 (and after Esc, and for page 2): every panel shows its picture, and the scores of
/// the wrong pictures show that the measure tells them apart.
fn assert_page_shows(
    s: &Session,
    what: &str,
    shot: &Shot,
    page: &PageLayout,
    refs: &Refs,
) -> PageScores {
    let scores = PageScores::of(shot, page, refs);
    eprintln!(
        "{}: {what}: page {} (threshold {MATCH}; lower is better)\n{}",
        s.test,
        page.page,
        scores.table()
    );
    for (n, m, wrong_png, wrong_region) in &scores.rows {
        assert!(
            m.score < MATCH,
            "{}: {what}: panel {n} does not show its picture (score {:.1} >= {MATCH}); \
             screenshot {:?}\n{}\n{}emulator log:\n{}",
            s.test,
            m.score,
            shot.path,
            scores.table(),
            page.frame_text,
            tail(&s.log())
        );
        // The measure itself: another picture in the same place is no match.
        assert!(
            *wrong_png >= MATCH && *wrong_region >= MATCH,
            "{}: {what}: panel {n}: a wrong picture scores as a match; the measure is too \
             lax\n{}",
            s.test,
            scores.table()
        );
    }
    scores
}

/// Text regions hold text: no picture-like cell, and most letters have ink.
fn assert_text(s: &Session, what: &str, shot: &Shot, page: &PageLayout) {
    let bg = background(shot);
    let mut inked = 0;
    let mut pictures = vec![];
    for &(x, y, c) in &page.text {
        let look = score::cell_look(&shot.img, shot.cell, x, y, Some(bg));
        if look.is_picture() {
            pictures.push((x, y, c, look));
        }
        if look.ink > 0.02 {
            inked += 1;
        }
    }
    let share = f64::from(inked) / page.text.len().max(1) as f64;
    eprintln!(
        "{}: {what}: {} text cells, {:.0}% with ink, {} look like a picture",
        s.test,
        page.text.len(),
        share * 100.0,
        pictures.len()
    );
    assert!(
        pictures.is_empty(),
        "{}: {what}: text cells look like a picture: {pictures:?}; screenshot {:?}",
        s.test,
        shot.path
    );
    assert!(
        share > 0.9,
        "{}: {what}: only {:.0}% of the text cells have ink; screenshot {:?}",
        s.test,
        share * 100.0,
        shot.path
    );
}

/// Cells outside `page`'s art areas (and above the status bar) that look like a picture.
fn stray_pictures(shot: &Shot, page: &PageLayout) -> Vec<(u32, u32)> {
    let bg = background(shot);
    let grid = Rect {
        x: 0,
        y: 0,
        w: u32::from(lab::COLS),
        h: u32::from(ROWS) - 1,
    };
    score::picture_cells(&shot.img, shot.cell, grid, bg)
        .into_iter()
        .filter(|&(x, y)| !page.panels.iter().any(|p| p.area.contains(x, y)))
        .collect()
}

/// How the art is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Art {
    /// A graphics protocol (sixel, kitty): pixels finer than cells.
    Protocol,
    /// Half-block characters: every cell two flat colours.
    HalfBlocks,
}

/// Share of the cells fully inside each matched picture that are not two flat halves, as a
/// half-block is: 0 for half-blocks, high for a protocol image.
fn textured_share(shot: &Shot, scores: &PageScores) -> f64 {
    let (cw, ch) = shot.cell;
    let (mut textured, mut total) = (0, 0);
    for (_, m, _, _) in &scores.rows {
        let at = m.at;
        for cy in at.y.div_ceil(ch)..(at.y + at.h) / ch {
            for cx in at.x.div_ceil(cw)..(at.x + at.w) / cw {
                total += 1;
                if !score::is_flat_halves(&shot.img, shot.cell, cx, cy) {
                    textured += 1;
                }
            }
        }
    }
    f64::from(textured) / f64::from(total.max(1))
}

fn assert_art_kind(s: &Session, what: &str, shot: &Shot, scores: &PageScores, art: Art) {
    let share = textured_share(shot, scores);
    eprintln!(
        "{}: {what}: {:.0}% of the picture cells are finer than half-blocks (expected: {art:?})",
        s.test,
        share * 100.0
    );
    match art {
        Art::Protocol => assert!(
            share > 0.4,
            "{}: {what}: the pictures are half-blocks, not protocol images; {:?}",
            s.test,
            shot.path
        ),
        Art::HalfBlocks => assert!(
            share < 0.05,
            "{}: {what}: the pictures are not half-blocks; {:?}",
            s.test,
            shot.path
        ),
    }
}

fn tail(log: &str) -> String {
    let lines: Vec<&str> = log.lines().collect();
    lines[lines.len().saturating_sub(8)..].join("\n")
}

/// The whole reader session in `emulator`: page 1, commentary, Esc, page 2, quit.
fn reader_session(test: &str, emulator: Emulator, args: &[&str], art: Art) {
    let Some(mut s) = Session::start(test, emulator, args) else {
        return;
    };
    let p1 = layout::page(1);
    let p2 = layout::page(2);
    let overlay = layout::commentary(1);
    let refs = refs(&[&p1, &p2]);

    // 1. Page 1: every picture, and text where text is.
    let shot = s.wait("page1", |sh| PageScores::all_match(sh, &p1, &refs));
    let scores = assert_page_shows(&s, "page 1", &shot, &p1, &refs);
    assert_art_kind(&s, "page 1", &shot, &scores, art);
    assert_text(&s, "page 1", &shot, &p1);
    let stray = stray_pictures(&shot, &p1);
    assert!(
        stray.is_empty(),
        "{test}: page 1: picture cells outside the art areas: {stray:?}; {:?}",
        shot.path
    );
    let page1_at: Vec<(PathBuf, Rect)> = scores
        .rows
        .iter()
        .zip(&p1.panels)
        .map(|(r, p)| (p.png.clone(), r.1.at))
        .collect();

    // 3. The commentary: text, and no picture inside it. The detector first sees the
    // pictures that are there before it opens (it can fail).
    let inner = overlay.inner();
    let before = score::picture_cells(
        &shot.img,
        shot.cell,
        inner,
        score::dominant(&shot.img, inner.px(shot.cell)),
    );
    eprintln!(
        "{test}: before the commentary opens, {} cells of its rectangle look like a picture",
        before.len()
    );
    assert!(
        before.len() > 50,
        "{test}: the picture detector misses page 1's pictures; {:?}",
        shot.path
    );
    s.key("c");
    let shot = s.wait("commentary", |sh| {
        let bg = score::dominant(&sh.img, inner.px(sh.cell));
        score::picture_cells(&sh.img, sh.cell, inner, bg).is_empty()
    });
    let bg = score::dominant(&shot.img, inner.px(shot.cell));
    let pictures = score::picture_cells(&shot.img, shot.cell, inner, bg);
    let inked = (inner.y..inner.y + inner.h)
        .flat_map(|y| (inner.x..inner.x + inner.w).map(move |x| (x, y)))
        .filter(|&(x, y)| score::cell_look(&shot.img, shot.cell, x, y, Some(bg)).ink > 0.02)
        .count();
    let sat = Integral::new(&shot.img);
    let under: Vec<(String, f64)> = page1_at
        .iter()
        .map(|(png, at)| {
            let name = png.file_name().unwrap().to_string_lossy().into_owned();
            (name, score::score_at(&sat, &refs[png], *at))
        })
        .collect();
    eprintln!(
        "{test}: commentary {}x{}+{}+{} (cells): {} picture cells inside, {inked} of {} cells \
         with ink; page 1 pictures at their places now score {under:?}",
        overlay.w,
        overlay.h,
        overlay.x,
        overlay.y,
        pictures.len(),
        inner.w * inner.h
    );
    assert!(
        pictures.is_empty(),
        "{test}: picture pixels inside the commentary overlay at cells {pictures:?}; {:?}",
        shot.path
    );
    assert!(
        inked as u32 > inner.w * inner.h / 10,
        "{test}: the commentary overlay holds (almost) no text; {:?}",
        shot.path
    );

    // Esc: the pictures come back.
    s.key("Escape");
    let shot = s.wait("commentary-closed", |sh| {
        PageScores::all_match(sh, &p1, &refs)
    });
    assert_page_shows(&s, "after Esc", &shot, &p1, &refs);

    // 2. Space: page 2, and nothing of page 1.
    s.key("space");
    let shot = s.wait("page2", |sh| PageScores::all_match(sh, &p2, &refs));
    let scores = assert_page_shows(&s, "page 2", &shot, &p2, &refs);
    assert_art_kind(&s, "page 2", &shot, &scores, art);
    assert_text(&s, "page 2", &shot, &p2);
    let sat = Integral::new(&shot.img);
    for (png, at) in &page1_at {
        let old = score::score_at(&sat, &refs[png], *at);
        eprintln!(
            "{test}: page 2: old {} at its place scores {old:.1}",
            png.display()
        );
        assert!(
            old >= MATCH,
            "{test}: page 2 still shows page 1's {} (score {old:.1}); {:?}",
            png.display(),
            shot.path
        );
    }
    let stray = stray_pictures(&shot, &p2);
    // The detector itself: page 2's pictures are outside page 1's art areas.
    let probe = stray_pictures(&shot, &p1).len();
    eprintln!(
        "{test}: page 2: {} picture cells outside its art areas ({probe} outside page 1's)",
        stray.len()
    );
    assert!(
        probe > 20,
        "{test}: the stray-picture detector sees nothing"
    );
    assert!(
        stray.is_empty(),
        "{test}: page 2: picture cells outside the art areas (left over?): {stray:?}; {:?}",
        shot.path
    );

    // 4. q: the viewer exits and the terminal shows its normal screen.
    s.key("q");
    let code = s.exit_code();
    let shot = s.wait("quit", |_| true);
    assert_eq!(
        code,
        Some(0),
        "{test}: the viewer exits 0 on q; {:?}",
        shot.path
    );
    let bg = background(&shot);
    let ink_rows: Vec<u32> = (0..u32::from(ROWS))
        .filter(|&y| {
            (0..u32::from(lab::COLS))
                .any(|x| score::cell_look(&shot.img, shot.cell, x, y, Some(bg)).ink > 0.02)
        })
        .collect();
    eprintln!("{test}: after q, rows with ink: {ink_rows:?} (EXITED line and the cursor)");
    assert!(
        ink_rows.iter().all(|&y| y <= 1) && ink_rows.contains(&0),
        "{test}: after q the terminal shows only `EXITED 0` on its normal screen; rows with \
         ink: {ink_rows:?}; {:?}",
        shot.path
    );
    eprintln!("{test}: passed in {:.1} s", s.elapsed().as_secs_f64());
}

#[test]
fn xterm_sixel() {
    reader_session("xterm_sixel", Emulator::XtermSixel, &[], Art::Protocol);
}

#[test]
fn xterm_plain_halfblocks() {
    reader_session(
        "xterm_plain_halfblocks",
        Emulator::XtermPlain,
        &[],
        Art::HalfBlocks,
    );
}

/// Debian 12's kitty 0.26.5 has no Unicode placeholders: it gets kitty direct placement.
/// (With placeholders it showed boxes of placeholder glyphs and logged
/// `Malformed GraphicsCommand ... 0x55` for every image; this test failed then.)
#[test]
fn kitty_pictures() {
    reader_session("kitty_pictures", Emulator::Kitty, &[], Art::Protocol);
}

/// The harness itself in kitty: half-blocks are cells, which kitty draws like any terminal.
#[test]
fn kitty_halfblocks() {
    reader_session(
        "kitty_halfblocks",
        Emulator::Kitty,
        &["--graphics", "halfblocks"],
        Art::HalfBlocks,
    );
}

/// The measure can fail: with `--graphics none` every art area holds the framed alt text, and
/// no panel may score as its picture.
#[test]
fn placeholders_are_not_pictures() {
    let test = "placeholders_are_not_pictures";
    let Some(mut s) = Session::start(test, Emulator::XtermPlain, &["--graphics", "none"]) else {
        return;
    };
    let p1 = layout::page(1);
    let refs = refs(&[&p1]);
    let shot = s.wait("page1-none", |sh| {
        let bg = background(sh);
        p1.text
            .iter()
            .filter(|&&(x, y, _)| score::cell_look(&sh.img, sh.cell, x, y, Some(bg)).ink > 0.02)
            .count()
            * 10
            > p1.text.len() * 9
    });
    let scores = PageScores::of(&shot, &p1, &refs);
    eprintln!(
        "{test}: framed alt text instead of art (threshold {MATCH}):\n{}",
        scores.table()
    );
    for (n, m, _, _) in &scores.rows {
        assert!(
            m.score >= MATCH,
            "{test}: panel {n}: the framed alt text scores {:.1}, as if it were the picture; \
             {:?}",
            m.score,
            shot.path
        );
    }
}
