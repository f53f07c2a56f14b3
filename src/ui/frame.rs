//! One frame, art included: the step `render`, the tests, the benches and the live viewer
//! share. Drawing finds which art the frame lacks (at which size); the caller says whether to
//! prepare it at once and draw again (a complete frame) or to hand it to the workers.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{ViewCtx, render};
use crate::app::App;
use crate::art::Job;

/// What a frame does with the art it lacks.
pub enum Missing<'j> {
    /// Prepare it on this thread (spread over the cores) and draw again: the frame is
    /// complete when this returns (`render`, export, tests, benches).
    PrepareNow,
    /// Collect it for the caller (the viewer's workers prepare it off the UI thread; the
    /// frame shows "preparing" until they are done).
    Collect(&'j mut Vec<Job>),
}

/// Draws the screen into `area` of `buf`, then deals with the art it lacked.
pub fn frame(app: &App, ctx: &ViewCtx, area: Rect, buf: &mut Buffer, missing: Missing) {
    render(app, ctx, area, buf);
    let Some(art) = ctx.art else { return };
    let jobs = art.take_wanted();
    match missing {
        Missing::Collect(out) => out.extend(jobs),
        Missing::PrepareNow if jobs.is_empty() => {}
        Missing::PrepareNow => {
            crate::art::prepare_all(&art.store, art.graphics_store.as_deref(), &jobs);
            buf.reset();
            render(app, ctx, area, buf);
        }
    }
}
