//! The terminal edge: setup and teardown, signals, the input thread and the event loop.

mod art;
pub mod backend;
pub mod detect;
mod events;
pub mod input;
pub mod probe;
mod reload;
mod session;
mod signals;
mod typed;
mod wheel;

use std::io;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::crossterm::event::Event;

pub use events::{AppEvent, InputThread};
use reload::Outcome;
pub use session::TerminalSession;
use signals::Signals;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{Action, App, Overlay};
use crate::art::{ArtView, ArtWorker, Graphics};
use crate::cli::ViewArgs;
use crate::story::Story;
use crate::ui::{self, ViewCtx};

/// Frames go out through one large buffer: ratatui flushes it after each frame, so a page turn
/// of half-block art (about 60–200 kB) is a couple of writes instead of one per kilobyte.
type Term = Terminal<backend::SgrBackend<io::BufWriter<io::Stdout>>>;

const FRAME_BUFFER: usize = 256 * 1024;

/// How long the loop waits for an event before checking the signal flags.
const TICK: Duration = Duration::from_millis(50);

/// Runs the interactive viewer on `story` until the reader quits; returns the exit code.
/// `prepare` sets up the reader state once the terminal's size is known (keys, the saved
/// place); `finish` sees the state the reader leaves (to save the place). With `watch`, the
/// story folder is watched and loaded again after each save (live reload).
pub fn run(
    story: &Story,
    args: &ViewArgs,
    watch: Option<&std::path::Path>,
    prepare: impl FnOnce(&mut App),
    finish: impl FnOnce(&App),
) -> io::Result<i32> {
    // With NO_COLOR crossterm writes each color change as an empty SGR (`ESC[m`), which also
    // resets bold and reverse; we drop colors ourselves instead (`ViewCtx::mono`).
    ratatui::crossterm::style::force_color_output(true);
    let signals = Signals::register()?;
    let session = TerminalSession::enter()?;
    let mut terminal = Terminal::new(backend::SgrBackend::new(io::BufWriter::with_capacity(
        FRAME_BUFFER,
        io::stdout(),
    )))?;
    // Asked before the input thread starts: nothing else may read the terminal meanwhile,
    // and nothing is left reading it afterwards.
    let detected = detect::detect(Graphics::resolve(args.graphics));
    // Keys typed while starting come first, before anything the input thread reads.
    let typed = detected
        .typed
        .iter()
        .map(|k| AppEvent::Term(Event::Key(*k)));
    let (input, rx) = InputThread::spawn(typed);
    let watching = watch.map(|dir| reload::watch(dir, input.sender()));
    let size = terminal.size()?;
    // `--lang`, else the locale's language if the story has it (`LANG=zh_CN.UTF-8`).
    let locale = crate::story::lang::from_locale(&story.languages, |k| std::env::var(k).ok())
        .map(|i| story.languages[i].as_str());
    let lang = args.lang.as_deref().or(locale);
    let mut app = App::new(story, &ui::GEOMETRY, lang, (size.width, size.height));
    prepare(&mut app);
    if let Some(Err(why)) = &watching {
        app.message = Some(crate::app::Message::Notice(why.clone()));
    }
    let (art_view, worker) = art::start(&detected, input.sender());
    if args.panic_in_decoder {
        crate::art::request_test_panic();
    }
    let mut lp = Loop {
        terminal: &mut terminal,
        session: &session,
        signals: &signals,
        input: &input,
        detected: &detected,
        art: art_view,
        worker,
        scene: None,
        panic_after: args.panic_after_frames,
        frames: 0,
        palette: ui::Palette::new(
            args.theme.unwrap_or_default(),
            detected.facts.replies.background,
        ),
        wheel: wheel::WheelGate::default(),
    };
    let code = reload::run_reloading(&mut lp, app, &rx, finish);
    let _ = lp.forget_placements();
    session.restore()?;
    code
}

struct Loop<'a> {
    terminal: &'a mut Term,
    session: &'a TerminalSession,
    signals: &'a Signals,
    input: &'a InputThread,
    detected: &'a detect::Detected,
    art: ArtView,
    worker: ArtWorker,
    /// The last drawn scene, to clear lingering sixel/iTerm2 images when it changes.
    scene: Option<art::Scene>,
    panic_after: Option<u32>,
    frames: u32,
    /// The colors (`--theme`, and the terminal's background for `auto`).
    palette: ui::Palette,
    wheel: wheel::WheelGate,
}

