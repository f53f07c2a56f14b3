//! The new story's texts and TOML files, in the languages asked for.

use super::PICTURE;

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
const SOURCE: Text = Text {
    en: "An example of a cited source: replace it with a real one, or delete it and the note's cites.",
    zh: "引用来源的示例：换成真实的来源，或者把它和注释里的 cites 一起删掉。",
};

const ALT_END: Text = Text {
    en: "An empty panel, waiting for its art.",
    zh: "一个空白格，等待配图。",
};
const CAPTION: Text = Text {
    en: "To be continued.",
    zh: "未完待续。",
};

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

pub(super) fn story_toml(id: &str, langs: &[String]) -> String {
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
         date = \"2024-01\"\nurl = \"https://example.com/\"\nkind = \"reference\"\n\
         description = {}\n\n\
         # One page, a grid of one row and two columns; its cells list the panels in reading order.\n\
         [[page]]\nid = \"p1\"\nrows = 1\ncols = 2\n\n\
         [[page.cell]]\npanel = \"start\"\nrow = 1\ncol = 1\n\n\
         [[page.cell]]\npanel = \"end\"\nrow = 1\ncol = 2\n",
        quoted.join(", "),
        localized(langs, &TITLE),
        localized(langs, &SUMMARY),
        localized(langs, &HERO),
        localized(langs, &SOURCE),
    )
}

pub(super) fn start_panel(langs: &[String]) -> String {
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

pub(super) fn end_panel(langs: &[String]) -> String {
    format!(
        "id = \"end\"\nalt = {}\n\n[[line]]\nkind = \"caption\"\ntext = {}\n",
        localized(langs, &ALT_END),
        localized(langs, &CAPTION),
    )
}
