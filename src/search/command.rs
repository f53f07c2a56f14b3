//! `comicterm search [PATH] TEXT`: hits as lines for scripts.

use std::io::Write;

use super::{Hit, Scope, search, text};
use crate::story::Story;

/// Prints every hit of `query` in `story` as `page<TAB>panel<TAB>where<TAB>lang<TAB>line`
/// (page 1-based, panel numbered across the story as in the status bar, the line of the
/// text holding the match, made safe to print). Returns the exit code: 0 with hits, 1
/// without. `lang` is `--lang` (the story's first language when absent or not in the
/// story).
pub fn command(
    story: &Story,
    query: &str,
    lang: Option<&str>,
    all_langs: bool,
    out: &mut impl Write,
) -> std::io::Result<i32> {
    let scope = if all_langs {
        Scope::All
    } else {
        let l = lang.and_then(|l| crate::story::lang::resolve(&story.languages, l));
        Scope::Lang(l.unwrap_or(0))
    };
    let hits = search(story, query, scope);
    for hit in &hits {
        writeln!(out, "{}", hit_line(story, hit))?;
    }
    Ok(if hits.is_empty() { 1 } else { 0 })
}

/// One output line for `hit`.
pub fn hit_line(story: &Story, hit: &Hit) -> String {
    let whole = text(story, hit);
    let start = whole[..hit.range.start.min(whole.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let end = whole[start..].find('\n').map_or(whole.len(), |i| start + i);
    let line = crate::diag::visible(&whole[start..end].replace('\t', " "));
    let lang = story.languages.get(hit.lang).map_or("", String::as_str);
    format!(
        "{}\t{}\t{}\t{}\t{line}",
        hit.page + 1,
        hit.number,
        hit.place,
        crate::diag::visible(lang)
    )
}
