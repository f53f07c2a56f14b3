//! Panel artwork: reading and decoding with limits, half-block preparation, protocol images,
//! bounded caches, and workers that do it all off the UI thread.
//!
//! The one door for "make this panel's picture ready for this area" is [`prepare`] (with a
//! [`Job`]); drawing asks [`ArtView::lookup`] what is ready. Inside, modules depend one way
//! (checked by the `deps` test below: `cargo test --lib art::deps`):
//!
//! ```text
//! view, worker ─> job ─> graphic_store ─> protocol ─> kitty, choose ─> graphics
//!                    └─> store ─> decode ─> jpeg, png_stream ─> boxdown
//!                          │        └─> budget, limits, scale ─> error
//!                          ├─> read ─> limits  (decode ─> read too)
//!                          └─> cells ─> palette, scale      halfblock ─> cells, palette
//! ```

mod boxdown;
mod budget;
mod cells;
mod choose;
mod decode;
#[cfg(test)]
mod deps;
mod error;
mod graphic_store;
mod graphics;
mod halfblock;
mod job;
mod jpeg;
mod kitty;
mod limits;
mod lru;
mod palette;
mod png_stream;
mod protocol;
mod read;
mod scale;
mod store;
mod verify;
mod view;
mod worker;

pub use budget::{DECODE_BUDGET, DECODES};
pub use cells::Prepared;
pub use choose::{Choice, Method, TermFacts, TermReplies, Terminal, TmuxFacts, choose, identify};
pub use decode::{Decoded, decode, decode_for, decode_input};
pub use error::ArtError;
pub use graphic_store::{DEFAULT_CELL_PX, GraphicStore};
pub use graphics::Graphics;
pub use halfblock::HalfBlocks;
pub use job::{Job, Look, prepare, prepare_all};
#[doc(hidden)]
pub use jpeg::{decode_jpeg, decode_jpeg_full};
pub use kitty::DELETE_ALL as KITTY_DELETE_ALL;
pub use limits::{KEEP_DIMENSION, MAX_ALLOC, MAX_ART_BYTES, MAX_DIMENSION};
pub use palette::{ColorMode, ansi256};
pub use protocol::Graphic;
pub use read::{Input, open as open_art, read_bytes};
pub use scale::fit;
pub use store::{ArtStatus, ArtStore};
pub use verify::verify;
pub use view::{ArtView, Shown};
pub use worker::{ArtWorker, request_test_panic};
