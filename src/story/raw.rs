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
    pub title: Str,
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
