//! Every interface string, in English and Simplified Chinese.

use crate::story::{LineKind, NoteKind, NoteStatus};

/// The interface text for one language.
pub struct Strings {
    /// "Page {}" / "第 {} 页": a page number (or `x/y`) as a native reader writes it.
    page: &'static str,
    /// "Panel {}" / "第 {} 格".
    panel: &'static str,
    /// Brackets around a thought: `(…)` or `（…）`.
    pub thought: (&'static str, &'static str),
    /// Brackets around a note's labels (`[Context]`, `【背景】`) and a sign.
    pub label: (&'static str, &'static str),
    /// Brackets around a note's status: `(disputed)` or `（有争议）`.
    pub aside: (&'static str, &'static str),
    /// After a closing bracket of a label: a space in English, nothing after fullwidth ones.
    pub gap: &'static str,
    /// Whether this script may be slanted for thoughts and narration (CJK is not: slanted CJK
    /// reads badly; the color is the cue).
    pub italics: bool,
    pub page_view: &'static str,
    /// The end card's heading.
    pub the_end: &'static str,
    /// How to go on from the cover and the end card.
    pub cover_hint: &'static str,
    pub end_hint: &'static str,
    /// The view label on the cover and end cards.
    pub cover: &'static str,
    pub end: &'static str,
    /// The view label while the overview is open.
    pub overview: &'static str,
    /// The view label while `z` shows a panel's picture alone.
    pub art_alone: &'static str,
    pub panel_view: &'static str,
    pub art: &'static str,
    /// Shown on an art placeholder while the art is being prepared.
    pub preparing: &'static str,
    pub commentary: &'static str,
    pub help: &'static str,
    pub overlay_hint: &'static str,
    /// Followed by the story's languages.
    pub no_such_language: &'static str,
    /// "Pictures: {method} (`comicterm doctor` says why)".
    pub pictures: &'static str,
    /// How pictures are shown, by [`crate::art::Method`]: kitty placeholders, kitty direct,
    /// sixel, iTerm2, half-blocks, none.
    methods: [&'static str; 6],
    pub help_hint: &'static str,
    pub no_notes: &'static str,
    /// Labels for single-source, disputed and unverified notes (established ones get none).
    statuses: [&'static str; 3],
    pub sources: &'static str,
    /// Around a source title that is our description, not the work's own: `[…].`, `［…］`.
    pub supplied: (&'static str, &'static str),
    /// Credit roles: writer, artist, translator, editor, researcher, other.
    roles: [&'static str; 6],
    pub auto_panel: &'static str,
    kinds: [&'static str; 3],
    /// Transcript labels: caption, narration, speech, thought, sign, sound.
    line_kinds: [&'static str; 6],
    /// Transcript label for the alt text.
    pub image: &'static str,
    /// Between a speaker's name and the line: `: ` or `：`.
    pub speaker_sep: &'static str,
    notes: (&'static str, &'static str),
    go_to: &'static str,
    no_such_page: (&'static str, &'static str),
    enlarge: &'static str,
    /// "No hits for “{}”".
    pub no_hits: &'static str,
    /// The search prompt's scope when every language is searched.
    pub all_languages: &'static str,
    /// "hit {}": which search hit, `3/7`.
    pub hit: &'static str,
    /// Added / removed a bookmark.
    pub bookmarked: (&'static str, &'static str),
    /// A bookmarked panel's frame mark.
    pub bookmark: &'static str,
    /// Live reload: the story was saved and is shown as it is now.
    pub reloaded: &'static str,
    /// Live reload: the problems box's title, and its hint at the bottom.
    pub problems: &'static str,
    pub problems_hint: &'static str,
    /// What each bound action does (the keys come from the app's key table).
    pub actions: fn(crate::app::Action) -> &'static str,
    /// The mouse's row in help: (what, does).
    pub mouse: (&'static str, &'static str),
}

impl Strings {
    /// The name of a way of showing pictures, in this language.
    pub fn method(&self, m: crate::art::Method) -> &'static str {
        use crate::art::Method::*;
        let i = match m {
            KittyPlaceholders => 0,
            KittyDirect => 1,
            Sixel => 2,
            Iterm2 => 3,
            Halfblocks => 4,
            None => 5,
        };
        self.methods[i]
    }

    /// "Page 3/4", "第 3/4 页".
    pub fn page_label(&self, n: &str) -> String {
        self.page.replace("{}", n)
    }

    /// "Panel 13", "第 13 格".
    pub fn panel_label(&self, n: &str) -> String {
        self.panel.replace("{}", n)
    }

    pub fn kind(&self, kind: NoteKind) -> &'static str {
        match kind {
            NoteKind::Context => self.kinds[0],
            NoteKind::Analysis => self.kinds[1],
            NoteKind::Translation => self.kinds[2],
        }
    }

    /// The label shown beside a note of this status; `None` for established notes.
    pub fn status(&self, status: NoteStatus) -> Option<&'static str> {
        match status {
            NoteStatus::Established => None,
            NoteStatus::SingleSource => Some(self.statuses[0]),
            NoteStatus::Disputed => Some(self.statuses[1]),
            NoteStatus::Unverified => Some(self.statuses[2]),
        }
    }

    /// A credit role (the format's word, e.g. `writer`) in this language; an unknown word
    /// (never in a checked story) as it is.
    pub fn role<'r>(&self, role: &'r str) -> &'r str {
        crate::story::CREDIT_ROLES
            .iter()
            .position(|r| *r == role)
            .map_or(role, |i| self.roles[i])
    }

