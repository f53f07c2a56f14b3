//! The one table of keys. Dispatch ([`Keymap::action`]), the help overlay and the key table
//! in docs/viewer.md all come from [`Keymap::default`]; a test keeps the docs in step.
//!
//! Keys are the viewer's own type, not a terminal library's: the terminal edge converts its
//! events, so this table can also be read from a config file.

use std::fmt;

use super::Action;

/// One key press as the viewer sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    /// A letter with Ctrl (stored lower case).
    Ctrl(char),
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    /// Any of `0`–`9` (in the table only: it maps to [`Action::Digit`]).
    Digit,
}

impl Key {
    /// The key as a config file writes it (`right`, `pagedown`, `ctrl-c`, `G`); `None` for
    /// [`Key::Digit`], which stands for ten keys.
    pub fn config_name(self) -> Option<String> {
        Some(match self {
            Key::Char(' ') => "space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("ctrl-{c}"),
            Key::Up => "up".into(),
            Key::Down => "down".into(),
            Key::Left => "left".into(),
            Key::Right => "right".into(),
            Key::PageUp => "pageup".into(),
            Key::PageDown => "pagedown".into(),
            Key::Home => "home".into(),
            Key::End => "end".into(),
            Key::Enter => "enter".into(),
            Key::Esc => "esc".into(),
            Key::Tab => "tab".into(),
            Key::BackTab => "shift-tab".into(),
            Key::Backspace => "backspace".into(),
            Key::Digit => return None,
        })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Key::Char(' ') => f.write_str("Space"),
            Key::Char(c) => write!(f, "{c}"),
            Key::Ctrl(c) => write!(f, "Ctrl-{}", c.to_ascii_uppercase()),
            Key::Up => f.write_str("Up"),
            Key::Down => f.write_str("Down"),
            Key::Left => f.write_str("Left"),
            Key::Right => f.write_str("Right"),
            Key::PageUp => f.write_str("PgUp"),
            Key::PageDown => f.write_str("PgDn"),
            Key::Home => f.write_str("Home"),
            Key::End => f.write_str("End"),
            Key::Enter => f.write_str("Enter"),
            Key::Esc => f.write_str("Esc"),
            Key::Tab => f.write_str("Tab"),
            Key::BackTab => f.write_str("Shift-Tab"),
            Key::Backspace => f.write_str("Backspace"),
            Key::Digit => f.write_str("0–9"),
        }
    }
}

/// Where a binding applies. Keys go to the top-most layer that binds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    /// Always, before anything else (quit, suspend).
    Global,
    /// While the search prompt is open: it takes every key (see [`Keymap::action`]).
    Prompt,
    /// While a page number is being typed.
    Typing,
    /// While commentary or help is open.
    Overlay,
    /// While the overview is open.
    Overview,
    /// Reading: the page or panel.
    Reading,
}

/// Keys that do one action in one layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub layer: Layer,
    pub keys: Vec<Key>,
    pub action: Action,
}

/// Every binding, in the order help shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

