//! Panel-file checks: art, alt text, lines and commentary notes.

use super::Checker;
use super::limits::*;
use super::story::StoryHead;
use crate::diag::{Kind, excerpt};
use crate::story::assets::AssetStore;
use crate::story::model::{
    ArtOrigin, ArtRef, Cell, Line, LineKind, Note, NoteKind, NoteStatus, Panel, Site,
};
use crate::story::raw::{RawLine, RawNote, RawPanel};

const LINE_KINDS: &[(&str, LineKind)] = &[
    ("caption", LineKind::Caption),
    ("narration", LineKind::Narration),
    ("speech", LineKind::Speech),
    ("thought", LineKind::Thought),
    ("sign", LineKind::Sign),
    ("sound", LineKind::Sound),
];

const NOTE_KINDS: &[(&str, NoteKind)] = &[
    ("context", NoteKind::Context),
    ("analysis", NoteKind::Analysis),
    ("translation", NoteKind::Translation),
];

const NOTE_STATUSES: &[(&str, NoteStatus)] = &[
    ("established", NoteStatus::Established),
    ("single-source", NoteStatus::SingleSource),
    ("disputed", NoteStatus::Disputed),
    ("unverified", NoteStatus::Unverified),
];

/// Checks one panel file; the panel's place on a page is filled in later.
pub fn check_panel(
    raw: &RawPanel,
    c: &mut Checker,
    head: &StoryHead,
    assets: &AssetStore,
) -> Panel {
    let art = raw.art.as_ref().map(|art| {
        // Emptiness is an art-path problem (not blocking), reported by `resolve` below.
        c.report_unsafe(art, "art path");
        let path = crate::text::sanitize(art.get_ref());
        let origin = assets.resolve(art.get_ref()).unwrap_or_else(|problem| {
            // The message quotes the raw path; it is shown in the panel, so sanitize it.
            let reason = crate::text::sanitize(&problem.message);
            c.error_hint(problem.kind, art.span(), problem.message, problem.hint);
            ArtOrigin::Broken(reason)
        });
        let site = Some(Site {
            file: c.file.clone(),
            span: art.span(),
        });
        ArtRef { path, origin, site }
    });
    Panel {
        id: c.id(&raw.id, "panel id"),
        number: 0,
        cell: Cell {
            row: 0,
            col: 0,
            row_span: 1,
            col_span: 1,
        },
        art,
        alt: c.text(&raw.alt, "alt text", MAX_ALT),
        lines: {
            let n = c.at_most(
                raw.line.len(),
                MAX_LINES_PER_PANEL,
                || raw.line[MAX_LINES_PER_PANEL].kind.span(),
                "lines",
                "this panel",
            );
            raw.line[..n]
                .iter()
                .map(|l| check_line(l, c, head))
                .collect()
        },
        notes: {
            let n = c.at_most(
                raw.note.len(),
                MAX_NOTES_PER_PANEL,
                || raw.note[MAX_NOTES_PER_PANEL].kind.span(),
                "notes",
                "this panel",
            );
            raw.note[..n]
                .iter()
                .map(|n| check_note(n, c, head))
                .collect()
        },
    }
}

fn check_line(raw: &RawLine, c: &mut Checker, head: &StoryHead) -> Line {
    let kind = c
        .one_of(&raw.kind, "line kind", LINE_KINDS)
        .unwrap_or(LineKind::Caption);
    let needs_speaker = matches!(kind, LineKind::Speech | LineKind::Thought);
    let no_speaker = matches!(kind, LineKind::Caption | LineKind::Narration);
    let kind_name = excerpt(raw.kind.get_ref());
    match &raw.speaker {
        None if needs_speaker => c.error_with(
            Kind::MissingKey,
            raw.kind.span(),
            format!("a `{kind_name}` line needs a `speaker`"),
            || head.character_ids.hint(""),
        ),
        Some(s) if no_speaker => c.error_hint(
            Kind::SpeakerNotAllowed,
            s.span(),
            format!("a `{kind_name}` line has no speaker"),
            "use `speech` or `thought` for a character's words, or remove `speaker`".into(),
        ),
        Some(s) if !head.character_ids.contains(s.get_ref()) => c.error_with(
            Kind::UnknownSpeaker,
            s.span(),
            format!("no character has the id `{}`", excerpt(s.get_ref())),
            || head.character_ids.hint(s.get_ref()),
        ),
        _ => {}
    }
    Line {
        kind,
        speaker: raw
            .speaker
            .as_ref()
            .map(|s| crate::text::sanitize(s.get_ref())),
        text: c.text(&raw.text, "line text", MAX_LINE_TEXT),
    }
}

