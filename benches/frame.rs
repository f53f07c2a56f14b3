//! Frame benchmarks (`cargo bench --bench frame`): loading the built-in story, drawing one
//! frame with art already prepared, and a page turn as the reader sees it (action, update,
//! draw, and the terminal diff written through the viewer's own backend, `SgrBackend`).
//!
//! Before the timings it prints the bytes the backend writes per page turn. Targets (checked
//! by `bench/targets.sh`, never by tests): a page turn under 1 ms at 120×40 and under 1.5 ms at
//! 240×70. See docs/performance.md.

use std::cell::Cell;
use std::io::{self, Write};
use std::rc::Rc;
use std::sync::{Arc, OnceLock};

use comicterm::app::{Action, App};
use comicterm::art::{ArtStore, ArtView, ColorMode, GraphicStore, Graphics, Method};
use comicterm::story::{Story, StorySource, load};
use comicterm::term::backend::SgrBackend;
use comicterm::ui::{self, ViewCtx};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

const SIZES: [(u16, u16); 2] = [(120, 40), (240, 70)];

fn main() {
    print_turn_bytes();
    divan::main();
}

fn story() -> &'static Story {
    static STORY: OnceLock<Story> = OnceLock::new();
    STORY.get_or_init(|| load(&StorySource::Builtin).story.expect("built-in story"))
}

/// One shared art store, with every page of the built-in story prepared at both sizes in
/// page and panel view (as the viewer's workers would have done before a turn).
fn store() -> Arc<ArtStore> {
    static STORE: OnceLock<Arc<ArtStore>> = OnceLock::new();
    STORE
        .get_or_init(|| {
            let store = Arc::new(ArtStore::default());
            let art = ArtView::new(store.clone(), ColorMode::TrueColor, Graphics::Halfblocks);
            for size in SIZES {
                let mut buf = Buffer::empty(Rect::new(0, 0, size.0, size.1));
                for panel_view in [false, true] {
                    let mut app = App::new(story(), &comicterm::ui::GEOMETRY, None, size);
                    if panel_view {
                        app.update(Action::ToggleView);
                    }
                    // Walk forward through every page/panel, preparing what each frame wants.
                    for _ in 0..=story().panel_count() {
                        let ctx = ViewCtx::with_art(&app, &art);
                        ui::frame(&app, &ctx, buf.area, &mut buf, ui::Missing::PrepareNow);
                        app.update(Action::Next);
                    }
                }
            }
            store
        })
        .clone()
}

fn art_view() -> ArtView {
    ArtView::new(store(), ColorMode::TrueColor, Graphics::Halfblocks)
}

/// A kitty-graphics view (10×20-pixel cells) over the same decoded images, with the page view
/// of every page encoded at both sizes, as the workers would have done before a turn.
fn kitty_view() -> ArtView {
    static KITTY: OnceLock<Arc<GraphicStore>> = OnceLock::new();
    let graphics = KITTY
        .get_or_init(|| {
            // As for a kitty >= 0.28 that inflated the compressed query (every kitty does).
            let graphics =
                Arc::new(GraphicStore::new(Method::KittyPlaceholders, None, false).with_zlib(true));
            let mut art = ArtView::new(store(), ColorMode::TrueColor, Graphics::Kitty);
            art.graphics_store = Some(graphics.clone());
            // Off screen: prepared but not drawn, since drawing marks an image as sent and
            // the first visit's transmission would then go uncounted.
            let art = art.off_screen();
            for size in SIZES {
                let mut buf = Buffer::empty(Rect::new(0, 0, size.0, size.1));
                let mut app = App::new(story(), &comicterm::ui::GEOMETRY, None, size);
                for _ in 0..story().pages.len() {
                    let ctx = ViewCtx::with_art(&app, &art);
                    ui::frame(&app, &ctx, buf.area, &mut buf, ui::Missing::PrepareNow);
                    app.update(Action::NextPage);
                }
            }
            graphics
        })
        .clone();
    let mut art = ArtView::new(store(), ColorMode::TrueColor, Graphics::Kitty);
    art.graphics_store = Some(graphics);
    art
}

#[divan::bench]
fn load_builtin_story() -> Story {
    load(&StorySource::Builtin).story.expect("built-in story")
}

