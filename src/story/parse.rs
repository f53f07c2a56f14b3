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
        let (kind, message, hint) = classify(e.message());
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
        return (Kind::WrongType, msg.to_string(), None);
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
