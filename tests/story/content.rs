//! The shipped story meets the project's content rules: shape, languages, commentary and
//! citations, art for every panel.

use std::collections::HashSet;

use comicterm::story::{ArtOrigin, NoteKind, NoteStatus, Story};

use crate::support::story::builtin;

#[test]
fn sixteen_panels_over_four_pages_in_two_languages() {
    let story = builtin();
    assert_eq!(story.pages.len(), 4);
    assert_eq!(story.panel_count(), 16);
    assert_eq!(story.languages, ["en", "zh-Hans"]);
    let numbers: Vec<usize> = story.panels().map(|p| p.number).collect();
    assert_eq!(numbers, (1..=16).collect::<Vec<_>>());
}

#[test]
fn it_says_it_is_a_retelling() {
    let story = builtin();
    assert!(story.summary.get("en").contains("retelling"));
    assert!(story.summary.get("zh-Hans").contains("重述"));
    assert!(story.title.get("en").contains("retelling"));
}

#[test]
fn every_panel_has_art_alt_text_lines_and_commentary() {
    let story = builtin();
    for panel in story.panels() {
        let art = panel
            .art
            .as_ref()
            .unwrap_or_else(|| panic!("panel {} has art", panel.number));
        assert!(
            matches!(art.origin, ArtOrigin::Embedded(_)),
            "panel {} art is compiled in",
            panel.number
        );
        for lang in &story.languages {
            assert!(
                panel.alt.get(lang).chars().count() >= 20,
                "panel {} alt text ({lang})",
                panel.number
            );
        }
        assert!(!panel.lines.is_empty(), "panel {} has lines", panel.number);
        assert!(
            !panel.notes.is_empty(),
            "panel {} has commentary",
            panel.number
        );
    }
    assert!(story.note_count() >= 40, "{} notes", story.note_count());
}

#[test]
fn commentary_mixes_kinds_and_every_factual_note_cites_a_source() {
    let story = builtin();
    let notes: Vec<_> = story
        .panels()
        .flat_map(|p| p.notes.iter().map(move |n| (p.number, n)))
        .collect();
    for kind in [NoteKind::Context, NoteKind::Analysis, NoteKind::Translation] {
        assert!(
            notes.iter().any(|(_, n)| n.kind == kind),
            "{kind:?} notes exist"
        );
    }
    for (panel, note) in &notes {
        if matches!(note.kind, NoteKind::Context | NoteKind::Analysis) {
            assert!(
                !note.cites.is_empty(),
                "a {:?} note on panel {panel} cites a source",
                note.kind
            );
        }
    }
    assert!(
        notes.iter().any(|(_, n)| n.status == NoteStatus::Disputed),
        "disputed facts are marked"
    );
}

#[test]
fn every_source_is_cited_and_complete() {
    let story = builtin();
    for source in &story.sources {
        let cited = story
            .panels()
            .flat_map(|p| &p.notes)
            .any(|n| n.cites.contains(&source.id));
        assert!(cited, "source `{}` is cited somewhere", source.id);
        assert!(
            source.url.as_deref().is_some_and(|u| u.starts_with("http")),
            "source `{}` has a url",
            source.id
        );
    }
}

#[test]
fn speakers_are_named_in_both_languages() {
    let story = builtin();
    for id in ["li", "david", "friend", "officer"] {
        let c = story
            .character(id)
            .unwrap_or_else(|| panic!("character {id}"));
        assert_ne!(c.name.get("en"), c.name.get("zh-Hans"));
    }
}

/// Every piece of text a reader sees that we wrote: title, summary, character names, page
/// titles, alt text, lines, notes and what we say about sources (their descriptions, and
/// the titles we gave works we could not see), in every language.
fn all_text(story: &Story) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for lang in &story.languages {
        let mut push =
            |what: String, text: &str| out.push((format!("{what} ({lang})"), text.to_string()));
        push("title".into(), story.title.get(lang));
        push("summary".into(), story.summary.get(lang));
        for c in &story.characters {
            push(format!("character {}", c.id), c.name.get(lang));
        }
        for (i, page) in story.pages.iter().enumerate() {
            if let Some(t) = &page.title {
                push(format!("page {}", i + 1), t.get(lang));
            }
        }
        for panel in story.panels() {
            let n = panel.number;
            push(format!("panel {n} alt"), panel.alt.get(lang));
            for (i, line) in panel.lines.iter().enumerate() {
                push(format!("panel {n} line {}", i + 1), line.text.get(lang));
            }
            for (i, note) in panel.notes.iter().enumerate() {
                push(format!("panel {n} note {}", i + 1), note.text.get(lang));
            }
        }
        for source in &story.sources {
            if let (title, true) = source.title.get(lang) {
                push(format!("source {} title", source.id), title);
            }
            if let Some(d) = source.title.description(lang) {
                push(format!("source {} description", source.id), d);
            }
        }
    }
    out
}

