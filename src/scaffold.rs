//! `comicterm new DIR`: a small complete story to start writing from. One page with two
//! panels, a character, a source and a note citing it, and a placeholder picture drawn here
//! (no copy of the built-in art), in the languages asked for. The files are checked with the
//! same checks as `comicterm check` before anything is written.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use crate::story::load_texts;

/// A text of the new story: English and Simplified Chinese; other languages get a copy of
/// the English for the author to translate.
struct Text {
    en: &'static str,
    zh: &'static str,
}

const TITLE: Text = Text {
    en: "A New Story",
    zh: "新故事",
};
const SUMMARY: Text = Text {
    en: "Two panels on one page, to write over. Run comicterm check after each change.",
    zh: "一页两格，在此基础上写作。每次修改后运行 comicterm check。",
};
const HERO: Text = Text {
    en: "The hero",
    zh: "主角",
};
const ALT_START: Text = Text {
    en: "A placeholder picture: a sun over green hills. Replace assets/placeholder.png with your art.",
    zh: "占位图：绿色山丘上的太阳。用你的画替换 assets/placeholder.png。",
};
const SPEECH: Text = Text {
    en: "Hello! Edit panels/01-start.toml to change what I say.",
    zh: "你好！编辑 panels/01-start.toml 来改我说的话。",
};
const NOTE: Text = Text {
    en: "Notes hold commentary, shown with c in the viewer. Each note cites its sources by id.",
    zh: "注释是评注，在阅读器中按 c 显示。每条注释按 id 引用来源。",
};
const ALT_END: Text = Text {
    en: "An empty panel, waiting for its art.",
    zh: "一个空白格，等待配图。",
};
const CAPTION: Text = Text {
    en: "To be continued.",
    zh: "未完待续。",
};

/// Where the picture goes, relative to the story folder.
const PICTURE: &str = "assets/placeholder.png";
const PICTURE_SIZE: (u32, u32) = (320, 180);

/// A refusal or failure, with the line to print after `comicterm: `.
#[derive(Debug)]
pub struct Error(pub String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The languages of `--lang en,zh-Hans` (default `en`), in order, without repeats.
pub fn languages(arg: Option<&str>) -> Result<Vec<String>, Error> {
    let mut out: Vec<String> = Vec::new();
    for tag in arg.unwrap_or("en").split(',').map(str::trim) {
        // Tags become TOML keys: letters, digits and `-` only (check has the full rule).
        if tag.is_empty() || !tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return Err(Error(format!(
                "`{}` is not a language tag; use BCP-47 tags such as en or zh-Hans, separated by commas",
                crate::diag::visible(tag)
            )));
        }
        if !out.iter().any(|t| t == tag) {
            out.push(tag.to_string());
        }
    }
    Ok(out)
}

/// Writes the new story into `dir` (created if missing) and returns the files written,
/// relative to `dir`. A non-empty `dir` is refused, and no file is replaced, unless `force`.
pub fn write(dir: &Path, langs: &[String], force: bool) -> Result<Vec<String>, Error> {
    let shown = crate::path_arg::one_line(dir);
    let files = files(dir, langs)?;
    let not_empty = match fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_some(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => false,
        Err(e) => return Err(Error(format!("cannot use {shown}: {e}"))),
    };
    if not_empty && !force {
        return Err(Error(format!(
            "{shown} is not empty; choose a new folder, or add --force to write the story \
             into it (files with the same names are replaced)"
        )));
    }
    let mut written = Vec::new();
    for (name, bytes) in files {
        let path = dir.join(&name);
        write_file(&path, &bytes, force).map_err(|e| {
            Error(format!(
                "cannot write {}: {e}",
                crate::path_arg::one_line(&path)
            ))
        })?;
        written.push(name);
    }
    Ok(written)
}

/// Creates `path` (and its folders). Without `force` an existing file is an error; with it,
/// the file or link is removed first, so a link is replaced rather than written through.
fn write_file(path: &Path, bytes: &[u8], force: bool) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    if force
        && let Ok(meta) = fs::symlink_metadata(path)
        && !meta.is_dir()
    {
        fs::remove_file(path)?;
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// The story's files, checked as `comicterm check` would (the picture aside).
fn files(dir: &Path, langs: &[String]) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let story = story_toml(&story_id(dir), langs);
    let start = start_panel(langs);
    let end = end_panel(langs);
    let outcome = load_texts(&story, &[("01-start.toml", &start), ("02-end.toml", &end)]);
    // The picture is not in the in-memory store, so only its absence may be reported.
    let problems: Vec<String> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.kind != crate::diag::Kind::ArtMissing)
        .map(|d| d.message.clone())
        .collect();
    if let Some(first) = problems.first() {
        return Err(Error(format!(
            "cannot write this story: {}",
            crate::diag::visible(first)
        )));
    }
    let picture = placeholder_png().map_err(|e| Error(format!("cannot draw the picture: {e}")))?;
    Ok(vec![
        ("panels/story.toml".into(), story.into_bytes()),
        ("panels/01-start.toml".into(), start.into_bytes()),
        ("panels/02-end.toml".into(), end.into_bytes()),
        (PICTURE.into(), picture),
    ])
}

