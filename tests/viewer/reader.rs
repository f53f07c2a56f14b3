//! The readers' screens of issue 12 on the built-in story: the search prompt (Latin and CJK
//! typed text), a search's hits highlighted with the `hit 3/7` count, the overview and the
//! side pane, at 80×24 and 160×48 in both languages. (The overview at 160×48 in English and
//! 80×24 in Chinese, and the side pane at 160×48, are snapshotted on the test story in
//! `src/ui/tests.rs`; these are the rest.)

use std::fmt::Write as _;

use comicterm::app::keys::Key;
use comicterm::app::overview::OverviewStep;
use comicterm::app::{Action, App, Overlay, Position, keymap};
use comicterm::ui::keyhelp;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

use crate::support::frame;
use crate::support::story::builtin;

const SMALL: (u16, u16) = (80, 24);
const BIG: (u16, u16) = (160, 48);

fn at(lang: &str, size: (u16, u16), actions: &[Action]) -> App<'static> {
    frame::app(builtin(), Some(lang), size, actions)
}

/// The frame as the snapshots show it, then each run of reversed cells outside the status
/// bar (where search hits are highlighted) as `row col: text`.
fn screen_and_highlights(app: &App) -> String {
    let mut out = frame::terminal(app).backend().to_string();
    out.push_str("\nreversed:\n");
    for (row, col, text) in reversed_runs(&frame::buffer(app)) {
        let _ = writeln!(out, "{row:>3} {col:>3}: {text}");
    }
    out
}

/// Runs of cells drawn reversed, above the status bar: (row, first column, their text).
fn reversed_runs(buf: &Buffer) -> Vec<(u16, u16, String)> {
    let area = buf.area;
    let mut runs = Vec::new();
    for y in area.top()..area.bottom().saturating_sub(1) {
        let mut run: Option<(u16, String)> = None;
        for x in area.left()..area.right() {
            let cell = &buf[(x, y)];
            if cell.modifier.contains(Modifier::REVERSED) {
                run.get_or_insert((x, String::new()))
                    .1
                    .push_str(cell.symbol());
            } else if let Some((col, text)) = run.take() {
                runs.push((y, col, text));
            }
        }
        if let Some((col, text)) = run {
            runs.push((y, col, text));
        }
    }
    runs
}

fn typed(text: &str) -> Vec<Action> {
    let mut actions = vec![Action::SearchStart];
    actions.extend(text.chars().map(Action::SearchInput));
    actions
}

fn searched(text: &str) -> Vec<Action> {
    let mut actions = typed(text);
    actions.push(Action::SearchSubmit);
    actions
}

