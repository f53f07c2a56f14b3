//! Art preparation off the UI thread: a small pool takes jobs and reports when art is ready.

use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;

use super::graphic_store::GraphicStore;
use super::job::{Job, JobKey, prepare};
use super::store::ArtStore;

/// Sends jobs to worker threads; `notify` runs on a worker after each job (ready or failed).
pub struct ArtWorker {
    tx: Sender<Job>,
    queued: Arc<Mutex<HashSet<JobKey>>>,
}

impl ArtWorker {
    pub fn spawn(
        store: Arc<ArtStore>,
        graphics: Option<Arc<GraphicStore>>,
        threads: usize,
        notify: impl Fn() + Send + Sync + 'static,
    ) -> Self {
        let (tx, rx) = channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        let queued = Arc::new(Mutex::new(HashSet::new()));
        let notify = Arc::new(notify);
        for i in 0..threads.max(1) {
            let (rx, store, queued, notify) =
                (rx.clone(), store.clone(), queued.clone(), notify.clone());
            let graphics = graphics.clone();
            let spawned = thread::Builder::new()
                .name(format!("art-{i}"))
                .spawn(move || work(&rx, &store, graphics.as_deref(), &queued, &*notify));
            if spawned.is_err() {
                break;
            }
        }
        Self { tx, queued }
    }

    /// Queues a job unless the same one is already queued or running.
    pub fn request(&self, job: Job) {
        let fresh = self
            .queued
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(job.key());
        if fresh {
            let _ = self.tx.send(job);
        }
    }
}

fn work(
    rx: &Mutex<Receiver<Job>>,
    store: &ArtStore,
    graphics: Option<&GraphicStore>,
    queued: &Mutex<HashSet<JobKey>>,
    notify: &dyn Fn(),
) {
    loop {
        let job = match rx.lock().unwrap_or_else(PoisonError::into_inner).recv() {
            Ok(job) => job,
            Err(_) => return,
        };
        // A panic in decoding or scaling must not end the worker (the store records failures;
        // a panic leaves the art pending and the panel shows its alt text).
        let _ = catch_unwind(AssertUnwindSafe(|| {
            if test_panic_requested() {
                panic!("test-only panic in an art worker");
            }
            prepare(store, graphics, &job);
        }));
        queued
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&job.key());
        notify();
    }
}

static PANIC_IN_WORKER: AtomicBool = AtomicBool::new(false);

/// Test-only switch (`--panic-in-decoder`): the next art job panics inside a worker.
pub fn request_test_panic() {
    PANIC_IN_WORKER.store(true, Ordering::SeqCst);
}

fn test_panic_requested() -> bool {
    PANIC_IN_WORKER.swap(false, Ordering::SeqCst)
}
