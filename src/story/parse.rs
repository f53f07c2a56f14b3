//! TOML text to raw structs, turning toml's errors into located diagnostics.

use std::ops::Range;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::check::limits::{MAX_PANEL_VALUES, MAX_STORY_VALUES};
use super::raw::{RawPanel, RawStory};
use crate::diag::{Diagnostic, Kind, SourceText, excerpt, thousands};

/// Parses a panel file, refusing one with more values than a panel within the limits can
/// have ([`MAX_PANEL_VALUES`]) before the parser builds them.
pub fn parse_panel(file: &Arc<SourceText>) -> Result<RawPanel, Diagnostic> {
    refuse_many_values(
        file,
        MAX_PANEL_VALUES,
        "a panel within the limits (100 lines, 100 notes, 50 citations per note) has fewer \
         than 20,000",
    )?;
    parse(file)
}

/// Parses `story.toml`, refusing it with more than [`MAX_STORY_VALUES`] values.
pub fn parse_story(file: &Arc<SourceText>) -> Result<RawStory, Diagnostic> {
    refuse_many_values(
        file,
        MAX_STORY_VALUES,
        "a story of 20,000 panels on 5,000 pages, with 10,000 sources and 10,000 characters in two languages, has about 330,000",
    )?;
    parse(file)
}

fn refuse_many_values(file: &Arc<SourceText>, max: usize, why: &str) -> Result<(), Diagnostic> {
    match value_past(&file.text, max) {
        None => Ok(()),
        Some(at) => Err(Diagnostic::new(
            Kind::TooMany,
            file,
            at..at + 1,
            format!(
                "this file has more than {} values (keys, list items, tables); it is not read \
                 further",
                thousands(max)
            ),
        )
        .with_hint(format!("{why}; see docs/format.md (\"Limits\")"))),
    }
}

/// Longest message kept from the TOML parser, in characters (serde quotes whole values).
const MAX_MESSAGE_CHARS: usize = 300;

/// Parses `file` as `T`; on failure, one diagnostic with the kind sorted out.
pub fn parse<T: DeserializeOwned>(file: &Arc<SourceText>) -> Result<T, Diagnostic> {
    // The source text has no byte order mark (`SourceText::new`), so toml's spans are
    // offsets into it as they are.
    toml::from_str(&file.text).map_err(|e| {
        let span = match e.span() {
            Some(s) => s,
            None if e.message().contains("recursion limit") => deep_key(&file.text).unwrap_or(0..0),
            None => 0..0,
        };
        let (kind, mut message, hint) = classify(&shorten(e.message()));
        if e.message().contains("recursion limit") {
            message =
                "this key nests more than 80 levels deep (the parser's recursion limit)".into();
        }
        if kind == Kind::DuplicateKey
            && let Some(key) = file
                .text
                .get(span.clone())
                .filter(|k| !k.is_empty() && !k.contains('\n'))
        {
            message = format!("duplicate key `{}`", excerpt(key));
        }
        let hint = hint.or_else(|| {
            message
                .contains("recursion limit")
                .then(|| "keys and tables nest at most 80 levels deep; a story needs 3".into())
        });
        let d = Diagnostic::new(kind, file, span, message);
        match hint {
            Some(h) => d.with_hint(h),
            None => d,
        }
    })
}

/// The message cut to [`MAX_MESSAGE_CHARS`] (it may quote a whole value from the file).
fn shorten(msg: &str) -> String {
    match msg.char_indices().nth(MAX_MESSAGE_CHARS) {
        None => msg.to_string(),
        Some((i, _)) => format!("{}…", &msg[..i]),
    }
}

/// The first dotted key or table header with more parts than toml nests (it reports that
/// without a span): its span. A line scan, quoted parts included.
fn deep_key(text: &str) -> Option<Range<usize>> {
    const LIMIT: usize = 80;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(span) = longest_dotted(line).filter(|(_, parts)| *parts >= LIMIT) {
            return Some(offset + span.0.start..offset + span.0.end);
        }
        offset += line.len();
    }
    None
}

/// The longest run of `part.part.part` on a line (bare or quoted parts, spaces around
/// the dots): its byte range and number of parts.
fn longest_dotted(line: &str) -> Option<(Range<usize>, usize)> {
    let b = line.as_bytes();
    let bare = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'-';
    // End of the key part starting at `i`, if one starts there.
    let part_end = |i: usize| -> Option<usize> {
        match b.get(i)? {
            b'"' | b'\'' => {
                let q = b[i];
                let mut j = i + 1;
                while j < b.len() && b[j] != q && b[j] != b'\n' {
                    j += if q == b'"' && b[j] == b'\\' { 2 } else { 1 };
                }
                (j < b.len() && b[j] == q).then_some(j + 1)
            }
            &c if bare(c) => Some(i + b[i..].iter().take_while(|&&c| bare(c)).count()),
            _ => None,
        }
    };
    let skip_space = |mut i: usize| {
        while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        }
        i
    };
    let mut best: Option<(Range<usize>, usize)> = None;
    let mut i = 0;
    while i < b.len() {
        let Some(mut end) = part_end(i) else {
            i += 1;
            continue;
        };
        let (start, mut parts) = (i, 1);
        loop {
            let dot = skip_space(end);
            if b.get(dot) != Some(&b'.') {
                break;
            }
            match part_end(skip_space(dot + 1)) {
                Some(e) => {
                    end = e;
                    parts += 1;
                }
                None => break,
            }
        }
        if best.as_ref().is_none_or(|(_, p)| parts > *p) {
            best = Some((start..end, parts));
        }
        i = end.max(i + 1);
    }
    best
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