/// The folder's name as an id (`a-z`, `0-9`, `-`, `_`), or `my-story`.
fn story_id(dir: &Path) -> String {
    let name = dir
        .canonicalize()
        .ok()
        .or_else(|| Some(PathBuf::from(dir)))
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().to_lowercase()))
        .unwrap_or_default();
    let id: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .take(64)
        .collect();
    let id = id.trim_matches('-');
    if id.is_empty() {
        "my-story".into()
    } else {
        id.into()
    }
}

/// `{ en = "…", zh-Hans = "…" }`.
fn localized(langs: &[String], text: &Text) -> String {
    let entries: Vec<String> = langs
        .iter()
        .map(|l| {
            let t = if l.starts_with("zh") {
                text.zh
            } else {
                text.en
            };
            format!("{l} = \"{t}\"")
        })
        .collect();
    format!("{{ {} }}", entries.join(", "))
}

fn story_toml(id: &str, langs: &[String]) -> String {
    let quoted: Vec<String> = langs.iter().map(|l| format!("\"{l}\"")).collect();
    format!(
        "# The story: metadata, characters, sources and the pages' layout (docs/format.md).\n\
         schema = 1\n\
         id = \"{id}\"\n\
         languages = [{}]\n\
         title = {}\n\
         summary = {}\n\n\
         [[credit]]\nrole = \"writer\"\nname = \"Your name\"\n\n\
         [[character]]\nid = \"hero\"\nname = {}\n\n\
         [[source]]\nid = \"example\"\ntitle = \"An example source\"\npublisher = \"Example Publisher\"\n\
         date = \"2024-01\"\nurl = \"https://example.com/\"\nkind = \"reference\"\n\n\
         # One page, a grid of one row and two columns; its cells list the panels in reading order.\n\
         [[page]]\nid = \"p1\"\nrows = 1\ncols = 2\n\n\
         [[page.cell]]\npanel = \"start\"\nrow = 1\ncol = 1\n\n\
         [[page.cell]]\npanel = \"end\"\nrow = 1\ncol = 2\n",
        quoted.join(", "),
        localized(langs, &TITLE),
        localized(langs, &SUMMARY),
        localized(langs, &HERO),
    )
}

fn start_panel(langs: &[String]) -> String {
    format!(
        "# A panel: its art, what it shows (alt), its lines and its notes.\n\
         id = \"start\"\nart = \"{PICTURE}\"\nalt = {}\n\n\
         [[line]]\nkind = \"speech\"\nspeaker = \"hero\"\ntext = {}\n\n\
         [[note]]\nkind = \"context\"\ntext = {}\ncites = [\"example\"]\n",
        localized(langs, &ALT_START),
        localized(langs, &SPEECH),
        localized(langs, &NOTE),
    )
}

fn end_panel(langs: &[String]) -> String {
    format!(
        "id = \"end\"\nalt = {}\n\n[[line]]\nkind = \"caption\"\ntext = {}\n",
        localized(langs, &ALT_END),
        localized(langs, &CAPTION),
    )
}

/// A sun over two green hills under a sky fading to pale, as a small RGB PNG.
fn placeholder_png() -> Result<Vec<u8>, png::EncodingError> {
    let (w, h) = PICTURE_SIZE;
    let mut pixels = Vec::with_capacity((w * h * 3) as usize);
    for y in 0..h {
        for x in 0..w {
            pixels.extend_from_slice(&placeholder_pixel(x as f32, y as f32, h as f32));
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&pixels)?;
    writer.finish()?;
    Ok(out)
}

fn placeholder_pixel(x: f32, y: f32, h: f32) -> [u8; 3] {
    let hill = |cx: f32, top: f32, width: f32| top + ((x - cx) / width).powi(2) * h;
    let (sun_dx, sun_dy) = (x - 230.0, y - 55.0);
    if y > hill(90.0, 110.0, 160.0).min(hill(250.0, 125.0, 140.0)) {
        let shade = (y / h * 60.0) as u8;
        [60 - shade / 2, 150 - shade, 70 - shade / 2]
    } else if sun_dx * sun_dx + sun_dy * sun_dy < 26.0 * 26.0 {
        [250, 210, 80]
    } else {
        let t = y / h;
        [(110.0 + 120.0 * t) as u8, (170.0 + 70.0 * t) as u8, 235]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_lists_are_split_deduplicated_and_refused_when_unsafe() {
        assert_eq!(languages(None).unwrap(), ["en"]);
        assert_eq!(
            languages(Some("en, zh-Hans,en")).unwrap(),
            ["en", "zh-Hans"]
        );
        assert!(languages(Some("en,\"x\"")).is_err());
        assert!(languages(Some("en,,fr")).is_err());
    }

    #[test]
    fn a_tag_the_checker_refuses_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("s");
        let langs = languages(Some("e")).unwrap();
        let err = write(&target, &langs, false).unwrap_err();
        assert!(err.0.contains("not a language tag"), "{err}");
        assert!(!target.exists());
    }

    #[test]
    fn the_picture_is_a_png_of_its_size() {
        let bytes = placeholder_png().unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let info = decoder.read_info().unwrap();
        assert_eq!((info.info().width, info.info().height), PICTURE_SIZE);
    }

    #[test]
    fn ids_come_from_the_folder_name() {
        assert_eq!(story_id(Path::new("/x/My Story!")), "my-story");
        assert_eq!(story_id(Path::new("/x/!!!")), "my-story");
        assert_eq!(story_id(Path::new("/x/tale_2")), "tale_2");
    }
}
