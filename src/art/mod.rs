//! Panel artwork: decoding with limits, half-block preparation, a bounded cache, and workers
//! that do it all off the UI thread.

mod budget;
mod choose;
mod decode;
mod halfblock;
mod kitty;
mod protocol;
mod store;
mod verify;
mod view;
mod worker;

use std::sync::atomic::{AtomicBool, Ordering};

pub use budget::{DECODE_BUDGET, DECODES};
pub use choose::{Choice, Method, TermFacts, TermReplies, Terminal, TmuxFacts, choose, identify};
pub use decode::{ArtError, KEEP_DIMENSION, MAX_ALLOC, MAX_DIMENSION, decode, read_bytes};
pub use halfblock::{ColorMode, HalfBlocks, Prepared, ansi256, fit};
pub use kitty::DELETE_ALL as KITTY_DELETE_ALL;
pub use protocol::{DEFAULT_CELL_PX, Graphic, GraphicStore};
pub use store::{ArtStatus, ArtStore};
pub use verify::verify;
pub use view::{ArtView, Graphics, Shown};
pub use worker::{ArtWorker, Job, Look};

static PANIC_IN_WORKER: AtomicBool = AtomicBool::new(false);

/// Test-only switch (`--panic-in-decoder`): the next art job panics inside a worker.
pub fn request_test_panic() {
    PANIC_IN_WORKER.store(true, Ordering::SeqCst);
}

fn test_panic_requested() -> bool {
    PANIC_IN_WORKER.swap(false, Ordering::SeqCst)
}
