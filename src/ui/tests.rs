//! Drawing tests on the hand-built test story: snapshots, CJK containment, every size.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::{ViewCtx, dump, render};
use crate::app::testing::story;
use crate::app::{Action, App, Position};
use crate::story::Story;

fn app_at<'s>(story: &'s Story, size: (u16, u16), actions: &[Action]) -> App<'s> {
    let mut app = App::new(story, &crate::ui::GEOMETRY, None, size);
    actions.iter().for_each(|a| app.update(*a));
    app
}

fn frame(app: &App) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, app.size.0, app.size.1));
    render(app, &ViewCtx::new(app), buf.area, &mut buf);
    buf
}

fn terminal(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| super::draw(f, app, &ViewCtx::new(app))).unwrap();
    t
}

#[test]
fn page_view_80x24() {
    let s = story();
    insta::assert_snapshot!(terminal(&app_at(&s, (80, 24), &[])).backend());
}

#[test]
fn page_view_zh_80x24() {
    let s = story();
    let app = app_at(&s, (80, 24), &[Action::NextLanguage]);
    insta::assert_snapshot!(terminal(&app).backend());
}

#[test]
fn panel_view_spanning_page() {
    let s = story();
    let app = app_at(&s, (80, 24), &[Action::NextPage, Action::ToggleView]);
    insta::assert_snapshot!(terminal(&app).backend());
}

#[test]
fn commentary_page_view() {
    let s = story();
    let app = app_at(&s, (80, 24), &[Action::ToggleCommentary]);
    insta::assert_snapshot!(terminal(&app).backend());
}

#[test]
fn tiny_terminal_asks_to_enlarge() {
    let s = story();
    insta::assert_snapshot!(terminal(&app_at(&s, (20, 6), &[])).backend());
    let app = app_at(&s, (20, 6), &[Action::NextLanguage]);
    insta::assert_snapshot!(terminal(&app).backend());
}

/// Every visible row of a frame fits its width, and no wide character is cut by a border.
fn assert_contained(buf: &Buffer) {
    let text = dump::text(buf);
    for line in text.lines() {
        assert!(line.width() <= usize::from(buf.area.width), "{line}");
    }
}

#[test]
fn cjk_never_overflows_frames() {
    let s = story();
    for width in [20, 40, 80] {
        for view in [
            vec![],
            vec![Action::ToggleView],
            vec![Action::ToggleCommentary],
        ] {
            let mut actions = vec![Action::NextLanguage];
            actions.extend(view);
            let app = app_at(&s, (width, 24), &actions);
            let buf = frame(&app);
            assert_contained(&buf);
            for (x, y) in (0..width).flat_map(|x| (0..24).map(move |y| (x, y))) {
                let cell = buf.cell((x, y)).unwrap();
                let w = cell.symbol().width();
                assert!(x + u16::try_from(w).unwrap() <= width.max(1) || w == 0);
            }
        }
    }
}

#[test]
fn every_view_at_many_sizes_without_panic() {
    let s = story();
    let views: [&[Action]; 5] = [
        &[],
        &[Action::ToggleView],
        &[Action::ToggleCommentary],
        &[Action::ToggleHelp, Action::NextLanguage],
        &[
            Action::GoTo(Position { page: 1, panel: 0 }),
            Action::ToggleCommentary,
        ],
    ];
    let sizes = (0..=300)
        .step_by(17)
        .flat_map(|w| (0..=100).step_by(13).map(move |h| (w, h)));
    for (w, h) in sizes.chain([(1, 1), (0, 0), (300, 100)]) {
        for actions in views {
            let mut app = app_at(&s, (w, h), actions);
            app.update(Action::ScrollPageDown);
            assert_contained(&frame(&app));
        }
    }
}

#[test]
fn a_wide_glyph_whose_right_half_is_drawn_over_becomes_a_space() {
    let mut buf = Buffer::empty(Rect::new(0, 0, 8, 2));
    buf.set_string(2, 0, "小", ratatui::style::Style::new());
    buf.set_string(3, 0, "│", ratatui::style::Style::new());
    buf.set_string(2, 1, "小x", ratatui::style::Style::new());
    let area = buf.area;
    super::blank_cut_wide_glyphs(&mut buf, area);
    assert_eq!(buf[(2, 0)].symbol(), " ", "cut by a border");
    assert_eq!(buf[(3, 0)].symbol(), "│");
    assert_eq!(buf[(2, 1)].symbol(), "小", "whole glyphs stay");
}