/// The default bindings: (layer, keys, action).
const DEFAULT: &[(Layer, &[Key], Action)] = {
    use super::overview::OverviewStep;
    use Action as A;
    use Key::*;
    use Layer::*;
    &[
        (Reading, &[Right, Char('l')], A::NextPanel),
        (Reading, &[Left, Char('h')], A::PrevPanel),
        (Reading, &[Char(' ')], A::Next),
        (Reading, &[Backspace], A::Prev),
        (Reading, &[Down, Char('j')], A::Below),
        (Reading, &[Up, Char('k')], A::Above),
        (Reading, &[PageDown], A::NextPage),
        (Reading, &[PageUp], A::PrevPage),
        (Reading, &[Home, Char('g')], A::FirstPage),
        (Reading, &[End], A::LastPage),
        (Reading, &[Digit], A::Digit(0)),
        (Reading, &[Char('G')], A::JumpOrLast),
        (Reading, &[Enter], A::Confirm),
        (Reading, &[Tab, Char('v')], A::ToggleView),
        (Reading, &[Char('z')], A::ToggleArtAlone),
        (Reading, &[Char(']')], A::NextNoted),
        (Reading, &[Char('[')], A::PrevNoted),
        (Reading, &[Char('o')], A::ToggleOverview),
        (Reading, &[Char('m')], A::ToggleBookmark),
        (Reading, &[Char('/')], A::SearchStart),
        (Reading, &[Char('n')], A::SearchNext),
        (Reading, &[Char('N')], A::SearchPrev),
        (Reading, &[Char('c')], A::ToggleCommentary),
        (Reading, &[Char('C')], A::ToggleSide),
        (Reading, &[Char('J')], A::SideDown),
        (Reading, &[Char('K')], A::SideUp),
        (Reading, &[Char('t')], A::NextLanguage),
        (Reading, &[Char('?')], A::ToggleHelp),
        (Typing, &[Backspace], A::EraseDigit),
        (Overlay, &[Down, Char('j')], A::ScrollDown),
        (Overlay, &[Up, Char('k')], A::ScrollUp),
        (Overlay, &[PageDown, Char(' ')], A::ScrollPageDown),
        (Overlay, &[PageUp], A::ScrollPageUp),
        (Overlay, &[Home, Char('g')], A::ScrollTop),
        (Overlay, &[End, Char('G')], A::ScrollBottom),
        (
            Overview,
            &[Right, Char('l')],
            A::Overview(OverviewStep::NextPanel),
        ),
        (
            Overview,
            &[Left, Char('h')],
            A::Overview(OverviewStep::PrevPanel),
        ),
        (
            Overview,
            &[Down, Char('j')],
            A::Overview(OverviewStep::RowDown),
        ),
        (Overview, &[Up, Char('k')], A::Overview(OverviewStep::RowUp)),
        (Overview, &[PageDown], A::Overview(OverviewStep::NextPage)),
        (Overview, &[PageUp], A::Overview(OverviewStep::PrevPage)),
        (Overview, &[Enter], A::OverviewJump),
        (Reading, &[Esc], A::Back),
        (Global, &[Char('q'), Ctrl('c')], A::Quit),
        (Global, &[Ctrl('z')], A::Suspend),
    ]
};

impl Default for Keymap {
    fn default() -> Self {
        Self {
            bindings: DEFAULT
                .iter()
                .map(|(layer, keys, action)| Binding {
                    layer: *layer,
                    keys: keys.to_vec(),
                    action: *action,
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// The action `key` does in the first of `layers` (top-most first) that binds it. The
    /// search prompt takes every key: Enter searches, Esc closes, Backspace erases, a
    /// character is typed, Tab switches between this language and all (Ctrl-C still quits).
    pub fn action(&self, layers: &[Layer], key: Key) -> Option<Action> {
        if layers.contains(&Layer::Prompt) {
            return match key {
                Key::Ctrl('c') => Some(Action::Quit),
                Key::Enter => Some(Action::SearchSubmit),
                Key::Esc => Some(Action::Back),
                Key::Backspace => Some(Action::SearchErase),
                Key::Tab => Some(Action::SearchScope),
                Key::Char(c) => Some(Action::SearchInput(c)),
                _ => None,
            };
        }
        let (lookup, digit) = match key {
            Key::Char(c @ '0'..='9') => (Key::Digit, Some(c as u8 - b'0')),
            other => (other, None),
        };
        layers.iter().find_map(|layer| {
            let b = self
                .bindings
                .iter()
                .find(|b| b.layer == *layer && b.keys.contains(&lookup))?;
            Some(match (b.action, digit) {
                (Action::Digit(_), Some(d)) => Action::Digit(d),
                (action, _) => action,
            })
        })
    }

    /// Binds the action named `name` (see [`Action::name`]) to `keys` instead of its
    /// default ones (none: unbound). Unknown names are an error.
    pub fn rebind(&mut self, name: &str, keys: Vec<Key>) -> Result<(), String> {
        let b = self
            .bindings
            .iter_mut()
            .find(|b| b.action.name() == Some(name))
            .ok_or_else(|| format!("no action named `{name}`"))?;
        b.keys = keys;
        Ok(())
    }

    /// The names of the actions keys can be bound to, in the table's order.
    pub fn action_names(&self) -> Vec<&'static str> {
        self.bindings
            .iter()
            .filter_map(|b| b.action.name())
            .collect()
    }

    /// The keys bound to `action` in `layer`, as help shows them (`Right l Space`).
    pub fn keys_for(&self, layer: Layer, action: Action) -> Option<String> {
        let b = self
            .bindings
            .iter()
            .find(|b| b.layer == layer && b.action == action)?;
        let names: Vec<String> = b.keys.iter().map(Key::to_string).collect();
        Some(names.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each action is bound in one place: a config file names it once, and rebinding it
    /// changes every key that does it.
    #[test]
    fn every_named_action_is_in_the_table_once() {
        let names = Keymap::default().action_names();
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(names.len(), unique.len(), "{names:?}");
    }
}
