//! Which action a key does now: the layers that are active, top-most first, looked up in
//! the app's [`Keymap`](super::keys::Keymap). Mouse events are the terminal edge's (they
//! need the screen's geometry).

use super::keys::{Key, Layer};
use super::{Action, App, Overlay};

/// The layers active in this state, top-most first.
pub fn layers(app: &App) -> Vec<Layer> {
    let mut layers = vec![Layer::Global];
    if app.search.prompt.is_some() {
        layers.push(Layer::Prompt);
    }
    if app.pending.is_some() {
        layers.push(Layer::Typing);
    }
    if app.overlay != Overlay::None {
        layers.push(Layer::Overlay);
    }
    layers.push(Layer::Reading);
    layers
}

/// The action for a key press, if any.
pub fn map_key(app: &App, key: Key) -> Option<Action> {
    app.keymap.action(&layers(app), key)
}
