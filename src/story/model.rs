//! The validated story: what the viewer, `render` and `export` read.
//!
//! Every string here has already been through [`crate::text::sanitize`], every reference
//! resolves and every declared language is present, so the UI never has to re-check.

use std::sync::Arc;

/// A BCP-47 language tag declared by the story, e.g. `en` or `zh-Hans`.
pub type Lang = String;

/// One piece of text in every declared language. A short list, not a map: a story holds
/// tens of thousands of these, mostly with two languages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text(Vec<(Lang, String)>);

impl Text {
    /// The text in `lang`, falling back to the first language that has one.
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .iter()
            .find(|(l, _)| l == lang)
            .or_else(|| self.0.first())
            .map_or("", |(_, t)| t.as_str())
    }

    /// Sets the text in `lang`, replacing any there was.
    pub fn insert(&mut self, lang: Lang, text: String) {
        match self.0.iter_mut().find(|(l, _)| *l == lang) {
            Some(entry) => entry.1 = text,
            None => self.0.push((lang, text)),
        }
    }

    /// `(language, text)` pairs, in the order they were written.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(l, t)| (l.as_str(), t.as_str()))
    }

    /// Builds a text from `(lang, text)` pairs; handy in tests.
    pub fn from_pairs<const N: usize>(pairs: [(&str, &str); N]) -> Self {
        let mut text = Self(Vec::with_capacity(N));
        for (l, t) in pairs {
            text.insert(l.to_string(), t.to_string());
        }
        text
    }
}

/// A whole story, validated.
#[derive(Debug, Clone)]
pub struct Story {
    pub id: String,
    /// Declared languages; the first is the default.
    pub languages: Vec<Lang>,
    pub title: Text,
    pub summary: Text,
    pub credits: Vec<Credit>,
    pub characters: Vec<Character>,
    pub sources: Vec<Source>,
    pub pages: Vec<Page>,
}

impl Story {
    pub fn character(&self, id: &str) -> Option<&Character> {
        self.characters.iter().find(|c| c.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// A source's citation number: its place in the story's source list, 1-based. The
    /// overlay and the transcript both number citations this way, so `[4]` is the same
    /// source everywhere.
    pub fn source_number(&self, id: &str) -> Option<usize> {
        self.sources.iter().position(|s| s.id == id).map(|i| i + 1)
    }

    /// All panels in reading order.
    pub fn panels(&self) -> impl Iterator<Item = &Panel> {
        self.pages.iter().flat_map(|p| p.panels.iter())
    }

    pub fn panel_count(&self) -> usize {
        self.pages.iter().map(|p| p.panels.len()).sum()
    }

    pub fn note_count(&self) -> usize {
        self.panels().map(|p| p.notes.len()).sum()
    }

    /// How many notes have each status, in [`NoteStatus::ALL`] order.
    pub fn notes_by_status(&self) -> [(NoteStatus, usize); 4] {
        NoteStatus::ALL.map(|status| {
            let n = self
                .panels()
                .flat_map(|p| &p.notes)
                .filter(|n| n.status == status)
                .count();
            (status, n)
        })
    }
}

/// Every credit role, as the format writes it (`credit.role`); the interface names each in the
/// reader's language.
pub const CREDIT_ROLES: [&str; 6] = [
    "writer",
    "artist",
    "translator",
    "editor",
    "researcher",
    "other",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    pub role: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Character {
    pub id: String,
    pub name: Text,
}

/// A source that commentary cites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub id: String,
    /// What the reader is told the source is: its title and, where the story gives one, a
    /// description in each language.
    pub title: SourceTitle,
    pub publisher: String,
    pub author: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    pub url: Option<String>,
    pub kind: SourceKind,
}

impl Source {
    /// What follows the title in a citation, as written in every language:
    /// ` Author. Publisher, 2024-05.`
    pub fn details(&self) -> String {
        let author = self
            .author
            .as_deref()
            .map(|a| format!(" {a}."))
            .unwrap_or_default();
        format!("{author} {}, {}.", self.publisher, self.date)
    }
}

/// How a source is named to the reader (`source.title` and `source.description`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceTitle {
    pub name: TitleName,
    /// What the source is, in the reader's language (`source.description`), if given.
    pub description: Option<Text>,
}

/// A source's title as the story writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TitleName {
    /// The work's own title (a string): shown as written in every language, never translated.
    Own(String),
    /// Our description of a work whose title we could not see (a table by language): shown
    /// in the reader's language, in brackets.
    Ours(Text),
}

impl SourceTitle {
    /// The title in `lang`, and whether it is our description (shown in brackets).
    pub fn get(&self, lang: &str) -> (&str, bool) {
        match &self.name {
            TitleName::Own(t) => (t, false),
            TitleName::Ours(t) => (t.get(lang), true),
        }
    }

    /// The description in `lang`, if the story gives one.
    pub fn description(&self, lang: &str) -> Option<&str> {
        self.description.as_ref().map(|d| d.get(lang))
    }

