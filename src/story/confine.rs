//! The one set of rules for every file a story makes us read (story.toml, panel files, art,
//! archives): links resolved, the real file inside the story folder, a regular file (never a
//! FIFO, device or folder), opened without blocking and without following a link swapped in
//! since, and read no further than a size cap. A refused file is never read, so never quoted.

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Largest art file read, in bytes (by the viewer, `check` and export alike).
pub const MAX_ART_BYTES: u64 = 32 * 1024 * 1024;

/// Why a file was not read.
#[derive(Debug)]
pub enum Refused {
    /// It does not exist (or a link in its path leads nowhere).
    Missing(io::Error),
    /// After resolving links it lies outside the story folder.
    Outside,
    /// A folder, FIFO, socket or device.
    NotFile,
    /// Larger than the cap (its size in bytes, as far as known).
    TooLarge(u64),
    /// Any other error while resolving, opening or reading.
    Io(io::Error),
}

impl Refused {
    /// A short reason, for messages of the form "`name` {reason}".
    pub fn reason(&self, cap: u64) -> String {
        match self {
            Refused::Missing(_) => "does not exist".into(),
            Refused::Outside => "leads outside the story folder (through a symbolic link)".into(),
            Refused::NotFile => "is not a regular file".into(),
            Refused::TooLarge(_) => format!("is larger than {}", human_size(cap)),
            Refused::Io(e) => format!("cannot be read: {e}"),
        }
    }
}

/// `4 MiB`, `512 KiB`, `100 bytes`.
pub fn human_size(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MiB", bytes >> 20)
    } else if bytes >= 1 << 10 && bytes.is_multiple_of(1 << 10) {
        format!("{} KiB", bytes >> 10)
    } else {
        format!("{bytes} bytes")
    }
}

/// Resolves `path` (all links) and requires the result to lie inside `root`, which must
/// itself be canonical.
pub fn resolve_inside(root: &Path, path: &Path) -> Result<PathBuf, Refused> {
    let real = fs::canonicalize(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => Refused::Missing(e),
        _ => Refused::Io(e),
    })?;
    if real.starts_with(root) {
        Ok(real)
    } else {
        Err(Refused::Outside)
    }
}

/// Opens a file for reading without blocking (a FIFO would otherwise wait for a writer) and
/// without following a final symbolic link, then checks on the open file that it is a regular
/// file no larger than `cap`.
pub fn open_regular(path: &Path, cap: u64) -> Result<(File, Metadata), Refused> {
    let mut opts = fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    let file = opts.open(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => Refused::Missing(e),
        _ => Refused::Io(e),
    })?;
    let meta = file.metadata().map_err(Refused::Io)?;
    if !meta.is_file() {
        return Err(Refused::NotFile);
    }
    if meta.len() > cap {
        return Err(Refused::TooLarge(meta.len()));
    }
    Ok((file, meta))
}

/// Reads an opened file to the end, refusing it if it turns out longer than `cap` (a file
/// that grows while read, or one whose size the metadata does not tell).
pub fn read_capped(file: impl Read, size_hint: u64, cap: u64) -> Result<Vec<u8>, Refused> {
    let mut bytes = Vec::with_capacity(usize::try_from(size_hint.min(cap)).unwrap_or(0));
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(Refused::Io)?;
    if bytes.len() as u64 > cap {
        return Err(Refused::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Every rule at once: the bytes of `path`, a regular file inside `root`, at most `cap` bytes.
pub fn read_inside(root: &Path, path: &Path, cap: u64) -> Result<Vec<u8>, Refused> {
    let real = resolve_inside(root, path)?;
    let (file, meta) = open_regular(&real, cap)?;
    read_capped(file, meta.len(), cap)
}

/// The bytes of a regular file at `path` (already resolved), at most `cap` bytes.
pub fn read_regular(path: &Path, cap: u64) -> Result<Vec<u8>, Refused> {
    let (file, meta) = open_regular(path, cap)?;
    read_capped(file, meta.len(), cap)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn root() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("story");
        fs::create_dir(&root).unwrap();
        let root = root.canonicalize().unwrap();
        (dir, root)
    }

    #[test]
    fn links_out_of_the_folder_are_refused_before_reading() {
        let (dir, root) = root();
        let secret = dir.path().join("creds.toml");
        fs::write(&secret, "token = \"secret\"\n").unwrap();
        symlink(&secret, root.join("x.toml")).unwrap();
        symlink("/etc/passwd", root.join("p.toml")).unwrap();
        symlink("/proc/self/environ", root.join("e.toml")).unwrap();
        for name in ["x.toml", "p.toml", "e.toml"] {
            let r = read_inside(&root, &root.join(name), 1 << 20);
            assert!(matches!(r, Err(Refused::Outside)), "{name}: {r:?}");
        }
    }

    #[test]
    fn links_inside_the_folder_are_followed() {
        let (_dir, root) = root();
        fs::write(root.join("a.toml"), "a = 1").unwrap();
        symlink(root.join("a.toml"), root.join("b.toml")).unwrap();
        assert_eq!(
            read_inside(&root, &root.join("b.toml"), 100).unwrap(),
            b"a = 1"
        );
    }

    #[test]
    fn fifos_folders_and_large_files_are_refused_without_blocking() {
        let (_dir, root) = root();
        let fifo = root.join("f.toml");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert!(matches!(
            read_inside(&root, &fifo, 100),
            Err(Refused::NotFile)
        ));
        fs::create_dir(root.join("d.toml")).unwrap();
        assert!(matches!(
            read_inside(&root, &root.join("d.toml"), 100),
            Err(Refused::NotFile)
        ));
        fs::write(root.join("big.toml"), vec![b'a'; 101]).unwrap();
        assert!(matches!(
            read_inside(&root, &root.join("big.toml"), 100),
            Err(Refused::TooLarge(101))
        ));
        assert!(matches!(
            read_inside(&root, &root.join("none.toml"), 100),
            Err(Refused::Missing(_))
        ));
    }

    #[test]
    fn a_final_link_is_not_followed_when_opening() {
        let (_dir, root) = root();
        fs::write(root.join("a.toml"), "a").unwrap();
        symlink(root.join("a.toml"), root.join("l.toml")).unwrap();
        assert!(open_regular(&root.join("l.toml"), 10).is_err());
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_size(4 << 20), "4 MiB");
        assert_eq!(human_size(512 << 10), "512 KiB");
        assert_eq!(human_size(100), "100 bytes");
    }
}
