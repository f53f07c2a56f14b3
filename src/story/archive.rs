//! A `.cbz` (zip) comic archive, opened and indexed once and shared by every page that reads
//! from it: reopening it per page made a 10,000-entry archive take 17 s to check.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use super::confine::{self, MAX_ART_BYTES};

/// An open archive. Pages are read one at a time (the reader is shared), each capped.
pub struct Archive {
    path: PathBuf,
    zip: Mutex<zip::ZipArchive<BufReader<File>>>,
}

impl Archive {
    /// Opens `path` (a regular file; never blocks on a FIFO) and reads its index.
    pub fn open(path: &Path) -> Result<Self, String> {
        let (file, _) = confine::open_regular(path, u64::MAX).map_err(|r| r.reason(u64::MAX))?;
        let zip = zip::ZipArchive::new(BufReader::new(file)).map_err(|e| e.to_string())?;
        Ok(Self {
            path: path.to_path_buf(),
            zip: Mutex::new(zip),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The names of the entries, as stored.
    pub fn names(&self) -> Vec<String> {
        let zip = self.zip.lock().unwrap_or_else(PoisonError::into_inner);
        zip.file_names()
            .filter_map(Result::ok)
            .map(std::borrow::Cow::into_owned)
            .collect()
    }

    /// The bytes of one entry, refused over the size cap (as declared and as inflated, so a
    /// lying header cannot make it read more).
    pub fn read(&self, entry: &str) -> Result<Vec<u8>, String> {
        let too_large = || format!("the image is larger than {} MiB", MAX_ART_BYTES >> 20);
        let mut zip = self.zip.lock().unwrap_or_else(PoisonError::into_inner);
        let file = zip
            .by_name(entry)
            .map_err(|e| format!("cannot read the page from the archive: {e}"))?;
        if file.size() > MAX_ART_BYTES {
            return Err(too_large());
        }
        let mut bytes = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0));
        file.take(MAX_ART_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("the page in the archive is damaged: {e}"))?;
        if bytes.len() as u64 > MAX_ART_BYTES {
            return Err(too_large());
        }
        Ok(bytes)
    }
}

impl std::fmt::Debug for Archive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Archive({:?})", self.path)
    }
}

impl PartialEq for Archive {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path
    }
}

impl Eq for Archive {}
