//! The live viewer's session around the terminal loop: settings (command line, environment,
//! config file), the saved place and bookmarks, then [`crate::term::run`], then the place
//! saved again. Problems with the config or the state file never stop the viewer.

use std::io;

use crate::app::keys::{Key, Keymap};
use crate::app::{Action, App, Message, Overlay, Position, View};
use crate::cli::{ViewArgs, ViewKind};
use crate::config::{self, CommentaryMode, KeySpec, Settings};
use crate::state_file::{self, Place, Saved, SavedView, StateDir, content_hash, restore};
use crate::story::{Story, StorySource};

/// Runs the viewer on `story` (opened from `source`); returns the exit code.
pub fn run(story: &Story, source: &StorySource, args: &ViewArgs) -> io::Result<i32> {
    let defaults = Keymap::default();
    let resolved = config::resolve(args, &defaults.action_names());
    // On the normal screen, before the viewer takes it.
    if !resolved.diagnostics.is_empty() {
        eprint!(
            "{}",
            crate::diag::render_all(
                &resolved.diagnostics,
                std::io::IsTerminal::is_terminal(&io::stderr())
            )
        );
        eprintln!("comicterm: the config file's other settings apply; see `comicterm config`");
    }
    for m in &resolved.env_messages {
        eprintln!("comicterm: {m}");
    }
    let settings = resolved.settings;
    let (keymap, key_problems) = keymap(&settings);
    for p in &key_problems {
        eprintln!("comicterm: config [keys]: {p}");
    }
    // `--from-start` and `resume = false` open at the start but keep the bookmarks and save
    // the place on quitting; `--no-state` neither reads nor writes.
    let state = (!args.no_state).then(StateDir::from_process_env).flatten();
    let key = state_file::story_key(&story.id, source);
    let loaded = state.as_ref().map(|d| d.load(&key)).unwrap_or_default();
    let fresh = args.from_start || !settings.resume;
    let saved = loaded.saved;
    let mut args = args.clone();
    args.graphics = Some(settings.graphics);
    args.theme = Some(settings.theme);
    // `--lang` first, then the language read last, then the environment and config file.
    args.lang = args
        .lang
        .clone()
        .or_else(|| {
            saved
                .as_ref()
                .filter(|_| !fresh)
                .and_then(|s| s.place.language.clone())
        })
        .or(settings.language.clone());
    let content = content_hash(story);
    // Live reload for story folders, unless `--no-watch`.
    let watch = crate::reload::folder(source).filter(|_| settings.watch);
    let prepare = |app: &mut App| {
        app.keymap = keymap.clone();
        start_view(app, &settings);
        match &saved {
            Some(saved) if !fresh => resume(app, content, saved),
            _ => {
                if let Some(saved) = &saved {
                    app.bookmarks = restore(app.story, content, saved).bookmarks;
                }
                // A story opened at its start begins with its cover.
                if settings.cover {
                    app.update(Action::ShowCover);
                }
            }
        }
        if let Some(m) = &loaded.message {
            app.message = Some(Message::Notice(m.clone()));
        }
    };
    // Saved while the viewer still holds the terminal: keys typed after the main screen
    // comes back belong to the shell, and the exit must not wait on the disk then.
    let mut save_error = None;
    let code = crate::term::run(story, &args, watch.as_deref(), prepare, |app: &App| {
        if let Some(dir) = &state {
            // A story reloaded while read is saved under its new content.
            save_error = dir
                .save(&save_point(app, &key, content_hash(app.story)))
                .err();
        }
    })?;
    if let Some(e) = save_error {
        eprintln!("comicterm: {e}");
    }
    Ok(code)
}

/// The configured view and commentary mode at the start.
fn start_view(app: &mut App, settings: &Settings) {
    if settings.view == ViewKind::Panel {
        app.update(Action::ToggleView);
    }
    if settings.commentary == CommentaryMode::Side {
        app.update(Action::ToggleSide);
    }
}

/// Puts the reader where they left the story.
fn resume(app: &mut App, content: u64, saved: &Saved) {
    let place = restore(app.story, content, saved);
    app.update(Action::GoTo(Position {
        page: place.page,
        panel: place.panel,
    }));
    let want = match place.view {
        SavedView::Page => View::Page,
        SavedView::Panel => View::Panel,
    };
    if app.view != want {
        app.update(Action::ToggleView);
    }
    if place.commentary && app.overlay != Overlay::Commentary {
        app.update(Action::ToggleCommentary);
    }
    app.bookmarks = place.bookmarks;
}

/// What is saved when the reader quits.
fn save_point(app: &App, key: &str, content: u64) -> Saved {
    Saved {
        story: key.to_string(),
        content,
        place: Place {
            page: app.pos.page,
            panel: app.pos.panel,
            panel_id: app.panel().map(|p| p.id.clone()).unwrap_or_default(),
            view: match app.view {
                View::Page => SavedView::Page,
                View::Panel => SavedView::Panel,
            },
            language: Some(app.lang_tag().to_string()),
            commentary: app.overlay == Overlay::Commentary,
        },
        bookmarks: app.bookmarks.clone(),
    }
}

/// The default key table with the config file's `[keys]` applied; keys the viewer cannot
/// read (Alt, F-keys, Insert, Delete) are reported and left out.
pub fn keymap(settings: &Settings) -> (Keymap, Vec<String>) {
    let mut map = Keymap::default();
    let mut problems = Vec::new();
    for (action, specs) in &settings.keys {
        let mut keys = Vec::new();
        for spec in specs {
            match app_key(*spec) {
                Some(k) => keys.push(k),
                None => problems.push(format!(
                    "`{spec}` for `{action}`: the viewer cannot read this key"
                )),
            }
        }
        if let Err(e) = map.rebind(action, keys) {
            problems.push(e);
        }
    }
    (map, problems)
}

/// The viewer's key for a config key spec.
pub fn app_key(spec: KeySpec) -> Option<Key> {
    use config::Key as C;
    if spec.alt {
        return None;
    }
    if spec.ctrl {
        return match spec.key {
            C::Char(c) if c.is_ascii_alphabetic() => Some(Key::Ctrl(c.to_ascii_lowercase())),
            _ => None,
        };
    }
    Some(match spec.key {
        C::Tab if spec.shift => Key::BackTab,
        _ if spec.shift => return None,
        C::Char(c) => Key::Char(c),
        C::Enter => Key::Enter,
        C::Esc => Key::Esc,
        C::Tab => Key::Tab,
        C::Backspace => Key::Backspace,
        C::Up => Key::Up,
        C::Down => Key::Down,
        C::Left => Key::Left,
        C::Right => Key::Right,
        C::Home => Key::Home,
        C::End => Key::End,
        C::PageUp => Key::PageUp,
        C::PageDown => Key::PageDown,
        C::Delete | C::Insert | C::F(_) => return None,
    })
}
