//! Search benchmarks (`cargo bench --bench search`): a generated 10,000-panel story
//! (`comicterm generate OUT --panels 10000`, two languages), folded into an index once and
//! searched for a rare word, a common one, Chinese text and across all languages; plus a
//! one-off search that builds its index (what `comicterm search` does). Prints the story's
//! size first. Timings are read, never asserted (docs/performance.md).

use std::sync::OnceLock;

use comicterm::search::{Index, Scope, search};
use comicterm::story::{Story, StorySource, load};

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
