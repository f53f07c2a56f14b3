//! Hostile input for the reader's files (issue 12): config text, state files and key specs
//! built from generated pieces never panic; config problems are rendered without a control
//! character; a state file that loads is one this build could have written.

use comicterm::config::{self, KeySpec};
use comicterm::diag::render_all;
use comicterm::state_file::StateDir;
use proptest::prelude::*;

/// Pieces of TOML and of hostile text, glued into config files.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\n".to_string()),
        Just("[keys]\n".to_string()),
        Just("[keys.x]\n".to_string()),
        Just("theme = ".to_string()),
        Just("view = ".to_string()),
        Just("language = ".to_string()),
        Just("resume = ".to_string()),
        Just("quit = ".to_string()),
        Just("next-page = [".to_string()),
        Just("]".to_string()),
        Just("\"".to_string()),
        Just("'''".to_string()),
        Just("\"high-contrast\"".to_string()),
        Just("\"ctrl-\"".to_string()),
        Just("\"shift-tab\"".to_string()),
        Just("\\u001b".to_string()),
        Just("\x1b]52;c;aGk=\x07".to_string()),
        Just("\u{9b}".to_string()),
        Just("\u{202e}".to_string()),
        Just("页".to_string()),
        Just("{ a = 1 }".to_string()),
        Just("1979-05-27".to_string()),
        Just("1e400".to_string()),
        Just(",".to_string()),
        Just("=".to_string()),
        "[a-z-]{1,12}",
        any::<String>(),
    ]
}

fn file() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn configs_never_panic_and_render_safely(text in file()) {
        let loaded = config::parse_text("config.toml", &text, &config::default_actions());
        let out = render_all(&loaded.diagnostics, false);
        prop_assert!(
            !out.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{out:?}"
        );
        for d in &loaded.diagnostics {
            prop_assert!(d.line >= 1 && d.col >= 1);
        }
    }

    #[test]
    fn the_default_file_cut_anywhere_never_panics(cut in 0usize..4000) {
        let text = config::default_file(&config::default_bindings());
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let _ = config::parse_text("config.toml", &text[..at], &config::default_actions());
    }

    #[test]
    fn key_specs_print_back_to_themselves(s in "\\PC{0,12}") {
        if let Ok(spec) = s.parse::<KeySpec>() {
            let shown = spec.to_string();
            prop_assert_eq!(shown.parse::<KeySpec>(), Ok(spec), "{} -> {}", s, shown);
        }
    }

    #[test]
    fn state_files_of_any_bytes_load_or_explain(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let t = tempfile::tempdir().unwrap();
        let dir = StateDir::at(t.path());
        std::fs::write(dir.path_for("story"), &bytes).unwrap();
        let loaded = dir.load("story");
        prop_assert!(loaded.saved.is_some() != loaded.message.is_some());
        if let Some(m) = loaded.message {
            prop_assert!(!m.chars().any(char::is_control), "{m:?}");
        }
    }
}

#[test]
fn a_saved_state_cut_anywhere_loads_or_explains() {
    let t = tempfile::tempdir().unwrap();
    let dir = StateDir::at(t.path());
    let saved = comicterm::state_file::Saved {
        story: "story".into(),
        content: 42,
        bookmarks: ["a", "b\"c", "页"]
            .iter()
            .map(ToString::to_string)
            .collect(),
        ..Default::default()
    };
    dir.save(&saved).unwrap();
    let path = dir.path_for("story");
    let whole = std::fs::read(&path).unwrap();
    for cut in 0..whole.len() {
        std::fs::write(&path, &whole[..cut]).unwrap();
        let loaded = dir.load("story");
        match loaded.saved {
            // Only a cut in the closing lines (after the last bookmark) still parses; it
            // must then be the state that was saved.
            Some(s) => assert_eq!(s, saved, "cut at {cut}"),
            None => assert!(loaded.message.is_some(), "cut at {cut}"),
        }
    }
}
