//! Setting up art for the live viewer: which graphics the terminal gets, the stores, and the
//! worker pool that reports back on the event channel.

use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};

use super::detect::Detected;
use super::events::AppEvent;
use crate::app::{App, Overlay};
use crate::art::{ArtStore, ArtView, ArtWorker, ColorMode, GraphicStore, Graphics, Method};

/// The store for protocol images, when the chosen method is a protocol.
pub fn graphic_store(detected: &Detected) -> Option<GraphicStore> {
    let choice = &detected.choice;
    choice.method.is_protocol().then(|| {
        GraphicStore::new(
            choice.method,
            detected.facts.replies.cell_px,
            choice.passthrough,
        )
        .with_zlib(choice.zlib)
    })
}

/// The art view for drawing and the workers that fill it; workers send
/// [`AppEvent::ArtReady`] on `events` after each job.
pub fn start(detected: &Detected, events: Sender<AppEvent>) -> (ArtView, ArtWorker) {
    let store = Arc::new(ArtStore::default());
    let graphic_store = graphic_store(detected).map(Arc::new);
    let tx = Mutex::new(events);
    let worker = ArtWorker::spawn(store.clone(), graphic_store.clone(), 2, move || {
        let _ = tx.lock().map(|tx| tx.send(AppEvent::ArtReady));
    });
    let graphics = match detected.choice.method {
        Method::None => Graphics::None,
        _ => Graphics::Auto,
    };
    let mut view = ArtView::new(store, ColorMode::detect(), graphics);
    view.graphics_store = graphic_store;
    (view, worker)
}

/// What is on screen, as far as protocol images care: when it changes, sixel and iTerm2
/// images must be cleared (they are not cells the diff can overwrite).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scene {
    page: usize,
    panel: usize,
    overlay: Overlay,
    size: (u16, u16),
    view: crate::app::View,
    lang: usize,
    art_alone: bool,
    overview: Option<crate::app::Position>,
    card: Option<crate::app::Card>,
}

impl Scene {
    pub fn of(app: &App) -> Self {
        let view = app.effective_view();
        // Moving the focus in page view changes frames, not pictures: no clearing.
        let one_panel = view == crate::app::View::Panel || app.art_alone;
        Self {
            page: app.pos.page,
            panel: if one_panel { app.pos.panel } else { 0 },
            overlay: app.overlay,
            size: app.size,
            view,
            lang: app.lang,
            art_alone: app.art_alone,
            overview: app.overview,
            card: app.card,
        }
    }
}

/// Whether images of this method linger after their cells change (the screen is then
/// cleared, and kitty placements deleted, when the scene changes).
pub fn needs_clear(view: &ArtView) -> bool {
    view.graphics_store.as_ref().is_some_and(|g| {
        matches!(
            g.method(),
            Method::Sixel | Method::Iterm2 | Method::KittyDirect
        )
    })
}

/// Whether kitty placements must be deleted explicitly (they are not cells).
pub fn uses_kitty_placements(view: &ArtView) -> bool {
    view.graphics_store
        .as_ref()
        .is_some_and(|g| g.method() == Method::KittyDirect)
}
