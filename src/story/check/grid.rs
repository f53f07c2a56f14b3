//! Page checks: every grid cell covered exactly once, every panel placed exactly once.

use std::collections::{HashMap, HashSet};

use super::Checker;
use super::limits::*;
use super::story::{Known, unique};
use crate::diag::{Kind, excerpt};
use crate::story::model::{Cell, Page, Panel};
use crate::story::raw::{RawCell, RawPage};

/// Panel files that failed to parse (already reported): the ids found in them, and whether
/// some have no id that could be found (then no id is reported unknown: it may be theirs).
#[derive(Debug, Default)]
pub struct Unreadable {
    pub ids: HashSet<String>,
    pub without_id: bool,
}

impl Unreadable {
    fn may_be(&self, id: &str) -> bool {
        self.without_id || self.ids.contains(id)
    }
}

/// Builds the pages from `story.toml` and the checked panels (taken out of `panels`).
pub fn check_pages(
    raw: &[RawPage],
    panels: &mut HashMap<String, Panel>,
    unreadable: &Unreadable,
    c: &mut Checker,
) -> Vec<Page> {
    let mut seen_pages = HashMap::new();
    let mut placed: HashSet<String> = HashSet::new();
    let mut number = 0;
    let mut pages = Vec::new();
    let all_panels = Known::new("unplaced panels", panels.keys().map(String::as_str));
    let n = c.at_most(
        raw.len(),
        MAX_PAGES,
        || raw[MAX_PAGES].id.span(),
        "pages",
        "the story",
    );
    for rp in &raw[..n] {
        unique(c, &mut seen_pages, &rp.id, "page");
        let mut page = Page {
            id: c.id(&rp.id, "page id"),
            title: rp
                .title
                .as_ref()
                .map(|t| c.text(t, "page title", MAX_TITLE)),
            rows: c.int_in(&rp.rows, "rows", 1..=8).unwrap_or(1),
            cols: c.int_in(&rp.cols, "cols", 1..=8).unwrap_or(1),
            panels: Vec::new(),
        };
        let mut grid = vec![None::<usize>; usize::from(page.rows) * usize::from(page.cols)];
        let cells = rp.cell.get_ref();
        let count = c.at_most(
            cells.len(),
            MAX_CELLS_PER_PAGE,
            || cells[MAX_CELLS_PER_PAGE].span(),
            "cells",
            "this page",
        );
        for (index, cell) in cells[..count].iter().enumerate() {
            let Some(at) = place(cell.get_ref(), &page, c) else {
                continue;
            };
            let occupied = mark(&mut grid, &page, at, index);
            if let Some(other) = occupied {
                c.error(
                    Kind::GridOverlap,
                    cell.span(),
                    format!(
                        "panel `{}` overlaps panel `{}` on page `{}`",
                        excerpt(cell.get_ref().panel.get_ref()),
                        excerpt(rp.cell.get_ref()[other].get_ref().panel.get_ref()),
                        excerpt(&page.id)
                    ),
                );
            }
            let taken = take_panel(
                cell.get_ref(),
                unreadable,
                &all_panels,
                panels,
                &mut placed,
                c,
            );
            if let Some(panel) = taken {
                number += 1;
                page.panels.push(Panel {
                    number,
                    cell: at,
                    ..panel
                });
            }
        }
        report_gaps(&grid, &page, rp, c);
        pages.push(page);
    }
    if raw.is_empty() {
        c.error(
            Kind::MissingKey,
            0..0,
            "a story needs at least one `[[page]]`".into(),
        );
    }
    pages
}

/// Checks the cell's position against the grid; returns it 0-based.
fn place(cell: &RawCell, page: &Page, c: &mut Checker) -> Option<Cell> {
    let row = c.int_in(&cell.row, "row", 1..=i64::from(page.rows))?;
    let col = c.int_in(&cell.col, "col", 1..=i64::from(page.cols))?;
    let span = |s: &Option<toml::Spanned<i64>>, max: u16, what: &str, c: &mut Checker| match s {
        None => Some(1),
        Some(v) if *v.get_ref() >= 1 && *v.get_ref() <= i64::from(max) => {
            u16::try_from(*v.get_ref()).ok()
        }
        Some(v) => {
            c.error(
                Kind::GridOutOfBounds,
                v.span(),
                format!(
                    "{what} {} runs past the page's grid ({max} left from here)",
                    v.get_ref()
                ),
            );
            // Go on with the largest span that fits, so one mistake makes one error.
            Some(max)
        }
    };
    let row_span = span(&cell.row_span, page.rows - row + 1, "row_span", c)?;
    let col_span = span(&cell.col_span, page.cols - col + 1, "col_span", c)?;
    Some(Cell {
        row: row - 1,
        col: col - 1,
        row_span,
        col_span,
    })
}

/// Marks the cell's area as taken by `index`; returns the index of a panel already there.
fn mark(grid: &mut [Option<usize>], page: &Page, at: Cell, index: usize) -> Option<usize> {
    let mut clash = None;
    for r in at.row..at.row + at.row_span {
        for col in at.col..at.col + at.col_span {
            let slot = &mut grid[usize::from(r) * usize::from(page.cols) + usize::from(col)];
            match slot {
                Some(other) => clash = clash.or(Some(*other)),
                None => *slot = Some(index),
            }
        }
    }
    clash
}

fn take_panel(
    cell: &RawCell,
    unreadable: &Unreadable,
    all: &Known,
    panels: &mut HashMap<String, Panel>,
    placed: &mut HashSet<String>,
    c: &mut Checker,
) -> Option<Panel> {
    let id = cell.panel.get_ref();
    if let Some(panel) = panels.remove(id) {
        placed.insert(id.clone());
        return Some(panel);
    }
    if placed.contains(id) {
        c.error(
            Kind::PanelPlacedTwice,
            cell.panel.span(),
            format!("panel `{}` is already placed", excerpt(id)),
        );
    } else if !unreadable.may_be(id) {
        let left = &*panels;
        c.error_with(
            Kind::UnknownPanel,
            cell.panel.span(),
            format!("no panel file has the id `{}`", excerpt(id)),
            || {
                if left.is_empty() {
                    "every panel file is already placed".to_string()
                } else {
                    all.hint_among(id, left.len(), |k| left.contains_key(k))
                }
            },
        );
    }
    None
}

fn report_gaps(grid: &[Option<usize>], page: &Page, rp: &RawPage, c: &mut Checker) {
    let empty: Vec<String> = grid
        .iter()
        .enumerate()
        .filter(|(_, slot)| slot.is_none())
        .map(|(i, _)| {
            let cols = usize::from(page.cols);
            format!("row {} col {}", i / cols + 1, i % cols + 1)
        })
        .collect();
    if !empty.is_empty() {
        c.error_hint(
            Kind::GridGap,
            rp.cell.span(),
            format!("page `{}` leaves {} grid cell(s) empty: {}", excerpt(&page.id), empty.len(), empty.join(", ")),
            "every cell of the grid must be covered by exactly one panel; adjust spans or rows/cols".into(),
        );
    }
}