impl Loop<'_> {
    /// Runs until the reader quits or a signal ends the viewer. An I/O error while a
    /// terminating signal is pending (a hung-up terminal fails writes) still exits with the
    /// signal's code.
    fn run(&mut self, app: &mut App, rx: &Receiver<AppEvent>) -> io::Result<Outcome> {
        let result = self.run_until_done(app, rx);
        match (result, self.signals.exit_code()) {
            (Err(_), Some(code)) => Ok(Outcome::Exit(code)),
            (result, _) => result,
        }
    }

    fn run_until_done(&mut self, app: &mut App, rx: &Receiver<AppEvent>) -> io::Result<Outcome> {
        let mut dirty = true;
        loop {
            if let Some(code) = self.signals.exit_code() {
                return Ok(Outcome::Exit(code));
            }
            if self.signals.take_continued() {
                self.resume(app)?;
                dirty = true;
            }
            if self.signals.take_suspend() {
                self.suspend(app)?;
                dirty = true;
            }
            if app.quit {
                return Ok(Outcome::Exit(0));
            }
            if dirty {
                self.draw(app)?;
                dirty = false;
            }
            match rx.recv_timeout(TICK) {
                Ok(event) => {
                    let mut next = Some(event);
                    while let Some(event) = next.take() {
                        match event {
                            AppEvent::Reloaded(r) => match reload::apply(app, r) {
                                Some(outcome) => return Ok(outcome),
                                None => dirty = true,
                            },
                            event => dirty |= self.handle(app, event)?,
                        }
                        next = rx.try_recv().ok();
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return Ok(Outcome::Exit(0)),
            }
        }
    }

    fn draw(&mut self, app: &App) -> io::Result<()> {
        // Overlays stay readable: protocol images are hidden while one is open.
        self.art.hide_graphics = app.overlay != Overlay::None;
        let scene = art::Scene::of(app);
        if art::needs_clear(&self.art) && self.scene.as_ref().is_some_and(|s| *s != scene) {
            self.forget_placements()?;
            self.terminal.clear()?;
        }
        self.scene = Some(scene);
        let ctx = ViewCtx {
            palette: self.palette,
            links: true,
            mono: self.art.mode == crate::art::ColorMode::Mono,
            ..ViewCtx::with_art(app, &self.art)
        };
        let mut jobs = Vec::new();
        self.terminal.draw(|frame| {
            let missing = ui::Missing::Collect(&mut jobs);
            ui::frame(app, &ctx, frame.area(), frame.buffer_mut(), missing);
        })?;
        self.request_art(app, jobs);
        self.frames += 1;
        if self.panic_after == Some(self.frames) {
            panic!("--panic-after-frames {} reached", self.frames);
        }
        Ok(())
    }

    /// Asks the workers for the art this frame lacked, then for the neighbouring pages' art
    /// (found by drawing them off screen), so turning a page rarely waits.
    fn request_art(&self, app: &App, visible: Vec<crate::art::Job>) {
        let has_visible = !visible.is_empty();
        visible.into_iter().for_each(|job| self.worker.request(job));
        if has_visible {
            return;
        }
        let mut scratch = Buffer::empty(Rect::new(0, 0, app.size.0, app.size.1));
        let off_screen = self.art.off_screen();
        let mut jobs = Vec::new();
        for next in [Action::NextPage, Action::PrevPage] {
            let mut neighbour = app.clone();
            neighbour.update(next);
            let ctx = ViewCtx::with_art(&neighbour, &off_screen);
            let missing = ui::Missing::Collect(&mut jobs);
            ui::frame(&neighbour, &ctx, scratch.area, &mut scratch, missing);
        }
        jobs.into_iter().for_each(|job| self.worker.request(job));
    }

    /// Applies one event; says whether the screen needs redrawing (mouse moves and other
    /// events without an action do not).
    fn handle(&mut self, app: &mut App, event: AppEvent) -> io::Result<bool> {
        match event {
            AppEvent::ArtReady | AppEvent::Reloaded(_) => Ok(true),
            AppEvent::Term(ev) => {
                let mut action = input::action(app, &ev);
                if action == Some(Action::Suspend) {
                    return self.suspend(app).map(|()| true);
                }
                if let (Event::Mouse(m), Some(Action::Next | Action::Prev)) = (&ev, action) {
                    let down = matches!(
                        m.kind,
                        ratatui::crossterm::event::MouseEventKind::ScrollDown
                    );
                    if !self.wheel.accept(std::time::Instant::now(), down) {
                        action = None;
                    }
                }
                if let Some(action) = action {
                    app.update(action);
                }
                if matches!(ev, Event::Resize(..)) {
                    self.terminal.autoresize()?;
                }
                Ok(action.is_some())
            }
        }
    }

    /// Deletes kitty pictures placed directly (they are not cells: clearing the screen does
    /// not remove them everywhere).
    fn forget_placements(&mut self) -> io::Result<()> {
        if art::uses_kitty_placements(&self.art) {
            use std::io::Write;
            let out = self.terminal.backend_mut();
            out.write_all(crate::art::KITTY_DELETE_ALL.as_bytes())?;
            out.flush()?;
        }
        Ok(())
    }

    /// Ctrl-Z: give the terminal back, stop, and take it again on `fg`.
    fn suspend(&mut self, app: &mut App) -> io::Result<()> {
        self.input.pause();
        let _ = self.forget_placements();
        self.session.restore()?;
        signals::stop_self();
        self.signals.take_continued();
        self.resume(app)
    }

    fn resume(&mut self, app: &mut App) -> io::Result<()> {
        self.session.reenter()?;
        self.input.resume();
        self.terminal.clear()?;
        let size = self.terminal.size()?;
        app.update(Action::Resize(size.width, size.height));
        Ok(())
    }
}

/// Detects the terminal outside the viewer (for `comicterm doctor`): raw mode only while
/// asking, input typed meanwhile discarded.
pub fn detect_once(graphics: Graphics) -> detect::Detected {
    let raw = ratatui::crossterm::terminal::enable_raw_mode().is_ok();
    let detected = detect::detect(graphics);
    if raw {
        let _ = ratatui::crossterm::terminal::disable_raw_mode();
    }
    detected
}
