//! Search benchmarks (`cargo bench --bench search`): a generated 10,000-panel story
//! (`comicterm generate OUT --panels 10000`, two languages), folded into an index once and
//! searched for a rare word, a common one, Chinese text and across all languages; plus a
//! one-off search that builds its index (what `comicterm search` does), and the viewer's
//! own: `/report` Enter (the first builds the index, later ones reuse it; the reader moves
//! to the first hit) and `n` to the next hit. Prints the story's size first. Timings are
//! read, never asserted (docs/performance.md).

use std::sync::OnceLock;

use comicterm::app::{Action, App};
use comicterm::search::{Index, Scope, search};
use comicterm::story::{Story, StorySource, load};
use comicterm::ui::ViewCtx;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const PANELS: usize = 10_000;

fn main() {
    let s = story();
    let texts: usize = s
        .panels()
        .map(|p| 1 + p.lines.len() + p.notes.len())
        .sum::<usize>()
        * s.languages.len();
    println!(
        "story: {} pages, {} panels, {} texts in {} languages; hits for \"report\": {}",
        s.pages.len(),
        s.panel_count(),
        texts,
        s.languages.len(),
        index().search("report", Scope::Lang(0)).len()
    );
    println!(
        "hits for \"e\": {}",
        index().search("e", Scope::Lang(0)).len()
    );
    divan::main();
}

fn story() -> &'static Story {
    static STORY: OnceLock<Story> = OnceLock::new();
    STORY.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        comicterm::generate::write_story(dir.path(), PANELS, 4).expect("generate");
        let story = load(&StorySource::Dir(dir.path().to_path_buf()));
        story.story.expect("generated story loads")
    })
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index::new(story()))
}

#[divan::bench]
fn build_index() -> Index {
    Index::new(divan::black_box(story()))
}

#[divan::bench(args = ["panel 9999.", "report", "ZEBRA", "e"])]
fn search_english(query: &str) -> usize {
    index()
        .search(divan::black_box(query), Scope::Lang(0))
        .len()
}

#[divan::bench(args = ["报告", "第9999格"])]
fn search_chinese(query: &str) -> usize {
    index()
        .search(divan::black_box(query), Scope::Lang(1))
        .len()
}

#[divan::bench]
fn search_all_languages() -> usize {
    index().search(divan::black_box("report"), Scope::All).len()
}

/// Index built for the one search, as `comicterm search` does.
#[divan::bench(sample_count = 10)]
fn one_off_search() -> usize {
    search(divan::black_box(story()), "report", Scope::Lang(0)).len()
}

/// The viewer with `/report` typed into its prompt; `searched`: after an earlier search (its
/// index built).
fn viewer_prompt(searched: bool) -> App<'static> {
    viewer_typed("report", searched)
}

/// The viewer with `query` typed into its prompt, after an earlier search if `searched`.
fn viewer_typed(query: &str, searched: bool) -> App<'static> {
    let mut app = App::new(story(), &comicterm::ui::GEOMETRY, None, (120, 40));
    let search = |app: &mut App| {
        app.update(Action::SearchStart);
        query
            .chars()
            .for_each(|c| app.update(Action::SearchInput(c)));
    };
    if searched {
        search(&mut app);
        app.update(Action::SearchSubmit);
    }
    search(&mut app);
    app
}

/// Enter in the viewer's prompt, the first search: index built, searched, reader moved.
#[divan::bench(sample_count = 10)]
fn viewer_first_search(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| viewer_prompt(false))
        .bench_local_values(|mut app| {
            app.update(Action::SearchSubmit);
            app
        });
}

/// Enter in the viewer's prompt once the index is built (a later search).
#[divan::bench]
fn viewer_search_again(bencher: divan::Bencher) {
    let searched = viewer_prompt(true);
    bencher
        .with_inputs(|| searched.clone())
        .bench_local_values(|mut app| {
            app.update(Action::SearchSubmit);
            app
        });
}

/// `n`: the viewer moves to the next of the hits.
#[divan::bench]
fn viewer_next_hit(bencher: divan::Bencher) {
    let mut found = viewer_prompt(false);
    found.update(Action::SearchSubmit);
    assert!(found.search.current.is_some(), "\"report\" is found");
    bencher
        .with_inputs(|| found.clone())
        .bench_local_values(|mut app| {
            app.update(Action::SearchNext);
            app
        });
}

/// A frame of the viewer (120×40, no art) after a search: every line drawn looks its hit up
/// among all the hits (none for "ZEBRA", 20,000 for "report", 300,000 for "e").
#[divan::bench(args = ["ZEBRA", "report", "e"])]
fn viewer_frame_after_search(bencher: divan::Bencher, query: &str) {
    let mut app = viewer_typed(query, false);
    app.update(Action::SearchSubmit);
    let mut buf = Buffer::empty(Rect::new(0, 0, 120, 40));
    bencher.bench_local(|| {
        buf.reset();
        let ctx = ViewCtx::new(&app);
        comicterm::ui::render(&app, &ctx, buf.area, &mut buf);
    });
}
