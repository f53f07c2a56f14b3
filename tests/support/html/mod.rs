//! Shared by the HTML export tests: a story folder full of HTML and script payloads, and the
//! export run in process.
#![allow(dead_code)]

pub mod browser;
pub mod markup;

use std::path::Path;

use comicterm::cli::ExportFormat;
use comicterm::story::{Story, StorySource, load};

/// Marks every payload: it may appear in the output only as escaped text.
pub const MARK: &str = "PWNED";

/// The title payload: would set the document title if it ran.
pub const TITLE: &str = "<script>document.title='PWNED'</script>Title";

/// Payloads for every text field; each would change the title or the DOM if it ran.
pub const PAYLOADS: [&str; 9] = [
    "<script>document.body.setAttribute('data-pwned','script')</script>",
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','onerror')\">",
    "\"><svg onload=\"document.body.setAttribute('data-pwned','svg')\">",
    "</style><script>document.write('PWNED-WRITE')</script>",
    "<a href=\"javascript:document.title='PWNED'\">click</a>",
    "<iframe srcdoc=\"<script>parent.document.title='PWNED'</script>\"></iframe>",
    "' onmouseover='document.title=\"PWNED\"' x='",
    "<style>body{display:none}</style>&lt;escaped&gt;&amp;",
    "</p></figure></main><script>document.title='PWNED'</script>",
];

/// A TOML basic string.
pub use super::story::toml_str;

/// A tiny valid PNG (2×2).
pub fn png() -> Vec<u8> {
    super::png::solid(2, 2)
}

/// Writes the hostile story: every payload in the title, summary, credits, character names,
/// sources (title, publisher, author, an address that is http but breaks out of quotes), page
/// titles, alt text, lines of every kind and notes. Panel 1's picture is real; panel 2's names
/// a file with markup in its name that does not exist.
pub fn write_story(dir: &Path) {
    std::fs::create_dir_all(dir.join("panels")).unwrap();
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(dir.join("assets/ok.png"), png()).unwrap();
    let all = PAYLOADS.concat();
    let t = |s: &str| toml_str(s);
    let mut s = format!(
        "schema = 1\nid = \"hostile-html\"\nlanguages = [\"en\", \"zh-Hans\"]\n\
         title = {{ en = {}, zh-Hans = {} }}\nsummary = {{ en = {}, zh-Hans = {} }}\n",
        t(TITLE),
        t(TITLE),
        t(&all),
        t(&all)
    );
    for (i, p) in PAYLOADS.iter().enumerate() {
        s += &format!(
            "\n[[credit]]\nrole = \"writer\"\nname = {}\n\n[[character]]\nid = \"c{i}\"\n\
             name = {{ en = {}, zh-Hans = {} }}\n\n[[source]]\nid = \"s{i}\"\ntitle = {}\n\
             publisher = {}\nauthor = {}\ndate = \"2020\"\n\
             url = \"https://example.org/{i}\\\"onmouseover=\\\"document.title='PWNED'\\\"\"\n\
             kind = \"news\"\n",
            t(p),
            t(p),
            t(p),
            t(p),
            t(p),
            t(p)
        );
    }
    s += &format!(
        "\n[[page]]\nid = \"p1\"\ntitle = {{ en = {}, zh-Hans = {} }}\nrows = 1\ncols = 2\n\
         \n[[page.cell]]\npanel = \"a\"\nrow = 1\ncol = 1\n\
         \n[[page.cell]]\npanel = \"b\"\nrow = 1\ncol = 2\n",
        t(&all),
        t(&all)
    );
    std::fs::write(dir.join("panels/story.toml"), s).unwrap();
    for (id, art) in [
        ("a", "assets/ok.png"),
        ("b", "assets/<img src=x onerror=alert(1)>.png"),
    ] {
        let mut p = format!(
            "id = \"{id}\"\nart = {}\nalt = {{ en = {}, zh-Hans = {} }}\n",
            t(art),
            t(&all),
            t(&all)
        );
        for (i, payload) in PAYLOADS.iter().enumerate() {
            let kind = ["caption", "narration", "speech", "thought", "sign", "sound"][i % 6];
            let speaker = if matches!(kind, "speech" | "thought") {
                format!("speaker = \"c{i}\"\n")
            } else {
                String::new()
            };
            p += &format!(
                "\n[[line]]\nkind = \"{kind}\"\n{speaker}\
                 text = {{ en = {}, zh-Hans = {} }}\n\n[[note]]\nkind = \"context\"\n\
                 text = {{ en = {}, zh-Hans = {} }}\ncites = [\"s{i}\"]\n",
                t(payload),
                t(payload),
                t(payload),
                t(payload)
            );
        }
        std::fs::write(dir.join(format!("panels/{id}.toml")), p).unwrap();
    }
}

/// Loads a story, failing with its diagnostics.
pub fn load_story(source: &StorySource) -> Story {
    let outcome = load(source);
    outcome
        .story
        .unwrap_or_else(|| panic!("the story does not load: {:#?}", outcome.diagnostics))
}

/// The story exported as HTML in process.
pub fn html(story: &Story, lang: Option<&str>) -> String {
    let mut out = Vec::new();
    comicterm::export::export(story, ExportFormat::Html, lang, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}
