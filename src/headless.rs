//! `render` and `export`: frames and transcripts without a terminal (built by the viewer issue).

use crate::cli::{ExportFormat, RenderArgs, ViewArgs};
use crate::story::Story;

/// Writes one frame to `out`, exactly as the viewer would draw it.
pub fn render(
    _story: &Story,
    _args: &RenderArgs,
    _view: &ViewArgs,
    _out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    Err(std::io::Error::other("render is not built yet"))
}

/// Writes the whole story in reading order to `out`.
pub fn export(
    _story: &Story,
    _format: ExportFormat,
    _view: &ViewArgs,
    _out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    Err(std::io::Error::other("export is not built yet"))
}
