//! Where things are on screen, in cells, learned from the product itself without touching it:
//! `comicterm render` draws the same frame the viewer draws.
//!
//! - `--graphics none` draws every art area as a rounded box (`╭╮╰╯`) holding the alt text:
//!   the area a protocol image is fitted and centred in.
//! - `--graphics halfblocks` draws the art as `▀`/`▄` cells: the half-block picture's cells,
//!   and every other non-blank cell inside a frame is text.
//! - `--commentary` draws the overlay box (`┌ Commentary`).
//!
//! Which PNG a panel shows: `export` gives each panel number's alt text, and `panels/*.toml`
//! pairs each alt text with its `art` file.

use std::path::PathBuf;

use super::{COLS, ROWS, lab_comicterm};

/// A rectangle in cells or pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
}

impl Rect {
    pub fn contains(&self, x: u32, y: u32) -> bool {
        x >= self.x && y >= self.y && x < self.x + self.w && y < self.y + self.h
    }

    pub fn inner(&self) -> Rect {
        Rect {
            x: self.x + 1,
            y: self.y + 1,
            w: self.w.saturating_sub(2),
            h: self.h.saturating_sub(2),
        }
    }

    /// In pixels, for cells of `cell` pixels.
    pub fn px(&self, cell: (u32, u32)) -> Rect {
        Rect {
            x: self.x * cell.0,
            y: self.y * cell.1,
            w: self.w * cell.0,
            h: self.h * cell.1,
        }
    }

    pub fn intersects(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
}

/// One visible panel of a page.
#[derive(Debug, Clone)]
pub struct PanelLayout {
    /// The number in the frame's title (1-based, whole story).
    pub number: u32,
    /// The PNG it shows.
    pub png: PathBuf,
    /// The frame, border included.
    pub frame: Rect,
    /// The art area (the rounded box of `--graphics none`).
    pub area: Rect,
    /// The half-block picture's cells (within `area`).
    pub halfblocks: Rect,
}

/// A page at the lab's grid size.
#[derive(Debug, Clone)]
pub struct PageLayout {
    pub page: usize,
    pub panels: Vec<PanelLayout>,
    /// Cells that hold text (letters, digits, punctuation) inside the frames, outside art.
    pub text: Vec<(u32, u32, char)>,
    /// The frame text of `render --graphics halfblocks`, for messages.
    pub frame_text: String,
}

type Grid = Vec<Vec<char>>;

fn grid(text: &str) -> Grid {
    text.lines().map(|l| l.chars().collect()).collect()
}

fn at(g: &Grid, x: u32, y: u32) -> char {
    g.get(y as usize)
        .and_then(|r| r.get(x as usize))
        .copied()
        .unwrap_or(' ')
}

/// Boxes drawn with the corners `tl tr bl`: (rect, the text right after the top-left corner).
fn boxes(g: &Grid, tl: char, tr: char, bl: char) -> Vec<(Rect, String)> {
    let mut out = vec![];
    for (y, row) in g.iter().enumerate() {
        for (x, &c) in row.iter().enumerate() {
            if c != tl {
                continue;
            }
            let Some(w) = row[x..].iter().position(|&c| c == tr) else {
                continue;
            };
            let Some(h) = (y..g.len()).position(|yy| at(g, x as u32, yy as u32) == bl) else {
                continue;
            };
            let title: String = row[x + 1..x + w].iter().collect();
            out.push((
                Rect {
                    x: x as u32,
                    y: y as u32,
                    w: w as u32 + 1,
                    h: h as u32 + 1,
                },
                title,
            ));
        }
    }
    out
}

fn render(page: usize, extra: &[&str]) -> String {
    let size = format!("{COLS}x{ROWS}");
    let page = page.to_string();
    let mut args = vec!["render", "--page", &page, "--size", &size];
    args.extend_from_slice(extra);
    lab_comicterm(&args)
}

/// The art file of every panel number, from `export` and `panels/*.toml`.
pub fn panel_pngs() -> Vec<(u32, PathBuf)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut alts = vec![];
    for e in std::fs::read_dir(root.join("panels")).unwrap().flatten() {
        let text = std::fs::read_to_string(e.path()).unwrap();
        let v: toml::Table = toml::from_str(&text).unwrap();
        let (Some(art), Some(alt)) = (
            v.get("art").and_then(|a| a.as_str()),
            v.get("alt")
                .and_then(|a| a.get("en"))
                .and_then(|a| a.as_str()),
        ) else {
            continue;
        };
        alts.push((alt.to_string(), root.join(art)));
    }
    let export = lab_comicterm(&["export"]);
    let mut out = vec![];
    let mut number = None;
    for line in export.lines() {
        if let Some(n) = line.strip_prefix("Panel ").and_then(|n| n.parse().ok()) {
            number = Some(n);
        } else if let (Some(n), Some(alt)) = (
            number,
            line.strip_prefix("[Image: ")
                .and_then(|l| l.strip_suffix(']')),
        ) {
            let png = alts
                .iter()
                .find(|(a, _)| a == alt)
                .unwrap_or_else(|| panic!("no panel file has the alt text of panel {n}"));
            out.push((n, png.1.clone()));
            number = None;
        }
    }
    assert!(!out.is_empty(), "export names the panels:\n{export}");
    out
}

