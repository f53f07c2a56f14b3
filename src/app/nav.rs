//! Moving through a story: pure functions from a position to the next one.

use super::Position;
use crate::story::Story;

/// The next panel in reading order, across page edges; `None` at the story's end.
pub fn next_panel(story: &Story, pos: Position) -> Option<Position> {
    let len = story.pages.get(pos.page)?.panels.len();
    if pos.panel + 1 < len {
        Some(Position {
            panel: pos.panel + 1,
            ..pos
        })
    } else {
        next_page(story, pos)
    }
}

/// The previous panel in reading order, across page edges; `None` at the story's start.
pub fn prev_panel(story: &Story, pos: Position) -> Option<Position> {
    if pos.panel > 0 {
        return Some(Position {
            panel: pos.panel - 1,
            ..pos
        });
    }
    let page = pos.page.checked_sub(1)?;
    let len = story.pages.get(page)?.panels.len();
    Some(Position {
        page,
        panel: len.saturating_sub(1),
    })
}

/// The first panel of the next page; `None` on the last page.
pub fn next_page(story: &Story, pos: Position) -> Option<Position> {
    (pos.page + 1 < story.pages.len()).then(|| first_of(pos.page + 1))
}

/// The first panel of the previous page; `None` on the first page.
pub fn prev_page(pos: Position) -> Option<Position> {
    pos.page.checked_sub(1).map(first_of)
}

/// Page `n` (1-based), clamped into the story; also says whether it had to clamp.
pub fn page_number(story: &Story, n: usize) -> (Position, bool) {
    let last = story.pages.len().max(1);
    let clamped = n.clamp(1, last);
    (first_of(clamped - 1), clamped != n)
}

pub fn first_of(page: usize) -> Position {
    Position { page, panel: 0 }
}

pub fn last_page(story: &Story) -> Position {
    first_of(story.pages.len().saturating_sub(1))
}

/// The nearest existing position to `pos`.
pub fn clamp(story: &Story, pos: Position) -> Position {
    let page = pos.page.min(story.pages.len().saturating_sub(1));
    let len = story.pages.get(page).map_or(0, |p| p.panels.len());
    Position {
        page,
        panel: pos.panel.min(len.saturating_sub(1)),
    }
}

/// The panel below the current one on its page's grid: the nearest row further down, then
/// the panel there whose columns overlap the current one most (the leftmost on a tie).
pub fn below(story: &Story, pos: Position) -> Option<Position> {
    vertical(story, pos, true)
}

/// The panel above the current one on its page's grid.
pub fn above(story: &Story, pos: Position) -> Option<Position> {
    vertical(story, pos, false)
}

fn vertical(story: &Story, pos: Position, down: bool) -> Option<Position> {
    let panels = &story.pages.get(pos.page)?.panels;
    let here = panels.get(pos.panel)?.cell;
    let (top, bottom) = (here.row, here.row + here.row_span);
    let candidates = panels.iter().enumerate().filter(|(_, p)| {
        if down {
            p.cell.row >= bottom
        } else {
            p.cell.row + p.cell.row_span <= top
        }
    });
    let overlap = |c: crate::story::Cell| {
        let lo = c.col.max(here.col);
        let hi = (c.col + c.col_span).min(here.col + here.col_span);
        hi.saturating_sub(lo)
    };
    // Nearest row first, then the most overlap, then the leftmost.
    let best = candidates.min_by_key(|(_, p)| {
        let distance = if down {
            p.cell.row - bottom
        } else {
            top - (p.cell.row + p.cell.row_span)
        };
        (distance, std::cmp::Reverse(overlap(p.cell)), p.cell.col)
    })?;
    Some(Position {
        panel: best.0,
        ..pos
    })
}

/// The next panel after `pos`, in reading order, that has commentary.
pub fn next_noted(story: &Story, pos: Position) -> Option<Position> {
    let mut at = pos;
    loop {
        at = next_panel(story, at)?;
        if has_notes(story, at) {
            return Some(at);
        }
    }
}

/// The previous panel before `pos`, in reading order, that has commentary.
pub fn prev_noted(story: &Story, pos: Position) -> Option<Position> {
    let mut at = pos;
    loop {
        at = prev_panel(story, at)?;
        if has_notes(story, at) {
            return Some(at);
        }
    }
}

fn has_notes(story: &Story, pos: Position) -> bool {
    story
        .pages
        .get(pos.page)
        .and_then(|p| p.panels.get(pos.panel))
        .is_some_and(|p| !p.notes.is_empty())
}
