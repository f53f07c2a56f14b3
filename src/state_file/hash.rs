//! A stable hash of a story's content: what decides whether a saved place still fits.
//!
//! FNV-1a (64 bit), hand-written: `std`'s `DefaultHasher` may change between Rust releases,
//! and the hash is written to disk and compared across runs and builds.

use crate::story::{Story, Text};

/// FNV-1a over everything that moves panels or changes what they say: page and panel ids,
/// grid cells, art paths, alt text, lines and notes in every language.
pub fn content_hash(story: &Story) -> u64 {
    let mut h = Fnv::new();
    h.str(&story.id);
    for l in &story.languages {
        h.str(l);
    }
    for page in &story.pages {
        h.str(&page.id);
        h.num(u64::from(page.rows) << 16 | u64::from(page.cols));
        if let Some(t) = &page.title {
            h.text(t);
        }
        for panel in &page.panels {
            h.str(&panel.id);
            let c = panel.cell;
            h.num(
                u64::from(c.row) << 48
                    | u64::from(c.col) << 32
                    | u64::from(c.row_span) << 16
                    | u64::from(c.col_span),
            );
            h.str(panel.art.as_ref().map_or("", |a| a.path.as_str()));
            h.text(&panel.alt);
            for line in &panel.lines {
                h.str(line.speaker.as_deref().unwrap_or(""));
                h.text(&line.text);
            }
            for note in &panel.notes {
                h.text(&note.text);
            }
        }
    }
    h.0
}

struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 ^= u64::from(x);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// A string and its length: `"ab" + "c"` and `"a" + "bc"` hash apart.
    fn str(&mut self, s: &str) {
        self.num(s.len() as u64);
        self.bytes(s.as_bytes());
    }

    fn num(&mut self, n: u64) {
        self.bytes(&n.to_le_bytes());
    }

    fn text(&mut self, t: &Text) {
        for (lang, s) in t.iter() {
            self.str(lang);
            self.str(s);
        }
    }
}

/// FNV-1a of a string alone: names a story's state file.
pub fn str_hash(s: &str) -> u64 {
    let mut h = Fnv::new();
    h.bytes(s.as_bytes());
    h.0
}
