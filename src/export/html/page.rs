//! A page: its panels as figures on the page's grid, then its commentary.

use std::fmt::Write as _;
use std::io;

use super::escape::{self, escape};
use super::head::{cell_class, grid_class};
use super::words::labels;
use super::{Doc, pick};
use crate::story::{Line, LineKind, Page, Panel};

impl Doc<'_> {
    /// Page `i` (0-based); `note_no` counts the notes written before it.
    pub(super) fn page(&mut self, i: usize, page: &Page, note_no: &mut usize) -> io::Result<()> {
        let n = i + 1;
        let _ = write!(
            self.buf,
            "<section class=\"page\" id=\"page-{n}\" aria-labelledby=\"page-{n}-title\">\n\
             <h2 id=\"page-{n}-title\">"
        );
        self.variants("span", "", |l| {
            let (s, _) = labels(l);
            let label = escape(&s.page_label(&n.to_string()));
            match &page.title {
                Some(t) => {
                    let (lang, title) = pick(t, l);
                    let title = escape(title);
                    (lang.to_string(), format!("{label}{}{title}", s.speaker_sep))
                }
                None => (super::words::ui_lang(l).to_string(), label),
            }
        });
        let _ = writeln!(
            self.buf,
            "</h2>\n<div class=\"grid {}\">",
            grid_class(page.cols)
        );
        let first_note = *note_no;
        for panel in &page.panels {
            self.figure(panel, *note_no + 1);
            *note_no += panel.notes.len();
            self.flush()?;
        }
        self.buf.push_str("</div>\n");
        self.commentary(n, page, first_note);
        self.buf.push_str("</section>\n");
        Ok(())
    }

    /// A panel: its picture (or its alt text and why), then its lines in a figcaption.
    fn figure(&mut self, panel: &Panel, first_note: usize) {
        let _ = writeln!(
            self.buf,
            "<figure class=\"panel {}\" id=\"panel-{}\">",
            cell_class(panel.cell),
            panel.number
        );
        self.picture(panel);
        self.buf.push_str("<figcaption>");
        let number = panel.number.to_string();
        self.label("p", " class=\"panel-no\"", |s, _| s.panel_label(&number));
        for line in &panel.lines {
            self.line(line);
        }
        if !panel.notes.is_empty() {
            let count = panel.notes.len();
            let _ = write!(
                self.buf,
                "<p class=\"see-notes\"><a href=\"#note-{first_note}\">"
            );
            self.label("span", "", |_, w| w.notes(count));
            self.buf.push_str("</a></p>");
        }
        self.buf.push_str("</figcaption>\n</figure>\n");
    }

    /// The embedded picture with its alt text; or the alt text shown, with the reason.
    fn picture(&mut self, panel: &Panel) {
        let uri = panel.art.as_ref().map(|a| self.pictures.data_uri(a));
        if let Some(Ok(uri)) = uri {
            let (lang, alt) = pick(&panel.alt, self.page_lang);
            let mut attrs = format!("src=\"{}\" alt=\"{}\"", escape(&uri), escape(alt));
            if lang != self.page_lang {
                let _ = write!(attrs, " lang=\"{}\"", escape(lang));
            }
            if self.all {
                // The switch puts the chosen language's alt text in place.
                for (i, l) in self.langs.iter().enumerate() {
                    let (lang, alt) = pick(&panel.alt, l);
                    let _ = write!(
                        attrs,
                        " data-alt-{i}=\"{}\" data-lang-{i}=\"{}\"",
                        escape(alt),
                        escape(lang)
                    );
                }
            }
            let _ = writeln!(self.buf, "<img {attrs}>");
            return;
        }
        self.buf.push_str("<div class=\"no-art\">");
        self.text("p", " class=\"alt\"", &panel.alt, escape::lines);
        if let Some(Err(why)) = uri {
            self.variants("p", " class=\"why\"", |l| {
                let (_, w) = labels(l);
                // The reason comes from the loader, in English.
                let reason = format!("<span lang=\"en\">{}</span>", escape(&why));
                let lang = super::words::ui_lang(l).to_string();
                (lang, format!("{}{reason}", escape(w.not_shown)))
            });
        }
        self.buf.push_str("</div>\n");
    }

    /// A caption or balloon, styled by kind, with its speaker.
    fn line(&mut self, line: &Line) {
        let story = self.story;
        let class = format!(" class=\"line {}\"", LineKind::name(line.kind));
        self.variants("p", &class, |l| {
            let (s, _) = labels(l);
            let (lang, text) = pick(&line.text, l);
            let who = line
                .speaker
                .as_deref()
                .and_then(|id| story.character(id))
                .map(|c| escape(pick(&c.name, l).1));
            let (kind, sep) = (escape(s.line_kind(line.kind)), escape(s.speaker_sep));
            let lead = match (line.kind, who) {
                (LineKind::Speech, Some(who)) => format!("<b class=\"who\">{who}{sep}</b>"),
                (_, Some(who)) => format!("<b class=\"who\">{who} ({kind}){sep}</b>"),
                (LineKind::Speech, None) => String::new(),
                (_, None) => format!("<span class=\"kind-label\">{kind}{sep}</span>"),
            };
            (lang.to_string(), format!("{lead}{}", escape::lines(text)))
        });
    }
}
