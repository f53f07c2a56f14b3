//! Stories for tests: the built-in one, and pieces for writing small ones to a folder.

use std::fmt::Write as _;
use std::sync::OnceLock;

use comicterm::story::{Story, StorySource, load};

/// The path of a story under `tests/fixtures/` (e.g. `invalid/bad-id`), as a string.
pub fn fixture(dir: &str) -> String {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
        .display()
        .to_string()
}

/// The built-in story, loaded once per test binary.
pub fn builtin() -> &'static Story {
    static STORY: OnceLock<Story> = OnceLock::new();
    STORY.get_or_init(|| {
        load(&StorySource::Builtin)
            .story
            .expect("the built-in story loads")
    })
}

/// A TOML basic string holding `s` exactly: quotes, backslashes and every control character
/// (TOML allows none raw) escaped.
pub fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\x7f' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The head of a one-language `story.toml` (id `s`, title `T`, summary `S`), without pages.
pub const HEAD: &str = "schema = 1\nid = \"s\"\nlanguages = [\"en\"]\ntitle = { en = \"T\" }\nsummary = { en = \"S\" }\n";

/// A `[[page]]` with id `id` holding one cell: the panel `panel`.
pub fn page(id: &str, panel: &str) -> String {
    format!(
        "\n[[page]]\nid = \"{id}\"\nrows = 1\ncols = 1\n\n[[page.cell]]\npanel = \"{panel}\"\nrow = 1\ncol = 1\n"
    )
}
