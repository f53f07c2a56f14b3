//! The art cache: decoded images and prepared cells, each bounded in bytes, least recently
//! used first out. Shared by the UI thread (lookups) and the workers (preparation).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use image::RgbaImage;

use super::decode::{ArtError, decode, read_bytes};
use super::halfblock::{ColorMode, Prepared};
use super::protocol::GraphicStore;
use super::view::ArtView;
use super::worker::Job;
use crate::story::ArtRef;

/// Default bound for decoded images: the current page and its neighbours at up to 1024×1024
/// each (decoded images are only needed again when the area's size changes).
pub const IMAGE_BUDGET: usize = 48 * 1024 * 1024;
/// Default bound for prepared cells (8 bytes a cell: a full 240×70 screen is 134 kB).
pub const PREPARED_BUDGET: usize = 16 * 1024 * 1024;

/// What the UI can draw for a panel's art right now.
#[derive(Debug, Clone)]
pub enum ArtStatus {
    Ready(Arc<Prepared>),
    /// Not prepared for this size yet (a worker may be on it).
    Pending,
    Failed(ArtError),
}

/// Which prepared art: the art's cache key, the area in cells, the color mode.
pub type PreparedKey = (String, u16, u16, ColorMode);

/// A byte-bounded least-recently-used map.
pub(super) struct Lru<K, V> {
    map: HashMap<K, (V, usize, u64)>,
    used: usize,
    budget: usize,
    tick: u64,
}

impl<K: std::hash::Hash + Eq + Clone, V: Clone> Lru<K, V> {
    pub(super) fn new(budget: usize) -> Self {
        Self {
            map: HashMap::new(),
            used: 0,
            budget,
            tick: 0,
        }
    }

    pub(super) fn get(&mut self, k: &K) -> Option<V> {
        self.tick += 1;
        let tick = self.tick;
        self.map.get_mut(k).map(|(v, _, t)| {
            *t = tick;
            v.clone()
        })
    }

    pub(super) fn peek(&self, k: &K) -> Option<V> {
        self.map.get(k).map(|(v, _, _)| v.clone())
    }

    pub(super) fn insert(&mut self, k: K, v: V, bytes: usize) {
        self.tick += 1;
        if let Some((_, old, _)) = self.map.insert(k, (v, bytes, self.tick)) {
            self.used -= old;
        }
        self.used += bytes;
        while self.used > self.budget && self.map.len() > 1 {
            let oldest = self
                .map
                .iter()
                .min_by_key(|(_, (_, _, t))| *t)
                .map(|(k, _)| k.clone());
            if let Some((_, b, _)) = oldest.and_then(|k| self.map.remove(&k)) {
                self.used -= b;
            }
        }
    }
}

type Decoded = Result<Arc<RgbaImage>, ArtError>;

/// Decoded images and prepared cells.
pub struct ArtStore {
    images: Mutex<Lru<String, Decoded>>,
    prepared: Mutex<Lru<PreparedKey, Arc<Prepared>>>,
}

impl Default for ArtStore {
    fn default() -> Self {
        Self::with_budgets(IMAGE_BUDGET, PREPARED_BUDGET)
    }
}

impl ArtStore {
    pub fn with_budgets(images: usize, prepared: usize) -> Self {
        Self {
            images: Mutex::new(Lru::new(images)),
            prepared: Mutex::new(Lru::new(prepared)),
        }
    }

    /// A lookup that changes nothing (drawing uses this).
    pub fn status(&self, art: &ArtRef, cols: u16, rows: u16, mode: ColorMode) -> ArtStatus {
        let key = (art.cache_key(), cols, rows, mode);
        if let Some(p) = lock(&self.prepared).peek(&key) {
            return ArtStatus::Ready(p);
        }
        match lock(&self.images).peek(&art.cache_key()) {
            Some(Err(e)) => ArtStatus::Failed(e),
            _ => ArtStatus::Pending,
        }
    }

    /// Decodes (once) and prepares the art for this size, blocking the calling thread.
    pub fn prepare(&self, art: &ArtRef, cols: u16, rows: u16, mode: ColorMode) -> ArtStatus {
        let key = (art.cache_key(), cols, rows, mode);
        if let Some(p) = lock(&self.prepared).get(&key) {
            return ArtStatus::Ready(p);
        }
        let image = match self.image(art) {
            Ok(image) => image,
            Err(e) => return ArtStatus::Failed(e),
        };
        let prepared = Arc::new(Prepared::new(&image, cols, rows, mode));
        lock(&self.prepared).insert(key, prepared.clone(), prepared.bytes());
        ArtStatus::Ready(prepared)
    }

    /// Prepares several pieces of art at once, spread over the machine's cores (at most 4
    /// threads), blocking until all are done. Used where a frame must be complete before it
    /// is written (`render`); the viewer's workers take one job at a time.
    pub fn prepare_all(&self, graphics: Option<&GraphicStore>, jobs: &[Job]) {
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .clamp(1, 4)
            .min(jobs.len());
        if threads <= 1 {
            for job in jobs {
                ArtView::prepare(self, graphics, job);
            }
            return;
        }
        let next = std::sync::atomic::AtomicUsize::new(0);
        let work = || {
            while let Some(job) = jobs.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
            {
                ArtView::prepare(self, graphics, job);
            }
        };
        std::thread::scope(|s| {
            for _ in 1..threads {
                s.spawn(work);
            }
            work();
        });
    }

    /// The decoded image, decoding it on first use. Failures are remembered too.
    pub fn image(&self, art: &ArtRef) -> Decoded {
        if let Some(d) = lock(&self.images).get(&art.cache_key()) {
            return d;
        }
        let decoded = read_bytes(&art.origin)
            .and_then(|b| decode(&b))
            .map(Arc::new);
        let bytes = decoded.as_ref().map_or(64, |i| i.as_raw().len());
        lock(&self.images).insert(art.cache_key(), decoded.clone(), bytes);
        decoded
    }

    /// Bytes held: (decoded images, prepared cells).
    pub fn usage(&self) -> (usize, usize) {
        (lock(&self.images).used, lock(&self.prepared).used)
    }
}

/// A poisoned lock only means a worker panicked mid-insert; the data is still usable.
pub(super) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lru_stays_within_budget_and_drops_the_oldest() {
        let mut lru = Lru::new(10);
        lru.insert("a", 1, 4);
        lru.insert("b", 2, 4);
        lru.get(&"a");
        lru.insert("c", 3, 4);
        assert!(lru.used <= 10);
        assert_eq!(lru.peek(&"b"), None, "b was least recently used");
        assert_eq!(lru.peek(&"a"), Some(1));
        assert_eq!(lru.peek(&"c"), Some(3));
    }
}
