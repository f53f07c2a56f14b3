//! Commentary as numbered notes with their status and citations, and the source list they
//! link to (numbered by [`Story::source_number`], as in the viewer and the transcript).

use std::fmt::Write as _;

use super::escape::{self, escape, link_target};
use super::words::{labels, ui_lang};
use super::{Doc, pick};
use crate::story::{Note, Page, Source, Story, TitleName};
use crate::ui::strings::for_lang;

/// The story's numbers of the sources a note cites, sorted, each once.
pub fn citations(story: &Story, note: &Note) -> Vec<usize> {
    let mut numbers: Vec<usize> = note
        .cites
        .iter()
        .filter_map(|id| story.source_number(id))
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
}

impl Doc<'_> {
    /// Page `n`'s notes, grouped by panel; `before` notes came on earlier pages.
    pub(super) fn commentary(&mut self, n: usize, page: &Page, before: usize) {
        if page.panels.iter().all(|p| p.notes.is_empty()) {
            return;
        }
        let _ = write!(
            self.buf,
            "<section class=\"commentary\" aria-labelledby=\"commentary-{n}\">\
             <h3 id=\"commentary-{n}\">"
        );
        self.label("span", "", |s, _| s.commentary.to_string());
        self.buf.push_str("</h3>\n");
        let mut no = before;
        for panel in page.panels.iter().filter(|p| !p.notes.is_empty()) {
            let _ = write!(self.buf, "<h4 id=\"notes-panel-{}\">", panel.number);
            let number = panel.number.to_string();
            self.label("span", "", |s, _| s.panel_label(&number));
            let _ = write!(
                self.buf,
                "</h4>\n<ol class=\"notes\" start=\"{}\">\n",
                no + 1
            );
            for note in &panel.notes {
                no += 1;
                self.note(note, no);
            }
            self.buf.push_str("</ol>\n");
        }
        self.buf.push_str("</section>\n");
    }

    /// Note `n`: its status and kind, its text, and links to the sources it cites.
    fn note(&mut self, note: &Note, n: usize) {
        let _ = write!(
            self.buf,
            "<li class=\"note {}\" id=\"note-{n}\">",
            note.status.keyword()
        );
        let cites = citations(self.story, note);
        self.variants("div", "", |l| {
            let (s, w) = labels(l);
            let (lang, text) = pick(&note.text, l);
            // The labels are in the interface language, which the text may not be.
            let ui = ui_lang(l);
            let label_lang = if ui == lang {
                String::new()
            } else {
                format!(" lang=\"{ui}\"")
            };
            let mut html = format!(
                "<span class=\"badge status\"{label_lang}>{}</span> \
                 <span class=\"kind\"{label_lang}>{}{}</span>",
                escape(w.status(s, note.status)),
                escape(s.kind(note.kind)),
                escape(s.speaker_sep)
            );
            html.push_str(&escape::lines(text));
            for k in &cites {
                let _ = write!(
                    html,
                    " <a class=\"cite\" href=\"#source-{k}\" aria-label=\"{} {k}\">[{k}]</a>",
                    escape(w.source)
                );
            }
            (lang.to_string(), html)
        });
        self.buf.push_str("</li>\n");
    }

    /// Every source of the story, numbered as cited, with a link where the address is http(s).
    pub(super) fn sources(&mut self) {
        let story = self.story;
        if story.sources.is_empty() {
            return;
        }
        self.buf
            .push_str("<section aria-labelledby=\"sources\"><h2 id=\"sources\">");
        self.label("span", "", |s, _| s.sources.to_string());
        self.buf.push_str("</h2>\n<ol class=\"sources\">\n");
        for (i, src) in story.sources.iter().enumerate() {
            let n = story.source_number(&src.id).unwrap_or(i + 1);
            let _ = write!(self.buf, "<li id=\"source-{n}\" value=\"{n}\">");
            self.citation(src);
            let url = match src.url.as_deref() {
                Some(u) => match link_target(u) {
                    Some(u) => format!(
                        " <a class=\"url\" href=\"{0}\" rel=\"noreferrer noopener\">{0}</a>",
                        escape(u)
                    ),
                    None => format!(" <span class=\"url\">{}</span>", escape(u)),
                },
                None => String::new(),
            };
            self.buf.push_str(&url);
            if let Some(description) = &src.title.description {
                self.text("div", " class=\"description\"", description, escape::lines);
            }
            self.buf.push_str("</li>\n");
        }
        self.buf.push_str("</ol>\n</section>\n");
    }

    /// "Title. Author. Publisher, 2024-05.": the work's own title and the rest as written
    /// (marked with their likely language), or our description in each shown language.
    fn citation(&mut self, src: &Source) {
        let TitleName::Ours(ours) = &src.title.name else {
            let text = self.untranslated(&crate::ui::describe_source(src, self.page_lang));
            self.buf.push_str(&text);
            return;
        };
        self.variants("span", " class=\"supplied\"", |l| {
            let (lang, t) = pick(ours, l);
            let (open, close) = for_lang(lang).supplied;
            (lang.to_string(), escape(&format!("{open}{t}{close}")))
        });
        let text = self.untranslated(&src.details());
        self.buf.push_str(&text);
    }
}
