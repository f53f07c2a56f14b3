//! One memory budget for all image decoding at once. Each decode says, from the image's
//! header, how much memory it will hold at its peak, and waits until that much of the budget
//! is free; a picture that alone needs more than the whole budget is refused. So the workers
//! together never hold more than [`DECODE_BUDGET`] for decoding, whatever the pictures.

use std::sync::{Condvar, Mutex, PoisonError};

use super::error::ArtError;

/// Most memory all decodes together may hold: one 8000×8000 interlaced RGB PNG (448 MiB) fits;
/// two 8000×8000 JPEGs (256 MiB each) decode one after the other.
pub const DECODE_BUDGET: u64 = 512 * 1024 * 1024;

/// A share of the budget, given back when dropped.
pub struct Permit<'a> {
    budget: &'a Budget,
    bytes: u64,
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let mut used = self
            .budget
            .used
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *used -= self.bytes;
        self.budget.freed.notify_all();
    }
}

pub struct Budget {
    total: u64,
    used: Mutex<u64>,
    freed: Condvar,
}

impl Budget {
    pub const fn new(total: u64) -> Self {
        Self {
            total,
            used: Mutex::new(0),
            freed: Condvar::new(),
        }
    }

    /// Waits until `bytes` are free and takes them; refuses at once what can never fit.
    pub fn acquire(&self, bytes: u64) -> Result<Permit<'_>, ArtError> {
        if bytes > self.total {
            return Err(ArtError(format!(
                "the image needs {} MiB to decode; the limit is {} MiB",
                bytes.div_ceil(1 << 20),
                self.total >> 20
            )));
        }
        let mut used = self.used.lock().unwrap_or_else(PoisonError::into_inner);
        while *used + bytes > self.total {
            used = self
                .freed
                .wait(used)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *used += bytes;
        Ok(Permit {
            budget: self,
            bytes,
        })
    }

    /// Bytes held right now.
    pub fn in_use(&self) -> u64 {
        *self.used.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The budget every decode in this process shares.
pub static DECODES: Budget = Budget::new(DECODE_BUDGET);

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn too_large_is_refused_and_shares_wait_for_each_other() {
        let b = Arc::new(Budget::new(100));
        assert!(b.acquire(101).is_err());
        let first = b.acquire(70).unwrap();
        let b2 = b.clone();
        let waiter = std::thread::spawn(move || {
            let _p = b2.acquire(50).unwrap();
            b2.in_use()
        });
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert_eq!(b.in_use(), 70, "the second share waits");
        drop(first);
        assert_eq!(waiter.join().unwrap(), 50);
        assert_eq!(b.in_use(), 0);
    }
}
