//! Setting up art for the live viewer: which graphics the terminal gets, the stores, and the
//! worker pool that reports back on the event channel.

use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};

use ratatui_image::picker::{Picker, ProtocolType};

use super::events::AppEvent;
use crate::app::{App, Overlay};
use crate::art::{
    ArtStore, ArtView, ArtWorker, ColorMode, GraphicStore, Graphics, detect_protocol,
    in_multiplexer,
};

/// Chooses how art is shown. Queries the terminal, so it must run after entering the alternate
/// screen and before the input thread starts reading.
pub fn pick_protocol(graphics: Graphics, mode: ColorMode) -> Option<Picker> {
    let forced = match graphics {
        Graphics::Kitty => Some(ProtocolType::Kitty),
        Graphics::Sixel => Some(ProtocolType::Sixel),
        Graphics::Iterm2 => Some(ProtocolType::Iterm2),
        Graphics::Halfblocks | Graphics::None => return None,
        // Inside tmux half-blocks are reliable and protocols are not; NO_COLOR wants shades.
        Graphics::Auto if in_multiplexer() || mode == ColorMode::Mono => return None,
        Graphics::Auto => None,
    };
    detect_protocol(forced)
}

/// The art view for drawing and the workers that fill it; workers send
/// [`AppEvent::ArtReady`] on `events` after each job.
pub fn start(
    graphics: Graphics,
    picker: Option<Picker>,
    events: Sender<AppEvent>,
) -> (ArtView, ArtWorker) {
    let store = Arc::new(ArtStore::default());
    let graphic_store = picker.map(|p| Arc::new(GraphicStore::new(p)));
    let tx = Mutex::new(events);
    let worker = ArtWorker::spawn(store.clone(), graphic_store.clone(), 2, move || {
        let _ = tx.lock().map(|tx| tx.send(AppEvent::ArtReady));
    });
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
}

impl Scene {
    pub fn of(app: &App) -> Self {
        Self {
            page: app.pos.page,
            panel: app.pos.panel,
            overlay: app.overlay,
            size: app.size,
            view: app.effective_view(),
            lang: app.lang,
        }
    }
}

/// Whether images of this protocol linger after their cells change.
pub fn needs_clear(view: &ArtView) -> bool {
    view.graphics_store.as_ref().is_some_and(|g| {
        matches!(
            g.protocol_type(),
            ProtocolType::Sixel | ProtocolType::Iterm2
        )
    })
}
