//! TOML text → validated story: never panics; every diagnostic is located (line and column
//! from 1) and renders with no control character but newline.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// Files are separated by this line: the first is `story.toml`, the others panel files.
const SEP: &str = "\n%%%\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.split(SEP);
    let story = parts.next().unwrap_or("");
    let names: Vec<String> = (0..)
        .take(parts.clone().count())
        .map(|i| format!("{i}.toml"))
        .collect();
    let panels: Vec<(&str, &str)> = names.iter().map(String::as_str).zip(parts).collect();
    let outcome = comicterm::story::load_texts(story, &panels);
    for d in &outcome.diagnostics {
        assert!(d.line >= 1 && d.col >= 1, "{d:?}");
        assert!(d.span.start <= d.span.end && d.span.end <= d.file.text.len());
        for styled in [false, true] {
            let out = d.render(styled);
            let stripped = comicterm::text::strip_sgr(&out);
            assert!(
                !stripped.chars().any(|c| c.is_control() && c != '\n'),
                "{stripped:?}"
            );
        }
    }
    if outcome.story.is_some() {
        assert!(outcome.diagnostics.iter().all(|d| !d.kind.blocks_viewing()));
    }
});
