//! Overview benchmark (`cargo bench --bench overview`): a generated 10,000-panel story
//! (`comicterm::generate`, as `comicterm generate OUT --panels 10000` writes it: 2,500 pages,
//! 16 shared art files), and what the overview (`o`) costs on it, at 80×24 and 160×48:
//!
//! - opening it: the `o` update and its first frame, from the middle of the story;
//! - a frame with its thumbnails missing (the live viewer draws "preparing" and hands the
//!   art to its workers: `Missing::Collect`, nothing prepared on this thread) and with them
//!   ready (prepared beforehand, as the workers would have);
//! - moving its cursor down through all 2,500 pages, each step an update and a frame, with
//!   thumbnails missing and ready.
//!
//! Timings (medians of `RUNS` runs; for the walk, the median and slowest step and the whole
//! walk) are printed, never asserted (docs/performance.md). The search over all panels is
//! `cargo bench --bench search`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use comicterm::app::overview::OverviewStep;
use comicterm::app::{Action, App, Position};
use comicterm::art::{ArtStore, ArtView, ColorMode, Graphics, Job};
use comicterm::story::{Story, StorySource, load};
use comicterm::ui::{self, Missing, ViewCtx};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const PANELS: usize = 10_000;
const ART_FILES: usize = 16;
const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];
const RUNS: usize = 51;

fn main() {
    // `cargo test --benches` / `cargo bench -- --list`: do nothing heavy.
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    comicterm::generate::write_story(dir.path(), PANELS, ART_FILES).expect("generate");
    let story = load(&StorySource::Dir(dir.path().to_path_buf()))
        .story
        .expect("generated story loads");
    println!(
        "overview of a generated story: {} panels on {} pages, {ART_FILES} art files, \
         half-blocks; medians of {RUNS} runs",
        story.panel_count(),
        story.pages.len()
    );
    for size in SIZES {
        println!("\n{}x{}", size.0, size.1);
        measure(&story, size);
    }
}

fn measure(story: &Story, size: (u16, u16)) {
    let middle = Position {
        page: story.pages.len() / 2,
        panel: 0,
    };
    let reading = {
        let mut app = App::new(story, &ui::GEOMETRY, None, size);
        app.update(Action::GoTo(middle));
        app
    };
    let mut frames = Frames::new(size);
    let open = median_with(
        RUNS,
        || (reading.clone(), fresh()),
        |(mut app, missing)| {
            app.update(Action::ToggleOverview);
            frames.draw(&app, &missing)
        },
    );
    row("open (o, first frame, thumbnails missing)", open);
    let mut overview = reading.clone();
    overview.update(Action::ToggleOverview);
    let missing = fresh();
    let wanted = frames.draw(&overview, &missing);
    let frame_missing = median_with(RUNS, || (), |()| frames.draw(&overview, &missing));
    row(
        &format!("frame, thumbnails missing ({wanted} to prepare)"),
        frame_missing,
    );
    let ready = fresh();
    frames.prepare(&overview, &ready);
    let frame_ready = median_with(RUNS, || (), |()| frames.draw(&overview, &ready));
    row("frame, thumbnails ready", frame_ready);
    for (what, art) in [("missing", fresh()), ("ready", ready)] {
        let walk = walk(story, size, &mut frames, &art, what == "ready");
        println!(
            "  {:<48} {:>8.3} ms a step (slowest {:.3} ms), {:.0} ms for {} steps",
            format!("cursor down every page, thumbnails {what}"),
            ms(walk.median),
            ms(walk.slowest),
            ms(walk.total),
            walk.steps
        );
    }
}

/// A frame buffer and the art views frames are drawn with.
struct Frames {
    buf: Buffer,
}

impl Frames {
    fn new(size: (u16, u16)) -> Self {
        Self {
            buf: Buffer::empty(Rect::new(0, 0, size.0, size.1)),
        }
    }

    /// One frame as the live viewer draws it: the art it lacks is collected for the
    /// workers, not prepared here. Returns how many thumbnails it asked for.
    fn draw(&mut self, app: &App, art: &ArtView) -> usize {
        let mut jobs: Vec<Job> = Vec::new();
        self.buf.reset();
        let ctx = ViewCtx::with_art(app, art);
        ui::frame(
            app,
            &ctx,
            self.buf.area,
            &mut self.buf,
            Missing::Collect(&mut jobs),
        );
        jobs.len()
    }

    /// The frame with its art prepared (what the workers do between frames).
    fn prepare(&mut self, app: &App, art: &ArtView) {
        self.buf.reset();
        let ctx = ViewCtx::with_art(app, art);
        ui::frame(app, &ctx, self.buf.area, &mut self.buf, Missing::PrepareNow);
    }
}

/// An art view on an empty store: every thumbnail missing.
fn fresh() -> ArtView {
    ArtView::new(
        Arc::new(ArtStore::default()),
        ColorMode::TrueColor,
        Graphics::Halfblocks,
    )
}

struct Walk {
    median: Duration,
    slowest: Duration,
    total: Duration,
    steps: usize,
}

/// The overview opened on page 1, the cursor moved down a page at a time to the last
/// page, each step drawn. With `ready`, each step's thumbnails are prepared before the next
/// step, untimed (as the workers would between key presses).
fn walk(story: &Story, size: (u16, u16), frames: &mut Frames, art: &ArtView, ready: bool) -> Walk {
    let mut app = App::new(story, &ui::GEOMETRY, None, size);
    app.update(Action::ToggleOverview);
    let mut steps = Vec::with_capacity(story.pages.len());
    for _ in 1..story.pages.len() {
        if ready {
            frames.prepare(&app, art);
        }
        let t = Instant::now();
        app.update(Action::Overview(OverviewStep::NextPage));
        frames.draw(&app, art);
        steps.push(t.elapsed());
    }
    assert_eq!(
        app.overview.map(|p| p.page),
        Some(story.pages.len() - 1),
        "the cursor reached the last page"
    );
    let total = steps.iter().sum();
    steps.sort();
    Walk {
        median: steps[steps.len() / 2],
        slowest: steps[steps.len() - 1],
        total,
        steps: steps.len(),
    }
}

/// The median time of `f`, each run on an input made by `setup` (untimed).
fn median_with<I, T>(
    runs: usize,
    mut setup: impl FnMut() -> I,
    mut f: impl FnMut(I) -> T,
) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let input = setup();
            let t = Instant::now();
            std::hint::black_box(f(input));
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn row(what: &str, d: Duration) {
    println!("  {what:<48} {:>8.3} ms", ms(d));
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