/// Page `page` (1-based) at the lab's grid size.
pub fn page(page: usize) -> PageLayout {
    let pngs = panel_pngs();
    let none = grid(&render(page, &["--graphics", "none"]));
    let halfblocks_text = render(page, &["--graphics", "halfblocks"]);
    let hb = grid(&halfblocks_text);
    let frames: Vec<(Rect, u32)> = boxes(&hb, '┌', '┐', '└')
        .into_iter()
        .filter_map(|(r, title)| {
            // ` 3 ──── 2 notes `: the panel number comes first, a notes badge may follow.
            let number = title.trim_matches('─').split_whitespace().next()?;
            Some((r, number.parse().ok()?))
        })
        .collect();
    let areas: Vec<Rect> = boxes(&none, '╭', '╮', '╰')
        .into_iter()
        .map(|b| b.0)
        .collect();
    let mut panels = vec![];
    for &(frame, number) in &frames {
        let Some(&area) = areas.iter().find(|a| frame.contains(a.x, a.y)) else {
            continue;
        };
        let mut cells = vec![];
        for y in area.y..area.y + area.h {
            for x in area.x..area.x + area.w {
                if matches!(at(&hb, x, y), '▀' | '▄' | '█') {
                    cells.push((x, y));
                }
            }
        }
        assert!(
            !cells.is_empty(),
            "panel {number}: no half-blocks in its art area:\n{halfblocks_text}"
        );
        let (x0, y0) = (
            cells.iter().map(|c| c.0).min().unwrap(),
            cells.iter().map(|c| c.1).min().unwrap(),
        );
        let (x1, y1) = (
            cells.iter().map(|c| c.0).max().unwrap(),
            cells.iter().map(|c| c.1).max().unwrap(),
        );
        let png = pngs
            .iter()
            .find(|p| p.0 == number)
            .unwrap_or_else(|| panic!("no art file for panel {number}"))
            .1
            .clone();
        panels.push(PanelLayout {
            number,
            png,
            frame,
            area,
            halfblocks: Rect {
                x: x0,
                y: y0,
                w: x1 - x0 + 1,
                h: y1 - y0 + 1,
            },
        });
    }
    assert!(
        !panels.is_empty(),
        "page {page} shows panels with art:\n{halfblocks_text}"
    );
    let mut text = vec![];
    for (y, row) in hb.iter().enumerate() {
        for (x, &c) in row.iter().enumerate() {
            let (x, y) = (x as u32, y as u32);
            let inside = panels
                .iter()
                .any(|p| p.frame.inner().contains(x, y) && !p.area.contains(x, y));
            if inside && c.is_alphanumeric() {
                text.push((x, y, c));
            }
        }
    }
    PageLayout {
        page,
        panels,
        text,
        frame_text: halfblocks_text,
    }
}

/// The commentary overlay's box on `page`, border included.
pub fn commentary(page: usize) -> Rect {
    let text = render(page, &["--graphics", "halfblocks", "--commentary"]);
    boxes(&grid(&text), '┌', '┐', '└')
        .into_iter()
        .find(|(_, title)| title.contains("Commentary"))
        .unwrap_or_else(|| panic!("the commentary overlay is drawn:\n{text}"))
        .0
}
