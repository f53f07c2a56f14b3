//! Text that came from a story file: sanitizing before anything reaches a terminal.

mod sanitize;
mod sgr;

pub use sanitize::{TAB_WIDTH, Unsafe, find_unsafe, is_invisible_format, sanitize};
pub use sgr::strip_sgr;
