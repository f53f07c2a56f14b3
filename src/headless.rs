//! `render` and `export`: frames and transcripts without a terminal.

use std::io::{self, Write};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use std::sync::Arc;

use crate::app::{Action, App, Position};
use crate::art::{ArtView, ColorMode, Graphics};
use crate::cli::{ExportFormat, RenderArgs, RenderFormat, ViewArgs, ViewKind};
use crate::story::{Line, LineKind, Note, Panel, Story};
use crate::ui::strings::{Strings, for_lang};
use crate::ui::{self, ViewCtx, dump};

/// Writes one frame to `out`, exactly as the viewer would draw it.
pub fn render(
    story: &Story,
    args: &RenderArgs,
    view: &ViewArgs,
    out: &mut dyn Write,
) -> io::Result<()> {
    let app = app_for(story, args, view)?;
    let (w, h) = args.size;
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    let art = ArtView::new(
        Arc::default(),
        render_color_mode(),
        Graphics::resolve(view.graphics),
    );
    // First pass: learn which art the frame shows at which size; prepare it; draw again.
    let ctx = ViewCtx {
        light: view.theme.light(None),
        mono: render_color_mode() == ColorMode::Mono,
        ..ViewCtx::with_art(&app, &art)
    };
    ui::render(&app, &ctx, buf.area, &mut buf);
    crate::art::prepare_all(&art.store, None, &art.take_wanted());
    buf.reset();
    ui::render(&app, &ctx, buf.area, &mut buf);
    let frame = match args.format {
        RenderFormat::Text => dump::text(&buf),
        RenderFormat::Ansi => dump::ansi(&buf),
    };
    out.write_all(frame.as_bytes())
}

/// `render` writes 24-bit color unless `NO_COLOR` asks for none.
fn render_color_mode() -> ColorMode {
    match ColorMode::detect() {
        ColorMode::Mono => ColorMode::Mono,
        _ => ColorMode::TrueColor,
    }
}

/// The reader state `render` draws, reached through the same actions as the viewer.
fn app_for<'s>(story: &'s Story, args: &RenderArgs, view: &ViewArgs) -> io::Result<App<'s>> {
    let pos = match args.panel {
        // Panels are numbered across the story, as in the status bar and the transcript.
        Some(k) => story
            .pages
            .iter()
            .enumerate()
            .find_map(|(page, p)| {
                let panel = p.panels.iter().position(|x| x.number == k)?;
                Some(Position { page, panel })
            })
            .ok_or_else(|| {
                io::Error::other(format!(
                    "there is no panel {k} (the story has {})",
                    story.panel_count()
                ))
            })?,
        None => {
            let pages = story.pages.len();
            if args.page == 0 || args.page > pages {
                return Err(io::Error::other(format!(
                    "there is no page {} (the story has {pages})",
                    args.page
                )));
            }
            Position {
                page: args.page - 1,
                panel: 0,
            }
        }
    };
    let mut app = App::new(story, view.lang.as_deref(), args.size);
    app.update(Action::GoTo(pos));
    if args.view == ViewKind::Panel {
        app.update(Action::ToggleView);
    }
    if args.commentary {
        app.update(Action::ToggleCommentary);
    }
    if args.help_overlay {
        app.update(Action::ToggleHelp);
    }
    Ok(app)
}

/// Writes the whole story in reading order to `out`: a plain-text transcript.
pub fn export(
    story: &Story,
    _format: ExportFormat,
    view: &ViewArgs,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lang = view
        .lang
        .as_deref()
        .and_then(|l| crate::app::lang::resolve(&story.languages, l))
        .and_then(|i| story.languages.get(i))
        .or(story.languages.first())
        .map_or("en", String::as_str);
    let mut t = Transcript {
        story,
        lang,
        s: for_lang(lang),
        cited: std::collections::BTreeSet::new(),
        out,
    };
    t.write_story()
}

struct Transcript<'a> {
    story: &'a Story,
    lang: &'a str,
    s: &'static Strings,
    /// Numbers of the sources cited so far (the story's numbering).
    cited: std::collections::BTreeSet<usize>,
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
            let text = ui::describe_source(src);
            writeln!(self.out, "[{n}] {text}{url}")?;
        }
        Ok(())
    }
}
