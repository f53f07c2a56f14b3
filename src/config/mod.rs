//! Settings: the config file, the environment and the command line, merged.
//!
//! The file is `$XDG_CONFIG_HOME/comicterm/config.toml` (default
//! `~/.config/comicterm/config.toml`). Precedence, highest first: command line, environment
//! (`COMICTERM_*`), config file, defaults ([`merge`]). Problems in the file are located
//! diagnostics, rendered like a story's; a bad value is left out (its default applies) and
//! the rest of the file still counts, so the viewer always starts.

mod command;
mod default_file;
mod keys;
mod layers;
mod parse;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use command::command;
pub use default_file::{default_bindings, default_file, default_keys};
pub use keys::{KEY_SYNTAX, Key, KeySpec};
pub use layers::{ENV_VARS, cli_layer, env_layer};

use crate::art::Graphics;
use crate::cli::{Theme, ViewKind};
use crate::diag::{Diagnostic, Kind, SourceText};

/// A config file larger than this is not read (a complete one is about 3 KB).
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// The keys a config file may set at its top level.
pub const KNOWN_KEYS: &[&str] = &[
    "language",
    "view",
    "graphics",
    "theme",
    "commentary",
    "resume",
    "cover",
    "watch",
    "keys",
];

/// Action names `[keys]` may bind: the viewer's one key table (`src/app/keys.rs`).
pub fn default_actions() -> Vec<&'static str> {
    crate::app::keys::Keymap::default().action_names()
}

/// Where commentary is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum CommentaryMode {
    /// A box over the art.
    #[default]
    Overlay,
    /// A pane beside the art (the overlay on terminals too small for both).
    Side,
}

/// Key bindings: action name and its keys, in the order written. An action not listed keeps
/// its default keys; an empty list unbinds it.
pub type Bindings = Vec<(String, Vec<KeySpec>)>;

/// What one source (command line, environment, file) sets; `None` leaves it to the next.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Layer {
    pub language: Option<String>,
    pub view: Option<ViewKind>,
    pub graphics: Option<Graphics>,
    pub theme: Option<Theme>,
    pub commentary: Option<CommentaryMode>,
    pub resume: Option<bool>,
    pub cover: Option<bool>,
    pub watch: Option<bool>,
    pub keys: Bindings,
}

/// The settings in effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// `None`: the locale's language if the story has it, else the story's first.
    pub language: Option<String>,
    pub view: ViewKind,
    pub graphics: Graphics,
    pub theme: Theme,
    pub commentary: CommentaryMode,
    /// Reopen a story at the saved place (bookmarks are kept either way).
    pub resume: bool,
    /// A cover card (title, summary, credits) before page 1 when a story opens at its start.
    pub cover: bool,
    /// Watch a story folder and reload it on each save.
    pub watch: bool,
    /// Rebound actions only (see [`Bindings`]).
    pub keys: Bindings,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: None,
            view: ViewKind::Page,
            graphics: Graphics::Auto,
            theme: Theme::Auto,
            commentary: CommentaryMode::Overlay,
            resume: true,
            cover: true,
            watch: true,
            keys: Vec::new(),
        }
    }
}

/// The settings from the command line, environment and file layers (in that precedence)
/// over the defaults. Key bindings merge per action: a higher layer's binding of an action
/// replaces a lower one's.
pub fn merge(cli: &Layer, env: &Layer, file: &Layer) -> Settings {
    let layers = [cli, env, file];
    let d = Settings::default();
    let mut keys: Bindings = Vec::new();
    for layer in layers {
        for (action, specs) in &layer.keys {
            if !keys.iter().any(|(a, _)| a == action) {
                keys.push((action.clone(), specs.clone()));
            }
        }
    }
    Settings {
        language: layers.iter().find_map(|l| l.language.clone()),
        view: layers.iter().find_map(|l| l.view).unwrap_or(d.view),
        graphics: layers.iter().find_map(|l| l.graphics).unwrap_or(d.graphics),
        theme: layers.iter().find_map(|l| l.theme).unwrap_or(d.theme),
        commentary: layers
            .iter()
            .find_map(|l| l.commentary)
            .unwrap_or(d.commentary),
        resume: layers.iter().find_map(|l| l.resume).unwrap_or(d.resume),
        cover: layers.iter().find_map(|l| l.cover).unwrap_or(d.cover),
        watch: layers.iter().find_map(|l| l.watch).unwrap_or(d.watch),
        keys,
    }
}