/// One frame drawn into a buffer (page or panel view, commentary overlay on or off).
#[divan::bench(
    args = [
        "page 120x40", "page+commentary 120x40", "panel 120x40", "panel+commentary 120x40",
        "page 240x70", "page+commentary 240x70", "panel 240x70", "panel+commentary 240x70",
    ]
)]
fn draw_frame(bencher: divan::Bencher, case: &str) {
    let (view, size) = case.split_once(' ').expect("case");
    let size = comicterm::cli::parse_size(size).expect("size");
    let mut app = App::new(story(), &comicterm::ui::GEOMETRY, None, size);
    if view.starts_with("panel") {
        app.update(Action::ToggleView);
    }
    if view.ends_with("commentary") {
        app.update(Action::ToggleCommentary);
    }
    let art = art_view();
    let mut buf = Buffer::empty(Rect::new(0, 0, size.0, size.1));
    bencher.bench_local(|| {
        buf.reset();
        ui::render(&app, &ViewCtx::with_art(&app, &art), buf.area, &mut buf);
        assert!(art.take_wanted().is_empty(), "art was prepared");
    });
}

/// A `Write` that only counts bytes.
#[derive(Clone, Default)]
struct Counter(Rc<Cell<u64>>);

impl Write for Counter {
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        self.0.set(self.0.get() + b.len() as u64);
        Ok(b.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The viewer's state and terminal for page turns at one size: a turn is one action,
/// `update`, and `Terminal::draw` (draw, diff against the last frame, write, flush).
struct Turner {
    app: App<'static>,
    art: ArtView,
    terminal: Terminal<SgrBackend<Counter>>,
    bytes: Counter,
    step: usize,
}

impl Turner {
    fn new(size: (u16, u16), kitty: bool) -> Self {
        let bytes = Counter::default();
        let terminal = Terminal::with_options(
            SgrBackend::new(bytes.clone()),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, size.0, size.1)),
            },
        )
        .expect("terminal");
        let mut t = Self {
            app: App::new(story(), &comicterm::ui::GEOMETRY, None, size),
            art: if kitty { kitty_view() } else { art_view() },
            terminal,
            bytes,
            step: 0,
        };
        t.draw();
        t
    }

    fn draw(&mut self) {
        let (app, art) = (&self.app, &self.art);
        self.terminal
            .draw(|frame| ui::draw(frame, app, &ViewCtx::with_art(app, art)))
            .expect("draw");
    }

    /// Forward through the pages, then back, and again.
    fn turn(&mut self) {
        let pages = story().pages.len();
        let forward = (self.step / (pages - 1)).is_multiple_of(2);
        self.step += 1;
        self.app.update(if forward {
            Action::NextPage
        } else {
            Action::PrevPage
        });
        self.draw();
    }
}

/// A page turn with prepared art, half-blocks.
#[divan::bench(args = ["120x40", "240x70"])]
fn page_turn_halfblocks(bencher: divan::Bencher, size: &str) {
    let size = comicterm::cli::parse_size(size).expect("size");
    let mut t = Turner::new(size, false);
    bencher.bench_local(|| t.turn());
    assert!(t.art.take_wanted().is_empty(), "art was prepared");
}

/// A page turn with kitty graphics, images encoded beforehand. After the first visit of each
/// page its images are already in the terminal, so a turn places them again (the figure
/// printed before the timings shows the first visit's bytes too).
#[divan::bench(args = ["120x40", "240x70"])]
fn page_turn_kitty(bencher: divan::Bencher, size: &str) {
    let size = comicterm::cli::parse_size(size).expect("size");
    let mut t = Turner::new(size, true);
    bencher.bench_local(|| t.turn());
    assert!(t.art.take_wanted().is_empty(), "art was prepared");
}

/// Bytes the backend writes per page turn, averaged over a forward-and-back cycle (for
/// kitty, also the first cycle, which transmits each page's images once).
fn print_turn_bytes() {
    for (kitty, name) in [(false, "half-blocks"), (true, "kitty")] {
        for size in SIZES {
            let mut t = Turner::new(size, kitty);
            let turns = 2 * (story().pages.len() - 1);
            let mut cycle = || {
                let before = t.bytes.0.get();
                for _ in 0..turns {
                    t.turn();
                }
                (t.bytes.0.get() - before) / turns as u64
            };
            let first = cycle();
            let steady = cycle();
            println!(
                "page turn, {name}, {}x{}: {steady} bytes written per turn (first cycle: {first})",
                size.0, size.1
            );
        }
    }
}
