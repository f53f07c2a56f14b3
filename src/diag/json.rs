//! Diagnostics as JSON Lines (`comicterm check --format json`, docs/format.md): one object a
//! line, each diagnostic in the order the text report shows it, then one `summary` object.
//! JSON Lines rather than one document so that an editor or CI step can read the problems
//! as they come and match them line by line (problem matchers work on lines).
//!
//! Strings keep the story's exact text; the encoder escapes every control and invisible
//! character (C0, DEL, C1, bidi controls, zero-width characters, line separators) as
//! `\uXXXX`, so the output holds no raw control byte even when printed to a terminal.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};

use super::{Diagnostic, Diags};
use crate::text::{is_contextual, is_invisible_format};

/// The `version` of every object: raised when a field changes meaning or goes away (new
/// fields may be added without a new version).
pub const JSON_VERSION: u32 = 1;

/// The story's counts, for the summary of a story that passes.
#[derive(Debug, Clone, Serialize)]
pub struct StoryCounts {
    pub pages: usize,
    pub panels: usize,
    pub notes: usize,
    pub languages: Vec<String>,
}

#[derive(Serialize)]
struct Record<'a> {
    version: u32,
    r#type: &'static str,
    severity: &'static str,
    kind: &'static str,
    message: &'a str,
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    hint: Option<&'a str>,
    blocks_viewing: bool,
}

/// Errors that are counted but not shown (past the per-file or total limit).
#[derive(Serialize)]
struct OmittedRecord<'a> {
    version: u32,
    r#type: &'static str,
    severity: &'static str,
    kind: &'static str,
    message: &'a str,
    file: &'a str,
    errors: usize,
    files: usize,
}

#[derive(Serialize)]
struct Summary<'a> {
    version: u32,
    r#type: &'static str,
    ok: bool,
    errors: usize,
    files: usize,
    story: Option<&'a StoryCounts>,
}

/// The JSON Lines report: the diagnostics (as many as the text report shows, then the
/// counts of the rest) and a closing summary; `story` is given when the story passes.
pub fn render_json(diags: &[Diagnostic], story: Option<&StoryCounts>) -> String {
    let mut shown = Diags::new();
    diags.iter().for_each(|d| shown.push(d.clone()));
    let (errors, files) = shown.totals();
    let mut out = Vec::new();
    for d in shown.into_vec() {
        let end = d.file.line_col(d.span.end);
        let _ = match d.omitted {
            None => write_line(
                &mut out,
                &Record {
                    version: JSON_VERSION,
                    r#type: "diagnostic",
                    severity: "error",
                    kind: d.kind.code(),
                    message: &d.message,
                    file: &d.file.name,
                    line: d.line,
                    column: d.col,
                    end_line: end.0,
                    end_column: end.1,
                    hint: d.hint.as_deref(),
                    blocks_viewing: d.kind.blocks_viewing(),
                },
            ),
            Some(o) => write_line(
                &mut out,
                &OmittedRecord {
                    version: JSON_VERSION,
                    r#type: "omitted",
                    severity: "note",
                    kind: d.kind.code(),
                    message: &d.message,
                    file: &d.file.name,
                    errors: o.errors,
                    files: o.files,
                },
            ),
        };
    }
    let summary = Summary {
        version: JSON_VERSION,
        r#type: "summary",
        ok: errors == 0,
        errors,
        files,
        story: story.filter(|_| errors == 0),
    };
    let _ = write_line(&mut out, &summary);
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

fn write_line(out: &mut Vec<u8>, value: &impl Serialize) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, SafeFormatter);
    value.serialize(&mut ser)?;
    out.push(b'\n');
    Ok(())
}

/// Compact JSON whose strings hold no raw control or invisible character: serde_json
/// escapes C0 controls, quotes and backslashes; this escapes the rest as `\uXXXX`.
struct SafeFormatter;

impl Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut plain = 0;
        for (i, c) in fragment.char_indices() {
            if needs_escape(c) {
                writer.write_all(&fragment.as_bytes()[plain..i])?;
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                plain = i + c.len_utf8();
            }
        }
        CompactFormatter.write_string_fragment(writer, &fragment[plain..])
    }
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || is_invisible_format(c)
        || is_contextual(c)
        || matches!(c, '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Kind, SourceText};

    fn lines(out: &str) -> Vec<serde_json::Value> {
        out.lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect()
    }

    #[test]
    fn each_diagnostic_is_a_line_then_a_summary() {
        let f = SourceText::new("panels/x.toml", "a = 1\nimg = 2\n");
        let d = Diagnostic::new(Kind::UnknownKey, &f, 6..9, "bad".into()).with_hint("known");
        let out = render_json(&[d], None);
        let v = lines(&out);
        assert_eq!(v.len(), 2);
        assert_eq!(v[0]["version"], JSON_VERSION);
        assert_eq!(v[0]["type"], "diagnostic");
        assert_eq!(v[0]["kind"], "unknown-key");
        assert_eq!(v[0]["file"], "panels/x.toml");
        assert_eq!((&v[0]["line"], &v[0]["column"]), (&2.into(), &1.into()));
        assert_eq!(
            (&v[0]["end_line"], &v[0]["end_column"]),
            (&2.into(), &4.into())
        );
        assert_eq!(v[0]["hint"], "known");
        assert_eq!(v[1]["type"], "summary");
        assert_eq!((&v[1]["ok"], &v[1]["errors"]), (&false.into(), &1.into()));
        assert!(v[1]["story"].is_null());
    }

    #[test]
    fn a_passing_story_is_one_summary_with_its_counts() {
        let counts = StoryCounts {
            pages: 1,
            panels: 2,
            notes: 3,
            languages: vec!["en".into()],
        };
        let v = lines(&render_json(&[], Some(&counts)));
        assert_eq!(v.len(), 1);
        assert_eq!(v[0]["ok"], true);
        assert_eq!(v[0]["story"]["panels"], 2);
        assert_eq!(v[0]["story"]["languages"][0], "en");
    }

    #[test]
    fn controls_are_escaped_and_the_text_kept() {
        let evil = "x\u{1b}]52;c;eA==\u{7}\u{7f}\u{9b}2J\u{202e}\u{200b}\u{2028}\"\\你";
        let f = SourceText::new(evil, evil);
        let d = Diagnostic::new(Kind::ControlChar, &f, 1..2, evil.into()).with_hint(evil);
        let out = render_json(&[d], None);
        assert!(
            !out.trim_end().chars().any(|c| needs_escape(c) && c != '\n'),
            "{out:?}"
        );
        assert!(out.contains("\\u001b") && out.contains("\\u009b") && out.contains("\\u202e"));
        let v = lines(&out);
        for field in ["message", "file", "hint"] {
            assert_eq!(v[0][field], evil, "{field} decodes to the exact text");
        }
    }
}