/// `$XDG_CONFIG_HOME/comicterm/config.toml`, else `$HOME/.config/comicterm/config.toml`;
/// `None` when neither variable holds an absolute path.
pub fn config_path(env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    crate::state_file::xdg_dir(&env, "XDG_CONFIG_HOME", ".config")
        .map(|d| d.join("comicterm").join("config.toml"))
}

/// The process's config path (see [`config_path`]).
pub fn process_config_path() -> Option<PathBuf> {
    config_path(|k| std::env::var_os(k))
}

/// A config file read: what it sets and its problems. A missing file sets nothing and is no
/// problem.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub layer: Layer,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads and parses the config file at `path`; `actions` are the names `[keys]` may bind
/// (e.g. [`default_actions`]). Never fails: unreadable, too large or non-UTF-8 files are
/// diagnostics.
pub fn load_file(path: &Path, actions: &[&str]) -> Loaded {
    let name = crate::diag::visible(&path.display().to_string());
    let whole_file = |kind, message: String| Loaded {
        layer: Layer::default(),
        diagnostics: vec![Diagnostic::new(
            kind,
            &SourceText::new(name.clone(), ""),
            0..0,
            message,
        )],
    };
    let bytes = match crate::state_file::read_capped(path, MAX_FILE_BYTES) {
        Ok(None) => return Loaded::default(),
        Ok(Some(b)) => b,
        Err(why) if why.starts_with("larger") => {
            let msg = format!("the config file is {why}; it is not read (the defaults apply)");
            return whole_file(Kind::FileTooLarge, msg);
        }
        Err(why) => return whole_file(Kind::Io, format!("the config file is not read: {why}")),
    };
    match std::str::from_utf8(&bytes) {
        Ok(text) => parse_text(&name, text, actions),
        Err(e) => {
            let file = SourceText::new(name, &String::from_utf8_lossy(&bytes));
            let at = e.valid_up_to();
            let d = Diagnostic::new(Kind::BadValue, &file, at..at + 1, "not UTF-8 text".into())
                .with_hint("the config file is read as UTF-8; nothing in it applies");
            Loaded {
                layer: Layer::default(),
                diagnostics: vec![d],
            }
        }
    }
}

/// Parses config text named `name` (shown in diagnostics).
pub fn parse_text(name: &str, text: &str, actions: &[&str]) -> Loaded {
    let file: Arc<SourceText> = SourceText::new(name, text);
    let (layer, diagnostics) = parse::parse(&file, actions);
    Loaded { layer, diagnostics }
}

/// Everything the viewer needs at start: the merged settings, the config file's problems (to
/// print on the normal screen before starting) and one line per ignored environment value.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub settings: Settings,
    pub diagnostics: Vec<Diagnostic>,
    pub env_messages: Vec<String>,
}

/// The settings for this process: `args` over the `COMICTERM_*` environment over the config
/// file (if `HOME` or `XDG_CONFIG_HOME` locates one) over the defaults. `actions` are the
/// names `[keys]` may bind.
pub fn resolve(args: &crate::cli::ViewArgs, actions: &[&str]) -> Resolved {
    let file = process_config_path().map_or_else(Loaded::default, |p| load_file(&p, actions));
    let (env, env_messages) = env_layer(|k| std::env::var(k).ok());
    Resolved {
        settings: merge(&cli_layer(args), &env, &file.layer),
        diagnostics: file.diagnostics,
        env_messages,
    }
}

#[cfg(test)]
mod tests;
