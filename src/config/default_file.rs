//! `comicterm config --default`: a complete, commented config file holding the defaults.

use std::fmt::Write as _;

use clap::ValueEnum;

use super::parse::names;
use super::{Bindings, CommentaryMode, Settings};
use crate::art::Graphics;
use crate::cli::{Theme, ViewKind};

/// The viewer's default keys per action, as written in a config file. Mirrors the key table
/// of issue 11 (`src/app/keys.rs` on main: `Keymap::default`); once merged, the viewer passes
/// its own table to [`default_file`]. Overlay keys (scroll-*) act while a box is open and
/// share letters with reading keys.
pub const DEFAULT_KEYS: &[(&str, &[&str])] = &[
    ("next-panel", &["right", "l"]),
    ("prev-panel", &["left", "h"]),
    ("next", &["space"]),
    ("prev", &["backspace"]),
    ("below", &["down", "j"]),
    ("above", &["up", "k"]),
    ("next-page", &["pagedown"]),
    ("prev-page", &["pageup"]),
    ("first-page", &["home", "g"]),
    ("last-page", &["end"]),
    ("jump-or-last", &["G"]),
    ("confirm", &["enter"]),
    ("toggle-view", &["tab", "v"]),
    ("toggle-art-alone", &["z"]),
    ("next-noted", &["]"]),
    ("prev-noted", &["["]),
    ("toggle-commentary", &["c"]),
    ("next-language", &["t"]),
    ("toggle-help", &["?"]),
    ("erase-digit", &["backspace"]),
    ("scroll-down", &["down", "j"]),
    ("scroll-up", &["up", "k"]),
    ("scroll-page-down", &["pagedown", "space"]),
    ("scroll-page-up", &["pageup"]),
    ("scroll-top", &["home", "g"]),
    ("scroll-bottom", &["end", "G"]),
    ("back", &["esc"]),
    ("quit", &["q", "ctrl-c"]),
    ("suspend", &["ctrl-z"]),
];

/// [`DEFAULT_KEYS`] parsed.
pub fn default_bindings() -> Bindings {
    DEFAULT_KEYS
        .iter()
        .map(|(action, keys)| {
            let specs = keys.iter().filter_map(|k| k.parse().ok()).collect();
            (action.to_string(), specs)
        })
        .collect()
}

/// The default config file, listing `keys` under `[keys]`; it parses back to
/// [`Settings::default`] with exactly those bindings.
pub fn default_file(keys: &Bindings) -> String {
    let d = Settings::default();
    let mut out = String::from(
        "# comicterm settings (`comicterm config --path` shows where this file is read from).\n\
         # Every key is optional: delete what you do not change. The command line wins over\n\
         # the environment (COMICTERM_LANG, COMICTERM_VIEW, COMICTERM_GRAPHICS, COMICTERM_THEME,\n\
         # COMICTERM_COMMENTARY, COMICTERM_RESUME), which wins over this file.\n\n\
         # Language of the story text and the interface, if the story has it (en, zh-Hans, zh).\n\
         # Default: the locale's language if the story has it, else the story's first.\n\
         # language = \"en\"\n\n",
    );
    let mut setting = |comment: &str, key: &str, value: String, all: Vec<String>| {
        let _ = writeln!(out, "# {comment} One of: {}.", all.join(", "));
        let _ = writeln!(out, "{key} = \"{value}\"\n");
    };
    setting(
        "The view a story opens in.",
        "view",
        name(d.view),
        names::<ViewKind>(),
    );
    setting(
        "How panel art is shown: auto asks the terminal; halfblocks works everywhere; none shows \
         the alt text.",
        "graphics",
        name(d.graphics),
        names::<Graphics>(),
    );
    setting(
        "Colors: auto follows the terminal's background. NO_COLOR, when set, wins over all.",
        "theme",
        name(d.theme),
        names::<Theme>(),
    );
    setting(
        "Where commentary opens: overlay (a box over the art) or side (a pane beside it).",
        "commentary",
        name(d.commentary),
        names::<CommentaryMode>(),
    );
    let _ = writeln!(
        out,
        "# Reopen each story where you left it (--from-start ignores it once; --no-state\n\
         # neither reads nor writes the saved place).\nresume = {}\n",
        d.resume
    );
    out.push_str(
        "# Keys: action = a key or a list of keys; listing an action replaces its default keys,\n\
         # [] unbinds it. A key is a character (x, G, ?), a name (enter, esc, tab, backspace,\n\
         # delete, insert, up, down, left, right, home, end, pageup, pagedown, space, minus,\n\
         # f1-f24), optionally after ctrl-, alt- or shift- (ctrl-n, shift-tab).\n[keys]\n",
    );
    for (action, specs) in keys {
        let list: Vec<String> = specs
            .iter()
            .map(|s| {
                let s = s.to_string();
                format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
            })
            .collect();
        let _ = writeln!(out, "{action} = [{}]", list.join(", "));
    }
    out
}

fn name<T: ValueEnum>(v: T) -> String {
    v.to_possible_value()
        .map_or_else(String::new, |p| p.get_name().to_string())
}
