//! `render` writes exactly the viewer's frame; `export` writes a transcript.

use std::process::Command;

use comicterm::app::{Action, Position};
use comicterm::art::Graphics;
use comicterm::cli::{ExportFormat, RenderArgs, RenderFormat, ViewArgs, ViewKind};
use comicterm::headless::{export, render};
use comicterm::story::Story;
use comicterm::ui::dump;
use unicode_width::UnicodeWidthStr;

use crate::support::frame;
use crate::support::story::builtin;

fn args(page: usize, size: (u16, u16), format: RenderFormat) -> RenderArgs {
    RenderArgs {
        path: None,
        page,
        panel: None,
        view: ViewKind::Page,
        size,
        commentary: false,
        help_overlay: false,
        overview: false,
        side: false,
        format,
    }
}

fn rendered(story: &Story, args: &RenderArgs, lang: Option<&str>) -> String {
    // Without art, the frame is exactly what `ui` draws from a plain `ViewCtx`.
    let view = ViewArgs {
        lang: lang.map(String::from),
        graphics: Some(Graphics::None),
        ..ViewArgs::default()
    };
    let mut out = Vec::new();
    render(story, args, &view, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn render_text_is_the_viewer_frame() {
    let s = builtin();
    let mut a = args(3, (100, 30), RenderFormat::Text);
    // Panel 10 of the story (page 3's second), numbered as the status bar numbers it.
    a.panel = Some(10);
    a.view = ViewKind::Panel;
    a.commentary = true;
    let text = rendered(s, &a, Some("zh-Hans"));

    let actions = [
        Action::GoTo(Position { page: 2, panel: 1 }),
        Action::ToggleView,
        Action::ToggleCommentary,
    ];
    let t = frame::terminal(&frame::app(s, Some("zh-Hans"), (100, 30), &actions));
    assert_eq!(text, dump::text(t.backend().buffer()));
    assert_eq!(text.lines().count(), 30);
    assert!(text.lines().all(|l| l.width() <= 100 && l == l.trim_end()));
    assert!(text.contains("评注") && text.contains("第 10 格"), "{text}");
}

#[test]
fn render_ansi_has_colours_and_no_cursor_moves() {
    let s = builtin();
    let ansi = rendered(s, &args(1, (80, 24), RenderFormat::Ansi), None);
    assert_eq!(ansi.lines().count(), 24);
    assert!(ansi.lines().all(|l| l.ends_with("\x1b[0m")));
    assert!(ansi.contains("\x1b[0;33m"), "captions are yellow");
    let csi_finals: Vec<char> = ansi
        .split("\x1b[")
        .skip(1)
        .filter_map(|p| p.chars().find(|c| c.is_ascii_alphabetic()))
        .collect();
    assert!(csi_finals.iter().all(|c| *c == 'm'), "only SGR sequences");
    let plain = rendered(s, &args(1, (80, 24), RenderFormat::Text), None);
    let stripped: String = ansi
        .lines()
        .map(|l| comicterm::text::strip_sgr(l).trim_end().to_string() + "\n")
        .collect();
    assert_eq!(stripped, plain);
}

#[test]
fn render_rejects_missing_pages_and_panels() {
    let s = builtin();
    let view = ViewArgs::default();
    let mut sink = Vec::new();
    // Panels are numbered across the story: 0 and one past the last do not exist.
    let past = s.panel_count() + 1;
    for (page, panel) in [(0, None), (5, None), (1, Some(0)), (1, Some(past))] {
        let mut a = args(page, (80, 24), RenderFormat::Text);
        a.panel = panel;
        assert!(render(s, &a, &view, &mut sink).is_err(), "{page} {panel:?}");
    }
}

#[test]
fn render_binary_prints_the_frame() {
    let out = Command::new(env!("CARGO_BIN_EXE_comicterm"))
        .args([
            "render",
            "--page",
            "2",
            "--size",
            "90x30",
            "--graphics",
            "none",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let s = builtin();
    let expected = rendered(s, &args(2, (90, 30), RenderFormat::Text), None);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
}

#[test]
fn export_is_a_plain_transcript() {
    let s = builtin();
    for lang in ["en", "zh-Hans"] {
        let view = ViewArgs {
            lang: Some(lang.into()),
            ..ViewArgs::default()
        };
        let mut out = Vec::new();
        export(s, ExportFormat::Text, &view, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with(s.title.get(lang)));
        assert!(text.contains(s.summary.get(lang)));
        assert!(
            !text.chars().any(|c| ('\u{2500}'..='\u{257f}').contains(&c)),
            "no box drawing"
        );
        for panel in s.panels() {
            assert!(
                text.contains(panel.alt.get(lang)),
                "alt text of panel {}",
                panel.number
            );
            for line in &panel.lines {
                assert!(text.contains(line.text.get(lang)));
            }
            for note in &panel.notes {
                assert!(text.contains(note.text.get(lang)));
            }
        }
        let cited: std::collections::BTreeSet<&str> = s
            .panels()
            .flat_map(|p| {
                p.notes
                    .iter()
                    .flat_map(|n| n.cites.iter().map(String::as_str))
            })
            .collect();
        for (i, id) in cited.iter().enumerate() {
            let src = s.source(id).unwrap();
            let (title, _) = src.title.get(lang);
            assert_eq!(text.matches(title).count().min(1), 1, "{id}");
            if let Some(d) = src.title.description(lang) {
                assert!(text.contains(d), "{id}: description in {lang}");
            }
            assert!(text.contains(&format!("\n[{}] ", i + 1)));
        }
    }
}
