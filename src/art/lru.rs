//! A byte-bounded least-recently-used map, shared by the art caches.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

/// A byte-bounded least-recently-used map.
pub struct Lru<K, V> {
    map: HashMap<K, (V, usize, u64)>,
    used: usize,
    budget: usize,
    tick: u64,
}

impl<K: std::hash::Hash + Eq + Clone, V: Clone> Lru<K, V> {
    pub fn new(budget: usize) -> Self {
        Self {
            map: HashMap::new(),
            used: 0,
            budget,
            tick: 0,
        }
    }

    pub fn get(&mut self, k: &K) -> Option<V> {
        self.tick += 1;
        let tick = self.tick;
        self.map.get_mut(k).map(|(v, _, t)| {
            *t = tick;
            v.clone()
        })
    }

    pub fn peek(&self, k: &K) -> Option<V> {
        self.map.get(k).map(|(v, _, _)| v.clone())
    }

    pub fn insert(&mut self, k: K, v: V, bytes: usize) {
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

    /// Bytes held.
    pub fn used(&self) -> usize {
        self.used
    }
}

/// A poisoned lock only means a worker panicked mid-insert; the data is still usable.
pub fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
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
