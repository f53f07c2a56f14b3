//! TOML text to raw structs, turning toml's errors into located diagnostics.

use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Kind, SourceText};

/// Parses `file` as `T`; on failure, one diagnostic with the kind sorted out.
pub fn parse<T: DeserializeOwned>(file: &Arc<SourceText>) -> Result<T, Diagnostic> {
    let text = file.text.strip_prefix('\u{feff}').unwrap_or(&file.text);
    let bom = file.text.len() - text.len();
    toml::from_str(text).map_err(|e| {
        let span = e.span().map_or(0..0, |s| s.start + bom..s.end + bom);
        let (kind, mut message, hint) = classify(e.message());
        if kind == Kind::DuplicateKey
            && let Some(key) = file
                .text
                .get(span.clone())
                .filter(|k| !k.is_empty() && !k.contains('\n'))
        {
            message = format!("duplicate key `{key}`");
        }
        let d = Diagnostic::new(kind, file, span, message);
        match hint {
            Some(h) => d.with_hint(h),
            None => d,
        }
    })
}

/// Sorts a toml/serde message into a kind, a message and a hint.
fn classify(msg: &str) -> (Kind, String, Option<String>) {
    let msg = msg.trim();
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let (key, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let hint = (!expected.is_empty()).then(|| {
            format!(
                "known keys here: {}",
                expected.trim_start_matches("one of ")
            )
        });
        return (Kind::UnknownKey, format!("unknown key {key}"), hint);
    }
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return (Kind::MissingKey, format!("missing key {rest}"), None);
    }
    if msg.starts_with("invalid type") {
        let friendly = msg.replace("expected i64", "expected an integer");
        return (Kind::WrongType, friendly, None);
    }
    if msg.starts_with("duplicate key") {
        return (
            Kind::DuplicateKey,
            msg.to_string(),
            Some("each key appears once per table".into()),
        );
    }
    if msg.contains("invalid value") || msg.starts_with("invalid length") {
        return (Kind::WrongType, msg.to_string(), None);
    }
    (Kind::Syntax, msg.to_string(), None)
}

/// The `id` of a panel file that failed to parse as a panel, if it is TOML at all.
pub fn panel_id_of(file: &SourceText) -> Option<String> {
    let table: toml::Table = toml::from_str(&file.text).ok()?;
    table.get("id")?.as_str().map(str::to_string)
}
