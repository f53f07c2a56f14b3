//! The one door for "make this panel's picture ready for this area": a [`Job`] names the art,
//! the area and how it is shown; [`prepare`] does it on the calling thread (workers, `render`,
//! tests and benches all come through here), [`prepare_all`] does several on the cores.

use super::graphic_store::GraphicStore;
use super::palette::ColorMode;
use super::store::ArtStore;
use crate::story::ArtRef;

/// How a job's art is to be shown: half-block cells in a color mode, or a protocol image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Look {
    Cells(ColorMode),
    Graphic,
}

/// One piece of art to prepare at one size.
#[derive(Debug, Clone)]
pub struct Job {
    pub art: ArtRef,
    pub cols: u16,
    pub rows: u16,
    pub look: Look,
}

/// What makes two jobs the same work.
pub type JobKey = (String, u16, u16, Look);

impl Job {
    pub fn key(&self) -> JobKey {
        (self.art.cache_key(), self.cols, self.rows, self.look)
    }
}

/// Makes the job's picture ready in its store, blocking the calling thread: cells in
/// `store`, protocol images in `graphics` (decoded through `store`). Failures are recorded
/// in the stores, where drawing finds them.
pub fn prepare(store: &ArtStore, graphics: Option<&GraphicStore>, job: &Job) {
    match (job.look, graphics) {
        (Look::Graphic, Some(g)) => {
            let _ = g.prepare(store, &job.art, job.cols, job.rows);
        }
        (Look::Cells(mode), _) => {
            store.prepare(&job.art, job.cols, job.rows, mode);
        }
        (Look::Graphic, None) => {}
    }
}

/// Prepares several jobs at once, spread over the machine's cores (at most 4 threads),
/// blocking until all are done. Used where a frame must be complete before it is written
/// (`render`); the viewer's workers take one job at a time.
pub fn prepare_all(store: &ArtStore, graphics: Option<&GraphicStore>, jobs: &[Job]) {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 4)
        .min(jobs.len());
    if threads <= 1 {
        for job in jobs {
            prepare(store, graphics, job);
        }
        return;
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        while let Some(job) = jobs.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) {
            prepare(store, graphics, job);
        }
    };
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(work);
        }
        work();
    });
}
