//! The state file's text: a few TOML keys, read leniently (unknown keys are ignored, so a
//! newer comicterm's file still loads) and written by hand (no serializer needed).

use serde::Deserialize;

use super::{MAX_BOOKMARKS, Place, Saved, SavedView};

/// The file format version written; a file with another one is not read.
const VERSION: i64 = 1;

#[derive(Deserialize)]
struct Raw {
    version: i64,
    story: String,
    content: String,
    page: usize,
    panel: usize,
    panel_id: String,
    view: String,
    language: Option<String>,
    commentary: bool,
    /// Required and written last: a file cut short anywhere fails to parse instead of
    /// loading without its bookmarks.
    bookmarks: Vec<String>,
}

/// The saved state in `bytes`, for story `id`; a short reason if it is not usable.
pub fn parse(bytes: &[u8], id: &str) -> Result<Saved, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string())?;
    if text.trim().is_empty() {
        return Err("empty file".into());
    }
    let raw: Raw = toml::from_str(text).map_err(|_| "corrupt file".to_string())?;
    if raw.version != VERSION {
        return Err(format!("unknown version {}", raw.version));
    }
    if raw.story != id {
        return Err("written for another story".into());
    }
    let content = u64::from_str_radix(&raw.content, 16).map_err(|_| "corrupt file")?;
    let view = match raw.view.as_str() {
        "page" => SavedView::Page,
        "panel" => SavedView::Panel,
        _ => return Err("corrupt file".into()),
    };
    Ok(Saved {
        story: raw.story,
        content,
        place: Place {
            page: raw.page,
            panel: raw.panel,
            panel_id: raw.panel_id,
            view,
            language: raw.language,
            commentary: raw.commentary,
        },
        bookmarks: raw.bookmarks.into_iter().take(MAX_BOOKMARKS).collect(),
    })
}

/// The file's text for `saved`. Strings are written as TOML basic strings with every
/// control character escaped, so any id round-trips.
pub fn write(saved: &Saved) -> String {
    let p = &saved.place;
    let mut out = format!(
        "# comicterm: where you left this story (safe to delete)\n\
         version = {VERSION}\nstory = {}\ncontent = \"{:016x}\"\npage = {}\npanel = {}\n\
         panel_id = {}\nview = \"{}\"\n",
        quote(&saved.story),
        saved.content,
        p.page,
        p.panel,
        quote(&p.panel_id),
        match p.view {
            SavedView::Page => "page",
            SavedView::Panel => "panel",
        },
    );
    if let Some(l) = &p.language {
        out.push_str(&format!("language = {}\n", quote(l)));
    }
    out.push_str(&format!("commentary = {}\nbookmarks = [", p.commentary));
    for (i, b) in saved.bookmarks.iter().take(MAX_BOOKMARKS).enumerate() {
        out.push_str(if i == 0 { "\n  " } else { ",\n  " });
        out.push_str(&quote(b));
    }
    out.push_str(if saved.bookmarks.is_empty() {
        "]\n"
    } else {
        ",\n]\n"
    });
    out
}

/// A TOML basic string.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
