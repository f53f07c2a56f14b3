//! A PATH from the command line, checked before the story is loaded: a path that is missing,
//! unreadable or cannot be a story gets one short line (`comicterm: no such file or folder:
//! /x`) and exit code 2, instead of a diagnostic box quoting a file that has no text.
//! Problems inside a story (a folder with `panels/`) are left to the loader and `check`.

use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use crate::story::images;

/// Exit code for a command line naming a path that cannot be opened as a story.
pub const EXIT_USAGE: i32 = 2;

/// What a story can be, said after "not a story".
const STORY_SHAPES: &str = "a story is a folder with panels/story.toml, an image, a folder of \
                            images or a .cbz; `comicterm new DIR` writes a new story";

/// `Ok` if `path` can be handed to the loader, else the error line (without `comicterm: `).
pub fn check(path: &Path) -> Result<(), String> {
    let shown = one_line(path);
    let meta = fs::metadata(path).map_err(|e| io_line(&e, &shown))?;
    if meta.is_dir() {
        fs::read_dir(path).map_err(|e| io_line(&e, &shown))?;
        if path.join("panels").exists() || images::is_image_folder(path) {
            return Ok(());
        }
        return Err(format!("not a story: {shown} ({STORY_SHAPES})"));
    }
    if images::is_image_path(path) || images::is_archive_path(path) {
        // Only a regular file is opened here (a FIFO would block); the loader explains why
        // any other kind of file named like a picture cannot be read.
        if meta.is_file() {
            fs::File::open(path).map_err(|e| io_line(&e, &shown))?;
        }
        return Ok(());
    }
    if path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("toml"))
    {
        return Err(format!(
            "not a story: {shown} (a story file; open the folder that holds `panels/`)"
        ));
    }
    Err(format!("not a story: {shown} ({STORY_SHAPES})"))
}

fn io_line(e: &std::io::Error, shown: &str) -> String {
    match e.kind() {
        ErrorKind::NotFound => format!("no such file or folder: {shown}"),
        ErrorKind::PermissionDenied => format!("permission denied: {shown}"),
        ErrorKind::NotADirectory => {
            format!("no such file or folder: {shown} (a part of it is a file)")
        }
        _ => format!("cannot open {shown}: {e}"),
    }
}

/// The path as one line of plain text: control characters (newlines too) become pictures.
pub fn one_line(path: &Path) -> String {
    crate::diag::visible_line(&path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_paths_and_non_stories_get_one_line() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope");
        assert_eq!(
            check(&missing),
            Err(format!("no such file or folder: {}", missing.display()))
        );
        let under_file = dir.path().join("f.txt");
        fs::write(&under_file, "x").unwrap();
        assert!(check(&under_file).unwrap_err().starts_with("not a story: "));
        assert!(
            check(&under_file.join("x"))
                .unwrap_err()
                .starts_with("no such file or folder: ")
        );
        let empty = dir.path().join("empty");
        fs::create_dir(&empty).unwrap();
        assert!(check(&empty).unwrap_err().contains("comicterm new DIR"));
        fs::create_dir(empty.join("panels")).unwrap();
        assert_eq!(
            check(&empty),
            Ok(()),
            "a broken story is the loader's to report"
        );
        let toml = empty.join("panels/story.toml");
        fs::write(&toml, "").unwrap();
        assert!(check(&toml).unwrap_err().contains("open the folder"));
    }

    #[test]
    fn a_fifo_named_like_a_picture_is_left_to_the_loader_unopened() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.png");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        // Opening it would block this test forever.
        assert_eq!(check(&fifo), Ok(()));
    }

    #[test]
    fn control_characters_in_a_path_are_shown_as_pictures() {
        let shown = one_line(Path::new("/tmp/a\u{1b}]0;x\u{7}\nb"));
        assert!(!shown.chars().any(char::is_control), "{shown:?}");
        assert!(shown.contains('\u{240a}'), "{shown}");
    }
}
