//! Terminal events to actions: keys through the app's one key table ([`crate::app::keys`]),
//! mouse events through the screen's layout (hit-testing needs the UI's geometry).

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::app::keys::Key;
use crate::app::{Action, App, Overlay, View, keymap};
use crate::ui::layout;

/// The action for a terminal event, if any.
pub fn action(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(k) if k.is_press() => keymap::map_key(app, key(k)?),
        Event::Mouse(m) => mouse(app, m),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

/// The viewer's key for a terminal key press (Shift is in the character itself).
pub fn key(k: &KeyEvent) -> Option<Key> {
    if k.modifiers.contains(KeyModifiers::CONTROL) {
        return match k.code {
            KeyCode::Char(c) => Some(Key::Ctrl(c.to_ascii_lowercase())),
            _ => None,
        };
    }
    Some(match k.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        _ => return None,
    })
}

/// The wheel is one step of the view (or a line of an open overlay); a left click on a
/// panel in page view opens it.
pub fn mouse(app: &App, m: &MouseEvent) -> Option<Action> {
    let overlay = app.overlay != Overlay::None;
    if app.overview.is_some() && !overlay {
        return match m.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                crate::ui::overview::panel_at(app, m.column, m.row).map(Action::OverviewPick)
            }
            _ => None,
        };
    }
    match m.kind {
        MouseEventKind::ScrollDown if overlay => Some(Action::ScrollDown),
        MouseEventKind::ScrollUp if overlay => Some(Action::ScrollUp),
        MouseEventKind::ScrollDown => Some(Action::Next),
        MouseEventKind::ScrollUp => Some(Action::Prev),
        MouseEventKind::Down(MouseButton::Left)
            if !overlay && app.effective_view() == View::Page && !app.art_alone =>
        {
            let size = layout::page_size(app.size, app.side);
            layout::panel_at(app.page()?, size, m.column, m.row).map(Action::OpenPanel)
        }
        _ => None,
    }
}