fn status(app: &App) -> String {
    comicterm::ui::dump::text(&frame::buffer(app))
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

/// The prompt shows what was typed, in English and in Chinese (CJK typed text, and the
/// prompt's own words in the reader's language); Backspace takes a whole grapheme.
#[test]
fn search_prompt_with_typed_text() {
    insta::assert_snapshot!(frame::terminal(&at("en", SMALL, &typed("roses"))).backend());
    insta::assert_snapshot!(frame::terminal(&at("zh-Hans", BIG, &typed("玫瑰"))).backend());
    let mut erased = typed("玫瑰花");
    erased.push(Action::SearchErase);
    let app = at("zh-Hans", SMALL, &erased);
    assert_eq!(app.search.prompt.as_deref(), Some("玫瑰"));
    assert!(status(&app).contains("/玫瑰▏"), "{}", status(&app));
}

/// "him", seven times in the English text: after Enter and two `n`, the status bar counts
/// `3/7`; the third hit is in a note, so the commentary opens with the word reversed there
/// (and nothing else above the status bar is). In Chinese, 你: its third hit is spoken on
/// page 1, reversed in the panel.
#[test]
fn hits_highlighted_with_their_count() {
    let word = "him";
    let mut actions = searched(word);
    let app = at("en", BIG, &actions);
    let hits = app.search.hits.len();
    assert!(hits >= 3, "the story says \"{word}\" {hits} times");
    actions.extend([Action::SearchNext, Action::SearchNext]);
    let app = at("en", BIG, &actions);
    assert!(
        status(&app).contains(&format!("hit 3/{hits}")),
        "{}",
        status(&app)
    );
    assert_eq!(app.overlay, Overlay::Commentary, "the hit is in a note");
    assert_only_word_reversed(&app, word);
    insta::assert_snapshot!(screen_and_highlights(&app));
    let mut zh = vec![Action::NextLanguage];
    zh.extend(searched("你"));
    zh.extend([Action::SearchNext, Action::SearchNext]);
    let app = at("en", BIG, &zh);
    assert_eq!(app.lang_tag(), "zh-Hans");
    let count = format!("第 3/{} 个结果", app.search.hits.len());
    assert!(status(&app).contains(&count), "{}", status(&app));
    assert_only_word_reversed(&app, "你");
    insta::assert_snapshot!(screen_and_highlights(&app));
}

fn assert_only_word_reversed(app: &App, word: &str) {
    let runs = reversed_runs(&frame::buffer(app));
    assert!(!runs.is_empty(), "the hit is highlighted");
    for (_, _, text) in &runs {
        assert_eq!(
            text.to_lowercase(),
            word,
            "only hits are reversed: {runs:?}"
        );
    }
}

/// A hit in a panel's alt text, drawn in place of the art (no art, or art not ready yet).
#[test]
fn a_hit_in_alt_text_is_highlighted() {
    let app = at("en", BIG, &searched("bunting"));
    assert_eq!(app.search.current, Some(0));
    assert_only_word_reversed(&app, "bunting");
}

/// The hits at 80×24, where pages show one panel at a time: English (the note's hit in the
/// commentary over the panel) and Chinese (the spoken hit under the art).
#[test]
fn hits_highlighted_at_80x24() {
    for (lang, word) in [("en", "him"), ("zh-Hans", "你")] {
        let mut actions = searched(word);
        actions.extend([Action::SearchNext, Action::SearchNext]);
        let app = at(lang, SMALL, &actions);
        assert_eq!(app.search.current, Some(2));
        assert_only_word_reversed(&app, word);
        insta::assert_snapshot!(format!("hits_{lang}_80x24"), screen_and_highlights(&app));
    }
}

/// Rebinding an action (as a config file's `[keys]` does) changes what the keys do and what
/// the help overlay lists, in both languages: next page on `x` and `z`, no longer on PgDn.
#[test]
fn a_rebound_key_dispatches_and_shows_in_help() {
    for (lang, describe) in [
        ("en", keyhelp::en as fn(Action) -> &'static str),
        ("zh-Hans", keyhelp::zh),
    ] {
        let mut app = at(lang, (100, 30), &[]);
        app.keymap
            .rebind("next-page", vec![Key::Char('x'), Key::Char('z')])
            .unwrap();
        assert_eq!(
            keymap::map_key(&app, Key::Char('z')),
            Some(Action::NextPage)
        );
        assert_ne!(keymap::map_key(&app, Key::PageDown), Some(Action::NextPage));
        let action = keymap::map_key(&app, Key::Char('x')).expect("x is bound");
        app.update(action);
        assert_eq!(app.pos.page, 1, "{lang}: x turned the page");
        app.update(Action::ToggleHelp);
        let text = comicterm::ui::dump::text(&frame::buffer(&app));
        let does = describe(Action::NextPage);
        // Help rows: the keys, two or more spaces, what they do.
        let rows: Vec<(&str, &str)> = text
            .lines()
            .filter_map(|l| {
                let inner = l.trim_matches(|c: char| c == '│' || c.is_whitespace());
                let (keys, what) = inner.split_once("  ")?;
                Some((keys, what.trim()))
            })
            .collect();
        let keys = rows.iter().find(|(_, what)| *what == does).map(|r| r.0);
        assert_eq!(keys, Some("x z"), "{lang}: help lists {does:?}:\n{text}");
        assert!(!text.contains("PgDn "), "{lang}: PgDn is no longer listed");
    }
}

/// The overview on page 2 with a bookmark, in the sizes and language not snapshotted on
/// the test story: English at 80×24 (it scrolls), Chinese at 160×48.
#[test]
fn overview_in_both_languages_and_sizes() {
    let open = [
        Action::GoTo(Position { page: 1, panel: 1 }),
        Action::ToggleBookmark,
        Action::ToggleOverview,
        Action::Overview(OverviewStep::NextPage),
        Action::Overview(OverviewStep::NextPanel),
    ];
    insta::assert_snapshot!(frame::terminal(&at("en", SMALL, &open)).backend());
    insta::assert_snapshot!(frame::terminal(&at("zh-Hans", BIG, &open)).backend());
}

/// The side pane at 160×48 in both languages on page 3; at 80×24 it does not fit, and the
/// frame is the frame without it, in both languages.
#[test]
fn side_pane_in_both_languages_and_sizes() {
    let to = Action::GoTo(Position { page: 2, panel: 1 });
    for lang in ["en", "zh-Hans"] {
        let app = at(lang, BIG, &[to, Action::ToggleSide]);
        insta::assert_snapshot!(
            format!("side_pane_{lang}_160x48"),
            frame::terminal(&app).backend()
        );
        let with = at(lang, SMALL, &[to, Action::ToggleSide]);
        let without = at(lang, SMALL, &[to]);
        assert!(with.side);
        assert_eq!(frame::buffer(&with), frame::buffer(&without), "{lang}");
    }
}
