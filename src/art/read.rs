//! Reading art's bytes from where the story keeps them: a file in the story folder (confined
//! and size-capped, [`super::limits`]), an entry of the story's archive, or embedded bytes.

use std::sync::Arc;

use super::error::{ArtError, err};
use super::limits::MAX_ART_BYTES;
use crate::story::ArtOrigin;
use crate::story::confine;

/// Reads the art's bytes: a regular file under the size cap, or embedded bytes.
pub fn read_bytes(origin: &ArtOrigin) -> Result<Arc<[u8]>, ArtError> {
    match origin {
        ArtOrigin::Embedded(bytes) => Ok(bytes.clone()),
        ArtOrigin::Broken(reason) => Err(err(reason.clone())),
        ArtOrigin::Archive { archive, entry } => archive.read(entry).map(Into::into).map_err(err),
        ArtOrigin::File(path) => confine::read_regular(path, MAX_ART_BYTES)
            .map(Into::into)
            .map_err(|r| err(format!("the image {}", r.reason(MAX_ART_BYTES)))),
    }
}
