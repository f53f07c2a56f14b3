//! Serde mirror of the TOML files. Every struct denies unknown keys; values that are checked
//! after parsing keep their spans so errors can point at them.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// Localized text as written: language tag → text, both with spans.
pub type RawText = Spanned<BTreeMap<Spanned<String>, Spanned<String>>>;

pub type Str = Spanned<String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStory {
    pub schema: Spanned<i64>,
    pub id: Str,
    pub languages: Spanned<Vec<Str>>,
    pub title: RawText,
    pub summary: RawText,
    #[serde(default)]
    pub credit: Vec<RawCredit>,
    #[serde(default)]
    pub character: Vec<RawCharacter>,
    #[serde(default)]
    pub source: Vec<RawSource>,
    pub page: Spanned<Vec<RawPage>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCredit {
    pub role: Str,
    pub name: Str,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCharacter {
    pub id: Str,
    pub name: RawText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: Str,
    pub title: Spanned<RawTitle>,
    pub description: Option<RawText>,
    pub publisher: Str,
    pub author: Option<Str>,
    pub date: Str,
    pub url: Option<Str>,
    pub kind: Str,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPage {
    pub id: Str,
    pub title: Option<RawText>,
    pub rows: Spanned<i64>,
    pub cols: Spanned<i64>,
    pub cell: Spanned<Vec<Spanned<RawCell>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCell {
    pub panel: Str,
    pub row: Spanned<i64>,
    pub col: Spanned<i64>,
    pub row_span: Option<Spanned<i64>>,
    pub col_span: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPanel {
    pub id: Str,
    pub art: Option<Str>,
    pub alt: RawText,
    #[serde(default)]
    pub line: Vec<RawLine>,
    #[serde(default)]
    pub note: Vec<RawNote>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLine {
    pub kind: Str,
    pub speaker: Option<Str>,
    pub text: RawText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNote {
    pub kind: Str,
    pub text: RawText,
    pub cites: Option<Spanned<Vec<Str>>>,
    pub status: Option<Str>,
    /// Replaced by `status`; still parsed (any type) so `check` can say what to write instead.
    pub disputed: Option<Spanned<toml::Value>>,
}

/// A source's title as written: a string (the work's own title) or a table by language (our
/// description of it). Used inside [`Spanned`], which gives the whole value's place.
#[derive(Debug)]
pub enum RawTitle {
    Own(String),
    Ours(BTreeMap<Spanned<String>, Spanned<String>>),
}

impl RawTitle {
    /// A string title with the place of the whole value.
    pub fn own(title: &Spanned<RawTitle>) -> Option<Str> {
        match title.get_ref() {
            RawTitle::Own(s) => Some(Spanned::new(title.span(), s.clone())),
            RawTitle::Ours(_) => None,
        }
    }

    /// A table title as localized text, with the place of the whole table.
    pub fn ours(title: &Spanned<RawTitle>) -> Option<RawText> {
        match title.get_ref() {
            RawTitle::Ours(map) => Some(Spanned::new(title.span(), map.clone())),
            RawTitle::Own(_) => None,
        }
    }
}

impl<'de> Deserialize<'de> for RawTitle {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TitleVisitor)
    }
}

struct TitleVisitor;

impl<'de> serde::de::Visitor<'de> for TitleVisitor {
    type Value = RawTitle;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string (the work's own title) or a table by language (our description)")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawTitle, E> {
        Ok(RawTitle::Own(v.to_string()))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<RawTitle, A::Error> {
        let mut out = BTreeMap::new();
        // The TOML parser has already refused duplicate keys.
        while let Some((k, v)) = map.next_entry::<Spanned<String>, Spanned<String>>()? {
            out.insert(k, v);
        }
        Ok(RawTitle::Ours(out))
    }
}
