//! Live reload at the terminal edge: the watcher reports on the loop's channel, and the loop
//! runs again on each new version of the story, the reader's state carried over.

use std::io;
use std::path::Path;
use std::sync::mpsc::{Receiver, Sender};

use super::events::AppEvent;
use super::{Loop, art};
use crate::app::App;
use crate::reload::{Reloaded, Watch};
use crate::story::Story;
use crate::ui;

/// Why the loop stopped: the reader is done, or a new version of the story is to be shown
/// (with the problems it still has, as `check` prints them).
pub enum Outcome {
    Exit(i32),
    Reload(Box<Story>, Option<String>),
}

/// Starts watching the story folder `dir`; the reloads arrive on `events`. `Err` says why
/// the folder cannot be watched (the viewer then runs without it).
pub fn watch(dir: &Path, events: Sender<AppEvent>) -> Result<Watch, String> {
    Watch::start(dir, move |r| events.send(AppEvent::Reloaded(r)).is_ok())
        .map_err(|e| crate::text::sanitize(&e.to_string()))
}

/// A reload reported to the loop: a new version to show (the loop ends and runs again on
/// it), or a save that does not load (the problems box opens; the old version stays).
pub fn apply(app: &mut App, reloaded: Reloaded) -> Option<Outcome> {
    match reloaded {
        Reloaded::Story(story, report) => Some(Outcome::Reload(story, report)),
        Reloaded::Broken(report) => {
            app.story_problems(Some(report));
            None
        }
    }
}

/// Runs the loop on `first`, then on every reloaded version, until the reader quits;
/// `finish` sees the reader's last state (also when the terminal fails).
pub fn run_reloading(
    lp: &mut Loop,
    mut first: App,
    rx: &Receiver<AppEvent>,
    finish: impl FnOnce(&App),
) -> io::Result<i32> {
    let (mut story, mut report, mut carry) = match lp.run(&mut first, rx) {
        Ok(Outcome::Reload(story, report)) => (story, report, first.carry()),
        Ok(Outcome::Exit(code)) => return done(&first, finish, Ok(code)),
        Err(e) => return done(&first, finish, Err(e)),
    };
    drop(first);
    loop {
        let current: Box<Story> = story;
        let mut app = App::reloaded(&current, &ui::GEOMETRY, carry);
        if report.is_some() {
            app.story_problems(report);
        }
        if let Err(e) = lp.fresh_art() {
            return done(&app, finish, Err(e));
        }
        match lp.run(&mut app, rx) {
            Ok(Outcome::Reload(next, next_report)) => {
                carry = app.carry();
                (story, report) = (next, next_report);
            }
            Ok(Outcome::Exit(code)) => return done(&app, finish, Ok(code)),
            Err(e) => return done(&app, finish, Err(e)),
        }
    }
}

fn done(app: &App, finish: impl FnOnce(&App), code: io::Result<i32>) -> io::Result<i32> {
    finish(app);
    code
}

impl Loop<'_> {
    /// New art stores and workers for a new version of the story (its pictures may have
    /// changed under the same names), and a screen drawn from scratch.
    fn fresh_art(&mut self) -> io::Result<()> {
        let hide = self.art.hide_graphics;
        let (view, worker) = art::start(self.detected, self.input.sender());
        self.art = view;
        self.art.hide_graphics = hide;
        self.worker = worker;
        self.scene = None;
        self.forget_placements()?;
        self.terminal.clear()
    }
}
