//! The loader against the broken-story corpus in `tests/fixtures/invalid/`: each fixture must
//! fail with exactly the expected kinds of error, at the expected file, line and column.

use std::path::PathBuf;

use comicterm::diag::Kind;
use comicterm::story::{StorySource, load, load_texts};

use crate::support::story::{HEAD, page};

fn fixture(dir: &str) -> StorySource {
    StorySource::Dir(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(dir),
    )
}

/// (kind, file, line, column) of one expected diagnostic.
type Located = (Kind, &'static str, usize, usize);

/// (fixture, every diagnostic the fixture must produce, in order).
const EXPECTED: &[(&str, &[Located])] = &[
    (
        "absolute-art",
        &[(Kind::ArtPath, "panels/01-hello.toml", 2, 7)],
    ),
    (
        "art-is-folder",
        &[(Kind::ArtNotFile, "panels/01-hello.toml", 2, 7)],
    ),
    (
        "art-not-image",
        &[(Kind::ArtFormat, "panels/01-hello.toml", 2, 7)],
    ),
    (
        "backslash-art",
        &[(Kind::ArtPath, "panels/01-hello.toml", 2, 7)],
    ),
    ("bad-date", &[(Kind::BadValue, "panels/story.toml", 19, 8)]),
    ("bad-id", &[(Kind::BadValue, "panels/02-bye.toml", 1, 6)]),
    (
        "bad-line-kind",
        &[(Kind::BadValue, "panels/02-bye.toml", 5, 8)],
    ),
    (
        "bad-schema",
        &[(Kind::BadValue, "panels/story.toml", 1, 10)],
    ),
    (
        "bad-status",
        &[(Kind::BadValue, "panels/01-hello.toml", 17, 10)],
    ),
    (
        "bidi-override",
        &[(Kind::ControlChar, "panels/01-hello.toml", 8, 19)],
    ),
    (
        "bom-columns",
        &[
            (Kind::BadValue, "panels/story.toml", 2, 6),
            (Kind::BadValue, "panels/story.toml", 19, 8),
            (Kind::BadValue, "panels/02-bye.toml", 5, 8),
        ],
    ),
    (
        "broken-panel-duplicate-key",
        &[(Kind::DuplicateKey, "panels/02-bye.toml", 3, 1)],
    ),
    (
        "broken-panel-syntax",
        &[(Kind::Syntax, "panels/02-bye.toml", 2, 33)],
    ),
    (
        "caption-with-speaker",
        &[(Kind::SpeakerNotAllowed, "panels/02-bye.toml", 6, 11)],
    ),
    (
        "control-chars",
        &[(Kind::ControlChar, "panels/02-bye.toml", 6, 24)],
    ),
    (
        "crlf-unknown-key",
        &[(Kind::UnknownKey, "panels/02-bye.toml", 5, 1)],
    ),
    ("deep-key", &[(Kind::Syntax, "panels/story.toml", 38, 1)]),
    (
        "disputed-one-source",
        &[(Kind::StatusCites, "panels/01-hello.toml", 17, 10)],
    ),
    (
        "duplicate-character",
        &[(Kind::DuplicateId, "panels/story.toml", 16, 6)],
    ),
    (
        "duplicate-key",
        &[(Kind::DuplicateKey, "panels/story.toml", 3, 1)],
    ),
    (
        "duplicate-panel-id",
        &[
            (Kind::DuplicateId, "panels/02-bye.toml", 1, 6),
            (Kind::UnknownPanel, "panels/story.toml", 33, 9),
        ],
    ),
    (
        "duplicate-source",
        &[(Kind::DuplicateId, "panels/story.toml", 23, 6)],
    ),
    (
        "empty-text",
        &[(Kind::EmptyText, "panels/02-bye.toml", 6, 15)],
    ),
    ("grid-gap", &[(Kind::GridGap, "panels/story.toml", 27, 1)]),
    (
        "grid-out-of-bounds",
        &[(Kind::GridOutOfBounds, "panels/story.toml", 36, 12)],
    ),
    (
        "grid-overlap",
        &[
            (Kind::GridOverlap, "panels/story.toml", 32, 1),
            (Kind::GridGap, "panels/story.toml", 27, 1),
        ],
    ),
    (
        "missing-art",
        &[(Kind::ArtMissing, "panels/01-hello.toml", 2, 7)],
    ),
    (
        "missing-key",
        &[(Kind::MissingKey, "panels/01-hello.toml", 1, 1)],
    ),
    (
        "missing-language",
        &[(Kind::MissingLanguage, "panels/01-hello.toml", 8, 8)],
    ),
    ("no-story-file", &[(Kind::Io, "panels/story.toml", 1, 1)]),
    ("not-utf8", &[(Kind::Syntax, "panels/02-bye.toml", 2, 18)]),
    (
        "obsolete-disputed",
        &[(Kind::ObsoleteKey, "panels/01-hello.toml", 17, 1)],
    ),
    (
        "panel-placed-twice",
        &[
            (Kind::PanelPlacedTwice, "panels/story.toml", 33, 9),
            (Kind::UnplacedPanel, "panels/02-bye.toml", 1, 6),
        ],
    ),
    (
        "parent-art",
        &[(Kind::ArtPath, "panels/01-hello.toml", 2, 7)],
    ),
    (
        "single-source-two",
        &[(Kind::StatusCites, "panels/01-hello.toml", 17, 10)],
    ),
    (
        "speech-without-speaker",
        &[(Kind::MissingKey, "panels/01-hello.toml", 6, 8)],
    ),
    (
        "stray-joiner",
        &[
            (Kind::ControlChar, "panels/01-hello.toml", 8, 27),
            (Kind::ControlChar, "panels/02-bye.toml", 6, 20),
        ],
    ),
    ("syntax-error", &[(Kind::Syntax, "panels/story.toml", 5, 1)]),
    (
        "too-long-note",
        &[(Kind::TooLong, "panels/01-hello.toml", 12, 11)],
    ),
    (
        "too-many-cites",
        &[(Kind::TooMany, "panels/01-hello.toml", 16, 460)],
    ),
    (
        "unknown-citation",
        &[(Kind::UnknownSource, "panels/01-hello.toml", 16, 10)],
    ),
    (
        "unknown-key",
        &[(Kind::UnknownKey, "panels/01-hello.toml", 2, 1)],
    ),
    (
        "unknown-language",
        &[(Kind::UnknownLanguage, "panels/02-bye.toml", 6, 43)],
    ),
    (
        "unknown-panel",
        &[
            (Kind::UnknownPanel, "panels/story.toml", 33, 9),
            (Kind::UnplacedPanel, "panels/02-bye.toml", 1, 6),
        ],
    ),
    (
        "unknown-speaker",
        &[(Kind::UnknownSpeaker, "panels/01-hello.toml", 7, 11)],
    ),
    (
        "unplaced-panel",
        &[(Kind::UnplacedPanel, "panels/03-extra.toml", 1, 6)],
    ),
    (
        "wrong-type",
        &[(Kind::WrongType, "panels/story.toml", 24, 8)],
    ),
];

#[test]
fn every_broken_fixture_fails_exactly_where_expected() {
    let mut failures = Vec::new();
    for (name, expected) in EXPECTED {
        let outcome = load(&fixture(&format!("invalid/{name}")));
        let got: Vec<(Kind, String, usize, usize)> = outcome
            .diagnostics
            .iter()
            .map(|d| (d.kind, d.file.name.clone(), d.line, d.col))
            .collect();
        let want: Vec<(Kind, String, usize, usize)> = expected
            .iter()
            .map(|&(k, f, l, c)| (k, f.to_string(), l, c))
            .collect();
        if got != want {
            failures.push(format!("{name}:\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_corpus_is_complete() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    on_disk.sort();
    let listed: Vec<String> = EXPECTED.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(
        on_disk, listed,
        "every fixture has an expectation and vice versa"
    );
    assert!(listed.len() >= 25);
}

#[test]
fn only_control_chars_and_art_problems_leave_a_story_viewable() {
    for (name, _) in EXPECTED {
        let outcome = load(&fixture(&format!("invalid/{name}")));
        let viewable = [
            "control-chars",
            "bidi-override",
            "stray-joiner",
            "absolute-art",
            "art-is-folder",
            "art-not-image",
            "backslash-art",
            "missing-art",
            "parent-art",
        ]
        .contains(name);
        assert_eq!(outcome.story.is_some(), viewable, "{name}");
    }
}

#[test]
fn control_characters_are_removed_from_the_loaded_story() {
    let story = load(&fixture("invalid/control-chars")).story.unwrap();
    let text = story.pages[0].panels[1].lines[0].text.get("en");
    assert_eq!(text, "The end.");
}

#[test]
fn the_valid_fixture_loads() {
    let outcome = load(&fixture("valid/tiny"));
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let story = outcome.story.unwrap();
    assert_eq!(story.pages.len(), 1);
    assert_eq!(story.panel_count(), 2);
    let numbers: Vec<usize> = story.panels().map(|p| p.number).collect();
    assert_eq!(numbers, [1, 2]);
    assert_eq!(story.pages[0].panels[1].cell.col, 1);
}

#[test]
fn the_old_disputed_flag_names_its_replacement() {
    let outcome = load(&fixture("invalid/obsolete-disputed"));
    assert!(outcome.story.is_none(), "an old story does not open");
    let d = &outcome.diagnostics[0];
    assert!(d.message.contains("replaced by `status`"), "{}", d.message);
    let hint = d.hint.as_deref().unwrap();
    assert!(hint.contains(r#"status = "disputed""#), "{hint}");
}

#[test]
fn status_errors_say_how_many_sources_are_needed_and_cited() {
    let one = load(&fixture("invalid/disputed-one-source"));
    let msg = &one.diagnostics[0].message;
    assert!(
        msg.contains("at least two") && msg.contains("cites 1 source"),
        "{msg}"
    );
    let two = load(&fixture("invalid/single-source-two"));
    let msg = &two.diagnostics[0].message;
    assert!(
        msg.contains("exactly one") && msg.contains("cites 2 sources"),
        "{msg}"
    );
    let bad = load(&fixture("invalid/bad-status"));
    let hint = bad.diagnostics[0].hint.as_deref().unwrap();
    for status in ["established", "single-source", "disputed", "unverified"] {
        assert!(hint.contains(status), "{hint}");
    }
}

#[test]
fn hints_name_the_known_keys() {
    let outcome = load(&fixture("invalid/unknown-key"));
    let hint = outcome.diagnostics[0].hint.as_deref().unwrap();
    assert!(hint.contains("`art`") && hint.contains("`alt`"), "{hint}");
}

#[test]
fn a_large_story_is_checked_in_parallel_with_diagnostics_in_file_order() {
    // More than 64 panel files: they are parsed and checked on two threads.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("panels")).unwrap();
    let mut story = String::from(
        "schema = 1\nid = \"big\"\nlanguages = [\"en\"]\ntitle = { en = \"Big\" }\nsummary = { en = \"Many panels.\" }\n",
    );
    for i in 0..100 {
        story += &format!(
            "\n[[page]]\nid = \"p{i}\"\nrows = 1\ncols = 1\n\n[[page.cell]]\npanel = \"x{i}\"\nrow = 1\ncol = 1\n"
        );
        let speaker = match i {
            10 => "speaker = \"nobody\"\n",
            _ => "",
        };
        let kind = if i == 90 { "balloon" } else { "caption" };
        let panel = format!(
            "id = \"x{i}\"\nalt = {{ en = \"Panel {i}\" }}\n\n[[line]]\nkind = \"{kind}\"\n{speaker}text = {{ en = \"Line {i}\" }}\n"
        );
        std::fs::write(dir.path().join(format!("panels/{i:03}.toml")), panel).unwrap();
    }
    std::fs::write(dir.path().join("panels/story.toml"), story).unwrap();
    let outcome = load(&StorySource::Dir(dir.path().to_path_buf()));
    let got: Vec<(Kind, String, usize, usize)> = outcome
        .diagnostics
        .iter()
        .map(|d| (d.kind, d.file.name.clone(), d.line, d.col))
        .collect();
    assert_eq!(
        got,
        [
            (
                Kind::SpeakerNotAllowed,
                "panels/010.toml".to_string(),
                6,
                11
            ),
            (Kind::BadValue, "panels/090.toml".to_string(), 5, 8),
        ]
    );
    assert!(outcome.story.is_none());
}

/// The joined sequences written in `tests/fixtures/valid/graphemes/`.
const FAMILY: &str = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}\u{200d}\u{1f466}";
const RAINBOW: &str = "\u{1f3f3}\u{fe0f}\u{200d}\u{1f308}";
const SCOTLAND: &str = "\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}";
const TECHNOLOGIST: &str = "\u{1f469}\u{1f3fd}\u{200d}\u{1f4bb}";
const MIKHAHAM: &str = "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}";
const KSSA: &str = "\u{915}\u{94d}\u{200d}\u{937}";
const RAB: &str = "\u{9b0}\u{200d}\u{9cd}\u{9af}\u{9be}\u{9ac}";

#[test]
fn emoji_sequences_and_shaped_words_load_whole_and_check_ok() {
    let outcome = load(&fixture("valid/graphemes"));
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let story = outcome.story.unwrap();
    assert_eq!(
        story.title.get("en"),
        format!("Family {FAMILY} and flags {RAINBOW} {SCOTLAND}")
    );
    assert_eq!(story.title.get("fa"), format!("{MIKHAHAM} {FAMILY}"));
    let hello = &story.pages[0].panels[0];
    assert!(hello.alt.get("en").contains(TECHNOLOGIST));
    let line = hello.lines[0].text.get("en");
    assert!(line.contains(KSSA) && line.contains(RAB), "{line:?}");
}

#[test]
fn a_stray_joiner_is_located_after_a_kept_sequence_and_removed() {
    let outcome = load(&fixture("invalid/stray-joiner"));
    let d = &outcome.diagnostics[0];
    assert!(
        d.message.contains("U+200D (zero-width joiner"),
        "{}",
        d.message
    );
    assert!(
        outcome.diagnostics[1]
            .message
            .contains("U+202E (bidi control)")
    );
    let story = outcome.story.unwrap();
    // The family keeps its joiners; the stray one and the override are gone.
    let text = story.pages[0].panels[0].lines[0].text.get("en");
    assert_eq!(text, format!("{FAMILY} Hello!"));
    assert_eq!(story.pages[0].panels[1].lines[0].text.get("en"), "The end.");
}

#[test]
fn joined_text_wraps_and_renders_inside_every_frame() {
    use crate::support::frame;
    use comicterm::app::{Action, Overlay, Position, View};
    use comicterm::ui::layout::{page_rects, screen, too_small};

    let story = load(&fixture("valid/graphemes")).story.unwrap();
    for lang in ["en", "fa"] {
        for (w, h) in [
            (20, 24),
            (24, 30),
            (31, 30),
            (40, 30),
            (57, 20),
            (80, 24),
            (120, 40),
        ] {
            for extra in [
                None,
                Some(Action::ToggleView),
                Some(Action::ToggleCommentary),
            ] {
                let mut app = frame::app(
                    &story,
                    Some(lang),
                    (w, h),
                    &[Action::GoTo(Position { page: 0, panel: 0 })],
                );
                if let Some(a) = extra {
                    app.update(a);
                }
                let buf = frame::buffer(&app);
                let what = format!("{lang} {w}x{h} {extra:?}");
                // No glyph runs past the right edge.
                for y in 0..h {
                    for x in 0..w {
                        let cell = buf.cell((x, y)).unwrap();
                        let cw = unicode_width::UnicodeWidthStr::width(cell.symbol());
                        assert!(
                            usize::from(x) + cw <= usize::from(w),
                            "{what}: {:?} at ({x},{y})",
                            cell.symbol()
                        );
                    }
                }
                if too_small((w, h)) {
                    continue;
                }
                // Panel and overlay frames keep both side borders on every row.
                let (body, _) = screen(buf.area);
                let rects = if app.overlay != Overlay::None {
                    vec![comicterm::ui::overlay::box_rect(&app, buf.area)]
                } else if app.effective_view() == View::Page {
                    page_rects(&story.pages[0], body)
                } else {
                    vec![body]
                };
                for r in rects {
                    if r.width < 2 || r.height < 3 {
                        continue;
                    }
                    for y in r.y + 1..r.bottom() - 1 {
                        for x in [r.x, r.right() - 1] {
                            let symbol = buf.cell((x, y)).map_or("?", |c| c.symbol());
                            assert_eq!(symbol, "│", "{what}: border at ({x},{y})");
                        }
                    }
                }
                // The sequences are drawn whole: each sits in one cell.
                let cells: Vec<&str> = buf.content.iter().map(|c| c.symbol()).collect();
                if lang == "en" && extra.is_none() && w >= 40 {
                    assert!(cells.contains(&FAMILY), "{what}: the family is one cell");
                }
            }
        }
    }
}

/// A story page with id `p` holding `panel`.
fn one_page(panel: &str) -> String {
    page("p", panel)
}

#[test]
fn unknown_ids_are_hinted_with_a_few_of_the_nearest() {
    let mut story = String::from(HEAD);
    for i in 0..10_000 {
        story += &format!(
            "\n[[source]]\nid = \"src{i:05}\"\ntitle = \"t\"\npublisher = \"p\"\ndate = \"2020\"\nkind = \"news\"\n"
        );
    }
    story += &one_page("a");
    let panel = "id = \"a\"\nalt = { en = \"a\" }\n\n[[note]]\nkind = \"context\"\ntext = { en = \"n\" }\ncites = [\"src0420x\"]\n";
    let outcome = load_texts(&story, &[("a.toml", panel)]);
    let [d] = outcome.diagnostics.as_slice() else {
        panic!("{:?}", outcome.diagnostics);
    };
    assert_eq!((d.kind, d.line, d.col), (Kind::UnknownSource, 7, 10));
    let hint = d.hint.as_deref().unwrap();
    assert!(
        hint.starts_with("known sources, nearest first: `src04209`"),
        "{hint}"
    );
    assert!(hint.ends_with("and 9,995 more"), "{hint}");
}

#[test]
fn a_broken_panel_file_without_a_readable_id_hides_unknown_panels() {
    let story = format!("{HEAD}{}", one_page("a"));
    // No `id = "..."` line can be found: the cell's panel may be this one.
    let outcome = load_texts(&story, &[("a.toml", "id = [\nalt = 1\n")]);
    let kinds: Vec<Kind> = outcome.diagnostics.iter().map(|d| d.kind).collect();
    assert_eq!(kinds, [Kind::Syntax]);
    // Its id is found: other cells naming no panel are still reported.
    let story = format!("{HEAD}{}", one_page("a").replace("rows = 1", "rows = 2"))
        + "\n[[page.cell]]\npanel = \"zz\"\nrow = 2\ncol = 1\n";
    let outcome = load_texts(&story, &[("a.toml", "id = \"a\"\nalt = {\n")]);
    let kinds: Vec<Kind> = outcome.diagnostics.iter().map(|d| d.kind).collect();
    assert_eq!(kinds, [Kind::Syntax, Kind::UnknownPanel]);
}

#[test]
fn at_most_50_diagnostics_per_file_are_kept_then_counted() {
    let mut panel = String::from("id = \"a\"\nalt = { en = \"a\" }\n");
    for _ in 0..90 {
        panel += "\n[[line]]\nkind = \"bogus\"\ntext = { en = \"x\" }\n";
    }
    let story = format!("{HEAD}{}", one_page("a"));
    let outcome = load_texts(&story, &[("a.toml", &panel)]);
    let d = &outcome.diagnostics;
    // 90 errors: 50 kept, 40 counted.
    assert_eq!(d.len(), 51, "{:?}", d.last());
    assert!(d[..50].iter().all(|d| d.kind == Kind::BadValue));
    assert_eq!(d[0].line, 5);
    let summary = d[50].omitted.expect("a count of the rest");
    assert_eq!(summary.errors, 40);
    let text = comicterm::diag::render_all(d, false);
    assert!(
        text.contains("40 more errors in panels/a.toml not shown"),
        "{text}"
    );
    assert!(text.trim_end().ends_with("90 errors in 1 file"), "{text}");
}

#[test]
fn lists_past_their_limit_are_reported_at_the_first_item_over() {
    let mut panel = String::from("id = \"a\"\nalt = { en = \"a\" }\n");
    for _ in 0..101 {
        panel += "\n[[line]]\nkind = \"caption\"\ntext = { en = \"x\" }\n";
    }
    let story = format!("{HEAD}{}", one_page("a"));
    let outcome = load_texts(&story, &[("a.toml", &panel)]);
    let got: Vec<(Kind, usize, usize)> = outcome
        .diagnostics
        .iter()
        .map(|d| (d.kind, d.line, d.col))
        .collect();
    // Line 101's `kind` is on file line 3 + 4 * 100 + 2.
    assert_eq!(got, [(Kind::TooMany, 405, 8)]);
    assert!(outcome.story.is_none());
    let msg = &outcome.diagnostics[0].message;
    assert!(
        msg.contains("101 lines") && msg.contains("at most 100"),
        "{msg}"
    );
}

#[test]
fn a_file_with_too_many_values_is_refused_before_parsing_at_the_value() {
    let panel = format!(
        "id = \"a\"\nalt = {{ en = \"a\" }}\nx = [{}]\n",
        "1,".repeat(40_000)
    );
    let story = format!("{HEAD}{}", one_page("a"));
    let outcome = load_texts(&story, &[("a.toml", &panel)]);
    let got: Vec<(Kind, usize)> = outcome
        .diagnostics
        .iter()
        .map(|d| (d.kind, d.line))
        .collect();
    assert_eq!(got, [(Kind::TooMany, 3)], "{:?}", outcome.diagnostics);
}
