//! `export --format html`: one self-contained HTML file. Pictures are embedded as `data:` URIs,
//! nothing is fetched, and it reads without JavaScript; the one optional script (the language
//! switch of `--lang all`) is allowed by its hash in the Content-Security-Policy. Every story
//! string is escaped ([`escape`]), and only http(s) addresses become links.

pub mod escape;
mod head;
mod notes;
mod page;
mod pictures;
#[cfg(test)]
mod style_tests;
mod words;

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::story::{Story, Text};
use escape::escape;
use pictures::Pictures;
use words::{Words, labels, ui_lang};

use crate::ui::strings::Strings;

/// Which languages the file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown<'a> {
    /// One of the story's languages.
    One(&'a str),
    /// Every language, each text in all of them, with a switch.
    All,
}

/// Writes the story as one HTML document.
pub fn write(story: &Story, shown: Shown, out: &mut dyn Write) -> io::Result<()> {
    let langs: Vec<&str> = match shown {
        Shown::One(l) => vec![l],
        Shown::All => story.languages.iter().map(String::as_str).collect(),
    };
    let Some(&first) = langs.first() else {
        return Err(io::Error::other("the story declares no language"));
    };
    let cjk = story
        .languages
        .iter()
        .find(|l| l.starts_with("zh"))
        .map_or("zh", String::as_str);
    let latin = story
        .languages
        .iter()
        .find(|l| !escape::is_cjk_lang(l))
        .map(String::as_str);
    let mut doc = Doc {
        story,
        all: shown == Shown::All,
        langs,
        page_lang: first,
        cjk,
        latin,
        pictures: Pictures::default(),
        buf: String::new(),
        out,
    };
    doc.write_document()
}

/// The document being written: what it shows, and a buffer flushed after each panel (a
/// picture can be large; the file is never held whole).
struct Doc<'a> {
    story: &'a Story,
    /// `--lang all`: every text once per language, marked `data-v` for the switch.
    all: bool,
    /// The languages shown, in the story's order.
    langs: Vec<&'a str>,
    /// The `lang` of `<html>`: the first shown language.
    page_lang: &'a str,
    /// The story's Chinese tag if it has one, for CJK runs in untranslated strings.
    cjk: &'a str,
    /// The story's first language not in a CJK script, for untranslated strings on a CJK page.
    latin: Option<&'a str>,
    pictures: Pictures,
    buf: String,
    out: &'a mut dyn Write,
}

/// The text in `lang`, and the language it is really in (a missing translation falls back to
/// the first language that has one, as in the viewer).
pub fn pick<'t>(text: &'t Text, lang: &'t str) -> (&'t str, &'t str) {
    text.iter()
        .find(|(l, _)| *l == lang)
        .or_else(|| text.iter().next())
        .unwrap_or((lang, ""))
}

impl<'a> Doc<'a> {
    fn flush(&mut self) -> io::Result<()> {
        self.out.write_all(self.buf.as_bytes())?;
        self.buf.clear();
        Ok(())
    }

    /// `<tag attrs>…</tag>` once per shown language. `html` gives, for a shown language, the
    /// element's content (escaped) and the language it is in; `lang` is written where that
    /// differs from the page's, and always with the switch.
    fn variants(&mut self, tag: &str, attrs: &str, html: impl Fn(&str) -> (String, String)) {
        for (i, &shown) in self.langs.iter().enumerate() {
            let (lang, content) = html(shown);
            let mut a = attrs.to_string();
            if self.all {
                let _ = write!(a, " data-v=\"{i}\"");
            }
            if self.all || lang != self.page_lang {
                let _ = write!(a, " lang=\"{}\"", escape(&lang));
            }
            let _ = write!(self.buf, "<{tag}{a}>{content}</{tag}>");
        }
    }

    /// A story text, escaped, in an element per shown language.
    fn text(&mut self, tag: &str, attrs: &str, text: &Text, render: fn(&str) -> String) {
        self.variants(tag, attrs, |l| {
            let (lang, t) = pick(text, l);
            (lang.to_string(), render(t))
        });
    }

    /// An interface label in an element per shown language.
    fn label(&mut self, tag: &str, attrs: &str, f: impl Fn(&Strings, &Words) -> String) {
        self.variants(tag, attrs, |l| {
            let (s, w) = labels(l);
            (ui_lang(l).to_string(), escape(&f(s, w)))
        });
    }

    /// A string the story does not translate, escaped and marked with its likely language.
    fn untranslated(&self, s: &str) -> String {
        escape::mixed(s, self.page_lang, self.cjk, self.latin)
    }

    fn write_document(&mut self) -> io::Result<()> {
        let (_, title) = pick(&self.story.title, self.page_lang);
        let head = head::write(
            &escape(title),
            self.story,
            if self.all { self.langs.len() } else { 0 },
        );
        let _ = write!(
            self.buf,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n{head}<body>\n<header>\n",
            escape(self.page_lang)
        );
        let story = self.story;
        self.buf.push_str("<h1>");
        self.text("span", "", &story.title, escape);
        self.buf.push_str("</h1>\n");
        self.switch();
        self.text(
            "div",
            " class=\"summary\"",
            &story.summary,
            escape::paragraphs,
        );
        self.credits();
        self.buf.push_str("</header>\n<main>\n");
        let mut note_no = 0;
        for (i, page) in story.pages.iter().enumerate() {
            self.page(i, page, &mut note_no)?;
        }
        self.sources();
        self.buf.push_str("</main>\n");
        if self.all {
            self.buf.push_str(&head::script());
        }
        self.buf.push_str("</body>\n</html>\n");
        self.flush()
    }

    /// The language switch: hidden until its script runs.
    fn switch(&mut self) {
        if !self.all {
            return;
        }
        let (_, w) = labels(self.page_lang);
        let _ = write!(
            self.buf,
            "<nav id=\"langs\" class=\"langs\" hidden aria-label=\"{}\">",
            escape(w.language)
        );
        for (i, l) in self.langs.iter().enumerate() {
            let name = crate::ui::strings::language_name(l);
            let _ = write!(
                self.buf,
                "<button type=\"button\" data-show=\"{i}\" lang=\"{}\">{}</button> ",
                escape(l),
                escape(name)
            );
        }
        self.buf.push_str("</nav>\n");
    }

    fn credits(&mut self) {
        if self.story.credits.is_empty() {
            return;
        }
        self.buf
            .push_str("<section aria-labelledby=\"credits\"><h2 id=\"credits\">");
        self.label("span", "", |_, w| w.credits.to_string());
        self.buf.push_str("</h2>");
        self.buf.push_str("<dl class=\"credits\">");
        let story = self.story;
        for c in &story.credits {
            self.buf.push_str("<dt>");
            self.label("span", "", |s, _| s.role(&c.role).to_string());
            let name = self.untranslated(&c.name);
            let _ = write!(self.buf, "</dt><dd>{name}</dd>");
        }
        self.buf.push_str("</dl></section>\n");
    }
}
