//! Words only the HTML export needs, in English and Simplified Chinese (the viewer's own
//! labels come from [`crate::ui::strings`]).

use crate::story::NoteStatus;
use crate::ui::strings::{Strings, for_lang};

pub struct Words {
    pub credits: &'static str,
    pub language: &'static str,
    /// Before the reason a picture is not shown.
    pub not_shown: &'static str,
    /// The label of an `established` note (the viewer shows none).
    pub established: &'static str,
    /// "1 note" / "{} notes".
    notes: (&'static str, &'static str),
    pub source: &'static str,
}

static EN: Words = Words {
    credits: "Credits",
    language: "Language",
    not_shown: "The picture cannot be shown: ",
    established: "established",
    notes: ("1 note", "{} notes"),
    source: "Source",
};

static ZH: Words = Words {
    credits: "制作",
    language: "语言",
    not_shown: "无法显示图片：",
    established: "已确认",
    notes: ("1 条评注", "{} 条评注"),
    source: "资料来源",
};

impl Words {
    pub fn notes(&self, n: usize) -> String {
        if n == 1 {
            self.notes.0.to_string()
        } else {
            self.notes.1.replace("{}", &n.to_string())
        }
    }

    /// A note's status label, `established` included.
    pub fn status(&self, s: &Strings, status: NoteStatus) -> &'static str {
        s.status(status).unwrap_or(self.established)
    }
}

/// The interface language for a story language, as a tag for `lang` attributes: the labels
/// are Simplified Chinese for `zh*` and English otherwise.
pub fn ui_lang(story_lang: &str) -> &'static str {
    if story_lang.starts_with("zh") {
        "zh-Hans"
    } else {
        "en"
    }
}

/// The viewer's labels and the export's words for a story language.
pub fn labels(story_lang: &str) -> (&'static Strings, &'static Words) {
    let w = if story_lang.starts_with("zh") {
        &ZH
    } else {
        &EN
    };
    (for_lang(story_lang), w)
}
