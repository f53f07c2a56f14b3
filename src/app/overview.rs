//! The overview (`o`): every page as a grid of its panels, with a cursor the reader moves
//! and a jump to where it points.

use super::{App, Position, nav};

impl App<'_> {
    /// Opens the overview with its cursor on the reader's panel, or closes it.
    pub(super) fn toggle_overview(&mut self) {
        self.overview = match self.overview {
            Some(_) => None,
            None => Some(self.pos),
        };
    }

    /// Moves the overview's cursor: a panel forward or back in reading order, or a page.
    pub(super) fn overview_move(&mut self, step: OverviewStep) {
        let Some(at) = self.overview else { return };
        let to = match step {
            OverviewStep::NextPanel => nav::next_panel(self.story, at),
            OverviewStep::PrevPanel => nav::prev_panel(self.story, at),
            OverviewStep::NextPage => nav::next_page(self.story, at),
            OverviewStep::PrevPage => nav::prev_page(at),
            OverviewStep::RowDown => self.row_below(at.page),
            OverviewStep::RowUp => {
                let cols = self.geometry.overview_columns(self).max(1);
                at.page.checked_sub(cols).map(nav::first_of)
            }
        };
        if let Some(to) = to {
            self.overview = Some(to);
        }
    }

    /// The page tile below `page` in the overview's grid; on a last row shorter than the
    /// others, its last page.
    fn row_below(&self, page: usize) -> Option<Position> {
        let cols = self.geometry.overview_columns(self).max(1);
        let last = self.story.pages.len().checked_sub(1)?;
        let below = page + cols;
        if below <= last {
            Some(nav::first_of(below))
        } else if page / cols < last / cols {
            Some(nav::first_of(last))
        } else {
            None
        }
    }

    /// Enter: the reader goes to the cursor's panel; the overview closes.
    pub(super) fn overview_jump(&mut self) {
        if let Some(to) = self.overview.take() {
            self.go(Some(nav::clamp(self.story, to)));
        }
    }

    /// A click on panel `panel` of page `page` in the overview.
    pub(super) fn overview_pick(&mut self, to: Position) {
        if self.overview.is_some() {
            self.overview = Some(to);
            self.overview_jump();
        }
    }
}

/// How the overview's cursor moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverviewStep {
    NextPanel,
    PrevPanel,
    NextPage,
    PrevPage,
    /// The page tile below / above on the overview's grid.
    RowDown,
    RowUp,
}
