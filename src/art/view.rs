//! What drawing needs to show art: the store to look prepared art up in, the color mode, and
//! a record of the art the frame wanted, so the caller can have it prepared.

use std::cell::RefCell;
use std::sync::Arc;

use super::halfblock::ColorMode;
use super::store::{ArtStatus, ArtStore};
use super::worker::Job;
use crate::story::ArtRef;

/// How panel art is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Graphics {
    /// Best available (half-blocks today; graphics protocols are planned).
    #[default]
    Auto,
    /// Colored half-block characters: works in every terminal.
    Halfblocks,
    /// No art: the framed alt text.
    None,
}

impl Graphics {
    /// `--graphics`, else `COMICTERM_GRAPHICS`, else auto.
    pub fn resolve(flag: Option<Graphics>) -> Graphics {
        use clap::ValueEnum;
        flag.or_else(|| {
            let env = std::env::var("COMICTERM_GRAPHICS").ok()?;
            Graphics::from_str(env.trim(), true).ok()
        })
        .unwrap_or_default()
    }
}

/// Read-only art context for one frame, plus the list of art it asked for.
pub struct ArtView {
    pub store: Arc<ArtStore>,
    pub mode: ColorMode,
    pub graphics: Graphics,
    wanted: RefCell<Vec<Job>>,
}

impl ArtView {
    pub fn new(store: Arc<ArtStore>, mode: ColorMode, graphics: Graphics) -> Self {
        Self {
            store,
            mode,
            graphics,
            wanted: RefCell::new(Vec::new()),
        }
    }

    /// The art for an area, recording that it is wanted at that size.
    pub fn lookup(&self, art: &ArtRef, cols: u16, rows: u16) -> Option<ArtStatus> {
        if self.graphics == Graphics::None || cols == 0 || rows == 0 {
            return None;
        }
        let status = self.store.status(art, cols, rows, self.mode);
        if matches!(status, ArtStatus::Pending) {
            self.wanted.borrow_mut().push(Job {
                art: art.clone(),
                cols,
                rows,
                mode: self.mode,
            });
        }
        Some(status)
    }

    /// The art the frames drawn since the last call wanted and did not find.
    pub fn take_wanted(&self) -> Vec<Job> {
        std::mem::take(&mut *self.wanted.borrow_mut())
    }
}