/// In every overlay, in Chinese, at many widths: no wide glyph's right half holds anything
/// (which a terminal would hide under the glyph).
#[test]
fn no_wide_glyph_is_cut_by_an_overlay_at_any_width() {
    let s = crate::story::load(&crate::story::StorySource::Builtin)
        .story
        .unwrap();
    for w in 40..=200u16 {
        for overlay in [Action::ToggleHelp, Action::ToggleCommentary] {
            let mut app = App::new(&s, &crate::ui::GEOMETRY, Some("zh-Hans"), (w, 40));
            app.update(overlay);
            let buf = frame(&app);
            for y in 0..40 {
                for x in 0..w - 1 {
                    if buf[(x, y)].symbol().width() > 1 {
                        let next = buf[(x + 1, y)].symbol();
                        assert!(
                            next == " " || next.is_empty(),
                            "{w}×40 {overlay:?} at {x},{y}: `{}` then `{next}`",
                            buf[(x, y)].symbol()
                        );
                    }
                }
            }
        }
    }
}

/// On a light terminal nothing is drawn in the pale named colors (yellow, cyan, white, gray
/// text) that vanish on white, and overlays never paint a black box.
#[test]
fn the_light_palette_leaves_no_pale_text_and_no_black_boxes() {
    use ratatui::style::Color;
    let s = crate::story::load(&crate::story::StorySource::Builtin)
        .story
        .unwrap();
    for lang in ["en", "zh-Hans"] {
        for overlay in [
            None,
            Some(Action::ToggleHelp),
            Some(Action::ToggleCommentary),
        ] {
            let mut app = App::new(&s, &crate::ui::GEOMETRY, Some(lang), (120, 40));
            if let Some(a) = overlay {
                app.update(a);
            }
            let mut buf = Buffer::empty(Rect::new(0, 0, 120, 40));
            let ctx = ViewCtx {
                palette: crate::ui::Palette::Light,
                ..ViewCtx::new(&app)
            };
            render(&app, &ctx, buf.area, &mut buf);
            for cell in buf.content() {
                let on_default = cell.bg == Color::Reset;
                let pale = matches!(
                    cell.fg,
                    Color::Yellow | Color::Cyan | Color::White | Color::Gray
                );
                assert!(!(on_default && pale), "{lang} {overlay:?}: {cell:?}");
                assert_ne!(cell.bg, Color::Black, "{lang} {overlay:?}: a black box");
            }
        }
    }
}

/// `NO_COLOR` takes colors away, not emphasis: the current panel stays bold and the status
/// bar is reversed, so both can still be told apart.
#[test]
fn no_color_keeps_emphasis() {
    use ratatui::style::{Color, Modifier};
    let s = story();
    let app = app_at(&s, (80, 24), &[]);
    let mut buf = Buffer::empty(Rect::new(0, 0, 80, 24));
    let ctx = ViewCtx {
        mono: true,
        ..ViewCtx::new(&app)
    };
    render(&app, &ctx, buf.area, &mut buf);
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    assert!(
        (0..80).all(|x| buf[(x, 23)].modifier.contains(Modifier::REVERSED)),
        "status bar"
    );
    assert!(
        buf.content()
            .iter()
            .any(|c| c.modifier.contains(Modifier::BOLD)),
        "current panel"
    );
    assert!(!buf[(0, 0)].modifier.contains(Modifier::REVERSED));
}

/// A note's citation markers are the story's source numbers, in order; the overlay lists
/// those sources under the same numbers, with their addresses.
#[test]
fn citations_use_the_story_numbering_in_order() {
    let s = crate::story::load(&crate::story::StorySource::Builtin)
        .story
        .unwrap();
    for page in 0..s.pages.len() {
        let mut app = App::new(&s, &crate::ui::GEOMETRY, None, (160, 48));
        app.update(Action::GoTo(Position { page, panel: 0 }));
        app.update(Action::ToggleCommentary);
        let lines = super::commentary::lines(&app, &ViewCtx::new(&app), 150, usize::MAX);
        let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
        let sources_at = text.iter().position(|l| l == "Sources").unwrap();
        for line in &text[..sources_at] {
            let marks: Vec<usize> = line
                .split('[')
                .skip(1)
                .filter_map(|p| p.split(']').next()?.parse().ok())
                .collect();
            assert!(marks.windows(2).all(|w| w[0] < w[1]), "page {page}: {line}");
        }
        let section = text[sources_at + 1..].join(" ");
        let mut listed = 0;
        for (i, source) in s.sources.iter().enumerate() {
            let n = i + 1;
            if !section.contains(&format!("[{n}] ")) {
                continue;
            }
            listed += 1;
            let start: String = super::commentary::describe(source, "en")
                .chars()
                .take(12)
                .collect();
            assert!(
                section.contains(&format!("[{n}] {start}")),
                "page {page}: [{n}] is not {}",
                source.id
            );
            if let Some(url) = &source.url {
                assert!(
                    section.contains(url.as_str()),
                    "page {page}: no address for [{n}]"
                );
            }
        }
        assert!(listed > 0, "page {page} lists no source");
    }
}

