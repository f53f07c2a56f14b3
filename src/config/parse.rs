//! Config text to a [`Layer`], every problem a located diagnostic. Problems never stop the
//! rest: a bad value is left out (its default applies) and the next key is read.

use std::ops::Range;
use std::sync::Arc;

use clap::ValueEnum;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::keys::{KEY_SYNTAX, KeySpec};
use super::{KNOWN_KEYS, Layer};
use crate::diag::{Diagnostic, Kind, SourceText, excerpt, visible};

/// At most this many keys per action.
const MAX_KEYS_PER_ACTION: usize = 16;
/// Longest `language` value accepted (BCP-47 tags are short).
const MAX_LANGUAGE: usize = 35;

/// The layer `file` sets, and its problems. `actions` are the names `[keys]` may bind.
pub fn parse(file: &Arc<SourceText>, actions: &[&str]) -> (Layer, Vec<Diagnostic>) {
    let mut p = Parser {
        file,
        diags: Vec::new(),
        layer: Layer::default(),
    };
    match DeTable::parse(&file.text) {
        Ok(table) => p.top(table.get_ref(), actions),
        Err(e) => {
            let msg = e.message().lines().next().unwrap_or("").to_string();
            p.error(
                Kind::Syntax,
                e.span().unwrap_or(0..0),
                excerpt(&msg).into_owned(),
                None,
            );
        }
    }
    p.diags.sort_by_key(|d| d.span.start);
    (p.layer, p.diags)
}

struct Parser<'a> {
    file: &'a Arc<SourceText>,
    diags: Vec<Diagnostic>,
    layer: Layer,
}

type Entry<'t, 'i> = (
    &'t Spanned<std::borrow::Cow<'i, str>>,
    &'t Spanned<DeValue<'i>>,
);

