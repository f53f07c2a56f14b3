//! Reading art's bytes from where the story keeps them: a file in the story folder (confined
//! and size-capped, [`super::limits`]), an entry of the story's archive, or embedded bytes.
//! A file can also be opened to be read as it is decoded ([`open`]): a PNG is then never
//! held whole in memory.

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::sync::Arc;

use super::error::{ArtError, err};
use super::limits::MAX_ART_BYTES;
use crate::story::ArtOrigin;
use crate::story::confine::{self, Refused};

/// Reads the art's bytes: a regular file under the size cap, or embedded bytes.
pub fn read_bytes(origin: &ArtOrigin) -> Result<Arc<[u8]>, ArtError> {
    match origin {
        ArtOrigin::Embedded(bytes) => Ok(bytes.clone()),
        ArtOrigin::Broken(reason) => Err(err(reason.clone())),
        ArtOrigin::Archive { archive, entry } => archive.read(entry).map(Into::into).map_err(err),
        ArtOrigin::File(path) => confine::read_regular(path, MAX_ART_BYTES)
            .map(Into::into)
            .map_err(refused),
    }
}

/// Art opened for decoding: bytes in memory, or a file to be read as the decoder goes.
pub enum Input {
    Bytes(Arc<[u8]>),
    File(BufReader<Capped>),
}

/// How much of a file is read ahead of the decoder.
const READ_AHEAD: usize = 64 * 1024;

/// Opens the art for decoding: a file (regular, under the size cap, checked on the open
/// file) is read as it is decoded; embedded and archived art is read whole.
pub fn open(origin: &ArtOrigin) -> Result<Input, ArtError> {
    match origin {
        ArtOrigin::File(path) => {
            let (file, meta) = confine::open_regular(path, MAX_ART_BYTES).map_err(refused)?;
            let capped = Capped {
                file,
                pos: 0,
                len: meta.len(),
            };
            Ok(Input::File(BufReader::with_capacity(READ_AHEAD, capped)))
        }
        other => read_bytes(other).map(Input::Bytes),
    }
}

/// The rest of an opened file, from its start, whole (for the decoders that need all bytes).
pub fn read_all(mut input: BufReader<Capped>) -> Result<Vec<u8>, ArtError> {
    input.rewind().map_err(|_| err("the image is truncated"))?;
    let capped = input.into_inner();
    let len = capped.len;
    confine::read_capped(capped, len, MAX_ART_BYTES).map_err(refused)
}

/// A file that reads as ending one byte past the size cap, so a file that grows after its
/// size was checked is still refused (by [`confine::read_capped`]) or read no further.
pub struct Capped {
    file: File,
    pos: u64,
    /// The file's length when opened.
    len: u64,
}

impl Read for Capped {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = (MAX_ART_BYTES + 1).saturating_sub(self.pos);
        let n = usize::try_from(left).unwrap_or(usize::MAX).min(buf.len());
        let read = self.file.read(&mut buf[..n])?;
        self.pos += read as u64;
        Ok(read)
    }
}

impl Seek for Capped {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        self.pos = self.file.seek(to)?;
        Ok(self.pos)
    }
}

fn refused(r: Refused) -> ArtError {
    err(format!("the image {}", r.reason(MAX_ART_BYTES)))
}
