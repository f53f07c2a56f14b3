//! `comicterm config --default`: a complete, commented config file holding the defaults.

use std::fmt::Write as _;

use clap::ValueEnum;

use super::parse::names;
use super::{Bindings, CommentaryMode, Settings};
use crate::art::Graphics;
use crate::cli::{Theme, ViewKind};

/// The viewer's default keys per action, as a config file writes them: read from the one
/// key table (`src/app/keys.rs`), so the default file and `[keys]` always match the viewer.
/// Overlay keys (scroll-*) act while a box is open and share letters with reading keys.
pub fn default_keys() -> Vec<(String, Vec<String>)> {
    crate::app::keys::Keymap::default()
        .bindings
        .iter()
        .filter_map(|b| {
            let name = b.action.name()?;
            let keys = b.keys.iter().filter_map(|k| k.config_name()).collect();
            Some((name.to_string(), keys))
        })
        .collect()
}

/// [`default_keys`] parsed.
pub fn default_bindings() -> Bindings {
    default_keys()
        .into_iter()
        .map(|(action, keys)| {
            let specs = keys.iter().filter_map(|k| k.parse().ok()).collect();
            (action, specs)
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
    let _ = writeln!(
        out,
        "# A cover card (title, summary, credits) before page 1 when a story opens at its\n\
         # start (--no-cover leaves it out once).\ncover = {}\n",
        d.cover
    );
    let _ = writeln!(
        out,
        "# Reload a story folder each time one of its files is saved (--no-watch turns it\n\
         # off once).\nwatch = {}\n",
        d.watch
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