    /// Every text the reader may see: the title (each language of ours) and descriptions.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        let title: Vec<&str> = match &self.name {
            TitleName::Own(t) => vec![t.as_str()],
            TitleName::Ours(t) => t.iter().map(|(_, t)| t).collect(),
        };
        let described = self
            .description
            .iter()
            .flat_map(|d| d.iter().map(|(_, t)| t));
        title.into_iter().chain(described)
    }
}

/// The work's own title, with no description (how a source written by hand starts).
impl From<&str> for SourceTitle {
    fn from(title: &str) -> Self {
        Self {
            name: TitleName::Own(title.to_string()),
            description: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    News,
    Law,
    Official,
    Translation,
    Analysis,
    Reference,
    Other,
}

/// A page: a grid of panels, in reading order.
#[derive(Debug, Clone)]
pub struct Page {
    pub id: String,
    pub title: Option<Text>,
    pub rows: u16,
    pub cols: u16,
    pub panels: Vec<Panel>,
}

/// Where a panel sits on its page's grid (0-based, spans at least 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub row: u16,
    pub col: u16,
    pub row_span: u16,
    pub col_span: u16,
}

/// One panel: art, lines and commentary.
#[derive(Debug, Clone)]
pub struct Panel {
    pub id: String,
    /// 1-based position in the whole story's reading order.
    pub number: usize,
    pub cell: Cell,
    pub art: Option<ArtRef>,
    pub alt: Text,
    pub lines: Vec<Line>,
    pub notes: Vec<Note>,
}

/// Where a panel's artwork comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArtRef {
    /// The path as written in the story, relative to the story folder (sanitized).
    pub path: String,
    pub origin: ArtOrigin,
    /// Where the path is written, for diagnostics found later (e.g. a corrupt image).
    pub site: Option<Site>,
}

impl ArtRef {
    /// Identifies the bytes behind this art for caches. Unlike `path`, which is sanitized for
    /// display, two different files never share a key.
    pub fn cache_key(&self) -> String {
        match &self.origin {
            ArtOrigin::File(p) => format!("file:{p:?}"),
            ArtOrigin::Embedded(_) => format!("embedded:{:?}", self.path),
            ArtOrigin::Archive { archive, entry } => {
                format!("zip:{:?}#{entry:?}", archive.path())
            }
            ArtOrigin::Broken(reason) => format!("broken:{:?}:{reason:?}", self.path),
        }
    }
}

/// A place in a story file.
#[derive(Debug, Clone)]
pub struct Site {
    pub file: Arc<crate::diag::SourceText>,
    pub span: std::ops::Range<usize>,
}

impl PartialEq for Site {
    fn eq(&self, other: &Self) -> bool {
        self.file.name == other.file.name && self.span == other.span
    }
}

impl Eq for Site {}

/// The bytes behind an art reference: a checked file on disk, bytes compiled into the binary,
/// or an entry of an opened `.cbz` archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArtOrigin {
    /// A regular file inside the story folder, resolved and size-checked at load time.
    File(std::path::PathBuf),
    /// Bytes compiled into the binary (the built-in story).
    Embedded(Arc<[u8]>),
    /// An entry of a `.cbz` (zip) archive, read when first shown.
    Archive {
        archive: Arc<super::archive::Archive>,
        entry: String,
    },
    /// Refused or missing at load time, with the reason (also reported by `check`); the
    /// viewer shows the panel's alt text and this reason instead.
    Broken(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Caption,
    Narration,
    Speech,
    Thought,
    Sign,
    Sound,
}

impl LineKind {
    /// The kind as the story format writes it (`caption`, `speech`, …).
    pub fn name(self) -> &'static str {
        match self {
            LineKind::Caption => "caption",
            LineKind::Narration => "narration",
            LineKind::Speech => "speech",
            LineKind::Thought => "thought",
            LineKind::Sign => "sign",
            LineKind::Sound => "sound",
        }
    }
}

/// A caption, a balloon, a sign or a sound, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub kind: LineKind,
    /// The id of the speaking character, if any.
    pub speaker: Option<String>,
    pub text: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    Context,
    Analysis,
    Translation,
}

/// How sure a note is. The checker makes `Disputed` cite at least two sources and
/// `SingleSource` exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum NoteStatus {
    /// Not in doubt: several sources agree, or the note reports what its source itself says.
    #[default]
    Established,
    /// Rests on one source that could not be checked elsewhere.
    SingleSource,
    /// Named sources disagree.
    Disputed,
    /// Reported, but no source we could check confirms it.
    Unverified,
}

impl NoteStatus {
    /// Every status, in the order `check` counts them.
    pub const ALL: [NoteStatus; 4] = [
        NoteStatus::Established,
        NoteStatus::SingleSource,
        NoteStatus::Disputed,
        NoteStatus::Unverified,
    ];

    /// The value written in a panel file: `status = "single-source"`.
    pub fn keyword(self) -> &'static str {
        match self {
            NoteStatus::Established => "established",
            NoteStatus::SingleSource => "single-source",
            NoteStatus::Disputed => "disputed",
            NoteStatus::Unverified => "unverified",
        }
    }
}

/// A commentary note on a panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub kind: NoteKind,
    pub text: Text,
    /// Ids of cited sources, in citation order.
    pub cites: Vec<String>,
    /// How sure the note is.
    pub status: NoteStatus,
}
