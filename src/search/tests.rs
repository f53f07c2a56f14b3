use super::*;
use crate::story::{Cell, Line, Note, NoteKind, NoteStatus, Page, Panel, Text};

fn t(en: &str, zh: &str) -> Text {
    Text::from_pairs([("en", en), ("zh-Hans", zh)])
}

fn panel(number: usize, lines: Vec<(LineKind, Text)>, alt: Text, notes: Vec<Text>) -> Panel {
    Panel {
        id: format!("p{number}"),
        number,
        cell: Cell {
            row: 0,
            col: 0,
            row_span: 1,
            col_span: 1,
        },
        art: None,
        alt,
        lines: lines
            .into_iter()
            .map(|(kind, text)| Line {
                kind,
                speaker: None,
                text,
            })
            .collect(),
        notes: notes
            .into_iter()
            .map(|text| Note {
                kind: NoteKind::Context,
                text,
                cites: vec![],
                status: NoteStatus::Established,
            })
            .collect(),
    }
}

fn page(id: &str, panels: Vec<Panel>) -> Page {
    Page {
        id: id.into(),
        title: None,
        rows: 1,
        cols: panels.len() as u16,
        panels,
    }
}

/// Page 1: panels 1–2; page 2: panel 3.
fn story() -> Story {
    let mut s = crate::story::load(&crate::story::StorySource::Builtin)
        .story
        .unwrap();
    s.languages = vec!["en".into(), "zh-Hans".into()];
    s.pages = vec![
        page(
            "one",
            vec![
                panel(
                    1,
                    vec![
                        (
                            LineKind::Caption,
                            t("Then came the Roses.", "接着，他送来了玫瑰。"),
                        ),
                        (LineKind::Speech, t("ROSES! roses, roses", "玫瑰！玫瑰")),
                    ],
                    t("A bouquet of red roses.", "一束红玫瑰。"),
                    vec![],
                ),
                panel(
                    2,
                    vec![(LineKind::Sound, t("aaaaa", "啊啊啊啊啊"))],
                    t("Rain.", "雨。"),
                    vec![],
                ),
            ],
        ),
        page(
            "two",
            vec![panel(
                3,
                vec![],
                t("İstanbul, ẞtraße, ΣΟΦΟΣ, 200 K", "东京"),
                vec![t("Roses were a gift\nin the old days.", "玫瑰\n是礼物。")],
            )],
        ),
    ];
    s
}

fn found(story: &Story, q: &str, scope: Scope) -> Vec<(usize, usize, String, String)> {
    search(story, q, scope)
        .iter()
        .map(|h| {
            (
                h.page,
                h.number,
                h.place.to_string(),
                text(story, h)[h.range.clone()].to_string(),
            )
        })
        .collect()
}

#[test]
fn latin_ignores_case_and_finds_every_place() {
    let s = story();
    let hits = found(&s, "roses", Scope::Lang(0));
    let at: Vec<(usize, usize, &str, &str)> = hits
        .iter()
        .map(|(p, n, w, m)| (*p, *n, w.as_str(), m.as_str()))
        .collect();
    assert_eq!(
        at,
        vec![
            (0, 1, "caption 1", "Roses"),
            (0, 1, "speech 2", "ROSES"),
            (0, 1, "speech 2", "roses"),
            (0, 1, "speech 2", "roses"),
            (0, 1, "alt", "roses"),
            (1, 3, "note 1", "Roses"),
        ]
    );
    assert_eq!(
        found(&s, "ROSES", Scope::Lang(0)),
        hits,
        "the query's case does not matter"
    );
}

#[test]
fn hits_carry_positions_and_byte_ranges() {
    let s = story();
    let h = search(&s, "came", Scope::Lang(0));
    assert_eq!(h.len(), 1);
    assert_eq!(
        (h[0].page, h[0].panel, h[0].number, h[0].lang),
        (0, 0, 1, 0)
    );
    assert_eq!(
        h[0].place,
        Where::Line {
            index: 0,
            kind: LineKind::Caption
        }
    );
    assert_eq!(h[0].range, 5..9);
    let h = search(&s, "gift", Scope::Lang(0));
    assert_eq!(
        (h[0].page, h[0].panel, h[0].number, h[0].place),
        (1, 0, 3, Where::Note(0))
    );
}

