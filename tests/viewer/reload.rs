//! The live-reload problems box: a save that does not load, as the reader sees it over the
//! last version that did, in both languages and at the smallest and a large size; and a
//! hostile report (control sequences in the quoted line) drawn harmlessly.

use std::fs;

use comicterm::app::{Action, App};
use comicterm::reload::{Reloaded, reload};

use crate::support::frame;
use crate::support::story::builtin;

/// `check`'s report on a new story whose second panel file was saved half-written.
fn broken_report(tail: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    comicterm::scaffold::write(dir.path(), &["en".to_string()], false).unwrap();
    fs::write(dir.path().join("panels/02-end.toml"), tail).unwrap();
    match reload(dir.path()) {
        Reloaded::Broken(report) => report,
        other => panic!("expected a report, got {other:?}"),
    }
}

fn with_problems<'s>(app: App<'s>, report: &str) -> App<'s> {
    let mut app = app;
    app.story_problems(Some(report.to_string()));
    app
}

#[test]
fn the_problems_box_in_both_languages() {
    let s = builtin();
    let report = broken_report("id = \n");
    for size in [(80, 24), (160, 48)] {
        for lang in ["en", "zh-Hans"] {
            let app = frame::app(s, Some(lang), size, &[Action::NextPage]);
            let t = frame::terminal(&with_problems(app, &report));
            let name = format!("problems_{lang}_{}x{}", size.0, size.1);
            insta::assert_snapshot!(name, t.backend());
        }
    }
}

#[test]
fn a_hostile_report_is_drawn_without_its_control_sequences() {
    let s = builtin();
    let report = broken_report("id = \"\x1b]52;c;ZXZpbA==\x07\x1b[2J\u{202e}evil\n");
    let app = with_problems(frame::app(s, None, (120, 40), &[]), &report);
    let buf = frame::buffer(&app);
    let text: String = buf.content().iter().map(|c| c.symbol()).collect();
    assert!(text.contains("02-end.toml"), "{text}");
    for bad in ['\x1b', '\x07', '\u{202e}'] {
        assert!(!text.contains(bad), "{bad:?} reached the screen");
    }
}
