//! Mapping a saved place onto the story as it is now.

use std::collections::BTreeSet;

use super::{Saved, SavedView};
use crate::story::Story;

/// Where to open the story, from a saved state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Resume {
    /// Page index, 0-based.
    pub page: usize,
    /// Panel index on that page, 0-based.
    pub panel: usize,
    pub view: SavedView,
    pub language: Option<String>,
    pub commentary: bool,
    /// The saved bookmarks whose panels still exist.
    pub bookmarks: BTreeSet<String>,
    /// The saved panel is gone: the place is the start of the story.
    pub lost: bool,
}

/// The saved place in `story`, whose [`super::content_hash`] is `content`. An unchanged
/// story resumes at the saved indices; a changed one at the panel with the saved id wherever
/// it moved, or at the start when that panel is gone (never at whatever panel now sits at the
/// old position). View, language and commentary are the reader's choices and are kept.
pub fn restore(story: &Story, content: u64, saved: &Saved) -> Resume {
    let p = &saved.place;
    let at_saved = story
        .pages
        .get(p.page)
        .and_then(|page| page.panels.get(p.panel))
        .is_some_and(|panel| panel.id == p.panel_id);
    let found = if content == saved.content && at_saved {
        Some((p.page, p.panel))
    } else {
        find(story, &p.panel_id)
    };
    Resume {
        page: found.map_or(0, |f| f.0),
        panel: found.map_or(0, |f| f.1),
        view: p.view,
        language: p.language.clone(),
        commentary: p.commentary,
        bookmarks: existing(story, &saved.bookmarks),
        lost: found.is_none(),
    }
}

/// Page and panel index of the panel with id `id`.
fn find(story: &Story, id: &str) -> Option<(usize, usize)> {
    story.pages.iter().enumerate().find_map(|(pi, page)| {
        page.panels
            .iter()
            .position(|panel| panel.id == id)
            .map(|i| (pi, i))
    })
}

/// The ids in `ids` that name a panel of `story` (one pass over the story).
fn existing(story: &Story, ids: &BTreeSet<String>) -> BTreeSet<String> {
    if ids.is_empty() {
        return BTreeSet::new();
    }
    story
        .panels()
        .filter(|p| ids.contains(&p.id))
        .map(|p| p.id.clone())
        .collect()
}