impl Parser<'_> {
    fn error(&mut self, kind: Kind, span: Range<usize>, message: String, hint: Option<String>) {
        let d = Diagnostic::new(kind, self.file, span, message);
        self.diags.push(match hint {
            Some(h) => d.with_hint(h),
            None => d,
        });
    }

    fn top(&mut self, table: &DeTable<'_>, actions: &[&str]) {
        for (key, value) in table.iter() {
            match key.get_ref().as_ref() {
                "language" => self.layer.language = self.language(value),
                "view" => self.layer.view = self.choice("view", value),
                "graphics" => self.layer.graphics = self.choice("graphics", value),
                "theme" => self.layer.theme = self.choice("theme", value),
                "commentary" => self.layer.commentary = self.choice("commentary", value),
                "resume" => self.layer.resume = self.boolean("resume", value),
                "cover" => self.layer.cover = self.boolean("cover", value),
                "watch" => self.layer.watch = self.boolean("watch", value),
                "keys" => self.keys(value, actions),
                other => self.unknown(key.span(), other, "", KNOWN_KEYS),
            }
        }
    }

    fn unknown(&mut self, span: Range<usize>, key: &str, table: &str, known: &[&str]) {
        self.error(
            Kind::UnknownKey,
            span,
            format!("unknown key `{}`{table}", excerpt(key)),
            Some(format!(
                "known keys{}: {}",
                if table.is_empty() { "" } else { " here" },
                known.join(", ")
            )),
        );
    }

    /// The string in `value`, or a diagnostic (wrong type, control characters).
    fn string<'v>(
        &mut self,
        key: &str,
        value: &'v Spanned<DeValue<'_>>,
        expected: &str,
    ) -> Option<&'v str> {
        let Some(s) = value.get_ref().as_str() else {
            self.error(
                Kind::WrongType,
                value.span(),
                format!(
                    "`{key}` must be {expected}, not {}",
                    type_name(value.get_ref())
                ),
                None,
            );
            return None;
        };
        if let Some(i) = s.find(char::is_control) {
            let c = s[i..].chars().next().unwrap_or('\0');
            self.error(
                Kind::ControlChar,
                value.span(),
                format!(
                    "`{key}` holds a control character ({})",
                    visible(&c.to_string())
                ),
                Some("settings are plain text: remove the character".into()),
            );
            return None;
        }
        Some(s)
    }

    fn choice<T: ValueEnum>(&mut self, key: &str, value: &Spanned<DeValue<'_>>) -> Option<T> {
        let names = names::<T>();
        let s = self.string(key, value, "a string")?;
        let found = T::from_str(s.trim(), true).ok();
        if found.is_none() {
            self.error(
                Kind::BadValue,
                value.span(),
                format!("`{key}` cannot be `{}`", excerpt(s)),
                Some(format!("one of: {}", names.join(", "))),
            );
        }
        found
    }

    fn boolean(&mut self, key: &str, value: &Spanned<DeValue<'_>>) -> Option<bool> {
        let b = value.get_ref().as_bool();
        if b.is_none() {
            self.error(
                Kind::WrongType,
                value.span(),
                format!(
                    "`{key}` must be true or false, not {}",
                    type_name(value.get_ref())
                ),
                None,
            );
        }
        b
    }

    fn language(&mut self, value: &Spanned<DeValue<'_>>) -> Option<String> {
        let s = self
            .string("language", value, "a language tag such as \"en\"")?
            .trim();
        let ok = is_language_tag(s);
        if !ok {
            self.error(
                Kind::BadValue,
                value.span(),
                format!("`language` cannot be `{}`", excerpt(s)),
                Some("a language tag such as en, zh-Hans or zh-CN".into()),
            );
        }
        ok.then(|| s.to_string())
    }

    fn keys(&mut self, value: &Spanned<DeValue<'_>>, actions: &[&str]) {
        let Some(table) = value.get_ref().as_table() else {
            let found = type_name(value.get_ref());
            self.error(
                Kind::WrongType,
                value.span(),
                format!("`keys` must be a table of action = keys, not {found}"),
                Some("[keys]\nnext-page = [\"x\", \"pagedown\"]".into()),
            );
            return;
        };
        // A key bound to two actions is not an error here: overlay and page keys share
        // letters (`j` scrolls a box, `g` goes to the first page); the key table decides.
        let mut entries: Vec<Entry<'_, '_>> = table.iter().collect();
        entries.sort_by_key(|(k, _)| k.span().start);
        for entry in entries {
            self.binding(entry, actions);
        }
    }

    /// One `action = "key"` or `action = ["key", …]`.
    fn binding(&mut self, (name, value): Entry<'_, '_>, actions: &[&str]) {
        let action = name.get_ref().as_ref();
        if !actions.contains(&action) {
            return self.unknown(name.span(), action, " in [keys]", actions);
        }
        let items: Vec<&Spanned<DeValue<'_>>> = match value.get_ref() {
            DeValue::Array(a) => a.iter().collect(),
            _ => vec![value],
        };
        if items.len() > MAX_KEYS_PER_ACTION {
            let msg = format!(
                "`{action}` has {} keys; at most {MAX_KEYS_PER_ACTION}",
                items.len()
            );
            return self.error(Kind::TooMany, value.span(), msg, None);
        }
        let unbind = items.is_empty();
        let mut specs = Vec::new();
        for item in items {
            let Some(text) = self.string(action, item, "a key or a list of keys") else {
                continue;
            };
            match text.parse::<KeySpec>() {
                Err(why) => self.error(
                    Kind::BadValue,
                    item.span(),
                    why,
                    Some(format!("a key is {KEY_SYNTAX}")),
                ),
                Ok(spec) => specs.push(spec),
            }
        }
        // `[]` unbinds; a list whose keys were all refused leaves the defaults.
        if unbind || !specs.is_empty() {
            self.layer.keys.push((action.to_string(), specs));
        }
    }
}

/// A plausible language tag: `en`, `zh-Hans`, `zh_CN` (resolved against the story later).
pub fn is_language_tag(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_LANGUAGE
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The names a value enum is written with (`high-contrast`), hidden ones left out.
pub fn names<T: ValueEnum>() -> Vec<String> {
    T::value_variants()
        .iter()
        .filter_map(|v| v.to_possible_value())
        .filter(|p| !p.is_hide_set())
        .map(|p| p.get_name().to_string())
        .collect()
}

fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}
