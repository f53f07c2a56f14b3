//! What drawing needs to show art: the stores to look prepared art up in, how art is shown,
//! and a record of the art the frame wanted, so the caller can have it prepared.

use std::cell::RefCell;
use std::sync::Arc;

use super::cells::Prepared;
use super::choose::Method;
use super::error::ArtError;
use super::graphic_store::GraphicStore;
use super::graphics::Graphics;
use super::job::{Job, Look};
use super::palette::ColorMode;
use super::protocol::Graphic;
use super::store::{ArtStatus, ArtStore};
use crate::story::ArtRef;

/// What to draw in an art area now.
#[derive(Debug, Clone)]
pub enum Shown {
    Cells(Arc<Prepared>),
    Graphic(Arc<Graphic>),
    Pending,
    Failed(ArtError),
}

/// Read-only art context for one frame, plus the list of art it asked for.
pub struct ArtView {
    pub store: Arc<ArtStore>,
    /// Set when the terminal speaks a graphics protocol.
    pub graphics_store: Option<Arc<GraphicStore>>,
    pub mode: ColorMode,
    pub graphics: Graphics,
    /// Protocol images are not shown (an overlay is open, or this is an off-screen pass).
    pub hide_graphics: bool,
    wanted: RefCell<Vec<Job>>,
}

impl ArtView {
    pub fn new(store: Arc<ArtStore>, mode: ColorMode, graphics: Graphics) -> Self {
        Self {
            store,
            graphics_store: None,
            mode,
            graphics,
            hide_graphics: false,
            wanted: RefCell::new(Vec::new()),
        }
    }

    /// The same stores, for drawing off screen (prefetch): protocol images are recorded as
    /// wanted but never drawn, since drawing a kitty image marks it as sent.
    pub fn off_screen(&self) -> Self {
        Self {
            store: self.store.clone(),
            graphics_store: self.graphics_store.clone(),
            mode: self.mode,
            graphics: self.graphics,
            hide_graphics: true,
            wanted: RefCell::new(Vec::new()),
        }
    }

    /// How pictures are shown, for the help screen.
    pub fn method(&self) -> Method {
        match (&self.graphics_store, self.graphics) {
            (Some(g), _) => g.method(),
            (None, Graphics::None) => Method::None,
            (None, _) => Method::Halfblocks,
        }
    }

    /// The art for an area, recording that it is wanted at that size if it is not ready.
    pub fn lookup(&self, art: &ArtRef, cols: u16, rows: u16) -> Option<Shown> {
        if self.graphics == Graphics::None || cols == 0 || rows == 0 {
            return None;
        }
        let shown = match &self.graphics_store {
            Some(g) => match g.get(art, cols, rows) {
                Some(_) if self.hide_graphics => return None,
                Some(graphic) => Shown::Graphic(graphic),
                None => self.failed_or_pending(art, Look::Graphic, cols, rows),
            },
            None => match self.store.status(art, cols, rows, self.mode) {
                ArtStatus::Ready(p) => Shown::Cells(p),
                ArtStatus::Failed(e) => Shown::Failed(e),
                ArtStatus::Pending => {
                    self.failed_or_pending(art, Look::Cells(self.mode), cols, rows)
                }
            },
        };
        Some(shown)
    }

    fn failed_or_pending(&self, art: &ArtRef, look: Look, cols: u16, rows: u16) -> Shown {
        if let ArtStatus::Failed(e) = self.store.status(art, 0, 0, self.mode) {
            return Shown::Failed(e);
        }
        self.wanted.borrow_mut().push(Job {
            art: art.clone(),
            cols,
            rows,
            look,
        });
        Shown::Pending
    }

    /// The art the frames drawn since the last call wanted and did not find.
    pub fn take_wanted(&self) -> Vec<Job> {
        std::mem::take(&mut *self.wanted.borrow_mut())
    }
}