#[test]
fn every_note_status_fits_its_citations() {
    let story = builtin();
    let mut seen = HashSet::new();
    for panel in story.panels() {
        for note in &panel.notes {
            seen.insert(note.status);
            let n = note.cites.len();
            match note.status {
                NoteStatus::Disputed => assert!(
                    n >= 2,
                    "a disputed note on panel {} cites {n} sources",
                    panel.number
                ),
                NoteStatus::SingleSource => assert_eq!(
                    n, 1,
                    "a single-source note on panel {} cites one source",
                    panel.number
                ),
                NoteStatus::Established | NoteStatus::Unverified => {}
            }
        }
    }
    for status in NoteStatus::ALL {
        assert!(seen.contains(&status), "some note is {status:?}");
    }
}

#[test]
fn no_panel_file_uses_the_old_disputed_flag() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("panels");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            !text.lines().any(|l| l.trim_start().starts_with("disputed")),
            "{} still says `disputed = ...`",
            path.display()
        );
    }
}

#[test]
fn david_is_written_da_wei_everywhere() {
    // CNN gives "Dawei or David"; Dawei is the pinyin of 大卫, the usual form. 戴维 would be
    // "Daiwei", which no source supports.
    let story = builtin();
    for (what, text) in all_text(story) {
        assert!(!text.contains("戴维"), "{what} writes 戴维: {text}");
    }
    let david = story.character("david").unwrap();
    assert_eq!(david.name.get("zh-Hans"), "大卫");
    for source in &story.sources {
        let mut texts = source.title.texts();
        assert!(!texts.any(|t| t.contains("戴维")), "source {}", source.id);
    }
}

/// Who is drawn in each picture (checked by looking at `assets/NN-*.png`).
const DRAWN: [(usize, &[&str]); 16] = [
    (1, &["friend", "li"]),
    (2, &["david", "li"]),
    (3, &["li", "david"]), // David seen from behind, lower right
    (4, &["li", "david"]),
    (5, &["li", "david"]),
    (6, &["li", "david"]),
    (7, &["li", "david"]),
    (8, &["david", "li"]),
    (9, &["li", "david"]),
    (10, &["david", "li"]),
    (11, &["li", "david"]),
    (12, &["li"]),
    (13, &["officer", "li"]),
    (14, &["li", "officer"]), // only the officer's sleeve and hand
    (15, &["officer", "li"]),
    (16, &["david"]),
];

/// How each character is named in alt text: (id, English word, Chinese word).
const NAMED_AS: [(&str, &str, &str); 4] = [
    ("li", "Li", "小李"),
    ("david", "David", "大卫"),
    ("friend", "friend", "朋友"),
    ("officer", "officer", "干警"),
];

fn english_mentions(alt: &str, word: &str) -> bool {
    alt.split(|c: char| !c.is_alphanumeric())
        .any(|w| w == word || w.strip_suffix('s') == Some(word))
}

#[test]
fn every_alt_text_names_the_characters_drawn_and_no_others() {
    let story = builtin();
    let panels: Vec<_> = story.panels().collect();
    assert_eq!(panels.len(), DRAWN.len());
    for (number, drawn) in DRAWN {
        let panel = panels[number - 1];
        assert_eq!(panel.number, number);
        let en = panel.alt.get("en");
        let zh = panel.alt.get("zh-Hans");
        for (id, en_word, zh_word) in NAMED_AS {
            let is_drawn = drawn.contains(&id);
            assert_eq!(
                english_mentions(en, en_word),
                is_drawn,
                "panel {number}: English alt text and `{id}` (drawn: {is_drawn}): {en}"
            );
            assert_eq!(
                zh.contains(zh_word),
                is_drawn,
                "panel {number}: Chinese alt text and `{id}` (drawn: {is_drawn}): {zh}"
            );
        }
    }
}

