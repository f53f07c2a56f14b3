//! Key specs as written in the config file (`x`, `ctrl-n`, `pagedown`, `shift-tab`): the
//! app's own type, so the app layer never needs the terminal library's key types.

use std::fmt;

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// A printable character, case kept (`G` is shift-g).
    Char(char),
    Enter,
    Esc,
    Tab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    /// F1 to F24.
    F(u8),
}

/// A key and its modifiers. `shift` is only set for keys that have no shifted character
/// (`shift-tab`, `shift-up`); `shift-g` is read as `G`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeySpec {
    pub key: Key,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

impl KeySpec {
    /// A key with no modifiers.
    pub const fn plain(key: Key) -> Self {
        Self {
            key,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }
}

/// Named keys, as written (lowercase; matched ignoring case).
const NAMES: &[(&str, Key)] = &[
    ("enter", Key::Enter),
    ("return", Key::Enter),
    ("esc", Key::Esc),
    ("escape", Key::Esc),
    ("tab", Key::Tab),
    ("backspace", Key::Backspace),
    ("delete", Key::Delete),
    ("del", Key::Delete),
    ("insert", Key::Insert),
    ("up", Key::Up),
    ("down", Key::Down),
    ("left", Key::Left),
    ("right", Key::Right),
    ("home", Key::Home),
    ("end", Key::End),
    ("pageup", Key::PageUp),
    ("pagedown", Key::PageDown),
    ("pgup", Key::PageUp),
    ("pgdn", Key::PageDown),
    ("space", Key::Char(' ')),
    ("minus", Key::Char('-')),
];

/// What a key spec may look like, for error hints.
pub const KEY_SYNTAX: &str = "a character (`x`, `G`, `?`), a name (enter, esc, tab, backspace, \
     delete, insert, up, down, left, right, home, end, pageup, pagedown, space, minus, f1–f24), \
     optionally after ctrl-, alt- or shift- (`ctrl-n`, `shift-tab`)";

impl std::str::FromStr for KeySpec {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let mut spec = KeySpec::plain(Key::Char(' '));
        let mut rest = s;
        // A single character is always a key, even `-`.
        while rest.chars().nth(1).is_some() {
            let Some((m, tail)) = rest.split_once('-') else {
                break;
            };
            match m.to_ascii_lowercase().as_str() {
                "ctrl" | "control" => spec.ctrl = true,
                "alt" | "meta" => spec.alt = true,
                "shift" => spec.shift = true,
                _ => return Err(format!("unknown modifier `{m}` (ctrl, alt or shift)")),
            }
            rest = tail;
        }
        spec.key = parse_key(rest)?;
        Ok(normalize(spec))
    }
}

fn parse_key(s: &str) -> Result<Key, String> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (None, _) => return Err("no key after the modifiers".into()),
        (Some(c), None) if c.is_control() => return Err("a control character is not a key".into()),
        (Some(c), None) => return Ok(Key::Char(c)),
        _ => {}
    }
    let lower = s.to_ascii_lowercase();
    if let Some((_, k)) = NAMES.iter().find(|(n, _)| *n == lower) {
        return Ok(*k);
    }
    if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
        && (1..=24).contains(&n)
    {
        return Ok(Key::F(n));
    }
    Err(format!("unknown key `{}`", crate::diag::excerpt(s)))
}

/// `shift-g` is `G`; `ctrl-G` is `ctrl-g` (terminals do not tell them apart).
fn normalize(mut spec: KeySpec) -> KeySpec {
    if let Key::Char(c) = spec.key {
        if spec.shift && c.to_uppercase().count() == 1 && !c.is_uppercase() {
            let up = c.to_uppercase().next().unwrap_or(c);
            if up != c {
                spec.key = Key::Char(up);
                spec.shift = false;
            }
        }
        if spec.ctrl && c.is_ascii_uppercase() {
            spec.key = Key::Char(c.to_ascii_lowercase());
        }
    }
    spec
}

/// The spec as it would be written: `ctrl-n`, `shift-tab`, `pagedown`, `G`. Parses back to
/// the same spec.
impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (on, name) in [
            (self.ctrl, "ctrl-"),
            (self.alt, "alt-"),
            (self.shift, "shift-"),
        ] {
            if on {
                f.write_str(name)?;
            }
        }
        match self.key {
            Key::Char(' ') => f.write_str("space"),
            Key::Char('-') if self.ctrl || self.alt || self.shift => f.write_str("minus"),
            Key::Char(c) => write!(f, "{c}"),
            Key::F(n) => write!(f, "f{n}"),
            k => {
                let name = NAMES.iter().find(|(_, v)| *v == k).map_or("?", |(n, _)| n);
                f.write_str(name)
            }
        }
    }
}
