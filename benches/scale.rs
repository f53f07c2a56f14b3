//! Scale benchmark (`cargo bench --bench scale`): synthetic stories of 16, 1,000 and 10,000
//! panels (written by `comicterm::generate`, as `comicterm generate` does), their load time
//! (median), the peak memory of a process that loads one and draws page 1 with its art, and
//! the memory of a process that pages through the 10,000-panel story the way the viewer does:
//! each page drawn, its missing art prepared, the neighbouring pages prefetched, all through
//! one `ArtStore` with its default bounds.
//!
//! Memory is measured in child processes (this benchmark re-runs itself with
//! `COMICTERM_SCALE_CHILD` set), so each figure is that process's own peak (`VmHWM`).
//! Targets (docs/performance.md): load of 10,000 panels under 300 ms; peak while paging it
//! under 100 MB; the 16-panel story's peak under 40 MB.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use comicterm::app::{Action, App};
use comicterm::art::{ArtStore, ArtView, ColorMode, Graphics};
use comicterm::story::{Story, StorySource, load};
use comicterm::ui::{self, ViewCtx};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const CHILD: &str = "COMICTERM_SCALE_CHILD";
const SIZE: (u16, u16) = (120, 40);

fn main() {
    if let Ok(task) = std::env::var(CHILD) {
        child(&task);
        return;
    }
    // `cargo test --benches` / `cargo bench -- --list` style invocations: do nothing heavy.
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return;
    }
    let art_files: usize = std::env::var("COMICTERM_SCALE_ART_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(16);
    println!("synthetic stories, {art_files} shared art files, frames at 120x40");
    println!(
        "{:>7} | {:>12} | {:>24} | {:>22}",
        "panels", "load median", "peak MB: load + page 1", "peak MB: paging all"
    );
    for panels in [16, 1_000, 10_000] {
        let dir = tempfile::tempdir().expect("temp dir");
        comicterm::generate::write_story(dir.path(), panels, art_files).expect("generate");
        let runs = match panels {
            16 => 50,
            1_000 => 15,
            _ => 7,
        };
        let load_ms = median_ms(runs, || {
            let story = load_dir(dir.path());
            assert_eq!(story.panel_count(), panels);
        });
        let first = run_child("first", dir.path());
        let paging = if panels >= 1_000 {
            run_child("page", dir.path())
        } else {
            "-".into()
        };
        println!("{panels:>7} | {load_ms:>9.2} ms | {first:>24} | {paging:>22}");
    }
}

fn load_dir(dir: &Path) -> Story {
    load(&StorySource::Dir(dir.to_path_buf()))
        .story
        .expect("generated story loads")
}

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2].as_secs_f64() * 1e3
}

fn run_child(task: &str, dir: &Path) -> String {
    let exe = std::env::current_exe().expect("own path");
    let out = Command::new(exe)
        .env(CHILD, format!("{task}:{}", dir.display()))
        .output()
        .expect("child runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// In the child: do the task, print the process's memory figures.
fn child(task: &str) {
    let (task, dir) = task.split_once(':').expect("task:dir");
    let story = load_dir(Path::new(dir));
    let after_load = status_kb("VmRSS");
    let store = Arc::new(ArtStore::default());
    let art = ArtView::new(store.clone(), ColorMode::TrueColor, Graphics::Halfblocks);
    let mut buf = Buffer::empty(Rect::new(0, 0, SIZE.0, SIZE.1));
    let mut app = App::new(&story, None, SIZE);
    let mut frame = |app: &App| {
        buf.reset();
        ui::render(app, &ViewCtx::with_art(app, &art), buf.area, &mut buf);
        comicterm::art::prepare_all(&store, None, &art.take_wanted());
    };
    match task {
        "first" => {
            frame(&app);
            frame(&app);
            println!("{:.1}", mb(status_kb("VmHWM")));
        }
        _ => {
            for _ in 0..story.pages.len() {
                frame(&app);
                frame(&app);
                // Prefetch, as the viewer does once a page's own art is ready.
                for next in [Action::NextPage, Action::PrevPage] {
                    let mut neighbour = app.clone();
                    neighbour.update(next);
                    frame(&neighbour);
                }
                app.update(Action::NextPage);
            }
            let (images, prepared) = store.usage();
            println!(
                "{:.1} (after load {:.1}; cache {:.1} + {:.1})",
                mb(status_kb("VmHWM")),
                mb(after_load),
                images as f64 / 1e6,
                prepared as f64 / 1e6,
            );
        }
    }
}

fn mb(kb: u64) -> f64 {
    kb as f64 / 1024.0
}

/// A `/proc/self/status` field in kB (0 where unavailable).
fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}
