//! Text that came from a story file: sanitizing before anything reaches a terminal.

mod invisible;
mod sanitize;
mod sgr;

pub use invisible::{
    BLACK_FLAG, CANCEL_TAG, TAG_SPEC_MAX, ZWJ, ZWNJ, is_contextual, is_invisible_format,
    is_joining_letter, is_pictographic, is_stray_invisible,
};
pub use sanitize::{TAB_WIDTH, Unsafe, find_unsafe, sanitize};
pub use sgr::strip_sgr;
