//! A small hand-built story for unit tests: 3 pages (2×2, 2×3 with spans, 1×1), 9 panels.

use crate::story::{
    Cell, Character, Line, LineKind, Note, NoteKind, NoteStatus, Page, Panel, Source, SourceKind,
    Story, Text,
};

fn text(en: &str, zh: &str) -> Text {
    Text::from_pairs([("en", en), ("zh-Hans", zh)])
}

fn cell(row: u16, col: u16, row_span: u16, col_span: u16) -> Cell {
    Cell {
        row,
        col,
        row_span,
        col_span,
    }
}

fn panel(number: usize, cell: Cell, notes: Vec<Note>) -> Panel {
    Panel {
        id: format!("p{number}"),
        number,
        cell,
        art: None,
        alt: text(
            &format!("Panel {number}: a quiet street at night, rain on the windows."),
            &format!("第{number}格：夜晚安静的街道，雨打在窗户上。"),
        ),
        lines: vec![
            Line {
                kind: LineKind::Caption,
                speaker: None,
                text: text("Later that night.", "那天深夜。"),
            },
            Line {
                kind: LineKind::Speech,
                speaker: Some("david".into()),
                text: text(
                    "I never thought it would end like this.",
                    "我从没想过事情会这样结束，真的从没想过。",
                ),
            },
            Line {
                kind: LineKind::Thought,
                speaker: Some("david".into()),
                text: text("Keep calm.", "冷静。"),
            },
            Line {
                kind: LineKind::Sound,
                speaker: None,
                text: text("BANG", "砰"),
            },
        ],
        notes,
    }
}

fn note(kind: NoteKind, cites: &[&str], status: NoteStatus) -> Note {
    Note {
        kind,
        text: text(
            "Reports from the time differ on what happened that evening.",
            "当时的报道对那晚发生的事说法不一。",
        ),
        cites: cites.iter().map(ToString::to_string).collect(),
        status,
    }
}

fn source(id: &str, title: &str) -> Source {
    Source {
        id: id.into(),
        title: title.into(),
        publisher: "Daily Paper".into(),
        author: None,
        date: "2024-05".into(),
        url: None,
        kind: SourceKind::News,
    }
}

fn page(id: &str, rows: u16, cols: u16, panels: Vec<Panel>) -> Page {
    Page {
        id: id.into(),
        title: None,
        rows,
        cols,
        panels,
    }
}

/// The test story.
pub fn story() -> Story {
    let n = |k, c: &[&str], d| note(k, c, d);
    let p1 = vec![
        panel(
            1,
            cell(0, 0, 1, 1),
            vec![n(NoteKind::Context, &["a", "b"], NoteStatus::Established)],
        ),
        panel(2, cell(0, 1, 1, 1), vec![]),
        panel(
            3,
            cell(1, 0, 1, 1),
            vec![n(NoteKind::Analysis, &["b"], NoteStatus::SingleSource)],
        ),
        panel(4, cell(1, 1, 1, 1), vec![]),
    ];
    let p2 = vec![
        panel(
            5,
            cell(0, 0, 2, 1),
            vec![n(NoteKind::Translation, &[], NoteStatus::Established)],
        ),
        panel(6, cell(0, 1, 1, 2), vec![]),
        panel(7, cell(1, 1, 1, 1), vec![]),
        panel(8, cell(1, 2, 1, 1), vec![]),
    ];
    let p3 = vec![panel(9, cell(0, 0, 1, 1), vec![])];
    Story {
        id: "test".into(),
        languages: vec!["en".into(), "zh-Hans".into()],
        title: text("Test Story", "测试故事"),
        summary: text("A story for tests.", "测试用的故事。"),
        credits: vec![],
        characters: vec![Character {
            id: "david".into(),
            name: text("David", "大卫"),
        }],
        sources: vec![source("a", "First Report"), source("b", "Second Report")],
        pages: vec![
            page("one", 2, 2, p1),
            page("two", 2, 3, p2),
            page("three", 1, 1, p3),
        ],
    }
}
