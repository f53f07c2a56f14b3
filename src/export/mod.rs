//! `comicterm export`: the whole story in reading order, as a plain-text transcript or as one
//! self-contained HTML file.

pub mod html;
mod text;

use std::io::{self, Write};

use crate::cli::ExportFormat;
use crate::story::Story;

/// The `--lang` value that asks the HTML export for every language, with a switch.
pub const ALL_LANGUAGES: &str = "all";

/// Writes `story` to `out` in `format`; `lang` as given to `--lang` (a tag, `all`, or none for
/// the story's first language).
pub fn export(
    story: &Story,
    format: ExportFormat,
    lang: Option<&str>,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        ExportFormat::Text if lang == Some(ALL_LANGUAGES) => Err(io::Error::other(
            "`--lang all` needs `--format html`; a transcript is in one language",
        )),
        ExportFormat::Text => text::write(story, story_lang(story, lang), out),
        ExportFormat::Html if lang == Some(ALL_LANGUAGES) => {
            html::write(story, html::Shown::All, out)
        }
        ExportFormat::Html => html::write(story, html::Shown::One(story_lang(story, lang)), out),
    }
}

/// The story language `--lang` picks: the asked one if the story has it, else its first.
pub fn story_lang<'s>(story: &'s Story, asked: Option<&str>) -> &'s str {
    asked
        .and_then(|l| crate::story::lang::resolve(&story.languages, l))
        .and_then(|i| story.languages.get(i))
        .or(story.languages.first())
        .map_or("en", String::as_str)
}
