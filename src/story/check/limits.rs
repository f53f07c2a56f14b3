//! The format's limits, generous for real stories (docs/format.md, "Limits"). Each is
//! checked with a located error; a list past its limit is checked up to it.

/// Characters in an id (story, character, source, page, panel).
pub const MAX_ID: usize = 64;
/// Characters in a language tag.
pub const MAX_LANGUAGE_TAG: usize = 35;
/// Declared languages.
pub const MAX_LANGUAGES: usize = 32;
/// Characters in a title: the story's, a page's, a source's.
pub const MAX_TITLE: usize = 1_000;
/// Characters in a source's description, in each language.
pub const MAX_DESCRIPTION: usize = 1_000;
/// Characters in a name: a character's, a credit's, a source's publisher and author.
pub const MAX_NAME: usize = 200;
/// Characters in the story's summary.
pub const MAX_SUMMARY: usize = 2_000;
/// Characters in a panel's alt text.
pub const MAX_ALT: usize = 2_000;
/// Characters in a line's text (caption, speech, ...).
pub const MAX_LINE_TEXT: usize = 2_000;
/// Characters in a note's text.
pub const MAX_NOTE_TEXT: usize = 20_000;
/// Characters in a source's url.
pub const MAX_URL: usize = 2_000;
/// Credits, characters and sources in `story.toml`.
pub const MAX_CREDITS: usize = 1_000;
pub const MAX_CHARACTERS: usize = 10_000;
pub const MAX_SOURCES: usize = 10_000;
/// Pages, and cells on one page (an 8 × 8 grid holds at most 64 panels).
pub const MAX_PAGES: usize = 20_000;
pub const MAX_CELLS_PER_PAGE: usize = 64;
/// Lines and notes in one panel, sources cited by one note.
pub const MAX_LINES_PER_PANEL: usize = 100;
pub const MAX_NOTES_PER_PANEL: usize = 100;
pub const MAX_CITES_PER_NOTE: usize = 50;
/// Notes in the whole story.
pub const MAX_NOTES: usize = 100_000;
/// Values (keys, list items, tables: counted as `=`, `,`, `[` and `{` outside strings) in
/// one panel file. A panel within the limits above has fewer than 20,000 (100 lines and 100
/// notes, each text in 32 languages, 50 citations per note); a file with more is refused
/// before it is parsed, so parsing one panel file takes bounded memory.
pub const MAX_PANEL_VALUES: usize = 30_000;
/// Values in `story.toml` (counted the same way): a story of 20,000 panels on 5,000 pages,
/// with 10,000 sources and 10,000 characters in two languages, has about 330,000 (the
/// generated story of 10,000 panels has 75,000).
pub const MAX_STORY_VALUES: usize = 500_000;