/// The overview: every page as a tile, the cursor and a bookmark marked; the reader's page
/// framed; 80×24 scrolls to keep the cursor's page on screen.
#[test]
fn overview_snapshots() {
    let s = story();
    let open = [
        Action::ToggleBookmark,
        Action::ToggleOverview,
        Action::Overview(crate::app::overview::OverviewStep::NextPage),
        Action::Overview(crate::app::overview::OverviewStep::NextPanel),
    ];
    insta::assert_snapshot!(terminal(&app_at(&s, (160, 48), &open)).backend());
    let mut zh = vec![Action::NextLanguage];
    zh.extend(open);
    insta::assert_snapshot!(terminal(&app_at(&s, (80, 24), &zh)).backend());
}

/// A click on a panel in the overview picks it; Enter goes there and closes the overview.
#[test]
fn the_overview_hit_test_finds_the_panel_drawn_there() {
    let s = story();
    let app = app_at(&s, (160, 48), &[Action::ToggleOverview]);
    let buf = frame(&app);
    // Find panel 6's frame title on screen and click just inside it.
    let text = dump::text(&buf);
    let (row, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("┌6"))
        .expect("panel 6 drawn");
    let col = line[..line.find("┌6").unwrap()].width() as u16;
    let hit = super::overview::panel_at(&app, col + 1, row as u16 + 1);
    assert_eq!(hit, Some(Position { page: 1, panel: 1 }));
}

/// The cover and end cards, in both languages, at 80×24 and 160×48.
#[test]
fn cover_and_end_cards() {
    let s = story();
    let end = [Action::LastPage, Action::NextPanel];
    for (size, zh) in [((80, 24), false), ((160, 48), true)] {
        let lang = if zh {
            vec![Action::NextLanguage]
        } else {
            vec![]
        };
        let cover: Vec<Action> = lang.iter().copied().chain([Action::ShowCover]).collect();
        let to_end: Vec<Action> = lang.iter().copied().chain(end).collect();
        insta::assert_snapshot!(terminal(&app_at(&s, size, &cover)).backend());
        insta::assert_snapshot!(terminal(&app_at(&s, size, &to_end)).backend());
    }
}

/// The side pane: the focused panel's notes beside the page at 160×48 (both languages); at
/// 80×24 there is no room and the page keeps the whole width.
#[test]
fn side_pane() {
    let s = story();
    let open = [Action::ToggleSide, Action::NextPanel, Action::NextPanel];
    insta::assert_snapshot!(terminal(&app_at(&s, (160, 48), &open)).backend());
    let zh: Vec<Action> = [Action::NextLanguage].into_iter().chain(open).collect();
    insta::assert_snapshot!(terminal(&app_at(&s, (160, 48), &zh)).backend());
    let small = app_at(&s, (80, 24), &open);
    let plain = app_at(&s, (80, 24), &open[1..]);
    assert_eq!(
        frame(&small),
        frame(&plain),
        "no side pane below 100 columns"
    );
}

/// A search hit is drawn reversed where it is: in a panel's text, and in a note (the
/// commentary opens on a hit in a note).
#[test]
fn search_hits_are_highlighted_where_they_are_drawn() {
    let s = story();
    let search = |word: &str| {
        let mut actions = vec![Action::SearchStart];
        actions.extend(word.chars().map(Action::SearchInput));
        actions.push(Action::SearchSubmit);
        actions
    };
    let reversed = |app: &App| -> String {
        let buf = frame(app);
        buf.content()
            .iter()
            .filter(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
            .map(|c| c.symbol())
            .collect()
    };
    let in_note = app_at(&s, (160, 48), &search("differ"));
    assert_eq!(in_note.overlay, crate::app::Overlay::Commentary);
    assert!(
        reversed(&in_note).contains("differ"),
        "{}",
        reversed(&in_note)
    );
    let in_text = app_at(&s, (160, 48), &search("calm"));
    assert_eq!(in_text.overlay, crate::app::Overlay::None);
    assert!(
        reversed(&in_text).contains("calm"),
        "{}",
        reversed(&in_text)
    );
    // Every hit of a text, not only its first: "Later that night." has four t's.
    let every = app_at(&s, (160, 48), &search("t"));
    let shown = frame(&every);
    let caption_row = (0..shown.area.height)
        .find(|&y| {
            let row: String = (0..shown.area.width)
                .map(|x| shown[(x, y)].symbol())
                .collect();
            row.contains("Later that night.")
        })
        .expect("the first panel's caption is drawn");
    let marked = (0..shown.area.width)
        .filter(|&x| {
            let c = &shown[(x, caption_row)];
            c.symbol() == "t" && c.modifier.contains(ratatui::style::Modifier::REVERSED)
        })
        .count();
    assert!(marked >= 4, "{marked} of the caption's t's reversed");
}
