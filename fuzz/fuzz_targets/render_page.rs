//! A story whose every text field holds fuzzed text, loaded through the real loader, drawn
//! at a fuzzed size after fuzzed reader actions: no panic, nothing wider than the frame, no
//! control character in the output; plus a diagnostic with a fuzzed span.
#![no_main]

use std::fmt::Write as _;

use comicterm::app::{Action, App};
use comicterm::diag::{Diagnostic, Kind, SourceText};
use comicterm::ui::{ViewCtx, dump, render};
use libfuzzer_sys::fuzz_target;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

const ACTIONS: [Action; 27] = [
    Action::Next,
    Action::Prev,
    Action::NextPage,
    Action::PrevPage,
    Action::LastPage,
    Action::ToggleView,
    Action::ToggleCommentary,
    Action::ToggleHelp,
    Action::NextLanguage,
    Action::Back,
    Action::ScrollDown,
    Action::ScrollPageDown,
    Action::ScrollUp,
    Action::Digit(2),
    Action::Confirm,
    Action::OpenPanel(1),
    Action::NextPanel,
    Action::Below,
    Action::Above,
    Action::NextNoted,
    Action::ToggleArtAlone,
    Action::ToggleOverview,
    Action::Overview(comicterm::app::overview::OverviewStep::NextPage),
    Action::ToggleSide,
    Action::SideDown,
    Action::ShowCover,
    Action::ToggleBookmark,
];

fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out + "\""
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 8 {
        return;
    }
    let w = u16::from_le_bytes([data[0], data[1]]) % 301;
    let h = u16::from_le_bytes([data[2], data[3]]) % 121;
    let cols = data[4] % 3 + 1;
    let actions = &data[5..8];
    let text = String::from_utf8_lossy(&data[8..]);
    let mut pieces: Vec<String> = text
        .split('|')
        .map(|p| {
            if p.trim().is_empty() {
                format!("x{p}x")
            } else {
                p.to_string()
            }
        })
        .collect();
    if pieces.is_empty() {
        pieces.push("x".into());
    }
    let mut next = pieces.iter().cycle();
    let mut t = || toml_str(next.next().unwrap());
    let mut story = format!(
        "schema = 1\nid = \"f\"\nlanguages = [\"en\", \"zh-Hans\"]\n\
         title = {{ en = {}, zh-Hans = {} }}\nsummary = {{ en = {}, zh-Hans = {} }}\n\
         [[character]]\nid = \"a\"\nname = {{ en = {}, zh-Hans = {} }}\n\
         [[source]]\nid = \"s\"\ntitle = {}\npublisher = {}\ndate = \"2020\"\nkind = \"news\"\n\
         [[page]]\nid = \"p\"\ntitle = {{ en = {}, zh-Hans = {} }}\nrows = 1\ncols = {cols}\n",
        t(),
        t(),
        t(),
        t(),
        t(),
        t(),
        t(),
        t(),
        t(),
        t()
    );
    let mut panels = Vec::new();
    for i in 0..cols {
        let _ = write!(
            story,
            "[[page.cell]]\npanel = \"c{i}\"\nrow = 1\ncol = {}\n",
            i + 1
        );
        panels.push(format!(
            "id = \"c{i}\"\nalt = {{ en = {}, zh-Hans = {} }}\n\
             [[line]]\nkind = \"speech\"\nspeaker = \"a\"\ntext = {{ en = {}, zh-Hans = {} }}\n\
             [[note]]\nkind = \"context\"\ntext = {{ en = {}, zh-Hans = {} }}\ncites = [\"s\"]\n",
            t(),
            t(),
            t(),
            t(),
            t(),
            t()
        ));
    }
    let names: Vec<String> = (0..panels.len()).map(|i| format!("{i}.toml")).collect();
    let files: Vec<(&str, &str)> = names
        .iter()
        .map(String::as_str)
        .zip(panels.iter().map(String::as_str))
        .collect();
    let outcome = comicterm::story::load_texts(&story, &files);
    let story = outcome.story.expect("escaped text always loads");
    let mut app = App::new(&story, &comicterm::ui::GEOMETRY, None, (w, h));
    for &a in actions {
        app.update(ACTIONS[usize::from(a) % ACTIONS.len()]);
    }
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    render(&app, &ViewCtx::new(&app), buf.area, &mut buf);
    for line in dump::text(&buf).lines() {
        assert!(line.width() <= usize::from(w), "{w}x{h}: {line:?}");
    }
    let ansi = dump::ansi(&buf);
    assert!(
        !ansi
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\u{1b}')
    );

    // A diagnostic on the fuzzed text with a fuzzed span renders without panic.
    let file = SourceText::new("panels/x.toml", &text);
    let start = usize::from(data[5]) * 7 % (text.len() + 2);
    let end = start + usize::from(data[6]) % 9;
    let d = Diagnostic::new(
        Kind::Syntax,
        &file,
        start..end,
        text.chars().take(40).collect(),
    );
    let _ = d.render(true);
    let _ = d.render(false);
});