    pub fn line_kind(&self, kind: LineKind) -> &'static str {
        let i = match kind {
            LineKind::Caption => 0,
            LineKind::Narration => 1,
            LineKind::Speech => 2,
            LineKind::Thought => 3,
            LineKind::Sign => 4,
            LineKind::Sound => 5,
        };
        self.line_kinds[i]
    }

    /// "page view (v)", "整页（v）": a part of the status bar and the key that changes it.
    pub fn with_key(&self, what: &str, key: &str) -> String {
        let (open, close) = self.aside;
        format!("{what}{}{open}{key}{close}", self.gap)
    }

    /// "3 notes (c)", "3 条评注（c）": how many notes, and the key that shows them.
    pub fn notes(&self, n: usize) -> String {
        let word = if n == 1 { self.notes.0 } else { self.notes.1 };
        let (open, close) = self.aside;
        format!("{n} {word}{}{open}c{close}", self.gap)
    }

    /// A panel frame's badge: "2 notes", "2 条评注".
    pub fn badge(&self, n: usize) -> String {
        let word = if n == 1 { self.notes.0 } else { self.notes.1 };
        let space = if self.gap.is_empty() { "" } else { " " };
        format!("{n}{space}{word}")
    }

    /// The page number being typed.
    pub fn go_to(&self, n: usize) -> String {
        format!("{} {n}", self.go_to)
    }

    pub fn no_such_page(&self, asked: usize, shown: usize) -> String {
        format!("{asked}{}{shown}", self.no_such_page.0) + self.no_such_page.1
    }

    pub fn enlarge(&self, w: u16, h: u16) -> String {
        format!("{} {w}x{h}", self.enlarge)
    }
}

/// The interface strings for a story language tag (Chinese for `zh*`, else English).
pub fn for_lang(tag: &str) -> &'static Strings {
    if tag.starts_with("zh") { &ZH } else { &EN }
}

/// A language's own name, for the status bar.
pub fn language_name(tag: &str) -> &str {
    match tag {
        "en" => "English",
        "zh-Hans" | "zh" => "简体中文",
        "zh-Hant" => "繁體中文",
        other => other,
    }
}