/// Words outside quotation marks, lower-cased; each Han character counts as a word.
fn words_outside_quotes(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut depth = 0usize; // curly, corner and title quotes nest
    let mut straight = false;
    let flush = |word: &mut String, words: &mut Vec<String>| {
        if !word.is_empty() {
            words.push(std::mem::take(word));
        }
    };
    for c in text.chars() {
        match c {
            '"' => {
                straight = !straight;
                flush(&mut word, &mut words);
                continue;
            }
            '“' | '「' | '『' | '《' => depth += 1,
            '”' | '」' | '』' | '》' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if straight || depth > 0 || matches!(c, '“' | '”' | '「' | '」' | '『' | '』' | '《' | '》')
        {
            flush(&mut word, &mut words);
            continue;
        }
        let c = if c == '’' { '\'' } else { c };
        if ('\u{4e00}'..='\u{9fff}').contains(&c) {
            flush(&mut word, &mut words);
            words.push(c.to_string());
        } else if c.is_alphanumeric() || (c == '\'' && !word.is_empty()) {
            word.extend(c.to_lowercase());
        } else {
            flush(&mut word, &mut words);
        }
    }
    flush(&mut word, &mut words);
    words
}

/// All words of a reference file, quotation included (we may not copy its quotes either,
/// except inside our own quotation marks).
fn all_words(text: &str) -> Vec<String> {
    let unquoted: String = text
        .chars()
        .map(|c| match c {
            '"' | '“' | '”' | '「' | '」' | '『' | '』' | '《' | '》' => ' ',
            c => c,
        })
        .collect();
    words_outside_quotes(&unquoted)
}

const RUN: usize = 8;

#[test]
fn the_run_finder_sees_runs_and_skips_quotations() {
    let reference: HashSet<Vec<String>> = all_words("one two three four five six seven eight nine")
        .windows(RUN)
        .map(<[String]>::to_vec)
        .collect();
    let copied = words_outside_quotes("Zero one two three four five six seven eight.");
    assert!(copied.windows(RUN).any(|w| reference.contains(w)));
    let quoted = words_outside_quotes("Zero \"one two three four five six seven eight\".");
    assert!(!quoted.windows(RUN).any(|w| reference.contains(w)));
    let han = words_outside_quotes("甲乙丙丁戊己庚辛《甲乙丙丁戊己庚辛》");
    assert_eq!(han.len(), 8);
}

#[test]
fn no_eight_word_run_is_copied_from_the_reference_files() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        root.join("../shared/reference"),
        root.join("../../shared/reference"),
        std::path::PathBuf::from("/work/shared/reference"),
    ];
    let Some(dir) = candidates
        .iter()
        .find(|d| d.join("source-article.txt").is_file())
    else {
        // The reference files live beside the repository, not in it; CI has a copy.
        eprintln!("reference files not found; skipping");
        return;
    };
    let story = builtin();
    let texts = all_text(story);
    for file in ["source-article.txt", "formats-and-facts.md"] {
        let reference = std::fs::read_to_string(dir.join(file)).unwrap();
        let runs: HashSet<Vec<String>> = all_words(&reference)
            .windows(RUN)
            .map(<[String]>::to_vec)
            .collect();
        let mut copied = Vec::new();
        for (what, text) in &texts {
            for w in words_outside_quotes(text).windows(RUN) {
                if runs.contains(w) {
                    copied.push(format!("{what}: {}", w.join(" ")));
                }
            }
        }
        assert!(
            copied.is_empty(),
            "shared with {file}:\n{}",
            copied.join("\n")
        );
    }
}

#[test]
fn the_export_transcript_labels_how_sure_each_note_is_in_both_languages() {
    let export = |lang: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_comicterm"))
            .args(["export", "--lang", lang])
            .env("NO_COLOR", "1")
            .output()
            .expect("the binary runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let en = export("en");
    for label in [
        "(Context, disputed)",
        "(Context, single source)",
        "(Context, unverified)",
    ] {
        assert!(en.contains(label), "{label}");
    }
    assert!(
        !en.contains(", established)"),
        "established notes carry no label"
    );
    let zh = export("zh-Hans");
    for label in ["(背景, 有争议)", "(背景, 单一来源)", "(背景, 未经证实)"] {
        assert!(zh.contains(label), "{label}");
    }
}
