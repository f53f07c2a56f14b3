//! The shipped story meets the project's content rules: shape, languages, commentary and
//! citations, art for every panel.

use comicterm::story::{ArtOrigin, NoteKind, Story, StorySource, load};

fn builtin() -> Story {
    let outcome = load(&StorySource::Builtin);
    assert!(outcome.diagnostics.is_empty(), "{:#?}", outcome.diagnostics);
    outcome.story.expect("the built-in story loads")
}

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
        notes.iter().any(|(_, n)| n.disputed),
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
