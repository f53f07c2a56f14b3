//! The one place where key presses and mouse events become [`Action`]s.
//!
//! Keys go to the top-most layer first: an open overlay takes the scroll keys, the rest fall
//! through to the page.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::{Action, App, Overlay, View};

/// The action for a terminal event, if any. Ctrl-Z is not here: suspending is the
/// terminal's business (see [`is_suspend`]).
pub fn map_event(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.is_press() => map_key(app, key),
        Event::Mouse(mouse) => map_mouse(app, mouse),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

/// Whether the event is Ctrl-Z.
pub fn is_suspend(event: &Event) -> bool {
    matches!(event, Event::Key(k) if k.is_press()
        && k.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(k.code, KeyCode::Char('z' | 'Z')))
}

pub fn map_key(app: &App, key: &KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return matches!(key.code, KeyCode::Char('c' | 'C')).then_some(Action::Quit);
    }
    if app.overlay != Overlay::None
        && let Some(action) = overlay_key(key.code)
    {
        return Some(action);
    }
    if app.pending.is_some() && key.code == KeyCode::Backspace {
        return Some(Action::EraseDigit);
    }
    page_key(key.code)
}

fn overlay_key(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Up | KeyCode::Char('k') => Action::ScrollUp,
        KeyCode::Down | KeyCode::Char('j') => Action::ScrollDown,
        KeyCode::PageUp => Action::ScrollPageUp,
        KeyCode::PageDown | KeyCode::Char(' ') => Action::ScrollPageDown,
        KeyCode::Home | KeyCode::Char('g') => Action::ScrollTop,
        KeyCode::End | KeyCode::Char('G') => Action::ScrollBottom,
        _ => return None,
    })
}

fn page_key(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Right | KeyCode::Char('l' | ' ') => Action::Next,
        KeyCode::Left | KeyCode::Char('h') | KeyCode::Backspace => Action::Prev,
        KeyCode::PageDown => Action::NextPage,
        KeyCode::PageUp => Action::PrevPage,
        KeyCode::Home | KeyCode::Char('g') => Action::FirstPage,
        KeyCode::End => Action::LastPage,
        KeyCode::Char('G') => Action::JumpOrLast,
        KeyCode::Char(c @ '0'..='9') => Action::Digit(c as u8 - b'0'),
        KeyCode::Enter => Action::Confirm,
        KeyCode::Tab | KeyCode::Char('v') => Action::ToggleView,
        KeyCode::Char('c') => Action::ToggleCommentary,
        KeyCode::Char('t') => Action::NextLanguage,
        KeyCode::Char('?') => Action::ToggleHelp,
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Esc => Action::Back,
        _ => return None,
    })
}

pub fn map_mouse(app: &App, mouse: &MouseEvent) -> Option<Action> {
    let overlay = app.overlay != Overlay::None;
    match mouse.kind {
        MouseEventKind::ScrollDown if overlay => Some(Action::ScrollDown),
        MouseEventKind::ScrollUp if overlay => Some(Action::ScrollUp),
        // One step of the current view: a page in page view, a panel in panel view.
        MouseEventKind::ScrollDown => Some(Action::Next),
        MouseEventKind::ScrollUp => Some(Action::Prev),
        MouseEventKind::Down(MouseButton::Left)
            if !overlay && app.effective_view() == View::Page =>
        {
            crate::ui::layout::panel_at(app, mouse.column, mouse.row).map(Action::OpenPanel)
        }
        _ => None,
    }
}
