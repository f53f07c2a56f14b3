//! Diagnostics rendering: fuzzed story and panel texts are loaded and every diagnostic is
//! rendered. Each location agrees with a plain scan of the text (line and column from 1,
//! counted in characters), each rendering is small (a window of the source, never the whole
//! file) and clean (no control character but newline), and the report keeps its caps: at
//! most 50 errors per file and 1,000 in all, then one count line, with the closing total
//! counting every error. A diagnostic with a fuzzed span on fuzzed text says the same.
#![no_main]

use comicterm::diag::{Diagnostic, Kind, MAX_SHOWN, MAX_SHOWN_PER_FILE, SourceText, render_all};
use libfuzzer_sys::fuzz_target;

/// Files are separated by this line: the first is `story.toml`, the others panel files.
const SEP: &str = "\n%%%\n";

/// Largest rendering of one diagnostic, in bytes.
const MAX_RENDERED: usize = 16 * 1024;

fn naive_line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

fn check_one(d: &Diagnostic) {
    if d.omitted.is_none() {
        assert!(d.span.start <= d.span.end && d.span.end <= d.file.text.len());
        assert_eq!(
            (d.line, d.col),
            naive_line_col(&d.file.text, d.span.start),
            "{d:?}"
        );
    }
    for styled in [false, true] {
        let out = d.render(styled);
        assert!(out.len() <= MAX_RENDERED, "{} bytes", out.len());
        let clean = comicterm::text::strip_sgr(&out);
        assert!(
            !clean.chars().any(|c| c.is_control() && c != '\n'),
            "{clean:?}"
        );
        if d.omitted.is_none() && !styled {
            let at = format!(
                "{}:{}:{}",
                d.location().split(':').next().unwrap_or(""),
                d.line,
                d.col
            );
            assert!(clean.contains(&at), "{at} not in {clean}");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let Ok(text) = std::str::from_utf8(&data[2..]) else {
        return;
    };
    // A diagnostic with a fuzzed span on the whole text.
    let file = SourceText::new("panels/x.toml", text);
    let start = usize::from(data[0]) * 131 % (file.text.len() + 2);
    let d = Diagnostic::new(
        Kind::Syntax,
        &file,
        start..start + usize::from(data[1]) * 17,
        "x".into(),
    );
    check_one(&d);

    let mut parts = text.split(SEP);
    let story = parts.next().unwrap_or("");
    let names: Vec<String> = (0..)
        .take(parts.clone().count())
        .map(|i| format!("{i}.toml"))
        .collect();
    let panels: Vec<(&str, &str)> = names.iter().map(String::as_str).zip(parts).collect();
    let outcome = comicterm::story::load_texts(story, &panels);
    let diags = &outcome.diagnostics;
    let mut per_file = std::collections::HashMap::new();
    let mut total = 0;
    for d in diags {
        check_one(d);
        match d.omitted {
            Some(o) => total += o.errors,
            None => {
                total += 1;
                *per_file.entry(d.file.name.clone()).or_insert(0) += 1;
            }
        }
    }
    assert!(
        per_file.values().all(|&n| n <= MAX_SHOWN_PER_FILE),
        "{per_file:?}"
    );
    assert!(per_file.values().sum::<usize>() <= MAX_SHOWN);
    let report = render_all(diags, false);
    let last = report.trim_end().lines().last().unwrap_or("");
    assert!(
        last.starts_with(&format!("{total} error")),
        "{last} vs {total}"
    );
    assert!(report.len() <= (MAX_SHOWN + 2) * MAX_RENDERED);
});
