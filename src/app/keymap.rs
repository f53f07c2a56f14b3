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
    if app.overview.is_some() {
        layers.push(Layer::Overview);
    }
    layers.push(Layer::Reading);
    layers
}

/// The action for a key press, if any. Over the overview, only Esc, `o`, help and the
/// language reach the reading layer (the page behind it does not move).
pub fn map_key(app: &App, key: Key) -> Option<Action> {
    let action = app.keymap.action(&layers(app), key)?;
    let reading_only = app.overview.is_some()
        && app
            .keymap
            .action(&[Layer::Global, Layer::Overview], key)
            .is_none()
        && app.overlay == Overlay::None
        && !matches!(
            action,
            Action::Back | Action::ToggleHelp | Action::NextLanguage | Action::ToggleOverview
        );
    (!reading_only).then_some(action)
}
