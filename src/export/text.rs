//! The plain-text transcript: the whole story in reading order, one language.

use std::collections::BTreeSet;
use std::io::{self, Write};

use crate::story::{Line, LineKind, Note, Panel, Story};
use crate::ui;
use crate::ui::strings::{Strings, for_lang};

/// Writes the story in `lang` (a language the story declares) as a transcript.
pub fn write(story: &Story, lang: &str, out: &mut dyn Write) -> io::Result<()> {
    let mut t = Transcript {
        story,
        lang,
        s: for_lang(lang),
        cited: BTreeSet::new(),
        out,
    };
    t.write_story()
}

struct Transcript<'a> {
    story: &'a Story,
    lang: &'a str,
    s: &'static Strings,
    /// Numbers of the sources cited so far (the story's numbering).
    cited: BTreeSet<usize>,
    out: &'a mut dyn Write,
}

impl<'a> Transcript<'a> {
    fn write_story(&mut self) -> io::Result<()> {
        let story = self.story;
        writeln!(self.out, "{}", story.title.get(self.lang))?;
        writeln!(self.out, "\n{}", story.summary.get(self.lang))?;
        for (i, page) in story.pages.iter().enumerate() {
            let title = page
                .title
                .as_ref()
                .map(|t| format!("{}{}", self.s.speaker_sep, t.get(self.lang)))
                .unwrap_or_default();
            writeln!(
                self.out,
                "\n{}{title}",
                self.s.page_label(&(i + 1).to_string())
            )?;
            for panel in &page.panels {
                self.write_panel(panel)?;
            }
        }
        self.write_sources()
    }

    fn write_panel(&mut self, panel: &'a Panel) -> io::Result<()> {
        writeln!(
            self.out,
            "\n{}",
            self.s.panel_label(&panel.number.to_string())
        )?;
        let (image, sep) = (self.s.image, self.s.speaker_sep);
        writeln!(self.out, "[{image}{sep}{}]", panel.alt.get(self.lang))?;
        for line in &panel.lines {
            let text = self.line(line);
            writeln!(self.out, "{text}")?;
        }
        for note in &panel.notes {
            let text = self.note(note);
            writeln!(self.out, "{text}")?;
        }
        Ok(())
    }

    fn line(&self, line: &Line) -> String {
        let text = line.text.get(self.lang);
        let who = line
            .speaker
            .as_deref()
            .and_then(|id| self.story.character(id))
            .map(|c| c.name.get(self.lang));
        let sep = self.s.speaker_sep;
        match (line.kind, who) {
            (LineKind::Speech, Some(who)) => format!("{who}{sep}{text}"),
            (kind, Some(who)) => format!("{who} ({}){sep}{text}", self.s.line_kind(kind)),
            (kind, None) => format!("{}{sep}{text}", self.s.line_kind(kind)),
        }
    }

    fn note(&mut self, note: &'a Note) -> String {
        let status = self
            .s
            .status(note.status)
            .map(|label| format!(", {label}"))
            .unwrap_or_default();
        // The story's source numbers, as the overlay shows them, in order.
        let mut numbers: Vec<usize> = note
            .cites
            .iter()
            .filter_map(|id| self.story.source_number(id))
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        let refs: String = numbers.iter().map(|n| format!(" [{n}]")).collect();
        self.cited.extend(numbers);
        let kind = self.s.kind(note.kind);
        format!(
            "{} ({kind}{status}): {}{refs}",
            self.s.commentary,
            note.text.get(self.lang)
        )
    }

    fn write_sources(&mut self) -> io::Result<()> {
        if self.cited.is_empty() {
            return Ok(());
        }
        writeln!(self.out, "\n{}", self.s.sources)?;
        for &n in &self.cited {
            let Some(src) = self.story.sources.get(n - 1) else {
                continue;
            };
            let url = src
                .url
                .as_deref()
                .map(|u| format!(" {u}"))
                .unwrap_or_default();
            let text = ui::describe_source(src, self.lang);
            writeln!(self.out, "[{n}] {text}{url}")?;
            if let Some(description) = src.title.description(self.lang) {
                // Under the citation, in line with its text.
                let indent = " ".repeat(format!("[{n}] ").len());
                let text = description.replace('\n', &format!("\n{indent}"));
                writeln!(self.out, "{indent}{text}")?;
            }
        }
        Ok(())
    }
}