static EN: Strings = Strings {
    page: "Page {}",
    panel: "Panel {}",
    thought: ("(", ")"),
    label: ("[", "]"),
    aside: ("(", ")"),
    gap: " ",
    italics: true,
    page_view: "page view",
    art_alone: "picture (z)",
    overview: "overview (o; * bookmark)",
    the_end: "The end",
    cover_hint: "Right or Space: begin · o: overview · ?: help · q: quit",
    end_hint: "q: quit · Home: start again · Left: back to the last panel",
    cover: "cover",
    end: "the end",
    panel_view: "panel view",
    art: "art",
    preparing: "preparing art…",
    commentary: "Commentary",
    help: "Help",
    overlay_hint: "j/k scroll · Esc close",
    no_such_language: "This story is not in that language; it has: ",
    pictures: "Pictures: {} (`comicterm doctor` says why)",
    methods: [
        "kitty (Unicode placeholders)",
        "kitty (direct placement)",
        "sixel",
        "iTerm2 inline images",
        "half-blocks",
        "none (alt text)",
    ],
    help_hint: "? help",
    no_notes: "No commentary here.",
    statuses: ["single source", "disputed", "unverified"],
    sources: "Sources",
    supplied: ("[", "]."),
    roles: [
        "Writer",
        "Artist",
        "Translator",
        "Editor",
        "Research",
        "Other",
    ],
    auto_panel: "panel: page too small",
    kinds: ["Context", "Analysis", "Translation"],
    line_kinds: ["Caption", "Narration", "says", "thinks", "Sign", "Sound"],
    image: "Image",
    speaker_sep: ": ",
    notes: ("note", "notes"),
    go_to: "Go to page:",
    no_such_page: (" is not a page; showing page ", ""),
    enlarge: "Please enlarge the terminal to at least",
    no_hits: "No hits for “{}”",
    hit: "hit {}",
    all_languages: "all languages",
    bookmarked: ("Bookmarked", "Bookmark removed"),
    bookmark: "bookmark",
    reloaded: "reloaded",
    problems: "The story as saved has problems; showing the last version that loaded",
    problems_hint: "closes when fixed · Esc hide",
    actions: super::keyhelp::en,
    mouse: (
        "Wheel / click",
        "one step of the view (a line in a box) / open a panel",
    ),
};

static ZH: Strings = Strings {
    page: "第 {} 页",
    panel: "第 {} 格",
    thought: ("（", "）"),
    label: ("【", "】"),
    aside: ("（", "）"),
    gap: "",
    italics: false,
    page_view: "整页",
    art_alone: "画面（z）",
    overview: "总览（o；* 书签）",
    the_end: "完",
    cover_hint: "Right 或 Space：开始阅读 · o：总览 · ?：帮助 · q：退出",
    end_hint: "q：退出 · Home：从头再读 · Left：回到最后一格",
    cover: "封面",
    end: "完",
    panel_view: "单格",
    art: "画面",
    preparing: "正在准备画面…",
    commentary: "评注",
    help: "帮助",
    overlay_hint: "j/k 滚动 · Esc 关闭",
    no_such_language: "本故事没有该语言的版本，现有：",
    pictures: "图片显示方式：{}（`comicterm doctor` 会说明原因）",
    methods: [
        "kitty 图形（Unicode 占位符）",
        "kitty 图形（直接放置）",
        "sixel",
        "iTerm2 内嵌图片",
        "半格色块",
        "不显示（只显示图片说明）",
    ],
    help_hint: "? 帮助",
    no_notes: "这里没有评注。",
    statuses: ["单一来源", "有争议", "未经证实"],
    sources: "资料来源",
    supplied: ("［", "］"),
    roles: ["编剧", "绘画", "翻译", "编辑", "资料整理", "其他"],
    auto_panel: "单格：整页放不下",
    kinds: ["背景", "分析", "翻译"],
    line_kinds: ["旁白框", "叙述", "说", "心想", "标牌", "音效"],
    image: "画面",
    speaker_sep: "：",
    notes: ("条评注", "条评注"),
    go_to: "跳到第几页：",
    no_such_page: (" 页不存在；现在显示第 ", " 页"),
    enlarge: "请把终端窗口放大到至少",
    no_hits: "没有找到“{}”",
    hit: "第 {} 个结果",
    all_languages: "所有语言",
    bookmarked: ("已加书签", "已取消书签"),
    bookmark: "书签",
    reloaded: "已重新载入",
    problems: "保存的故事有错误；仍显示上次成功载入的版本",
    problems_hint: "改正后自动关闭 · Esc 隐藏",
    actions: super::keyhelp::zh,
    mouse: ("滚轮 / 点击", "视图的一步（窗口中滚一行）/ 打开一格"),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_credit_role_has_its_own_word_in_each_language() {
        for s in [&EN, &ZH] {
            let words: std::collections::BTreeSet<&str> = crate::story::CREDIT_ROLES
                .iter()
                .map(|r| s.role(r))
                .collect();
            assert_eq!(words.len(), crate::story::CREDIT_ROLES.len());
            assert!(!words.iter().any(|w| crate::story::CREDIT_ROLES.contains(w)));
        }
        assert_eq!(ZH.role("researcher"), "资料整理");
        assert_eq!(EN.role("writer"), "Writer");
        // Never in a checked story; shown as written rather than dropped.
        assert_eq!(ZH.role("drummer"), "drummer");
    }
}
