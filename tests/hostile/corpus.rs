//! The hostile corpus (about 100 strings: every C0/C1 control, escape sequences of every
//! family, bidi and invisible characters) placed in every text field of a story: `render
//! --format ansi`, `export` and `check` from the real binary never let any of it through, and
//! `check` reports each with its line and column.

use crate::support::hostile as hostile_support;

use std::process::{Command, Output};

use comicterm::cli::{RenderArgs, RenderFormat, ViewArgs, ViewKind};
use comicterm::diag::Kind;
use comicterm::headless::render;
use comicterm::story::{StorySource, load};
use hostile_support::*;

const BIN: &str = env!("CARGO_BIN_EXE_comicterm");

fn run(args: &[String]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("comicterm runs")
}

fn s(v: &str) -> String {
    v.to_string()
}

#[test]
fn corpus_is_large_enough() {
    let c = corpus();
    assert!(c.len() >= 80, "{}", c.len());
    let unique: std::collections::HashSet<&String> = c.iter().collect();
    assert_eq!(unique.len(), c.len());
}

#[test]
fn the_viewer_still_opens_the_hostile_story() {
    let dir = tempfile::tempdir().unwrap();
    let h = write_story(dir.path());
    let outcome = load(&StorySource::Dir(dir.path().to_path_buf()));
    let blocking: Vec<String> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.kind.blocks_viewing())
        .map(|d| format!("{} {}", d.location(), d.message))
        .collect();
    assert!(blocking.is_empty(), "{blocking:#?}");
    let story = outcome.story.expect("the story can be shown");
    assert_eq!(story.pages.len(), h.pages);
    // Every string in the model is already clean.
    let mut all = vec![
        story.title.get("en").to_string(),
        story.summary.get("en").into(),
    ];
    for p in story.panels() {
        all.push(p.alt.get("en").into());
        all.extend(p.lines.iter().map(|l| l.text.get("en").to_string()));
        all.extend(p.notes.iter().map(|n| n.text.get("en").to_string()));
        all.extend(p.art.iter().map(|a| a.path.clone()));
        if let Some(comicterm::story::ArtOrigin::Broken(reason)) = p.art.as_ref().map(|a| &a.origin)
        {
            all.push(reason.clone());
        }
    }
    for src in &story.sources {
        all.extend(src.title.texts().map(str::to_string));
        all.push(src.publisher.clone());
        all.extend(src.author.clone());
        all.extend(src.url.clone());
    }
    all.extend(story.credits.iter().map(|c| c.name.clone()));
    all.extend(
        story
            .characters
            .iter()
            .map(|c| c.name.get("en").to_string()),
    );
    for (i, text) in all.iter().enumerate() {
        assert_clean(&format!("model string {i}"), text, true);
    }
}

#[test]
fn check_reports_every_string_at_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let h = write_story(dir.path());
    let outcome = load(&StorySource::Dir(dir.path().to_path_buf()));
    let mut reported = 0;
    for (i, text) in h.corpus.iter().enumerate() {
        let name = format!("panels/p{i:03}.toml");
        let alt: Vec<_> = outcome
            .diagnostics
            .iter()
            .filter(|d| d.file.name == name && d.kind == Kind::ControlChar)
            .filter(|d| d.message.starts_with("alt text"))
            .collect();
        match alt_column(text) {
            None => assert!(alt.is_empty(), "{text:?}: {:?}", alt[0].message),
            Some(col) => {
                assert_eq!(alt.len(), 1, "{text:?}");
                assert_eq!((alt[0].line, alt[0].col), (ALT_LINE, col), "{text:?}");
                reported += 1;
            }
        }
        // Line text, caption, note, art path: each reported in this file too.
        let kinds = outcome
            .diagnostics
            .iter()
            .filter(|d| d.file.name == name && d.kind == Kind::ControlChar)
            .count();
        if alt_column(text).is_some() {
            // The art path holds the string unless it has a `/` (then it is `assets/N.png`).
            let expected = if text.contains('/') { 4 } else { 5 };
            assert_eq!(kinds, expected, "{text:?}: alt, 2 lines, note, art path");
        }
    }
    // Only the tab string is allowed (tabs are expanded, not errors).
    assert_eq!(reported, h.corpus.len() - 1);

    // The same through the binary: exit 1, each alt text located, nothing smuggled out.
    let out = run(&[s("check"), dir.path().display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    for (i, text) in h.corpus.iter().enumerate() {
        if let Some(col) = alt_column(text) {
            let loc = format!("panels/p{i:03}.toml:{ALT_LINE}:{col}");
            assert!(stderr.contains(&loc), "{loc} missing for {text:?}");
        }
    }
    // `check` quotes the offending source line, so the escaped payloads are shown as the
    // file's text (`\u001B]52;…`): inert. Raw C1, bidi and invisible characters are written
    // raw in the files; none may reach the output.
    assert_clean("check", &stderr, false);
    assert!(stderr.contains("U+001B (escape)"));
}

#[test]
fn render_ansi_of_every_page_panel_and_overlay_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let h = write_story(dir.path());
    let path = dir.path().display().to_string();
    // Through the binary: every page, and the panel view with commentary of one panel each.
    let mut runs: Vec<Vec<String>> = Vec::new();
    for page in 1..=h.pages {
        let base = vec![
            s("render"),
            path.clone(),
            s("--format"),
            s("ansi"),
            s("--page"),
            page.to_string(),
        ];
        runs.push(base.clone());
        let mut a = base;
        // Panels are numbered across the story (every page holds PER_PAGE of them).
        let panel = (page - 1) * PER_PAGE + (page - 1) % PER_PAGE + 1;
        a.extend([s("--view"), s("panel"), s("--panel"), panel.to_string()]);
        a.extend([s("--size"), s("160x50"), s("--commentary")]);
        runs.push(a);
    }
    let chunks: Vec<&[Vec<String>]> = runs.chunks(runs.len().div_ceil(2)).collect();
    std::thread::scope(|sc| {
        for chunk in chunks {
            sc.spawn(move || {
                for args in chunk {
                    let out = run(args);
                    assert!(out.status.success(), "{args:?}: {:?}", out.status);
                    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
                    assert!(stdout.contains("\x1b[0m"), "{args:?} is ansi");
                    assert_clean(&format!("{args:?}"), &stdout, true);
                    let stderr = String::from_utf8_lossy(&out.stderr);
                    assert_clean(&format!("{args:?} stderr"), &stderr, true);
                }
            });
        }
    });

    // In process, the same `headless::render` the binary calls: every panel, in page and
    // panel view, with and without commentary, at two sizes.
    let story = load(&StorySource::Dir(dir.path().to_path_buf()))
        .story
        .unwrap();
    let view = ViewArgs::default();
    let mut frames = 0;
    for page in 1..=h.pages {
        for panel in 1..=PER_PAGE {
            for kind in [ViewKind::Page, ViewKind::Panel] {
                for commentary in [false, true] {
                    for size in [(160, 50), (60, 20)] {
                        let number = (page - 1) * PER_PAGE + panel;
                        let args = RenderArgs {
                            path: None,
                            page,
                            panel: Some(number),
                            view: kind,
                            size,
                            commentary,
                            help_overlay: false,
                            overview: false,
                            side: false,
                            format: RenderFormat::Ansi,
                        };
                        let mut out = Vec::new();
                        render(&story, &args, &view, &mut out).unwrap();
                        let out = String::from_utf8(out).unwrap();
                        assert_clean(&format!("{args:?}"), &out, true);
                        frames += 1;
                    }
                }
            }
        }
    }
    assert_eq!(frames, h.pages * PER_PAGE * 8);
}

