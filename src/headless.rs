//! `render` and `export`: frames and exports without a terminal.

use std::io::{self, Write};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use std::sync::Arc;

use crate::app::{Action, App, Position};
use crate::art::{ArtView, ColorMode, Graphics};
use crate::cli::{ExportFormat, RenderArgs, RenderFormat, ViewArgs, ViewKind};
use crate::story::Story;
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
    let ctx = ViewCtx {
        palette: ui::Palette::new(view.theme.unwrap_or_default(), None),
        mono: render_color_mode() == ColorMode::Mono,
        ..ViewCtx::with_art(&app, &art)
    };
    ui::frame(&app, &ctx, buf.area, &mut buf, ui::Missing::PrepareNow);
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
    let mut app = App::new(story, &ui::GEOMETRY, view.lang.as_deref(), args.size);
    app.update(Action::GoTo(pos));
    if args.view == ViewKind::Panel {
        app.update(Action::ToggleView);
    }
    if args.commentary {
        app.update(Action::ToggleCommentary);
    }
    if args.side {
        app.update(Action::ToggleSide);
    }
    if args.overview {
        app.update(Action::ToggleOverview);
    }
    if args.help_overlay {
        app.update(Action::ToggleHelp);
    }
    Ok(app)
}

/// Writes the whole story in reading order to `out` (see [`crate::export`]).
pub fn export(
    story: &Story,
    format: ExportFormat,
    view: &ViewArgs,
    out: &mut dyn Write,
) -> io::Result<()> {
    crate::export::export(story, format, view.lang.as_deref(), out)
}
