//! Every view and overlay of the hostile story (and the built-in one) drawn through the
//! real crossterm backend at sizes from 1×1 to 300×100: no panic, nothing past the frame, and
//! the bytes written hold only the backend's own sequences. Also: app code never indexes a
//! buffer unchecked.

use crate::support::hostile as hostile_support;

use std::sync::OnceLock;

use crate::support::frame;
use crate::support::story::builtin;
use comicterm::app::{Action, App, Position};
use comicterm::story::{Story, StorySource, load};
use comicterm::term::backend::SgrBackend;
use comicterm::ui::{self, ViewCtx};
use hostile_support::*;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Reader actions that reach every view and overlay.
const VIEWS: [&[Action]; 9] = [
    &[],
    &[Action::ToggleView],
    &[Action::ToggleCommentary],
    &[
        Action::ToggleCommentary,
        Action::ScrollPageDown,
        Action::ScrollDown,
    ],
    &[Action::ToggleHelp],
    &[Action::ToggleHelp, Action::ScrollPageDown],
    &[Action::ToggleView, Action::ToggleCommentary, Action::Next],
    &[Action::ToggleView, Action::ToggleHelp],
    &[Action::Digit(9), Action::Digit(9), Action::Confirm],
];

fn hostile() -> &'static Story {
    static STORY: OnceLock<Story> = OnceLock::new();
    STORY.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        write_story(dir.path());
        load(&StorySource::Dir(dir.path().to_path_buf()))
            .story
            .expect("the hostile story opens")
    })
}

fn app(story: &Story, w: u16, h: u16, page: usize, view: usize) -> App<'_> {
    let mut app = frame::app(
        story,
        None,
        (w, h),
        &[Action::GoTo(Position { page, panel: 1 })],
    );
    VIEWS[view].iter().for_each(|a| app.update(*a));
    app
}

/// Removes what the backend itself writes (cursor moves, SGR, cursor show/hide); any other
/// escape is left for [`problems`] to report.
///
/// Not `comicterm::text::strip_sgr`, which removes SGR alone (rightly: the renderer writes no
/// cursor moves). Both kinds go in one pass: stripping cursor moves, then SGR, could join the
/// pieces around a removed sequence into an escape that the second pass would hide.
fn strip_backend(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("\x1b[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let n = after
            .find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':' || c == '?'))
            .unwrap_or(after.len());
        let (params, fin) = (&after[..n], after[n..].chars().next());
        let ours = match fin {
            Some('m') => !params.contains('?'),
            Some('H') => !params.contains('?'),
            Some('h' | 'l') => params == "?25",
            _ => false,
        };
        if ours {
            rest = &after[n + 1..];
        } else {
            out.push_str("\x1b[");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Draws through the viewer's backend into a `Vec<u8>`, then checks the bytes and a
/// `TestBackend` copy.
fn check(story: &Story, w: u16, h: u16, page: usize, view: usize) {
    let app = app(story, w, h, page, view);
    let ctx = ViewCtx::new(&app);
    let mut bytes = Vec::new();
    {
        let mut term = Terminal::new(SgrBackend::new(&mut bytes)).unwrap();
        term.resize(ratatui::layout::Rect::new(0, 0, w, h)).unwrap();
        term.draw(|f| ui::draw(f, &app, &ctx)).unwrap();
    }
    let out = String::from_utf8(bytes).expect("UTF-8");
    // Setting the size clears the screen first (`ESC[2J`, the backend's own); then the frame.
    let frame = out.trim_start_matches("\x1b[2J");
    assert!(
        frame.len() < out.len() && !frame.is_empty(),
        "{w}x{h}: {out:?}"
    );
    let p = problems(&strip_backend(frame), true);
    assert!(
        p.is_empty(),
        "{w}x{h} page {page} view {view}: {:?}",
        &p[..p.len().min(3)]
    );

    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::draw(f, &app, &ctx)).unwrap();
    let buf = t.backend().buffer();
    assert_eq!((buf.area.width, buf.area.height), (w, h));
    for line in comicterm::ui::dump::text(buf).lines() {
        let width = unicode_width::UnicodeWidthStr::width(line);
        assert!(width <= usize::from(w), "{w}x{h} view {view}: {line:?}");
    }
}

#[test]
fn edge_sizes_every_view() {
    let sizes = [
        (1, 1),
        (2, 1),
        (1, 2),
        (3, 3),
        (300, 1),
        (1, 100),
        (300, 100),
        (10, 5),
        (39, 11),
        (40, 12),
        (80, 24),
    ];
    for (w, h) in sizes {
        for view in 0..VIEWS.len() {
            for page in [0, 5, hostile().pages.len() - 1] {
                check(hostile(), w, h, page, view);
            }
            check(builtin(), w, h, view % 4, view);
        }
    }
}

#[test]
fn every_small_size() {
    for w in 1..=20 {
        for h in 1..=12 {
            check(
                hostile(),
                w,
                h,
                (w + h) as usize % 13,
                (w * h) as usize % VIEWS.len(),
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_size_any_view(w in 1u16..=300, h in 1u16..=100, page in 0usize..13, view in 0usize..VIEWS.len()) {
        check(hostile(), w, h, page, view);
        check(builtin(), w, h, page % 4, view);
    }
}

/// App code writes cells through `cell_mut` on an intersected area, never `buf[(x, y)]`,
/// which panics outside the buffer. Test modules (after `#[cfg(test)]`) may index.
#[test]
fn app_code_never_indexes_a_buffer_unchecked() {
    let mut hits = Vec::new();
    let mut stack = vec![std::path::PathBuf::from("src")];
    let mut files = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let name = path.file_name().unwrap().to_string_lossy();
            if !name.ends_with(".rs") || name == "tests.rs" {
                continue;
            }
            files += 1;
            let text = std::fs::read_to_string(&path).unwrap();
            for (i, line) in text.lines().enumerate() {
                if line.trim_start().starts_with("#[cfg(test)]") {
                    break;
                }
                let code = line.split("//").next().unwrap_or("");
                let compact: String = code.chars().filter(|c| !c.is_whitespace()).collect();
                for bad in ["buf[(", "buffer[(", "buf.content[", "buffer.content["] {
                    if compact.contains(bad) {
                        hits.push(format!("{}:{}: {}", path.display(), i + 1, line.trim()));
                    }
                }
            }
        }
    }
    assert!(files > 30, "scanned {files} files");
    assert!(
        hits.is_empty(),
        "unchecked buffer indexing:\n{}",
        hits.join("\n")
    );
}