#[test]
fn export_is_clean_and_keeps_the_visible_text() {
    let dir = tempfile::tempdir().unwrap();
    let h = write_story(dir.path());
    let out = run(&[s("export"), dir.path().display().to_string()]);
    assert!(out.status.success(), "{:?}", out.status);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_clean("export", &text, true);
    // What is around the removed characters survives: `x{C0}y` becomes `xy`, and so on.
    assert!(text.contains("Lxy"), "speech text of a control-char panel");
    assert!(text.contains("Oevil") && text.contains("txt.exe"));
    assert!(
        text.contains("Kab"),
        "caption of a removed sequence: `a` and `b` remain"
    );
    // Every panel's alt text is exported.
    assert!(text.matches("[Image: ").count() >= h.corpus.len());
}

#[test]
fn a_folder_of_images_with_hostile_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let png = std::fs::read("assets/01-invitation.png").unwrap();
    let names = [
        "a\x1b]0;ZZPWN\x07b.png",
        "b\x1b]52;c;ZZPWN\x07.png",
        "c\u{202e}gnp.exe.png",
        "d\u{9b}2Jx.png",
        "e\x1b[2J\x1b[H.png",
    ];
    for n in names {
        std::fs::write(dir.path().join(n), &png).unwrap();
    }
    // One that is not an image at all: its reason is shown with the name.
    std::fs::write(dir.path().join("f\x1b]8;;ZZPWN\x07.png"), b"junk").unwrap();
    let path = dir.path().display().to_string();
    for page in 1..=names.len() + 1 {
        let out = run(&[
            s("render"),
            path.clone(),
            s("--format"),
            s("ansi"),
            s("--page"),
            page.to_string(),
            s("--size"),
            s("80x24"),
        ]);
        assert!(out.status.success());
        assert_clean(
            &format!("image page {page}"),
            &String::from_utf8_lossy(&out.stdout),
            true,
        );
    }
    let out = run(&[s("export"), path.clone()]);
    assert_clean("image export", &String::from_utf8_lossy(&out.stdout), true);
    let out = run(&[s("check"), path]);
    assert_eq!(out.status.code(), Some(1), "the junk file is reported");
    assert_clean("image check", &String::from_utf8_lossy(&out.stderr), true);
}

#[test]
fn raw_escapes_in_toml_are_syntax_errors_printed_safely() {
    // Raw ESC and BEL are not valid TOML; toml's own message would echo them.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("panels")).unwrap();
    let story = "schema = 1\nid = \"x\"\ntitle = { en = \"\x1b]0;ZZPWN\x07\x1b[2J\u{9d}52;c;ZZPWN\u{9c}\u{202e}\" }\n";
    std::fs::write(dir.path().join("panels/story.toml"), story).unwrap();
    let out = run(&[s("check"), dir.path().display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("panels/story.toml:3:"), "{stderr}");
    assert_clean("raw escape check", &stderr, false);
    // The viewer refuses it before touching the terminal, printing the same report.
    let out = run(&[dir.path().display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    assert_clean(
        "viewer refusal",
        &String::from_utf8_lossy(&out.stderr),
        false,
    );
}