fn check_note(raw: &RawNote, c: &mut Checker, head: &StoryHead) -> Note {
    let kind = c
        .one_of(&raw.kind, "note kind", NOTE_KINDS)
        .unwrap_or(NoteKind::Context);
    let cites: &[crate::story::raw::Str] = raw.cites.as_ref().map_or(&[], |c| c.get_ref());
    let n = c.at_most(
        cites.len(),
        MAX_CITES_PER_NOTE,
        || cites[MAX_CITES_PER_NOTE].span(),
        "citations",
        "this note",
    );
    let cites = &cites[..n];
    for cite in cites {
        if !head.source_ids.contains(cite.get_ref()) {
            c.error_with(
                Kind::UnknownSource,
                cite.span(),
                format!("no source has the id `{}`", excerpt(cite.get_ref())),
                || head.source_ids.hint(cite.get_ref()),
            );
        }
    }
    if let Some(old) = &raw.disputed {
        report_disputed_flag(old, c);
    }
    let status = match &raw.status {
        Some(s) => {
            let status = c
                .one_of(s, "note status", NOTE_STATUSES)
                .unwrap_or_default();
            check_status_cites(status, s, cites.len(), c);
            status
        }
        None => NoteStatus::Established,
    };
    Note {
        kind,
        text: c.text(&raw.text, "note text", MAX_NOTE_TEXT),
        cites: cites
            .iter()
            .map(|s| crate::text::sanitize(s.get_ref()))
            .collect(),
        status,
    }
}

/// `disputed = true` was replaced by `status = "disputed"`: a located error that says so.
fn report_disputed_flag(old: &toml::Spanned<toml::Value>, c: &mut Checker) {
    let hint = match old.get_ref() {
        toml::Value::Boolean(false) => {
            "remove it: a note without `status` is `established`".to_string()
        }
        _ => "write `status = \"disputed\"` instead (it needs at least two sources in `cites`), \
              or `single-source`, `unverified` or `established` if that is what the note is"
            .to_string(),
    };
    // The span is the value's; point at the key, which starts the line.
    let line_start = c.file.text[..old.span().start]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let key = c.file.text[line_start..old.span().start]
        .find("disputed")
        .map_or(old.span(), |i| {
            line_start + i..line_start + i + "disputed".len()
        });
    c.error_hint(
        Kind::ObsoleteKey,
        key,
        "`disputed` is no longer a note key: it was replaced by `status`".into(),
        hint,
    );
}

/// `disputed` needs two or more sources, `single-source` exactly one.
fn check_status_cites(
    status: NoteStatus,
    at: &crate::story::raw::Str,
    cited: usize,
    c: &mut Checker,
) {
    let sources = |n: usize| match n {
        0 => "no source".to_string(),
        1 => "1 source".to_string(),
        n => format!("{n} sources"),
    };
    let (need, hint) = match status {
        NoteStatus::Disputed if cited < 2 => (
            "at least two",
            "cite the sources that disagree; if only one source makes the claim, use \
             `status = \"single-source\"` or `\"unverified\"`",
        ),
        NoteStatus::SingleSource if cited != 1 => (
            "exactly one",
            "cite the one source; if several agree, remove `status` (established), and if they \
             disagree, use `status = \"disputed\"`",
        ),
        _ => return,
    };
    c.error_hint(
        Kind::StatusCites,
        at.span(),
        format!(
            "a `{}` note must cite {need} source{}, this one cites {}",
            status.keyword(),
            if need == "exactly one" { "" } else { "s" },
            sources(cited)
        ),
        hint.into(),
    );
}