/// Where the `max + 1`-th value of `text` starts, if it has more than `max`: a scan for
/// `=`, `,`, `[` and `{` outside strings and comments, which bounds the number of values
/// the parser would build (its memory: a few hundred bytes each, however short they are).
pub fn value_past(text: &str, max: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => {
                i += b[i..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .unwrap_or(b.len() - i);
                continue;
            }
            q @ (b'"' | b'\'') => {
                let triple = b[i..].starts_with(&[q, q, q]);
                i += if triple { 3 } else { 1 };
                while i < b.len() {
                    if q == b'"' && b[i] == b'\\' {
                        i += 2;
                    } else if triple && b[i..].starts_with(&[q, q, q]) {
                        // Up to two more quotes may end the string's content.
                        i += 3;
                        while i < b.len() && b[i] == q {
                            i += 1;
                        }
                        break;
                    } else if !triple && (b[i] == q || b[i] == b'\n') {
                        i += 1;
                        break;
                    } else {
                        i += 1;
                    }
                }
                continue;
            }
            b'=' | b',' | b'[' | b'{' => {
                count += 1;
                if count > max {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The `id` of a panel file that failed to parse as a panel, if it can be found: from the
/// file as TOML, or (when it is not valid TOML) from a top-level `id = "..."` line.
pub fn panel_id_of(file: &SourceText) -> Option<String> {
    if value_past(&file.text, MAX_PANEL_VALUES).is_none()
        && let Ok(table) = toml::from_str::<toml::Table>(&file.text)
    {
        return table.get("id")?.as_str().map(str::to_string);
    }
    for line in file.text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            break;
        }
        let Some(rest) = line.strip_prefix("id") else {
            continue;
        };
        let Some(value) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let value = value.trim();
        for q in ['"', '\''] {
            if let Some(inner) = value.strip_prefix(q)
                && let Some(end) = inner.find(q)
                && !inner[..end].contains('\\')
            {
                return Some(inner[..end].to_string());
            }
        }
        return None;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> Arc<SourceText> {
        SourceText::new("panels/story.toml", text)
    }

    #[test]
    fn a_key_nested_too_deep_is_located_on_its_line() {
        let deep = vec!["a"; 100].join(".");
        for text in [
            format!("x = 1\ny = 2\n{deep} = 1\n"),
            format!("x = 1\n\n[{deep}]\nz = 1\n"),
            format!("x = 1\nt = {{ {} = 1 }}\n", vec!["\"q.q\""; 90].join(" . ")),
        ] {
            let d = parse::<toml::Table>(&file(&text)).unwrap_err();
            assert!(d.line > 1, "{text}: {}:{} {}", d.line, d.col, d.message);
            assert!(
                d.hint.as_deref().unwrap_or("").contains("80"),
                "{:?}",
                d.hint
            );
        }
    }

    #[test]
    fn long_values_in_toml_messages_are_cut() {
        let text = format!("schema = \"{}\"\n", "x".repeat(100_000));
        #[derive(serde::Deserialize, Debug)]
        struct S {
            #[allow(dead_code)]
            schema: i64,
        }
        let d = parse::<S>(&file(&text)).unwrap_err();
        assert!(
            d.message.chars().count() <= MAX_MESSAGE_CHARS + 1,
            "{}",
            d.message.len()
        );
    }

    #[test]
    fn values_are_counted_outside_strings_and_comments() {
        let text = "a = 1 # = , [\nb = [\"=,[{\", '=,', \"\"\"\n=,[\\\"\"\"\"\"]\n[t]\nc = { d = '''='''}\n";
        // a =, b =, [, two commas, [t], c =, {, d =: nine.
        assert_eq!(value_past(text, 9), None);
        let ninth = value_past(text, 8).unwrap();
        assert_eq!(&text[ninth..ninth + 5], "= '''");
        assert_eq!(value_past("x = [1,2,3]", 2), Some(6));
    }

    #[test]
    fn the_id_of_a_broken_panel_file_is_still_found() {
        for (text, id) in [
            ("id = \"a1\"\nalt = { en = \"x\" \n", Some("a1")),
            ("# c\n  id='b-2'  \nalt = 1\nalt = 2\n", Some("b-2")),
            ("alt = \"x\"\n[[line]]\nid = \"no\"\n=\n", None),
            ("identity = \"no\"\n=\n", None),
        ] {
            assert_eq!(panel_id_of(&file(text)).as_deref(), id, "{text}");
        }
    }
}
