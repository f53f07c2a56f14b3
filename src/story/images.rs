//! Plain images as a comic: an image file, or a folder of images, becomes a story with one
//! panel per page, in natural filename order (`2.png` before `10.png`).

use std::cmp::Ordering;
use std::path::Path;

use super::assets::AssetStore;
use super::model::{ArtOrigin, ArtRef, Cell, Page, Panel, Story, Text};
use crate::diag::Diagnostic;
use crate::text::sanitize;

const IMAGE_EXTENSIONS: [&str; 3] = ["png", "jpg", "jpeg"];

/// Whether `path` names an image file by its extension.
pub fn is_image_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| IMAGE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Whether `path` names a comic archive (`.cbz`, or `.zip`).
pub fn is_archive_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "cbz" | "zip"))
}

/// Most pages read from one archive.
pub const MAX_ARCHIVE_PAGES: usize = 20_000;

/// Whether `dir` is a folder of images rather than a story folder.
pub fn is_image_folder(dir: &Path) -> bool {
    !dir.join("panels/story.toml").exists() && !list(dir).is_empty()
}

/// The image files directly in `dir`, in natural order.
fn list(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter_map(|e| e.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    names.retain(|n| is_image_path(Path::new(n)));
    names.sort_by(|a, b| natural_cmp(a, b));
    names
}

/// Builds the story for an image file or a folder of images. Images that cannot be used
/// still get a page (showing why) and a diagnostic.
pub fn load(path: &Path) -> Result<(Story, Vec<Diagnostic>), Vec<Diagnostic>> {
    let open_err = |e: std::io::Error| {
        let name = crate::diag::visible(&path.display().to_string());
        vec![super::files::io_error(
            &name,
            format!("cannot open `{name}`: {e}"),
            "",
        )]
    };
    let real = path.canonicalize().map_err(open_err)?;
    if is_archive_path(&real) {
        return load_archive(&real).map_err(|e| {
            let name = crate::diag::visible(&path.display().to_string());
            vec![super::files::io_error(
                &name,
                format!("cannot read the archive `{name}`: {e}"),
                "a .cbz is a zip file of PNG or JPEG pages",
            )]
        });
    }
    let single = !real.is_dir();
    let (root, names) = if !single {
        let names = list(&real);
        (real.clone(), names)
    } else {
        let root = real.parent().map(Path::to_path_buf).unwrap_or_default();
        let name = real
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        (root, vec![name])
    };
    let store = AssetStore::dir(root.clone());
    let pages = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let origin = store
                .resolve(name)
                .unwrap_or_else(|p| ArtOrigin::Broken(sanitize(&p.message)));
            page(i, name, origin)
        })
        .collect();
    // One picture is titled by its own name, a folder by the folder's.
    let named = if single {
        real.file_stem()
    } else {
        root.file_name()
    };
    let title = named.and_then(|n| n.to_str()).unwrap_or("images");
    Ok((story_of(title, pages), Vec::new()))
}

/// A `.cbz`: the image entries, in natural order of their names, each read when shown.
fn load_archive(path: &Path) -> Result<(Story, Vec<Diagnostic>), String> {
    let archive = std::sync::Arc::new(super::archive::Archive::open(path)?);
    let mut names: Vec<String> = archive
        .names()
        .into_iter()
        .filter(|n| !n.ends_with('/') && !n.starts_with("__MACOSX/") && is_image_path(Path::new(n)))
        .collect();
    if names.len() > MAX_ARCHIVE_PAGES {
        return Err(format!("it holds more than {MAX_ARCHIVE_PAGES} images"));
    }
    names.sort_by(|a, b| natural_cmp(a, b));
    let pages = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let origin = ArtOrigin::Archive {
                archive: archive.clone(),
                entry: name.clone(),
            };
            page(i, name.rsplit('/').next().unwrap_or(name), origin)
        })
        .collect();
    let title = path.file_stem().and_then(|n| n.to_str()).unwrap_or("comic");
    Ok((story_of(title, pages), Vec::new()))
}

fn story_of(title: &str, pages: Vec<Page>) -> Story {
    let count = pages.len();
    Story {
        id: "images".into(),
        languages: vec!["en".into()],
        title: one(title),
        summary: one(&if count == 1 {
            "1 image".to_string()
        } else {
            format!("{count} images")
        }),
        credits: Vec::new(),
        characters: Vec::new(),
        sources: Vec::new(),
        pages,
    }
}

fn page(index: usize, name: &str, origin: ArtOrigin) -> Page {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let panel = Panel {
        id: format!("image-{}", index + 1),
        number: index + 1,
        cell: Cell {
            row: 0,
            col: 0,
            row_span: 1,
            col_span: 1,
        },
        art: Some(ArtRef {
            path: sanitize(name),
            origin,
            site: None,
        }),
        alt: one(stem),
        lines: Vec::new(),
        notes: Vec::new(),
    };
    Page {
        id: format!("page-{}", index + 1),
        title: None,
        rows: 1,
        cols: 1,
        panels: vec![panel],
    }
}

fn one(s: &str) -> Text {
    Text::from_pairs([("en", &sanitize(s))])
}

/// Compares names so that runs of digits compare as numbers: `p2` < `p10`.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a.first(), b.first()) {
            (None, None) => return Ordering::Equal,
            (None, _) => return Ordering::Less,
            (_, None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let (na, ra) = split_digits(a);
                let (nb, rb) = split_digits(b);
                let ord = na
                    .trim_start_matches('0')
                    .len()
                    .cmp(&nb.trim_start_matches('0').len())
                    .then_with(|| na.trim_start_matches('0').cmp(nb.trim_start_matches('0')));
                if ord != Ordering::Equal {
                    return ord;
                }
                (a, b) = (ra, rb);
            }
            (Some(x), Some(y)) => {
                let ord = x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase());
                if ord != Ordering::Equal {
                    return ord;
                }
                (a, b) = (&a[1..], &b[1..]);
            }
        }
    }
}

fn split_digits(s: &[u8]) -> (&str, &[u8]) {
    let n = s.iter().take_while(|c| c.is_ascii_digit()).count();
    (std::str::from_utf8(&s[..n]).unwrap_or(""), &s[n..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order() {
        let mut v = vec!["p10.png", "p2.png", "P1.png", "p02b.png", "cover.jpg"];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(v, ["cover.jpg", "P1.png", "p2.png", "p02b.png", "p10.png"]);
    }
}