#[test]
fn matches_do_not_overlap() {
    let s = story();
    let ranges: Vec<_> = search(&s, "aa", Scope::Lang(0))
        .into_iter()
        .map(|h| h.range)
        .collect();
    assert_eq!(ranges, vec![0..2, 2..4]);
    let zh: Vec<_> = search(&s, "啊啊", Scope::Lang(1))
        .into_iter()
        .map(|h| h.range)
        .collect();
    assert_eq!(zh, vec![0..6, 6..12]);
}

#[test]
fn cjk_is_matched_exactly_in_its_language() {
    let s = story();
    let hits = found(&s, "玫瑰", Scope::Lang(1));
    let where_: Vec<&str> = hits.iter().map(|h| h.2.as_str()).collect();
    assert_eq!(
        where_,
        vec!["caption 1", "speech 2", "speech 2", "alt", "note 1"]
    );
    assert!(hits.iter().all(|h| h.3 == "玫瑰"));
    assert!(
        found(&s, "玫瑰", Scope::Lang(0)).is_empty(),
        "not in English"
    );
    assert!(
        found(&s, "roses", Scope::Lang(1)).is_empty(),
        "not in Chinese"
    );
    assert!(found(&s, "玫 瑰", Scope::Lang(1)).is_empty());
}

#[test]
fn all_languages() {
    let s = story();
    let hits = search(&s, "玫瑰", Scope::All);
    assert_eq!(hits.len(), 5);
    assert!(hits.iter().all(|h| h.lang == 1));
    let both = search(&s, "e", Scope::All);
    assert!(both.iter().any(|h| h.lang == 0));
    let mixed: Vec<_> = search(&s, "gift", Scope::All)
        .into_iter()
        .map(|h| h.lang)
        .collect();
    assert_eq!(mixed, vec![0]);
}

#[test]
fn folding_that_changes_lengths_maps_back_to_the_original_bytes() {
    let s = story();
    for (q, expect) in [
        ("istanbul", "İstanbul"),
        ("ßtraße", "ẞtraße"),
        ("σοφος", "ΣΟΦΟΣ"),
        ("200 k", "200 K"),
    ] {
        let hits = found(&s, q, Scope::Lang(0));
        assert_eq!(hits.len(), 1, "{q}");
        assert_eq!(hits[0].3, expect, "{q}");
    }
    // Final sigma folds like sigma.
    assert_eq!(
        found(&s, "σοφος", Scope::Lang(0)),
        found(&s, "σοφος", Scope::Lang(0))
    );
    assert_eq!(found(&s, "ΣΟΦΟς", Scope::Lang(0)).len(), 1);
}

#[test]
fn nothing_found_for_empty_control_or_cross_text_queries() {
    let s = story();
    assert!(search(&s, "", Scope::All).is_empty());
    assert!(search(&s, "\u{0}", Scope::All).is_empty());
    assert!(
        search(&s, "roses.a", Scope::All).is_empty(),
        "no match across two texts"
    );
    assert!(search(&s, "nowhere", Scope::All).is_empty());
    // Control characters in a query are dropped (a prompt cannot type them).
    assert_eq!(search(&s, "gi\u{7}ft", Scope::Lang(0)).len(), 1);
}

#[test]
fn the_command_prints_lines_for_scripts() {
    let s = story();
    let mut out = Vec::new();
    let code = command(&s, "gift", Some("en"), false, &mut out).unwrap();
    assert_eq!(code, 0);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "2\t3\tnote 1\ten\tRoses were a gift\n"
    );
    let mut out = Vec::new();
    assert_eq!(
        command(&s, "是礼物", Some("zh"), false, &mut out).unwrap(),
        0
    );
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "2\t3\tnote 1\tzh-Hans\t是礼物。\n"
    );
    let mut out = Vec::new();
    assert_eq!(command(&s, "zzz", None, true, &mut out).unwrap(), 1);
    assert!(out.is_empty());
}
