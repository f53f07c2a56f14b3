//! The rules every piece of art must pass, in one place: how large its file may be, how many
//! pixels it may have, how much a decoder may allocate, and what is kept after decoding. The
//! readers ([`super::read`]) and decoders ([`super::decode`]) only apply them.

use super::error::{ArtError, err};

/// Largest art file read, in bytes (the story loader checks the same bound).
pub use crate::story::assets::MAX_ART_BYTES;
/// Largest accepted width or height, in pixels.
pub const MAX_DIMENSION: u32 = 8192;
/// Most memory a decoder may allocate.
pub const MAX_ALLOC: u64 = 256 * 1024 * 1024;
/// Decoded images are scaled down to fit this square right away, to bound the cache.
pub const KEEP_DIMENSION: u32 = 1024;
/// The kept image and the scaler's buffers, held at the end of every decode.
pub const KEPT_BYTES: u64 = 2 * (KEEP_DIMENSION as u64) * (KEEP_DIMENSION as u64) * 4;

/// Refuses dimensions over [`MAX_DIMENSION`] and empty images.
pub fn check_dimensions(w: u32, h: u32) -> Result<(), ArtError> {
    if w == 0 || h == 0 {
        return Err(err("the image is empty"));
    }
    if w > MAX_DIMENSION || h > MAX_DIMENSION {
        return Err(too_large());
    }
    Ok(())
}

/// The refusal for an image over the pixel or allocation limits.
pub fn too_large() -> ArtError {
    err(format!(
        "the image is too large (limit {MAX_DIMENSION}×{MAX_DIMENSION} pixels, {} MiB)",
        MAX_ALLOC >> 20
    ))
}
